//! Study efficiency (OER 1.1.55) and its consequences: binding conditions
//! (OER 13.1) and the automatic individual trajectory (OER 11.3 §3).

use crate::model::{AcademicYear, Case, Programme, ProgrammeKind};
use crate::params::Params;

use super::code::Code;
use super::facts::{Findings, YearFacts};
use super::msg::{EfficiencyMsg, Msg, RulesMsg, TrajectoryWhy};
use super::outcome::{ProgrammeYear, YearProgress};
use super::ratio::Ratio;
use super::trace::{Article, Line, name};

/// OER 1.1.55.
const SE: Article = Article::art("1.1.55");

/// A note when no regulation of the programme's institution covers the
/// year and the nearest one stands in.
pub fn stand_in(params: &Params, programme: &Programme, year: AcademicYear) -> Option<Line> {
    stand_in_of(params.rules_of(programme)?, year)
}

/// The same note for an institution's rules.
pub fn stand_in_of(rules: &crate::params::InstitutionRules, year: AcademicYear) -> Option<Line> {
    let s = rules.stand_in_names(year)?;
    Some(Line::note(
        Article::art("OER"),
        RulesMsg::StandIn {
            institution: s.institution.clone(),
            year,
            regulation: s.regulation.clone(),
            span: s.span.clone(),
        }
        .into(),
    ))
}

/// A programme's own figures in one year, in SE's sense (RULES.md §4).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearFigures {
    pub year: Option<AcademicYear>,
    /// SP taken after withdrawals in time, exemptions excluded.
    pub taken: u64,
    /// SP with a credit.
    pub acquired: u64,
    pub exempted: u64,
    /// SP tolerated according to summary lines (detailed units are judged
    /// by the tolerance rules).
    pub summary_tolerated: u64,
    /// Whether this year's units have grades (no summary lines).
    pub detailed_only: bool,
    /// SP still without a final result (RULES.md §7).
    pub pending: u64,
}

/// A programme's history: progress before the case's detail, then year by
/// year.
#[derive(Clone, Debug, Default)]
pub struct History {
    /// Progress stated at the opening balance (or nothing).
    pub earlier: YearFigures,
    /// When the opening states the programme's earlier progress: the
    /// opening year; the programme's years before it are history only
    /// (RULES.md §2.2) and count for nothing a second time.
    pub from: Option<AcademicYear>,
    pub years: Vec<YearFigures>,
}

impl History {
    /// Sum of a figure over the earlier progress and the years up to and
    /// including `year`.
    pub fn cumulative(&self, year: AcademicYear, f: impl Fn(&YearFigures) -> u64) -> u64 {
        f(&self.earlier)
            + self
                .years
                .iter()
                .filter(|y| y.year.is_some_and(|v| v <= year))
                .map(f)
                .sum::<u64>()
    }

    /// The last year of the programme, if any.
    pub fn last_year(&self) -> Option<AcademicYear> {
        self.years.last().and_then(|y| y.year)
    }
}

/// The history of one programme. When the opening balance states the
/// programme's earlier progress, years before the opening year count only
/// through that statement (so nothing is counted twice).
pub fn history(case: &Case, years: &[YearFacts], programme: usize) -> History {
    let id = &case.programmes[programme].id;
    let mut h = History::default();
    let mut from = None;
    if let Some(o) = &case.opening
        && let Some(p) = o.progress.iter().find(|p| &p.programme == id)
    {
        h.earlier = YearFigures {
            year: None,
            taken: u64::from(p.taken),
            acquired: u64::from(p.acquired),
            exempted: u64::from(p.exempted),
            summary_tolerated: u64::from(p.tolerated),
            detailed_only: false,
            pending: 0,
        };
        from = Some(o.year);
    }
    h.from = from;
    for yf in years {
        if from.is_some_and(|f| yf.year < f) || !yf.has_programme(programme) {
            continue;
        }
        let mut fig = YearFigures {
            year: Some(yf.year),
            detailed_only: true,
            ..YearFigures::default()
        };
        for e in yf.enrolments.iter().filter(|e| e.programme == programme) {
            fig.taken += e.se_taken();
            fig.acquired += e.credited();
            fig.exempted += e.exempted();
            fig.pending += e.pending();
        }
        for s in yf.summaries.iter().filter(|s| s.programme == programme) {
            fig.taken += s.taken;
            fig.acquired += s.acquired;
            fig.exempted += s.exempted;
            fig.summary_tolerated += s.tolerated;
            fig.detailed_only = false;
        }
        h.years.push(fig);
    }
    h
}

