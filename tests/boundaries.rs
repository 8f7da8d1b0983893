//! One test per rule boundary: the grensdatum itself, 30 November / 1
//! December and 15 / 16 March for a switch, SE exactly 50 % and 60 %, merit
//! exactly 65 / 75 / 85 %, the 120-SP distance and the 12-SP cap.

use traject::model::*;
use traject::params::Params;
use traject::rules::{Degree, Outcome, compute, resolve_as_of};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn unit(code: &str, sp: u32, grade: Option<i32>) -> Unit {
    let mut u = Unit::new(code, &format!("Vak {code}"), sp);
    u.first = grade.map(Mark::whole);
    u
}

fn chemie() -> Programme {
    Programme::new("CH", "Chemie", ProgrammeKind::Bachelor, 180)
}

fn vastgoed() -> Programme {
    let mut p = Programme::new("VG", "Vastgoed", ProgrammeKind::Bachelor, 180);
    p.system = PeriodSystem::Semester;
    p
}

fn enrolment(programme: &str, units: Vec<Unit>) -> Enrolment {
    Enrolment {
        programme: programme.into(),
        contract: Contract::Diploma,
        enrolled: None,
        withdrawn: None,
        units,
    }
}

fn year(y: i32, enrolments: Vec<Enrolment>) -> Year {
    let mut yr = Year::new(AcademicYear(y));
    yr.enrolments = enrolments;
    yr
}

fn case(years: Vec<Year>) -> Case {
    let mut c = Case::new("Grens");
    c.programmes = vec![chemie(), vastgoed()];
    c.years = years;
    c
}

fn run(c: &Case) -> Outcome {
    compute(c, &Params::default(), resolve_as_of(c, None).unwrap())
}

fn codes(o: &Outcome) -> Vec<&'static str> {
    o.warnings.iter().map(|w| w.code.key()).collect()
}

/// Ten 6-SP units, year system, no results, withdrawn from the programme on `date`.
fn withdrawn_on(date: &str) -> Outcome {
    let units = (0..10).map(|i| unit(&format!("U{i}"), 6, None)).collect();
    let mut e = enrolment("CH", units);
    e.withdrawn = Some(d(date));
    run(&case(vec![year(2017, vec![e])]))
}

#[test]
fn withdrawing_on_the_grensdatum_returns_the_leerkrediet() {
    let on = withdrawn_on("2017-10-23");
    assert_eq!(on.ledger.rows[0].refunded, 60);
    assert_eq!(on.ledger.balance, 140);
    // The inclusive reading is cited as an interpretation.
    assert!(
        on.ledger.rows[0]
            .lines
            .iter()
            .any(|l| l.interpretation && l.amount == Some(60))
    );
    let after = withdrawn_on("2017-10-24");
    assert_eq!(after.ledger.rows[0].refunded, 0);
    assert_eq!(after.ledger.balance, 80);
    let before = withdrawn_on("2017-10-22");
    assert_eq!(before.ledger.rows[0].refunded, 60);
    assert!(!before.ledger.rows[0].lines.iter().any(|l| l.interpretation));
}

#[test]
fn a_unit_grensdatum_override_replaces_the_calendar() {
    let mut u = unit("U1", 6, None);
    u.grensdatum = Some(d("2017-11-30"));
    u.withdrawal = Some(UnitWithdrawal {
        date: d("2017-11-30"),
        removal: false,
    });
    let o = run(&case(vec![year(
        2017,
        vec![enrolment("CH", vec![u, unit("U2", 6, Some(12))])],
    )]));
    assert_eq!(o.ledger.rows[0].refunded, 6);
    assert_eq!(o.ledger.balance, 140 - 12 + 6 + 6 + 6);
}

/// A generatiestudent leaves Chemie (57 SP, no results) on `left` and
/// enrols in Vastgoed on `entered` for one 6-SP unit of semester 2, acquired.
fn switch(left: &str, entered: &str) -> Outcome {
    let mut units: Vec<Unit> = (0..9).map(|i| unit(&format!("C{i}"), 6, None)).collect();
    units.push(unit("C9", 3, None));
    let mut from = enrolment("CH", units);
    from.withdrawn = Some(d(left));
    let mut v = unit("V1", 6, Some(14));
    v.period = Period::S2;
    let mut to = enrolment("VG", vec![v]);
    to.enrolled = Some(d(entered));
    run(&case(vec![year(2017, vec![from, to])]))
}

#[test]
fn switch_before_1_december_returns_everything() {
    let o = switch("2017-11-29", "2017-11-30");
    assert_eq!(o.ledger.rows[0].refunded, 57);
    assert!(o.ledger.rows[0].generation_student);
}

#[test]
fn switch_on_1_december_returns_half_rounded_up() {
    let o = switch("2017-11-29", "2017-12-01");
    assert_eq!(o.ledger.rows[0].refunded, 29);
}

