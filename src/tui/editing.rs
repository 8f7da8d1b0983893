//! Forms built from the case, and applying a submitted form to the case.

use crate::model::{
    AcademicYear, Case, Contract, Enrolment, Event, Opening, Part, Period, PeriodSystem, Programme,
    ProgrammeKind, RebuildKind, RebuildUse, Unit, UnitKind, UnitWithdrawal, Year,
};
use crate::params::Params;

use super::form::{Field, Form, FormTarget, Value};

const KINDS: [UnitKind; 3] = [UnitKind::Regular, UnitKind::Bachelorproef, UnitKind::Stage];
const SYSTEMS: [PeriodSystem; 4] = [
    PeriodSystem::Year,
    PeriodSystem::Semester,
    PeriodSystem::ModulesWT,
    PeriodSystem::ModulesMC,
];

fn names<T: Copy>(all: &[T], f: impl Fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|x| f(*x)).collect()
}

fn index_of<T: PartialEq>(all: &[T], v: &T) -> usize {
    all.iter().position(|x| x == v).unwrap_or(0)
}

fn programme_label(p: &Programme) -> String {
    format!("{} — {}", p.id, p.name)
}

/// The form for a target, filled from the case.
pub fn build(
    target: FormTarget,
    doc: &super::app::Document,
    params: &Params,
    today: crate::model::Date,
) -> Form {
    let case = &doc.case;
    match target {
        FormTarget::Unit {
            year,
            enrolment,
            unit,
        } => {
            let y = &case.years[year];
            let e = &y.enrolments[enrolment];
            let programme = case.programme(&e.programme);
            let blank = Unit::new("", "", 6);
            let u = unit.map(|i| &e.units[i]).unwrap_or(&blank);
            let calendar = programme
                .and_then(|p| params.calendar_grensdatum(y.year, p, u.period))
                .map(|d| format!("leeg = kalender ({})", d.dutch()))
                .unwrap_or_else(|| {
                    format!("geen kalender voor {}: verplicht bij uitschrijving", y.year)
                });
            let fields = vec![
                Field::text("Code", &u.code, true),
                Field::text("Naam", &u.name, true),
                Field::int(
                    "Studiepunten",
                    unit.map(|_| i64::from(u.sp)).or(Some(6)),
                    3,
                    60,
                    false,
                    "geheel, minstens 3",
                ),
                Field::choice(
                    "Onderwijsperiode",
                    &names(&Period::ALL, Period::dutch),
                    index_of(&Period::ALL, &u.period),
                ),
                Field::date(
                    "Grensdatum",
                    u.grensdatum,
                    true,
                    Some(params.year_span(y.year)),
                    &calendar,
                ),
                Field::choice(
                    "Soort",
                    &names(&KINDS, UnitKind::dutch),
                    index_of(&KINDS, &u.kind),
                ),
                Field::bool("Geslaagd/niet geslaagd", u.pass_fail),
                Field::bool("Vrijgesteld", u.exempt),
            ];
            let title = if unit.is_some() {
                "Opleidingsonderdeel wijzigen"
            } else {
                "Opleidingsonderdeel toevoegen"
            };
            Form::new(title, target, fields)
        }
        FormTarget::Results {
            year,
            enrolment,
            unit,
        } => {
            let u = &case.years[year].enrolments[enrolment].units[unit];
            let mut fields = Vec::new();
            if u.is_composite() {
                for (i, p) in u.parts.iter().enumerate() {
                    let n = i + 1;
                    fields.push(Field::text(
                        &format!("Deel {n}: naam (leeg = weg)"),
                        &p.name,
                        false,
                    ));
                    fields.push(Field::int(
                        &format!("Deel {n}: gewicht"),
                        Some(i64::from(p.weight)),
                        1,
                        100,
                        false,
                        "",
                    ));
                    fields.push(Field::mark(
                        &format!("Deel {n}: 1e kans"),
                        p.first,
                        false,
                        false,
                    ));
                    fields.push(Field::mark(
                        &format!("Deel {n}: 2e kans"),
                        p.second,
                        false,
                        false,
                    ));
                }
            } else {
                fields.push(Field::mark("1e examenkans", u.first, true, u.pass_fail));
                fields.push(Field::mark("2e examenkans", u.second, true, u.pass_fail));
            }
            fields.push(Field::bool("Getolereerd", u.tolerated));
            Form::new(format!("Resultaten {} {}", u.code, u.name), target, fields)
        }
        FormTarget::AddPart {
            year,
            enrolment,
            unit,
        } => {
            let u = &case.years[year].enrolments[enrolment].units[unit];
            let fields = vec![
                Field::text("Naam van het deel", "", true),
                Field::int("Gewicht", Some(1), 1, 100, false, ""),
                Field::mark("1e kans", None, false, false),
                Field::mark("2e kans", None, false, false),
            ];
            Form::new(format!("Deel toevoegen aan {}", u.code), target, fields)
        }
        FormTarget::Enrolment { year, enrolment } => {
            let y = &case.years[year];
            let e = enrolment.map(|i| &y.enrolments[i]);
            let labels: Vec<String> = case.programmes.iter().map(programme_label).collect();
            let label_refs: Vec<&str> = labels.iter().map(String::as_str).collect();
            let selected = e
                .and_then(|e| case.programmes.iter().position(|p| p.id == e.programme))
                .unwrap_or(0);
            let span = Some(params.year_span(y.year));
            let fields = vec![
                Field::choice("Opleiding", &label_refs, selected),
                Field::choice(
                    "Contract",
                    &names(&Contract::ALL, Contract::dutch),
                    index_of(&Contract::ALL, &e.map(|e| e.contract).unwrap_or_default()),
                ),
                Field::date(
                    "Ingeschreven op",
                    e.and_then(|e| e.enrolled),
                    true,
                    span,
                    "leeg = begin van het jaar",
                ),
                Field::date(
                    "Uitgeschreven op",
                    e.and_then(|e| e.withdrawn),
                    true,
                    span,
                    "leeg = niet uitgeschreven",
                ),
            ];
            let title = format!("Inschrijving {}", y.year);
            Form::new(title, target, fields)
        }
        FormTarget::Summary { year, summary } => {
            let y = &case.years[year];
            let s = summary.map(|i| &y.summaries[i]);
            let labels: Vec<String> = case.programmes.iter().map(programme_label).collect();
            let label_refs: Vec<&str> = labels.iter().map(String::as_str).collect();
            let selected = s
                .and_then(|s| case.programmes.iter().position(|p| p.id == s.programme))
                .unwrap_or(0);
            let n = |v: Option<u32>| v.map(i64::from).or(Some(0));
            let fields = vec![
                Field::choice("Opleiding", &label_refs, selected),
                Field::choice(
                    "Contract",
                    &names(&Contract::ALL, Contract::dutch),
                    index_of(&Contract::ALL, &s.map(|s| s.contract).unwrap_or_default()),
                ),
                Field::int(
                    "Opgenomen SP",
                    n(s.map(|s| s.taken)),
                    0,
                    600,
                    false,
                    "na teruggaven",
                ),
                Field::int(
                    "Verworven SP",
                    n(s.map(|s| s.acquired)),
                    0,
                    600,
                    false,
                    "credits",
                ),
                Field::int(
                    "Vrijgesteld SP",
                    n(s.map(|s| s.exempted)),
                    0,
                    600,
                    false,
                    "",
                ),
                Field::int(
                    "Getolereerd SP",
                    n(s.map(|s| s.tolerated)),
                    0,
                    600,
                    false,
                    "",
                ),
            ];
            Form::new(
                format!("Samenvatting {} (bewegingen)", y.year),
                target,
                fields,
            )
        }
        FormTarget::UnitWithdrawal {
            year,
            enrolment,
            unit,
        } => {
            let y = &case.years[year];
            let u = &y.enrolments[enrolment].units[unit];
            let w = u.withdrawal.as_ref();
            let fields = vec![
                Field::date(
                    "Uitgeschreven op",
                    w.map(|w| w.date),
                    true,
                    Some(params.year_span(y.year)),
                    "leeg = niet uitgeschreven",
                ),
                Field::bool("Schrapping (Art. 11.6)", w.is_some_and(|w| w.removal)),
            ];
            Form::new(
                format!("Uitschrijving {} {}", u.code, u.name),
                target,
                fields,
            )
        }
        FormTarget::Year { year } => {
            let y = year.map(|i| &case.years[i]);
            let next = case
                .last_year()
                .map(AcademicYear::next)
                .unwrap_or(AcademicYear(2017));
            let generation = match y.and_then(|y| y.generation_student) {
                None => 0,
                Some(true) => 1,
                Some(false) => 2,
            };
            let fields = vec![
                Field::year(
                    "Academiejaar",
                    Some(y.map(|y| y.year).unwrap_or(next)),
                    false,
                ),
                Field::choice("Generatiestudent", &["afleiden", "ja", "nee"], generation),
                Field::bool(
                    "Bindende voorwaarden opgelegd",
                    y.is_some_and(|y| y.binding_conditions),
                ),
                Field::int(
                    "Officieel saldo na dit jaar",
                    y.and_then(|y| y.official_balance).map(i64::from),
                    -1000,
                    1000,
                    true,
                    "Mijn Burgerprofiel; leeg = niet genoteerd",
                ),
            ];
            Form::new(
                if year.is_some() {
                    "Academiejaar wijzigen"
                } else {
                    "Academiejaar toevoegen"
                },
                target,
                fields,
            )
        }
        FormTarget::Student => {
            let s = &case.student;
            let fields = vec![
                Field::text("Naam", &s.name, true),
                Field::text("Studentennummer", &s.number, false),
                Field::text("Notities", &s.notes, false),
                Field::year("Stand tot en met", case.as_of, true),
            ];
            Form::new("Student", target, fields)
        }
        FormTarget::Opening => {
            let o = case.opening.as_ref();
            let fields = vec![
                Field::bool("Beginsaldo gebruiken", o.is_some()),
                Field::year(
                    "Bij de start van",
                    o.map(|o| o.year)
                        .or(case.years.iter().map(|y| y.year).min()),
                    true,
                ),
                Field::int(
                    "Saldo (Mijn Burgerprofiel)",
                    o.map(|o| i64::from(o.balance)),
                    -1000,
                    1000,
                    true,
                    "",
                ),
                Field::int(
                    "Bonus al toegekend",
                    o.map(|o| i64::from(o.bonus_granted)).or(Some(0)),
                    0,
                    60,
                    false,
                    "0–60 SP",
                ),
                rebuild_field(o, RebuildKind::Master, "Heropbouw na master (§11)"),
                rebuild_field(
                    o,
                    RebuildKind::LeftHigherEducation,
                    "Heropbouw na verlaten (§12)",
                ),
                rebuild_field(o, RebuildKind::Hbo5, "HBO5-aanvulling (§13)"),
            ];
            Form::new("Beginsaldo", target, fields)
        }
        FormTarget::EarlierProgress { programme } => {
            let p = &case.programmes[programme];
            let e = case
                .opening
                .as_ref()
                .and_then(|o| o.progress.iter().find(|x| x.programme == p.id));
            let n = |f: fn(&crate::model::EarlierProgress) -> u32| {
                e.map(|e| i64::from(f(e))).or(Some(0))
            };
            let fields = vec![
                Field::int(
                    "Opgenomen SP",
                    n(|e| e.taken),
                    0,
                    2000,
                    false,
                    "zonder vrijstellingen, na tijdige uitschrijvingen",
                ),
                Field::int("Verworven SP", n(|e| e.acquired), 0, 2000, false, "credits"),
                Field::int("Vrijgesteld SP", n(|e| e.exempted), 0, 2000, false, ""),
                Field::int("Getolereerd SP", n(|e| e.tolerated), 0, 2000, false, ""),
            ];
            Form::new(format!("Eerdere voortgang in {}", p.name), target, fields)
        }
        FormTarget::Event { index } => {
            let e = index.map(|i| &case.events[i]);
            let (kind, year) = match e {
                Some(Event::MasterDiploma(y)) => (0, Some(*y)),
                Some(Event::Hbo5Diploma(y)) => (1, Some(*y)),
                None => (0, case.last_year()),
            };
            let fields = vec![
                Field::choice(
                    "Gebeurtenis",
                    &[
                        "masterdiploma (Art. 8.1 §11)",
                        "HBO5-diploma (Art. 8.1 §13)",
                    ],
                    kind,
                ),
                Field::year("In academiejaar", year, false),
            ];
            Form::new("Gebeurtenis", target, fields)
        }
        FormTarget::Programme { index } => {
            let blank = Programme::new("", "", ProgrammeKind::Bachelor, 180);
            let p = index.map(|i| &case.programmes[i]).unwrap_or(&blank);
            let fields = vec![
                Field::text("Code (id)", &p.id, true),
                Field::text("Naam", &p.name, true),
                Field::choice(
                    "Soort",
                    &names(&ProgrammeKind::ALL, ProgrammeKind::dutch),
                    index_of(&ProgrammeKind::ALL, &p.kind),
                ),
                Field::int("Studieomvang", Some(i64::from(p.size)), 1, 600, false, "SP"),
                Field::text("Instelling", &p.institution, true),
                Field::text("Departement", &p.department, true),
                Field::choice(
                    "Onderwijsperiodes",
                    &names(&SYSTEMS, PeriodSystem::dutch),
                    index_of(&SYSTEMS, &p.system),
                ),
            ];
            Form::new(
                if index.is_some() {
                    "Opleiding wijzigen"
                } else {
                    "Opleiding toevoegen"
                },
                target,
                fields,
            )
        }
        FormTarget::SaveAs => {
            let name = crate::store::suggest_file_name(&case.student.name);
            Form::new(
                "Bewaren als",
                target,
                vec![Field::text("Bestandsnaam (in de gegevensmap)", &name, true)],
            )
        }
        FormTarget::WhatIf(w) => super::whatif::form(w, case, params, today),
        FormTarget::Scenario { index } => {
            let s = &doc.base.scenarios[index];
            Form::new(
                format!("Scenario «{}»", s.name),
                target,
                vec![
                    Field::text("Naam", &s.name, true),
                    Field::text("Notitie", &s.note, false),
                    Field::bool("Scenario verwijderen", false),
                ],
            )
        }
    }
}

