//! What a trace line, a warning or an error says: a message kind with its
//! values, no text. [`crate::dutch`] turns each kind into its one Dutch
//! sentence.

use crate::model::{
    AcademicYear, Contract, Date, Mark, Period, ProgrammeKind, RebuildKind, UnitKind,
};

use super::outcome::{Condition, Degree, Place};
use super::ratio::Ratio;
use super::trace::Name;

/// A message, by the provision that produces it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    Ledger(LedgerMsg),
    Rebuild(RebuildMsg),
    Limit(LimitMsg),
    Switch(SwitchMsg),
    Efficiency(EfficiencyMsg),
    Tolerance(ToleranceMsg),
    Merit(MeritMsg),
    Grade(GradeMsg),
    Input(InputMsg),
    Reconcile(ReconcileMsg),
    Countdown(CountdownMsg),
    Rules(RulesMsg),
    Target(TargetMsg),
    Explain(ExplainMsg),
    /// An error in the case, quoted in an explanation: where, and what.
    InCase {
        place: Place,
        msg: Box<Msg>,
    },
}

macro_rules! into_msg {
    ($($t:ident => $v:ident),*) => {
        $(impl From<$t> for Msg {
            fn from(m: $t) -> Msg {
                Msg::$v(m)
            }
        })*
    };
}

into_msg!(
    LedgerMsg => Ledger,
    RebuildMsg => Rebuild,
    LimitMsg => Limit,
    SwitchMsg => Switch,
    EfficiencyMsg => Efficiency,
    ToleranceMsg => Tolerance,
    MeritMsg => Merit,
    GradeMsg => Grade,
    InputMsg => Input,
    ReconcileMsg => Reconcile,
    CountdownMsg => Countdown,
    RulesMsg => Rules,
    TargetMsg => Target,
    ExplainMsg => Explain
);

/// The frame of an explanation that strings figures together (the
/// compare view's columns).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExplainMsg {
    /// The balance a year starts from.
    Start { year: AcademicYear, balance: i64 },
    /// A year's heading with where it goes from and to.
    Year {
        year: AcademicYear,
        start: i64,
        end: i64,
    },
    /// A finding of another column, absent from this one.
    NotHere(Box<Msg>),
}

/// A goal of the year in progress (RULES.md §7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Goal {
    /// No binding conditions: 60 % of the SP taken acquired (13.1).
    BindingConditions,
    /// The automatic individual trajectory: year SE of 60 % (11.3 §3).
    IndividualTrajectory,
    /// Fails can be tolerated: cumulative SE of 50 % (18.3 §1 a).
    ToleranceSe,
    /// The next enrolment is not refused: a balance above 0 (8.1 §10).
    BalancePositive,
}

impl Goal {
    /// The key of `check --json`.
    pub fn key(self) -> &'static str {
        match self {
            Goal::BindingConditions => "binding-conditions",
            Goal::IndividualTrajectory => "individual-trajectory",
            Goal::ToleranceSe => "tolerance-se",
            Goal::BalancePositive => "balance-positive",
        }
    }

    /// The article of the goal.
    pub fn article(self) -> super::trace::Article {
        use super::trace::Article;
        match self {
            Goal::BindingConditions => Article::art("13.1"),
            Goal::IndividualTrajectory => Article::par("11.3", 3),
            Goal::ToleranceSe => Article::letter("18.3", 1, 'a'),
            Goal::BalancePositive => Article::par("8.1", 10),
        }
    }
}

/// What a goal of the year in progress needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetMsg {
    /// A share of the SP taken to acquire.
    Need {
        goal: Goal,
        programme: Option<Name>,
        year: AcademicYear,
        acquired: u64,
        taken: u64,
        percent: u32,
        need: u64,
        reachable: bool,
        units: Vec<Name>,
    },
    /// A balance above 0 at the end of the year.
    Balance {
        year: AcademicYear,
        end: i64,
        need: u64,
        reachable: bool,
        units: Vec<Name>,
    },
}

/// Which rule parameters were used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RulesMsg {
    /// No regulation of the institution covers the year: the nearest one
    /// stands in.
    StandIn {
        institution: Name,
        year: AcademicYear,
        regulation: Name,
        span: Name,
    },
}

/// Why an enrolment deploys no leerkrediet (8.1 §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoLeerkrediet {
    /// Under examencontract.
    ExamContract,
    /// A programme kind without leerkrediet.
    Kind(ProgrammeKind),
}

