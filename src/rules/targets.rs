//! What must still be obtained in the year in progress ("wat moet je nog
//! halen?", RULES.md §7): per open goal, the least SP of pending units
//! that must get a credit, and one smallest set of them.

use crate::model::{AcademicYear, Case, Contract};
use crate::params::Params;

use super::facts::YearFacts;
use super::msg::{Goal, TargetMsg};
use super::outcome::{Ledger, ProgrammeOutcome, Target, YearProgress};
use super::ratio::Ratio;
use super::smallest::{Item, smallest};
use super::trace::{Line, name};

/// The least `x` with `(acquired + x) · 100 ≥ percent · taken`, or `None`
/// when it holds already.
fn shortfall(acquired: u64, taken: u64, percent: u32) -> Option<u64> {
    let need = (u128::from(percent) * u128::from(taken)).div_ceil(100);
    let have = u128::from(acquired);
    (need > have).then(|| (need - have) as u64)
}

fn pending_items<'a>(
    yf: &'a YearFacts,
    keep: impl Fn(usize, Contract, &super::facts::UnitFacts) -> bool + 'a,
) -> Vec<Item> {
    yf.enrolments
        .iter()
        .flat_map(|e| e.units.iter().map(move |u| (e, u)))
        .filter(|(e, u)| u.pending && keep(e.programme, e.contract, u))
        .map(|(e, u)| Item {
            code: u.code.to_string(),
            sp: u.sp,
            diploma: e.contract == Contract::Diploma,
        })
        .collect()
}

/// One goal: the smallest set of `items` whose SP (and diploma SP) make
/// `holds` true.
fn target(
    goal: Goal,
    year: AcademicYear,
    programme: Option<(&str, &str)>,
    items: &[Item],
    holds: impl Fn(u64, u64) -> bool,
    msg: impl Fn(u64, bool, &[String]) -> TargetMsg,
) -> Option<Target> {
    if items.is_empty() || holds(0, 0) {
        return None; // holds whatever happens, or nothing can change it
    }
    let pending_sp: u64 = items.iter().map(|i| u64::from(i.sp)).sum();
    let (need_sp, reachable, units) = match smallest(items, holds) {
        Some(c) => (c.sp, true, c.codes),
        None => {
            let mut all: Vec<String> = items.iter().map(|i| i.code.clone()).collect();
            all.sort();
            (pending_sp, false, all)
        }
    };
    let line = Line::note(goal.article(), msg(need_sp, reachable, &units).into());
    Some(Target {
        goal,
        year,
        programme: programme.map(|(id, n)| (id.to_string(), n.to_string())),
        need_sp,
        pending_sp,
        reachable,
        units,
        lines: vec![line],
    })
}

