//! Forms of an academic year, its enrolments and its summary lines.

use super::*;

/// An enrolment: programme, contract and dates (new when `enrolment` is `None`).
pub(super) fn enrolment_form(
    target: FormTarget,
    case: &Case,
    params: &Params,
    year: usize,
    enrolment: Option<usize>,
) -> Form {
    let y = &case.years[year];
    let e = enrolment.map(|i| &y.enrolments[i]);
    let labels: Vec<String> = case.programmes.iter().map(programme_label).collect();
    let label_refs: Vec<&str> = labels.iter().map(String::as_str).collect();
    let selected = e
        .and_then(|e| case.programmes.iter().position(|p| p.id == e.programme))
        .unwrap_or(0);
    let span = Some(params.year_span(y.year));
    let fields = vec![
        Field::choice(Key::Programme, "Opleiding", &label_refs, selected),
        Field::choice(
            Key::Contract,
            "Contract",
            &names(&Contract::ALL, Contract::dutch),
            index_of(&Contract::ALL, &e.map(|e| e.contract).unwrap_or_default()),
        ),
        Field::date(
            Key::Enrolled,
            "Ingeschreven op",
            e.and_then(|e| e.enrolled),
            true,
            span,
            "leeg = begin van het jaar",
        ),
        Field::date(
            Key::Withdrawn,
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

/// A year's summary line, as the official list of movements shows it.
pub(super) fn summary_form(
    target: FormTarget,
    case: &Case,
    year: usize,
    summary: Option<usize>,
) -> Form {
    let y = &case.years[year];
    let s = summary.map(|i| &y.summaries[i]);
    let labels: Vec<String> = case.programmes.iter().map(programme_label).collect();
    let label_refs: Vec<&str> = labels.iter().map(String::as_str).collect();
    let selected = s
        .and_then(|s| case.programmes.iter().position(|p| p.id == s.programme))
        .unwrap_or(0);
    let n = |v: Option<u32>| v.map(i64::from).or(Some(0));
    let fields = vec![
        Field::choice(Key::Programme, "Opleiding", &label_refs, selected),
        Field::choice(
            Key::Contract,
            "Contract",
            &names(&Contract::ALL, Contract::dutch),
            index_of(&Contract::ALL, &s.map(|s| s.contract).unwrap_or_default()),
        ),
        Field::int(
            Key::Taken,
            "Opgenomen SP",
            n(s.map(|s| s.taken)),
            (0, 600),
            false,
            "na teruggaven",
        ),
        Field::int(
            Key::Acquired,
            "Verworven SP",
            n(s.map(|s| s.acquired)),
            (0, 600),
            false,
            "credits",
        ),
        Field::int(
            Key::Exempted,
            "Vrijgesteld SP",
            n(s.map(|s| s.exempted)),
            (0, 600),
            false,
            "",
        ),
        Field::int(
            Key::ToleratedSp,
            "Getolereerd SP",
            n(s.map(|s| s.tolerated)),
            (0, 600),
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

/// An academic year (new when `year` is `None`).
pub(super) fn year_form(
    target: FormTarget,
    case: &Case,
    params: &Params,
    year: Option<usize>,
) -> Form {
    let y = year.map(|i| &case.years[i]);
    // The year after the last one; in an empty case, the latest year the
    // calendars know, else the year of today.
    let next = case
        .last_year()
        .map(AcademicYear::next)
        .or_else(|| params.home().calendars.last().map(|c| c.year))
        .unwrap_or_else(|| {
            AcademicYear::of_date(crate::model::Date(chrono::Local::now().date_naive()))
        });
    let generation = match y.and_then(|y| y.generation_student) {
        None => 0,
        Some(true) => 1,
        Some(false) => 2,
    };
    let fields = vec![
        Field::year(
            Key::Year,
            "Academiejaar",
            Some(y.map(|y| y.year).unwrap_or(next)),
            false,
        ),
        Field::choice(
            Key::Generation,
            "Generatiestudent",
            &["afleiden", "ja", "nee"],
            generation,
        ),
        Field::bool(
            Key::Binding,
            "Bindende voorwaarden opgelegd",
            y.is_some_and(|y| y.binding_conditions),
        ),
        Field::int(
            Key::OfficialBalance,
            "Officieel saldo na dit jaar",
            y.and_then(|y| y.official_balance).map(i64::from),
            (-1000, 1000),
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

/// Applies the enrolment form.
pub(super) fn apply_enrolment(
    v: &Values,
    case: &mut Case,
    year: usize,
    enrolment: Option<usize>,
) -> Result<(), String> {
    let Some(p) = case.programmes.get(v.choice(Key::Programme)) else {
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
    let (enrolled, withdrawn) = (v.date(Key::Enrolled), v.date(Key::Withdrawn));
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
    e.contract = Contract::ALL[v.choice(Key::Contract)];
    e.enrolled = enrolled;
    e.withdrawn = withdrawn;
    match enrolment {
        Some(i) => y.enrolments[i] = e,
        None => y.enrolments.push(e),
    }

    Ok(())
}

/// Applies the summary form.
pub(super) fn apply_summary(
    v: &Values,
    case: &mut Case,
    year: usize,
    summary: Option<usize>,
) -> Result<(), String> {
    let Some(p) = case.programmes.get(v.choice(Key::Programme)) else {
        return Err("voeg eerst een opleiding toe (paneel Student)".into());
    };
    let s = crate::model::Summary {
        programme: p.id.clone(),
        contract: Contract::ALL[v.choice(Key::Contract)],
        taken: sp(v.int(Key::Taken)),
        acquired: sp(v.int(Key::Acquired)),
        exempted: sp(v.int(Key::Exempted)),
        tolerated: sp(v.int(Key::ToleratedSp)),
    };
    if s.acquired + s.tolerated > s.taken {
        return Err("verworven plus getolereerd is meer dan opgenomen".into());
    }
    let y = &mut case.years[year];
    match summary {
        Some(i) => y.summaries[i] = s,
        None => y.summaries.push(s),
    }

    Ok(())
}

/// Applies the year form.
pub(super) fn apply_year(v: &Values, case: &mut Case, year: Option<usize>) -> Result<(), String> {
    let Some(ay) = v.year(Key::Year) else {
        return Err("geef het academiejaar (JJJJ-JJJJ)".into());
    };
    if case
        .years
        .iter()
        .enumerate()
        .any(|(i, y)| y.year == ay && Some(i) != year)
    {
        return Err(format!("{ay} staat al in het dossier"));
    }
    let generation = match v.choice(Key::Generation) {
        1 => Some(true),
        2 => Some(false),
        _ => None,
    };
    match year {
        Some(i) => {
            let y = &mut case.years[i];
            y.year = ay;
            y.generation_student = generation;
            y.binding_conditions = v.bool(Key::Binding);
            y.official_balance = v.int(Key::OfficialBalance).map(|b| b as i32);
        }
        None => {
            let mut y = Year::new(ay);
            y.generation_student = generation;
            y.binding_conditions = v.bool(Key::Binding);
            y.official_balance = v.int(Key::OfficialBalance).map(|b| b as i32);
            case.years.push(y);
            case.years.sort_by_key(|y| y.year);
        }
    }

    Ok(())
}
