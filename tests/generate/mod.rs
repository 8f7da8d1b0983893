//! A generator of mostly valid cases that reach the rules: unique unit
//! codes, real SP and grades, years with a calendar (2017-2018) or with a
//! grensdatum on the unit, changes of programme, creditcontracts,
//! summaries of both contracts, openings with rebuilds and earlier
//! progress, master programmes and diplomas, scenarios; and now and then
//! one defect the rules must name.
//!
//! A case is built from a seed (deterministic), so a failing case is
//! printed in full by the property that found it.

#![allow(dead_code)]

use proptest::prelude::*;
use proptest::test_runner::{RngAlgorithm, TestRng};
use traject::model::*;

/// The draws a case is built from.
struct Draw(TestRng);

impl Draw {
    fn below(&mut self, n: u32) -> u32 {
        if n == 0 { 0 } else { (self.0.next_u32()) % n }
    }
    /// True with `pct` percent.
    fn chance(&mut self, pct: u32) -> bool {
        self.below(100) < pct
    }
    fn range(&mut self, lo: i32, hi: i32) -> i32 {
        lo + self.below((hi - lo + 1) as u32) as i32
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u32) as usize]
    }
}

/// A date `days` after 1 September of the year's first calendar year.
fn day(year: i32, days: i64) -> Date {
    Date(Date::ymd(year, 9, 1).unwrap().0 + chrono::Duration::days(days))
}

/// The only year the built-in calendar covers.
pub const CALENDAR_YEAR: i32 = 2017;

/// A grade as a counsellor sees them: mostly passes, some 8 and 9, some
/// low, rarely absent or F.
fn grade(d: &mut Draw) -> Mark {
    match d.below(100) {
        0..=59 => Mark::whole(d.range(10, 16)),
        60..=66 => Mark::whole(d.range(17, 20)),
        67..=81 => Mark::whole(d.range(8, 9)),
        82..=94 => Mark::whole(d.range(0, 7)),
        95..=97 => Mark::Absent,
        _ => Mark::Fail,
    }
}

fn passed(m: Mark) -> bool {
    match m {
        Mark::Tenths(t) => t >= 100,
        Mark::Passed => true,
        _ => false,
    }
}

/// Where a year's units start from.
struct Plan<'a> {
    p: &'a Programme,
    y: i32,
    with_results: bool,
    /// The first day (after 1 September) a withdrawal can be on.
    earliest: i64,
    /// Every unit gets the ECTS-fiche's grensdatum (a year without calendar).
    own_grensdatum: bool,
}

/// One unit of the plan, new (`code` unused so far) or enrolled for again.
fn unit(d: &mut Draw, plan: &Plan, code: String, name: String, sp: u32) -> Unit {
    let (p, y, with_results) = (plan.p, plan.y, plan.with_results);
    let mut u = Unit::new(&code, &name, sp);
    if plan.own_grensdatum && y != CALENDAR_YEAR {
        u.grensdatum = Some(day(y, 52));
    }
    if p.system == PeriodSystem::Semester {
        u.period = d.pick(&[Period::S1, Period::S2]);
    }
    if d.chance(4) {
        u.kind = d.pick(&[UnitKind::Bachelorproef, UnitKind::Stage]);
    }
    if d.chance(5) {
        u.exempt = true;
        return u;
    }
    if d.chance(10) {
        // A withdrawal from this unit alone, before any exam.
        let date = day(y, plan.earliest + i64::from(d.range(15, 110)));
        u.withdrawal = Some(UnitWithdrawal {
            date,
            removal: d.chance(40),
        });
        if y != CALENDAR_YEAR && d.chance(95) {
            // No calendar that year: the ECTS-fiche's grensdatum.
            u.grensdatum = Some(day(y, 52));
        }
        return u;
    }
    if !with_results {
        return u;
    }
    if d.chance(8) {
        u.pass_fail = true;
        u.first = Some(if d.chance(80) {
            Mark::Passed
        } else {
            Mark::NotPassed
        });
        if u.first == Some(Mark::NotPassed) && d.chance(60) {
            u.second = Some(if d.chance(70) {
                Mark::Passed
            } else {
                Mark::NotPassed
            });
        }
        return u;
    }
    let first = grade(d);
    u.first = Some(first);
    if !passed(first) && d.chance(55) {
        u.second = Some(grade(d));
    }
    let last = u.second.unwrap_or(first);
    if matches!(last, Mark::Tenths(80 | 90)) && d.chance(25) {
        u.tolerated = true;
    }
    u
}

