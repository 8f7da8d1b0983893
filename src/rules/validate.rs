//! Checks on the case as a whole: identities, the opening balance, and
//! enrolling again for a unit already passed or tolerated (OER 10.1).

use std::collections::HashMap;

use crate::model::Case;
use crate::params::Params;

use super::facts::Findings;
use super::outcome::{Place, UnitOutcome, UnitStatus};

/// Identities and the opening balance.
pub fn case_level(case: &Case, params: &Params, found: &mut Findings) {
    for (i, p) in case.programmes.iter().enumerate() {
        if case.programmes[..i].iter().any(|q| q.id == p.id) {
            found.error(
                "duplicate-programme",
                Place {
                    programme: Some(p.name.clone()),
                    ..Place::default()
                },
                format!("de opleidingscode \"{}\" staat twee keer bij programmes; elke opleiding heeft een eigen id", p.id),
            );
        }
        if p.size == 0 {
            found.error(
                "programme-size-invalid",
                Place {
                    programme: Some(p.name.clone()),
                    ..Place::default()
                },
                "studieomvang 0: geef het aantal studiepunten van de opleiding (bv. 180)",
            );
        }
    }
    if let Some(o) = &case.opening {
        let at = Place {
            year: Some(o.year),
            ..Place::default()
        };
        if o.bonus_granted > params.thresholds.bonus_sp {
            found.error(
                "opening-bonus-invalid",
                at.clone(),
                format!(
                    "bonus_granted {}: de bonus telt hoogstens {} studiepunten (Art. 8.1 §3)",
                    o.bonus_granted, params.thresholds.bonus_sp
                ),
            );
        }
        for p in &o.progress {
            if case.programme(&p.programme).is_none() {
                found.error(
                    "unknown-programme",
                    Place {
                        programme: Some(p.programme.clone()),
                        ..at.clone()
                    },
                    format!("de eerdere voortgang verwijst naar opleiding \"{}\", die niet bij programmes staat", p.programme),
                );
            }
        }
    }
}

/// A unit credited or tolerated cannot be enrolled for again.
///
/// OER 10.1 (RULES.md §3): "A unit passed or tolerated cannot be enrolled
/// for again"; OER 18.3 §4: "Hij kan zich voor deze opleidingsonderdelen
/// bijgevolg niet meer herinschrijven in een volgend academiejaar."
pub fn re_enrolment(case: &Case, units: &[UnitOutcome], found: &mut Findings) {
    // Every (programme id, unit code) with the years it was enrolled for.
    let mut enrolled: HashMap<(&str, &str), Vec<crate::model::AcademicYear>> = HashMap::new();
    for x in units.iter().filter(|x| x.status != UnitStatus::Exempt) {
        enrolled
            .entry((x.programme.as_str(), x.code.as_str()))
            .or_default()
            .push(x.year);
    }
    for u in units {
        if !matches!(u.status, UnitStatus::Credit | UnitStatus::Tolerated) {
            continue;
        }
        let later = enrolled
            .get(&(u.programme.as_str(), u.code.as_str()))
            .and_then(|ys| ys.iter().copied().filter(|y| *y > u.year).min());
        if let Some(later) = later {
            let name = case.programme(&u.programme).map(|p| p.name.clone());
            let (code, what) = if u.status == UnitStatus::Credit {
                (
                    "enrolled-again-after-credit",
                    format!("een credit in {}", u.year),
                )
            } else {
                (
                    "enrolled-again-after-tolerance",
                    format!("een tolerantie in {} (Art. 18.3 §4)", u.year),
                )
            };
            found.error(
                code,
                Place {
                    year: Some(later),
                    programme: name,
                    unit: Some(u.code.clone()),
                },
                format!("opnieuw ingeschreven voor een opleidingsonderdeel na {what}; dat kan niet (Art. 10.1)"),
            );
        }
    }
}
