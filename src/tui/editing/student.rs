//! Forms of the student, the opening balance, earlier progress, events and programmes.

use super::*;

/// The student and the year the ledger runs to.
pub(super) fn student_form(target: FormTarget, case: &Case) -> Form {
    let s = &case.student;
    let fields = vec![
        Field::text("Naam", &s.name, true),
        Field::text("Studentennummer", &s.number, false),
        Field::text("Notities", &s.notes, false),
        Field::year("Stand tot en met", case.as_of, true),
    ];
    Form::new("Student", target, fields)
}

/// The opening balance: year, balance, bonus granted and rebuilds used.
pub(super) fn opening_form(target: FormTarget, case: &Case) -> Form {
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

/// A programme (new when `index` is `None`).
pub(super) fn programme_form(target: FormTarget, case: &Case, index: Option<usize>) -> Form {
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
        Field::text(
            "Instelling (leeg: de eigen)",
            p.institution.as_deref().unwrap_or(""),
            false,
        ),
        Field::text(
            "Departement (leeg: het standaard)",
            p.department.as_deref().unwrap_or(""),
            false,
        ),
        Field::choice(
            "Onderwijsperiodes",
            &names(&SYSTEMS, PeriodSystem::dutch),
            index_of(&SYSTEMS, &p.system),
        ),
        Field::bool("Academische bachelor", p.academic),
        Field::bool(
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
pub(super) fn apply_student(v: &[Value], case: &mut Case) -> Result<(), String> {
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

    Ok(())
}

/// Applies the opening form.
pub(super) fn apply_opening(v: &[Value], case: &mut Case) -> Result<(), String> {
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

    Ok(())
}

/// Applies the earlier progress form.
pub(super) fn apply_earlier_progress(
    v: &[Value],
    case: &mut Case,
    programme: usize,
) -> Result<(), String> {
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

    Ok(())
}

/// Applies the event form.
pub(super) fn apply_event(
    v: &[Value],
    case: &mut Case,
    index: Option<usize>,
) -> Result<(), String> {
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

    Ok(())
}

/// Applies the programme form.
pub(super) fn apply_programme(
    v: &[Value],
    case: &mut Case,
    index: Option<usize>,
) -> Result<(), String> {
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
    let given = |s: String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    p.institution = given(v[4].text());
    p.department = given(v[5].text());
    p.system = SYSTEMS[v[6].choice()];
    p.academic = v[7].bool();
    p.tolerance_legacy_base = v[8].bool();
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