#[test]
fn switch_on_15_march_returns_half_and_on_16_march_nothing() {
    assert_eq!(
        switch("2018-03-14", "2018-03-15").ledger.rows[0].refunded,
        29
    );
    assert_eq!(
        switch("2018-03-14", "2018-03-16").ledger.rows[0].refunded,
        0
    );
}

#[test]
fn a_student_who_is_no_generatiestudent_gets_no_switch_refund() {
    let earlier = year(2016, vec![enrolment("CH", vec![unit("E1", 6, Some(12))])]);
    let mut units: Vec<Unit> = (0..9).map(|i| unit(&format!("C{i}"), 6, None)).collect();
    units.push(unit("C9", 3, None));
    let mut from = enrolment("CH", units);
    from.withdrawn = Some(d("2017-11-20"));
    let mut to = enrolment("VG", vec![unit("V1", 6, Some(14))]);
    to.enrolled = Some(d("2017-11-22"));
    let o = run(&case(vec![earlier, year(2017, vec![from, to])]));
    let row = o.ledger_row(AcademicYear(2017)).unwrap();
    assert!(!row.generation_student);
    assert_eq!(row.refunded, 0);
}

/// Chemie, one year: `credited` 6-SP units with 12, the rest of ten with 9.
fn one_year(credited: usize) -> Outcome {
    let units = (0..10)
        .map(|i| unit(&format!("U{i}"), 6, Some(if i < credited { 12 } else { 9 })))
        .collect();
    run(&case(vec![year(2017, vec![enrolment("CH", units)])]))
}

#[test]
fn se_of_exactly_60_percent_avoids_binding_conditions() {
    let at = one_year(6);
    assert!(!codes(&at).contains(&"binding-conditions"));
    assert_eq!(at.programmes[0].years[0].automatic_trajectory, Some(true));
    let below = one_year(5);
    assert!(codes(&below).contains(&"binding-conditions"));
    assert_eq!(
        below.programmes[0].years[0].automatic_trajectory,
        Some(false)
    );
}

#[test]
fn cumulative_se_of_exactly_50_percent_allows_tolerance() {
    let at = one_year(5);
    let t = at.programmes[0].tolerance.as_ref().unwrap();
    // 50 % exactly: condition a holds; the 9s fail only on credit, not on a.
    assert!(
        t.units
            .iter()
            .all(|v| !v.fails.contains(&traject::rules::Condition::A))
    );
    let below = one_year(4);
    let t = below.programmes[0].tolerance.as_ref().unwrap();
    assert!(
        t.units
            .iter()
            .all(|v| v.fails.contains(&traject::rules::Condition::A))
    );
}

#[test]
fn far_from_the_diploma_at_most_12_sp_can_be_tolerated() {
    // A 240-SP programme, so that 18.3 §1 d can bind while a and the credit
    // hold. 2015-2016: 14 units of 5 SP, 8 credited, one 9 tolerated
    // (5 ≤ 7.0); 2016-2017: 18 units of 5 SP, 10 credited, one 9 tolerated.
    let mut big = Programme::new("BIG", "Groot", ProgrammeKind::Bachelor, 240);
    big.system = PeriodSystem::Year;
    let mk = |y: i32, n: usize, credited: usize, tolerated: usize| {
        let units = (0..n)
            .map(|i| {
                let mut u = unit(
                    &format!("Y{y}U{i}"),
                    5,
                    Some(if i < credited { 12 } else { 9 }),
                );
                u.tolerated = i >= credited && i < credited + tolerated;
                u
            })
            .collect();
        year(y, vec![enrolment("BIG", units)])
    };
    let mut c = case(vec![mk(2015, 14, 8, 1), mk(2016, 18, 10, 1)]);
    c.programmes = vec![big];
    let o = run(&c);
    assert!(o.errors.is_empty(), "{:?}", o.errors);
    let t = o.programmes[0].tolerance.as_ref().unwrap();
    assert_eq!(t.used, 10);
    assert_eq!(t.available_hundredths, 1600);
    // 240 − 90 − 10 = 140 SP to go: 10 + 5 = 15 > 12 fails d, while the
    // credit (15 ≤ 16.0) and SE (90/160) hold.
    let v = t.units.iter().find(|v| v.code == "Y2016U11").unwrap();
    assert_eq!(v.fails, vec![traject::rules::Condition::D]);
}

