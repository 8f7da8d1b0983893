//! The facts of each enrolment and unit before any ledger arithmetic:
//! grensdatum, withdrawals (OER 8.1 §4–§7, 12.1, 11.6), exemptions and
//! results.

use crate::model::{AcademicYear, Case, Contract, Date, Enrolment, Programme, Summary, Unit, Year};
use crate::params::Params;

use super::code::Code;
use super::grades::{UnitResult, is_credit, unit_result};
use super::msg::{DateOf, GradeMsg, InputMsg, MarkAt, Msg, ReferenceFrom};
use super::outcome::{CaseError, Place, UnitStatus, Warning};
use super::trace::{Article, Line, Name, Sink, name};

/// Errors and warnings gathered while computing.
#[derive(Default)]
pub struct Findings {
    pub errors: Vec<CaseError>,
    pub warnings: Vec<Warning>,
}

impl Findings {
    pub fn error(&mut self, code: Code, place: Place, msg: impl Into<Msg>) {
        self.errors.push(CaseError {
            code,
            place,
            msg: msg.into(),
        });
    }

    pub fn warn(&mut self, code: Code, year: Option<AcademicYear>, msg: impl Into<Msg>) {
        self.warnings.push(Warning {
            code,
            year,
            msg: msg.into(),
        });
    }
}

/// The case, the parameters and the evaluated years, for rules that need
/// all three.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    pub case: &'a Case,
    pub params: &'a Params,
    pub years: &'a [YearFacts<'a>],
}

/// Whether leerkrediet is deployed for an enrolment (OER 8.1 §1).
///
/// "Het leerkrediet wordt ingezet in: de initiële bachelor- en
/// masteropleidingen … door studenten onder diplomacontract; een of meer
/// opleidingsonderdelen door studenten onder creditcontract. Het
/// leerkrediet wordt niet ingezet bij: een examencontract; een
/// bachelor-na-bacheloropleiding; … een schakel- of voorbereidingsprogramma;
/// een postgraduaatopleiding; een specifieke lerarenopleiding."
pub fn uses_leerkrediet(programme: &Programme, contract: Contract) -> bool {
    match contract {
        Contract::Credit => true,
        Contract::Exam => false,
        Contract::Diploma => programme.kind.uses_leerkrediet(),
    }
}

/// A withdrawal as it applies to one unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WithdrawalFacts {
    pub date: Date,
    /// Removal under OER 11.6 rather than a plain withdrawal.
    pub removal: bool,
    /// On or before the unit's grensdatum.
    pub in_time: bool,
}

/// One unit with everything the rules need to know about it.
#[derive(Clone, Debug)]
pub struct UnitFacts<'a> {
    /// Position in the enrolment's list.
    pub index: usize,
    pub code: Name,
    pub name: &'a str,
    pub sp: u32,
    pub exempt: bool,
    pub grensdatum: Option<Date>,
    pub result: UnitResult,
    /// An effective withdrawal (not on an examined unit).
    pub withdrawal: Option<WithdrawalFacts>,
    /// Counts in the ledger's gross taken.
    pub ledger_taken: bool,
    /// Leerkrediet returned by a withdrawal (§2.3).
    pub refunded: bool,
    /// Counts in SE's taken (after withdrawals in time, exemptions excluded).
    pub se_taken: bool,
    /// A creditbewijs this year.
    pub credit: bool,
    /// Any exam result, even of one part.
    pub examined: bool,
    /// A final fail (numeric < 10, afwezig, F, niet geslaagd).
    pub failed: bool,
    /// The year is in progress and the final result is not known yet
    /// (RULES.md §7).
    pub pending: bool,
    /// The student recorded a tolerance (valid or not; see tolerance).
    pub tolerance_chosen: bool,
    pub status: UnitStatus,
    pub lines: Vec<Line>,
}

/// One detailed enrolment, evaluated.
#[derive(Clone, Debug)]
pub struct EnrolmentFacts<'a> {
    /// Position of the enrolment in its year's list.
    pub source: usize,
    /// Index into `case.programmes`.
    pub programme: usize,
    pub contract: Contract,
    pub uses_lk: bool,
    pub enrolled: Date,
    pub withdrawn: Option<Date>,
    pub units: Vec<UnitFacts<'a>>,
}

impl EnrolmentFacts<'_> {
    fn sum(&self, f: impl Fn(&UnitFacts) -> bool) -> u64 {
        self.units
            .iter()
            .filter(|u| f(u))
            .map(|u| u64::from(u.sp))
            .sum()
    }
    /// Gross SP taken in the ledger's sense.
    pub fn ledger_taken(&self) -> u64 {
        self.sum(|u| u.ledger_taken)
    }
    /// SP taken in SE's sense.
    pub fn se_taken(&self) -> u64 {
        self.sum(|u| u.se_taken)
    }
    /// SP with a credit.
    pub fn credited(&self) -> u64 {
        self.sum(|u| u.credit)
    }
    /// SP exempted.
    pub fn exempted(&self) -> u64 {
        self.sum(|u| u.exempt)
    }
    /// SP still without a final result (RULES.md §7).
    pub fn pending(&self) -> u64 {
        self.sum(|u| u.pending)
    }
}