/// Whether 11.3 §3 covers a programme: a professional bachelor, a
/// bachelor-na-bachelor or a postgraduaat at this institution.
fn trajectory_applies(params: &Params, case: &Case, programme: usize) -> bool {
    let p = &case.programmes[programme];
    params.rules_of(p).is_some()
        && match p.kind {
            ProgrammeKind::Bachelor => !p.academic,
            ProgrammeKind::BachelorAfterBachelor | ProgrammeKind::Postgraduate => true,
            _ => false,
        }
}

/// Year and cumulative SE of a programme, with 11.3 §3.
///
/// OER 1.1.55: "De verhouding tussen het aantal binnen de Artesis Plantijn
/// Hogeschool Antwerpen verworven studiepunten en het aantal feitelijk
/// opgenomen studiepunten in een academiejaar binnen eenzelfde opleiding
/// uitgedrukt als een percentage. De cumulatieve studie-efficiëntie is
/// dezelfde verhouding, maar dan over alle voorgaande academiejaren binnen
/// dezelfde opleiding tot en met de meeste recente examenperiode. Voor de
/// berekening van de studie-efficiëntie wordt geen rekening gehouden met
/// vrijstellingen."
///
/// OER 11.3 §3: "… kan de student die reeds eerder voor dezelfde opleiding
/// aan Artesis Plantijn Hogeschool Antwerpen … ingeschreven was, het
/// voorgaande academiejaar geen bindende voorwaarden voor de inschrijving
/// opgelegd kreeg, en het afgelopen academiejaar een studie-efficiëntie
/// behaalde van minstens 60%, automatisch inschrijven."
pub fn programme_years(
    case: &Case,
    params: &Params,
    years: &[YearFacts],
    programme: usize,
    h: &History,
) -> Vec<ProgrammeYear> {
    let programme_name = name(&case.programmes[programme].name);
    h.years
        .iter()
        .filter_map(|fig| {
            let year = fig.year?;
            let efficiency = Ratio::new(fig.acquired, fig.taken);
            let cum_taken = h.cumulative(year, |f| f.taken);
            let cum_acquired = h.cumulative(year, |f| f.acquired);
            let cumulative = Ratio::new(cum_acquired, cum_taken);
            let t = params.oer_of(&case.programmes[programme], year);
            let mut lines = vec![
                Line::note(
                    SE,
                    EfficiencyMsg::Year {
                        year,
                        programme: programme_name.clone(),
                        acquired: fig.acquired,
                        taken: fig.taken,
                        efficiency,
                    }
                    .into(),
                ),
                Line::note(
                    SE,
                    EfficiencyMsg::Cumulative {
                        year,
                        acquired: cum_acquired,
                        taken: cum_taken,
                        efficiency: cumulative,
                    }
                    .into(),
                ),
            ];
            if fig.exempted > 0 {
                lines.push(Line::note(
                    SE,
                    EfficiencyMsg::Exemptions { sp: fig.exempted }.into(),
                ));
            }
            lines.extend(stand_in(params, &case.programmes[programme], year));
            if fig.pending > 0 {
                lines.push(Line::note(
                    SE,
                    EfficiencyMsg::Provisional {
                        pending: fig.pending,
                    }
                    .into(),
                ));
            }
            let automatic_trajectory = if trajectory_applies(params, case, programme) {
                let imposed = years
                    .iter()
                    .find(|y| y.year == year)
                    .is_some_and(|y| y.source.binding_conditions);
                let se_ok = efficiency.is_some_and(|r| r.at_least_percent(t.trajectory_percent));
                let ok = !imposed && se_ok;
                let percent = t.trajectory_percent;
                let why = if imposed {
                    TrajectoryWhy::Imposed { year }
                } else if !se_ok {
                    TrajectoryWhy::LowEfficiency {
                        year,
                        efficiency,
                        percent,
                    }
                } else {
                    TrajectoryWhy::Holds {
                        programme: programme_name.clone(),
                        efficiency,
                        percent,
                    }
                };
                lines.push(Line::note(
                    Article::par("11.3", 3),
                    EfficiencyMsg::Trajectory {
                        next: year.next(),
                        provisional: fig.pending > 0,
                        ok,
                        max_sp: t.trajectory_max_sp,
                        why,
                    }
                    .into(),
                ));
                Some(ok)
            } else {
                None
            };
            Some(ProgrammeYear {
                year,
                taken: fig.taken,
                acquired: fig.acquired,
                efficiency,
                cumulative,
                automatic_trajectory,
                provisional: fig.pending > 0,
                lines,
            })
        })
        .collect()
}

