//! Forms of the student, the opening balance, earlier progress, events and programmes.

use super::*;

/// The student and the year the ledger runs to.
pub(super) fn student_form(target: FormTarget, case: &Case) -> Form {
    let s = &case.student;
    let fields = vec![
        Field::text(Key::Name, "Naam", &s.name, true),
        Field::text(Key::Number, "Studentennummer", &s.number, false),
        Field::text(Key::Notes, "Notities", &s.notes, false),
        Field::year(Key::AsOf, "Stand tot en met", case.as_of, true),
    ];
    Form::new("Student", target, fields)
}

/// The opening balance: year, balance, bonus granted and rebuilds used.
pub(super) fn opening_form(target: FormTarget, case: &Case) -> Form {
    let o = case.opening.as_ref();
    let fields = vec![
        Field::bool(Key::UseOpening, "Beginsaldo gebruiken", o.is_some()),
        Field::year(
            Key::Year,
            "Bij de start van",
            o.map(|o| o.year)
                .or(case.years.iter().map(|y| y.year).min()),
            true,
        ),
        Field::int(
            Key::Balance,
            "Saldo (Mijn Burgerprofiel)",
            o.map(|o| i64::from(o.balance)),
            (-1000, 1000),
            true,
            "",
        ),
        Field::int(
            Key::BonusGranted,
            "Bonus al toegekend",
            o.map(|o| i64::from(o.bonus_granted)).or(Some(0)),
            (0, 60),
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

/// A programme's progress before the opening year.
pub(super) fn earlier_progress_form(target: FormTarget, case: &Case, programme: usize) -> Form {
    let p = &case.programmes[programme];
    let e = case
        .opening
        .as_ref()
        .and_then(|o| o.progress.iter().find(|x| x.programme == p.id));
    let n = |f: fn(&crate::model::EarlierProgress) -> u32| e.map(|e| i64::from(f(e))).or(Some(0));
    let fields = vec![
        Field::int(
            Key::Taken,
            "Opgenomen SP",
            n(|e| e.taken),
            (0, 2000),
            false,
            "zonder vrijstellingen, na tijdige uitschrijvingen",
        ),
        Field::int(
            Key::Acquired,
            "Verworven SP",
            n(|e| e.acquired),
            (0, 2000),
            false,
            "credits",
        ),
        Field::int(
            Key::Exempted,
            "Vrijgesteld SP",
            n(|e| e.exempted),
            (0, 2000),
            false,
            "",
        ),
        Field::int(
            Key::ToleratedSp,
            "Getolereerd SP",
            n(|e| e.tolerated),
            (0, 2000),
            false,
            "",
        ),
    ];
    Form::new(format!("Eerdere voortgang in {}", p.name), target, fields)
}

/// A diploma that changes the leerkrediet (Art. 8.1 §11, §13).
pub(super) fn event_form(target: FormTarget, case: &Case, index: Option<usize>) -> Form {
    let e = index.map(|i| &case.events[i]);
    let (kind, year) = match e {
        Some(Event::MasterDiploma(y)) => (0, Some(*y)),
        Some(Event::Hbo5Diploma(y)) => (1, Some(*y)),
        None => (0, case.last_year()),
    };
    let fields = vec![
        Field::choice(
            Key::Event,
            "Gebeurtenis",
            &[
                "masterdiploma (Art. 8.1 §11)",
                "HBO5-diploma (Art. 8.1 §13)",
            ],
            kind,
        ),
        Field::year(Key::Year, "In academiejaar", year, false),
    ];
    Form::new("Gebeurtenis", target, fields)
}

/// A programme (new when `index` is `None`).
pub(super) fn programme_form(target: FormTarget, case: &Case, index: Option<usize>) -> Form {
    let blank = Programme::new("", "", ProgrammeKind::Bachelor, 180);
    let p = index.map(|i| &case.programmes[i]).unwrap_or(&blank);
    let fields = vec![
        Field::text(Key::Code, "Code (id)", &p.id, true),
        Field::text(Key::Name, "Naam", &p.name, true),
        Field::choice(
            Key::Kind,
            "Soort",
            &names(&ProgrammeKind::ALL, ProgrammeKind::dutch),
            index_of(&ProgrammeKind::ALL, &p.kind),
        ),
        Field::int(
            Key::Size,
            "Studieomvang",
            Some(i64::from(p.size)),
            (1, 600),
            false,
            "SP",
        ),
        Field::text(
            Key::Institution,
            "Instelling (leeg: de eigen)",
            p.institution.as_deref().unwrap_or(""),
            false,
        ),
        Field::text(
            Key::Department,
            "Departement (leeg: het standaard)",
            p.department.as_deref().unwrap_or(""),
            false,
        ),
        Field::choice(
            Key::System,
            "Onderwijsperiodes",
            &names(&SYSTEMS, PeriodSystem::dutch),
            index_of(&SYSTEMS, &p.system),
        ),
        Field::bool(Key::Academic, "Academische bachelor", p.academic),
        Field::bool(
            Key::LegacyBase,
            "Tolerantiebasis volgens Art. 18.2 §2 (vroeger ingeschreven)",
            p.tolerance_legacy_base,
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

/// Applies the student form.
pub(super) fn apply_student(v: &Values, case: &mut Case) -> Result<(), String> {
    if let Some(a) = v.year(Key::AsOf)
        && case.last_year().is_some_and(|l| a < l)
    {
        return Err(format!(
            "stand tot en met {a} ligt vóór het laatste jaar van het dossier"
        ));
    }
    case.student.name = v.text(Key::Name);
    case.student.number = v.text(Key::Number);
    case.student.notes = v.text(Key::Notes);
    case.as_of = v.year(Key::AsOf);

    Ok(())
}

/// Applies the opening form.
pub(super) fn apply_opening(v: &Values, case: &mut Case) -> Result<(), String> {
    if !v.bool(Key::UseOpening) {
        case.opening = None;
        return Ok(());
    }
    let (Some(year), Some(balance)) = (v.year(Key::Year), v.int(Key::Balance)) else {
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
    o.bonus_granted = sp(v.int(Key::BonusGranted));
    o.rebuilds.clear();
    for kind in [
        RebuildKind::Master,
        RebuildKind::LeftHigherEducation,
        RebuildKind::Hbo5,
    ] {
        match v.choice(Key::Rebuild(kind)) {
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

    Ok(())
}

/// Applies the earlier progress form.
pub(super) fn apply_earlier_progress(
    v: &Values,
    case: &mut Case,
    programme: usize,
) -> Result<(), String> {
    let id = case.programmes[programme].id.clone();
    let Some(o) = case.opening.as_mut() else {
        return Err("zet eerst een beginsaldo".into());
    };
    let e = crate::model::EarlierProgress {
        programme: id.clone(),
        taken: sp(v.int(Key::Taken)),
        acquired: sp(v.int(Key::Acquired)),
        exempted: sp(v.int(Key::Exempted)),
        tolerated: sp(v.int(Key::ToleratedSp)),
    };
    if e.acquired + e.tolerated > e.taken {
        return Err("verworven plus getolereerd is meer dan opgenomen".into());
    }
    o.progress.retain(|x| x.programme != id);
    if e.taken + e.exempted > 0 {
        o.progress.push(e);
    }

    Ok(())
}

/// Applies the event form.
pub(super) fn apply_event(v: &Values, case: &mut Case, index: Option<usize>) -> Result<(), String> {
    let Some(y) = v.year(Key::Year) else {
        return Err("geef het academiejaar (JJJJ-JJJJ)".into());
    };
    let e = if v.choice(Key::Event) == 0 {
        Event::MasterDiploma(y)
    } else {
        Event::Hbo5Diploma(y)
    };
    match index {
        Some(i) => case.events[i] = e,
        None => case.events.push(e),
    }

    Ok(())
}

/// Applies the programme form.
pub(super) fn apply_programme(
    v: &Values,
    case: &mut Case,
    index: Option<usize>,
) -> Result<(), String> {
    let id = v.text(Key::Code);
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
    p.name = v.text(Key::Name);
    p.kind = ProgrammeKind::ALL[v.choice(Key::Kind)];
    p.size = sp(v.int(Key::Size));
    let given = |s: String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    p.institution = given(v.text(Key::Institution));
    p.department = given(v.text(Key::Department));
    p.system = SYSTEMS[v.choice(Key::System)];
    p.academic = v.bool(Key::Academic);
    p.tolerance_legacy_base = v.bool(Key::LegacyBase);
    match index {
        Some(i) => {
            // A new id follows into every reference.
            case.programmes[i] = p;
            case.programmes[i].id = old_id.clone();
            case.rename_programme(&old_id, &id);
        }
        None => case.programmes.push(p),
    }

    Ok(())
}
