//! Exam grades: composite rounding (OER 17.1), the second exam chance
//! (OER 17.3), absent and F (OER 15.5), and the credit (OER 22.2).

use crate::model::{Mark, Part, Unit};

use super::msg::{GradeMsg, Sitting};
use super::trace::{Article, Line, Sink};

/// A unit's results after both exam chances.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitResult {
    /// The unit's result after the first exam chance.
    pub first: Option<Mark>,
    /// The final result of the year (after the second chance), whole grade
    /// or code.
    pub final_mark: Option<Mark>,
    /// A second-chance result was entered after a first-chance credit; it
    /// was ignored (OER 14.2, 17.3).
    pub second_after_credit: bool,
}

/// Rank for "the higher of the two" (17.3): afwezig and F stand below 0,
/// niet geslaagd below geslaagd.
fn rank(m: Mark) -> i32 {
    match m {
        Mark::Absent => -20,
        Mark::Fail => -10,
        Mark::NotPassed => 0,
        Mark::Passed => 1,
        Mark::Tenths(t) => t,
    }
}

/// Whether a result gives a credit: grade ≥ 10 or geslaagd.
///
/// OER 22.2: "Een student slaagt voor een opleidingsonderdeel en behaalt
/// een creditbewijs wanneer hij ten minste 10 op 20 behaalt, tenzij de
/// ECTS-fiche een andere, niet-numerieke vorm van resultaatsbepaling heeft
/// vastgelegd." (For such a unit: "geslaagd".)
pub fn is_credit(m: Mark, pass_grade: i32) -> bool {
    match m {
        Mark::Tenths(t) => t >= pass_grade * 10,
        Mark::Passed => true,
        _ => false,
    }
}

/// The final result of two chances.
///
/// OER 17.3: "Na deelname aan de tweede examenkans … zal … het hoogste
/// behaalde examencijfer van de twee examenperiodes vastgesteld worden als
/// definitieve examencijfer … Wanneer een student niet deelneemt aan de
/// tweede examenkans … dan wordt het examencijfer … van de eerste
/// examenperiode overgedragen naar de tweede examenperiode."
pub fn best_of_chances(first: Option<Mark>, second: Option<Mark>) -> Option<Mark> {
    match (first, second) {
        (f, None) => f,
        (Some(f), Some(Mark::Absent)) => Some(f),
        (None, s) => s,
        // The higher; on a tie the first chance's (max_by_key keeps its
        // second argument then).
        (Some(f), Some(s)) => Some(std::cmp::max_by_key(s, f, |m| rank(*m))),
    }
}

/// Rounds a weighted average given in tenths (as the exact fraction
/// `num / den` tenths) to a whole grade.
///
/// OER 17.1: "Indien het eerste cijfer na de komma van het gewogen
/// gemiddelde van de evaluatiepunten 4 is of kleiner, gebeurt de afronding
/// naar onder. Indien 5 of groter, gebeurt de afronding naar boven."
/// So 9.45 → 9 (its first decimal is 4) and 9.5 → 10.
pub fn round_composite(num_tenths: i64, den: i64) -> i32 {
    let tenths = num_tenths.div_euclid(den); // truncated to its first decimal
    i32::try_from((tenths + 5).div_euclid(10)).unwrap_or(i32::MAX)
}

/// The unit grade from one set of part results (17.1, 15.5); `None` while
/// any part has no result.
fn composite_grade<I>(parts: I, lines: &mut Sink, sitting: Sitting) -> Option<Mark>
where
    I: Iterator<Item = (u32, Option<Mark>)> + Clone,
{
    if parts.clone().any(|(_, m)| m.is_none()) {
        return None;
    }
    let marks = parts.map(|(w, m)| (i64::from(w), m.expect("checked above")));
    if marks.clone().any(|(_, m)| m == Mark::Fail) {
        lines.push(|| Line::note(Article::art("15.5"), GradeMsg::PartFail { sitting }.into()));
        return Some(Mark::Fail);
    }
    if marks.clone().all(|(_, m)| m == Mark::Absent) {
        lines.push(|| Line::note(Article::art("15.5"), GradeMsg::AllAbsent { sitting }.into()));
        return Some(Mark::Absent);
    }
    let den: i64 = marks.clone().map(|(w, _)| w).sum();
    if den == 0 {
        return None;
    }
    let num: i64 = marks
        .clone()
        .map(|(w, m)| {
            w * match m {
                Mark::Tenths(t) => i64::from(t),
                _ => 0, // afwezig on a part counts as 0 (15.5)
            }
        })
        .sum();
    let grade = round_composite(num, den);
    let absent = marks.clone().any(|(_, m)| m == Mark::Absent);
    lines.push(|| {
        Line::note(
            Article::art("17.1"),
            GradeMsg::Composite {
                sitting,
                num,
                den,
                grade,
                absent,
            }
            .into(),
        )
    });
    Some(Mark::whole(grade))
}

