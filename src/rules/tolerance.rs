//! Tolerance credit of a bachelor programme (OER 18.2) and the conditions
//! for tolerating a failed unit (OER 18.3).

use std::sync::Arc;

use crate::model::{AcademicYear, Case, Mark, UnitKind};
use crate::params::{ListedUnit, Params, same_name};

use super::code::Code;
use super::efficiency::History;
use super::facts::{Findings, UnitFacts, YearFacts};
use super::msg::{Check, NoToleranceCredit, ToleranceMsg};
use super::outcome::{Condition, Place, Tolerance, ToleranceVerdict};
use super::ratio::Ratio;
use super::trace::{Article, Line, Name, name};

/// A failed unit, located.
struct Failed<'f> {
    year: AcademicYear,
    /// Position of the enrolment in its year and of the unit in it.
    at: (usize, usize),
    unit: &'f UnitFacts<'f>,
    source: &'f crate::model::Unit,
}

/// The units validly tolerated: their places (year, enrolment, unit
/// index) in order, and the SP tolerated up to each year.
#[derive(Clone, Debug, Default)]
pub struct Accepted {
    places: Vec<(AcademicYear, usize, usize)>,
    /// `(year, SP tolerated up to and including it)`, one entry per
    /// accepted tolerance.
    cumulative: Vec<(AcademicYear, u64)>,
}

impl Accepted {
    /// Whether the unit at a place was validly tolerated.
    pub fn contains(&self, at: (AcademicYear, usize, usize)) -> bool {
        self.places.binary_search(&at).is_ok()
    }

    /// SP validly tolerated in the years up to `until` (all when `None`).
    pub fn sp_upto(&self, until: Option<AcademicYear>) -> u64 {
        let i = match until {
            Some(u) => self.cumulative.partition_point(|(y, _)| *y <= u),
            None => self.cumulative.len(),
        };
        i.checked_sub(1).map_or(0, |i| self.cumulative[i].1)
    }
}

/// A tolerance accepted while judging, in year order.
struct Acc<'f> {
    year: AcademicYear,
    at: (usize, usize),
    sp: u32,
    name: &'f str,
}

/// SP of the accepted tolerances up to and including `year` (they are in
/// year order).
fn sp_upto(accepted: &[Acc], year: AcademicYear) -> u64 {
    let n = accepted.partition_point(|a| a.year <= year);
    accepted[..n].iter().map(|a| u64::from(a.sp)).sum()
}

/// The tolerance base at the end of a year.
///
/// OER 18.2 §1: "De student in een bacheloropleiding beschikt over een
/// tolerantiekrediet van max. 10 % van het aantal studiepunten dat de
/// student effectief opneemt binnen de opleiding, voor zover dat niet meer
/// is dan het aantal studiepunten dat een student minimaal moet opnemen om
/// het diploma te behalen. Behaalde vrijstellingen worden bij deze
/// berekening niet meegerekend."
/// OER 18.2 §2 (case option `tolerance_from_2013`): the base counts from
/// 2013-2014 on.
pub fn base(
    case: &Case,
    params: &Params,
    programme: usize,
    h: &History,
    year: AcademicYear,
) -> (u64, Line) {
    let p = &case.programmes[programme];
    let oer = params.oer_of(p, year);
    let legacy_from = oer.tolerance_legacy_from;
    let taken = if p.tolerance_legacy_base {
        let earlier_counts = case.opening.as_ref().is_some_and(|o| o.year >= legacy_from);
        (if earlier_counts { h.earlier.taken } else { 0 })
            + h.years
                .iter()
                .filter(|y| y.year.is_some_and(|v| v >= legacy_from && v <= year))
                .map(|y| y.taken)
                .sum::<u64>()
    } else {
        h.cumulative(year, |f| f.taken)
    };
    let cap = u64::from(p.size).saturating_sub(h.cumulative(year, |f| f.exempted));
    let base = taken.min(cap);
    let pct = oer.tolerance_percent;
    let available = base as i64 * i64::from(pct);
    let msg = ToleranceMsg::Base {
        percent: pct,
        taken,
        capped: taken > cap,
        size: p.size,
        cap,
        year,
        legacy_from: p.tolerance_legacy_base.then_some(legacy_from),
        available_hundredths: available,
    };
    (base, Line::note(Article::par("18.2", 1), msg.into()))
}

/// What a verdict needs to know about the rest of the programme.
struct Context<'p> {
    base: u64,
    cumulative: Option<Ratio>,
    /// Tolerated SP of other units (earlier or up to this year).
    others: u64,
    /// Programme size − credits − exemptions − tolerances of other units.
    distance: i64,
    /// Tolerated units of each group, other than this one.
    group_counts: Vec<(Name, u32, u32)>,
    enrolled_again: Option<AcademicYear>,
    /// The tolerable grades of the unit's year (shared by every verdict).
    grades: Arc<[i32]>,
    /// The programme's department (shared by every verdict).
    department: Name,
    /// The unit's entry on its department's list without tolerance, if any.
    listing: Option<&'p ListedUnit>,
}

