//! The deadline countdown: what withdrawing today costs against waiting for
//! the next grensdatum, 1 December or 15 March (OER 8.1 §4–§9).

use crate::model::{AcademicYear, Case, Contract, Date};
use crate::params::Params;

use super::msg::{CountdownMsg, MomentKind};
use super::outcome::{Outcome, UnitStatus};
use super::switch::switch_refund;
use super::trace::{Article, Line, name};

/// One moment a counsellor can compare.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moment {
    /// Today, a grensdatum, or a limit of 8.1 §9.
    pub kind: MomentKind,
    /// The last day that still counts for it.
    pub date: Date,
    /// Days from today (0 = today).
    pub days: i64,
    /// Leerkrediet lost when leaving the programme on that day.
    pub lost: i64,
    /// The units whose leerkrediet is lost then, with their SP.
    pub lost_units: Vec<(String, u32)>,
    /// For a generatiestudent: leerkrediet lost when changing programme
    /// (enrolling elsewhere) on that day, after the refund of 8.1 §9.
    pub lost_switching: Option<i64>,
}

/// The countdown of one enrolment that is still running.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnrolmentCountdown {
    /// The programme's id and name.
    pub programme: String,
    pub name: String,
    pub contract: Contract,
    /// Today first, then the later deadlines in date order.
    pub moments: Vec<Moment>,
    pub lines: Vec<Line>,
}

/// The academic year `today` falls in, by the calendar when there is one.
pub fn year_of(params: &Params, today: Date) -> AcademicYear {
    let guess = AcademicYear::of_date(today);
    for y in [guess, guess.prev(), guess.next()] {
        if let Some(c) = params.calendar(y)
            && c.start <= today
            && today <= c.end
        {
            return y;
        }
    }
    guess
}

