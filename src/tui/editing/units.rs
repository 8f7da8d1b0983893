//! Forms of a course unit: the unit itself, its results and parts, its withdrawal.

use super::*;

/// The period a new unit starts with: the first of the programme's system.
fn default_period(system: PeriodSystem) -> Period {
    match system {
        PeriodSystem::Year => Period::Year,
        PeriodSystem::Semester => Period::S1,
        PeriodSystem::Modules => Period::M1,
    }
}

/// The fields of the parts of a composite unit, four per part.
fn part_fields(parts: &[Part]) -> Vec<Field> {
    let mut fields = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        let n = i + 1;
        fields.push(Field::text(
            Key::PartName(i),
            &format!("Deel {n}: naam (leeg = weg)"),
            &p.name,
            false,
        ));
        fields.push(Field::int(
            Key::PartWeight(i),
            &format!("Deel {n}: gewicht"),
            Some(i64::from(p.weight)),
            (1, 100),
            false,
            "",
        ));
        fields.push(Field::mark(
            Key::PartFirst(i),
            &format!("Deel {n}: 1e kans"),
            p.first,
            false,
            false,
        ));
        fields.push(Field::mark(
            Key::PartSecond(i),
            &format!("Deel {n}: 2e kans"),
            p.second,
            false,
            false,
        ));
    }
    fields
}

/// The parts as the form holds them (a part whose name is emptied goes).
fn read_parts(v: &Values, n: usize) -> Vec<Part> {
    (0..n)
        .filter(|i| !v.text(Key::PartName(*i)).is_empty())
        .map(|i| Part {
            name: v.text(Key::PartName(i)),
            weight: sp(v.int(Key::PartWeight(i))),
            first: v.mark(Key::PartFirst(i)),
            second: v.mark(Key::PartSecond(i)),
        })
        .collect()
}

/// The form of a course unit with its results, in one (new when `unit` is
/// `None`): code, name, SP, period (the programme's first period for a
/// new unit) with the calendar's grensdatum under it, both exam chances
/// (or the parts of a composite unit), kind, how it is judged, exemption
/// and a grensdatum of the ECTS-fiche.
pub(super) fn unit_form(
    target: FormTarget,
    case: &Case,
    params: &Params,
    year: usize,
    enrolment: usize,
    unit: Option<usize>,
) -> Form {
    let y = &case.years[year];
    let e = &y.enrolments[enrolment];
    let programme = case.programme(&e.programme);
    let mut blank = Unit::new("", "", 6);
    blank.period = default_period(programme.map(|p| p.system).unwrap_or_default());
    let u = unit.map(|i| &e.units[i]).unwrap_or(&blank);
    // The calendar's grensdatum of each period, shown under the period.
    let calendar: Vec<(String, String)> = Period::ALL
        .iter()
        .map(|p| {
            let line = match programme.and_then(|pr| params.calendar_grensdatum(y.year, pr, *p)) {
                Some(d) => d.dutch(),
                None => format!("geen in de kalender van {}", y.year),
            };
            (p.dutch().to_string(), line)
        })
        .collect();
    let mut fields = vec![
        Field::text(Key::Code, "Code", &u.code, true),
        Field::text(Key::Name, "Naam", &u.name, true),
        Field::int(
            Key::Sp,
            "Studiepunten",
            Some(i64::from(u.sp)),
            (3, 60),
            false,
            "geheel, minstens 3",
        ),
        Field::choice(
            Key::Period,
            "Onderwijsperiode",
            &names(&Period::ALL, Period::dutch),
            index_of(&Period::ALL, &u.period),
        ),
        Field::follows(
            Key::CalendarGrensdatum,
            "Grensdatum (kalender)",
            Key::Period,
            calendar,
        ),
    ];
    if u.is_composite() {
        fields.extend(part_fields(&u.parts));
    } else {
        fields.push(
            Field::mark(Key::First, "1e examenkans", u.first, true, u.pass_fail)
                .judged_by(Key::PassFail),
        );
        fields.push(
            Field::mark(Key::Second, "2e examenkans", u.second, true, u.pass_fail)
                .judged_by(Key::PassFail),
        );
    }
    fields.extend([
        Field::choice(
            Key::Kind,
            "Soort",
            &names(&KINDS, UnitKind::dutch),
            index_of(&KINDS, &u.kind),
        ),
        Field::bool(Key::PassFail, "Geslaagd/niet geslaagd", u.pass_fail)
            .with_hint("spatie; nee: cijfer op 20"),
        Field::bool(Key::Exempt, "Vrijgesteld", u.exempt),
        Field::date(
            Key::Grensdatum,
            "Andere grensdatum",
            u.grensdatum,
            true,
            Some(params.year_span(y.year)),
            "leeg: kalender",
        ),
    ]);
    let title = if unit.is_some() {
        "Opleidingsonderdeel wijzigen"
    } else {
        "Opleidingsonderdeel toevoegen"
    };
    Form::new(title, target, fields)
}

