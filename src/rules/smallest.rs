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

/// Finds the set. `holds(sp, diploma_sp)` says whether credits for a set
/// with that SP total, of which `diploma_sp` under diplomacontract, reach
/// the goal; it must not become false when either grows.
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

    #[test]
    fn nothing_needed_is_the_empty_set() {
        let it = items(&[("A", 5)]);
        assert_eq!(
            smallest(&it, |_, _| true).unwrap().codes,
            Vec::<String>::new()
        );
    }
}