/// The ledger (8.1 §1–§3, §6, §7, §11, 11.6).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LedgerMsg {
    /// The first enrolment: the initial balance.
    FirstEnrolment { initial: i64 },
    /// An enrolment without leerkrediet.
    NoLeerkrediet { programme: Name, why: NoLeerkrediet },
    /// Gross SP taken in an enrolment.
    Taken {
        programme: Name,
        contract: Contract,
        sp: i64,
    },
    /// Exempted units: no leerkrediet.
    Exempted { codes: Vec<Name>, sp: i64 },
    /// Removed under 11.6 in time: refunded.
    Removed { codes: Vec<Name>, sp: i64 },
    /// Withdrawn on or before the grensdatum: refunded.
    WithdrawnInTime {
        date: Date,
        codes: Vec<Name>,
        sp: i64,
    },
    /// Withdrawn under creditcontract: nothing back (8.1 §7).
    WithdrawnCreditContract { codes: Vec<Name>, sp: i64 },
    /// Withdrawn after the grensdatum: lost.
    WithdrawnLate {
        date: Date,
        codes: Vec<Name>,
        sp: i64,
    },
    /// A summary line with leerkrediet: SP taken net of refunds.
    SummaryTaken {
        programme: Name,
        contract: Contract,
        sp: i64,
    },
    /// A summary line without leerkrediet.
    SummaryWithout { programme: Name, contract: Contract },
    /// Credits of an enrolment come back; fails are lost.
    Acquired { programme: Name, sp: i64, lost: i64 },
    /// Credits of a summary line come back.
    SummaryAcquired { programme: Name, sp: i64 },
    /// No enrolment in a year.
    NotEnrolled { year: AcademicYear },
    /// No bonus for credits under creditcontract.
    NoBonusCreditContract,
    /// No bonus after a rebuild or top-up.
    NoBonusAfterRebuild,
    /// The bonus was used up before.
    NoBonusLeft { cap: i64 },
    /// The bonus of this year.
    Bonus { cap: i64, sp: i64, granted: i64 },
    /// Results still to come: the row is a floor, this is its ceiling.
    Provisional {
        pending: i64,
        bonus: i64,
        end_if_all_pass: i64,
    },
    /// A master diploma: the deduction.
    MasterDiploma { year: AcademicYear, deduction: i64 },
}

/// Rebuilds and the HBO5 top-up (8.1 §11–§13).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RebuildMsg {
    /// The balance has reached the target: the rebuild ends.
    Finished { now: i64, target: i64 },
    /// One step of a running rebuild.
    Step {
        kind: RebuildKind,
        step: i64,
        target: i64,
        done: bool,
    },
    /// HBO5 diploma, balance already at the target.
    Hbo5NotNeeded {
        diploma: AcademicYear,
        balance: i64,
        target: i64,
    },
    /// HBO5 diploma: topped up at once.
    Hbo5TopUp {
        diploma: AcademicYear,
        target: i64,
        add: i64,
    },
    /// The HBO5 top-up ends a running rebuild for good.
    EndedByTopUp { kind: RebuildKind },
    /// The §11 rebuild takes the place of a running §12 one.
    Replaced,
    /// A year without enrolment after a master diploma: no §12 rebuild.
    NoLeftAfterMaster { year: AcademicYear, balance: i64 },
    /// After the master diploma the §11 rebuild starts.
    MasterStarts {
        balance: i64,
        target: i64,
        from: AcademicYear,
        step: i64,
    },
    /// A year without enrolment: the §12 rebuild starts.
    LeftStarts {
        year: AcademicYear,
        balance: i64,
        target: i64,
        from: AcademicYear,
        step: i64,
    },
}

/// A programme and the SP it still misses, for the 8.1 §10 exception.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StillMissing {
    pub programme: Name,
    pub sp: i64,
}

/// Enrolment limits (8.1 §10).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LimitMsg {
    /// The exception applies.
    Exception {
        available: i64,
        taken: i64,
        home: Name,
        years: u32,
        max_sp: u32,
        programmes: Vec<StillMissing>,
    },
    /// Refused: balance 0 or less.
    Refused { available: i64, home: Name },
    /// Enrolled for more than the balance.
    Exceeds { taken: i64, available: i64 },
}