/// Every open goal of every year in progress, sorted by year, goal and
/// programme.
pub fn targets(
    case: &Case,
    params: &Params,
    years: &[YearFacts],
    ledger: &Ledger,
    progress: &[YearProgress],
    programmes: &[ProgrammeOutcome],
    cumulative: &dyn Fn(usize, AcademicYear) -> (u64, u64),
) -> Vec<Target> {
    let mut out = Vec::new();
    for yf in years.iter().filter(|y| y.in_progress) {
        let year = yf.year;
        let codes = |units: &[String]| units.iter().map(|c| name(c)).collect();

        // 13.1: at least 60 % of the SP taken over all programmes.
        if let Some(p) = progress.iter().find(|p| p.year == year) {
            let percent = params.oer(year).binding_conditions_percent;
            let items = pending_items(yf, |_, _, _| true);
            out.extend(target(
                Goal::BindingConditions,
                year,
                None,
                &items,
                |s, _| shortfall(p.acquired + s, p.taken, percent).is_none(),
                |need, reachable, units| TargetMsg::Need {
                    goal: Goal::BindingConditions,
                    programme: None,
                    year,
                    acquired: p.acquired,
                    taken: p.taken,
                    percent,
                    need,
                    reachable,
                    units: codes(units),
                },
            ));
        }

        // 8.1 §10: a balance above 0 at the end of the year.
        if let Some(r) = ledger.rows.iter().find(|r| r.year == year)
            && r.end <= 0
        {
            let room = r.bonus_room as u64;
            let lacking = (1 - r.end) as u64;
            let items = pending_items(yf, |_, _, u| u.ledger_taken);
            out.extend(target(
                Goal::BalancePositive,
                year,
                None,
                &items,
                |s, d| s + d.min(room) >= lacking,
                |need, reachable, units| TargetMsg::Balance {
                    year,
                    end: r.end,
                    need,
                    reachable,
                    units: codes(units),
                },
            ));
        }

        for (pi, p) in programmes.iter().enumerate() {
            let Some(py) = p.years.iter().find(|y| y.year == year) else {
                continue;
            };
            let items = pending_items(yf, |prog, _, _| prog == pi);
            let programme = Some((p.id.as_str(), p.name.as_str()));
            // 11.3 §3: year SE of at least 60 %, where it applies and no
            // binding conditions were imposed.
            let imposed = yf.source.binding_conditions;
            if py.automatic_trajectory.is_some() && !imposed {
                let percent = params.oer_of(&case.programmes[pi], year).trajectory_percent;
                out.extend(target(
                    Goal::IndividualTrajectory,
                    year,
                    programme,
                    &items,
                    |s, _| shortfall(py.acquired + s, py.taken, percent).is_none(),
                    |need, reachable, units| TargetMsg::Need {
                        goal: Goal::IndividualTrajectory,
                        programme: Some(name(&p.name)),
                        year,
                        acquired: py.acquired,
                        taken: py.taken,
                        percent,
                        need,
                        reachable,
                        units: codes(units),
                    },
                ));
            }
            // 18.3 §1 a: cumulative SE of at least 50 % in a bachelor.
            if p.tolerance.is_some() {
                let (acquired, taken) = cumulative(pi, year);
                let percent = params
                    .oer_of(&case.programmes[pi], year)
                    .tolerance_min_cumulative_percent;
                out.extend(target(
                    Goal::ToleranceSe,
                    year,
                    programme,
                    &items,
                    |s, _| {
                        Ratio::new(acquired + s, taken).is_none_or(|r| r.at_least_percent(percent))
                    },
                    |need, reachable, units| TargetMsg::Need {
                        goal: Goal::ToleranceSe,
                        programme: Some(name(&p.name)),
                        year,
                        acquired,
                        taken,
                        percent,
                        need,
                        reachable,
                        units: codes(units),
                    },
                ));
            }
        }
    }
    out.sort_by(|a, b| {
        (a.year, a.goal.key(), &a.programme).cmp(&(b.year, b.goal.key(), &b.programme))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::outcome::Outcome;
    use crate::rules::testkit::*;

    /// The target of `goal` (the first, when there are several).
    fn target_of(o: &Outcome, goal: Goal) -> &Target {
        o.targets
            .iter()
            .find(|t| t.goal == goal)
            .expect("a target for the goal")
    }

    /// Goal, SP needed and units of every target.
    fn goals(o: &Outcome) -> Vec<(Goal, u64, Vec<String>)> {
        o.targets
            .iter()
            .map(|t| (t.goal, t.need_sp, t.units.clone()))
            .collect()
    }

    #[test]
    fn the_shortfall_is_exact() {
        assert_eq!(shortfall(12, 30, 60), Some(6)); // 18 of 30
        assert_eq!(shortfall(18, 30, 60), None);
        assert_eq!(shortfall(12, 30, 50), Some(3)); // 15 of 30
        assert_eq!(shortfall(0, 7, 60), Some(5)); // 4.2 → 5
        assert_eq!(shortfall(0, 0, 60), None);
    }

    /// OER 8.1 §10 with RULES.md §7: a year in progress that ends at or
    /// below 0 says which pending units lift the balance above 0. From a
    /// balance of 30 (bonus used up), 60 SP taken: −30; 31 SP are needed,
    /// six 6-SP units (36).
    #[test]
    fn art_8_1_par10_the_units_that_bring_the_balance_above_zero() {
        let c = opened(
            2017,
            30,
            vec![year(2017, vec![enrolment("CH", units("U", 10, 6, None))])],
        );
        let o = run_on(&c, "2018-01-10");
        assert_eq!(o.ledger_row(AcademicYear(2017)).unwrap().end, -30);
        let t = target_of(&o, Goal::BalancePositive);
        assert!(t.reachable);
        assert_eq!((t.need_sp, t.units.len()), (36, 6));
    }

    /// OER 8.1 §3 with §10: under diplomacontract, while the bonus is not
    /// used up, a credit counts twice (its SP back and as much bonus), so
    /// fewer units lift the balance; under creditcontract it counts once.
    /// From 30 with the bonus untouched and 60 SP taken (−30, 31 lacking):
    /// three 6-SP units (18 SP, 36 with the bonus) under diplomacontract,
    /// six (36 SP) under creditcontract.
    #[test]
    fn art_8_1_par3_the_bonus_halves_the_units_needed_under_diplomacontract() {
        let mut c = case(vec![year(
            2017,
            vec![enrolment("CH", units("U", 10, 6, None))],
        )]);
        c.opening = Some(opening(2017, 30, 0));
        let o = run_on(&c, "2018-01-10");
        let row = o.ledger_row(AcademicYear(2017)).unwrap();
        assert_eq!((row.end, row.bonus_room), (-30, 60));
        let balance = |o: &Outcome| {
            let t = target_of(o, Goal::BalancePositive);
            (t.need_sp, t.units.clone(), t.reachable)
        };
        assert_eq!(
            balance(&o),
            (18, vec!["U0".into(), "U1".into(), "U2".into()], true)
        );
        c.years[0].enrolments[0].contract = Contract::Credit;
        let o = run_on(&c, "2018-01-10");
        let (need, units, reachable) = balance(&o);
        assert_eq!((need, units.len(), reachable), (36, 6, true));
    }

    /// RULES.md §7: a goal already reached, or one that no pending unit
    /// can change any more, has no target.
    #[test]
    fn no_target_for_a_goal_reached_or_beyond_any_pending_unit() {
        // 36 of 60 SP acquired, four units pending: 13.1 (60 %), 11.3 §3
        // (60 %) and 18.3 §1 a (50 %) all hold already.
        let mut u = units("P", 6, 6, Some(12));
        u.extend(units("Q", 4, 6, None));
        let c = opened(2017, 100, vec![year(2017, vec![enrolment("CH", u)])]);
        let o = run_on(&c, "2018-01-10");
        assert_eq!(goals(&o), vec![]);
        // 12 of 60 acquired and every result in, both chances: every goal
        // fails, and no pending unit is left to change it.
        let mut u = units("P", 2, 6, Some(12));
        u.extend(units("F", 8, 6, Some(7)).into_iter().map(|mut f| {
            f.second = Some(crate::model::Mark::whole(8));
            f
        }));
        let c = opened(2017, 100, vec![year(2017, vec![enrolment("CH", u)])]);
        let o = run_on(&c, "2018-01-10");
        assert_eq!(o.ledger_row(AcademicYear(2017)).unwrap().pending_sp, 0);
        assert_eq!(goals(&o), vec![]);
    }

    /// OER 11.3 §3: the year SE of 60 % is a goal only where the automatic
    /// individual trajectory applies and no binding conditions were
    /// imposed that year; 13.1 is a goal either way.
    #[test]
    fn art_11_3_par3_no_trajectory_goal_under_binding_conditions() {
        let mut u = units("P", 2, 6, Some(12));
        u.extend(units("Q", 8, 6, None));
        let mut c = opened(2017, 100, vec![year(2017, vec![enrolment("CH", u)])]);
        let o = run_on(&c, "2018-01-10");
        let kinds = |o: &Outcome| {
            goals(o)
                .into_iter()
                .map(|(g, n, _)| (g, n))
                .collect::<Vec<_>>()
        };
        // 12 of 60: 24 more for 60 %, 18 more for 50 % cumulative.
        assert_eq!(
            kinds(&o),
            vec![
                (Goal::BindingConditions, 24),
                (Goal::IndividualTrajectory, 24),
                (Goal::ToleranceSe, 18),
            ]
        );
        c.years[0].binding_conditions = true;
        let o = run_on(&c, "2018-01-10");
        assert_eq!(
            kinds(&o),
            vec![(Goal::BindingConditions, 24), (Goal::ToleranceSe, 18)]
        );
    }

    /// OER 18.3 §1 a: the cumulative SE counts what was acquired before.
    /// 2016: 24 of 60; 2017 in progress, 60 SP pending: 120 taken, 60
    /// needed for 50 %, 36 more (six units).
    #[test]
    fn art_18_3_par1_a_the_cumulative_goal_counts_earlier_credits() {
        let mut u = units("A", 4, 6, Some(12));
        u.extend(units("F", 6, 6, Some(7)));
        let c = opened(
            2016,
            140,
            vec![
                year(2016, vec![enrolment("CH", u)]),
                year(2017, vec![enrolment("CH", units("U", 10, 6, None))]),
            ],
        );
        let o = run_on(&c, "2018-01-10");
        let t = target_of(&o, Goal::ToleranceSe);
        assert_eq!(
            (t.year, t.need_sp, t.units.len()),
            (AcademicYear(2017), 36, 6)
        );
    }
}