/// A summary line, resolved.
#[derive(Clone, Debug)]
pub struct SummaryFacts {
    pub programme: usize,
    pub contract: Contract,
    pub uses_lk: bool,
    pub taken: u64,
    pub acquired: u64,
    pub exempted: u64,
    pub tolerated: u64,
}

/// One listed academic year, evaluated.
#[derive(Clone, Debug)]
pub struct YearFacts<'a> {
    pub year: AcademicYear,
    /// Today falls in this year (RULES.md §7).
    pub in_progress: bool,
    pub source: &'a Year,
    pub enrolments: Vec<EnrolmentFacts<'a>>,
    pub summaries: Vec<SummaryFacts>,
}

impl YearFacts<'_> {
    /// Whether any enrolment (detailed or summary) is in this programme.
    pub fn has_programme(&self, programme: usize) -> bool {
        self.enrolments.iter().any(|e| e.programme == programme)
            || self.summaries.iter().any(|s| s.programme == programme)
    }
}

fn place(year: AcademicYear, programme: &Programme, unit: Option<&str>) -> Place {
    Place {
        year: Some(year),
        programme: Some(programme.name.clone()),
        unit: unit.map(str::to_string),
    }
}

/// Checks a date lies in its academic year.
fn check_in_year(
    y: &InYear,
    date: Date,
    what: DateOf,
    at: &dyn Fn() -> Place,
    found: &mut Findings,
) {
    let (start, end) = y.span;
    let year = y.year;
    if date < start || date > end {
        found.error(
            Code::DateOutsideYear,
            at(),
            InputMsg::DateOutsideYear {
                what,
                date,
                year,
                start,
                end,
            },
        );
    }
}

/// Checks the grades entered on a unit: 0–20, whole for a unit, one
/// decimal for a part (OER 17.1), numeric or pass/fail as the unit says.
fn check_marks(unit: &Unit, max: i32, at: &dyn Fn() -> Place, found: &mut Findings) {
    use crate::model::Mark;
    let mut check = |m: Option<Mark>, whole: bool, second: bool, part: Option<&str>| {
        let Some(mark) = m else { return };
        let at_mark = || MarkAt {
            second,
            part: part.map(name),
        };
        let (code, msg) = match mark {
            Mark::Tenths(t) if !(0..=max).contains(&t) => (
                Code::GradeOutOfRange,
                InputMsg::GradeOutOfRange {
                    at: at_mark(),
                    mark,
                },
            ),
            Mark::Tenths(t) if whole && t % 10 != 0 => (
                Code::GradeNotWhole,
                InputMsg::GradeNotWhole {
                    at: at_mark(),
                    mark,
                },
            ),
            Mark::Tenths(_) if unit.pass_fail => (
                Code::ResultKindMismatch,
                InputMsg::NumberOnPassFail {
                    at: at_mark(),
                    mark,
                },
            ),
            Mark::Passed | Mark::NotPassed if !unit.pass_fail => (
                Code::ResultKindMismatch,
                InputMsg::PassFailOnGraded {
                    at: at_mark(),
                    mark,
                },
            ),
            _ => return,
        };
        found.error(code, at(), msg);
    };
    check(unit.first, true, false, None);
    check(unit.second, true, true, None);
    for p in &unit.parts {
        check(p.first, false, false, Some(&p.name));
        check(p.second, false, true, Some(&p.name));
    }
    if unit.is_composite() && (unit.first.is_some() || unit.second.is_some()) {
        found.error(
            Code::CompositeUnitResult,
            at(),
            InputMsg::CompositeUnitResult,
        );
    }
    for p in &unit.parts {
        if p.weight == 0 {
            found.error(
                Code::PartWeightInvalid,
                at(),
                InputMsg::PartWeightZero {
                    part: name(&p.name),
                },
            );
        }
    }
}

/// The unit with every result that `check_marks` refuses left out, so an
/// impossible grade (21, or a number on a pass/fail unit) gives no credit.
fn without_invalid_marks(unit: &Unit, max: i32) -> std::borrow::Cow<'_, Unit> {
    use crate::model::Mark;
    let valid = |m: Mark, whole: bool| match m {
        Mark::Tenths(t) => (0..=max).contains(&t) && (!whole || t % 10 == 0) && !unit.pass_fail,
        Mark::Passed | Mark::NotPassed => unit.pass_fail,
        _ => true,
    };
    let all_valid = [unit.first, unit.second]
        .into_iter()
        .flatten()
        .all(|m| valid(m, true))
        && unit
            .parts
            .iter()
            .flat_map(|p| [p.first, p.second])
            .flatten()
            .all(|m| valid(m, false));
    if all_valid {
        return std::borrow::Cow::Borrowed(unit);
    }
    let ok = |m: Option<Mark>, whole: bool| m.filter(|m| valid(*m, whole));
    let mut u = unit.clone();
    u.first = ok(unit.first, true);
    u.second = ok(unit.second, true);
    for p in &mut u.parts {
        p.first = ok(p.first, false);
        p.second = ok(p.second, false);
    }
    std::borrow::Cow::Owned(u)
}

