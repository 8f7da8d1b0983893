//! What the rules core computes: figures, each with its trace.

use std::fmt;

use crate::model::{AcademicYear, Date, Mark, ProgrammeKind};

use super::code::Code;
use super::msg::{MeritReason, Msg};
use super::ratio::Ratio;
use super::trace::{Article, Line, Name};

/// Where in the case something is: year / programme / unit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    pub year: Option<AcademicYear>,
    /// The programme's name.
    pub programme: Option<String>,
    /// The unit's code.
    pub unit: Option<String>,
}

impl Place {
    /// A unit of a programme in a year.
    pub fn unit(year: AcademicYear, programme: &str, code: &str) -> Place {
        Place {
            year: Some(year),
            programme: Some(programme.to_string()),
            unit: Some(code.to_string()),
        }
    }
}

impl fmt::Display for Place {
    /// `2017-2018 / CH / WISK1`, `dossier` when it names nothing. Written
    /// straight to the formatter: a large case prints thousands of places.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = self.unit.as_deref().map(|u| {
            if u.trim().is_empty() {
                "(zonder code)"
            } else {
                u
            }
        });
        if self.year.is_none() && self.programme.is_none() && unit.is_none() {
            return f.write_str("dossier");
        }
        let mut first = true;
        let mut part = |f: &mut fmt::Formatter<'_>, text: &dyn fmt::Display| {
            let sep = if first { "" } else { " / " };
            first = false;
            write!(f, "{sep}{text}")
        };
        if let Some(y) = self.year {
            part(f, &y)?;
        }
        if let Some(p) = &self.programme {
            part(f, p)?;
        }
        if let Some(u) = unit {
            part(f, &u)?;
        }
        Ok(())
    }
}

/// A problem in the case (input that cannot be right).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseError {
    /// Its code, e.g. `grade-out-of-range`.
    pub code: Code,
    pub place: Place,
    /// What is wrong and what is allowed.
    pub msg: Msg,
}

/// A consequence the counsellor must see (not an error in the case).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// Its code, e.g. `binding-conditions`.
    pub code: Code,
    /// The year whose facts cause it.
    pub year: Option<AcademicYear>,
    /// What follows, with its values.
    pub msg: Msg,
}

impl Warning {
    /// The article it rests on.
    pub fn article(&self) -> Article {
        self.code.article().unwrap_or(Article::CASE)
    }

    /// The warning as a line of an explanation.
    pub fn line(&self) -> Line {
        Line::note(self.article(), self.msg.clone())
    }
}

impl CaseError {
    /// The error as a line of an explanation.
    pub fn line(&self) -> Line {
        Line::note(
            Article::CASE,
            Msg::InCase {
                place: self.place.clone(),
                msg: Box::new(self.msg.clone()),
            },
        )
    }
}

/// One row of the leerkrediet ledger (OER 8.1 §2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LedgerRow {
    pub year: AcademicYear,
    pub enrolled: bool,
    pub generation_student: bool,
    pub start: i64,
    pub rebuild: i64,
    /// Gross SP taken (opgenomen), as a positive number.
    pub taken: i64,
    pub refunded: i64,
    pub acquired: i64,
    pub bonus: i64,
    /// −140 in the year of a master diploma, else 0.
    pub master: i64,
    pub end: i64,
    /// The year is in progress with units still without a final result
    /// (RULES.md §7): `end` counts none of them as a credit (the floor).
    pub provisional: bool,
    /// Gross SP of the units still without a final result.
    pub pending_sp: i64,
    /// The end if every pending unit got a credit, bonus included (the
    /// ceiling); equal to `end` when nothing is pending.
    pub end_if_all_pass: i64,
    /// Bonus still to be had this year for more credits under
    /// diplomacontract (0 when the bonus is used up or after a rebuild).
    pub bonus_room: i64,
    /// The movements; their amounts add up to `end − start`.
    pub lines: Vec<Line>,
}

/// The leerkrediet over the years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ledger {
    pub rows: Vec<LedgerRow>,
    /// The end of the last row (140 when there is none).
    pub balance: i64,
    /// Bonus SP granted over the whole career.
    pub bonus_granted: i64,
    /// The first row starts from the case's opening balance (else from the
    /// initial leerkrediet at the first enrolment).
    pub from_opening: bool,
}