/// Best result per part over two chances; a part with ≥ 10 in the first
/// chance carries over (17.3).
fn best_parts(parts: &[Part]) -> impl Iterator<Item = (u32, Option<Mark>)> + Clone + '_ {
    parts
        .iter()
        .map(|p| (p.weight, best_of_chances(p.first, p.second)))
}

/// The results of a unit after both chances (17.1, 17.3, 15.5); how they
/// came about goes to `lines`.
pub fn unit_result(unit: &Unit, pass_grade: i32, lines: &mut Sink) -> UnitResult {
    if unit.is_composite() {
        let firsts = unit.parts.iter().map(|p| (p.weight, p.first));
        let any_first = firsts.clone().any(|(_, m)| m.is_some());
        let first = if any_first {
            composite_grade(firsts, lines, Sitting::First)
        } else {
            None
        };
        let any_second = unit.parts.iter().any(|p| p.second.is_some());
        if let Some(f) = first
            && is_credit(f, pass_grade)
        {
            lines.push(|| {
                Line::note(
                    Article::art("22.2"),
                    GradeMsg::CompositeCredit { mark: f }.into(),
                )
            });
            return UnitResult {
                first,
                final_mark: first,
                second_after_credit: any_second,
            };
        }
        if !any_second {
            return UnitResult {
                first,
                final_mark: first,
                second_after_credit: false,
            };
        }
        lines.push(|| Line::note(Article::art("17.3"), GradeMsg::SecondByPart.into()));
        let final_mark = composite_grade(best_parts(&unit.parts), lines, Sitting::AfterSecond);
        return UnitResult {
            first,
            final_mark: final_mark.or(first),
            second_after_credit: false,
        };
    }

    let first = unit.first;
    if let Some(f) = first
        && is_credit(f, pass_grade)
    {
        lines.push(|| Line::note(Article::art("22.2"), GradeMsg::Credit { mark: f }.into()));
        return UnitResult {
            first,
            final_mark: first,
            second_after_credit: unit.second.is_some(),
        };
    }
    let final_mark = best_of_chances(first, unit.second);
    match (first, unit.second) {
        (Some(f), Some(Mark::Absent)) => lines.push(|| {
            Line::note(
                Article::art("17.3"),
                GradeMsg::SecondAbsent { first: f }.into(),
            )
        }),
        (Some(f), Some(s)) => lines.push(|| {
            Line::note(
                Article::art("17.3"),
                GradeMsg::BestOfTwo {
                    first: f,
                    second: s,
                    best: final_mark.expect("both present"),
                }
                .into(),
            )
        }),
        _ => {}
    }
    UnitResult {
        first,
        final_mark,
        second_after_credit: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Part;

    fn part(w: u32, first: Option<Mark>, second: Option<Mark>) -> Part {
        Part {
            name: "deel".into(),
            weight: w,
            first,
            second,
        }
    }

    fn composite(parts: Vec<Part>) -> Unit {
        let mut u = Unit::new("X", "X", 6);
        u.parts = parts;
        u
    }

    #[test]
    fn rounding_follows_the_first_decimal() {
        assert_eq!(round_composite(945, 10), 9); // 9.45 → 9
        assert_eq!(round_composite(95, 1), 10); // 9.5 → 10
        assert_eq!(round_composite(995, 10), 10); // 9.95 → 10
        assert_eq!(round_composite(949, 10), 9); // 9.49 → 9
        assert_eq!(round_composite(0, 1), 0);
        assert_eq!(round_composite(200, 1), 20);
    }

    #[test]
    fn composite_examples_of_s14() {
        let t = |x| Some(Mark::Tenths(x));
        let u = composite(vec![part(4, t(94), None), part(2, t(106), None)]);
        assert_eq!(
            unit_result(&u, 10, &mut Sink::new(true)).final_mark,
            Some(Mark::whole(10))
        );
        let u = composite(vec![part(1, t(94), None), part(1, t(95), None)]);
        assert_eq!(
            unit_result(&u, 10, &mut Sink::new(true)).final_mark,
            Some(Mark::whole(9))
        );
        let u = composite(vec![
            part(1, t(140), None),
            part(1, Some(Mark::Absent), None),
        ]);
        assert_eq!(
            unit_result(&u, 10, &mut Sink::new(true)).final_mark,
            Some(Mark::whole(7))
        );
        let u = composite(vec![part(1, t(150), None), part(1, Some(Mark::Fail), None)]);
        assert_eq!(
            unit_result(&u, 10, &mut Sink::new(true)).final_mark,
            Some(Mark::Fail)
        );
        let u = composite(vec![part(1, t(90), t(110)), part(1, t(80), t(60))]);
        let r = unit_result(&u, 10, &mut Sink::new(true));
        assert_eq!(r.first, Some(Mark::whole(9)));
        assert_eq!(r.final_mark, Some(Mark::whole(10)));
    }

    #[test]
    fn second_chance_keeps_the_higher_and_carries_the_first() {
        let mut u = Unit::new("A", "A", 6);
        u.first = Some(Mark::whole(7));
        u.second = Some(Mark::whole(6));
        assert_eq!(
            unit_result(&u, 10, &mut Sink::new(true)).final_mark,
            Some(Mark::whole(7))
        );
        u.first = Some(Mark::whole(8));
        u.second = Some(Mark::Absent);
        assert_eq!(
            unit_result(&u, 10, &mut Sink::new(true)).final_mark,
            Some(Mark::whole(8))
        );
        u.first = Some(Mark::Absent);
        u.second = Some(Mark::whole(3));
        assert_eq!(
            unit_result(&u, 10, &mut Sink::new(true)).final_mark,
            Some(Mark::whole(3))
        );
        u.first = Some(Mark::Absent);
        u.second = Some(Mark::Fail);
        assert_eq!(
            unit_result(&u, 10, &mut Sink::new(true)).final_mark,
            Some(Mark::Fail)
        );
    }

    #[test]
    fn a_second_chance_after_a_credit_is_flagged_and_ignored() {
        let mut u = Unit::new("C", "C", 6);
        u.first = Some(Mark::whole(12));
        u.second = Some(Mark::whole(15));
        let r = unit_result(&u, 10, &mut Sink::new(true));
        assert!(r.second_after_credit);
        assert_eq!(r.final_mark, Some(Mark::whole(12)));
    }

    #[test]
    fn credit_boundary_is_ten() {
        assert!(is_credit(Mark::whole(10), 10));
        assert!(!is_credit(Mark::whole(9), 10));
        assert!(is_credit(Mark::Passed, 10));
        assert!(!is_credit(Mark::NotPassed, 10));
        assert!(!is_credit(Mark::Absent, 10));
    }

    fn whole_unit(first: Mark, second: Mark) -> Unit {
        let mut u = Unit::new("A", "A", 6);
        u.first = Some(first);
        u.second = Some(second);
        u
    }

    /// RULES.md §3 (OER 15.5, 17.3): for the higher of two chances F
    /// stands below 0, so a 0 beats an F in either order. Kills the
    /// deleted `-` in `rank` (F at 10 tenths would beat a 0).
    #[test]
    fn art_17_3_f_ranks_below_a_zero() {
        for (first, second) in [(Mark::whole(0), Mark::Fail), (Mark::Fail, Mark::whole(0))] {
            let r = unit_result(&whole_unit(first, second), 10, &mut Sink::new(true));
            assert_eq!(
                r.final_mark,
                Some(Mark::whole(0)),
                "{first:?} then {second:?}"
            );
        }
    }

    /// OER 17.1/15.5: the composite line says whether an absent part
    /// counted as 0, and only then. Kills `==` → `!=` in `composite_grade`.
    #[test]
    fn art_17_1_the_composite_line_notes_an_absent_part() {
        let lines = |second_part: Mark| {
            let u = composite(vec![
                part(1, Some(Mark::whole(14)), None),
                part(1, Some(second_part), None),
            ]);
            let mut sink = Sink::new(true);
            unit_result(&u, 10, &mut sink);
            sink.into_lines()
        };
        let composite_line = |grade, num, absent| {
            Line::note(
                Article::art("17.1"),
                GradeMsg::Composite {
                    sitting: Sitting::First,
                    num,
                    den: 2,
                    grade,
                    absent,
                }
                .into(),
            )
        };
        assert_eq!(lines(Mark::Absent), vec![composite_line(7, 140, true)]);
        assert_eq!(lines(Mark::whole(4)), vec![composite_line(9, 180, false)]);
    }

    /// OER 17.3: absent in the second chance carries the first over, and
    /// the line says so. Kills the deleted `(Some(f), Some(Mark::Absent))`
    /// arm of `unit_result` (it would read as the better of two grades).
    #[test]
    fn art_17_3_absent_in_the_second_chance_is_explained_as_carried_over() {
        let mut sink = Sink::new(true);
        let r = unit_result(&whole_unit(Mark::whole(8), Mark::Absent), 10, &mut sink);
        assert_eq!(r.final_mark, Some(Mark::whole(8)));
        assert_eq!(
            sink.into_lines(),
            vec![Line::note(
                Article::art("17.3"),
                GradeMsg::SecondAbsent {
                    first: Mark::whole(8)
                }
                .into(),
            )]
        );
    }

    /// OER 17.3: after two grades the line shows both and the higher one.
    /// Kills the deleted `(Some(f), Some(s))` arm of `unit_result`.
    #[test]
    fn art_17_3_two_grades_are_explained_as_the_higher_of_the_two() {
        let mut sink = Sink::new(true);
        unit_result(&whole_unit(Mark::whole(7), Mark::whole(6)), 10, &mut sink);
        assert_eq!(
            sink.into_lines(),
            vec![Line::note(
                Article::art("17.3"),
                GradeMsg::BestOfTwo {
                    first: Mark::whole(7),
                    second: Mark::whole(6),
                    best: Mark::whole(7),
                }
                .into(),
            )]
        );
    }
}
