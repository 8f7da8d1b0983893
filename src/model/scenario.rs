//! What-if scenarios: named sets of changes on top of the real history
//! (the baseline). A change names what it changes by stable identities
//! (academic year, programme id, unit code), so a later correction of the
//! baseline flows into every scenario.

use serde::{Deserialize, Serialize};

use super::{
    AcademicYear, Case, Contract, Date, Enrolment, Event, Mark, Programme, Summary, Unit,
    UnitWithdrawal, Year,
};

/// Which exam chance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Chance {
    First,
    Second,
}

/// One change of a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// Adds a programme, or replaces the one with the same id.
    PutProgramme(Programme),
    /// Adds an academic year, or sets its generatiestudent,
    /// binding-conditions and official-balance fields.
    PutYear {
        year: AcademicYear,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        generation_student: Option<bool>,
        #[serde(default)]
        binding_conditions: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        official_balance: Option<i32>,
    },
    /// Removes an academic year.
    RemoveYear(AcademicYear),
    /// Adds an enrolment (with its units), or replaces the enrolment in that
    /// programme and year.
    PutEnrolment {
        year: AcademicYear,
        enrolment: Enrolment,
    },
    /// Sets contract and dates of an enrolment, keeping its units.
    SetEnrolment {
        year: AcademicYear,
        programme: String,
        contract: Contract,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        enrolled: Option<Date>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        withdrawn: Option<Date>,
    },
    /// Removes an enrolment.
    RemoveEnrolment {
        year: AcademicYear,
        programme: String,
    },
    /// Adds a unit, or replaces the one with the same code.
    PutUnit {
        year: AcademicYear,
        programme: String,
        unit: Unit,
    },
    /// Removes a unit.
    RemoveUnit {
        year: AcademicYear,
        programme: String,
        code: String,
    },
    /// Sets (or clears) one exam result of a unit.
    SetResult {
        year: AcademicYear,
        programme: String,
        code: String,
        chance: Chance,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        mark: Option<Mark>,
    },
    /// Tolerates a unit, or not.
    Tolerate {
        year: AcademicYear,
        programme: String,
        code: String,
        tolerated: bool,
    },
    /// Sets (or clears) a unit's own withdrawal.
    WithdrawUnit {
        year: AcademicYear,
        programme: String,
        code: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        withdrawal: Option<UnitWithdrawal>,
    },
    /// Replaces a year's summary lines.
    SetSummaries {
        year: AcademicYear,
        summaries: Vec<Summary>,
    },
    /// Replaces the events (diplomas).
    SetEvents(Vec<Event>),
    /// Sets the year the ledger runs to.
    SetAsOf(Option<AcademicYear>),
}

/// A named what-if.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    /// What the counsellor wants to remember about it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default)]
    pub changes: Vec<Change>,
}

fn year_mut(case: &mut Case, y: AcademicYear) -> Option<&mut Year> {
    case.years.iter_mut().find(|x| x.year == y)
}

fn enrolment_mut<'a>(case: &'a mut Case, y: AcademicYear, p: &str) -> Option<&'a mut Enrolment> {
    year_mut(case, y)?
        .enrolments
        .iter_mut()
        .find(|e| e.programme == p)
}

fn unit_mut<'a>(case: &'a mut Case, y: AcademicYear, p: &str, code: &str) -> Option<&'a mut Unit> {
    enrolment_mut(case, y, p)?
        .units
        .iter_mut()
        .find(|u| u.code == code)
}