/// SP taken and acquired over all programmes in one year (OER 13.1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearProgress {
    pub year: AcademicYear,
    pub taken: u64,
    pub acquired: u64,
    pub efficiency: Option<Ratio>,
    /// Acquired < 60 % of taken by the results entered so far.
    pub binding_conditions_possible: bool,
    /// The year is in progress with units still without a final result.
    pub provisional: bool,
    /// SE-taken SP of those units.
    pub pending: u64,
    pub lines: Vec<Line>,
}

/// A programme's figures in one year (OER 1.1.55, 11.3 §3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeYear {
    pub year: AcademicYear,
    pub taken: u64,
    pub acquired: u64,
    pub efficiency: Option<Ratio>,
    pub cumulative: Option<Ratio>,
    /// `None` when 11.3 §3 does not cover the programme.
    pub automatic_trajectory: Option<bool>,
    /// The year is in progress with units of the programme still without
    /// a final result: these figures are so far (voorlopig).
    pub provisional: bool,
    pub lines: Vec<Line>,
}

/// SP of the programme done (OER 18.1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub credited: u64,
    pub exempted: u64,
    pub tolerated: u64,
}

impl Progress {
    /// Credited + exempted + tolerated.
    pub fn done(&self) -> u64 {
        self.credited + self.exempted + self.tolerated
    }
}

/// A condition for tolerating a failed unit (OER 18.3 §1, 18.2 §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Condition {
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    Krediet,
    Verlopen,
}

impl Condition {
    /// The key of `check --json`.
    pub fn key(self) -> &'static str {
        match self {
            Condition::A => "a",
            Condition::B => "b",
            Condition::C => "c",
            Condition::D => "d",
            Condition::E => "e",
            Condition::F => "f",
            Condition::G => "g",
            Condition::Krediet => "krediet",
            Condition::Verlopen => "verlopen",
        }
    }

    /// The article of the condition.
    pub fn article(self) -> Article {
        match self {
            Condition::A => Article::letter("18.3", 1, 'a'),
            Condition::B => Article::letter("18.3", 1, 'b'),
            Condition::C => Article::letter("18.3", 1, 'c'),
            Condition::D => Article::letter("18.3", 1, 'd'),
            Condition::E => Article::letter("18.3", 1, 'e'),
            Condition::F => Article::letter("18.3", 1, 'f'),
            Condition::G => Article::letter("18.3", 1, 'g'),
            Condition::Krediet => Article::par("18.2", 3),
            Condition::Verlopen => Article::par("18.3", 4),
        }
    }
}

/// Whether one failed unit can be tolerated, and why (not).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToleranceVerdict {
    pub year: AcademicYear,
    pub code: String,
    pub unit: String,
    pub sp: u32,
    /// The final result as a person reads it.
    pub grade: String,
    /// The student chose to tolerate it and the choice is valid.
    pub tolerated: bool,
    /// The failed conditions, in order; empty when it can be tolerated.
    pub fails: Vec<Condition>,
    /// Judged while its year is in progress and results are pending
    /// (RULES.md §7).
    pub provisional: bool,
    /// One line per condition, met or not.
    pub lines: Vec<Line>,
}

impl ToleranceVerdict {
    /// Whether it can be (or validly is) tolerated.
    pub fn tolerable(&self) -> bool {
        self.fails.is_empty()
    }
}

/// Tolerance credit of a bachelor programme (OER 18.2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tolerance {
    /// The base: SP effectively taken, capped (18.2 §1).
    pub base: u64,
    /// Available credit in hundredths of SP (`base × 10 %`).
    pub available_hundredths: i64,
    /// Tolerated SP.
    pub used: u64,
    pub units: Vec<ToleranceVerdict>,
    pub lines: Vec<Line>,
}

impl Tolerance {
    /// Remaining credit in hundredths of SP.
    pub fn remaining_hundredths(&self) -> i64 {
        self.available_hundredths - 100 * self.used as i64
    }
}

/// Degree of merit (graad van verdienste, OER 18.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Degree {
    Voldoening,
    Onderscheiding,
    GroteOnderscheiding,
    GrootsteOnderscheiding,
}

impl Degree {
    /// The Dutch name.
    pub fn dutch(self) -> &'static str {
        match self {
            Degree::Voldoening => "voldoening",
            Degree::Onderscheiding => "onderscheiding",
            Degree::GroteOnderscheiding => "grote onderscheiding",
            Degree::GrootsteOnderscheiding => "grootste onderscheiding",
        }
    }
}