/// The generatiestudent who changes programme (8.1 §9).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SwitchMsg {
    /// New enrolment before the first date: everything back.
    Full { before: Date, base: i64 },
    /// New enrolment in the half band: half back, rounded up.
    Half {
        from: Date,
        until: Date,
        enrolled: Date,
        base: i64,
    },
    /// New enrolment after the half band: nothing back.
    Nothing {
        after: Date,
        enrolled: Date,
        base: i64,
    },
    /// Not stated whether the student was a generatiestudent.
    GenerationUnknown {
        from: Name,
        to: Name,
        year: AcademicYear,
    },
    /// Not a generatiestudent.
    NotGeneration {
        from: Name,
        to: Name,
        year: AcademicYear,
    },
    /// The programme left was not a diplomacontract with leerkrediet.
    NotDiploma { from: Name, to: Name },
}

/// Why a programme year does or does not lead to the automatic trajectory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrajectoryWhy {
    /// Binding conditions were imposed that year.
    Imposed { year: AcademicYear },
    /// The year's SE is too low.
    LowEfficiency {
        year: AcademicYear,
        efficiency: Option<Ratio>,
        percent: u32,
    },
    /// Everything holds.
    Holds {
        programme: Name,
        efficiency: Option<Ratio>,
        percent: u32,
    },
}

/// Study efficiency and its consequences (1.1.55, 13.1, 11.3 §3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EfficiencyMsg {
    /// A programme's SE in a year.
    Year {
        year: AcademicYear,
        programme: Name,
        acquired: u64,
        taken: u64,
        efficiency: Option<Ratio>,
    },
    /// A programme's cumulative SE.
    Cumulative {
        year: AcademicYear,
        acquired: u64,
        taken: u64,
        efficiency: Option<Ratio>,
    },
    /// Exemptions are left out.
    Exemptions { sp: u64 },
    /// The automatic individual trajectory (11.3 §3).
    Trajectory {
        next: AcademicYear,
        provisional: bool,
        ok: bool,
        max_sp: u32,
        why: TrajectoryWhy,
    },
    /// SP over all programmes in a year (13.1).
    AllProgrammes {
        year: AcademicYear,
        acquired: u64,
        taken: u64,
        efficiency: Option<Ratio>,
    },
    /// Results still to come: a figure so far.
    Provisional { pending: u64 },
    /// Below the threshold so far, but the pending units can still avoid
    /// binding conditions (RULES.md §7).
    BindingConditionsAvoidable {
        year: AcademicYear,
        acquired: u64,
        taken: u64,
        pending: u64,
        percent: u32,
    },
    /// Binding conditions may follow (13.1).
    BindingConditions {
        year: AcademicYear,
        acquired: u64,
        taken: u64,
        efficiency: Option<Ratio>,
        percent: u32,
        apply_by: Date,
    },
}

/// One condition of 18.3 §1 or 18.2 §3 as judged for a failed unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    /// a: cumulative SE.
    A {
        year: AcademicYear,
        cumulative: Option<Ratio>,
        percent: u32,
    },
    /// b: the final grade.
    B {
        mark: Mark,
        grades: std::sync::Arc<[i32]>,
    },
    /// c: not a pass/fail unit.
    C,
    /// d: distance to the diploma and the cap.
    D {
        far: bool,
        distance: i64,
        far_sp: u32,
        total: u64,
        cap: u32,
    },
    /// e: not the Bachelorproef or the Stage.
    E { kind: UnitKind },
    /// f: the department's list.
    F {
        department: Name,
        listed: Option<(Name, Option<Name>)>,
    },
    /// g: caps per group: (group, others tolerated, at most).
    G { groups: Vec<(Name, u32, u32)> },
    /// 18.2 §3: within the tolerance credit.
    Krediet { total: u64, credit_hundredths: i64 },
    /// 18.3 §4: enrolled for again later.
    Verlopen { again: AcademicYear },
}

impl Check {
    /// The condition it judges.
    pub fn condition(&self) -> Condition {
        match self {
            Check::A { .. } => Condition::A,
            Check::B { .. } => Condition::B,
            Check::C => Condition::C,
            Check::D { .. } => Condition::D,
            Check::E { .. } => Condition::E,
            Check::F { .. } => Condition::F,
            Check::G { .. } => Condition::G,
            Check::Krediet { .. } => Condition::Krediet,
            Check::Verlopen { .. } => Condition::Verlopen,
        }
    }
}

