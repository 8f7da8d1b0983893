//! Case review: one row per case with the figures a counsellor scans a
//! caseload for, and the most serious finding first (issue: "sorted by who
//! needs help first"). Pure: the rows are derived from a case and its
//! outcome; reading the files and the screens are elsewhere.

use crate::model::{AcademicYear, Case};
use crate::rules::{Code, Goal, Outcome, Ratio};

mod order;
mod read;

pub use order::{Column, Quick, Sort, matches};
pub use read::{read, saved_of};

/// What a case calls attention to, most serious first (the order sorts).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Finding {
    /// The file cannot be read or parsed: nothing is known but why (the
    /// Dutch message, `FILE:LINE:COL: …`).
    Unreadable { message: String },
    /// The next enrolment is refused (8.1 §10): balance 0 or less.
    Refused { year: Option<AcademicYear> },
    /// The balance is 0 or less while the year runs, but credits of
    /// pending units can still bring it above 0 (RULES.md §7): SP needed.
    RefusalAvoidable { year: AcademicYear, need_sp: u64 },
    /// Binding conditions possible, certain (13.1).
    BindingConditions { year: Option<AcademicYear> },
    /// Binding conditions still avoidable in the year in progress: SP needed.
    BindingAvoidable { year: AcademicYear, need_sp: u64 },
    /// A balance below 60: little room left.
    BalanceLow { balance: i64 },
    /// Errors in the case: its figures may be incomplete.
    Errors { count: usize },
    /// The official balance differs from the computed one.
    OfficialDiffers { year: Option<AcademicYear> },
    /// Nothing calls for attention.
    Nothing,
}

impl Finding {
    /// Whether the finding needs the counsellor's attention.
    pub fn needs_attention(&self) -> bool {
        !matches!(self, Finding::Nothing)
    }

    /// A rank for sorting (0 most serious).
    pub fn rank(&self) -> u8 {
        match self {
            Finding::Unreadable { .. } => 0,
            Finding::Refused { .. } => 1,
            Finding::RefusalAvoidable { .. } => 2,
            Finding::BindingConditions { .. } => 3,
            Finding::BindingAvoidable { .. } => 4,
            Finding::BalanceLow { .. } => 5,
            Finding::Errors { .. } => 6,
            Finding::OfficialDiffers { .. } => 7,
            Finding::Nothing => 8,
        }
    }
}

/// The balance under which a case calls attention (the rebuild target of
/// 8.1 §11–§13 is the same figure, but this is a counsellor's threshold).
pub const LOW_BALANCE: i64 = 60;

/// One case in the overview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overview {
    /// The file name (`sara-jan.ron`), or the demo's name; empty when the
    /// case did not come from a file.
    pub file: String,
    /// When the file was last saved (local time), when known.
    pub saved: Option<chrono::NaiveDateTime>,
    pub name: String,
    pub number: String,
    /// The year the figures stand at.
    pub year: Option<AcademicYear>,
    pub balance: i64,
    /// The ceiling of the balance while a year runs (every pending unit a
    /// credit).
    pub ceiling: Option<i64>,
    /// Study efficiency of the last year, over all programmes (13.1).
    pub last_se: Option<Ratio>,
    /// Tolerance credit left in hundredths of SP, of the programme of the
    /// last year (a bachelor), if any.
    pub tolerance_left: Option<i64>,
    /// Every finding, most serious first; `Nothing` when there is none.
    pub findings: Vec<Finding>,
}

impl Overview {
    /// The most serious finding.
    pub fn finding(&self) -> &Finding {
        self.findings.first().unwrap_or(&Finding::Nothing)
    }

    /// Whether the case has errors.
    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|f| matches!(f, Finding::Errors { .. } | Finding::Unreadable { .. }))
    }
}

/// The overview row of a case.
pub fn overview(case: &Case, o: &Outcome) -> Overview {
    let mut findings = Vec::new();
    // Binding conditions matter for the next enrolment: those of the last
    // year the student was enrolled in, not of a year long past (S17: a
    // return after five years).
    let last_enrolled = o
        .ledger
        .rows
        .iter()
        .rev()
        .find(|r| r.enrolled)
        .map(|r| r.year);
    for w in &o.warnings {
        match w.code {
            Code::EnrolmentRefused => findings.push(Finding::Refused { year: w.year }),
            Code::BindingConditions if w.year.is_none() || w.year == last_enrolled => {
                findings.push(Finding::BindingConditions { year: w.year })
            }
            Code::OfficialBalanceDiffers => {
                findings.push(Finding::OfficialDiffers { year: w.year })
            }
            _ => {}
        }
    }
    // A balance of 0 or less refuses the next enrolment, even when no year
    // after it is listed yet (8.1 §10) — unless the year still runs and
    // credits of pending units can bring it above 0 (RULES.md §7).
    let avoidable = o
        .targets
        .iter()
        .find(|t| t.goal == Goal::BalancePositive && t.reachable);
    let refused = findings
        .iter()
        .any(|f| matches!(f, Finding::Refused { .. }));
    if o.ledger.balance <= 0 && !refused {
        findings.push(match avoidable {
            Some(t) => Finding::RefusalAvoidable {
                year: t.year,
                need_sp: t.need_sp,
            },
            None => Finding::Refused {
                year: o.ledger.rows.last().map(|r| r.year),
            },
        });
    }
    for t in o
        .targets
        .iter()
        .filter(|t| t.goal == Goal::BindingConditions && t.reachable)
    {
        findings.push(Finding::BindingAvoidable {
            year: t.year,
            need_sp: t.need_sp,
        });
    }
    if o.ledger.balance > 0 && o.ledger.balance < LOW_BALANCE {
        findings.push(Finding::BalanceLow {
            balance: o.ledger.balance,
        });
    }
    if !o.errors.is_empty() {
        findings.push(Finding::Errors {
            count: o.errors.len(),
        });
    }
    findings.sort();
    let last_row = o.ledger.rows.iter().rev().find(|r| r.enrolled);
    let last_progress = o.study_progress.last();
    let last_programme = last_row.and_then(|r| {
        case.years
            .iter()
            .find(|y| y.year == r.year)
            .and_then(|y| y.enrolments.last())
            .and_then(|e| o.programme(&e.programme))
    });
    Overview {
        file: String::new(),
        saved: None,
        name: case.student.name.clone(),
        number: case.student.number.clone(),
        year: o.as_of,
        balance: o.ledger.balance,
        ceiling: o
            .ledger
            .rows
            .iter()
            .rev()
            .find(|r| r.provisional)
            .map(|r| o.ledger.balance - r.end + r.end_if_all_pass),
        last_se: last_progress.and_then(|p| p.efficiency),
        tolerance_left: last_programme
            .and_then(|p| p.tolerance.as_ref())
            .map(|t| t.remaining_hundredths()),
        findings: if findings.is_empty() {
            vec![Finding::Nothing]
        } else {
            findings
        },
    }
}

