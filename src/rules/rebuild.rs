//! Rebuilding and topping up leerkrediet (OER 8.1 §11–§13).

use crate::model::{AcademicYear, Case, Event, RebuildKind};
use crate::params::Decree;

use super::msg::RebuildMsg;
use super::trace::{Article, Line};

/// The article of a rebuild (8.1 §11, §12, §13).
pub fn article(kind: RebuildKind) -> Article {
    match kind {
        RebuildKind::Master => Article::par("8.1", 11),
        RebuildKind::LeftHigherEducation => Article::par("8.1", 12),
        RebuildKind::Hbo5 => Article::par("8.1", 13),
    }
}

/// Where one rebuild stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Unused,
    /// Adds at the start of every year from this one on.
    Running(AcademicYear),
    Done,
}

/// The three rebuilds of a student; each happens at most once
/// (Interpretation, RULES.md §2.6).
#[derive(Clone, Debug)]
pub struct Rebuilds {
    master: State,
    left: State,
    hbo5: State,
    /// A rebuild or top-up has added leerkrediet: no bonus any more.
    pub any_applied: bool,
}

impl Rebuilds {
    /// The state at the start of the ledger, from the opening balance.
    pub fn from_case(case: &Case, first: AcademicYear) -> Rebuilds {
        let mut r = Rebuilds {
            master: State::Unused,
            left: State::Unused,
            hbo5: State::Unused,
            any_applied: false,
        };
        if let Some(o) = &case.opening {
            for u in &o.rebuilds {
                let s = if u.in_progress {
                    State::Running(first)
                } else {
                    State::Done
                };
                match u.kind {
                    RebuildKind::Master => r.master = s,
                    RebuildKind::LeftHigherEducation => r.left = s,
                    RebuildKind::Hbo5 => r.hbo5 = s,
                }
                r.any_applied = true;
            }
            // At most one rebuild runs at a time (RULES.md §2.6): a master
            // rebuild takes the place of the other.
            if matches!(r.master, State::Running(_)) && matches!(r.left, State::Running(_)) {
                r.left = State::Done;
            }
        }
        r
    }

    /// The running rebuilds at the start of a year (8.1 §11, §12).
    ///
    /// OER 8.1 §11: "Als het saldo van het resterende leerkrediet minder dan
    /// 60 studiepunten bedraagt, kan de student zijn leerkrediet eenmalig
    /// opnieuw opbouwen tot maximaal 60 studiepunten. Vanaf het academiejaar
    /// dat volgt op het academiejaar waarin hij zijn masterdiploma behaald
    /// heeft, worden elk academiejaar 10 studiepunten toegevoegd."
    /// OER 8.1 §12: "Als een student, die nog geen masterdiploma behaald
    /// heeft, het hoger onderwijs verlaat met een individueel leerkrediet van
    /// minder dan 60 studiepunten, kan hij … zijn leerkrediet eenmalig opnieuw
    /// opbouwen tot maximaal 60 studiepunten. Vanaf het academiejaar dat volgt
    /// op het academiejaar waarin hij het hoger onderwijs verlaten heeft,
    /// worden daartoe elk academiejaar 10 studiepunten toegevoegd."
    fn step(&mut self, t: &Decree, year: AcademicYear, balance: i64, lines: &mut Vec<Line>) -> i64 {
        // At most one rebuild runs at a time (RULES.md §2.6): `from_case`
        // and `after_master` end the §12 one when the §11 one runs.
        let running = [
            (RebuildKind::Master, &mut self.master),
            (RebuildKind::LeftHigherEducation, &mut self.left),
        ]
        .into_iter()
        .find(|(_, s)| matches!(**s, State::Running(from) if year >= from));
        let Some((kind, state)) = running else {
            return 0;
        };
        let target = i64::from(t.rebuild_target);
        if balance >= target {
            *state = State::Done;
            lines.push(Line::amount(
                article(kind),
                0,
                RebuildMsg::Finished {
                    now: balance,
                    target,
                }
                .into(),
            ));
            return 0;
        }
        let step = i64::from(t.rebuild_step).min(target - balance);
        let done = balance + step >= target;
        if done {
            *state = State::Done;
        }
        self.any_applied = true;
        lines.push(
            Line::amount(
                article(kind),
                step,
                RebuildMsg::Step {
                    kind,
                    step,
                    target,
                    done,
                }
                .into(),
            )
            .interpreted_if(done),
        );
        step
    }