/// The weighted average and degree of a passed programme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merit {
    /// Weighted average as a fraction of 20 (`Σ sp·grade / Σ sp·20`).
    pub average: Option<Ratio>,
    pub degree: Option<Degree>,
    /// Why there is no degree.
    pub reason: Option<MeritReason>,
    /// Results of the programme are still pending (RULES.md §7).
    pub provisional: bool,
    pub lines: Vec<Line>,
}

/// All figures of one programme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeOutcome {
    pub id: String,
    pub name: String,
    pub kind: ProgrammeKind,
    pub size: u32,
    pub years: Vec<ProgrammeYear>,
    pub progress: Progress,
    /// Present for bachelor programmes at this institution.
    pub tolerance: Option<Tolerance>,
    pub passed: bool,
    /// `None` until passed, or when grades are missing (then a warning).
    pub merit: Option<Merit>,
    /// How progress and passing came about.
    pub lines: Vec<Line>,
}

/// What became of one course unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitStatus {
    /// Vrijgesteld.
    Exempt,
    /// The year is in progress and the final result is not known yet
    /// (RULES.md §7): it counts as no credit so far, never as a fail.
    Pending,
    /// The year is over without a result: no credit.
    NoResult,
    /// A creditbewijs.
    Credit,
    /// A fail that was not tolerated.
    Failed,
    /// A fail the student validly tolerated.
    Tolerated,
    /// Withdrawn before any exam; `in_time` when on or before the
    /// grensdatum, `refunded` when the leerkrediet came back.
    Withdrawn { in_time: bool, refunded: bool },
}

impl UnitStatus {
    /// The Dutch word shown in a table.
    pub fn dutch(self) -> &'static str {
        match self {
            UnitStatus::Exempt => "vrijgesteld",
            UnitStatus::Pending => "nog open",
            UnitStatus::NoResult => "geen resultaat",
            UnitStatus::Credit => "credit",
            UnitStatus::Failed => "niet geslaagd",
            UnitStatus::Tolerated => "getolereerd",
            UnitStatus::Withdrawn { refunded: true, .. } => "uitgeschreven (terug)",
            UnitStatus::Withdrawn { in_time: true, .. } => "uitgeschreven",
            UnitStatus::Withdrawn { .. } => "uitgeschreven (verloren)",
        }
    }
}

/// One unit's outcome, for display and explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitOutcome {
    pub year: AcademicYear,
    /// The programme's id.
    pub programme: Name,
    pub code: Name,
    pub sp: u32,
    /// The grensdatum that applies (override or calendar).
    pub grensdatum: Option<Date>,
    /// Result after the first chance.
    pub first: Option<Mark>,
    /// Final result of the year.
    pub final_mark: Option<Mark>,
    pub status: UnitStatus,
}

/// A generatiestudent's change of programme (OER 8.1 §9), or a change that
/// would be one for a generatiestudent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Switch {
    pub year: AcademicYear,
    /// Programme left (id).
    pub from: String,
    /// Programme entered (id).
    pub to: String,
    pub withdrawn: Date,
    /// Enrolment in the new programme: the date that counts.
    pub enrolled: Date,
    pub generation_student: bool,
    /// SP of the programme left still taken and not examined.
    pub base: i64,
    /// SP returned.
    pub refund: i64,
}

/// The official balance of a year against the computed one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reconciliation {
    pub year: AcademicYear,
    pub official: i64,
    pub computed: i64,
    /// The comparison and the ledger lines that could explain a difference.
    pub lines: Vec<Line>,
}

impl Reconciliation {
    /// Official minus computed.
    pub fn difference(&self) -> i64 {
        self.official - self.computed
    }
}

/// What must still be obtained for a goal of the year in progress
/// (RULES.md §7).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub goal: super::msg::Goal,
    pub year: AcademicYear,
    /// The programme (id, name) for the goals of one programme.
    pub programme: Option<(String, String)>,
    /// The least SP of pending units that must get a credit.
    pub need_sp: u64,
    /// SP of the pending units of the goal's scope.
    pub pending_sp: u64,
    /// Whether the pending units can reach the goal at all.
    pub reachable: bool,
    /// Codes of one smallest set that does it (all of them when out of reach).
    pub units: Vec<String>,
    pub lines: Vec<Line>,
}

