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