    /// The HBO5 top-up at the start of a year with an enrolment (8.1 §13).
    ///
    /// OER 8.1 §13: "Als een student, die een diploma behaald heeft in het
    /// hoger beroepsonderwijs, op het moment van herinschrijving in het hoger
    /// onderwijs, een leerkrediet heeft dat minder dan 60 studiepunten
    /// bedraagt, dan wordt het leerkrediet … aangevuld tot 60 studiepunten. In
    /// het kader van een opnieuw opgebouwd leerkrediet worden de eerste 60
    /// verworven studiepunten niet dubbel aangerekend."
    fn hbo5(
        &mut self,
        case: &Case,
        t: &Decree,
        year: AcademicYear,
        enrolled: bool,
        balance: i64,
        lines: &mut Vec<Line>,
    ) -> i64 {
        if self.hbo5 != State::Unused || !enrolled {
            return 0;
        }
        let diploma = case.events.iter().find_map(|e| match e {
            Event::Hbo5Diploma(y) if *y < year => Some(*y),
            _ => None,
        });
        let Some(d) = diploma else { return 0 };
        self.hbo5 = State::Done;
        let target = i64::from(t.rebuild_target);
        if balance >= target {
            lines.push(Line::amount(
                article(RebuildKind::Hbo5),
                0,
                RebuildMsg::Hbo5NotNeeded {
                    diploma: d,
                    balance,
                    target,
                }
                .into(),
            ));
            return 0;
        }
        self.any_applied = true;
        let add = target - balance;
        lines.push(Line::amount(
            article(RebuildKind::Hbo5),
            add,
            RebuildMsg::Hbo5TopUp {
                diploma: d,
                target,
                add,
            }
            .into(),
        ));
        add
    }

    /// Everything rebuilt at the start of a year.
    pub fn at_start(
        &mut self,
        case: &Case,
        t: &Decree,
        year: AcademicYear,
        enrolled: bool,
        balance: i64,
        lines: &mut Vec<Line>,
    ) -> i64 {
        // The HBO5 top-up first: when it applies, it brings the balance to
        // 60 at once and ends a running rebuild for good (RULES.md §2.6).
        let top_up = self.hbo5(case, t, year, enrolled, balance, lines);
        if top_up > 0 {
            for (kind, state) in [
                (RebuildKind::Master, &mut self.master),
                (RebuildKind::LeftHigherEducation, &mut self.left),
            ] {
                if matches!(*state, State::Running(_)) {
                    *state = State::Done;
                    lines.push(
                        Line::amount(article(kind), 0, RebuildMsg::EndedByTopUp { kind }.into())
                            .interpreted(),
                    );
                }
            }
            return top_up;
        }
        self.step(t, year, balance, lines)
    }

    /// After a master diploma: start the §11 rebuild from the next year when
    /// the balance is below 60.
    pub fn after_master(
        &mut self,
        t: &Decree,
        year: AcademicYear,
        balance: i64,
        lines: &mut Vec<Line>,
    ) {
        if balance < i64::from(t.rebuild_target) && self.master == State::Unused {
            self.master = State::Running(year.next());
            // It takes the place of a running §12 rebuild (RULES.md §2.6).
            if matches!(self.left, State::Running(_)) {
                self.left = State::Done;
                lines.push(
                    Line::amount(
                        article(RebuildKind::LeftHigherEducation),
                        0,
                        RebuildMsg::Replaced.into(),
                    )
                    .interpreted(),
                );
            }
            lines.push(Line::amount(
                article(RebuildKind::Master),
                0,
                RebuildMsg::MasterStarts {
                    balance,
                    target: i64::from(t.rebuild_target),
                    from: year.next(),
                    step: i64::from(t.rebuild_step),
                }
                .into(),
            ));
        }
    }