/// Why a tolerance recorded outside an AP bachelor does not count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoToleranceCredit {
    /// A programme kind without tolerance credit.
    Kind(ProgrammeKind),
    /// A programme at another institution.
    Elsewhere {
        programme: Name,
        home: Name,
        institution: Name,
    },
}

/// Tolerance credit and verdicts (18.2, 18.3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ToleranceMsg {
    /// The base and the credit.
    Base {
        percent: u32,
        taken: u64,
        capped: bool,
        size: u32,
        cap: u64,
        year: AcademicYear,
        legacy_from: Option<AcademicYear>,
        available_hundredths: i64,
    },
    /// No SP taken yet.
    NoBase,
    /// Used and remaining.
    Used {
        used: u64,
        remaining_hundredths: i64,
    },
    /// A condition, met or not.
    Check { ok: bool, check: Check },
    /// The student chose to tolerate this fail.
    Chosen,
    /// Error: a tolerance on a unit without a fail.
    NotAFail { pass_grade: i32 },
    /// Error: a tolerance on a unit whose final result is still to come.
    NotYet,
    /// Error: a tolerance on a fail that cannot be tolerated.
    NotTolerable { fails: Vec<Condition> },
    /// Error: a tolerance where there is no tolerance credit.
    NoCredit(NoToleranceCredit),
}

/// Why a passed programme has no degree of merit (18.4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeritReason {
    /// The examined units cover less than half of the programme.
    Coverage { examined: u64, size: u32 },
    /// No unit with a grade out of 20.
    NoGrades,
}

/// Passing and the degree of merit (18.1, 18.4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeritMsg {
    /// Progress towards the diploma.
    Progress {
        programme: Name,
        credited: u64,
        exempted: u64,
        tolerated: u64,
        size: u32,
    },
    /// Warning: grades missing for the degree.
    Incomplete { programme: Name, sp: u64 },
    /// The weighted average.
    Average {
        weighted: u64,
        out_of: u64,
        average: Ratio,
    },
    /// No degree of merit.
    NoDegree(MeritReason),
    /// The degree and its thresholds.
    Degree {
        degree: Degree,
        onderscheiding: u32,
        grote: u32,
        grootste: u32,
    },
}

/// Which exam chance a composite grade is computed for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sitting {
    First,
    AfterSecond,
}

/// Exam grades (15.5, 17.1, 17.3, 22.2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GradeMsg {
    /// A part has F: the unit is F.
    PartFail { sitting: Sitting },
    /// Absent on every part.
    AllAbsent { sitting: Sitting },
    /// The weighted average of the parts and its rounding.
    Composite {
        sitting: Sitting,
        num: i64,
        den: i64,
        grade: i32,
        absent: bool,
    },
    /// A composite credit in the first chance.
    CompositeCredit { mark: Mark },
    /// The second chance of a composite unit, part by part.
    SecondByPart,
    /// A credit in the first chance.
    Credit { mark: Mark },
    /// Absent in the second chance: the first carries over.
    SecondAbsent { first: Mark },
    /// The year is in progress and the final result is still to come.
    Pending { first: Option<Mark> },
    /// The higher of two chances.
    BestOfTwo {
        first: Mark,
        second: Mark,
        best: Mark,
    },
}

/// Which result a check of grades is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkAt {
    /// The second exam chance (else the first).
    pub second: bool,
    /// A part's name, for a part.
    pub part: Option<Name>,
}

/// Which date of the case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOf {
    Grensdatum,
    Withdrawal,
    Enrolment,
}

/// Where a reference to an unknown programme stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReferenceFrom {
    /// An enrolment; `known` lists the programme ids that exist.
    Enrolment { known: Vec<Name> },
    /// A summary line.
    Summary,
    /// The opening's earlier progress.
    Progress,
}