/// Judges one failed unit against 18.3 §1 a–g and 18.2 §3.
///
/// OER 18.3 §1: "a) … een cumulatieve studie-efficiëntie van ten minste
/// 50%; b) … enkel voor de tekorten van 8/20 en 9/20 …; c) een score
/// 'niet-geslaagd' bij een pass-fail beoordeling is niet tolereerbaar; d) de
/// student die nog ten minste 120 studiepunten verwijderd is van het behalen
/// van zijn diploma, kan ten hoogste 12 studiepunten aan tolereerbare
/// tekorten inzetten en behouden; e) voor de opleidingsonderdelen
/// Bachelorproef en Stage kan de student geen tolerantie inzetten; f) …
/// bepaalde opleidingsonderdelen geen tolerantie …; g) … slechts een beperkt
/// aantal toleranties … in een bepaalde groep opleidingsonderdelen."
/// OER 18.2 §3: "… enkel mogelijk binnen de grenzen van het
/// tolerantiekrediet …"
fn judge(
    params: &Params,
    case: &Case,
    programme: usize,
    f: &Failed,
    cx: &Context,
) -> (Vec<Condition>, Vec<Line>) {
    let t = params.oer_of(&case.programmes[programme], f.year);
    let u = f.unit;
    let mark = u.result.final_mark.expect("failed units have a result");
    let mut fails = Vec::new();
    // One line per condition: a–g, krediet and perhaps verlopen.
    let mut lines = Vec::with_capacity(10);
    let mut check = |ok: bool, check: Check| {
        let c = check.condition();
        if !ok {
            fails.push(c);
        }
        lines.push(Line::note(
            c.article(),
            ToleranceMsg::Check { ok, check }.into(),
        ));
    };

    let percent = t.tolerance_min_cumulative_percent;
    let se_ok = cx.cumulative.is_some_and(|r| r.at_least_percent(percent));
    check(
        se_ok,
        Check::A {
            year: f.year,
            cumulative: cx.cumulative,
            percent,
        },
    );
    let grade_ok = mark
        .whole_grade()
        .is_some_and(|g| t.tolerable_grades.contains(&g));
    check(
        grade_ok,
        Check::B {
            mark,
            grades: cx.grades.clone(),
        },
    );
    let pf_ok = !f.source.pass_fail && !matches!(mark, Mark::NotPassed | Mark::Passed);
    check(pf_ok, Check::C);
    let total = cx.others + u64::from(u.sp);
    let far = cx.distance >= i64::from(t.tolerance_far_sp);
    let d_ok = !far || total <= u64::from(t.tolerance_far_cap);
    check(
        d_ok,
        Check::D {
            far,
            distance: cx.distance,
            far_sp: t.tolerance_far_sp,
            total,
            cap: t.tolerance_far_cap,
        },
    );
    let e_ok = u_kind_ok(f.source.kind);
    check(
        e_ok,
        Check::E {
            kind: f.source.kind,
        },
    );
    let listing = cx.listing;
    check(
        listing.is_none(),
        Check::F {
            department: cx.department.clone(),
            listed: listing.map(|l| (name(&l.name), l.note.as_deref().map(name))),
        },
    );
    let over = cx.group_counts.iter().any(|(_, n, max)| n + 1 > *max);
    check(
        !over,
        Check::G {
            groups: cx.group_counts.clone(),
        },
    );
    let pct = i64::from(t.tolerance_percent);
    let k_ok = (total as i64) * 100 <= cx.base as i64 * pct;
    check(
        k_ok,
        Check::Krediet {
            total,
            credit_hundredths: cx.base as i64 * pct,
        },
    );
    if let Some(again) = cx.enrolled_again {
        check(false, Check::Verlopen { again });
    }
    (fails, lines)
}

fn u_kind_ok(kind: UnitKind) -> bool {
    kind == UnitKind::Regular
}

