//! Invariants over generated cases (proptest). Two generators: `hostile_case`
//! (anything the format can hold: grades out of range, codes twice,
//! dates anywhere) for the ledger identity, "never panics" and saving then
//! loading; and `generate::case` (mostly valid cases that reach the rules) for
//! the properties of the rules themselves, with a measure of how often
//! each rule fires (`rules_fire_often_enough`).

mod generate;

use proptest::prelude::*;
use traject::casefile::{case_to_string, parse_case};
use traject::model::*;
use traject::params::Params;
use traject::report::check_json;
use traject::rules::{compute, resolve_as_of};

fn mark() -> impl Strategy<Value = Mark> {
    prop_oneof![
        6 => (0i32..=20).prop_map(Mark::whole),
        1 => (-5i32..=230).prop_map(Mark::Tenths),
        1 => Just(Mark::Absent),
        1 => Just(Mark::Fail),
        1 => Just(Mark::Passed),
        1 => Just(Mark::NotPassed),
    ]
}

fn date_in(year: i32) -> impl Strategy<Value = Date> {
    (0i64..380)
        .prop_map(move |d| Date(Date::ymd(year, 9, 1).unwrap().0 + chrono::Duration::days(d)))
}

fn part() -> impl Strategy<Value = Part> {
    (
        0u32..4,
        proptest::option::of(mark()),
        proptest::option::of(mark()),
    )
        .prop_map(|(w, first, second)| Part {
            name: format!("deel{w}"),
            weight: w,
            first,
            second,
        })
}

fn unit(year: i32, i: usize) -> impl Strategy<Value = Unit> {
    (
        (
            1u32..12,
            prop::sample::select(Period::ALL.to_vec()),
            any::<bool>(),
            any::<bool>(),
        ),
        (
            0u8..10,
            proptest::option::of(mark()),
            proptest::option::of(mark()),
        ),
        (
            any::<bool>(),
            proptest::option::of((date_in(year), any::<bool>())),
        ),
        proptest::collection::vec(part(), 0..3),
        (0u8..3, proptest::option::of(date_in(year))),
    )
        .prop_map(
            move |(
                (sp, period, pass_fail, tolerated),
                (ex, first, second),
                (_, withdrawal),
                parts,
                (kind, g),
            )| Unit {
                code: format!("U{}", i % 7),
                name: ["Wiskunde", "Stage", "Labportfolio semester 3", "Fysica"][i % 4].to_string(),
                sp,
                period,
                grensdatum: g,
                kind: [UnitKind::Regular, UnitKind::Bachelorproef, UnitKind::Stage][kind as usize],
                pass_fail,
                exempt: ex == 0,
                parts,
                first,
                second,
                tolerated,
                withdrawal: withdrawal.map(|(date, removal)| UnitWithdrawal { date, removal }),
            },
        )
}

fn enrolment(year: i32) -> impl Strategy<Value = Enrolment> {
    (
        prop::sample::select(vec!["A", "B", "C", "X"]),
        prop::sample::select(Contract::ALL.to_vec()),
        proptest::option::of(date_in(year)),
        proptest::option::of(date_in(year)),
        proptest::collection::vec(0usize..20, 0..8),
    )
        .prop_flat_map(move |(p, contract, enrolled, withdrawn, idx)| {
            let units: Vec<_> = idx.into_iter().map(|i| unit(year, i)).collect();
            units.prop_map(move |units| Enrolment {
                programme: p.to_string(),
                contract,
                enrolled,
                withdrawn,
                units,
            })
        })
}

fn year(y: i32) -> impl Strategy<Value = Year> {
    (
        proptest::option::of(any::<bool>()),
        (any::<bool>(), proptest::option::of(-50i32..250)),
        proptest::collection::vec(enrolment(y), 0..3),
        proptest::collection::vec(
            (
                prop::sample::select(vec!["A", "B", "C"]),
                0u32..70,
                0u32..70,
                0u32..10,
                0u32..10,
            ),
            0..2,
        ),
    )
        .prop_map(
            move |(generation_student, (binding_conditions, official_balance), enrolments, s)| {
                Year {
                    year: AcademicYear(y),
                    generation_student,
                    binding_conditions,
                    official_balance,
                    enrolments,
                    summaries: s
                        .into_iter()
                        .map(|(p, taken, acquired, exempted, tolerated)| Summary {
                            programme: p.to_string(),
                            contract: Contract::Diploma,
                            taken,
                            acquired,
                            exempted,
                            tolerated,
                        })
                        .collect(),
                }
            },
        )
}