/// What leaving each running enrolment of today's year costs, today and at
/// each coming deadline.
///
/// OER 8.1 §6: "Bij uitschrijving na deze grensdata kan het leerkrediet niet
/// meer worden teruggegeven." OER 8.1 §9 (generatiestudent): all back before
/// 1 December, half (rounded up) up to 15 March, nothing after. OER 8.1 §7:
/// under creditcontract a withdrawal changes nothing.
pub fn countdown(
    case: &Case,
    params: &Params,
    outcome: &Outcome,
    today: Date,
) -> Vec<EnrolmentCountdown> {
    let year = year_of(params, today);
    let Some(y) = case.years.iter().find(|y| y.year == year) else {
        return Vec::new();
    };
    let generation = outcome
        .ledger_row(year)
        .is_some_and(|r| r.generation_student);
    let t = params.decree(year);
    let mut out = Vec::new();
    // An enrolment with a withdrawal entered, whatever its date, is one the
    // figures already count as left: nothing to count down.
    for e in y.enrolments.iter().filter(|e| e.withdrawn.is_none()) {
        let Some(p) = case.programme(&e.programme) else {
            continue;
        };
        if !super::uses_leerkrediet(p, e.contract) {
            continue;
        }
        // Units still open: enrolled, not exempt, no result, not withdrawn.
        let open: Vec<(String, u32, Option<Date>)> = e
            .units
            .iter()
            .filter(|u| !u.exempt && !u.has_result() && u.withdrawal.is_none())
            .filter_map(|u| {
                let uo = outcome.unit(year, &p.id, &u.code)?;
                matches!(uo.status, UnitStatus::Pending | UnitStatus::NoResult)
                    .then(|| (u.code.clone(), u.sp, uo.grensdatum))
            })
            .collect();
        if open.is_empty() {
            continue;
        }
        let credit = e.contract == Contract::Credit;
        let moment = |kind: MomentKind, date: Date| {
            let lost_units: Vec<(String, u32)> = open
                .iter()
                .filter(|(_, _, g)| credit || g.is_none_or(|g| g < date))
                .map(|(c, s, _)| (c.clone(), *s))
                .collect();
            let lost: i64 = lost_units.iter().map(|(_, s)| i64::from(*s)).sum();
            let lost_switching = (generation && e.contract == Contract::Diploma)
                .then(|| lost - switch_refund(params, year, lost, date).0);
            Moment {
                kind,
                date,
                days: today.days_until(date),
                lost,
                lost_units,
                lost_switching,
            }
        };
        let mut moments = vec![moment(MomentKind::Today, today)];
        let mut dates: Vec<(Date, MomentKind)> = open
            .iter()
            .filter_map(|(_, _, g)| *g)
            .filter(|g| *g >= today)
            .map(|g| (g, MomentKind::Grensdatum(g)))
            .collect();
        if generation {
            if let Some(dec1) = t.switch_full_before.in_year(year)
                && let Some(last) = dec1.0.pred_opt().map(Date)
                && last >= today
            {
                dates.push((last, MomentKind::SwitchFull(dec1)));
            }
            if let Some(mar15) = t.switch_half_until.in_year(year)
                && mar15 >= today
            {
                dates.push((mar15, MomentKind::SwitchHalf(mar15)));
            }
        }
        dates.sort();
        dates.dedup_by(|a, b| a.0 == b.0);
        moments.extend(
            dates
                .into_iter()
                .filter(|(d, _)| *d > today)
                .map(|(d, l)| moment(l, d)),
        );

        let mut lines = Vec::new();
        let now = &moments[0];
        let programme = name(&p.name);
        lines.push(if credit {
            Line::note(
                Article::par("8.1", 7),
                CountdownMsg::CreditContract {
                    programme,
                    lost: now.lost,
                }
                .into(),
            )
        } else {
            Line::note(
                Article::par("8.1", 6),
                CountdownMsg::Today {
                    programme,
                    today,
                    lost: now.lost,
                    units: now.lost_units.len(),
                }
                .into(),
            )
        });
        for m in moments.iter().skip(1) {
            lines.push(Line::note(
                Article::par("8.1", 4),
                CountdownMsg::Moment {
                    date: m.date,
                    kind: m.kind,
                    days: m.days,
                    lost: m.lost,
                    switching: m.lost_switching,
                }
                .into(),
            ));
        }
        if let Some(s) = now.lost_switching {
            lines.push(
                Line::note(
                    Article::par("8.1", 9),
                    CountdownMsg::SwitchToday { lost: s }.into(),
                )
                .interpreted(),
            );
        }
        out.push(EnrolmentCountdown {
            programme: p.id.clone(),
            name: p.name.clone(),
            contract: e.contract,
            moments,
            lines,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Enrolment, Period, PeriodSystem, Programme, ProgrammeKind, Unit, Year};
    use crate::rules::compute;

    /// A generatiestudent in Chemie, semester system: 30 SP in semester 1
    /// (grensdatum 23-10-2017) and 30 in semester 2 (12-03-2018), no results.
    fn case() -> Case {
        let mut c = Case::new("Aftellen");
        let mut p = Programme::new("CH", "Chemie", ProgrammeKind::Bachelor, 180);
        p.system = PeriodSystem::Semester;
        c.programmes.push(p);
        let mut y = Year::new(AcademicYear(2017));
        let units = (0..10)
            .map(|i| {
                let mut u = Unit::new(&format!("U{i}"), "Vak", 6);
                u.period = if i < 5 { Period::S1 } else { Period::S2 };
                u
            })
            .collect();
        y.enrolments.push(Enrolment {
            programme: "CH".into(),
            contract: Contract::Diploma,
            enrolled: None,
            withdrawn: None,
            units,
        });
        c.years.push(y);
        c
    }

    fn run(today: &str) -> EnrolmentCountdown {
        let c = case();
        let params = Params::default();
        let o = compute(&c, &params, Some(AcademicYear(2017)));
        countdown(&c, &params, &o, today.parse().unwrap()).remove(0)
    }

    #[test]
    fn on_the_grensdatum_nothing_is_lost_and_a_day_later_the_semester_is() {
        let on = run("2017-10-23");
        assert_eq!(on.moments[0].lost, 0);
        assert_eq!(on.moments[1].date.to_string(), "2017-11-30");
        let after = run("2017-10-24");
        assert_eq!(after.moments[0].lost, 30);
        assert_eq!(after.moments[0].lost_switching, Some(0));
    }

    #[test]
    fn the_switch_bands_change_on_1_december_and_after_15_march() {
        let nov30 = run("2017-11-30");
        assert_eq!(nov30.moments[0].lost_switching, Some(0));
        let dec1 = run("2017-12-01");
        assert_eq!(dec1.moments[0].lost_switching, Some(15));
        // The next moments: grensdatum semester 2 (12-03) and 15 March.
        let labels: Vec<(String, i64, i64)> = dec1
            .moments
            .iter()
            .map(|m| (m.date.to_string(), m.days, m.lost))
            .collect();
        assert_eq!(
            labels,
            vec![
                ("2017-12-01".into(), 0, 30),
                ("2018-03-12".into(), 101, 30),
                ("2018-03-15".into(), 104, 60)
            ]
        );
        let mar16 = run("2018-03-16");
        assert_eq!(mar16.moments[0].lost, 60);
        assert_eq!(mar16.moments[0].lost_switching, Some(60));
    }

    /// The year of a date is the calendar's: 10 September 2018 still
    /// belongs to 2017-2018 (it ends on 16 September), and so does its
    /// last day.
    #[test]
    fn the_year_of_a_date_follows_the_calendar() {
        let params = Params::default();
        let y = |d: &str| year_of(&params, d.parse().unwrap());
        assert_eq!(y("2018-09-10"), AcademicYear(2017));
        assert_eq!(y("2018-09-16"), AcademicYear(2017));
        assert_eq!(y("2017-11-20"), AcademicYear(2017));
        assert_eq!(y("2018-09-17"), AcademicYear(2018));
    }

    /// The countdown as the desk shows it: figures as things stand today.
    fn run_today(c: &Case, today: &str) -> Vec<EnrolmentCountdown> {
        let params = Params::default();
        let today: Date = today.parse().unwrap();
        let o = crate::rules::compute_on(c, &params, Some(AcademicYear(2017)), Some(today));
        countdown(c, &params, &o, today)
    }

    /// OER 8.1 §4 with 12.1: a unit examined at the first chance can no
    /// longer be withdrawn from, so leaving costs nothing more for it, even
    /// while it waits for the second chance. With U0 failed in January,
    /// leaving costs U1–U4 (24 SP), not 30.
    #[test]
    fn art_8_1_par4_a_unit_already_examined_is_not_in_the_countdown() {
        let mut c = case();
        c.years[0].enrolments[0].units[0].first = Some(crate::model::Mark::whole(7));
        let cd = run_today(&c, "2018-01-20");
        assert_eq!(cd.len(), 1);
        let now = &cd[0].moments[0];
        assert_eq!(now.lost, 24);
        let codes: Vec<&str> = now.lost_units.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(codes, ["U1", "U2", "U3", "U4"]);
    }

    /// OER 8.1 §9 is for a generatiestudent only: with an opening balance
    /// the case does not say so, and no moment gets a figure for changing
    /// programme, nor is 1 December a moment.
    #[test]
    fn art_8_1_par9_no_switch_figures_for_a_student_who_is_not_a_generatiestudent() {
        let mut c = case();
        c.opening = Some(crate::rules::testkit::opening(2017, 140, 0));
        let cd = run_today(&c, "2017-11-01").remove(0);
        let moments: Vec<(String, i64, Option<i64>)> = cd
            .moments
            .iter()
            .map(|m| (m.date.to_string(), m.lost, m.lost_switching))
            .collect();
        assert_eq!(
            moments,
            vec![
                ("2017-11-01".into(), 30, None),
                ("2018-03-12".into(), 30, None)
            ]
        );
        // The same student as a generatiestudent: the figures are there.
        c.years[0].generation_student = Some(true);
        let cd = run_today(&c, "2017-11-01").remove(0);
        assert_eq!(cd.moments[0].lost_switching, Some(0));
    }

    /// An enrolment with a withdrawal entered, today or later, has no
    /// countdown: its units are withdrawn in every figure already.
    #[test]
    fn art_8_1_par4_no_countdown_for_an_enrolment_with_a_withdrawal_entered() {
        for date in ["2017-11-01", "2017-11-02", "2018-02-01"] {
            let mut c = case();
            c.years[0].enrolments[0].withdrawn = Some(date.parse().unwrap());
            assert_eq!(run_today(&c, "2017-11-01"), vec![], "withdrawn {date}");
        }
        assert_eq!(run_today(&case(), "2017-11-01").len(), 1);
    }
}