/// The tolerance credit and every failed unit's verdict for a bachelor
/// programme; returns the validly tolerated units.
pub fn tolerance(
    case: &Case,
    params: &Params,
    years: &[YearFacts],
    programme: usize,
    h: &History,
    found: &mut Findings,
) -> (Tolerance, Accepted) {
    let p = &case.programmes[programme];
    // Every failed unit in year order.
    let mut failed: Vec<Failed> = Vec::new();
    // Years before a stated earlier progress are history only (RULES.md §2.2).
    for yf in years.iter().filter(|y| h.from.is_none_or(|f| y.year >= f)) {
        for (ei, e) in yf
            .enrolments
            .iter()
            .enumerate()
            .filter(|(_, e)| e.programme == programme)
        {
            for (ui, u) in e.units.iter().enumerate() {
                let Some(src) = yf
                    .source
                    .enrolments
                    .get(e.source)
                    .and_then(|se| se.units.get(u.index))
                else {
                    continue;
                };
                if u.failed {
                    failed.push(Failed {
                        year: yf.year,
                        at: (ei, ui),
                        unit: u,
                        source: src,
                    });
                } else if u.tolerance_chosen {
                    found.error(
                        Code::ToleranceNotAllowed,
                        Place::unit(yf.year, &p.name, &u.code),
                        if u.pending {
                            ToleranceMsg::NotYet
                        } else {
                            ToleranceMsg::NotAFail {
                                pass_grade: params.oer_of(p, yf.year).pass_grade,
                            }
                        },
                    );
                }
            }
        }
    }
    // Every (key of the code, year) the programme's units were enrolled
    // for (not exempted), sorted: a failed unit enrolled for again later
    // is found by a search, not a scan.
    let mut enrolled: Vec<(u64, AcademicYear, &str)> = years
        .iter()
        .flat_map(|y| {
            y.enrolments
                .iter()
                .filter(|e| e.programme == programme)
                .flat_map(move |e| {
                    e.units
                        .iter()
                        .filter(|u| !u.exempt)
                        .map(move |u| (super::keys::key(&[&u.code]), y.year, &*u.code))
                })
        })
        .collect();
    enrolled.sort_unstable_by_key(|&(k, y, _)| (k, y));
    let enrolled_again = |f: &Failed| {
        let code: &str = &f.unit.code;
        let k = super::keys::key(&[code]);
        let i = enrolled.partition_point(|&(h, y, _)| (h, y) <= (k, f.year));
        enrolled[i..]
            .iter()
            .take_while(|&&(h, _, _)| h == k)
            .find(|&&(_, _, c)| c == code)
            .map(|&(_, y, _)| y)
    };
    let summary_tolerated = |year: AcademicYear| h.cumulative(year, |f| f.summary_tolerated);
    let department = name(params.department_of(p));
    // The lists without tolerance of each year of a failed unit.
    let mut listed: Vec<(AcademicYear, Vec<&ListedUnit>)> = Vec::new();
    for f in &failed {
        if listed.last().is_none_or(|(y, _)| *y != f.year) {
            listed.push((f.year, params.no_tolerance_units(f.year, p)));
        }
    }
    let listing_of = |f: &Failed| {
        listed
            .iter()
            .find(|(y, _)| *y == f.year)
            .and_then(|(_, units)| {
                units
                    .iter()
                    .copied()
                    .find(|l| same_name(&l.name, f.unit.name))
            })
    };
    // The tolerable grades per year of a failed unit, shared by its verdicts.
    let mut grades: Vec<(AcademicYear, Arc<[i32]>)> = Vec::new();
    for f in &failed {
        if grades.last().is_none_or(|(y, _)| *y != f.year) {
            grades.push((
                f.year,
                Arc::from(params.oer_of(p, f.year).tolerable_grades.as_slice()),
            ));
        }
    }
    let grades_of = |year: AcademicYear| {
        grades
            .iter()
            .find(|(y, _)| *y == year)
            .map(|(_, g)| g.clone())
            .unwrap_or_else(|| Arc::from(Vec::new()))
    };
    // A unit is never among the accepted ones it is judged against: in
    // pass 1 it is judged before it is accepted, in pass 2 it was not
    // chosen.
    let context = |f: &Failed, accepted: &[Acc], check_again: bool| {
        let others = sp_upto(accepted, f.year) + summary_tolerated(f.year);
        let credited = h.cumulative(f.year, |x| x.acquired);
        let exempted = h.cumulative(f.year, |x| x.exempted);
        let distance = i64::from(p.size) - (credited + exempted + others) as i64;
        let group_counts = params
            .tolerance_groups(f.year, p, f.unit.name)
            .into_iter()
            .map(|g| {
                let n = accepted
                    .iter()
                    .filter(|a| {
                        a.year <= f.year
                            && g.units
                                .iter()
                                .any(|gu| gu.trim().eq_ignore_ascii_case(a.name.trim()))
                    })
                    .count() as u32;
                (name(&g.name), n, g.max_units)
            })
            .collect();
        Context {
            base: base(case, params, programme, h, f.year).0,
            cumulative: Ratio::new(
                h.cumulative(f.year, |x| x.acquired),
                h.cumulative(f.year, |x| x.taken),
            ),
            others,
            distance,
            group_counts,
            enrolled_again: if check_again { enrolled_again(f) } else { None },
            grades: grades_of(f.year),
            department: department.clone(),
            listing: listing_of(f),
        }
    };

    // Pass 1: the tolerances the student chose, in order; each judged
    // against the ones accepted before it.
    let mut accepted: Vec<Acc> = Vec::new();
    let mut verdicts: Vec<Option<ToleranceVerdict>> = failed.iter().map(|_| None).collect();
    for (i, f) in failed
        .iter()
        .enumerate()
        .filter(|(_, f)| f.unit.tolerance_chosen)
    {
        let cx = context(f, &accepted, false);
        let (fails, mut lines) = judge(params, case, programme, f, &cx);
        let ok = fails.is_empty();
        if ok {
            accepted.push(Acc {
                year: f.year,
                at: f.at,
                sp: f.unit.sp,
                name: f.unit.name,
            });
            lines.insert(
                0,
                Line::note(Article::par("18.3", 4), ToleranceMsg::Chosen.into()),
            );
        } else {
            found.error(
                Code::ToleranceNotAllowed,
                Place::unit(f.year, &p.name, &f.unit.code),
                ToleranceMsg::NotTolerable {
                    fails: fails.clone(),
                },
            );
        }
        verdicts[i] = Some(verdict(f, ok, fails, lines));
    }
    // Pass 2: every other failed unit, against all accepted tolerances up
    // to its year.
    for (i, f) in failed.iter().enumerate() {
        if verdicts[i].is_some() {
            continue;
        }
        let cx = context(f, &accepted, true);
        let (fails, lines) = judge(params, case, programme, f, &cx);
        verdicts[i] = Some(verdict(f, false, fails, lines));
    }

    // With stated earlier progress and no year since, the opening year.
    let last = h.last_year().or(h.from);
    let (base_now, base_line) = match last {
        Some(y) => base(case, params, programme, h, y),
        None => (
            0,
            Line::note(Article::par("18.2", 1), ToleranceMsg::NoBase.into()),
        ),
    };
    let used = accepted.iter().map(|a| u64::from(a.sp)).sum::<u64>()
        + last
            .map(summary_tolerated)
            .unwrap_or(h.earlier.summary_tolerated);
    let pct = last
        .or(case.opening.as_ref().map(|o| o.year))
        .map_or(0, |y| i64::from(params.oer_of(p, y).tolerance_percent));
    let available = base_now as i64 * pct;
    let lines = vec![
        base_line,
        Line::note(
            Article::art("18.3"),
            ToleranceMsg::Used {
                used,
                remaining_hundredths: available - 100 * used as i64,
            }
            .into(),
        ),
    ];
    // The running total after each accepted tolerance (in year order):
    // the last entry of a year holds the total up to that year.
    let mut total = 0;
    let cumulative: Vec<(AcademicYear, u64)> = accepted
        .iter()
        .map(|a| {
            total += u64::from(a.sp);
            (a.year, total)
        })
        .collect();
    let accepted_places = Accepted {
        places: accepted.iter().map(|a| (a.year, a.at.0, a.at.1)).collect(),
        cumulative,
    };
    (
        Tolerance {
            base: base_now,
            available_hundredths: available,
            used,
            units: verdicts.into_iter().flatten().collect(),
            lines,
        },
        accepted_places,
    )
}