#[test]
fn the_credit_binds_before_the_12_sp_cap_in_a_180_sp_programme() {
    // 48 of 60 credited, three 9s of 4 SP, two tolerated: credit 6.0, so
    // the second 4-SP tolerance (8 > 6.0) is not allowed and not counted.
    let mut units: Vec<Unit> = (0..8)
        .map(|i| unit(&format!("P{i}"), 6, Some(12)))
        .collect();
    for i in 0..3 {
        let mut u = unit(&format!("T{i}"), 4, Some(9));
        u.tolerated = i < 2;
        units.push(u);
    }
    let o = run(&case(vec![year(2017, vec![enrolment("CH", units)])]));
    let t = o.programmes[0].tolerance.as_ref().unwrap();
    assert_eq!(t.used, 4);
    let second = t.units.iter().find(|v| v.code == "T1").unwrap();
    assert!(!second.tolerated);
    assert_eq!(second.fails, vec![traject::rules::Condition::Krediet]);
    assert_eq!(
        o.errors
            .iter()
            .map(|e| (e.code.key(), e.place.to_string()))
            .collect::<Vec<_>>(),
        vec![(
            "tolerance-not-allowed",
            "2017-2018 / Chemie / T1".to_string()
        )]
    );
}

/// A passed Chemie (three years of ten 6-SP units) with all grades `g`
/// except one unit with `last`.
fn merit(g: i32, last: i32) -> Option<Degree> {
    let years = (0..3)
        .map(|y| {
            let units = (0..10)
                .map(|i| {
                    unit(
                        &format!("Y{y}U{i}"),
                        6,
                        Some(if y == 2 && i == 9 { last } else { g }),
                    )
                })
                .collect();
            year(2015 + y, vec![enrolment("CH", units)])
        })
        .collect();
    let o = run(&case(years));
    assert!(o.programmes[0].passed);
    o.programmes[0].merit.as_ref().unwrap().degree
}

#[test]
fn merit_thresholds_are_exact() {
    assert_eq!(merit(13, 13), Some(Degree::Onderscheiding)); // 65 %
    assert_eq!(merit(13, 12), Some(Degree::Voldoening)); // 64.83 %
    assert_eq!(merit(15, 15), Some(Degree::GroteOnderscheiding)); // 75 %
    assert_eq!(merit(15, 14), Some(Degree::Onderscheiding)); // 74.83 %
    assert_eq!(merit(17, 17), Some(Degree::GrootsteOnderscheiding)); // 85 %
    assert_eq!(merit(17, 16), Some(Degree::GroteOnderscheiding)); // 84.83 %
}

#[test]
fn no_taken_sp_gives_an_undefined_se_not_zero() {
    let mut u = unit("U1", 6, None);
    u.exempt = true;
    let o = run(&case(vec![year(2017, vec![enrolment("CH", vec![u])])]));
    assert_eq!(o.programmes[0].years[0].efficiency, None);
    assert_eq!(o.study_progress[0].efficiency, None);
    assert!(!o.study_progress[0].binding_conditions_possible);
}

#[test]
fn a_gap_year_is_a_ledger_row_of_its_own() {
    let a = year(2015, vec![enrolment("CH", vec![unit("A", 6, Some(12))])]);
    let b = year(2017, vec![enrolment("CH", vec![unit("B", 6, Some(12))])]);
    let o = run(&case(vec![a, b]));
    let years: Vec<(AcademicYear, bool)> =
        o.ledger.rows.iter().map(|r| (r.year, r.enrolled)).collect();
    assert_eq!(
        years,
        vec![
            (AcademicYear(2015), true),
            (AcademicYear(2016), false),
            (AcademicYear(2017), true)
        ]
    );
}

// ---------------------------------------------------------------------------
// Both sides of every threshold (issue 14): exactly at it, and one SP beyond.
// Each table row is one case; the figures come from RULES.md and the OER.

/// `n` units of `sp` SP with grade `g` (`None`: no result), coded
/// `{prefix}{i}`.
fn many(prefix: &str, n: usize, sp: u32, g: Option<i32>) -> Vec<Unit> {
    (0..n)
        .map(|i| unit(&format!("{prefix}{i}"), sp, g))
        .collect()
}

/// One year of Chemie: `(count, SP, grade)` groups of units.
fn chemie_year(groups: &[(usize, u32, i32)]) -> Outcome {
    let units = groups
        .iter()
        .enumerate()
        .flat_map(|(k, &(n, sp, g))| many(&format!("G{k}U"), n, sp, Some(g)))
        .collect();
    run(&case(vec![year(2017, vec![enrolment("CH", units)])]))
}

/// Groups of units for `chemie_year`: (how many, SP each, grade).
type Groups = &'static [(usize, u32, i32)];

/// Previous years for `exception_case`: (year, SP taken, SP acquired).
type History = &'static [(i32, u32, u32)];