    /// A year without any enrolment: with a balance below 60 and no master
    /// diploma, the student has left higher education (§12).
    pub fn after_gap_year(
        &mut self,
        case: &Case,
        t: &Decree,
        year: AcademicYear,
        balance: i64,
        lines: &mut Vec<Line>,
    ) {
        let master_before = case
            .events
            .iter()
            .any(|e| matches!(e, Event::MasterDiploma(y) if *y <= year));
        // §12 is for a student "die nog geen masterdiploma behaald heeft": a
        // master diploma known from an event or from the opening's §11
        // rebuild rules it out (RULES.md §2.6).
        let master_known = master_before || self.master != State::Unused;
        if self.left != State::Unused || balance >= i64::from(t.rebuild_target) {
            return;
        }
        if master_known {
            // Say why no rebuild starts, where none runs either.
            if !matches!(self.master, State::Running(_)) {
                lines.push(
                    Line::amount(
                        article(RebuildKind::LeftHigherEducation),
                        0,
                        RebuildMsg::NoLeftAfterMaster { year, balance }.into(),
                    )
                    .interpreted(),
                );
            }
            return;
        }
        self.left = State::Running(year.next());
        lines.push(Line::amount(
            article(RebuildKind::LeftHigherEducation),
            0,
            RebuildMsg::LeftStarts {
                year,
                balance,
                target: i64::from(t.rebuild_target),
                from: year.next(),
                step: i64::from(t.rebuild_step),
            }
            .into(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Opening, RebuildUse};
    use crate::params::Params;
    use crate::rules::testkit::*;

    fn decree() -> Decree {
        Params::default().decree(AcademicYear(2017)).clone()
    }

    /// The rebuilds of the years `from..=to`, each year enrolled, with the
    /// balance carried over.
    fn steps(r: &mut Rebuilds, case: &Case, mut balance: i64, from: i32, to: i32) -> Vec<i64> {
        let t = decree();
        (from..=to)
            .map(|y| {
                let add = r.at_start(case, &t, AcademicYear(y), true, balance, &mut Vec::new());
                balance += add;
                add
            })
            .collect()
    }

    /// OER 8.1 §11: after a master diploma a balance under 60 is rebuilt
    /// from the next year on by 10 a year, the last step only up to 60; a
    /// balance of 60 is not rebuilt.
    #[test]
    fn art_8_1_par11_rebuild_after_master_by_ten_up_to_sixty() {
        let c = case(vec![]);
        let t = decree();
        let table: &[(i64, &[i64])] = &[
            (45, &[0, 10, 5, 0]),
            (59, &[0, 1, 0, 0]),
            (60, &[0, 0, 0, 0]),
            (0, &[0, 10, 10, 10]),
            (-20, &[0, 10, 10, 10]),
        ];
        for &(balance, expected) in table {
            let mut r = Rebuilds::from_case(&c, AcademicYear(2017));
            let mut lines = Vec::new();
            r.after_master(&t, AcademicYear(2017), balance, &mut lines);
            // The master year itself gains nothing: it starts next year.
            let got = steps(&mut r, &c, balance, 2017, 2020);
            assert_eq!(got, expected, "balance {balance}");
            assert_eq!(lines.is_empty(), balance >= 60, "balance {balance}");
            assert_eq!(r.any_applied, balance < 60);
        }
    }

    /// OER 8.1 §11 "eenmalig": a second master diploma starts no second
    /// rebuild.
    #[test]
    fn art_8_1_par11_rebuild_happens_once() {
        let c = case(vec![]);
        let t = decree();
        let mut r = Rebuilds::from_case(&c, AcademicYear(2015));
        r.after_master(&t, AcademicYear(2015), 50, &mut Vec::new());
        assert_eq!(steps(&mut r, &c, 50, 2016, 2017), vec![10, 0]);
        r.after_master(&t, AcademicYear(2017), 20, &mut Vec::new());
        assert_eq!(steps(&mut r, &c, 20, 2018, 2019), vec![0, 0]);
    }

    /// OER 8.1 §12: a year without enrolment with a balance under 60 and no
    /// master diploma starts a rebuild from the year after; with 60 or more,
    /// or after a master diploma, none starts.
    #[test]
    fn art_8_1_par12_leaving_higher_education_below_sixty() {
        let t = decree();
        let table: &[(i64, bool, &[i64])] = &[
            (35, false, &[10, 10, 5, 0]),
            (59, false, &[1, 0, 0, 0]),
            (60, false, &[0, 0, 0, 0]),
            (35, true, &[0, 0, 0, 0]),
        ];
        for &(balance, master, expected) in table {
            let mut c = case(vec![]);
            if master {
                master_diploma(&mut c, 2014);
            }
            let mut r = Rebuilds::from_case(&c, AcademicYear(2014));
            r.after_gap_year(&c, &t, AcademicYear(2015), balance, &mut Vec::new());
            let got = steps(&mut r, &c, balance, 2016, 2019);
            assert_eq!(got, expected, "balance {balance}, master {master}");
        }
    }

    /// RULES.md §2.6: a §11 rebuild that starts while a §12 one runs takes
    /// its place, so a year gains at most +10.
    #[test]
    fn art_8_1_par11_replaces_a_running_par12_rebuild() {
        let c = case(vec![]);
        let t = decree();
        let mut r = Rebuilds::from_case(&c, AcademicYear(2014));
        r.after_gap_year(&c, &t, AcademicYear(2014), 30, &mut Vec::new());
        assert_eq!(steps(&mut r, &c, 30, 2015, 2015), vec![10]);
        let mut lines = Vec::new();
        r.after_master(&t, AcademicYear(2015), 0, &mut lines);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].article, Article::par("8.1", 12));
        assert_eq!(steps(&mut r, &c, 0, 2016, 2017), vec![10, 10]);
    }

    /// OER 8.1 §13: after an HBO5 diploma, at the next year with an
    /// enrolment, a balance under 60 is topped up to 60 at once (not in a
    /// year without enrolment, not in the diploma year itself); it ends a
    /// running rebuild for good.
    #[test]
    fn art_8_1_par13_hbo5_top_up_to_sixty_at_once() {
        let t = decree();
        let mut c = case(vec![]);
        c.events.push(Event::Hbo5Diploma(AcademicYear(2015)));
        let mut r = Rebuilds::from_case(&c, AcademicYear(2015));
        let mut lines = Vec::new();
        assert_eq!(
            r.at_start(&c, &t, AcademicYear(2015), true, 32, &mut lines),
            0
        );
        assert_eq!(
            r.at_start(&c, &t, AcademicYear(2016), false, 32, &mut lines),
            0
        );
        assert_eq!(
            r.at_start(&c, &t, AcademicYear(2017), true, 32, &mut lines),
            28
        );
        assert_eq!(
            r.at_start(&c, &t, AcademicYear(2018), true, 12, &mut lines),
            0
        );
        assert!(r.any_applied);
        // At 60 or more nothing is added, and the top-up is spent.
        let mut r = Rebuilds::from_case(&c, AcademicYear(2015));
        assert_eq!(
            r.at_start(&c, &t, AcademicYear(2016), true, 60, &mut lines),
            0
        );
        assert!(!r.any_applied);
        assert_eq!(
            r.at_start(&c, &t, AcademicYear(2017), true, 10, &mut lines),
            0
        );
        // A running §11 rebuild ends with the top-up.
        let mut r = Rebuilds::from_case(&c, AcademicYear(2015));
        r.after_master(&t, AcademicYear(2015), 20, &mut Vec::new());
        assert_eq!(
            r.at_start(&c, &t, AcademicYear(2016), true, 20, &mut lines),
            40
        );
        assert_eq!(
            r.at_start(&c, &t, AcademicYear(2017), true, 20, &mut lines),
            0
        );
    }

    /// RULES.md §2.2: an opening balance may list rebuilds used or running;
    /// a running one goes on from the opening year, a used one never comes
    /// back.
    #[test]
    fn art_8_1_par11_opening_with_a_rebuild_in_progress_or_used() {
        let t = decree();
        for (in_progress, expected) in [(true, vec![10, 10, 0]), (false, vec![0, 0, 0])] {
            let mut c = case(vec![]);
            c.opening = Some(Opening {
                year: AcademicYear(2017),
                balance: 40,
                bonus_granted: 0,
                rebuilds: vec![RebuildUse {
                    kind: RebuildKind::Master,
                    in_progress,
                }],
                progress: vec![],
            });
            let mut r = Rebuilds::from_case(&c, AcademicYear(2017));
            assert!(r.any_applied);
            assert_eq!(steps(&mut r, &c, 40, 2017, 2019), expected);
            // §12 never starts once a master diploma is known.
            r.after_gap_year(&c, &t, AcademicYear(2019), 30, &mut Vec::new());
            assert_eq!(steps(&mut r, &c, 30, 2020, 2020), vec![0]);
        }
    }

    /// A case that opens in 2017 with the given rebuilds already used
    /// (`in_progress`: still running at the opening).
    fn opened_with(rebuilds: &[(RebuildKind, bool)]) -> Case {
        let mut c = opened(2017, 30, vec![]);
        c.opening.as_mut().expect("opened").rebuilds = rebuilds
            .iter()
            .map(|&(kind, in_progress)| RebuildUse { kind, in_progress })
            .collect();
        c
    }

    /// OER 8.1 §11 "eenmalig … tot maximaal 60": once the rebuild has
    /// brought the balance to 60 it is over; when the balance later falls
    /// below 60 again, nothing more is added.
    #[test]
    fn art_8_1_par11_a_rebuild_that_reached_sixty_never_adds_again() {
        let c = case(vec![]);
        let t = decree();
        let mut r = Rebuilds::from_case(&c, AcademicYear(2017));
        r.after_master(&t, AcademicYear(2017), 45, &mut Vec::new());
        let mut lines = Vec::new();
        let mut at =
            |y: i32, balance: i64| r.at_start(&c, &t, AcademicYear(y), true, balance, &mut lines);
        // 45 → 55 → 60, then 60 SP taken and lost: 0.
        assert_eq!([at(2018, 45), at(2019, 55), at(2020, 0)], [10, 5, 0]);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(
            lines[1].msg,
            RebuildMsg::Step {
                kind: RebuildKind::Master,
                step: 5,
                target: 60,
                done: true,
            }
            .into()
        );
    }

    /// A rebuild still running at the opening (8.1 §11 or §12) goes on
    /// adding 10 a year from the opening year; one the opening says was
    /// used and is over adds nothing.
    #[test]
    fn art_8_1_par11_par12_a_rebuild_running_at_the_opening_goes_on() {
        use RebuildKind::{LeftHigherEducation as Left, Master};
        // (rebuilds used at the opening, still running; the additions of
        // 2017–2019)
        type Row = (&'static [(RebuildKind, bool)], [i64; 3]);
        let table: &[Row] = &[
            (&[(Left, true)], [10, 10, 10]),
            (&[(Master, true)], [10, 10, 10]),
            (&[(Left, false)], [0, 0, 0]),
            (&[(Master, false), (Left, true)], [10, 10, 10]),
        ];
        for (rebuilds, expected) in table {
            let c = opened_with(rebuilds);
            let mut r = Rebuilds::from_case(&c, AcademicYear(2017));
            assert_eq!(steps(&mut r, &c, 0, 2017, 2019), expected, "{rebuilds:?}");
        }
    }

    /// OER 8.1 §12 "eenmalig": a student whose §12 rebuild was used before
    /// the opening starts no second one after another year away.
    #[test]
    fn art_8_1_par12_no_second_rebuild_after_another_gap_year() {
        let c = opened_with(&[(RebuildKind::LeftHigherEducation, false)]);
        let t = decree();
        let mut r = Rebuilds::from_case(&c, AcademicYear(2017));
        let mut lines = Vec::new();
        r.after_gap_year(&c, &t, AcademicYear(2017), 30, &mut lines);
        assert!(lines.is_empty(), "{lines:?}");
        assert_eq!(steps(&mut r, &c, 30, 2018, 2019), vec![0, 0]);
    }

    /// OER 8.1 §12 is for a student without a master diploma: after one, a
    /// year away with a balance under 60 starts nothing and the trace says
    /// why (an Interpretation) — unless the §11 rebuild runs already, which
    /// says enough.
    #[test]
    fn art_8_1_par12_after_a_master_diploma_the_trace_says_why_not() {
        let t = decree();
        let mut c = case(vec![]);
        master_diploma(&mut c, 2015);
        // The master year ended at 80: no §11 rebuild; in 2017 away at 40.
        let mut r = Rebuilds::from_case(&c, AcademicYear(2015));
        r.after_master(&t, AcademicYear(2015), 80, &mut Vec::new());
        let mut lines = Vec::new();
        r.after_gap_year(&c, &t, AcademicYear(2017), 40, &mut lines);
        assert_eq!(lines.len(), 1);
        assert_eq!(
            lines[0].msg,
            RebuildMsg::NoLeftAfterMaster {
                year: AcademicYear(2017),
                balance: 40
            }
            .into()
        );
        assert!(lines[0].interpretation);
        assert_eq!(steps(&mut r, &c, 40, 2018, 2018), vec![0]);
        // The master year ended at 20: §11 runs; a year away adds no line.
        let mut r = Rebuilds::from_case(&c, AcademicYear(2015));
        r.after_master(&t, AcademicYear(2015), 20, &mut Vec::new());
        let mut lines = Vec::new();
        r.after_gap_year(&c, &t, AcademicYear(2016), 20, &mut lines);
        assert!(lines.is_empty(), "{lines:?}");
    }
}
