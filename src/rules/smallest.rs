//! The smallest set of pending units that reaches a goal (RULES.md §7):
//! the least SP total, then the fewest units, then the first codes.

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
    let mut items: Vec<&Item> = items.iter().collect();
    items.sort_by(|a, b| a.code.cmp(&b.code));
    let total: usize = items.iter().map(|i| i.sp as usize).sum();
    let total_d: usize = items
        .iter()
        .filter(|i| i.diploma)
        .map(|i| i.sp as usize)
        .sum();
    if !holds(total as u64, total_d as u64) {
        return None;
    }
    let n = items.len();
    let cells = (n + 1)
        .saturating_mul(total + 1)
        .saturating_mul(total_d + 1);
    if cells > EXACT_CELLS {
        return Some(if n.saturating_mul(total + 1) <= TOTAL_CELLS {
            least_total(&items, total, &holds)
        } else {
            largest_first(&items, &holds)
        });
    }
    let w = total_d + 1;
    let at = |s: usize, d: usize| s * w + d;
    // g[i][(s, d)]: the fewest items of items[i..] with exactly that SP
    // total and diploma SP.
    let mut g = vec![vec![NONE; (total + 1) * w]; n + 1];
    g[n][at(0, 0)] = 0;
    for i in (0..n).rev() {
        let (sp, dp) = (
            items[i].sp as usize,
            if items[i].diploma {
                items[i].sp as usize
            } else {
                0
            },
        );
        let (next, this) = {
            let (a, b) = g.split_at_mut(i + 1);
            (&b[0], &mut a[i])
        };
        this.copy_from_slice(next);
        for s in sp..=total {
            for d in dp..=total_d.min(s) {
                let from = next[at(s - sp, d - dp)];
                if from != NONE && from + 1 < this[at(s, d)] {
                    this[at(s, d)] = from + 1;
                }
            }
        }
    }
    // The least SP total that reaches the goal, and the fewest items there.
    let (best_s, best_c) = (0..=total).find_map(|s| {
        (0..=total_d.min(s))
            .filter(|&d| g[0][at(s, d)] != NONE && holds(s as u64, d as u64))
            .map(|d| g[0][at(s, d)])
            .min()
            .map(|c| (s, c))
    })?;
    // Walk the items in code order, taking each one that still allows a
    // completion with the same total and count.
    let mut codes = Vec::new();
    let (mut s, mut d, mut c) = (0usize, 0usize, 0u16);
    for (i, item) in items.iter().enumerate() {
        let (sp, dp) = (
            item.sp as usize,
            if item.diploma { item.sp as usize } else { 0 },
        );
        if s + sp > best_s || c + 1 > best_c {
            continue;
        }
        let rest = best_s - s - sp;
        let possible = (0..=(total_d - (d + dp).min(total_d)).min(rest)).any(|rd| {
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
    Some(Chosen {
        sp: best_s as u64,
        codes,
    })
}

fn diploma_sp(item: &Item) -> usize {
    if item.diploma { item.sp as usize } else { 0 }
}

/// The least SP total, with per total the most diploma SP a set of that
/// total can have; the set is rebuilt from which item improved which
/// total.
fn least_total(items: &[&Item], total: usize, holds: &impl Fn(u64, u64) -> bool) -> Chosen {
    // most_d[s]: the most diploma SP of a set with SP total s (None: no set).
    let mut most_d: Vec<Option<usize>> = vec![None; total + 1];
    most_d[0] = Some(0);
    // took: one bit per item and total, set where the item improved it.
    let words = total / 64 + 1;
    let mut took = vec![0u64; items.len() * words];
    for (i, item) in items.iter().enumerate() {
        let (sp, dp) = (item.sp as usize, diploma_sp(item));
        for s in (sp..=total).rev() {
            if let Some(d) = most_d[s - sp]
                && most_d[s].is_none_or(|have| d + dp > have)
            {
                most_d[s] = Some(d + dp);
                took[i * words + s / 64] |= 1 << (s % 64);
            }
        }
    }
    let best = (0..=total)
        .find(|&s| most_d[s].is_some_and(|d| holds(s as u64, d as u64)))
        .unwrap_or(total);
    let mut codes = Vec::new();
    let mut s = best;
    for (i, item) in items.iter().enumerate().rev() {
        if took[i * words + s / 64] & (1 << (s % 64)) != 0 {
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
    let mut keep = vec![true; taken.len()];
    for i in (0..taken.len()).rev() {
        let (sp, dp) = (taken[i].sp as usize, diploma_sp(taken[i]));
        if holds((s - sp) as u64, (d - dp) as u64) {
            s -= sp;
            d -= dp;
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

    fn items(list: &[(&str, u32)]) -> Vec<Item> {
        list.iter()
            .map(|(c, sp)| Item {
                code: c.to_string(),
                sp: *sp,
                diploma: true,
            })
            .collect()
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
}