/// The units of a plan: most of the fails of earlier years enrolled for
/// again (same code), the rest new.
fn units(d: &mut Draw, plan: &Plan, c: &Case) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for y in c.years.iter().rev() {
        for e in y.enrolments.iter().filter(|e| e.programme == plan.p.id) {
            for u in &e.units {
                if seen.contains(&u.code) {
                    continue;
                }
                seen.push(u.code.clone());
                let failed = !u.exempt
                    && !u.tolerated
                    && u.withdrawal.is_none()
                    && !u.second.or(u.first).is_some_and(passed);
                if failed && d.chance(60) {
                    out.push(unit(d, plan, u.code.clone(), u.name.clone(), u.sp));
                }
            }
        }
    }
    let n = d.range(3, 10) as usize;
    for k in 0..n {
        let sp = d.pick(&[3, 4, 5, 6, 6, 6, 6, 6, 8, 10]);
        let code = format!("{}-{}{k:02}", plan.p.id, plan.y % 100);
        let name = format!("{} {}.{k}", plan.p.name, plan.y % 100);
        out.push(unit(d, plan, code, name, sp));
    }
    out
}

fn contract(d: &mut Draw) -> Contract {
    match d.below(100) {
        0..=77 => Contract::Diploma,
        78..=93 => Contract::Credit,
        _ => Contract::Exam,
    }
}

/// One defect the rules must name (about one case in ten).
fn defect(d: &mut Draw, c: &mut Case) {
    let Some(y) = c.years.iter_mut().find(|y| !y.enrolments.is_empty()) else {
        return;
    };
    let e = &mut y.enrolments[0];
    let year = y.year.0;
    let Some(u) = e.units.first_mut() else { return };
    match d.below(6) {
        0 => {
            u.first = Some(Mark::whole(21));
            u.exempt = false;
            u.pass_fail = false;
        }
        1 => u.sp = 2,
        2 => {
            let twin = u.clone();
            e.units.push(twin);
        }
        3 => e.programme = "ONBEKEND".into(),
        4 => e.enrolled = Some(day(year, 400)),
        _ => {
            u.exempt = false;
            u.pass_fail = false;
            u.withdrawal = None;
            u.first = Some(Mark::whole(14));
            u.second = Some(Mark::whole(12));
        }
    }
}