/// The overview of a file that cannot be read or parsed, with why.
pub fn unreadable(file_name: &str, message: &str) -> Overview {
    Overview {
        file: file_name.to_string(),
        saved: None,
        name: file_name.to_string(),
        number: String::new(),
        year: None,
        balance: 0,
        ceiling: None,
        last_se: None,
        tolerance_left: None,
        findings: vec![Finding::Unreadable {
            message: message.to_string(),
        }],
    }
}

/// The default order: the most serious finding first, then the lowest
/// balance, then the name.
pub fn compare(a: &Overview, b: &Overview) -> std::cmp::Ordering {
    (a.finding().rank(), a.balance, &a.name).cmp(&(b.finding().rank(), b.balance, &b.name))
}

/// How many cases have each kind of finding, for the counts above a list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub refused: usize,
    pub refusal_avoidable: usize,
    pub binding: usize,
    pub avoidable: usize,
    pub low: usize,
    pub errors: usize,
    pub unreadable: usize,
}

/// The counts of a list of rows (each case counted once per kind).
pub fn counts<'a>(rows: impl IntoIterator<Item = &'a Overview>) -> Counts {
    let mut c = Counts::default();
    for r in rows {
        let has = |f: fn(&Finding) -> bool| r.findings.iter().any(f);
        c.refused += usize::from(has(|f| matches!(f, Finding::Refused { .. })));
        c.refusal_avoidable += usize::from(has(|f| matches!(f, Finding::RefusalAvoidable { .. })));
        c.binding += usize::from(has(|f| matches!(f, Finding::BindingConditions { .. })));
        c.avoidable += usize::from(has(|f| matches!(f, Finding::BindingAvoidable { .. })));
        c.low += usize::from(has(|f| matches!(f, Finding::BalanceLow { .. })));
        c.errors += usize::from(has(|f| matches!(f, Finding::Errors { .. })));
        c.unreadable += usize::from(has(|f| matches!(f, Finding::Unreadable { .. })));
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::Params;
    use crate::rules::{compute, compute_on, effective_as_of};

    fn demo(name: &str) -> Case {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/cases")
            .join(format!("{name}.ron"));
        crate::casefile::load_case(&path).unwrap()
    }

    #[test]
    fn findings_of_the_scenarios() {
        let p = Params::default();
        let of = |n: &str| {
            let c = demo(n);
            overview(&c, &compute(&c, &p, effective_as_of(&c)))
        };
        assert_eq!(of("S01").finding(), &Finding::Nothing);
        assert_eq!(
            of("S11").finding(),
            &Finding::BindingConditions {
                year: Some(AcademicYear(2017))
            }
        );
        assert!(matches!(of("S19b").finding(), Finding::Refused { .. }));
        assert!(of("V01-grade-21").has_errors());
        // Binding conditions of 2017-2018 say nothing about a return in
        // 2023-2024.
        assert!(
            !of("S17")
                .findings
                .iter()
                .any(|f| matches!(f, Finding::BindingConditions { .. }))
        );
        let s27 = demo("S27");
        let mid = compute_on(&s27, &p, effective_as_of(&s27), "2018-02-10".parse().ok());
        let row = overview(&s27, &mid);
        assert_eq!(
            row.finding(),
            &Finding::BindingAvoidable {
                year: AcademicYear(2017),
                need_sp: 6
            }
        );
        assert_eq!((row.balance, row.ceiling), (134, Some(170)));
    }

    #[test]
    fn the_most_serious_first_then_the_lowest_balance() {
        let row = |f: Finding, balance: i64| Overview {
            file: String::new(),
            saved: None,
            name: format!("{f:?}{balance}"),
            number: String::new(),
            year: None,
            balance,
            ceiling: None,
            last_se: None,
            tolerance_left: None,
            findings: vec![f],
        };
        let mut v = vec![
            row(Finding::Nothing, 10),
            row(Finding::BalanceLow { balance: 50 }, 50),
            row(Finding::BalanceLow { balance: 20 }, 20),
            row(Finding::Refused { year: None }, -3),
            row(
                Finding::Unreadable {
                    message: "x.ron:1:1: kapot".into(),
                },
                0,
            ),
        ];
        v.sort_by(compare);
        let balances: Vec<i64> = v.iter().map(|r| r.balance).collect();
        assert_eq!(balances, vec![0, -3, 20, 50, 10]);
        let c = counts(&v);
        assert_eq!((c.refused, c.low, c.unreadable), (1, 2, 1));
    }
}