/// A lookup order of the units, derived from them when first needed; it
/// never makes two outcomes differ.
#[derive(Clone, Debug, Default)]
pub struct UnitOrder(std::sync::OnceLock<Vec<u32>>);

impl PartialEq for UnitOrder {
    fn eq(&self, _: &UnitOrder) -> bool {
        true
    }
}

impl Eq for UnitOrder {}

/// Everything the rules core computes for a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub as_of: Option<AcademicYear>,
    /// The date the figures were judged on (RULES.md §7); `None`: every
    /// year judged as over.
    pub today: Option<Date>,
    pub ledger: Ledger,
    pub study_progress: Vec<YearProgress>,
    pub programmes: Vec<ProgrammeOutcome>,
    pub units: Vec<UnitOutcome>,
    /// Indices of `units` sorted by (year, programme, code), built at the
    /// first lookup.
    pub unit_order: UnitOrder,
    pub switches: Vec<Switch>,
    /// Recorded official balances against the ledger.
    pub reconciliation: Vec<Reconciliation>,
    /// What must still be obtained in the year in progress.
    pub targets: Vec<Target>,
    /// Sorted by year, then code.
    pub warnings: Vec<Warning>,
    pub errors: Vec<CaseError>,
}

impl Outcome {
    /// The outcome of a unit (a search in `unit_order`).
    pub fn unit(&self, year: AcademicYear, programme: &str, code: &str) -> Option<&UnitOutcome> {
        let key = (year, programme, code);
        let at = |i: u32| {
            let u = &self.units[i as usize];
            (u.year, &*u.programme, &*u.code)
        };
        let order = self.unit_order.0.get_or_init(|| {
            let mut order: Vec<u32> = (0..self.units.len() as u32).collect();
            order.sort_by(|&a, &b| at(a).cmp(&at(b)));
            order
        });
        let i = order.partition_point(|&i| at(i) < key);
        order
            .get(i)
            .filter(|&&i| at(i) == key)
            .map(|&i| &self.units[i as usize])
    }

    /// The tolerance verdict's lines of a failed unit (none for others).
    pub fn verdict_lines(&self, u: &UnitOutcome) -> Vec<Line> {
        let mut lines = Vec::new();
        if let Some(v) = self
            .programme(&u.programme)
            .and_then(|p| p.tolerance.as_ref())
            .and_then(|t| {
                t.units
                    .iter()
                    .find(|v| v.year == u.year && v.code == *u.code)
            })
        {
            lines.extend(v.lines.iter().cloned());
        }
        lines
    }

    /// The figures of a programme.
    pub fn programme(&self, id: &str) -> Option<&ProgrammeOutcome> {
        self.programmes.iter().find(|p| p.id == id)
    }

    /// The ledger row of a year.
    pub fn ledger_row(&self, year: AcademicYear) -> Option<&LedgerRow> {
        self.ledger.rows.iter().find(|r| r.year == year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::Params;
    use crate::rules::testkit::*;

    /// Chemie 2017-2018: 54 SP of credits, A (9) and B (7, then 8 in the
    /// second chance) failed and both chosen to tolerate, C (7) failed and
    /// chosen too (it cannot be: 18.3 §1 b), 3 SP each; in 2018-2019 D is
    /// taken.
    fn three_fails() -> crate::model::Case {
        let mut us = units("P", 9, 6, Some(14));
        for (code, g) in [("A", 9), ("B", 7), ("C", 7)] {
            let mut u = unit(code, 3, Some(g));
            u.tolerated = true;
            us.push(u);
        }
        us[10].second = Some(crate::model::Mark::whole(8));
        let y18 = year(2018, vec![enrolment("CH", vec![unit("D", 6, Some(12))])]);
        case(vec![year(2017, vec![enrolment("CH", us)]), y18])
    }

    fn unit_of<'a>(o: &'a Outcome, y: i32, code: &str) -> &'a UnitOutcome {
        o.unit(AcademicYear(y), "CH", code).expect("the unit")
    }