/// More SP than any unit can have: a sanity limit on what was typed (a
/// whole year is 60 SP), not a rule of the regulation.
pub const MAX_UNIT_SP: u32 = 60;

/// The year a unit or enrolment is evaluated in.
#[derive(Clone, Copy)]
struct InYear<'a> {
    params: &'a Params,
    year: AcademicYear,
    /// Today falls in it (RULES.md §7).
    in_progress: bool,
    /// Its first and last day.
    span: (Date, Date),
    /// Build the units' own trace lines (only for an explanation asked
    /// for; computing every figure does not need them).
    explain: bool,
}

/// The enrolment a unit is evaluated in.
#[derive(Clone, Copy)]
struct InEnrolment<'a> {
    programme: &'a Programme,
    enrolment: &'a Enrolment,
    /// Its enrolment date (or the first day of the year).
    enrolled: Date,
    uses_lk: bool,
    /// The regulation in force for it.
    oer: &'a crate::params::Oer,
}

/// Evaluates one unit of an enrolment.
///
/// OER 8.1 §4: "In de Artesis Plantijn Hogeschool Antwerpen wordt hiervoor
/// per opleidingsonderdeel een grensdatum toegekend."
/// OER 12.1 (WT): "De student die zijn studies tijdens het academiejaar
/// stopzet, kan zich uitschrijven met teruggave leerkrediet tot uiterlijk de
/// grensdatum … Studenten kunnen zich niet uitschrijven voor
/// opleidingsonderdelen waarvoor reeds alle (deel)examens plaatsvonden …
/// Indien het resultaat ten minste een 10 op 20 is, krijgen zij … een
/// creditbewijs."
fn unit_facts<'a>(
    y: &InYear,
    e: &InEnrolment,
    index: usize,
    unit: &'a Unit,
    found: &mut Findings,
) -> UnitFacts<'a> {
    let InYear {
        params,
        year,
        in_progress,
        ..
    } = *y;
    let InEnrolment {
        programme,
        enrolment,
        enrolled,
        uses_lk,
        oer,
    } = *e;
    // Built only when there is something to report.
    let at = || place(year, programme, Some(&unit.code));
    let pass = oer.pass_grade;
    let mut lines = Sink::new(y.explain);

    if unit.code.trim().is_empty() {
        found.error(Code::UnitCodeMissing, at(), InputMsg::UnitCodeMissing);
    }
    if unit.name.trim().is_empty() {
        found.error(Code::UnitNameMissing, at(), InputMsg::UnitNameMissing);
    }
    if unit.sp > MAX_UNIT_SP {
        found.error(
            Code::UnitSpInvalid,
            at(),
            InputMsg::UnitSpTooLarge {
                sp: unit.sp,
                max: MAX_UNIT_SP,
            },
        );
    }
    if unit.second.is_some() && unit.first.is_none() && !unit.is_composite() {
        found.error(
            Code::SecondWithoutFirst,
            at(),
            InputMsg::SecondWithoutFirst { part: None },
        );
    }
    for p in unit
        .parts
        .iter()
        .filter(|p| p.second.is_some() && p.first.is_none())
    {
        found.error(
            Code::SecondWithoutFirst,
            at(),
            InputMsg::SecondWithoutFirst {
                part: Some(name(&p.name)),
            },
        );
    }
    if unit.sp < oer.min_unit_sp {
        found.error(
            Code::UnitSpInvalid,
            at(),
            InputMsg::UnitSp {
                sp: unit.sp,
                min: oer.min_unit_sp,
            },
        );
    }
    let max = oer.max_grade * 10;
    check_marks(unit, max, &at, found);

    let grensdatum = unit
        .grensdatum
        .or_else(|| params.calendar_grensdatum(year, programme, unit.period));
    if let Some(g) = unit.grensdatum {
        check_in_year(y, g, DateOf::Grensdatum, &at, found);
    }

    let result = if unit.exempt {
        if unit.has_result() {
            found.error(Code::ExemptWithResult, at(), InputMsg::ExemptWithResult);
        }
        UnitResult {
            first: None,
            final_mark: None,
            second_after_credit: false,
        }
    } else {
        unit_result(&without_invalid_marks(unit, max), pass, &mut lines)
    };
    if result.second_after_credit {
        found.error(
            Code::SecondChanceAfterCredit,
            at(),
            InputMsg::SecondAfterCredit {
                first: result.first,
            },
        );
    }
    let examined = !unit.exempt && unit.has_result();

    // The withdrawal that applies: the unit's own, or the programme's,
    // whichever came first.
    let own = unit.withdrawal.as_ref().map(|w| (w.date, w.removal));
    if let Some((d, _)) = own {
        check_in_year(y, d, DateOf::Withdrawal, &at, found);
        if d < enrolled {
            found.error(
                Code::WithdrawalBeforeEnrolment,
                at(),
                InputMsg::WithdrawalBeforeEnrolment {
                    withdrawn: d,
                    enrolled,
                },
            );
        }
    }
    let candidates = [own, enrolment.withdrawn.map(|d| (d, false))];
    let chosen = candidates.into_iter().flatten().min_by_key(|(d, _)| *d);

    let mut withdrawal = None;
    if let Some((date, removal)) = chosen {
        if unit.exempt {
            // Nothing to withdraw from.
        } else if examined {
            if own.is_some() && own.map(|(d, _)| d) == Some(date) {
                found.error(
                    Code::WithdrawalAfterExams,
                    at(),
                    InputMsg::WithdrawalAfterExams,
                );
            } else {
                lines.push(|| {
                    Line::note(
                        Article::art("12.1"),
                        InputMsg::ExaminedAtWithdrawal { pass_grade: pass }.into(),
                    )
                });
            }
        } else {
            match grensdatum {
                Some(g) => {
                    withdrawal = Some(WithdrawalFacts {
                        date,
                        removal,
                        in_time: date <= g,
                    })
                }
                None => found.error(
                    Code::MissingGrensdatum,
                    at(),
                    InputMsg::MissingGrensdatum {
                        code: name(&unit.code),
                        period: unit.period,
                        year,
                    },
                ),
            }
        }
    }

    let ledger_taken = uses_lk && !unit.exempt;
    let in_time = withdrawal.is_some_and(|w| w.in_time);
    let refunded = ledger_taken
        && withdrawal
            .is_some_and(|w| w.in_time && (w.removal || enrolment.contract != Contract::Credit));
    if let Some(w) = withdrawal
        && w.removal
        && !w.in_time
    {
        found.warn(
            Code::RemovalTooLate,
            Some(year),
            InputMsg::RemovalTooLate {
                programme: name(&programme.name),
                code: name(&unit.code),
                date: w.date,
            },
        );
    }
    let se_taken = !unit.exempt && !in_time;
    let final_mark = result.final_mark;
    let credit =
        !unit.exempt && withdrawal.is_none() && final_mark.is_some_and(|m| is_credit(m, pass));
    // RULES.md §7: in the year in progress, a unit whose final result is
    // not known yet (no first chance, or a first chance without a credit
    // and no second chance entered) is pending, not failed. Withdrawn and
    // exempted units, and the units of a programme left, never are.
    let second_entered = unit.second.is_some() || unit.parts.iter().any(|p| p.second.is_some());
    let pending = in_progress
        && !unit.exempt
        && withdrawal.is_none()
        && enrolment.withdrawn.is_none()
        && !credit
        && (result.first.is_none() || !second_entered);
    let failed =
        !unit.exempt && withdrawal.is_none() && final_mark.is_some() && !credit && !pending;

    if pending {
        lines.push(|| {
            Line::note(
                Article::art("17.3"),
                GradeMsg::Pending {
                    first: result.first,
                }
                .into(),
            )
        });
    }
    if unit.exempt {
        lines.push(|| {
            Line::note(
                Article::par("8.1", 1),
                InputMsg::Exempt {
                    sp: i64::from(unit.sp),
                }
                .into(),
            )
        });
    }
    let status = if unit.exempt {
        UnitStatus::Exempt
    } else if let Some(w) = withdrawal {
        UnitStatus::Withdrawn {
            in_time: w.in_time,
            refunded,
        }
    } else if credit {
        UnitStatus::Credit
    } else if failed {
        UnitStatus::Failed
    } else if pending {
        UnitStatus::Pending
    } else {
        UnitStatus::NoResult
    };

    UnitFacts {
        index,
        code: name(&unit.code),
        name: &unit.name,
        sp: unit.sp,
        exempt: unit.exempt,
        grensdatum,
        result,
        withdrawal,
        ledger_taken,
        refunded,
        se_taken,
        credit,
        examined,
        failed,
        pending,
        tolerance_chosen: unit.tolerated,
        status,
        lines: lines.into_lines(),
    }
}