/// The case of a seed.
pub fn build(seed: [u8; 32]) -> Case {
    let d = &mut Draw(TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
    let mut c = Case::new("Proef");
    // Now and then a long bachelor far from its diploma, where 18.3 §1 d
    // (at most 12 SP tolerated while 120 SP or more remain) decides.
    let far = d.chance(20);
    let size = if far { 240 } else { 180 };
    let mut chemie = Programme::new("CH", "Chemie", ProgrammeKind::Bachelor, size);
    chemie.system = PeriodSystem::Year;
    let mut vastgoed = Programme::new("VG", "Vastgoed", ProgrammeKind::Bachelor, 180);
    vastgoed.system = PeriodSystem::Semester;
    let master = Programme::new("MA", "Master chemie", ProgrammeKind::Master, 60);
    let mut elders = Programme::new("UG", "Biologie", ProgrammeKind::Bachelor, 180);
    elders.institution = Some("UGent".into());
    let mut pool = vec![chemie, vastgoed, master];
    if d.chance(10) {
        pool.push(elders);
    }
    if d.chance(8) {
        pool.push(Programme::new(
            "BB",
            "Bachelor na bachelor",
            ProgrammeKind::BachelorAfterBachelor,
            60,
        ));
    }
    c.programmes = pool;

    // The career: one to four years, most often up to the calendar year.
    let last = if d.chance(70) {
        CALENDAR_YEAR
    } else {
        d.range(2014, 2019)
    };
    let first = last - d.range(0, 3);
    let main = if far {
        0
    } else if d.chance(25) {
        2
    } else {
        d.pick(&[0, 0, 0, 1])
    };
    let opening = far || d.chance(30);
    for y in first..=last {
        let mut year = Year {
            year: AcademicYear(y),
            generation_student: None,
            binding_conditions: d.chance(8),
            official_balance: None,
            enrolments: Vec::new(),
            summaries: Vec::new(),
        };
        if d.chance(10) {
            year.generation_student = Some(d.chance(60));
        }
        let p = c.programmes[main].clone();
        if y < last && d.chance(20) {
            // The official bewegingen instead of the detail.
            let taken = d.range(20, 60) as u32;
            let acquired = (taken * d.range(40, 100) as u32) / 100;
            let tolerated = if d.chance(20) {
                (taken - acquired).min(6)
            } else {
                0
            };
            year.summaries.push(Summary {
                programme: p.id.clone(),
                contract: if d.chance(75) {
                    Contract::Diploma
                } else {
                    Contract::Credit
                },
                taken,
                acquired,
                exempted: if d.chance(10) { 6 } else { 0 },
                tolerated,
            });
        } else if d.chance(14) && c.programmes[main].kind == ProgrammeKind::Bachelor {
            // A change of programme: out of one, into the other.
            let to = c.programmes[1 - main.min(1)].clone();
            let out_day = i64::from(d.range(30, 190));
            let into_day = out_day + i64::from(d.range(0, 20));
            let (out, into) = (day(y, out_day), day(y, into_day));
            if d.chance(40) {
                year.generation_student = Some(true);
            }
            year.enrolments.push(Enrolment {
                programme: p.id.clone(),
                contract: Contract::Diploma,
                enrolled: None,
                withdrawn: Some(out),
                units: units(
                    d,
                    &Plan {
                        p: &p,
                        y,
                        with_results: false,
                        earliest: 0,
                        own_grensdatum: true,
                    },
                    &c,
                ),
            });
            year.enrolments.push(Enrolment {
                programme: to.id.clone(),
                contract: Contract::Diploma,
                enrolled: Some(into),
                withdrawn: None,
                units: units(
                    d,
                    &Plan {
                        p: &to,
                        y,
                        with_results: true,
                        earliest: into_day,
                        own_grensdatum: false,
                    },
                    &c,
                ),
            });
        } else {
            let contract = contract(d);
            let withdrawn = d.chance(4).then(|| day(y, d.range(20, 200).into()));
            year.enrolments.push(Enrolment {
                programme: p.id.clone(),
                contract,
                enrolled: None,
                withdrawn,
                units: units(
                    d,
                    &Plan {
                        p: &p,
                        y,
                        with_results: true,
                        earliest: 0,
                        own_grensdatum: withdrawn.is_some(),
                    },
                    &c,
                ),
            });
            if d.chance(10) {
                // A second programme alongside, under creditcontract.
                let other = c.programmes[(main + 1) % 3].clone();
                year.enrolments.push(Enrolment {
                    programme: other.id.clone(),
                    contract: Contract::Credit,
                    enrolled: None,
                    withdrawn: None,
                    units: units(
                        d,
                        &Plan {
                            p: &other,
                            y,
                            with_results: true,
                            earliest: 0,
                            own_grensdatum: false,
                        },
                        &c,
                    ),
                });
            }
        }
        if d.chance(5) {
            year.official_balance = Some(d.range(0, 200));
        }
        c.years.push(year);
    }
    if opening {
        let balance = match d.below(100) {
            0..=59 => d.range(60, 140),
            60..=79 => d.range(-20, 0),
            _ => d.range(1, 40),
        };
        let mut o = Opening {
            year: AcademicYear(first),
            balance,
            bonus_granted: d.range(0, 60) as u32,
            rebuilds: Vec::new(),
            progress: Vec::new(),
        };
        if d.chance(30) {
            o.rebuilds.push(RebuildUse {
                kind: d.pick(&[
                    RebuildKind::Master,
                    RebuildKind::LeftHigherEducation,
                    RebuildKind::Hbo5,
                ]),
                in_progress: d.chance(50),
            });
        }
        if far {
            o.balance = d.range(60, 140);
            o.progress.push(EarlierProgress {
                programme: "CH".into(),
                taken: 150,
                acquired: d.range(76, 96) as u32,
                exempted: 0,
                tolerated: 12,
            });
        } else if d.chance(60) {
            let p = &c.programmes[main];
            let taken = d.range(30, p.size as i32 - 10) as u32;
            let acquired = taken * d.range(60, 100) as u32 / 100;
            o.progress.push(EarlierProgress {
                programme: p.id.clone(),
                taken,
                acquired,
                exempted: if d.chance(20) { 6 } else { 0 },
                tolerated: if d.chance(20) {
                    (taken - acquired).min(6)
                } else {
                    0
                },
            });
        }
        c.opening = Some(o);
    }
    if main == 2 && d.chance(40) {
        c.events
            .push(Event::MasterDiploma(AcademicYear(d.range(first, last))));
    }
    if d.chance(3) {
        c.events
            .push(Event::Hbo5Diploma(AcademicYear(d.range(first, last))));
    }
    if d.chance(15) {
        c.as_of = Some(AcademicYear(last + d.range(0, 2)));
    }
    if d.chance(10) {
        defect(d, &mut c);
    }
    if d.chance(35) {
        scenario(d, &mut c);
    }
    c
}

/// A what-if on the case: a failed unit passed in September, a tolerable
/// fail tolerated, or a unit dropped.
fn scenario(d: &mut Draw, c: &mut Case) {
    let mut edited = c.clone();
    let Some(y) = edited.years.last_mut() else {
        return;
    };
    let Some(e) = y.enrolments.last_mut() else {
        return;
    };
    let n = e.units.len() as u32;
    if n == 0 {
        return;
    }
    let u = &mut e.units[d.below(n) as usize];
    match d.below(3) {
        0 if !u.exempt && u.withdrawal.is_none() && !u.pass_fail => {
            u.second = Some(Mark::whole(12));
            u.tolerated = false;
        }
        1 => u.tolerated = !u.tolerated,
        _ => {
            let k = d.below(n) as usize;
            e.units.remove(k);
        }
    }
    let changes = diff_scenario(c, &edited);
    c.scenarios.push(Scenario {
        name: "Wat als".into(),
        note: String::new(),
        changes,
    });
}

/// The generator as a proptest strategy.
pub fn case() -> impl Strategy<Value = Case> {
    any::<[u8; 32]>().prop_map(build)
}