/// A choice of how far a rebuild of the opening balance had come.
fn rebuild_field(o: Option<&Opening>, kind: RebuildKind, label: &str) -> Field {
    let state = o
        .and_then(|o| o.rebuilds.iter().find(|r| r.kind == kind))
        .map_or(0, |r| if r.in_progress { 1 } else { 2 });
    Field::choice(label, &["niet gebruikt", "loopt nog", "al gebruikt"], state)
}

fn sp(v: &Value) -> u32 {
    v.int().unwrap_or(0).clamp(0, i64::from(u32::MAX)) as u32
}

/// Applies a submitted form's values to the case. `Err` is a Dutch message
/// shown in the form (the case is then unchanged).
pub fn apply(target: &FormTarget, v: &[Value], case: &mut Case) -> Result<(), String> {
    match *target {
        FormTarget::Unit {
            year,
            enrolment,
            unit,
        } => {
            let code = v[0].text();
            let clash = case.years[year]
                .enrolments
                .iter()
                .enumerate()
                .any(|(ei, e)| {
                    e.units
                        .iter()
                        .enumerate()
                        .any(|(ui, u)| u.code == code && !(ei == enrolment && Some(ui) == unit))
                });
            if clash {
                return Err(format!(
                    "de code {code} bestaat al in {}; een code is uniek binnen een jaar",
                    case.years[year].year
                ));
            }
            let units = &mut case.years[year].enrolments[enrolment].units;
            let mut u = unit
                .map(|i| units[i].clone())
                .unwrap_or_else(|| Unit::new("", "", 6));
            u.code = code;
            u.name = v[1].text();
            u.sp = sp(&v[2]);
            u.period = Period::ALL[v[3].choice()];
            u.grensdatum = v[4].date();
            u.kind = KINDS[v[5].choice()];
            u.pass_fail = v[6].bool();
            u.exempt = v[7].bool();
            match unit {
                Some(i) => units[i] = u,
                None => units.push(u),
            }
        }
        FormTarget::Results {
            year,
            enrolment,
            unit,
        } => {
            let u = &mut case.years[year].enrolments[enrolment].units[unit];
            if u.is_composite() {
                let mut parts = Vec::new();
                for chunk in v[..v.len() - 1].chunks(4) {
                    let name = chunk[0].text();
                    if name.is_empty() {
                        continue;
                    }
                    parts.push(Part {
                        name,
                        weight: sp(&chunk[1]),
                        first: chunk[2].mark(),
                        second: chunk[3].mark(),
                    });
                }
                u.parts = parts;
            } else {
                u.first = v[0].mark();
                u.second = v[1].mark();
            }
            u.tolerated = v[v.len() - 1].bool();
        }
        FormTarget::AddPart {
            year,
            enrolment,
            unit,
        } => {
            let u = &mut case.years[year].enrolments[enrolment].units[unit];
            if !u.is_composite() && (u.first.is_some() || u.second.is_some()) {
                return Err("dit opleidingsonderdeel heeft al een cijfer; wis eerst de cijfers (Resultaten) om het samengesteld te maken".into());
            }
            u.parts.push(Part {
                name: v[0].text(),
                weight: sp(&v[1]),
                first: v[2].mark(),
                second: v[3].mark(),
            });
        }
        FormTarget::Enrolment { year, enrolment } => {
            let Some(p) = case.programmes.get(v[0].choice()) else {
                return Err("voeg eerst een opleiding toe (paneel Student)".into());
            };
            let programme = p.id.clone();
            let y = &mut case.years[year];
            if y.enrolments
                .iter()
                .enumerate()
                .any(|(i, e)| e.programme == programme && Some(i) != enrolment)
            {
                return Err(format!(
                    "{} heeft al een inschrijving in {}",
                    programme, y.year
                ));
            }
            let (enrolled, withdrawn) = (v[2].date(), v[3].date());
            if let (Some(a), Some(w)) = (enrolled, withdrawn)
                && w < a
            {
                return Err(format!(
                    "uitgeschreven op {} vóór de inschrijving op {}",
                    w.dutch(),
                    a.dutch()
                ));
            }
            let mut e = enrolment
                .map(|i| y.enrolments[i].clone())
                .unwrap_or(Enrolment {
                    programme: programme.clone(),
                    contract: Contract::Diploma,
                    enrolled: None,
                    withdrawn: None,
                    units: Vec::new(),
                });
            e.programme = programme;
            e.contract = Contract::ALL[v[1].choice()];
            e.enrolled = enrolled;
            e.withdrawn = withdrawn;
            match enrolment {
                Some(i) => y.enrolments[i] = e,
                None => y.enrolments.push(e),
            }
        }
        FormTarget::Summary { year, summary } => {
            let Some(p) = case.programmes.get(v[0].choice()) else {
                return Err("voeg eerst een opleiding toe (paneel Student)".into());
            };
            let s = crate::model::Summary {
                programme: p.id.clone(),
                contract: Contract::ALL[v[1].choice()],
                taken: sp(&v[2]),
                acquired: sp(&v[3]),
                exempted: sp(&v[4]),
                tolerated: sp(&v[5]),
            };
            if s.acquired + s.tolerated > s.taken {
                return Err("verworven plus getolereerd is meer dan opgenomen".into());
            }
            let y = &mut case.years[year];
            match summary {
                Some(i) => y.summaries[i] = s,
                None => y.summaries.push(s),
            }
        }
        FormTarget::UnitWithdrawal {
            year,
            enrolment,
            unit,
        } => {
            let u = &mut case.years[year].enrolments[enrolment].units[unit];
            u.withdrawal = v[0].date().map(|date| UnitWithdrawal {
                date,
                removal: v[1].bool(),
            });
        }
        FormTarget::Year { year } => {
            let ay = v[0].year().expect("required");
            if case
                .years
                .iter()
                .enumerate()
                .any(|(i, y)| y.year == ay && Some(i) != year)
            {
                return Err(format!("{ay} staat al in het dossier"));
            }
            let generation = match v[1].choice() {
                1 => Some(true),
                2 => Some(false),
                _ => None,
            };
            match year {
                Some(i) => {
                    let y = &mut case.years[i];
                    y.year = ay;
                    y.generation_student = generation;
                    y.binding_conditions = v[2].bool();
                    y.official_balance = v[3].int().map(|b| b as i32);
                }
                None => {
                    let mut y = Year::new(ay);
                    y.generation_student = generation;
                    y.binding_conditions = v[2].bool();
                    y.official_balance = v[3].int().map(|b| b as i32);
                    case.years.push(y);
                    case.years.sort_by_key(|y| y.year);
                }
            }
        }
        FormTarget::Student => {
            if let Some(a) = v[3].year()
                && case.last_year().is_some_and(|l| a < l)
            {
                return Err(format!(
                    "stand tot en met {a} ligt vóór het laatste jaar van het dossier"
                ));
            }
            case.student.name = v[0].text();
            case.student.number = v[1].text();
            case.student.notes = v[2].text();
            case.as_of = v[3].year();
        }
        FormTarget::Opening => {
            if !v[0].bool() {
                case.opening = None;
                return Ok(());
            }
            let (Some(year), Some(balance)) = (v[1].year(), v[2].int()) else {
                return Err("geef het jaar en het saldo van het beginsaldo".into());
            };
            let mut o = case.opening.clone().unwrap_or(Opening {
                year,
                balance: 0,
                bonus_granted: 0,
                rebuilds: Vec::new(),
                progress: Vec::new(),
            });
            o.year = year;
            o.balance = balance as i32;
            o.bonus_granted = sp(&v[3]);
            o.rebuilds.clear();
            for (i, kind) in [
                RebuildKind::Master,
                RebuildKind::LeftHigherEducation,
                RebuildKind::Hbo5,
            ]
            .into_iter()
            .enumerate()
            {
                match v[4 + i].choice() {
                    1 => o.rebuilds.push(RebuildUse {
                        kind,
                        in_progress: true,
                    }),
                    2 => o.rebuilds.push(RebuildUse {
                        kind,
                        in_progress: false,
                    }),
                    _ => {}
                }
            }
            case.opening = Some(o);
        }
        FormTarget::EarlierProgress { programme } => {
            let id = case.programmes[programme].id.clone();
            let Some(o) = case.opening.as_mut() else {
                return Err("zet eerst een beginsaldo".into());
            };
            let e = crate::model::EarlierProgress {
                programme: id.clone(),
                taken: sp(&v[0]),
                acquired: sp(&v[1]),
                exempted: sp(&v[2]),
                tolerated: sp(&v[3]),
            };
            if e.acquired + e.tolerated > e.taken {
                return Err("verworven plus getolereerd is meer dan opgenomen".into());
            }
            o.progress.retain(|x| x.programme != id);
            if e.taken + e.exempted > 0 {
                o.progress.push(e);
            }
        }
        FormTarget::Event { index } => {
            let y = v[1].year().expect("required");
            let e = if v[0].choice() == 0 {
                Event::MasterDiploma(y)
            } else {
                Event::Hbo5Diploma(y)
            };
            match index {
                Some(i) => case.events[i] = e,
                None => case.events.push(e),
            }
        }
        FormTarget::Programme { index } => {
            let id = v[0].text();
            if case
                .programmes
                .iter()
                .enumerate()
                .any(|(i, p)| p.id == id && Some(i) != index)
            {
                return Err(format!("de code {id} is al in gebruik"));
            }
            let mut p = index
                .map(|i| case.programmes[i].clone())
                .unwrap_or_else(|| Programme::new("", "", ProgrammeKind::Bachelor, 180));
            let old_id = p.id.clone();
            p.id = id.clone();
            p.name = v[1].text();
            p.kind = ProgrammeKind::ALL[v[2].choice()];
            p.size = sp(&v[3]);
            p.institution = v[4].text();
            p.department = v[5].text();
            p.system = SYSTEMS[v[6].choice()];
            match index {
                Some(i) => {
                    case.programmes[i] = p;
                    // A new id follows into every reference.
                    if old_id != id {
                        for y in &mut case.years {
                            for e in y.enrolments.iter_mut().filter(|e| e.programme == old_id) {
                                e.programme = id.clone();
                            }
                            for s in y.summaries.iter_mut().filter(|s| s.programme == old_id) {
                                s.programme = id.clone();
                            }
                        }
                    }
                }
                None => case.programmes.push(p),
            }
        }
        // These change the file or the scenarios, not the case: update::submit.
        FormTarget::SaveAs | FormTarget::WhatIf(_) | FormTarget::Scenario { .. } => {}
    }
    Ok(())
}