fn hostile_case() -> impl Strategy<Value = Case> {
    (
        proptest::collection::vec((2010i32..2024, any::<bool>()), 0..5),
        proptest::option::of((2010i32..2024, -50i32..200, 0u32..70)),
        proptest::collection::vec((any::<bool>(), 2010i32..2026), 0..2),
        proptest::option::of(0i32..6),
        proptest::collection::vec(prop::sample::select(ProgrammeKind::ALL.to_vec()), 1..4),
    )
        .prop_flat_map(|(ys, opening, events, as_of_extra, kinds)| {
            let mut starts: Vec<i32> = ys.iter().map(|(y, _)| *y).collect();
            starts.sort();
            starts.dedup();
            let years: Vec<_> = starts.iter().map(|&y| year(y)).collect();
            (years, Just((opening, events, as_of_extra, kinds, starts)))
        })
        .prop_map(|(years, (opening, events, as_of_extra, kinds, starts))| {
            let mut c = Case::new("Proef");
            c.programmes = kinds
                .iter()
                .enumerate()
                .map(|(i, k)| {
                    let mut p = Programme::new(
                        ["A", "B", "C"][i],
                        ["Chemie", "Vastgoed", "Elders"][i],
                        *k,
                        [180, 60, 0][i],
                    );
                    p.system = [
                        PeriodSystem::Year,
                        PeriodSystem::Semester,
                        PeriodSystem::Modules,
                    ][i];
                    if i == 2 {
                        p.institution = Some("UGent".into());
                    }
                    p
                })
                .collect();
            c.years = years;
            c.opening = opening.map(|(y, balance, bonus)| Opening {
                year: AcademicYear(y),
                balance,
                bonus_granted: bonus,
                rebuilds: Vec::new(),
                progress: Vec::new(),
            });
            c.events = events
                .into_iter()
                .map(|(m, y)| {
                    if m {
                        Event::MasterDiploma(AcademicYear(y))
                    } else {
                        Event::Hbo5Diploma(AcademicYear(y))
                    }
                })
                .collect();
            c.as_of = as_of_extra.and_then(|e| starts.last().map(|l| AcademicYear(l + e)));
            c
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_ledger_always_balances(c in hostile_case()) {
        let params = Params::default();
        let as_of = resolve_as_of(&c, None).unwrap();
        let o = compute(&c, &params, as_of);
        let mut prev: Option<i64> = None;
        for r in &o.ledger.rows {
            prop_assert_eq!(r.end, r.start + r.rebuild - r.taken + r.refunded + r.acquired + r.bonus + r.master);
            let lines: i64 = r.lines.iter().filter_map(|l| l.amount).sum();
            prop_assert_eq!(lines, r.end - r.start, "lines of {} do not add up", r.year);
            prop_assert!(r.master == 0 || r.master == -140);
            prop_assert!(r.bonus >= 0 && r.rebuild >= 0 && r.refunded >= 0 && r.taken >= 0);
            if let Some(p) = prev {
                prop_assert_eq!(r.start, p);
            }
            prev = Some(r.end);
        }
        if let Some(last) = o.ledger.rows.last() {
            prop_assert_eq!(o.ledger.balance, last.end);
        }
        prop_assert!(o.ledger.bonus_granted <= 60 + c.opening.as_ref().map_or(0, |op| i64::from(op.bonus_granted)));
        // Rows run without a gap up to as_of.
        for w in o.ledger.rows.windows(2) {
            prop_assert_eq!(w[1].year, w[0].year.next());
        }
        // No figure is NaN, infinite or a negative zero.
        if let Err(e) = figures_are_finite(&check_json(&o)) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn saving_and_loading_returns_the_same_case(c in hostile_case()) {
        let text = case_to_string(&c);
        let back = parse_case(std::path::Path::new("x.ron"), &text);
        prop_assert!(back.is_ok(), "{:?}\n{}", back.err(), text);
        let back = back.unwrap();
        prop_assert_eq!(&back, &c);
        // Stable: saving again gives the same bytes.
        prop_assert_eq!(case_to_string(&back), text);
    }
}

/// Keeps the first enrolment per programme and the first unit per code, so
/// that every identity scenarios rely on occurs once.
fn uniquify(mut c: Case) -> Case {
    for y in &mut c.years {
        let mut seen: Vec<String> = Vec::new();
        y.enrolments.retain(|e| {
            let new = !seen.contains(&e.programme);
            seen.push(e.programme.clone());
            new
        });
        for e in &mut y.enrolments {
            let mut codes: Vec<String> = Vec::new();
            e.units.retain(|u| {
                let new = !codes.contains(&u.code);
                codes.push(u.code.clone());
                new
            });
        }
    }
    c
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn a_scenario_is_the_difference_it_records(base in hostile_case(), edited in hostile_case()) {
        let base = uniquify(base);
        let mut edited = uniquify(edited);
        edited.student = base.student.clone();
        edited.opening = base.opening.clone();
        edited.format = base.format;
        // Programmes can be added or changed by a scenario, not removed.
        for p in &base.programmes {
            if edited.programme(&p.id).is_none() {
                edited.programmes.push(p.clone());
            }
        }
        let scenario = Scenario { name: "x".into(), note: String::new(), changes: diff_scenario(&base, &edited) };
        let (applied, stale) = apply_scenario(&base, &scenario);
        prop_assert!(stale.is_empty(), "{:?}", stale);
        let mut programmes_a = applied.programmes.clone();
        let mut programmes_e = edited.programmes.clone();
        programmes_a.sort_by(|a, b| a.id.cmp(&b.id));
        programmes_e.sort_by(|a, b| a.id.cmp(&b.id));
        prop_assert_eq!(programmes_a, programmes_e);
        prop_assert_eq!(&applied.years, &edited.years);
        prop_assert_eq!(&applied.events, &edited.events);
        prop_assert_eq!(applied.as_of, edited.as_of);
        // And nothing at all when nothing changed.
        prop_assert!(diff_scenario(&base, &base).is_empty());
    }

    #[test]
    fn a_case_with_scenarios_saves_and_loads_the_same(base in hostile_case(), edited in hostile_case()) {
        let mut c = base.clone();
        c.scenarios.push(Scenario { name: "Stoppen".into(), note: "vraag van de student".into(), changes: diff_scenario(&base, &edited) });
        let text = case_to_string(&c);
        let back = parse_case(std::path::Path::new("x.ron"), &text);
        prop_assert!(back.is_ok(), "{:?}", back.err());
        prop_assert_eq!(back.unwrap(), c);
    }
}

/// Every decimal figure of the JSON object, checked on the figure itself:
/// finite and not a negative zero.
fn figures_are_finite(j: &traject::report::CheckJson) -> Result<(), String> {
    let mut figures: Vec<(String, f64)> = Vec::new();
    for s in &j.study_progress {
        figures.extend(s.efficiency.map(|f| (format!("{} efficiency", s.year), f)));
    }
    for p in &j.programmes {
        for y in &p.years {
            figures.extend(
                y.efficiency
                    .map(|f| (format!("{} {} efficiency", p.id, y.year), f)),
            );
            figures.extend(
                y.cumulative_efficiency
                    .map(|f| (format!("{} {} cumulative", p.id, y.year), f)),
            );
        }
        if let Some(t) = &p.tolerance {
            figures.push((format!("{} available", p.id), t.available));
            figures.push((format!("{} remaining", p.id), t.remaining));
        }
        if let Some(m) = &p.merit {
            figures.extend(m.percentage.map(|f| (format!("{} merit", p.id), f)));
        }
    }
    for (what, f) in figures {
        if !f.is_finite() || (f == 0.0 && f.is_sign_negative()) {
            return Err(format!("{what} is {f:?}"));
        }
    }
    Ok(())
}

/// The rules' own properties on one computed case; `Err` says which broke.
fn rule_properties(c: &Case, o: &traject::rules::Outcome) -> Result<(), String> {
    use traject::rules::{Code, UnitStatus};
    figures_are_finite(&check_json(o))?;
    let ambiguous = o.errors.iter().any(|e| {
        matches!(
            e.code,
            Code::DuplicateUnitCode
                | Code::DuplicateYear
                | Code::DuplicateEnrolment
                | Code::UnknownProgramme
        )
    });
    for r in &o.ledger.rows {
        if r.end != r.start + r.rebuild - r.taken + r.refunded + r.acquired + r.bonus + r.master {
            return Err(format!("{}: ledger identity", r.year));
        }
        // A refund gives back what was taken, never more.
        if r.refunded > r.taken {
            return Err(format!(
                "{}: refunded {} > taken {}",
                r.year, r.refunded, r.taken
            ));
        }
        // The bonus counts credits under diplomacontract only (8.1 §3).
        if !ambiguous && let Some(y) = c.years.iter().find(|y| y.year == r.year) {
            let mut diploma: i64 = y
                .summaries
                .iter()
                .filter(|s| s.contract == Contract::Diploma)
                .map(|s| i64::from(s.acquired))
                .sum();
            for e in y
                .enrolments
                .iter()
                .filter(|e| e.contract == Contract::Diploma)
            {
                for u in &e.units {
                    if o.unit(y.year, &e.programme, &u.code)
                        .is_some_and(|uo| uo.status == UnitStatus::Credit)
                    {
                        diploma += i64::from(u.sp);
                    }
                }
            }
            if r.bonus > diploma {
                return Err(format!(
                    "{}: bonus {} > {diploma} SP acquired under diplomacontract",
                    r.year, r.bonus
                ));
            }
        }
    }
    if o.ledger.bonus_granted
        > 60 + c
            .opening
            .as_ref()
            .map_or(0, |op| i64::from(op.bonus_granted))
    {
        return Err(format!("bonus granted {}", o.ledger.bonus_granted));
    }
    // An in-time withdrawal is refunded unless under creditcontract, where
    // only a removal (11.6) is; a late one never.
    if !ambiguous {
        for u in &o.units {
            let UnitStatus::Withdrawn { in_time, refunded } = u.status else {
                continue;
            };
            let Some(e) = c
                .years
                .iter()
                .find(|y| y.year == u.year)
                .and_then(|y| y.enrolments.iter().find(|e| *e.programme == *u.programme))
            else {
                continue;
            };
            let p = c.programme(&e.programme).unwrap();
            let unit = e.units.iter().find(|x| *x.code == *u.code).unwrap();
            let removal = unit
                .withdrawal
                .as_ref()
                .is_some_and(|w| w.removal && e.withdrawn.is_none_or(|d| w.date <= d));
            let uses = traject::rules::uses_leerkrediet(p, e.contract);
            let expected = in_time && uses && (e.contract != Contract::Credit || removal);
            if refunded != expected {
                return Err(format!(
                    "{} {} {}: withdrawn in time {in_time}, {:?}, removal {removal}: refunded {refunded}",
                    u.year, u.programme, u.code, e.contract
                ));
            }
        }
    }
    // A tolerated unit is tolerable, and the tolerance used is what the
    // tolerated units weigh, within the credit (18.2 §3).
    for p in &o.programmes {
        let Some(t) = &p.tolerance else { continue };
        let mut used = 0;
        for v in &t.units {
            if v.tolerated {
                if !v.fails.is_empty() {
                    return Err(format!(
                        "{} {}: tolerated but fails {:?}",
                        v.year, v.code, v.fails
                    ));
                }
                used += u64::from(v.sp);
            }
            let mut sorted = v.fails.clone();
            sorted.sort();
            sorted.dedup();
            if sorted != v.fails {
                return Err(format!(
                    "{} {}: fails out of order {:?}",
                    v.year, v.code, v.fails
                ));
            }
        }
        // Summaries and an opening may state tolerances of their own.
        if used > t.used || t.used != p.progress.tolerated {
            return Err(format!(
                "{}: used {} but tolerated units weigh {used}",
                p.id, t.used
            ));
        }
        if 100 * used as i64 > t.available_hundredths {
            return Err(format!(
                "{}: {used} SP tolerated over available {}",
                p.id, t.available_hundredths
            ));
        }
        for u in o.units.iter().filter(|u| *u.programme == p.id) {
            if u.status == UnitStatus::Tolerated
                && !t
                    .units
                    .iter()
                    .any(|v| v.year == u.year && v.code == *u.code && v.tolerated)
            {
                return Err(format!(
                    "{} {}: status tolerated without a valid verdict",
                    u.year, u.code
                ));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_rules_keep_their_properties(c in generate::case()) {
        let params = Params::default();
        let o = compute(&c, &params, resolve_as_of(&c, None).unwrap());
        if let Err(e) = rule_properties(&c, &o) {
            prop_assert!(false, "{}\n{}", e, case_to_string(&c));
        }
        for s in &c.scenarios {
            let (view, _) = apply_scenario(&c, s);
            let o = compute(&view, &params, traject::rules::effective_as_of(&view));
            if let Err(e) = rule_properties(&view, &o) {
                prop_assert!(false, "scenario: {}\n{}", e, case_to_string(&view));
            }
        }
    }

    #[test]
    fn generated_cases_save_and_load_the_same(c in generate::case()) {
        let text = case_to_string(&c);
        let back = parse_case(std::path::Path::new("x.ron"), &text);
        prop_assert!(back.is_ok(), "{:?}\n{}", back.err(), text);
        prop_assert_eq!(back.unwrap(), c);
    }
}

/// How often each rule fires over the generated cases.
#[test]
fn rules_fire_often_enough() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    use traject::rules::{Code, Condition, UnitStatus};
    const CASES: usize = 1000;
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, b"traject-issue-14-regels-vuren!!!");
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let strategy = generate::case();
    let params = Params::default();
    let names = [
        "zonder fouten",
        "terugbetaling in een geldig dossier (8.1 §5)",
        "terugbetaling bij schrapping onder creditcontract (11.6)",
        "terugbetaling bij overstap (8.1 §9)",
        "tolereerbaar tekort (18.3)",
        "getolereerd (18.3)",
        "voorwaarde d faalt",
        "krediet faalt (18.2 §3)",
        "graad van verdienste (18.4)",
        "weigering (8.1 §10)",
        "bindende voorwaarden (13.1)",
        "bonus (8.1 §3)",
        "heropbouw (8.1 §11-13)",
        "masterdiploma -140 (8.1 §11)",
        "beginsaldo met voortgang",
        "samenvatting onder creditcontract",
        "scenario",
        "fout in het dossier",
    ];
    let mut fired = [0usize; 18];
    let mut errors: std::collections::BTreeMap<&str, usize> = Default::default();
    for _ in 0..CASES {
        let c = strategy.new_tree(&mut runner).unwrap().current();
        let o = compute(&c, &params, resolve_as_of(&c, None).unwrap());
        let ok = o.errors.is_empty();
        let mut codes: Vec<&str> = o.errors.iter().map(|e| e.code.key()).collect();
        codes.dedup();
        for k in codes {
            *errors.entry(k).or_default() += 1;
        }
        let verdicts = || {
            o.programmes
                .iter()
                .filter_map(|p| p.tolerance.as_ref())
                .flat_map(|t| &t.units)
        };
        let withdrawn_refund = |credit: bool| {
            o.units.iter().any(|u| {
                matches!(u.status, UnitStatus::Withdrawn { refunded: true, .. })
                    && c.years
                        .iter()
                        .filter(|y| y.year == u.year)
                        .flat_map(|y| &y.enrolments)
                        .any(|e| {
                            *e.programme == *u.programme
                                && (e.contract == Contract::Credit) == credit
                        })
            })
        };
        let hits = [
            ok,
            ok && withdrawn_refund(false),
            withdrawn_refund(true),
            o.switches.iter().any(|s| s.refund > 0),
            verdicts().any(|v| v.fails.is_empty() && !v.tolerated),
            verdicts().any(|v| v.tolerated),
            verdicts().any(|v| v.fails.contains(&Condition::D)),
            verdicts().any(|v| v.fails.contains(&Condition::Krediet)),
            o.programmes
                .iter()
                .any(|p| p.merit.as_ref().is_some_and(|m| m.degree.is_some())),
            o.warnings.iter().any(|w| w.code == Code::EnrolmentRefused),
            o.warnings.iter().any(|w| w.code == Code::BindingConditions),
            o.ledger.rows.iter().any(|r| r.bonus > 0),
            o.ledger.rows.iter().any(|r| r.rebuild > 0),
            o.ledger.rows.iter().any(|r| r.master != 0),
            c.opening.as_ref().is_some_and(|op| !op.progress.is_empty()),
            c.years
                .iter()
                .flat_map(|y| &y.summaries)
                .any(|s| s.contract == Contract::Credit),
            !c.scenarios.is_empty(),
            !ok,
        ];
        for (n, h) in fired.iter_mut().zip(hits) {
            *n += usize::from(h);
        }
    }
    let report: Vec<String> = names
        .iter()
        .zip(fired)
        .map(|(name, n)| format!("{:5.1} %  {name}", 100.0 * n as f64 / CASES as f64))
        .collect();
    eprintln!(
        "Hoe vaak elke regel vuurt over {CASES} dossiers:\n{}\nfouten (dossiers): {errors:?}",
        report.join("\n")
    );
    // Each rule fires in at least 3 % of the cases, errors-free cases are
    // the majority, and cases with an error stay a minority.
    let low: Vec<&String> = report
        .iter()
        .zip(fired)
        .filter(|(_, n)| *n * 100 < 3 * CASES)
        .map(|(r, _)| r)
        .collect();
    assert!(
        low.is_empty(),
        "rules that fire too seldom: {low:?}\n{}",
        report.join("\n")
    );
    assert!(
        fired[0] * 100 >= 60 * CASES,
        "too few cases without errors:\n{}",
        report.join("\n")
    );
}
