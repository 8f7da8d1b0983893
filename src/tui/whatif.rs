//! Quick what-ifs: one or two keys on the selected item make a scenario.

use crate::dutch::listing;
use crate::model::{
    AcademicYear, Case, Contract, Date, Enrolment, Mark, Programme, ProgrammeKind, UnitWithdrawal,
};
use crate::params::Params;
use crate::rules::{Outcome, UnitStatus};

use super::form::{Field, Form, FormTarget, Key, Values};

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

/// The last choice of the switch form: a programme of the scenario's own.
const NEW_PROGRAMME: &str = "nieuwe opleiding";

/// The programmes a switch from `from` can go to.
fn switch_targets<'a>(case: &'a Case, from: &str) -> Vec<&'a Programme> {
    case.programmes.iter().filter(|p| p.id != from).collect()
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
                    Key::Date,
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
                    Field::date(
                        Key::Date,
                        "Uitschrijven op",
                        date(year),
                        false,
                        span(year),
                        "",
                    ),
                    Field::bool(Key::Removal, "Schrapping (Art. 11.6)", false),
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
                vec![Field::mark(
                    Key::Mark,
                    "Cijfer 2e kans",
                    None,
                    true,
                    u.pass_fail,
                )],
            )
        }
        WhatIf::Switch { year, enrolment } => {
            let from = &case.years[year].enrolments[enrolment].programme;
            let mut options: Vec<String> = switch_targets(case, from)
                .iter()
                .map(|p| format!("{} — {}", p.id, p.name))
                .collect();
            options.push(NEW_PROGRAMME.to_string());
            let refs: Vec<&str> = options.iter().map(String::as_str).collect();
            let kinds: Vec<&str> = ProgrammeKind::ALL.iter().map(|k| k.dutch()).collect();
            // Leaving when the enrolment already ends, or today; entering
            // the same day.
            let left = case.years[year].enrolments[enrolment]
                .withdrawn
                .or(date(year));
            let new_only = "bij nieuwe opleiding";
            Form::new(
                format!("Wat als: overstappen van {from}"),
                FormTarget::WhatIf(w),
                vec![
                    Field::choice(Key::Programme, "Naar opleiding", &refs, 0),
                    Field::text(Key::NewCode, "Code nieuwe opleiding", "", false)
                        .with_hint(new_only),
                    Field::text(Key::NewName, "Naam nieuwe opleiding", "", false)
                        .with_hint(new_only),
                    Field::choice(Key::Kind, "Soort", &kinds, 0),
                    Field::int(Key::Size, "Studieomvang", Some(180), (1, 600), false, "SP"),
                    Field::date(
                        Key::Withdrawn,
                        "Uitschrijven op",
                        left,
                        false,
                        span(year),
                        "",
                    ),
                    Field::date(
                        Key::Entered,
                        "Inschrijven op",
                        left,
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
                Field::text(Key::Name, "Naam", "", true),
                Field::text(Key::Note, "Notitie", "", false),
            ],
        ),
    }
}