/// The results of a unit per exam chance, per part for a composite unit, and its tolerance.
pub(super) fn results_form(
    target: FormTarget,
    case: &Case,
    year: usize,
    enrolment: usize,
    unit: usize,
) -> Form {
    let u = &case.years[year].enrolments[enrolment].units[unit];
    let mut fields = Vec::new();
    if u.is_composite() {
        fields.extend(part_fields(&u.parts));
    } else {
        fields.push(Field::mark(
            Key::First,
            "1e examenkans",
            u.first,
            true,
            u.pass_fail,
        ));
        fields.push(Field::mark(
            Key::Second,
            "2e examenkans",
            u.second,
            true,
            u.pass_fail,
        ));
    }
    fields.push(Field::bool(Key::Tolerated, "Getolereerd", u.tolerated));
    Form::new(format!("Resultaten {} {}", u.code, u.name), target, fields)
}

/// A new part of a unit, which makes it composite.
pub(super) fn add_part_form(
    target: FormTarget,
    case: &Case,
    year: usize,
    enrolment: usize,
    unit: usize,
) -> Form {
    let u = &case.years[year].enrolments[enrolment].units[unit];
    let fields = vec![
        Field::text(Key::Name, "Naam van het deel", "", true),
        Field::int(Key::PartWeight(0), "Gewicht", Some(1), (1, 100), false, ""),
        Field::mark(Key::First, "1e kans", None, false, false),
        Field::mark(Key::Second, "2e kans", None, false, false),
    ];
    Form::new(format!("Deel toevoegen aan {}", u.code), target, fields)
}

/// A unit's own withdrawal (or removal under Art. 11.6).
pub(super) fn unit_withdrawal_form(
    target: FormTarget,
    case: &Case,
    params: &Params,
    year: usize,
    enrolment: usize,
    unit: usize,
) -> Form {
    let y = &case.years[year];
    let u = &y.enrolments[enrolment].units[unit];
    let w = u.withdrawal.as_ref();
    let fields = vec![
        Field::date(
            Key::Withdrawn,
            "Uitgeschreven op",
            w.map(|w| w.date),
            true,
            Some(params.year_span(y.year)),
            "leeg = niet uitgeschreven",
        ),
        Field::bool(
            Key::Removal,
            "Schrapping (Art. 11.6)",
            w.is_some_and(|w| w.removal),
        ),
    ];
    Form::new(
        format!("Uitschrijving {} {}", u.code, u.name),
        target,
        fields,
    )
}

/// Applies the unit form.
pub(super) fn apply_unit(
    v: &Values,
    case: &mut Case,
    year: usize,
    enrolment: usize,
    unit: Option<usize>,
) -> Result<(), String> {
    let code = v.text(Key::Code);
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
    u.name = v.text(Key::Name);
    u.sp = sp(v.int(Key::Sp));
    u.period = Period::ALL[v.choice(Key::Period)];
    u.grensdatum = v.date(Key::Grensdatum);
    u.kind = KINDS[v.choice(Key::Kind)];
    u.pass_fail = v.bool(Key::PassFail);
    u.exempt = v.bool(Key::Exempt);
    if u.is_composite() {
        u.parts = read_parts(v, u.parts.len());
    } else {
        u.first = v.mark(Key::First);
        u.second = v.mark(Key::Second);
    }
    match unit {
        Some(i) => units[i] = u,
        None => units.push(u),
    }

    Ok(())
}

/// Applies the results form.
pub(super) fn apply_results(
    v: &Values,
    case: &mut Case,
    year: usize,
    enrolment: usize,
    unit: usize,
) -> Result<(), String> {
    let u = &mut case.years[year].enrolments[enrolment].units[unit];
    if u.is_composite() {
        u.parts = read_parts(v, u.parts.len());
    } else {
        u.first = v.mark(Key::First);
        u.second = v.mark(Key::Second);
    }
    u.tolerated = v.bool(Key::Tolerated);

    Ok(())
}

/// Applies the add part form.
pub(super) fn apply_add_part(
    v: &Values,
    case: &mut Case,
    year: usize,
    enrolment: usize,
    unit: usize,
) -> Result<(), String> {
    let u = &mut case.years[year].enrolments[enrolment].units[unit];
    if !u.is_composite() && (u.first.is_some() || u.second.is_some()) {
        return Err("dit opleidingsonderdeel heeft al een cijfer; wis eerst de cijfers (Resultaten) om het samengesteld te maken".into());
    }
    u.parts.push(Part {
        name: v.text(Key::Name),
        weight: sp(v.int(Key::PartWeight(0))),
        first: v.mark(Key::First),
        second: v.mark(Key::Second),
    });

    Ok(())
}

/// Applies the unit withdrawal form.
pub(super) fn apply_unit_withdrawal(
    v: &Values,
    case: &mut Case,
    year: usize,
    enrolment: usize,
    unit: usize,
) -> Result<(), String> {
    let u = &mut case.years[year].enrolments[enrolment].units[unit];
    u.withdrawal = v.date(Key::Withdrawn).map(|date| UnitWithdrawal {
        date,
        removal: v.bool(Key::Removal),
    });

    Ok(())
}
