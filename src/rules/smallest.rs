//! The smallest set of pending units that reaches a goal (RULES.md §7):
//! the least SP total, then the fewest units, then the first codes.

use fixedbitset::FixedBitSet;

/// A pending unit: its code, SP, and whether a credit would count for the
/// bonus (diplomacontract).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub code: String,
    pub sp: u32,
    pub diploma: bool,
}

/// The chosen set, or `None` when even every item together does not reach
/// the goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chosen {
    /// SP of the set.
    pub sp: u64,
    /// Codes, in code order.
    pub codes: Vec<String>,
}

const NONE: u16 = u16::MAX;

/// The most table cells of the exact search (8 MiB): far above any real
/// year (30 pending units of 6 SP under diplomacontract take 1 M).
const EXACT_CELLS: usize = 1 << 22;

/// The most cells of the search by SP total alone (bits, 16 MiB).
const TOTAL_CELLS: usize = 1 << 27;

/// Finds the set. `holds(sp, diploma_sp)` says whether credits for a set
/// with that SP total, of which `diploma_sp` under diplomacontract, reach
/// the goal; it must not become false when either grows.
///
/// Beyond any real year (more than [`EXACT_CELLS`] states) the SP total
/// stays the least, but the set is one that reaches it, not necessarily
/// the one with the fewest units; beyond [`TOTAL_CELLS`] it is a set that
/// suffices, found largest-first. Memory and time stay bounded whatever
/// the case file says.
pub fn smallest(items: &[Item], holds: impl Fn(u64, u64) -> bool) -> Option<Chosen> {
    search(items, &holds, EXACT_CELLS, TOTAL_CELLS)
}

/// [`smallest`] with the two bounds as arguments.
fn search(
    items: &[Item],
    holds: &impl Fn(u64, u64) -> bool,
    exact_cells: usize,
    total_cells: usize,
) -> Option<Chosen> {
    let mut items: Vec<&Item> = items.iter().collect();
    items.sort_by(|a, b| a.code.cmp(&b.code));
    let total: usize = items.iter().map(|i| i.sp as usize).sum();
    let total_d: usize = items.iter().map(|i| diploma_sp(i)).sum();
    if !holds(total as u64, total_d as u64) {
        return None;
    }
    let n = items.len();
    let cells = (n + 1)
        .saturating_mul(total + 1)
        .saturating_mul(total_d + 1);
    Some(if cells <= exact_cells {
        fewest(&items, total, total_d, holds)
    } else if n.saturating_mul(total + 1) <= total_cells {
        least_total(&items, total, holds)
    } else {
        largest_first(&items, holds)
    })
}

fn diploma_sp(item: &Item) -> usize {
    if item.diploma { item.sp as usize } else { 0 }
}

/// The exact search: the least SP total that reaches the goal, the fewest
/// items there, and among those the first codes. `items` are in code
/// order; `total` and `total_d` are their SP and diploma SP, which reach
/// the goal.
fn fewest(
    items: &[&Item],
    total: usize,
    total_d: usize,
    holds: &impl Fn(u64, u64) -> bool,
) -> Chosen {
    let n = items.len();
    let w = total_d + 1;
    let at = |s: usize, d: usize| s * w + d;
    // g[i][(s, d)]: the fewest items of items[i..] with exactly that SP
    // total and diploma SP.
    let mut g = vec![vec![NONE; (total + 1) * w]; n + 1];
    g[n][at(0, 0)] = 0;
    for i in (0..n).rev() {
        let (sp, dp) = (items[i].sp as usize, diploma_sp(items[i]));
        let (next, this) = {
            let (a, b) = g.split_at_mut(i + 1);
            (&b[0], &mut a[i])
        };
        this.copy_from_slice(next);
        for s in sp..=total {
            for d in dp..=total_d.min(s) {
                let from = next[at(s - sp, d - dp)];
                if from != NONE {
                    let cell = &mut this[at(s, d)];
                    *cell = (*cell).min(from + 1);
                }
            }
        }
    }
    // The least SP total that reaches the goal, and the fewest items there
    // (the whole set reaches it, so there is one).
    let (best_s, best_c) = (0..=total)
        .find_map(|s| {
            (0..=total_d.min(s))
                .filter(|&d| g[0][at(s, d)] != NONE && holds(s as u64, d as u64))
                .map(|d| g[0][at(s, d)])
                .min()
                .map(|c| (s, c))
        })
        .unwrap_or((total, g[0][at(total, total_d)]));
    // Walk the items in code order, taking each one that still allows a
    // completion with the same total and count.
    let mut codes = Vec::new();
    let (mut s, mut d, mut c) = (0usize, 0usize, 0u16);
    for (i, item) in items.iter().enumerate() {
        let (sp, dp) = (item.sp as usize, diploma_sp(item));
        let Some(rest) = best_s.checked_sub(s + sp) else {
            continue;
        };
        let possible = (0..=rest.min(total_d)).any(|rd| {
            let k = g[i + 1][at(rest, rd)];
            k != NONE && c + 1 + k == best_c && holds(best_s as u64, (d + dp + rd) as u64)
        });
        if possible {
            codes.push(item.code.clone());
            s += sp;
            d += dp;
            c += 1;
        }
    }
    Chosen {
        sp: best_s as u64,
        codes,
    }
}