/// The scenario's name and the case as it would be.
pub fn apply(w: &WhatIf, v: &Values, case: &Case) -> Result<(String, Case), String> {
    let mut c = case.clone();
    let name = match *w {
        WhatIf::WithdrawProgramme { year, enrolment } => {
            let d = v.date(Key::Date).ok_or("geef een datum")?;
            let e = &mut c.years[year].enrolments[enrolment];
            e.withdrawn = Some(d);
            format!("Uitschrijven uit {} op {}", e.programme, d.dutch())
        }
        WhatIf::WithdrawUnit {
            year,
            enrolment,
            unit,
        } => {
            let date = v.date(Key::Date).ok_or("geef een datum")?;
            let u = &mut c.years[year].enrolments[enrolment].units[unit];
            if u.has_result() {
                return Err("dit opleidingsonderdeel heeft al een examenresultaat; uitschrijven kan niet meer (Art. 12.1)".into());
            }
            u.withdrawal = Some(UnitWithdrawal {
                date,
                removal: v.bool(Key::Removal),
            });
            format!("Uitschrijven uit {} op {}", u.code, date.dutch())
        }
        WhatIf::SecondChance {
            year,
            enrolment,
            unit,
        } => {
            let m: Mark = v.mark(Key::Mark).ok_or("geef een cijfer")?;
            let u = &mut c.years[year].enrolments[enrolment].units[unit];
            if u.is_composite() {
                return Err("een samengesteld opleidingsonderdeel: vul de delen in via Resultaten in een scenario".into());
            }
            u.second = Some(m);
            format!("{} in september: {m}", u.code)
        }
        WhatIf::Switch { year, enrolment } => {
            let from = c.years[year].enrolments[enrolment].programme.clone();
            let targets: Vec<String> = switch_targets(&c, &from)
                .iter()
                .map(|p| p.id.clone())
                .collect();
            let to = match targets.get(v.choice(Key::Programme)) {
                Some(id) => id.clone(),
                None => {
                    // A programme of the scenario's own.
                    let (id, name) = (v.text(Key::NewCode), v.text(Key::NewName));
                    if id.is_empty() || name.is_empty() {
                        return Err("geef de code en de naam van de nieuwe opleiding".into());
                    }
                    if c.programme(&id).is_some() {
                        return Err(format!(
                            "er is al een opleiding met code {id}; kies ze bovenaan"
                        ));
                    }
                    let size = v
                        .int(Key::Size)
                        .and_then(|n| u32::try_from(n).ok())
                        .unwrap_or(180);
                    c.programmes.push(Programme::new(
                        &id,
                        &name,
                        ProgrammeKind::ALL[v.choice(Key::Kind)],
                        size,
                    ));
                    id
                }
            };
            let (left, entered) = (
                v.date(Key::Withdrawn).ok_or("geef een datum")?,
                v.date(Key::Entered).ok_or("geef een datum")?,
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
        WhatIf::Empty => v.text(Key::Name),
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
/// tolerance, no exemption), results cleared. Units still waiting for
/// their result in the year in progress are left alone (RULES.md §7): they
/// may still pass.
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
                        UnitStatus::Credit
                            | UnitStatus::Tolerated
                            | UnitStatus::Exempt
                            | UnitStatus::Pending
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
        let pending = e.units.iter().any(|u| {
            outcome
                .unit(y.year, &e.programme, &u.code)
                .is_some_and(|o| o.status == UnitStatus::Pending)
        });
        return Err(if pending {
            "de opleidingsonderdelen zonder credit hebben nog geen eindresultaat: het jaar loopt nog, ze kunnen nog slagen".into()
        } else {
            "alle opleidingsonderdelen van deze inschrijving zijn al behaald".into()
        });
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

/// A short listing of unit codes: all of them up to three, else the first
/// two and how many more (`CH-1, CH-2 en 3 andere`).
fn few(codes: &[String]) -> String {
    if codes.len() <= 3 {
        listing(codes)
    } else {
        format!("{}, {} en {} andere", codes[0], codes[1], codes.len() - 2)
    }
}

/// `is` or `zijn` after a listing of `n` items.
fn is_or_are(n: usize) -> &'static str {
    if n == 1 { "is" } else { "zijn" }
}

/// Why the units of an enrolment kept their figures after a withdrawal on
/// `date`: examined ones keep their result, late ones their SP.
fn withdrawal_reasons(
    case: &Case,
    outcome: &Outcome,
    year: usize,
    enrolment: usize,
    date: Date,
) -> Vec<String> {
    let y = &case.years[year];
    let e = &y.enrolments[enrolment];
    if e.contract == Contract::Exam {
        return vec!["onder examencontract wordt geen leerkrediet ingezet (Art. 8.1 §1)".into()];
    }
    let mut examined = Vec::new();
    let mut late = Vec::new();
    let mut in_time = Vec::new();
    for u in &e.units {
        match outcome
            .unit(y.year, &e.programme, &u.code)
            .map(|o| o.status)
        {
            Some(UnitStatus::Credit | UnitStatus::Failed | UnitStatus::Tolerated) => {
                examined.push(u.code.clone())
            }
            Some(UnitStatus::Withdrawn {
                refunded: false, ..
            }) => late.push(u.code.clone()),
            Some(UnitStatus::Withdrawn { refunded: true, .. }) => in_time.push(u.code.clone()),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if !examined.is_empty() {
        out.push(format!(
            "{} {} al geëxamineerd: uitschrijven verandert {} resultaat niet",
            few(&examined),
            is_or_are(examined.len()),
            if examined.len() == 1 { "het" } else { "hun" }
        ));
    }
    if !late.is_empty() {
        out.push(format!(
            "voor {} is {} na de grensdatum (geen leerkrediet terug, Art. 8.1 §6)",
            few(&late),
            date.dutch()
        ));
    }
    if !in_time.is_empty() {
        out.push(format!(
            "{} {} het terug, zoals nu",
            few(&in_time),
            if in_time.len() == 1 {
                "krijgt"
            } else {
                "krijgen"
            }
        ));
    }
    out
}

/// The year, enrolment and unit at these positions of a case.
fn unit_of(
    case: &Case,
    year: usize,
    enrolment: usize,
    unit: usize,
) -> (AcademicYear, &Enrolment, &crate::model::Unit) {
    let y = &case.years[year];
    let e = &y.enrolments[enrolment];
    (y.year, e, &e.units[unit])
}

/// Why a quick what-if changes no figure, in Dutch, for the status line:
/// `w` is the what-if (`None` for the ones without a form), `before` the
/// case it started from, `after` the scenario's case and outcome.
pub fn why_no_effect(
    w: Option<&WhatIf>,
    before: &Outcome,
    after: &Case,
    outcome: &Outcome,
) -> String {
    let reasons = match w {
        Some(WhatIf::WithdrawProgramme { year, enrolment }) => {
            match after.years[*year].enrolments[*enrolment].withdrawn {
                Some(d) => withdrawal_reasons(after, outcome, *year, *enrolment, d),
                None => Vec::new(),
            }
        }
        Some(WhatIf::WithdrawUnit {
            year,
            enrolment,
            unit,
        }) => {
            let (y, e, u) = unit_of(after, *year, *enrolment, *unit);
            let status = outcome.unit(y, &e.programme, &u.code).map(|o| o.status);
            match (e.contract, status, &u.withdrawal) {
                (Contract::Credit, ..) => vec![
                    "onder creditcontract verandert een uitschrijving de opgenomen studiepunten niet (Art. 8.1 §7)"
                        .into(),
                ],
                (_, Some(UnitStatus::Withdrawn { refunded: false, .. }), Some(wd)) => vec![format!(
                    "{} ligt na de grensdatum van {}: het leerkrediet komt niet terug (Art. 8.1 §6)",
                    wd.date.dutch(),
                    u.code
                )],
                _ => Vec::new(),
            }
        }
        Some(WhatIf::SecondChance {
            year,
            enrolment,
            unit,
        }) => {
            let (y, e, u) = unit_of(after, *year, *enrolment, *unit);
            let code = &u.code;
            let was = before.unit(y, &e.programme, code);
            match outcome.unit(y, &e.programme, code) {
                Some(now) => {
                    let mark = now
                        .final_mark
                        .map(|m| m.to_string())
                        .unwrap_or_else(|| "—".into());
                    if now.status == UnitStatus::Credit
                        && was.is_some_and(|w| w.status == UnitStatus::Credit)
                    {
                        vec![format!(
                            "{code} krijgt {mark} en blijft een credit: dezelfde studiepunten"
                        )]
                    } else if was.is_some_and(|w| w.final_mark == now.final_mark) {
                        vec![format!(
                            "{code} blijft {} met {mark}: het beste resultaat van beide kansen telt",
                            now.status.dutch()
                        )]
                    } else {
                        vec![format!(
                            "{code} krijgt {mark} maar blijft {}",
                            now.status.dutch()
                        )]
                    }
                }
                None => Vec::new(),
            }
        }
        Some(WhatIf::Switch { year, enrolment }) => {
            let y = after.years[*year].year;
            let mut out: Vec<String> = match outcome.switches.iter().find(|s| s.year == y) {
                Some(s) if !s.generation_student => vec![format!(
                    "in {y} geen generatiestudent: een overstap geeft niets extra terug (Art. 8.1 §9)"
                )],
                Some(s) if s.refund == 0 => vec![format!(
                    "de nieuwe inschrijving op {} valt na 15 maart: er komt niets terug (Art. 8.1 §9)",
                    s.enrolled.dutch()
                )],
                _ => Vec::new(),
            };
            if out.is_empty()
                && let Some(d) = after.years[*year].enrolments[*enrolment].withdrawn
            {
                out = withdrawal_reasons(after, outcome, *year, *enrolment, d);
            }
            out
        }
        Some(WhatIf::Empty) | None => Vec::new(),
    };
    if reasons.is_empty() {
        "geen enkel cijfer verandert".to_string()
    } else {
        reasons.join("; ")
    }
}