/// OER 13.1 and 11.3 §3: 60 % acquired avoids binding conditions and gives
/// the automatic individual trajectory; one SP less (35 of 60 = 58.3 %, 59 of
/// 100 = 59 %) does not.
#[test]
fn art_13_1_and_11_3_par3_at_60_percent_and_one_sp_below() {
    // (groups, acquired, taken, binding conditions possible)
    let table: &[(Groups, u64, u64, bool)] = &[
        (&[(6, 6, 12), (4, 6, 7)], 36, 60, false),
        (&[(5, 6, 12), (1, 5, 12), (5, 5, 7)], 35, 60, true),
        (&[(12, 5, 12), (8, 5, 7)], 60, 100, false),
        (
            &[(11, 5, 12), (1, 4, 12), (7, 5, 7), (1, 6, 7)],
            59,
            100,
            true,
        ),
    ];
    for &(groups, acquired, taken, binding) in table {
        let o = chemie_year(groups);
        let sp = &o.study_progress[0];
        assert_eq!((sp.acquired, sp.taken), (acquired, taken));
        assert_eq!(
            sp.binding_conditions_possible, binding,
            "{acquired}/{taken}"
        );
        assert_eq!(
            codes(&o).contains(&"binding-conditions"),
            binding,
            "{acquired}/{taken}"
        );
        assert_eq!(
            o.programmes[0].years[0].automatic_trajectory,
            Some(!binding),
            "{acquired}/{taken}"
        );
    }
}

/// OER 18.3 §1 a: a cumulative SE of 50 % allows tolerance; 29 of 60
/// (48.3 %) does not.
#[test]
fn art_18_3_par1_a_at_50_percent_and_one_sp_below() {
    let table: &[(Groups, bool)] = &[
        (&[(5, 6, 12), (5, 6, 9)], true),
        (&[(4, 6, 12), (1, 5, 12), (1, 6, 9), (5, 5, 9)], false),
    ];
    for &(groups, a_holds) in table {
        let o = chemie_year(groups);
        let t = o.programmes[0].tolerance.as_ref().unwrap();
        assert!(!t.units.is_empty());
        for v in &t.units {
            assert_eq!(
                !v.fails.contains(&traject::rules::Condition::A),
                a_holds,
                "{v:?}"
            );
        }
    }
}

/// A 240-SP bachelor: one year of `credited` SP in 6-SP units with 12
/// (the last unit takes the rest when it is not a multiple of 6), plus one
/// unit `T` of `tolerated_sp` SP with a 9, tolerated.
fn far_case(credited: u32, tolerated_sp: u32) -> Outcome {
    let mut big = Programme::new("BIG", "Groot", ProgrammeKind::Bachelor, 240);
    big.system = PeriodSystem::Year;
    let mut units = many("P", (credited / 6) as usize, 6, Some(12));
    if !credited.is_multiple_of(6) {
        let last = units.last_mut().unwrap();
        last.sp += credited % 6;
    }
    let mut t = unit("T", tolerated_sp, Some(9));
    t.tolerated = true;
    units.push(t);
    let mut c = case(vec![year(2017, vec![enrolment("BIG", units)])]);
    c.programmes = vec![big];
    run(&c)
}

/// OER 18.3 §1 d: at least 120 SP from the diploma, at most 12 SP
/// tolerated. Exactly 12 SP is allowed, 13 is not; at a distance of exactly
/// 120 SP the cap applies, at 119 it does not. The tolerance credit holds
/// throughout (10 % of 130 or more taken SP is at least 13.0 SP).
#[test]
fn art_18_3_par1_d_at_12_and_13_sp_and_120_and_119_sp_away() {
    // (credited SP, tolerated SP, distance, fails)
    use traject::rules::Condition::D;
    let table: &[(u32, u32, i64, &[traject::rules::Condition])] = &[
        (120, 12, 120, &[]),
        (120, 13, 120, &[D]),
        (121, 13, 119, &[]),
    ];
    for &(credited, sp, distance, fails) in table {
        let o = far_case(credited, sp);
        let t = o.programmes[0].tolerance.as_ref().unwrap();
        assert_eq!(240 - i64::from(credited), distance);
        let v = t.units.iter().find(|v| v.code == "T").unwrap();
        assert_eq!(v.fails, fails, "credited {credited}, tolerated {sp}");
        assert_eq!(v.tolerated, fails.is_empty());
        assert_eq!(t.used, if fails.is_empty() { u64::from(sp) } else { 0 });
        let refused = o
            .errors
            .iter()
            .any(|e| e.code.key() == "tolerance-not-allowed");
        assert_eq!(refused, !fails.is_empty());
    }
}