/// Evaluates a detailed enrolment.
fn enrolment_facts<'a>(
    y: &InYear,
    source: usize,
    programme_index: usize,
    programme: &Programme,
    enrolment: &'a Enrolment,
    repeated: &[bool],
    found: &mut Findings,
) -> EnrolmentFacts<'a> {
    let InYear { params, year, .. } = *y;
    let at = || place(year, programme, None);
    let (start, _) = y.span;
    let enrolled = enrolment.enrolled.unwrap_or(start);
    if let Some(d) = enrolment.enrolled {
        check_in_year(y, d, DateOf::Enrolment, &at, found);
    }
    if let Some(w) = enrolment.withdrawn {
        check_in_year(y, w, DateOf::Withdrawal, &at, found);
        if w < enrolled {
            found.error(
                Code::WithdrawalBeforeEnrolment,
                at(),
                InputMsg::WithdrawalBeforeEnrolment {
                    withdrawn: w,
                    enrolled,
                },
            );
        }
    }
    let uses_lk = uses_leerkrediet(programme, enrolment.contract);
    let oer = params.oer_of(programme, year);
    let units = enrolment
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            if repeated[i] {
                found.error(
                    Code::DuplicateUnitCode,
                    place(year, programme, Some(&u.code)),
                    InputMsg::DuplicateCode,
                );
            }
            let e = InEnrolment {
                programme,
                enrolment,
                enrolled,
                uses_lk,
                oer,
            };
            unit_facts(y, &e, i, u, found)
        })
        .collect();
    EnrolmentFacts {
        source,
        programme: programme_index,
        contract: enrolment.contract,
        uses_lk,
        enrolled,
        withdrawn: enrolment.withdrawn,
        units,
    }
}