impl Change {
    /// Follows a programme's new id (a programme id is a stable identity:
    /// renaming it must reach every change that names it).
    pub fn rename_programme(&mut self, old: &str, new: &str) {
        let rename = |p: &mut String| {
            if p == old {
                *p = new.to_string();
            }
        };
        match self {
            Change::PutProgramme(p) => rename(&mut p.id),
            Change::PutEnrolment { enrolment, .. } => rename(&mut enrolment.programme),
            Change::SetSummaries { summaries, .. } => {
                summaries.iter_mut().for_each(|s| rename(&mut s.programme))
            }
            Change::SetEnrolment { programme, .. }
            | Change::RemoveEnrolment { programme, .. }
            | Change::PutUnit { programme, .. }
            | Change::RemoveUnit { programme, .. }
            | Change::SetResult { programme, .. }
            | Change::Tolerate { programme, .. }
            | Change::WithdrawUnit { programme, .. } => rename(programme),
            Change::PutYear { .. }
            | Change::RemoveYear(_)
            | Change::SetEvents(_)
            | Change::SetAsOf(_) => {}
        }
    }

    /// A short Dutch description.
    pub fn dutch(&self) -> String {
        match self {
            Change::PutProgramme(p) => format!("opleiding {} ({})", p.name, p.id),
            Change::PutYear { year, .. } => format!("academiejaar {year}"),
            Change::RemoveYear(y) => format!("academiejaar {y} weg"),
            Change::PutEnrolment { year, enrolment } => {
                format!("inschrijving {} in {year}", enrolment.programme)
            }
            Change::SetEnrolment {
                year,
                programme,
                withdrawn,
                ..
            } => match withdrawn {
                Some(d) => format!("{programme} in {year}: uitgeschreven op {}", d.dutch()),
                None => format!("{programme} in {year}: contract en data"),
            },
            Change::RemoveEnrolment { year, programme } => {
                format!("inschrijving {programme} in {year} weg")
            }
            Change::PutUnit { year, unit, .. } => format!("{} in {year}", unit.code),
            Change::RemoveUnit { year, code, .. } => format!("{code} in {year} weg"),
            Change::SetResult {
                year,
                code,
                chance,
                mark,
                ..
            } => format!(
                "{code} in {year}: {} kans {}",
                if *chance == Chance::First { "1e" } else { "2e" },
                mark.map(|m| m.to_string()).unwrap_or_else(|| "leeg".into())
            ),
            Change::Tolerate {
                year,
                code,
                tolerated,
                ..
            } => {
                format!(
                    "{code} in {year}: {}",
                    if *tolerated {
                        "getolereerd"
                    } else {
                        "niet getolereerd"
                    }
                )
            }
            Change::WithdrawUnit {
                year,
                code,
                withdrawal,
                ..
            } => match withdrawal {
                Some(w) => format!("{code} in {year}: uitgeschreven op {}", w.date.dutch()),
                None => format!("{code} in {year}: niet uitgeschreven"),
            },
            Change::SetSummaries { year, .. } => format!("samenvatting {year}"),
            Change::SetEvents(_) => "gebeurtenissen (diploma's)".to_string(),
            Change::SetAsOf(y) => format!(
                "stand tot {}",
                y.map(|y| y.to_string()).unwrap_or_else(|| "—".into())
            ),
        }
    }