/// OER 18.2 §3: the tolerance credit is 10 % of the SP taken; a unit fits
/// when 10 × tolerated SP ≤ base. 13 SP fit in a base of 130 (13.0), 13 SP
/// do not fit in 129 (12.9).
#[test]
fn art_18_2_par3_credit_exactly_used_and_one_tenth_short() {
    use traject::rules::Condition::Krediet;
    // Distance stays below 120 so that d does not bind: a 180-SP programme.
    let table: &[(u32, u64, bool)] = &[(117, 130, true), (116, 129, false)];
    for &(credited, base, fits) in table {
        let mut units = many("P", (credited / 6) as usize, 6, Some(12));
        let last = units.last_mut().unwrap();
        last.sp += credited % 6;
        let mut t = unit("T", 13, Some(9));
        t.tolerated = true;
        units.push(t);
        let o = run(&case(vec![year(2017, vec![enrolment("CH", units)])]));
        let tol = o.programmes[0].tolerance.as_ref().unwrap();
        assert_eq!(tol.base, base);
        assert_eq!(tol.available_hundredths, base as i64 * 10);
        let v = tol.units.iter().find(|v| v.code == "T").unwrap();
        let expected: &[traject::rules::Condition] = if fits { &[] } else { &[Krediet] };
        assert_eq!(v.fails, expected, "base {base}");
    }
}

/// A case opening in 2017-2018 with a balance of 20: Chemie at AP in the
/// listed earlier years (summary lines `(year, taken, acquired)`), then 30
/// SP in 2017-2018, more than the balance.
fn exception_case(history: &[(i32, u32, u32)]) -> Outcome {
    exception_case_with(history, |_| {})
}

/// [`exception_case`] with something more in the case (`extra` changes it
/// before it is computed).
fn exception_case_with(history: &[(i32, u32, u32)], extra: impl FnOnce(&mut Case)) -> Outcome {
    let mut years: Vec<Year> = history
        .iter()
        .map(|&(y, taken, acquired)| {
            let mut yr = Year::new(AcademicYear(y));
            yr.summaries = vec![Summary {
                programme: "CH".into(),
                contract: Contract::Diploma,
                taken,
                acquired,
                exempted: 0,
                tolerated: 0,
            }];
            yr
        })
        .collect();
    years.push(year(2017, vec![enrolment("CH", many("U", 5, 6, Some(12)))]));
    let mut c = case(years);
    c.opening = Some(Opening {
        year: AcademicYear(2017),
        balance: 20,
        bonus_granted: 60,
        rebuilds: vec![],
        progress: vec![],
    });
    extra(&mut c);
    run(&c)
}

/// OER 8.1 §10: after two uninterrupted previous years at AP, a student who
/// needs at most 30 SP more for the diploma may enrol beyond the balance.
/// 30 SP missing: the exception; 31: enrolling beyond the balance; only one
/// previous year (or a gap): no exception.
#[test]
fn art_8_1_par10_exception_at_30_and_31_sp_and_one_previous_year() {
    let table: &[(History, &str)] = &[
        (&[(2015, 90, 90), (2016, 60, 60)], "enrolment-exception"),
        (
            &[(2015, 90, 90), (2016, 60, 59)],
            "enrolment-exceeds-balance",
        ),
        (&[(2016, 150, 150)], "enrolment-exceeds-balance"),
        (
            &[(2014, 90, 90), (2016, 60, 60)],
            "enrolment-exceeds-balance",
        ),
        // 0 SP missing (credits beyond the size): still the exception.
        (&[(2015, 90, 90), (2016, 100, 100)], "enrolment-exception"),
    ];
    for &(history, code) in table {
        let o = exception_case(history);
        let limits: Vec<&str> = codes(&o)
            .into_iter()
            .filter(|c| c.starts_with("enrolment-"))
            .collect();
        assert_eq!(limits, vec![code], "{history:?}");
        let row = o.ledger_row(AcademicYear(2017)).unwrap();
        // The ledger keeps what was entered: 20 − 30 + 30.
        assert_eq!(
            (row.start, row.taken, row.acquired, row.end),
            (20, 30, 30, 20)
        );
    }
}

/// A passed Chemie (180 SP) in one year: `examined` SP in units with 14 and
/// the rest exempted.
fn coverage(examined: u32) -> traject::rules::Merit {
    let mut units = many("E", (examined / 6) as usize, 6, Some(14));
    if !examined.is_multiple_of(6) {
        units.push(unit("E+", examined % 6 + 6, Some(14)));
        units.remove(0);
    }
    let exempt = 180 - examined;
    let mut x = many("X", (exempt / 6) as usize, 6, None);
    if !exempt.is_multiple_of(6) {
        x.push(unit("X+", exempt % 6 + 6, None));
        x.remove(0);
    }
    for u in &mut x {
        u.exempt = true;
    }
    units.extend(x);
    let o = run(&case(vec![year(2017, vec![enrolment("CH", units)])]));
    assert!(o.programmes[0].passed);
    o.programmes[0].merit.clone().unwrap()
}

