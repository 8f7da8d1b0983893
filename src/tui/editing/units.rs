//! Forms of a course unit: the unit itself, its results and parts, its withdrawal.

use super::*;

/// The form of a course unit (new when `unit` is `None`).
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
    let blank = Unit::new("", "", 6);
    let u = unit.map(|i| &e.units[i]).unwrap_or(&blank);
    let calendar = programme
        .and_then(|p| params.calendar_grensdatum(y.year, p, u.period))
        .map(|d| format!("leeg = kalender ({})", d.dutch()))
        .unwrap_or_else(|| format!("geen kalender voor {}: verplicht bij uitschrijving", y.year));
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
        Field::text("Naam van het deel", "", true),
        Field::int("Gewicht", Some(1), 1, 100, false, ""),
        Field::mark("1e kans", None, false, false),
        Field::mark("2e kans", None, false, false),
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

/// Applies the unit form.
pub(super) fn apply_unit(
    v: &[Value],
    case: &mut Case,
    year: usize,
    enrolment: usize,
    unit: Option<usize>,
) -> Result<(), String> {
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

    Ok(())
}

/// Applies the results form.
pub(super) fn apply_results(
    v: &[Value],
    case: &mut Case,
    year: usize,
    enrolment: usize,
    unit: usize,
) -> Result<(), String> {
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

    Ok(())
}

/// Applies the add part form.
pub(super) fn apply_add_part(
    v: &[Value],
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
        name: v[0].text(),
        weight: sp(&v[1]),
        first: v[2].mark(),
        second: v[3].mark(),
    });

    Ok(())
}

/// Applies the unit withdrawal form.
pub(super) fn apply_unit_withdrawal(
    v: &[Value],
    case: &mut Case,
    year: usize,
    enrolment: usize,
    unit: usize,
) -> Result<(), String> {
    let u = &mut case.years[year].enrolments[enrolment].units[unit];
    u.withdrawal = v[0].date().map(|date| UnitWithdrawal {
        date,
        removal: v[1].bool(),
    });

    Ok(())
}