    /// Applies the change; `false` when what it names is not (any more) in
    /// the case.
    fn apply(&self, case: &mut Case) -> bool {
        match self {
            Change::PutProgramme(p) => {
                match case.programmes.iter_mut().find(|x| x.id == p.id) {
                    Some(x) => *x = p.clone(),
                    None => case.programmes.push(p.clone()),
                }
                true
            }
            Change::PutYear {
                year,
                generation_student,
                binding_conditions,
                official_balance,
            } => {
                if year_mut(case, *year).is_none() {
                    case.years.push(Year::new(*year));
                    case.years.sort_by_key(|y| y.year);
                }
                let y = year_mut(case, *year).expect("just added");
                y.generation_student = *generation_student;
                y.binding_conditions = *binding_conditions;
                y.official_balance = *official_balance;
                true
            }
            Change::RemoveYear(y) => {
                let n = case.years.len();
                case.years.retain(|x| x.year != *y);
                n != case.years.len()
            }
            Change::PutEnrolment { year, enrolment } => {
                let Some(y) = year_mut(case, *year) else {
                    return false;
                };
                match y
                    .enrolments
                    .iter_mut()
                    .find(|e| e.programme == enrolment.programme)
                {
                    Some(e) => *e = enrolment.clone(),
                    None => y.enrolments.push(enrolment.clone()),
                }
                true
            }
            Change::SetEnrolment {
                year,
                programme,
                contract,
                enrolled,
                withdrawn,
            } => match enrolment_mut(case, *year, programme) {
                Some(e) => {
                    e.contract = *contract;
                    e.enrolled = *enrolled;
                    e.withdrawn = *withdrawn;
                    true
                }
                None => false,
            },
            Change::RemoveEnrolment { year, programme } => {
                let Some(y) = year_mut(case, *year) else {
                    return false;
                };
                let n = y.enrolments.len();
                y.enrolments.retain(|e| &e.programme != programme);
                n != y.enrolments.len()
            }
            Change::PutUnit {
                year,
                programme,
                unit,
            } => match enrolment_mut(case, *year, programme) {
                Some(e) => {
                    match e.units.iter_mut().find(|u| u.code == unit.code) {
                        Some(u) => *u = unit.clone(),
                        None => e.units.push(unit.clone()),
                    }
                    true
                }
                None => false,
            },
            Change::RemoveUnit {
                year,
                programme,
                code,
            } => match enrolment_mut(case, *year, programme) {
                Some(e) => {
                    let n = e.units.len();
                    e.units.retain(|u| &u.code != code);
                    n != e.units.len()
                }
                None => false,
            },
            Change::SetResult {
                year,
                programme,
                code,
                chance,
                mark,
            } => match unit_mut(case, *year, programme, code) {
                Some(u) => {
                    match chance {
                        Chance::First => u.first = *mark,
                        Chance::Second => u.second = *mark,
                    }
                    true
                }
                None => false,
            },
            Change::Tolerate {
                year,
                programme,
                code,
                tolerated,
            } => match unit_mut(case, *year, programme, code) {
                Some(u) => {
                    u.tolerated = *tolerated;
                    true
                }
                None => false,
            },
            Change::WithdrawUnit {
                year,
                programme,
                code,
                withdrawal,
            } => match unit_mut(case, *year, programme, code) {
                Some(u) => {
                    u.withdrawal = withdrawal.clone();
                    true
                }
                None => false,
            },
            Change::SetSummaries { year, summaries } => match year_mut(case, *year) {
                Some(y) => {
                    y.summaries = summaries.clone();
                    true
                }
                None => false,
            },
            Change::SetEvents(events) => {
                case.events = events.clone();
                true
            }
            Change::SetAsOf(y) => {
                case.as_of = *y;
                true
            }
        }
    }
}

/// The case as the scenario sees it, and the changes that no longer apply
/// (what they name has gone from the baseline).
pub fn apply(baseline: &Case, scenario: &Scenario) -> (Case, Vec<String>) {
    let mut case = baseline.clone();
    case.scenarios.clear();
    let mut stale = Vec::new();
    for c in &scenario.changes {
        if !c.apply(&mut case) {
            stale.push(c.dutch());
        }
    }
    (case, stale)
}

/// The fields of a unit a result-level change covers.
fn same_but_results(a: &Unit, b: &Unit) -> bool {
    let mut x = a.clone();
    x.first = b.first;
    x.second = b.second;
    x.tolerated = b.tolerated;
    x.withdrawal = b.withdrawal.clone();
    x == *b
}