/// OER 18.4: a degree of merit only when the examined units cover at least
/// half of the programme's SP: 90 of 180 gives one, 89 does not.
#[test]
fn art_18_4_coverage_exactly_half_and_one_sp_short() {
    let at = coverage(90);
    assert_eq!(at.degree, Some(Degree::Onderscheiding)); // 14/20 = 70 %
    let short = coverage(89);
    assert_eq!(short.degree, None);
    assert_eq!(
        short.reason,
        Some(traject::rules::MeritReason::Coverage {
            examined: 89,
            size: 180
        })
    );
}

/// A master diploma in 2017-2018 from an opening balance of `opening`
/// (bonus used up), one 6-SP master unit acquired; the ledger runs to
/// 2019-2020 without further enrolment.
fn after_master(opening: i32) -> Outcome {
    let master = Programme::new("MA", "Master", ProgrammeKind::Master, 60);
    let mut c = case(vec![year(
        2017,
        vec![enrolment("MA", vec![unit("M1", 6, Some(14))])],
    )]);
    c.programmes.push(master);
    c.opening = Some(Opening {
        year: AcademicYear(2017),
        balance: opening,
        bonus_granted: 60,
        rebuilds: vec![],
        progress: vec![],
    });
    c.events = vec![Event::MasterDiploma(AcademicYear(2017))];
    c.as_of = Some(AcademicYear(2019));
    run(&c)
}

/// OER 8.1 §11: after the master deduction a balance below 60 is rebuilt by
/// 10 a year up to 60; a balance of exactly 60 is not rebuilt at all (no
/// rebuild starts, no step is shown).
#[test]
fn art_8_1_par11_balance_of_exactly_60_after_a_master_is_not_rebuilt() {
    // (opening, end of the diploma year, rebuilds of the next two years)
    let table: &[(i32, i64, [i64; 2])] =
        &[(200, 60, [0, 0]), (199, 59, [1, 0]), (185, 45, [10, 5])];
    for &(opening, end, rebuilds) in table {
        let o = after_master(opening);
        let r17 = o.ledger_row(AcademicYear(2017)).unwrap();
        assert_eq!((r17.master, r17.end), (-140, end), "{opening}");
        let got = [2018, 2019].map(|y| o.ledger_row(AcademicYear(y)).unwrap().rebuild);
        assert_eq!(got, rebuilds, "{opening}");
        // Lines of 8.1 §11 beyond the deduction: only when a rebuild starts.
        let par11 = traject::rules::Article::par("8.1", 11);
        let rebuild_lines = o
            .ledger
            .rows
            .iter()
            .flat_map(|r| r.lines.iter())
            .filter(|l| l.article == par11 && l.amount != Some(-140))
            .count();
        assert_eq!(rebuild_lines > 0, end < 60, "{opening}: {rebuild_lines}");
    }
}

/// OER 11.6 and 8.1 §5, §7: a removal asked for by the grensdatum returns
/// the leerkrediet under any contract, creditcontract included; a plain
/// withdrawal under creditcontract never does; a removal after the
/// grensdatum returns nothing and is flagged.
#[test]
fn art_11_6_removals_in_time_and_too_late() {
    // (contract, date, removal, refunded, removal-too-late)
    let table: &[(Contract, &str, bool, i64, bool)] = &[
        (Contract::Credit, "2017-10-23", true, 6, false),
        (Contract::Credit, "2017-10-24", true, 0, true),
        (Contract::Credit, "2017-10-20", false, 0, false),
        (Contract::Diploma, "2017-10-23", true, 6, false),
        (Contract::Diploma, "2017-10-24", true, 0, true),
        (Contract::Diploma, "2017-10-23", false, 6, false),
        (Contract::Diploma, "2017-10-24", false, 0, false),
    ];
    for &(contract, date, removal, refunded, late) in table {
        let mut u = unit("R", 6, None);
        u.withdrawal = Some(UnitWithdrawal {
            date: d(date),
            removal,
        });
        let mut e = enrolment("CH", vec![u, unit("K", 6, Some(12))]);
        e.contract = contract;
        let o = run(&case(vec![year(2017, vec![e])]));
        let row = &o.ledger.rows[0];
        let what = format!("{contract:?} {date} removal {removal}");
        assert_eq!((row.taken, row.refunded), (12, refunded), "{what}");
        assert_eq!(codes(&o).contains(&"removal-too-late"), late, "{what}");
        // SE counts the unit as taken unless it left in time (RULES.md §4).
        let in_time = date <= "2017-10-23";
        let taken = o.programmes[0].years[0].taken;
        assert_eq!(taken, if in_time { 6 } else { 12 }, "{what}");
    }
}