fn summary_facts(programme_index: usize, programme: &Programme, s: &Summary) -> SummaryFacts {
    SummaryFacts {
        programme: programme_index,
        contract: s.contract,
        uses_lk: uses_leerkrediet(programme, s.contract),
        taken: u64::from(s.taken),
        acquired: u64::from(s.acquired),
        exempted: u64::from(s.exempted),
        tolerated: u64::from(s.tolerated),
    }
}

/// A unit's own trace lines — how its result came about, its withdrawal,
/// exemption or pending state — built again for an explanation asked for
/// (computing the figures builds none).
pub fn unit_lines(
    case: &Case,
    params: &Params,
    today: Option<Date>,
    year: AcademicYear,
    programme: &str,
    code: &str,
) -> Vec<Line> {
    let Some(y) = case.years.iter().find(|y| y.year == year) else {
        return Vec::new();
    };
    let Some(p) = case.programmes.iter().find(|p| p.id == programme) else {
        return Vec::new();
    };
    let Some(e) = y.enrolments.iter().find(|e| e.programme == programme) else {
        return Vec::new();
    };
    let Some((index, unit)) = e.units.iter().enumerate().find(|(_, u)| u.code == code) else {
        return Vec::new();
    };
    let at = InYear {
        params,
        year,
        in_progress: today.is_some_and(|t| super::countdown::year_of(params, t) == year),
        span: params.year_span(year),
        explain: true,
    };
    let ie = InEnrolment {
        programme: p,
        enrolment: e,
        enrolled: e.enrolled.unwrap_or(at.span.0),
        uses_lk: uses_leerkrediet(p, e.contract),
        oer: params.oer_of(p, year),
    };
    unit_facts(&at, &ie, index, unit, &mut Findings::default()).lines
}

/// Unit codes used more than once in a year, per enrolment and unit.
struct Duplicates {
    /// The code came earlier in the same enrolment.
    repeated: Vec<Vec<bool>>,
    /// The code came earlier in another programme: the first such one.
    elsewhere: Vec<Vec<Option<usize>>>,
}

/// Finds repeated unit codes in a year by sorting (not by comparing every
/// pair), so the cost grows as n log n.
fn duplicate_codes(y: &Year, programme_of: &[Option<usize>]) -> Duplicates {
    let mut d = Duplicates {
        repeated: y
            .enrolments
            .iter()
            .map(|e| vec![false; e.units.len()])
            .collect(),
        elsewhere: y
            .enrolments
            .iter()
            .map(|e| vec![None; e.units.len()])
            .collect(),
    };
    // (key of the code, enrolment, unit) of units in known programmes;
    // sorted, equal codes stand together in walking order (a group of equal
    // keys is split by the codes themselves, should two codes share a key).
    let code = |&(_, ei, ui): &(u64, usize, usize)| y.enrolments[ei].units[ui].code.as_str();
    let mut all: Vec<(u64, usize, usize)> = y
        .enrolments
        .iter()
        .enumerate()
        .filter(|(ei, _)| programme_of[*ei].is_some())
        .flat_map(|(ei, e)| {
            e.units
                .iter()
                .enumerate()
                .map(move |(ui, u)| (super::keys::key(&[&u.code]), ei, ui))
        })
        .collect();
    all.sort_unstable();
    // Within a run of equal keys (nearly always a repeated code), order by
    // the code itself so two codes sharing a key stay apart.
    for run in all.chunk_by_mut(|a, b| a.0 == b.0) {
        run.sort_by(|a, b| code(a).cmp(code(b)).then((a.1, a.2).cmp(&(b.1, b.2))));
    }
    for group in all.chunk_by(|a, b| a.0 == b.0 && code(a) == code(b)) {
        if group.len() < 2 {
            continue;
        }
        // The programme of the first occurrence, and the first other one.
        let first = programme_of[group[0].1];
        let mut other: Option<Option<usize>> = None;
        for (k, &(_, ei, ui)) in group.iter().enumerate() {
            let pi = programme_of[ei];
            if k > 0 {
                // Same enrolment: the earlier ones are just before (sorted).
                d.repeated[ei][ui] = group[k - 1].1 == ei;
                d.elsewhere[ei][ui] = if first != pi { first } else { other.flatten() };
            }
            if pi != first && other.is_none() {
                other = Some(pi);
            }
        }
    }
    d
}