fn diff_units(
    year: AcademicYear,
    programme: &str,
    base: &Enrolment,
    edited: &Enrolment,
    out: &mut Vec<Change>,
) {
    for u in &base.units {
        if !edited.units.iter().any(|x| x.code == u.code) {
            out.push(Change::RemoveUnit {
                year,
                programme: programme.to_string(),
                code: u.code.clone(),
            });
        }
    }
    for u in &edited.units {
        let p = programme.to_string();
        match base.units.iter().find(|x| x.code == u.code) {
            None => out.push(Change::PutUnit {
                year,
                programme: p,
                unit: u.clone(),
            }),
            Some(b) if b == u => {}
            Some(b) if same_but_results(b, u) => {
                for (chance, old, new) in [
                    (Chance::First, b.first, u.first),
                    (Chance::Second, b.second, u.second),
                ] {
                    if old != new {
                        out.push(Change::SetResult {
                            year,
                            programme: p.clone(),
                            code: u.code.clone(),
                            chance,
                            mark: new,
                        });
                    }
                }
                if b.tolerated != u.tolerated {
                    out.push(Change::Tolerate {
                        year,
                        programme: p.clone(),
                        code: u.code.clone(),
                        tolerated: u.tolerated,
                    });
                }
                if b.withdrawal != u.withdrawal {
                    out.push(Change::WithdrawUnit {
                        year,
                        programme: p,
                        code: u.code.clone(),
                        withdrawal: u.withdrawal.clone(),
                    });
                }
            }
            Some(_) => out.push(Change::PutUnit {
                year,
                programme: p,
                unit: u.clone(),
            }),
        }
    }
}