/// The study progress of every enrolled year over all programmes, with the
/// 13.1 warning.
///
/// OER 13.1 §1: "indien een student tijdens een vorig academiejaar aan de
/// eigen of aan een andere instelling geen 60% van de ingeschreven
/// studiepunten verworven heeft, dan kan de toelatingscommissie bij een
/// nieuwe inschrijving bindende voorwaarden opleggen." §2: "… Zij doen dit
/// uiterlijk op 1 oktober …"
pub fn study_progress(
    params: &Params,
    years: &[YearFacts],
    found: &mut Findings,
) -> Vec<YearProgress> {
    years
        .iter()
        .filter(|y| !y.enrolments.is_empty() || !y.summaries.is_empty())
        .map(|y| {
            let taken: u64 = y.enrolments.iter().map(|e| e.se_taken()).sum::<u64>()
                + y.summaries.iter().map(|s| s.taken).sum::<u64>();
            let acquired: u64 = y.enrolments.iter().map(|e| e.credited()).sum::<u64>()
                + y.summaries.iter().map(|s| s.acquired).sum::<u64>();
            let pending: u64 = y.enrolments.iter().map(|e| e.pending()).sum();
            let efficiency = Ratio::new(acquired, taken);
            let t = params.oer(y.year);
            let percent = t.binding_conditions_percent;
            let possible = efficiency.is_some_and(|r| !r.at_least_percent(percent));
            // RULES.md §7: stated only when certain, that is when even every
            // pending unit passing would not reach the threshold.
            let avoidable = possible
                && Ratio::new(acquired + pending, taken)
                    .is_some_and(|r| r.at_least_percent(percent));
            let article = Article::art("13.1");
            let mut lines = vec![Line::note(
                article,
                EfficiencyMsg::AllProgrammes {
                    year: y.year,
                    acquired,
                    taken,
                    efficiency,
                }
                .into(),
            )];
            lines.extend(stand_in_of(params.home(), y.year));
            if avoidable {
                lines.push(Line::note(
                    article,
                    EfficiencyMsg::BindingConditionsAvoidable {
                        year: y.year,
                        acquired,
                        taken,
                        pending,
                        percent,
                    }
                    .into(),
                ));
            } else if possible {
                let msg = Msg::from(EfficiencyMsg::BindingConditions {
                    year: y.year,
                    acquired,
                    taken,
                    efficiency,
                    percent: t.binding_conditions_percent,
                    apply_by: t
                        .binding_conditions_apply_by
                        .in_year(y.year.next())
                        .unwrap_or_else(|| params.year_span(y.year.next()).0),
                });
                lines.push(Line::note(article, msg.clone()));
                found.warn(Code::BindingConditions, Some(y.year), msg);
            }
            if pending > 0 && !possible {
                lines.push(Line::note(
                    article,
                    EfficiencyMsg::Provisional { pending }.into(),
                ));
            }
            YearProgress {
                year: y.year,
                taken,
                acquired,
                efficiency,
                binding_conditions_possible: possible,
                provisional: pending > 0,
                pending,
                lines,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::model::{Programme, ProgrammeKind, UnitWithdrawal};
    use crate::rules::Ratio;
    use crate::rules::testkit::*;

    /// OER 1.1.55: year SE = acquired / taken within one programme,
    /// exemptions left out and units withdrawn by their grensdatum no longer
    /// taken; a unit withdrawn after it still counts. Cumulative SE over all
    /// years up to the year.
    #[test]
    fn art_1_1_55_year_and_cumulative_efficiency() {
        let mut y1 = units("A", 7, 6, Some(12)); // 42 acquired
        y1.extend(units("F", 3, 6, Some(6))); // 18 failed
        let mut x = unit("X", 6, None);
        x.exempt = true;
        y1.push(x);
        let mut early = unit("W", 6, None);
        early.withdrawal = Some(UnitWithdrawal {
            date: d("2017-10-23"),
            removal: false,
        });
        let mut late = unit("L", 6, None);
        late.withdrawal = Some(UnitWithdrawal {
            date: d("2017-10-24"),
            removal: false,
        });
        let mut y2 = units("B", 3, 6, Some(10)); // 18 acquired
        y2.push(early);
        y2.push(late);
        let o = run(&case(vec![
            year(2016, vec![enrolment("CH", y1)]),
            year(2017, vec![enrolment("CH", y2)]),
        ]));
        let ys = &o.programmes[0].years;
        assert_eq!((ys[0].acquired, ys[0].taken), (42, 60));
        assert_eq!(ys[0].efficiency, Ratio::new(42, 60)); // 70 %
        assert_eq!((ys[1].acquired, ys[1].taken), (18, 24));
        assert_eq!(ys[1].efficiency, Ratio::new(18, 24)); // 75 %
        assert_eq!(ys[1].cumulative, Ratio::new(60, 84));
    }

    /// OER 11.3 §3 covers a professional bachelor, a bachelor-na-bachelor
    /// and a postgraduaat at AP; not an academic bachelor, not a master.
    /// Binding conditions imposed for the year rule it out.
    #[test]
    fn art_11_3_par3_which_programmes_and_binding_conditions_imposed() {
        let table: &[(ProgrammeKind, bool, bool, Option<bool>)] = &[
            (ProgrammeKind::Bachelor, false, false, Some(true)),
            (ProgrammeKind::Bachelor, false, true, Some(false)),
            (ProgrammeKind::Bachelor, true, false, None),
            (
                ProgrammeKind::BachelorAfterBachelor,
                false,
                false,
                Some(true),
            ),
            (ProgrammeKind::Postgraduate, false, false, Some(true)),
            (ProgrammeKind::Master, false, false, None),
        ];
        for &(kind, academic, imposed, expected) in table {
            let mut c = case(vec![year(
                2017,
                vec![enrolment("CH", units("A", 10, 6, Some(12)))],
            )]);
            c.programmes[0].kind = kind;
            c.programmes[0].academic = academic;
            c.years[0].binding_conditions = imposed;
            let o = run(&c);
            assert_eq!(
                o.programmes[0].years[0].automatic_trajectory, expected,
                "{kind:?} academic {academic} imposed {imposed}"
            );
        }
    }

    /// OER 13.1: the 60 % counts over all programmes of the year: Chemie
    /// 12 of 30 with Vastgoed 30 of 30 is 42 of 60 = 70 %, no binding
    /// conditions; Chemie alone (40 %) would have them. The warning belongs
    /// to the year whose results cause it.
    #[test]
    fn art_13_1_over_all_programmes_of_the_year() {
        let mut ch = units("C", 2, 6, Some(12));
        ch.extend(units("D", 3, 6, Some(5)));
        let vg = units("V", 5, 6, Some(14));
        let mut c = case(vec![year(
            2017,
            vec![enrolment("CH", ch.clone()), enrolment("VG", vg)],
        )]);
        c.programmes.push(Programme::new(
            "VG",
            "Vastgoed",
            ProgrammeKind::Bachelor,
            180,
        ));
        let o = run(&c);
        let sp = &o.study_progress[0];
        assert_eq!((sp.acquired, sp.taken), (42, 60));
        assert!(!sp.binding_conditions_possible);
        assert!(!warnings(&o).contains(&"binding-conditions"));
        let alone = run(&case(vec![year(2017, vec![enrolment("CH", ch)])]));
        assert!(alone.study_progress[0].binding_conditions_possible);
        let w = alone
            .warnings
            .iter()
            .find(|w| w.code.key() == "binding-conditions")
            .unwrap();
        assert_eq!(w.year, Some(crate::model::AcademicYear(2017)));
    }

    /// What the SE lines of a year say besides the figures: the
    /// exemptions left out, and (RULES.md §7) that the year is provisional
    /// while units wait for an exam, in the SE, 11.3 §3 and 13.1 lines.
    #[test]
    fn art_1_1_55_the_lines_say_exemptions_and_a_provisional_year() {
        use crate::rules::msg::{EfficiencyMsg, Msg};
        let says = |lines: &[crate::rules::Line]| -> (Option<u64>, Option<u64>, Option<bool>) {
            let mut exempted = None;
            let mut pending = None;
            let mut trajectory = None;
            for l in lines {
                match &l.msg {
                    Msg::Efficiency(EfficiencyMsg::Exemptions { sp }) => exempted = Some(*sp),
                    Msg::Efficiency(EfficiencyMsg::Provisional { pending: p }) => {
                        pending = Some(*p)
                    }
                    Msg::Efficiency(EfficiencyMsg::Trajectory { provisional, .. }) => {
                        trajectory = Some(*provisional)
                    }
                    _ => {}
                }
            }
            (exempted, pending, trajectory)
        };
        // 30 SP with a 12, 6 exempted, 24 failed, 6 without a result.
        let mut us = units("P", 5, 6, Some(12));
        let mut x = unit("X", 6, None);
        x.exempt = true;
        us.push(x);
        us.extend(units("F", 4, 6, Some(5)));
        us.push(unit("OPEN", 6, None));
        let c = case(vec![year(2017, vec![enrolment("CH", us)])]);
        let on = |today: &str| {
            crate::rules::compute_on(
                &c,
                &crate::params::Params::default(),
                crate::rules::effective_as_of(&c),
                Some(d(today)),
            )
        };
        // In January OPEN waits for its exam and the four fails for their
        // second chance: 30 SP pending.
        let o = on("2018-01-20");
        let y = &o.programmes[0].years[0];
        assert!(y.provisional);
        assert_eq!(says(&y.lines), (Some(6), Some(30), Some(true)));
        // 13.1 says "provisional" only when binding conditions are not
        // (yet) possible: here they are (30 of 60).
        let sp = &o.study_progress[0];
        assert!(sp.provisional && sp.binding_conditions_possible);
        assert_eq!(says(&sp.lines).1, None);
        // After the year: OPEN has no result, nothing is provisional.
        let o = on("2018-10-01");
        let y = &o.programmes[0].years[0];
        assert!(!y.provisional);
        assert_eq!(says(&y.lines), (Some(6), None, Some(false)));
        assert_eq!(says(&o.study_progress[0].lines).1, None);
        // 48 of 54 SP acquired and OPEN waiting: no binding conditions, for
        // now.
        let mut good = units("P", 8, 6, Some(12));
        good.push(unit("OPEN", 6, None));
        let g = case(vec![year(2017, vec![enrolment("CH", good)])]);
        let o = crate::rules::compute_on(
            &g,
            &crate::params::Params::default(),
            crate::rules::effective_as_of(&g),
            Some(d("2018-01-20")),
        );
        let sp = &o.study_progress[0];
        assert!(sp.provisional && !sp.binding_conditions_possible);
        assert_eq!(says(&sp.lines).1, Some(6));
        let o = crate::rules::compute_on(
            &g,
            &crate::params::Params::default(),
            crate::rules::effective_as_of(&g),
            Some(d("2018-10-01")),
        );
        let sp = &o.study_progress[0];
        assert!(!sp.provisional && !sp.binding_conditions_possible);
        assert_eq!(says(&sp.lines).1, None);
        // Without the exemption, no line about exemptions.
        let mut c2 = c.clone();
        c2.years[0].enrolments[0].units.retain(|u| !u.exempt);
        let o = run(&c2);
        assert_eq!(says(&o.programmes[0].years[0].lines).0, None);
    }

    /// OER 11.3 §3: the trajectory line says why — binding conditions
    /// imposed, a year SE under 60 %, or everything holds.
    #[test]
    fn art_11_3_par3_the_trajectory_line_says_why() {
        use crate::rules::msg::{EfficiencyMsg, Msg, TrajectoryWhy};
        let why = |passed: usize, imposed: bool| -> (bool, &'static str) {
            let mut us = units("P", passed, 6, Some(12));
            us.extend(units("F", 10 - passed, 6, Some(5)));
            let mut c = case(vec![year(2017, vec![enrolment("CH", us)])]);
            c.years[0].binding_conditions = imposed;
            let o = run(&c);
            o.programmes[0].years[0]
                .lines
                .iter()
                .find_map(|l| match &l.msg {
                    Msg::Efficiency(EfficiencyMsg::Trajectory { ok, why, .. }) => Some((
                        *ok,
                        match why {
                            TrajectoryWhy::Imposed { .. } => "imposed",
                            TrajectoryWhy::LowEfficiency { .. } => "low",
                            TrajectoryWhy::Holds { .. } => "holds",
                        },
                    )),
                    _ => None,
                })
                .expect("a trajectory line")
        };
        assert_eq!(why(6, false), (true, "holds"));
        assert_eq!(why(5, false), (false, "low"));
        assert_eq!(why(6, true), (false, "imposed"));
        assert_eq!(why(5, true), (false, "imposed"));
    }

    /// OER 11.3 §3: "… automatisch inschrijven in een geïndividualiseerd
    /// traject van maximaal 60 studiepunten": the line says the next year,
    /// the yes, the 60 SP and why, as the explanation shows it.
    #[test]
    fn art_11_3_par3_the_trajectory_line_names_the_next_year_and_the_60_sp() {
        let c = case(vec![year(
            2017,
            vec![enrolment("CH", units("A", 10, 6, Some(12)))],
        )]);
        let o = run(&c);
        let line = texts(&o.programmes[0].years[0].lines)
            .into_iter()
            .find(|l| l.starts_with("Art. 11.3 §3"))
            .expect("a trajectory line");
        assert!(
            line.starts_with(
                "Art. 11.3 §3 | Automatische inschrijving in een individueel traject in \
                 2018-2019: ja, bij een traject van hoogstens 60 SP ("
            ),
            "{line}"
        );
    }

    /// RULES.md §7 with 13.1: in the year in progress, binding conditions
    /// are only said to be avoidable while the pending units can still
    /// lift the year to 60 % — also when nothing is acquired yet.
    #[test]
    fn rules_7_binding_conditions_avoidable_while_pending_units_can_lift_the_year() {
        use crate::rules::msg::{EfficiencyMsg, Msg};
        let avoidable = |acquired: usize, failed: usize, open: usize, today: &str| -> bool {
            let mut us = units("P", acquired, 6, Some(12));
            us.extend(units("F", failed, 6, Some(5)));
            us.extend(units("W", open, 6, None));
            let o = run_on(&case(vec![year(2017, vec![enrolment("CH", us)])]), today);
            o.study_progress[0].lines.iter().any(|l| {
                matches!(
                    l.msg,
                    Msg::Efficiency(EfficiencyMsg::BindingConditionsAvoidable { .. })
                )
            })
        };
        // 0 of 60 acquired, 36 waiting (in February the fails await their
        // second chance too): 60 of 60 still possible.
        assert!(avoidable(0, 4, 6, "2018-02-10"));
        assert!(avoidable(2, 4, 4, "2018-02-10"));
        // After the year nothing waits: 12 of 60 is certain, not avoidable.
        assert!(!avoidable(2, 4, 4, "2018-10-01"));
    }
}