/// The least SP total, with per total the most diploma SP a set of that
/// total can have; the set is rebuilt from which item improved which
/// total. Among sets of the same total and diploma SP the one found first
/// (items in code order) stays.
fn least_total(items: &[&Item], total: usize, holds: &impl Fn(u64, u64) -> bool) -> Chosen {
    // most_d[s]: the most diploma SP of a set with SP total s (None: no set).
    let mut most_d: Vec<Option<usize>> = vec![None; total + 1];
    most_d[0] = Some(0);
    let width = most_d.len();
    // took: one bit per item and total, set where the item improved it.
    let mut took = FixedBitSet::with_capacity(items.len() * width);
    for (i, item) in items.iter().enumerate() {
        let (sp, dp) = (item.sp as usize, diploma_sp(item));
        for s in (sp..=total).rev() {
            if let Some(d) = most_d[s - sp]
                && most_d[s].is_none_or(|have| d + dp > have)
            {
                most_d[s] = Some(d + dp);
                took.insert(i * width + s);
            }
        }
    }
    let best = (0..=total)
        .find(|&s| most_d[s].is_some_and(|d| holds(s as u64, d as u64)))
        .unwrap_or(total);
    let mut codes = Vec::new();
    let mut s = best;
    for (i, item) in items.iter().enumerate().rev() {
        if took.contains(i * width + s) {
            codes.push(item.code.clone());
            s -= item.sp as usize;
        }
    }
    codes.sort();
    Chosen {
        sp: best as u64,
        codes,
    }
}

