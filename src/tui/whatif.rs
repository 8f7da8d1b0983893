//! Quick what-ifs: one or two keys on the selected item make a scenario.

use crate::model::{AcademicYear, Case, Contract, Date, Enrolment, Mark, UnitWithdrawal};
use crate::params::Params;
use crate::rules::UnitStatus;

use super::form::{Field, Form, FormTarget, Value};

/// A what-if that needs a few values first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WhatIf {
    /// Leave the programme of `years[y].enrolments[e]` on a date.
    WithdrawProgramme { year: usize, enrolment: usize },
    /// Leave one unit on a date.
    WithdrawUnit {
        year: usize,
        enrolment: usize,
        unit: usize,
    },
    /// The unit gets a grade in the second chance.
    SecondChance {
        year: usize,
        enrolment: usize,
        unit: usize,
    },
    /// Change programme on a date (generatiestudent rules apply).
    Switch { year: usize, enrolment: usize },
    /// A new, empty scenario.
    Empty,
}

fn default_date(params: &Params, year: AcademicYear, today: Date) -> Option<Date> {
    let (a, b) = params.year_span(year);
    (a <= today && today <= b).then_some(today)
}

/// The form that asks what the what-if needs.
pub fn form(w: WhatIf, case: &Case, params: &Params, today: Date) -> Form {
    let span = |y: usize| Some(params.year_span(case.years[y].year));
    let date = |y: usize| default_date(params, case.years[y].year, today);
    match w {
        WhatIf::WithdrawProgramme { year, enrolment } => {
            let p = &case.years[year].enrolments[enrolment].programme;
            Form::new(
                format!("Wat als: uitschrijven uit {p}"),
                FormTarget::WhatIf(w),
                vec![Field::date(
                    "Uitschrijven op",
                    date(year),
                    false,
                    span(year),
                    "",
                )],
            )
        }
        WhatIf::WithdrawUnit {
            year,
            enrolment,
            unit,
        } => {
            let u = &case.years[year].enrolments[enrolment].units[unit];
            Form::new(
                format!("Wat als: uitschrijven uit {}", u.code),
                FormTarget::WhatIf(w),
                vec![
                    Field::date("Uitschrijven op", date(year), false, span(year), ""),
                    Field::bool("Schrapping (Art. 11.6)", false),
                ],
            )
        }
        WhatIf::SecondChance {
            year,
            enrolment,
            unit,
        } => {
            let u = &case.years[year].enrolments[enrolment].units[unit];
            Form::new(
                format!("Wat als: {} in de tweede examenkans", u.code),
                FormTarget::WhatIf(w),
                vec![Field::mark("Cijfer 2e kans", None, true, u.pass_fail)],
            )
        }
        WhatIf::Switch { year, enrolment } => {
            let from = &case.years[year].enrolments[enrolment].programme;
            let others: Vec<String> = case
                .programmes
                .iter()
                .filter(|p| &p.id != from)
                .map(|p| format!("{} — {}", p.id, p.name))
                .collect();
            let refs: Vec<&str> = others.iter().map(String::as_str).collect();
            Form::new(
                format!("Wat als: overstappen van {from}"),
                FormTarget::WhatIf(w),
                vec![
                    Field::choice("Naar opleiding", &refs, 0),
                    Field::date("Uitschrijven op", date(year), false, span(year), ""),
                    Field::date(
                        "Inschrijven op",
                        date(year),
                        false,
                        span(year),
                        "telt voor Art. 8.1 §9",
                    ),
                ],
            )
        }
        WhatIf::Empty => Form::new(
            "Nieuw scenario",
            FormTarget::WhatIf(w),
            vec![
                Field::text("Naam", "", true),
                Field::text("Notitie", "", false),
            ],
        ),
    }
}