/// Evaluates every listed year, oldest first. Duplicated years and
/// enrolments in unknown programmes are reported and left out.
///
/// `today` decides the year in progress (RULES.md §7): the academic year
/// it falls in; `None` judges every year as over.
pub fn year_facts<'a>(
    case: &'a Case,
    params: &Params,
    today: Option<Date>,
    found: &mut Findings,
) -> Vec<YearFacts<'a>> {
    let current = today.map(|t| super::countdown::year_of(params, t));
    let mut years: Vec<&Year> = case.years.iter().collect();
    years.sort_by_key(|y| y.year);
    let mut out: Vec<YearFacts<'a>> = Vec::new();
    for y in years {
        if out.last().is_some_and(|f| f.year == y.year) {
            found.error(
                Code::DuplicateYear,
                Place {
                    year: Some(y.year),
                    ..Place::default()
                },
                InputMsg::DuplicateYear,
            );
            continue;
        }
        let mut enrolments = Vec::new();
        let mut programmes_seen: Vec<usize> = Vec::new();
        let programme_of: Vec<Option<usize>> = y
            .enrolments
            .iter()
            .map(|e| case.programmes.iter().position(|p| p.id == e.programme))
            .collect();
        let dups = duplicate_codes(y, &programme_of);
        for (source, e) in y.enrolments.iter().enumerate() {
            let Some(pi) = programme_of[source] else {
                found.error(
                    Code::UnknownProgramme,
                    Place {
                        year: Some(y.year),
                        programme: Some(e.programme.clone()),
                        unit: None,
                    },
                    InputMsg::UnknownProgramme {
                        id: name(&e.programme),
                        from: ReferenceFrom::Enrolment {
                            known: case.programmes.iter().map(|p| name(&p.id)).collect(),
                        },
                    },
                );
                continue;
            };
            let programme = &case.programmes[pi];
            if programmes_seen.contains(&pi) {
                found.error(
                    Code::DuplicateEnrolment,
                    place(y.year, programme, None),
                    InputMsg::DuplicateEnrolment,
                );
            }
            programmes_seen.push(pi);
            for (u, other) in e.units.iter().zip(&dups.elsewhere[source]) {
                if let Some(other) = *other {
                    found.error(
                        Code::DuplicateUnitCode,
                        place(y.year, programme, Some(&u.code)),
                        InputMsg::DuplicateCodeElsewhere {
                            other: name(&case.programmes[other].name),
                        },
                    );
                }
            }
            let at = InYear {
                params,
                year: y.year,
                in_progress: current == Some(y.year),
                span: params.year_span(y.year),
                explain: false,
            };
            enrolments.push(enrolment_facts(
                &at,
                source,
                pi,
                programme,
                e,
                &dups.repeated[source],
                found,
            ));
        }
        let mut summaries = Vec::new();
        for s in &y.summaries {
            let Some(pi) = case.programmes.iter().position(|p| p.id == s.programme) else {
                found.error(
                    Code::UnknownProgramme,
                    Place {
                        year: Some(y.year),
                        programme: Some(s.programme.clone()),
                        unit: None,
                    },
                    InputMsg::UnknownProgramme {
                        id: name(&s.programme),
                        from: ReferenceFrom::Summary,
                    },
                );
                continue;
            };
            let programme = &case.programmes[pi];
            if s.acquired + s.tolerated > s.taken {
                found.error(
                    Code::SummaryInconsistent,
                    place(y.year, programme, None),
                    InputMsg::SummaryInconsistent {
                        acquired: s.acquired,
                        tolerated: s.tolerated,
                        taken: s.taken,
                    },
                );
            }
            summaries.push(summary_facts(pi, programme, s));
        }
        out.push(YearFacts {
            year: y.year,
            in_progress: current == Some(y.year),
            source: y,
            enrolments,
            summaries,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mark, ProgrammeKind, UnitWithdrawal};
    use crate::rules::keys::key;
    use crate::rules::msg::GradeMsg;
    use crate::rules::outcome::Outcome;
    use crate::rules::testkit::*;

    const Y: AcademicYear = AcademicYear(2017);

    fn biologie() -> Programme {
        Programme::new("BIO", "Biologie", ProgrammeKind::Bachelor, 180)
    }

    fn status(o: &Outcome, programme: &str, code: &str) -> UnitStatus {
        o.unit(Y, programme, code).expect("the unit").status
    }

    fn final_mark(o: &Outcome, code: &str) -> Option<Mark> {
        o.unit(Y, "CH", code).expect("the unit").final_mark
    }

    /// The errors as (key, unit).
    fn errors_at(o: &Outcome) -> Vec<(&'static str, Option<&str>)> {
        o.errors
            .iter()
            .map(|e| (e.code.key(), e.place.unit.as_deref()))
            .collect()
    }

    /// OER 17.1: a unit with a numeric result cannot get "geslaagd" (nor a
    /// pass/fail unit a number). The result is refused and gives no credit.
    /// Kills the `!unit.pass_fail` guard → false in `check_marks` (no
    /// error) and both deleted `Passed | NotPassed` arms of
    /// `without_invalid_marks` (the geslaagd would give a credit).
    #[test]
    fn art_17_1_geslaagd_on_a_graded_unit_is_refused_and_gives_no_credit() {
        let mut graded = unit("G", 6, None);
        graded.first = Some(Mark::Passed);
        let mut pass_fail = unit("P", 6, Some(14));
        pass_fail.pass_fail = true;
        let mut kept = unit("K", 6, None);
        kept.pass_fail = true;
        kept.first = Some(Mark::Passed);
        let o = run(&case(vec![year(
            2017,
            vec![enrolment("CH", vec![graded, pass_fail, kept])],
        )]));
        assert_eq!(
            errors_at(&o),
            vec![
                ("result-kind-mismatch", Some("G")),
                ("result-kind-mismatch", Some("P")),
            ]
        );
        assert_eq!(status(&o, "CH", "G"), UnitStatus::NoResult);
        assert_eq!(final_mark(&o, "G"), None);
        assert_eq!(status(&o, "CH", "P"), UnitStatus::NoResult);
        assert_eq!(status(&o, "CH", "K"), UnitStatus::Credit);
    }

    /// OER 17.1: a unit's grade is whole. 12.5 and 0.5 are refused
    /// (`grade-not-whole`) and leave the unit without a result: no credit
    /// from 12.5, no fail from 0.5. Kills the mutants of the whole-grade
    /// test `(!whole || t % 10 == 0)` in `without_invalid_marks` (deleted
    /// `!`, `==` → `!=`, `%` → `/` in the quick check; deleted `!`, `==` →
    /// `!=` in the filter), which would keep one of the two grades.
    #[test]
    fn art_17_1_a_unit_grade_with_tenths_is_refused_and_gives_no_result() {
        let mut half = unit("H", 6, None);
        half.first = Some(Mark::Tenths(125));
        let mut low = unit("Z", 6, None);
        low.first = Some(Mark::Tenths(5));
        let o = run(&case(vec![year(
            2017,
            vec![enrolment("CH", vec![half, low])],
        )]));
        assert_eq!(
            errors_at(&o),
            vec![
                ("grade-not-whole", Some("H")),
                ("grade-not-whole", Some("Z"))
            ]
        );
        assert_eq!(status(&o, "CH", "H"), UnitStatus::NoResult);
        assert_eq!(final_mark(&o, "H"), None);
        assert_eq!(status(&o, "CH", "Z"), UnitStatus::NoResult);
        assert_eq!(final_mark(&o, "Z"), None);
    }

    /// OER 17.1/17.3: an impossible second chance (21/20) is refused, and
    /// only it: the valid first chance of 8 stays the final result (a fail).
    /// Kills the mutants of the filter in `without_invalid_marks` that drop
    /// a valid whole grade along with the invalid one (`||` → `&&`, `%` →
    /// `/`, `%` → `+`).
    #[test]
    fn art_17_3_a_refused_second_chance_leaves_the_first_chance_standing() {
        let mut u = unit("A", 6, Some(8));
        u.second = Some(Mark::whole(21));
        let o = run(&case(vec![year(2017, vec![enrolment("CH", vec![u])])]));
        assert_eq!(errors_at(&o), vec![("grade-out-of-range", Some("A"))]);
        assert_eq!(final_mark(&o, "A"), Some(Mark::whole(8)));
        assert_eq!(status(&o, "CH", "A"), UnitStatus::Failed);
    }

    /// OER 12.1: when the programme's withdrawal came before the unit's
    /// own (later) one, the programme's applies; the unit was examined, so
    /// it is only noted, not an error of the unit's own withdrawal. The
    /// unit's own withdrawal coming first after its exams is the error.
    /// Kills `&&` → `||` in `unit_facts` (the error whenever the unit has
    /// a withdrawal of its own).
    #[test]
    fn art_12_1_the_earlier_programme_withdrawal_is_the_one_that_applies() {
        let with_own = |date: &str| {
            let mut u = unit("A", 6, Some(8));
            u.withdrawal = Some(UnitWithdrawal {
                date: d(date),
                removal: false,
            });
            let mut e = enrolment("CH", vec![u]);
            e.withdrawn = Some(d("2018-02-01"));
            run(&case(vec![year(2017, vec![e])]))
        };
        let later = with_own("2018-03-01");
        assert_eq!(errors_at(&later), vec![]);
        assert_eq!(status(&later, "CH", "A"), UnitStatus::Failed);
        let earlier = with_own("2018-01-15");
        assert_eq!(
            errors_at(&earlier),
            vec![("withdrawal-after-exams", Some("A"))]
        );
    }

    /// RULES.md §4 (OER 1.1.55): a programme's SE years are the years it
    /// has an enrolment or a summary line, not every listed year. Kills
    /// `has_programme` → true.
    #[test]
    fn art_1_1_55_a_programme_has_se_figures_only_in_its_own_years() {
        let mut c = case(vec![
            year(2017, vec![enrolment("CH", units("A", 5, 6, Some(12)))]),
            year(2018, vec![]),
        ]);
        c.programmes.push(biologie());
        c.years[1].summaries.push(Summary {
            programme: "BIO".into(),
            contract: Contract::Diploma,
            taken: 60,
            acquired: 48,
            exempted: 0,
            tolerated: 0,
        });
        let o = run(&c);
        let years = |id: &str| -> Vec<(AcademicYear, u64, u64)> {
            o.programme(id)
                .expect("the programme")
                .years
                .iter()
                .map(|y| (y.year, y.taken, y.acquired))
                .collect()
        };
        assert_eq!(years("CH"), vec![(AcademicYear(2017), 30, 30)]);
        assert_eq!(years("BIO"), vec![(AcademicYear(2018), 60, 48)]);
    }

    /// A summary line cannot have more SP acquired and tolerated than
    /// taken. Kills `+` → `*` in `year_facts` (30 acquired of 20 taken
    /// would pass, 20 + 4 of 24 would not).
    #[test]
    fn a_summary_acquiring_more_than_it_took_is_inconsistent() {
        let summary = |taken, acquired, tolerated| {
            let mut c = case(vec![year(2017, vec![])]);
            c.years[0].summaries.push(Summary {
                programme: "CH".into(),
                contract: Contract::Diploma,
                taken,
                acquired,
                exempted: 0,
                tolerated,
            });
            errors(&run(&c))
        };
        assert_eq!(summary(20, 30, 0), vec!["summary-inconsistent"]);
        assert_eq!(summary(24, 20, 6), vec!["summary-inconsistent"]);
        assert_eq!(summary(24, 20, 4), Vec::<&str>::new());
    }

    /// A code used in two programmes of a year is one error, on the later
    /// programme's unit, naming the earlier programme; it is not also a
    /// repeat within the enrolment. Kills `-` → `/` in `duplicate_codes`
    /// (`group[k / 1]` compares a unit with itself: every duplicate would
    /// also count as repeated in its own enrolment).
    #[test]
    fn a_code_in_two_programmes_is_reported_once_naming_the_other() {
        let mut c = case(vec![year(
            2017,
            vec![
                enrolment("CH", vec![unit("A", 6, Some(12)), unit("B", 6, Some(12))]),
                enrolment("BIO", vec![unit("A", 6, Some(12))]),
            ],
        )]);
        c.programmes.push(biologie());
        let o = run(&c);
        assert_eq!(o.errors.len(), 1, "{:?}", errors_at(&o));
        let e = &o.errors[0];
        assert_eq!(e.code, Code::DuplicateUnitCode);
        assert_eq!(e.place, place(Y, &biologie(), Some("A")));
        assert_eq!(
            e.msg,
            Msg::from(InputMsg::DuplicateCodeElsewhere {
                other: name("Chemie")
            })
        );
    }

    /// A code repeated in one enrolment is found among other codes, on its
    /// second use only. Kills `==` → `!=` in `duplicate_codes` (sorting
    /// runs of different keys by code pulls the two uses apart).
    #[test]
    fn a_repeated_code_is_found_among_others() {
        let mut us = units("U", 12, 6, Some(12));
        us.insert(3, unit("U7", 6, Some(14)));
        let o = run(&case(vec![year(2017, vec![enrolment("CH", us)])]));
        assert_eq!(errors_at(&o), vec![("duplicate-unit-code", Some("U7"))]);
        let e = &o.errors[0];
        assert_eq!(e.msg, Msg::from(InputMsg::DuplicateCode));
    }

    /// Two different codes whose sorting keys are equal (built so: the
    /// 8-byte hash is symmetric in its halves) are still two units, not a
    /// repeat. Kills `&&` → `||` in `duplicate_codes`.
    #[test]
    fn codes_sharing_a_key_are_not_duplicates() {
        let (a, b) = ("Téa1bCD", "øz痂es");
        assert_eq!(key(&[a]), key(&[b]), "the two codes share a key");
        let o = run(&case(vec![year(
            2017,
            vec![enrolment(
                "CH",
                vec![unit(a, 6, Some(12)), unit(b, 6, Some(8))],
            )],
        )]));
        assert_eq!(errors_at(&o), vec![]);
        assert_eq!(status(&o, "CH", a), UnitStatus::Credit);
        assert_eq!(status(&o, "CH", b), UnitStatus::Failed);
    }

    /// The explanation of one unit (OER 17.3): its own lines, found by
    /// year, programme, enrolment and code; pending only in the year in
    /// progress (RULES.md §7). Kills `unit_lines` → `vec![]` and each of
    /// its `==` → `!=`.
    #[test]
    fn art_17_3_a_units_explanation_is_its_own_lines() {
        let mut b = unit("B", 6, Some(8));
        b.second = Some(Mark::whole(11));
        let c = case(vec![year(
            2017,
            vec![enrolment("CH", vec![unit("A", 6, Some(8)), b])],
        )]);
        let p = Params::default();
        let best = Line::note(
            Article::art("17.3"),
            GradeMsg::BestOfTwo {
                first: Mark::whole(8),
                second: Mark::whole(11),
                best: Mark::whole(11),
            }
            .into(),
        );
        let pending = Line::note(
            Article::art("17.3"),
            GradeMsg::Pending {
                first: Some(Mark::whole(8)),
            }
            .into(),
        );
        let today = Some(d("2018-03-01"));
        assert_eq!(unit_lines(&c, &p, None, Y, "CH", "B"), vec![best.clone()]);
        assert_eq!(unit_lines(&c, &p, today, Y, "CH", "B"), vec![best]);
        assert_eq!(unit_lines(&c, &p, today, Y, "CH", "A"), vec![pending]);
        assert_eq!(unit_lines(&c, &p, None, Y, "CH", "A"), vec![]);
        assert_eq!(unit_lines(&c, &p, today, Y, "CH", "C"), vec![]);
    }
}