/// A set that suffices: the largest units first (diplomacontract first
/// among equals), then every unit it can do without, smallest first, left
/// out again.
fn largest_first(items: &[&Item], holds: &impl Fn(u64, u64) -> bool) -> Chosen {
    let mut order: Vec<&Item> = items.to_vec();
    order.sort_by(|a, b| b.sp.cmp(&a.sp).then(b.diploma.cmp(&a.diploma)));
    let (mut s, mut d) = (0usize, 0usize);
    let mut taken = Vec::new();
    for item in order {
        if holds(s as u64, d as u64) {
            break;
        }
        s += item.sp as usize;
        d += diploma_sp(item);
        taken.push(item);
    }
    // Only a unit under creditcontract can ever be left out again. The
    // last unit taken cannot: the units before it were not enough. One
    // under diplomacontract taken before the last has at least the SP and
    // the diploma SP of the last; were the set enough without it, it would
    // be enough without the last instead, and so would the units taken
    // before the last — which they were not.
    let mut keep = vec![true; taken.len()];
    for i in (0..taken.len()).rev() {
        let sp = taken[i].sp as usize;
        if !taken[i].diploma && holds((s - sp) as u64, d as u64) {
            s -= sp;
            keep[i] = false;
        }
    }
    let mut codes: Vec<String> = taken
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(i, _)| i.code.clone())
        .collect();
    codes.sort();
    Chosen {
        sp: s as u64,
        codes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Units under diplomacontract.
    fn items(list: &[(&str, u32)]) -> Vec<Item> {
        let list: Vec<(&str, u32, bool)> = list.iter().map(|&(c, sp)| (c, sp, true)).collect();
        plain(&list)
    }

    /// Units with their contract (`true`: diplomacontract).
    fn plain(list: &[(&str, u32, bool)]) -> Vec<Item> {
        list.iter()
            .map(|(c, sp, diploma)| Item {
                code: c.to_string(),
                sp: *sp,
                diploma: *diploma,
            })
            .collect()
    }

    fn chosen(sp: u64, codes: &[&str]) -> Chosen {
        Chosen {
            sp,
            codes: codes.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn least_sp_then_fewest_units_then_code_order() {
        // S27: FYS 6, LAB 3, BIO 6, ENG 3; 6 SP needed.
        let it = items(&[("FYS", 6), ("LAB", 3), ("BIO", 6), ("ENG", 3)]);
        let c = smallest(&it, |s, _| s >= 6).unwrap();
        assert_eq!((c.sp, c.codes.clone()), (6, vec!["BIO".to_string()]));
        let c = smallest(&it, |s, _| s >= 3).unwrap();
        assert_eq!(c.codes, vec!["ENG".to_string()]);
        // 7 SP: no subset sums to 7, so 9 (one 6 and one 3): BIO and ENG.
        let c = smallest(&it, |s, _| s >= 7).unwrap();
        assert_eq!((c.sp, c.codes), (9, vec!["BIO".into(), "ENG".into()]));
        assert!(smallest(&it, |s, _| s >= 19).is_none());
    }

    #[test]
    fn the_bonus_can_make_a_smaller_set_enough() {
        // A gain of 10 with the bonus counting double: 5 SP under
        // diplomacontract do it, 9 under creditcontract would be needed.
        let mut it = items(&[("A", 5), ("B", 9)]);
        it[1].diploma = false;
        let c = smallest(&it, |s, d| s + d.min(60) >= 10).unwrap();
        assert_eq!(c.codes, vec!["A".to_string()]);
    }

    /// Many units: the search by total alone, and beyond it largest first,
    /// stay bounded and give a set that reaches the goal.
    #[test]
    fn huge_inputs_stay_bounded_and_still_reach_the_goal() {
        let many: Vec<Item> = (0..2_000)
            .map(|i| Item {
                code: format!("U{i:04}"),
                sp: if i % 2 == 0 { 6 } else { 3 },
                diploma: i % 3 == 0,
            })
            .collect();
        let holds = |s: u64, d: u64| s + d >= 100;
        let c = smallest(&many, holds).unwrap();
        // 6 SP units under diplomacontract count 12: 9 of them give 108,
        // but 8 (96) and one 3 SP one under diplomacontract (6) give 102
        // with a total of 51 SP; the least total is 51.
        assert_eq!(c.sp, 51);
        let sum = |c: &Chosen| {
            let (mut s, mut d) = (0, 0);
            for code in &c.codes {
                let it = many.iter().find(|i| &i.code == code).unwrap();
                s += u64::from(it.sp);
                d += if it.diploma { u64::from(it.sp) } else { 0 };
            }
            (s, d)
        };
        let (s, d) = sum(&c);
        assert_eq!(s, c.sp);
        assert!(holds(s, d));
        // A unit of a million SP: largest first.
        let mut huge = many.clone();
        huge.push(Item {
            code: "ZZZ".into(),
            sp: 1_000_000,
            diploma: false,
        });
        let c = smallest(&huge, |s, _| s >= 999_999).unwrap();
        assert_eq!(c.codes, vec!["ZZZ".to_string()]);
        assert_eq!(c.sp, 1_000_000);
    }

    #[test]
    fn nothing_needed_is_the_empty_set() {
        let it = items(&[("A", 5)]);
        assert_eq!(
            smallest(&it, |_, _| true).unwrap().codes,
            Vec::<String>::new()
        );
    }

    /// Every subset of `items`, each in the order of `items`.
    fn subsets<'a>(items: &'a [&'a Item]) -> impl Iterator<Item = Vec<&'a Item>> + 'a {
        (0u32..1 << items.len()).map(move |mask| {
            (0..items.len())
                .filter(|i| mask >> i & 1 == 1)
                .map(|i| items[i])
                .collect()
        })
    }

    /// Every subset, as the rule reads: the least SP total that reaches the
    /// goal, then the fewest units, then the first codes (in code order).
    fn reference(items: &[Item], holds: &impl Fn(u64, u64) -> bool) -> Option<Chosen> {
        let sorted = in_order(items);
        let mut best: Option<(u64, usize, Vec<String>)> = None;
        for set in subsets(&sorted) {
            let (s, d) = sums(&set);
            let key = (s, set.len(), set.iter().map(|i| i.code.clone()).collect());
            if holds(s, d) && best.as_ref().is_none_or(|b| key < *b) {
                best = Some(key);
            }
        }
        best.map(|(sp, _, codes)| Chosen { sp, codes })
    }

    /// SP and diploma SP of a set.
    fn sums(set: &[&Item]) -> (u64, u64) {
        set.iter().fold((0, 0), |(s, d), i| {
            let sp = u64::from(i.sp);
            (s + sp, d + if i.diploma { sp } else { 0 })
        })
    }

    /// The items a choice names.
    fn picked<'a>(items: &'a [Item], c: &Chosen) -> Vec<&'a Item> {
        c.codes
            .iter()
            .map(|code| items.iter().find(|i| &i.code == code).unwrap())
            .collect()
    }

    /// Both searches in code order, as `search` hands them over.
    fn in_order(items: &[Item]) -> Vec<&Item> {
        let mut v: Vec<&Item> = items.iter().collect();
        v.sort_by(|a, b| a.code.cmp(&b.code));
        v
    }

    /// Up to nine units with distinct codes (not in code order), SP 0 to
    /// 12, either contract; a goal `sp + weight × min(diploma_sp, cap) ≥
    /// goal`, the shape of the leerkrediet bonus.
    fn arb_case() -> impl Strategy<Value = (Vec<Item>, u64, u64, u64)> {
        (
            prop::collection::vec(("[A-F]{1,2}", 0u32..=12, any::<bool>()), 0..=9),
            0u64..=80,
            0u64..=2,
            0u64..=30,
        )
            .prop_map(|(raw, goal, weight, cap)| {
                let mut seen = std::collections::HashSet::new();
                let items = raw
                    .into_iter()
                    .filter(|(c, _, _)| seen.insert(c.clone()))
                    .map(|(code, sp, diploma)| Item { code, sp, diploma })
                    .collect();
                (items, goal, weight, cap)
            })
    }

    proptest! {
        /// Real years: the exact search is the rule, subset for subset.
        #[test]
        fn the_exact_search_is_every_subset_compared((items, goal, weight, cap) in arb_case()) {
            let holds = |s: u64, d: u64| s + weight * d.min(cap) >= goal;
            prop_assert_eq!(smallest(&items, holds), reference(&items, &holds));
        }

        /// Beyond the exact search: the least total still, a set with that
        /// total and the most diploma SP any set of that total has.
        #[test]
        fn by_total_alone_the_total_is_still_the_least((items, goal, weight, cap) in arb_case()) {
            let holds = |s: u64, d: u64| s + weight * d.min(cap) >= goal;
            let Some(want) = reference(&items, &holds) else {
                return Ok(());
            };
            let total = items.iter().map(|i| i.sp as usize).sum();
            let got = least_total(&in_order(&items), total, &holds);
            prop_assert_eq!(got.sp, want.sp);
            let set = picked(&items, &got);
            let (s, d) = sums(&set);
            prop_assert_eq!(s, got.sp);
            prop_assert!(holds(s, d));
            let mut sorted = got.codes.clone();
            sorted.sort();
            sorted.dedup();
            prop_assert_eq!(&sorted, &got.codes);
            let most = subsets(&in_order(&items))
                .map(|set| sums(&set))
                .filter(|&(ss, _)| ss == s)
                .map(|(_, dd)| dd)
                .max();
            prop_assert_eq!(Some(d), most);
        }

        /// Largest first: a set that reaches the goal, with no unit it can
        /// do without.
        #[test]
        fn largest_first_reaches_the_goal_and_needs_every_unit((items, goal, weight, cap) in arb_case()) {
            let holds = |s: u64, d: u64| s + weight * d.min(cap) >= goal;
            let Some(want) = reference(&items, &holds) else {
                return Ok(());
            };
            let got = largest_first(&in_order(&items), &holds);
            let set = picked(&items, &got);
            let (s, d) = sums(&set);
            prop_assert_eq!(s, got.sp);
            prop_assert!(holds(s, d));
            prop_assert!(got.sp >= want.sp);
            for left_out in 0..set.len() {
                let mut rest = set.clone();
                rest.remove(left_out);
                let (s, d) = sums(&rest);
                prop_assert!(!holds(s, d), "{} could be left out", set[left_out].code);
            }
            let mut sorted = got.codes.clone();
            sorted.sort();
            prop_assert_eq!(&sorted, &got.codes);
        }
    }

    /// Largest first takes the biggest units, diplomacontract first among
    /// equal SP and code order among equals, then leaves out again what it
    /// can do without, smallest (last taken) first.
    #[test]
    fn largest_first_order_and_leaving_out() {
        let it = plain(&[
            ("A", 3, false),
            ("B", 6, false),
            ("C", 6, true),
            ("D", 6, true),
            ("E", 2, false),
        ]);
        let got = |goal: u64| largest_first(&in_order(&it), &|s: u64, d: u64| s + d >= goal);
        // 12 (C with its bonus) reaches 12: C alone.
        assert_eq!(got(12), chosen(6, &["C"]));
        // 20: C and D (24); B is never needed.
        assert_eq!(got(20), chosen(12, &["C", "D"]));
        // 26: C, D, B (30) suffice; A and E are not taken.
        assert_eq!(got(26).codes, vec!["B", "C", "D"]);
        // 31: C, D, B, A (33); without A 30 is too little, so A stays.
        assert_eq!(got(31), chosen(21, &["A", "B", "C", "D"]));
        // 34: everything (35); leaving E out gives 33, too little.
        assert_eq!(got(34).sp, 23);
        // A unit of 6 SP under creditcontract comes before one of 5 under
        // diplomacontract, which counts 10: with 10 needed both are taken
        // (16), then the 6 is left out again.
        let it = plain(&[("B", 6, false), ("F", 5, true)]);
        let c = largest_first(&in_order(&it), &|s: u64, d: u64| s + d >= 10);
        assert_eq!(c, chosen(5, &["F"]));
    }

    /// Beyond the exact search, among sets of the least total with the
    /// same diploma SP, the one found first stays: A and B, not C; more
    /// diploma SP at the same total wins.
    #[test]
    fn by_total_alone_ties_keep_the_set_found_first() {
        let it = plain(&[("A", 1, false), ("B", 1, false), ("C", 2, false)]);
        let c = least_total(&in_order(&it), 4, &|s, _| s >= 2);
        assert_eq!(c, chosen(2, &["A", "B"]));
        // More diploma SP at the same total wins the tie.
        let it = plain(&[("A", 1, false), ("B", 1, false), ("C", 2, true)]);
        let c = least_total(&in_order(&it), 4, &|s, d| s + d >= 2);
        assert_eq!(c, chosen(2, &["C"]));
    }

    /// The exact search runs up to its bound of table cells, (units + 1) ×
    /// (SP + 1) × (diploma SP + 1), and no further; the search by total up
    /// to units × (SP + 1). A and B (1 SP each, diplomacontract) or C (2
    /// SP) give 2 SP: the exact search takes C (fewer units), the search
    /// by total A and B (more diploma SP), largest first C.
    #[test]
    fn each_search_runs_up_to_its_bound_and_no_further() {
        let it = plain(&[("A", 1, true), ("B", 1, true), ("C", 2, false)]);
        let holds = |s: u64, _: u64| s >= 2;
        let got = |exact, total| search(&it, &holds, exact, total).unwrap().codes;
        // 4 × 5 × 3 = 60 cells.
        assert_eq!(got(60, usize::MAX), vec!["C"]);
        assert_eq!(got(59, usize::MAX), vec!["A", "B"]);
        // 3 × 5 = 15.
        assert_eq!(got(59, 15), vec!["A", "B"]);
        assert_eq!(got(59, 14), vec!["C"]);
        // The real bounds: this is far below both.
        assert_eq!(smallest(&it, holds).unwrap().codes, vec!["C"]);
    }
}
