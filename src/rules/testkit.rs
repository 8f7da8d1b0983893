//! Builders for the unit tests of the rules core: small cases in Chemie
//! (professional bachelor, 180 SP, year system, AP) and other programmes,
//! computed with the shipped parameters (the OER 2017-2018).

use crate::model::{
    AcademicYear, Case, Contract, Date, Enrolment, Event, Mark, Opening, Programme, ProgrammeKind,
    Summary, Unit, Year,
};
use crate::params::Params;

use super::outcome::Outcome;
use super::trace::Line;

pub fn d(s: &str) -> Date {
    s.parse().expect("a test date")
}

/// A unit of `sp` SP with a first-chance whole grade (or none).
pub fn unit(code: &str, sp: u32, grade: Option<i32>) -> Unit {
    let mut u = Unit::new(code, &format!("Vak {code}"), sp);
    u.first = grade.map(Mark::whole);
    u
}

/// `n` units of `sp` SP with grade `g`, coded `{prefix}{i}`.
pub fn units(prefix: &str, n: usize, sp: u32, g: Option<i32>) -> Vec<Unit> {
    (0..n)
        .map(|i| unit(&format!("{prefix}{i}"), sp, g))
        .collect()
}

pub fn chemie() -> Programme {
    Programme::new("CH", "Chemie", ProgrammeKind::Bachelor, 180)
}

pub fn enrolment(programme: &str, units: Vec<Unit>) -> Enrolment {
    Enrolment {
        programme: programme.into(),
        contract: Contract::Diploma,
        enrolled: None,
        withdrawn: None,
        units,
    }
}

pub fn year(y: i32, enrolments: Vec<Enrolment>) -> Year {
    let mut yr = Year::new(AcademicYear(y));
    yr.enrolments = enrolments;
    yr
}

/// A case with Chemie and the given years.
pub fn case(years: Vec<Year>) -> Case {
    let mut c = Case::new("Test");
    c.programmes = vec![chemie()];
    c.years = years;
    c
}

/// An opening balance in `y`, with `bonus_granted` SP of the bonus had.
pub fn opening(y: i32, balance: i32, bonus_granted: u32) -> Opening {
    Opening {
        year: AcademicYear(y),
        balance,
        bonus_granted,
        rebuilds: vec![],
        progress: vec![],
    }
}

/// A case opening in `y` with `balance` and the bonus used up.
pub fn opened(y: i32, balance: i32, years: Vec<Year>) -> Case {
    let mut c = case(years);
    c.opening = Some(opening(y, balance, 60));
    c
}

pub fn master_diploma(c: &mut Case, y: i32) {
    c.events.push(Event::MasterDiploma(AcademicYear(y)));
}

/// Every figure of a case up to its last year (or `as_of`), every year over.
pub fn run(c: &Case) -> Outcome {
    super::compute(c, &Params::default(), super::effective_as_of(c))
}

/// Every figure as things stand on `today` (RULES.md §7: the year it falls
/// in is in progress).
pub fn run_on(c: &Case, today: &str) -> Outcome {
    super::compute_on(
        c,
        &Params::default(),
        super::effective_as_of(c),
        Some(d(today)),
    )
}

/// A summary line of `programme` under diplomacontract, nothing exempted
/// or tolerated.
pub fn summary(programme: &str, taken: u32, acquired: u32) -> Summary {
    Summary {
        programme: programme.into(),
        contract: Contract::Diploma,
        taken,
        acquired,
        exempted: 0,
        tolerated: 0,
    }
}

/// Trace lines as the explanation shows them: "article | text".
pub fn texts(lines: &[Line]) -> Vec<String> {
    lines
        .iter()
        .map(|l| format!("{} | {}", l.article, l.msg))
        .collect()
}

/// The keys of the warnings.
pub fn warnings(o: &Outcome) -> Vec<&'static str> {
    o.warnings.iter().map(|w| w.code.key()).collect()
}

/// The keys of the errors.
pub fn errors(o: &Outcome) -> Vec<&'static str> {
    o.errors.iter().map(|e| e.code.key()).collect()
}