/// The changes that turn `baseline` into `edited` (its student, opening and
/// scenarios aside): `apply(baseline, diff)` gives `edited` back. Unit
/// results, tolerances and withdrawals become changes of their own, so that
/// a later correction of another field in the baseline still flows in.
pub fn diff(baseline: &Case, edited: &Case) -> Vec<Change> {
    let mut out = Vec::new();
    for p in &edited.programmes {
        if baseline.programme(&p.id) != Some(p) {
            out.push(Change::PutProgramme(p.clone()));
        }
    }
    for y in &baseline.years {
        if !edited.years.iter().any(|x| x.year == y.year) {
            out.push(Change::RemoveYear(y.year));
        }
    }
    for y in &edited.years {
        let base = baseline.years.iter().find(|x| x.year == y.year);
        let flags_differ = base.is_none_or(|b| {
            (
                b.generation_student,
                b.binding_conditions,
                b.official_balance,
            ) != (
                y.generation_student,
                y.binding_conditions,
                y.official_balance,
            )
        });
        if flags_differ {
            out.push(Change::PutYear {
                year: y.year,
                generation_student: y.generation_student,
                binding_conditions: y.binding_conditions,
                official_balance: y.official_balance,
            });
        }
        let empty = Year::new(y.year);
        let base = base.unwrap_or(&empty);
        for e in &base.enrolments {
            if !y.enrolments.iter().any(|x| x.programme == e.programme) {
                out.push(Change::RemoveEnrolment {
                    year: y.year,
                    programme: e.programme.clone(),
                });
            }
        }
        for e in &y.enrolments {
            match base.enrolments.iter().find(|x| x.programme == e.programme) {
                None => out.push(Change::PutEnrolment {
                    year: y.year,
                    enrolment: e.clone(),
                }),
                Some(b) => {
                    if (b.contract, b.enrolled, b.withdrawn)
                        != (e.contract, e.enrolled, e.withdrawn)
                    {
                        out.push(Change::SetEnrolment {
                            year: y.year,
                            programme: e.programme.clone(),
                            contract: e.contract,
                            enrolled: e.enrolled,
                            withdrawn: e.withdrawn,
                        });
                    }
                    // Units kept in their order, new ones appended: a unit-level diff
                    // suffices; any other order needs the whole enrolment.
                    let expected = b
                        .units
                        .iter()
                        .filter(|u| e.units.iter().any(|x| x.code == u.code))
                        .chain(
                            e.units
                                .iter()
                                .filter(|u| !b.units.iter().any(|x| x.code == u.code)),
                        )
                        .map(|u| &u.code);
                    let order_same = e.units.iter().map(|u| &u.code).eq(expected);
                    if order_same {
                        diff_units(y.year, &e.programme, b, e, &mut out);
                    } else {
                        out.push(Change::PutEnrolment {
                            year: y.year,
                            enrolment: e.clone(),
                        });
                    }
                }
            }
        }
        // Enrolment order as edited.
        let base_order: Vec<&str> = base
            .enrolments
            .iter()
            .filter(|b| y.enrolments.iter().any(|e| e.programme == b.programme))
            .map(|b| b.programme.as_str())
            .chain(
                y.enrolments
                    .iter()
                    .filter(|e| !base.enrolments.iter().any(|b| b.programme == e.programme))
                    .map(|e| e.programme.as_str()),
            )
            .collect();
        let edited_order: Vec<&str> = y.enrolments.iter().map(|e| e.programme.as_str()).collect();
        if base_order != edited_order {
            for e in &y.enrolments {
                out.push(Change::RemoveEnrolment {
                    year: y.year,
                    programme: e.programme.clone(),
                });
            }
            for e in &y.enrolments {
                out.push(Change::PutEnrolment {
                    year: y.year,
                    enrolment: e.clone(),
                });
            }
        }
        if base.summaries != y.summaries {
            out.push(Change::SetSummaries {
                year: y.year,
                summaries: y.summaries.clone(),
            });
        }
    }
    if baseline.events != edited.events {
        out.push(Change::SetEvents(edited.events.clone()));
    }
    if baseline.as_of != edited.as_of {
        out.push(Change::SetAsOf(edited.as_of));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ProgrammeKind;

    fn base() -> Case {
        let mut c = Case::new("Basis");
        c.programmes
            .push(Programme::new("CH", "Chemie", ProgrammeKind::Bachelor, 180));
        let mut y = Year::new(AcademicYear(2017));
        let mut u = Unit::new("CH-AC1", "Analytische chemie", 6);
        u.first = Some(Mark::whole(7));
        y.enrolments.push(Enrolment {
            programme: "CH".into(),
            contract: Contract::Diploma,
            enrolled: None,
            withdrawn: None,
            units: vec![u],
        });
        c.years.push(y);
        c
    }

    #[test]
    fn a_result_change_is_recorded_alone_and_survives_a_baseline_correction() {
        let b = base();
        let mut edited = b.clone();
        edited.years[0].enrolments[0].units[0].second = Some(Mark::whole(12));
        let changes = diff(&b, &edited);
        assert_eq!(
            changes,
            vec![Change::SetResult {
                year: AcademicYear(2017),
                programme: "CH".into(),
                code: "CH-AC1".into(),
                chance: Chance::Second,
                mark: Some(Mark::whole(12)),
            }]
        );
        // The counsellor corrects the baseline: the unit's name and SP.
        let mut corrected = b.clone();
        corrected.years[0].enrolments[0].units[0].name = "Analytische chemie 1".into();
        corrected.years[0].enrolments[0].units[0].sp = 5;
        let s = Scenario {
            name: "September".into(),
            note: String::new(),
            changes,
        };
        let (view, stale) = apply(&corrected, &s);
        assert!(stale.is_empty());
        let u = &view.years[0].enrolments[0].units[0];
        assert_eq!(
            (u.name.as_str(), u.sp, u.second),
            ("Analytische chemie 1", 5, Some(Mark::whole(12)))
        );
    }

    #[test]
    fn a_change_whose_unit_is_gone_is_reported() {
        let b = base();
        let s = Scenario {
            name: "x".into(),
            note: String::new(),
            changes: vec![Change::Tolerate {
                year: AcademicYear(2017),
                programme: "CH".into(),
                code: "CH-WEG".into(),
                tolerated: true,
            }],
        };
        let (_, stale) = apply(&b, &s);
        assert_eq!(stale, vec!["CH-WEG in 2017-2018: getolereerd".to_string()]);
    }
}