/// The scenario's name and the case as it would be.
pub fn apply(w: &WhatIf, v: &[Value], case: &Case) -> Result<(String, Case), String> {
    let mut c = case.clone();
    let name = match *w {
        WhatIf::WithdrawProgramme { year, enrolment } => {
            let d = v[0].date().ok_or("geef een datum")?;
            let e = &mut c.years[year].enrolments[enrolment];
            e.withdrawn = Some(d);
            format!("Uitschrijven uit {} op {}", e.programme, d.dutch())
        }
        WhatIf::WithdrawUnit {
            year,
            enrolment,
            unit,
        } => {
            let date = v[0].date().ok_or("geef een datum")?;
            let u = &mut c.years[year].enrolments[enrolment].units[unit];
            if u.has_result() {
                return Err("dit opleidingsonderdeel heeft al een examenresultaat; uitschrijven kan niet meer (Art. 12.1)".into());
            }
            u.withdrawal = Some(UnitWithdrawal {
                date,
                removal: v[1].bool(),
            });
            format!("Uitschrijven uit {} op {}", u.code, date.dutch())
        }
        WhatIf::SecondChance {
            year,
            enrolment,
            unit,
        } => {
            let m: Mark = v[0].mark().ok_or("geef een cijfer")?;
            let u = &mut c.years[year].enrolments[enrolment].units[unit];
            if u.is_composite() {
                return Err("een samengesteld opleidingsonderdeel: vul de delen in via Resultaten in een scenario".into());
            }
            u.second = Some(m);
            format!("{} in september: {m}", u.code)
        }
        WhatIf::Switch { year, enrolment } => {
            let from = c.years[year].enrolments[enrolment].programme.clone();
            let to = c
                .programmes
                .iter()
                .filter(|p| p.id != from)
                .nth(v[0].choice())
                .map(|p| p.id.clone())
                .ok_or("voeg eerst de andere opleiding toe (paneel Student)")?;
            let (left, entered) = (
                v[1].date().ok_or("geef een datum")?,
                v[2].date().ok_or("geef een datum")?,
            );
            if entered < left {
                return Err("de nieuwe inschrijving ligt vóór de uitschrijving".into());
            }
            let y = &mut c.years[year];
            y.enrolments[enrolment].withdrawn = Some(left);
            match y.enrolments.iter_mut().find(|e| e.programme == to) {
                Some(e) => e.enrolled = Some(entered),
                None => y.enrolments.push(Enrolment {
                    programme: to.clone(),
                    contract: Contract::Diploma,
                    enrolled: Some(entered),
                    withdrawn: None,
                    units: Vec::new(),
                }),
            }
            format!("Overstap van {from} naar {to} op {}", entered.dutch())
        }
        WhatIf::Empty => v[0].text(),
    };
    Ok((name, c))
}

/// Tolerating a unit, at once.
pub fn tolerate(case: &Case, year: usize, enrolment: usize, unit: usize) -> (String, Case) {
    let mut c = case.clone();
    let u = &mut c.years[year].enrolments[enrolment].units[unit];
    u.tolerated = !u.tolerated;
    let name = if u.tolerated {
        format!("{} tolereren", u.code)
    } else {
        format!("{} niet tolereren", u.code)
    };
    (name, c)
}

/// Next year in the same programme for the units not passed (no credit, no
/// tolerance, no exemption), results cleared.
pub fn next_year(
    case: &Case,
    outcome: &crate::rules::Outcome,
    year: usize,
    enrolment: usize,
) -> Result<(String, Case), String> {
    let mut c = case.clone();
    let y = &case.years[year];
    let e = &y.enrolments[enrolment];
    let units: Vec<_> = e
        .units
        .iter()
        .filter(|u| {
            outcome
                .unit(y.year, &e.programme, &u.code)
                .is_some_and(|o| {
                    !matches!(
                        o.status,
                        UnitStatus::Credit | UnitStatus::Tolerated | UnitStatus::Exempt
                    )
                })
        })
        .map(|u| {
            let mut n = u.clone();
            n.first = None;
            n.second = None;
            n.tolerated = false;
            n.withdrawal = None;
            n.grensdatum = None;
            for p in &mut n.parts {
                p.first = None;
                p.second = None;
            }
            n
        })
        .collect();
    if units.is_empty() {
        return Err("alle opleidingsonderdelen van deze inschrijving zijn al behaald".into());
    }
    let next = y.year.next();
    let sp: u32 = units.iter().map(|u| u.sp).sum();
    if !c.years.iter().any(|x| x.year == next) {
        c.years.push(crate::model::Year::new(next));
        c.years.sort_by_key(|x| x.year);
    }
    let ny = c
        .years
        .iter_mut()
        .find(|x| x.year == next)
        .expect("just added");
    match ny
        .enrolments
        .iter_mut()
        .find(|x| x.programme == e.programme)
    {
        Some(x) => {
            for u in units {
                if !x.units.iter().any(|k| k.code == u.code) {
                    x.units.push(u);
                }
            }
        }
        None => ny.enrolments.push(Enrolment {
            programme: e.programme.clone(),
            contract: e.contract,
            enrolled: None,
            withdrawn: None,
            units,
        }),
    }
    Ok((format!("{next}: {} opnieuw ({sp} SP)", e.programme), c))
}