/// OER 18.3 §1 g with a test parameter set (`tests/rules/groups/`): at most
/// one tolerance in the group "Labo" of Chemie. Of two tolerated 9s in the
/// group the second fails g; a unit outside the group is not limited.
#[test]
fn art_18_3_par1_g_a_group_cap_from_a_parameter_set() {
    use traject::rules::Condition::G;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules/groups");
    let params = traject::params::load_dir(&dir).expect("the test rules are valid");
    let mut units = many("P", 14, 6, Some(12));
    for code in ["L1", "L2", "N1"] {
        let mut u = unit(code, 3, Some(9));
        u.name = format!("Labo {code}");
        u.tolerated = true;
        units.push(u);
    }
    units[16].name = "Netwerken".into();
    let c = case(vec![year(2017, vec![enrolment("CH", units)])]);
    let o = compute(&c, &params, resolve_as_of(&c, None).unwrap());
    let t = o.programmes[0].tolerance.as_ref().unwrap();
    let fails = |code: &str| {
        t.units
            .iter()
            .find(|v| v.code == code)
            .map(|v| v.fails.clone())
            .unwrap()
    };
    assert_eq!(fails("L1"), vec![]);
    assert_eq!(fails("L2"), vec![G]);
    assert_eq!(fails("N1"), vec![]);
    assert_eq!(t.used, 6);
    // Without the parameter set the same case tolerates all three.
    let plain = run(&c);
    assert_eq!(plain.programmes[0].tolerance.as_ref().unwrap().used, 9);
}

/// OER 8.1 §10: the exception looks at the programmes the year takes
/// leerkrediet for. An enrolment or summary line in another programme
/// (Vastgoed, 180 SP to go) that takes no SP does not stand in its way;
/// one that takes SP does, since that programme is far from its diploma.
#[test]
fn art_8_1_par10_exception_counts_only_programmes_that_take_sp() {
    let history: History = &[(2015, 90, 90), (2016, 60, 60)];
    let limit = |o: &Outcome| -> Vec<&'static str> {
        codes(o)
            .into_iter()
            .filter(|c| c.starts_with("enrolment-"))
            .collect()
    };
    let vg_summary = |taken: u32| Summary {
        programme: "VG".into(),
        contract: Contract::Diploma,
        taken,
        acquired: taken,
        exempted: 0,
        tolerated: 0,
    };
    // Vastgoed with only exempted units: 0 SP taken.
    let o = exception_case_with(history, |c| {
        let mut units = many("V", 2, 6, None);
        for u in &mut units {
            u.exempt = true;
        }
        c.years
            .last_mut()
            .unwrap()
            .enrolments
            .push(enrolment("VG", units));
    });
    assert_eq!(limit(&o), vec!["enrolment-exception"]);
    // A summary line of Vastgoed taking nothing, then one taking 6 SP.
    let o = exception_case_with(history, |c| {
        c.years.last_mut().unwrap().summaries.push(vg_summary(0));
    });
    assert_eq!(limit(&o), vec!["enrolment-exception"]);
    let o = exception_case_with(history, |c| {
        c.years.last_mut().unwrap().summaries.push(vg_summary(6));
    });
    assert_eq!(limit(&o), vec!["enrolment-exceeds-balance"]);
}

/// OER 18.4 with RULES.md §2.2: when the opening states a programme's
/// earlier progress, its detailed years before the opening are history
/// only; the weighted average counts the grades from the opening year on.
/// Here 2016-2017 (10 × 6 SP with a 10) is history; 2017-2018 has all 180
/// SP with a 14: 70 %, onderscheiding.
#[test]
fn art_18_4_counts_the_grades_from_the_opening_year_on() {
    let mut c = case(vec![
        year(2016, vec![enrolment("CH", many("H", 10, 6, Some(10)))]),
        year(2017, vec![enrolment("CH", many("U", 30, 6, Some(14)))]),
    ]);
    c.opening = Some(Opening {
        year: AcademicYear(2017),
        balance: 140,
        bonus_granted: 0,
        rebuilds: vec![],
        progress: vec![EarlierProgress {
            programme: "CH".into(),
            taken: 0,
            acquired: 0,
            exempted: 0,
            tolerated: 0,
        }],
    });
    let o = run(&c);
    let p = &o.programmes[0];
    assert!(p.passed);
    let m = p.merit.clone().unwrap();
    assert_eq!(m.degree, Some(Degree::Onderscheiding), "{m:?}");
}

/// OER 8.1 §10 with 18.2: a unit validly tolerated in an earlier year
/// counts as done for the SP still needed. 2015-2016: 90 SP (summary);
/// 2016-2017: 54 SP credited and 6 tolerated (a 9): 30 to go, the
/// exception; without the tolerance 36 to go.
#[test]
fn art_8_1_par10_a_tolerated_unit_counts_as_done() {
    let with = |tolerated: bool| {
        exception_case_with(&[(2015, 90, 90)], |c| {
            let mut units = many("D", 9, 6, Some(12));
            let mut t = unit("T9", 6, Some(9));
            t.tolerated = tolerated;
            units.push(t);
            c.years.insert(1, year(2016, vec![enrolment("CH", units)]));
        })
    };
    let limit = |o: &Outcome| -> Vec<&'static str> {
        codes(o)
            .into_iter()
            .filter(|c| c.starts_with("enrolment-"))
            .collect()
    };
    let o = with(true);
    let t = o.programmes[0].tolerance.as_ref().unwrap();
    assert!(
        t.units.iter().any(|v| v.code == "T9" && v.tolerated),
        "{t:?}"
    );
    assert_eq!(limit(&o), vec!["enrolment-exception"]);
    assert_eq!(limit(&with(false)), vec!["enrolment-exceeds-balance"]);
}