/// The facts of units, enrolments and the case (what was entered).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputMsg {
    /// Error: a date outside its academic year.
    DateOutsideYear {
        what: DateOf,
        date: Date,
        year: AcademicYear,
        start: Date,
        end: Date,
    },
    /// Error: a grade outside 0–20.
    GradeOutOfRange { at: MarkAt, mark: Mark },
    /// Error: a unit grade with a decimal.
    GradeNotWhole { at: MarkAt, mark: Mark },
    /// Error: a number on a pass/fail unit.
    NumberOnPassFail { at: MarkAt, mark: Mark },
    /// Error: geslaagd/niet geslaagd on a graded unit.
    PassFailOnGraded { at: MarkAt, mark: Mark },
    /// Error: a grade on a composite unit itself.
    CompositeUnitResult,
    /// Error: a part with weight 0.
    PartWeightZero { part: Name },
    /// Error: too few SP.
    UnitSp { sp: u32, min: u32 },
    /// Error: more SP than a unit can have.
    UnitSpTooLarge { sp: u32, max: u32 },
    /// Error: a unit without a code.
    UnitCodeMissing,
    /// Error: a unit without a name.
    UnitNameMissing,
    /// Error: a second chance without a first.
    SecondWithoutFirst { part: Option<Name> },
    /// Error: more years than a career can hold.
    TooManyYears { years: usize, max: usize },
    /// Warning: the opening lies after every listed year.
    OpeningAfterYears {
        opening: AcademicYear,
        last: AcademicYear,
    },
    /// Error: an exempted unit with a result.
    ExemptWithResult,
    /// Error: a second chance after a credit.
    SecondAfterCredit { first: Option<Mark> },
    /// Error: a withdrawal before the enrolment.
    WithdrawalBeforeEnrolment { withdrawn: Date, enrolled: Date },
    /// Error: a unit's own withdrawal after its exams.
    WithdrawalAfterExams,
    /// Note: examined before the programme withdrawal; the result stays.
    ExaminedAtWithdrawal { pass_grade: i32 },
    /// Error: no grensdatum for a withdrawn unit.
    MissingGrensdatum {
        code: Name,
        period: Period,
        year: AcademicYear,
    },
    /// Warning: a removal under 11.6 asked for too late.
    RemovalTooLate {
        programme: Name,
        code: Name,
        date: Date,
    },
    /// Note: an exempted unit.
    Exempt { sp: i64 },
    /// Error: a unit code twice in one enrolment.
    DuplicateCode,
    /// Error: a unit code also in another programme that year.
    DuplicateCodeElsewhere { other: Name },
    /// Error: a year twice.
    DuplicateYear,
    /// Error: a reference to an unknown programme.
    UnknownProgramme { id: Name, from: ReferenceFrom },
    /// Error: two enrolments in one programme in a year.
    DuplicateEnrolment,
    /// Error: a summary line that cannot be true.
    SummaryInconsistent {
        acquired: u32,
        tolerated: u32,
        taken: u32,
    },
    /// Error: a programme id twice.
    DuplicateProgramme { id: Name },
    /// Error: a programme of 0 SP.
    ProgrammeSizeZero,
    /// Error: an opening bonus over the cap.
    OpeningBonus { granted: u32, max: u32 },
    /// Error: enrolled again after a credit or a tolerance.
    EnrolledAgain { year: AcademicYear, tolerated: bool },
}

/// The official balance against the ledger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReconcileMsg {
    /// The comparison.
    Compared {
        year: AcademicYear,
        official: i64,
        computed: i64,
    },
    /// A ledger line that could explain the difference.
    Possible { same_amount: bool, msg: Box<Msg> },
    /// The official balance is higher: what to check.
    OfficialHigher { sp: i64 },
    /// The official balance is lower: what to check.
    OfficialLower { sp: i64 },
    /// Warning: the balances differ.
    Differs {
        year: AcademicYear,
        official: i64,
        computed: i64,
    },
}

/// A moment of the countdown, by what makes it count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MomentKind {
    /// Today.
    Today,
    /// A grensdatum of some open units.
    Grensdatum(Date),
    /// The last day before the full refund of 8.1 §9 ends (`date` is the
    /// first day that no longer counts).
    SwitchFull(Date),
    /// The last day of the half refund of 8.1 §9.
    SwitchHalf(Date),
}

/// The deadline countdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CountdownMsg {
    /// Under creditcontract nothing comes back.
    CreditContract { programme: Name, lost: i64 },
    /// What leaving today costs.
    Today {
        programme: Name,
        today: Date,
        lost: i64,
        units: usize,
    },
    /// What leaving at a later moment costs.
    Moment {
        date: Date,
        kind: MomentKind,
        days: i64,
        lost: i64,
        switching: Option<i64>,
    },
    /// A generatiestudent changing programme today.
    SwitchToday { lost: i64 },
}