/// A tolerance recorded where there is no tolerance credit: only an
/// initial bachelor at this institution has one (OER 18.2 §1: "De student
/// in een bacheloropleiding beschikt over een tolerantiekrediet …").
pub fn refuse_outside_bachelor(
    case: &Case,
    params: &Params,
    years: &[YearFacts],
    programme: usize,
    found: &mut Findings,
) {
    let p = &case.programmes[programme];
    let why = if params.rules_of(p).is_some() {
        NoToleranceCredit::Kind(p.kind)
    } else {
        NoToleranceCredit::Elsewhere {
            programme: name(&p.name),
            home: name(params.home_name()),
            institution: name(params.institution_name(p)),
        }
    };
    for yf in years {
        for e in yf.enrolments.iter().filter(|e| e.programme == programme) {
            for u in e.units.iter().filter(|u| u.tolerance_chosen) {
                found.error(
                    Code::ToleranceNotAllowed,
                    Place::unit(yf.year, &p.name, &u.code),
                    ToleranceMsg::NoCredit(why.clone()),
                );
            }
        }
    }
}

fn verdict(
    f: &Failed,
    tolerated: bool,
    fails: Vec<Condition>,
    lines: Vec<Line>,
) -> ToleranceVerdict {
    ToleranceVerdict {
        year: f.year,
        code: f.unit.code.to_string(),
        unit: f.unit.name.to_string(),
        sp: f.unit.sp,
        grade: f
            .unit
            .result
            .final_mark
            .map(|m| m.to_string())
            .unwrap_or_default(),
        tolerated,
        fails,
        provisional: false,
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Unit;
    use crate::rules::testkit::*;

    /// One year of Chemie: 48 SP credited (eight 6-SP units with 12) and
    /// the failed units given.
    fn with_fails(fails: Vec<Unit>) -> Tolerance {
        let mut us = units("P", 8, 6, Some(12));
        us.extend(fails);
        let o = run(&case(vec![year(2017, vec![enrolment("CH", us)])]));
        o.programmes[0].tolerance.clone().unwrap()
    }

    fn fails_of(t: &Tolerance, code: &str) -> Vec<Condition> {
        t.units
            .iter()
            .find(|v| v.code == code)
            .unwrap()
            .fails
            .clone()
    }

    /// OER 18.2 §1: the credit is 10 % of the SP taken in the programme,
    /// exemptions left out, the base capped at the SP still to be taken
    /// for the diploma (size minus exemptions); kept exact in hundredths.
    #[test]
    fn art_18_2_par1_ten_percent_of_taken_capped_at_size_minus_exemptions() {
        // (taken SP, exempted SP, base, credit in hundredths)
        let table: &[(usize, usize, u64, i64)] = &[
            (10, 0, 60, 600),
            (9, 0, 54, 540),
            (10, 25, 30, 300),
            (10, 20, 60, 600),
            (10, 21, 54, 540),
        ];
        for &(taken, exempted, base, hundredths) in table {
            let mut us = units("P", taken, 6, Some(12));
            let mut x = units("X", exempted, 6, None);
            for u in &mut x {
                u.exempt = true;
            }
            us.extend(x);
            let o = run(&case(vec![year(2017, vec![enrolment("CH", us)])]));
            let t = o.programmes[0].tolerance.as_ref().unwrap();
            assert_eq!(
                (t.base, t.available_hundredths),
                (base, hundredths),
                "{taken} taken, {exempted} exempted"
            );
            // The explanation says the base was capped only when the SP
            // taken are more than the cap (60 taken, cap 60: not capped).
            let taken_sp = 6 * taken as u64;
            assert_eq!(
                taken_and_capped(t),
                (taken_sp, taken_sp > base),
                "{taken} taken, {exempted} exempted"
            );
        }
        // 57 SP taken: 5.7 SP, not rounded.
        let mut us = units("P", 9, 6, Some(12));
        us.push(unit("Q", 3, Some(12)));
        let o = run(&case(vec![year(2017, vec![enrolment("CH", us)])]));
        assert_eq!(
            o.programmes[0]
                .tolerance
                .as_ref()
                .unwrap()
                .available_hundredths,
            570
        );
    }

    /// OER 18.3 §1 b: only 8/20 and 9/20 are tolerable, not 7, not
    /// afwezig or F.
    #[test]
    fn art_18_3_par1_b_only_eight_and_nine() {
        let mut absent = unit("AB", 3, None);
        absent.first = Some(Mark::Absent);
        let mut f = unit("FF", 3, None);
        f.first = Some(Mark::Fail);
        let t = with_fails(vec![
            unit("G7", 3, Some(7)),
            unit("G8", 3, Some(8)),
            unit("G9", 3, Some(9)),
            absent,
            f,
        ]);
        assert_eq!(fails_of(&t, "G7"), vec![Condition::B]);
        assert_eq!(fails_of(&t, "G8"), vec![]);
        assert_eq!(fails_of(&t, "G9"), vec![]);
        assert_eq!(fails_of(&t, "AB"), vec![Condition::B]);
        assert_eq!(fails_of(&t, "FF"), vec![Condition::B]);
    }

    /// OER 18.3 §1 c and e: "niet geslaagd" on a pass/fail unit, the
    /// Bachelorproef and the Stage cannot be tolerated.
    #[test]
    fn art_18_3_par1_c_and_e_pass_fail_bachelorproef_and_stage() {
        let mut pf = unit("PF", 3, None);
        pf.pass_fail = true;
        pf.first = Some(Mark::NotPassed);
        let mut bp = unit("BP", 3, Some(9));
        bp.kind = UnitKind::Bachelorproef;
        let mut st = unit("ST", 3, Some(8));
        st.kind = UnitKind::Stage;
        let t = with_fails(vec![pf, bp, st]);
        assert_eq!(fails_of(&t, "PF"), vec![Condition::B, Condition::C]);
        assert_eq!(fails_of(&t, "BP"), vec![Condition::E]);
        assert_eq!(fails_of(&t, "ST"), vec![Condition::E]);
    }

    /// OER 18.3 §1 f: a unit on the WT list of Chemie (its name, in any
    /// case) cannot be tolerated.
    #[test]
    fn art_18_3_par1_f_the_departments_list() {
        let mut listed = unit("LP", 3, Some(9));
        listed.name = "labportfolio SEMESTER 2".into();
        let t = with_fails(vec![listed, unit("OK", 3, Some(9))]);
        assert_eq!(fails_of(&t, "LP"), vec![Condition::F]);
        assert_eq!(fails_of(&t, "OK"), vec![]);
    }

    /// OER 18.2 §3 and 18.3 §4: tolerances are judged in order against the
    /// credit; a unit that does not fit is refused and not counted. 48 of
    /// 57 SP credited: credit 5.7; 3 + 3 = 6 > 5.7.
    #[test]
    fn art_18_2_par3_tolerances_in_order_until_the_credit_is_spent() {
        let mut a = unit("T1", 3, Some(9));
        a.tolerated = true;
        let mut b = unit("T2", 3, Some(8));
        b.tolerated = true;
        let c = unit("T3", 3, Some(8));
        let t = with_fails(vec![a, b, c]);
        assert_eq!(t.base, 57);
        assert_eq!(t.used, 3);
        let v1 = t.units.iter().find(|v| v.code == "T1").unwrap();
        assert!(v1.tolerated);
        assert_eq!(fails_of(&t, "T2"), vec![Condition::Krediet]);
        assert_eq!(fails_of(&t, "T3"), vec![Condition::Krediet]);
    }

    /// RULES.md §5: a failed unit enrolled for again in a later year can no
    /// longer be tolerated (verlopen); cumulative SE counts both years.
    #[test]
    fn art_18_3_par2_a_fail_enrolled_again_is_expired() {
        let mut y1 = units("P", 8, 6, Some(12));
        y1.push(unit("R", 3, Some(9)));
        let y2 = vec![unit("R", 3, Some(13))];
        let o = run(&case(vec![
            year(2016, vec![enrolment("CH", y1)]),
            year(2017, vec![enrolment("CH", y2)]),
        ]));
        let t = o.programmes[0].tolerance.as_ref().unwrap();
        assert_eq!(fails_of(t, "R"), vec![Condition::Verlopen]);
        assert_eq!(t.base, 54);
    }

    /// The SP taken and whether they were capped, as the base's line says.
    fn taken_and_capped(t: &crate::rules::Tolerance) -> (u64, bool) {
        t.lines
            .iter()
            .find_map(|l| match &l.msg {
                crate::rules::Msg::Tolerance(ToleranceMsg::Base { taken, capped, .. }) => {
                    Some((*taken, *capped))
                }
                _ => None,
            })
            .expect("a base line")
    }

    /// OER 18.2 §2 (`tolerance_legacy_base`): the base counts only the SP
    /// taken from 2013-2014 on, and the opening's stated progress only
    /// when the opening year is 2013-2014 or later.
    #[test]
    fn art_18_2_par2_the_legacy_base_counts_from_2013_2014() {
        let legacy = |mut c: Case| {
            c.programmes[0].tolerance_legacy_base = true;
            c
        };
        // 2012-2013: 30 SP (not counted); 2013-2014: 60; 2014-2015: 48.
        let c = legacy(case(vec![
            year(2012, vec![enrolment("CH", units("A", 5, 6, Some(12)))]),
            year(2013, vec![enrolment("CH", units("B", 10, 6, Some(12)))]),
            year(2014, vec![enrolment("CH", units("C", 8, 6, Some(12)))]),
        ]));
        let o = run(&c);
        let t = o.programmes[0].tolerance.as_ref().unwrap();
        assert_eq!((t.base, t.available_hundredths), (108, 1080));
        // The same without 18.2 §2: every year counts.
        let mut all = c.clone();
        all.programmes[0].tolerance_legacy_base = false;
        let o = run(&all);
        assert_eq!(o.programmes[0].tolerance.as_ref().unwrap().base, 138);
        // An opening stating 90 SP taken: they count when the opening is
        // in 2014-2015, not when it is in 2012-2013.
        let with_progress = |y: i32| {
            let mut c = legacy(opened(
                y,
                140,
                vec![year(
                    2014,
                    vec![enrolment("CH", units("C", 8, 6, Some(12)))],
                )],
            ));
            c.opening.as_mut().unwrap().progress = vec![crate::model::EarlierProgress {
                programme: "CH".into(),
                taken: 90,
                acquired: 90,
                exempted: 0,
                tolerated: 0,
            }];
            c
        };
        let o = run(&with_progress(2014));
        assert_eq!(o.programmes[0].tolerance.as_ref().unwrap().base, 138);
        let o = run(&with_progress(2012));
        assert_eq!(o.programmes[0].tolerance.as_ref().unwrap().base, 48);
    }

    /// RULES.md §7: in the year in progress, with units still without a
    /// result, a verdict on tolerance is provisional; once the year's
    /// results are all in (or on a later day), it is not.
    #[test]
    fn a_verdict_is_provisional_while_the_year_has_pending_units() {
        let mut us = units("P", 8, 6, Some(12));
        // Failed in both chances: a verdict, while OPEN waits for its exam.
        let mut f = unit("F9", 6, Some(7));
        f.second = Some(Mark::whole(9));
        us.push(f);
        us.push(unit("OPEN", 6, None));
        let c = case(vec![year(2017, vec![enrolment("CH", us)])]);
        let verdict = |today: &str| {
            let o = crate::rules::compute_on(
                &c,
                &Params::default(),
                crate::rules::effective_as_of(&c),
                Some(d(today)),
            );
            let t = o.programmes[0].tolerance.clone().unwrap();
            t.units.iter().find(|v| v.code == "F9").unwrap().provisional
        };
        assert!(verdict("2018-01-20"));
        assert!(!verdict("2018-10-01"));
    }

    /// The check of one condition in a unit's verdict, as its line says.
    fn check_of(t: &Tolerance, code: &str, condition: Condition) -> Check {
        t.units
            .iter()
            .find(|v| v.code == code)
            .unwrap()
            .lines
            .iter()
            .find_map(|l| match &l.msg {
                crate::rules::Msg::Tolerance(ToleranceMsg::Check { check, .. })
                    if check.condition() == condition =>
                {
                    Some(check.clone())
                }
                _ => None,
            })
            .expect("a line for the condition")
    }

    /// OER 18.2 §1 and §3: the base's line and the credit check show the
    /// credit exactly, 10 % of the base in hundredths: 57 SP taken is a
    /// credit of 570 hundredths (5.7 SP), not 57 + 10 nor 57 / 10. The
    /// check b line names the tolerable grades of the year, 8 and 9.
    /// Kills `*` → `+`, `/` in `base` and in `judge`, and
    /// the lookup of the year's grades.
    #[test]
    fn art_18_2_the_lines_show_the_credit_in_hundredths() {
        let t = with_fails(vec![unit("G9", 9, Some(9))]);
        assert_eq!(t.base, 57);
        let base_line = t
            .lines
            .iter()
            .find_map(|l| match &l.msg {
                crate::rules::Msg::Tolerance(ToleranceMsg::Base {
                    taken,
                    available_hundredths,
                    ..
                }) => Some((*taken, *available_hundredths)),
                _ => None,
            })
            .unwrap();
        assert_eq!(base_line, (57, 570));
        assert_eq!(
            check_of(&t, "G9", Condition::Krediet),
            Check::Krediet {
                total: 9,
                credit_hundredths: 570,
            }
        );
        assert_eq!(
            check_of(&t, "G9", Condition::B),
            Check::B {
                mark: Mark::whole(9),
                grades: Arc::from(vec![8, 9]),
            }
        );
    }

    /// OER 18.3 §1 c: a unit judged pass/fail is never tolerable, whatever
    /// its mark: "afwezig" on a pass/fail unit fails c as well as b (a
    /// number or a "niet geslaagd" of the wrong kind is left out as an
    /// input error and is no fail). Kills `&&` → `||` in `judge`.
    #[test]
    fn art_18_3_par1_c_a_pass_fail_unit_whatever_its_mark() {
        let mut pf = unit("PF", 3, None);
        pf.pass_fail = true;
        pf.first = Some(Mark::Absent);
        let t = with_fails(vec![pf]);
        assert_eq!(fails_of(&t, "PF"), vec![Condition::B, Condition::C]);
    }

    /// OER 18.3 §1 d: the distance to the diploma is the size minus the
    /// credits, the exemptions and the SP tolerated of other units. 48
    /// credited, 12 exempted: T1 (chosen, judged first) is 180 − 60 = 120
    /// SP away; T2 comes after T1's 3 tolerated SP: 180 − 63 = 117, its
    /// total 3 + 3. Kills `+` → `-`, `*` in the distance.
    #[test]
    fn art_18_3_par1_d_distance_is_size_minus_credits_exemptions_and_tolerances() {
        let mut x = units("X", 2, 6, None);
        for u in &mut x {
            u.exempt = true;
        }
        let mut t1 = unit("T1", 3, Some(9));
        t1.tolerated = true;
        x.push(t1);
        x.push(unit("T2", 3, Some(8)));
        let t = with_fails(x);
        let d_of = |code: &str| match check_of(&t, code, Condition::D) {
            Check::D {
                far,
                distance,
                total,
                ..
            } => (far, distance, total),
            other => panic!("{other:?}"),
        };
        assert_eq!(d_of("T1"), (true, 120, 3));
        assert_eq!(d_of("T2"), (false, 117, 6));
    }

    /// OER 18.3 §1 d and 18.2 §3: SP tolerated according to an earlier
    /// year's summary line count among the other tolerances: 6 tolerated in
    /// 2016, then a failed 3-SP unit in 2017 totals 9. Kills `+` → `-` in
    /// `others`.
    #[test]
    fn art_18_2_par3_summary_tolerances_count_among_the_others() {
        let mut y16 = year(2016, vec![]);
        y16.summaries = vec![crate::model::Summary {
            tolerated: 6,
            ..summary("CH", 60, 54)
        }];
        let mut us = units("P", 8, 6, Some(12));
        us.push(unit("F", 3, Some(9)));
        let o = run(&case(vec![y16, year(2017, vec![enrolment("CH", us)])]));
        let t = o.programmes[0].tolerance.as_ref().unwrap();
        // Base 60 + 51 = 111: credit 1110 hundredths.
        assert_eq!(
            check_of(t, "F", Condition::Krediet),
            Check::Krediet {
                total: 9,
                credit_hundredths: 1110,
            }
        );
        match check_of(t, "F", Condition::D) {
            Check::D {
                distance, total, ..
            } => assert_eq!((distance, total), (180 - 54 - 48 - 6, 9)),
            other => panic!("{other:?}"),
        }
    }

    /// OER 18.3 §1 b and f are judged with the lists and grades of the
    /// failed unit's own year, also when failed units of an earlier year
    /// come first: the Chemie list refuses "Labportfolio semester 2" failed
    /// in 2017, and its b line names 8 and 9. Kills `!=` → `==` in the
    /// per-year caches of lists and grades.
    #[test]
    fn art_18_3_par1_f_the_list_of_a_later_year() {
        let mut y16 = units("P", 8, 6, Some(12));
        y16.push(unit("E", 3, Some(9)));
        let mut y17 = units("Q", 8, 6, Some(12));
        let mut lp = unit("LP", 3, Some(9));
        lp.name = "Labportfolio semester 2".into();
        y17.push(lp);
        let o = run(&case(vec![
            year(2016, vec![enrolment("CH", y16)]),
            year(2017, vec![enrolment("CH", y17)]),
        ]));
        let t = o.programmes[0].tolerance.as_ref().unwrap();
        assert_eq!(fails_of(t, "E"), vec![]);
        assert_eq!(fails_of(t, "LP"), vec![Condition::F]);
        assert_eq!(
            check_of(t, "LP", Condition::B),
            Check::B {
                mark: Mark::whole(9),
                grades: Arc::from(vec![8, 9]),
            }
        );
    }

    /// OER 18.3 §1 g: the cap of a group counts only the tolerated units of
    /// that group. With a group "Wiskunde" of at most one tolerance, a
    /// tolerated Fysica does not count against Wiskunde 1, and Wiskunde 1
    /// then fills the group for Wiskunde 2. Kills `&&` → `||` in the group
    /// count.
    #[test]
    fn art_18_3_par1_g_a_group_counts_only_its_own_units() {
        let mut params = Params::default();
        let ap = params
            .institutions
            .iter_mut()
            .find(|i| i.key == "AP")
            .unwrap();
        ap.tolerance_groups.push(crate::params::ToleranceGroup {
            department: "WT".into(),
            programme: "Chemie".into(),
            from: AcademicYear(2017),
            to: None,
            name: "Wiskunde".into(),
            units: vec!["Wiskunde 1".into(), "Wiskunde 2".into()],
            max_units: 1,
        });
        let mut us = units("P", 18, 6, Some(12));
        for (code, unit_name) in [("FY", "Fysica"), ("W1", "Wiskunde 1"), ("W2", "Wiskunde 2")] {
            let mut u = unit(code, 3, Some(9));
            u.name = unit_name.into();
            u.tolerated = true;
            us.push(u);
        }
        let c = case(vec![year(2017, vec![enrolment("CH", us)])]);
        let o = crate::rules::compute(&c, &params, crate::rules::effective_as_of(&c));
        let t = o.programmes[0].tolerance.as_ref().unwrap();
        assert_eq!(fails_of(t, "FY"), vec![]);
        assert_eq!(fails_of(t, "W1"), vec![]);
        assert_eq!(fails_of(t, "W2"), vec![Condition::G]);
        assert_eq!(
            check_of(t, "W1", Condition::G),
            Check::G {
                groups: vec![(name("Wiskunde"), 0, 1)],
            }
        );
        assert_eq!(t.used, 6);
    }

    /// OER 8.1 §10 exception (RULES.md §2.5): the SP still missing at the
    /// start of a year count the tolerances of the years before it, not
    /// those of the year itself. 90 + 57 credited and 3 tolerated in 2016
    /// leave 30 SP for 2017, whatever is tolerated in 2017: the running
    /// total of accepted tolerances is read up to the year before.
    #[test]
    fn art_8_1_par10_still_missing_counts_tolerances_of_earlier_years_only() {
        let mut y16 = units("B", 19, 3, Some(12));
        let mut t16 = unit("T16", 3, Some(9));
        t16.tolerated = true;
        y16.push(t16);
        let mut y17 = units("C", 9, 3, Some(12));
        let mut t17 = unit("T17", 3, Some(9));
        t17.tolerated = true;
        y17.push(t17);
        let c = opened(
            2017,
            20,
            vec![
                year(2015, vec![enrolment("CH", units("A", 15, 6, Some(12)))]),
                year(2016, vec![enrolment("CH", y16)]),
                year(2017, vec![enrolment("CH", y17)]),
            ],
        );
        let o = run(&c);
        let t = o.programmes[0].tolerance.as_ref().unwrap();
        assert_eq!(fails_of(t, "T16"), vec![]);
        assert_eq!(fails_of(t, "T17"), vec![]);
        let missing: Vec<i64> = o
            .warnings
            .iter()
            .find_map(|w| match &w.msg {
                crate::rules::Msg::Limit(crate::rules::LimitMsg::Exception {
                    programmes, ..
                }) => Some(programmes.iter().map(|p| p.sp).collect()),
                _ => None,
            })
            .expect("the exception applies");
        assert_eq!(missing, vec![30]);
        assert_eq!(o.programmes[0].progress.tolerated, 6);
    }
}