/// Dates must lie in their academic year: 2017-2018 runs from 18 September
/// 2017 to 16 September 2018 by the calendar (OER 1.1.1). An enrolment on
/// the first day and a withdrawal on the last are in it; a day earlier or
/// later is `date-outside-year`.
#[test]
fn a_date_on_the_first_and_last_day_of_the_year_is_in_it() {
    let on = |enrolled: &str, withdrawn: Option<&str>| -> Vec<&'static str> {
        let mut e = enrolment("CH", many("U", 10, 6, Some(12)));
        e.enrolled = Some(d(enrolled));
        e.withdrawn = withdrawn.map(d);
        let o = run(&case(vec![year(2017, vec![e])]));
        o.errors
            .iter()
            .map(|w| w.code.key())
            .filter(|c| *c == "date-outside-year")
            .collect()
    };
    assert!(on("2017-09-18", Some("2018-09-16")).is_empty());
    assert_eq!(on("2017-09-17", None), vec!["date-outside-year"]);
    assert_eq!(
        on("2017-09-18", Some("2018-09-17")),
        vec!["date-outside-year"]
    );
}

/// A withdrawal on the day of the enrolment is not before it; a day
/// earlier is `withdrawal-before-enrolment` (the programme's withdrawal and
/// a unit's own alike).
#[test]
fn a_withdrawal_on_the_enrolment_day_is_not_before_it() {
    let before = |withdrawn: &str, own: bool| -> bool {
        let mut e = enrolment("CH", many("U", 10, 6, None));
        e.enrolled = Some(d("2017-10-02"));
        if own {
            e.units[0].withdrawal = Some(UnitWithdrawal {
                date: d(withdrawn),
                removal: false,
            });
        } else {
            e.withdrawn = Some(d(withdrawn));
        }
        let o = run(&case(vec![year(2017, vec![e])]));
        o.errors
            .iter()
            .any(|w| w.code.key() == "withdrawal-before-enrolment")
    };
    for own in [false, true] {
        assert!(!before("2017-10-02", own), "own: {own}");
        assert!(before("2017-10-01", own), "own: {own}");
    }
}

/// A sanity limit on what was typed: 50 academic years are accepted, 51
/// are `too-many-years`.
#[test]
fn fifty_years_are_accepted_and_fifty_one_are_too_many() {
    let too_many = |n: i32| -> bool {
        let years = (0..n).map(|i| Year::new(AcademicYear(1970 + i))).collect();
        run(&case(years))
            .errors
            .iter()
            .any(|e| e.code.key() == "too-many-years")
    };
    assert!(!too_many(50));
    assert!(too_many(51));
}

/// Progress stated at the opening for a programme the case does not have:
/// `unknown-programme`, placed at that programme (so the counsellor finds
/// the line).
#[test]
fn progress_for_an_unknown_programme_is_placed_at_it() {
    let mut c = case(vec![year(
        2017,
        vec![enrolment("CH", many("U", 2, 6, Some(12)))],
    )]);
    c.opening = Some(Opening {
        year: AcademicYear(2017),
        balance: 140,
        bonus_granted: 0,
        rebuilds: vec![],
        progress: vec![EarlierProgress {
            programme: "XX".into(),
            taken: 6,
            acquired: 6,
            exempted: 0,
            tolerated: 0,
        }],
    });
    let o = run(&c);
    let e = o
        .errors
        .iter()
        .find(|e| e.code.key() == "unknown-programme")
        .expect("an error");
    assert_eq!(e.place.programme.as_deref(), Some("XX"));
    assert_eq!(e.place.year, Some(AcademicYear(2017)));
}

/// A code three times in one enrolment: the second and the third are
/// `duplicate-unit-code`, as a code twice makes the second one.
#[test]
fn a_code_three_times_gives_two_duplicates() {
    let dups = |n: usize| -> usize {
        let units = (0..n).map(|_| unit("DUP", 6, Some(12))).collect();
        run(&case(vec![year(2017, vec![enrolment("CH", units)])]))
            .errors
            .iter()
            .filter(|e| e.code.key() == "duplicate-unit-code")
            .count()
    };
    assert_eq!(dups(1), 0);
    assert_eq!(dups(2), 1);
    assert_eq!(dups(3), 2);
}