    /// OER 18.3: every failed unit chosen to tolerate is marked with its own
    /// verdict — both valid ones, not only the first (the verdicts are walked
    /// with a cursor per programme).
    #[test]
    fn art_18_3_each_valid_tolerance_choice_marks_its_own_unit() {
        let o = run(&three_fails());
        let status = |code| unit_of(&o, 2017, code).status;
        assert_eq!(status("A"), UnitStatus::Tolerated);
        assert_eq!(status("B"), UnitStatus::Tolerated);
        assert_eq!(status("C"), UnitStatus::Failed);
        assert_eq!(status("P0"), UnitStatus::Credit);
        assert_eq!(unit_of(&o, 2018, "D").status, UnitStatus::Credit);
    }

    /// A unit's explanation: its result (Art. 22.2), then for a failed unit
    /// its own tolerance verdict — B's grade 8, C's refusal for grade 7,
    /// never a neighbour's lines.
    #[test]
    fn explain_unit_gives_the_result_then_the_units_own_verdict() {
        let c = three_fails();
        let o = run(&c);
        let explain = |y, code| {
            texts(&crate::rules::explain_unit(
                &c,
                &Params::default(),
                &o,
                unit_of(&o, y, code),
            ))
        };
        let b = explain(2017, "B");
        assert_eq!(b.len(), 10);
        assert_eq!(
            b[0],
            "Art. 17.3 | Eerste kans 7, tweede kans 8: het hoogste telt, dus 8."
        );
        assert!(b[1].starts_with("Art. 18.3 §4 | De student koos ervoor dit tekort te tolereren"));
        assert_eq!(
            b[3],
            "Art. 18.3 §1 b | ✓ eindresultaat 8: alleen 8/20 of 9/20 kan getolereerd worden"
        );
        let c7 = explain(2017, "C");
        assert_eq!(
            c7[1],
            "Art. 18.3 §1 b | ✗ eindresultaat 7: alleen 8/20 of 9/20 kan getolereerd worden"
        );
        assert_eq!(
            explain(2017, "P0"),
            vec!["Art. 22.2 | 14 in de eerste examenkans: een creditbewijs."]
        );
        // A credit has no verdict; D of the next year neither.
        assert!(o.verdict_lines(unit_of(&o, 2017, "P0")).is_empty());
        assert!(o.verdict_lines(unit_of(&o, 2018, "D")).is_empty());
    }

    /// The verdict of a unit is the one of its own year: A failed in
    /// 2017-2018 and again in 2018-2019 has two verdicts, each with its
    /// year's cumulative study efficiency (18.3 §1 a).
    #[test]
    fn art_18_3_a_verdict_lines_are_those_of_the_units_year() {
        let mut us = units("P", 8, 6, Some(14));
        us.push(unit("A", 6, Some(9)));
        let y18 = year(2018, vec![enrolment("CH", vec![unit("A", 6, Some(9))])]);
        let o = run(&case(vec![year(2017, vec![enrolment("CH", us)]), y18]));
        let first = |y| texts(&o.verdict_lines(unit_of(&o, y, "A")))[0].clone();
        assert_eq!(
            first(2017),
            "Art. 18.3 §1 a | ✓ cumulatieve studie-efficiëntie tot en met 2017-2018 is \
             88,9 % (minstens 50 % nodig)"
        );
        assert_eq!(
            first(2018),
            "Art. 18.3 §1 a | ✓ cumulatieve studie-efficiëntie tot en met 2018-2019 is \
             80,0 % (minstens 50 % nodig)"
        );
    }

    /// Computing a case twice gives equal outcomes, also when one of them
    /// has already been searched (its unit order built): the order is a
    /// cache, never a difference.
    #[test]
    fn a_built_unit_order_does_not_make_outcomes_differ() {
        let c = three_fails();
        let (a, b) = (run(&c), run(&c));
        assert!(a.unit(AcademicYear(2017), "CH", "B").is_some());
        assert_eq!(a, b);
        let mut other = c.clone();
        other.years[1].enrolments[0].units[0].first = Some(crate::model::Mark::whole(9));
        assert_ne!(run(&other), b);
    }

    /// The Dutch words of the unit table, one per status.
    #[test]
    fn unit_statuses_read_in_dutch() {
        let table = [
            (UnitStatus::Exempt, "vrijgesteld"),
            (UnitStatus::Pending, "nog open"),
            (UnitStatus::NoResult, "geen resultaat"),
            (UnitStatus::Credit, "credit"),
            (UnitStatus::Failed, "niet geslaagd"),
            (UnitStatus::Tolerated, "getolereerd"),
        ];
        for (status, word) in table {
            assert_eq!(status.dutch(), word, "{status:?}");
        }
    }
}
