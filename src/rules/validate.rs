//! Checks on the case as a whole: identities, the opening balance, and
//! enrolling again for a unit already passed or tolerated (OER 10.1).

use crate::model::Case;
use crate::params::Params;

use super::code::Code;
use super::facts::Findings;
use super::keys::key;
use super::msg::{InputMsg, ReferenceFrom};
use super::outcome::{Place, UnitOutcome, UnitStatus};
use super::trace::name;

/// More academic years than a career can hold: a sanity limit on what was
/// typed, not a rule of the regulation.
pub const MAX_YEARS: usize = 50;

/// Identities, sizes and the opening balance.
pub fn case_level(case: &Case, params: &Params, found: &mut Findings) {
    if case.years.len() > MAX_YEARS {
        found.error(
            Code::TooManyYears,
            Place::default(),
            InputMsg::TooManyYears {
                years: case.years.len(),
                max: MAX_YEARS,
            },
        );
    }
    if let (Some(o), Some(last)) = (&case.opening, case.last_year())
        && o.year > last
    {
        found.warn(
            Code::OpeningAfterYears,
            Some(o.year),
            InputMsg::OpeningAfterYears {
                opening: o.year,
                last,
            },
        );
    }
    for (i, p) in case.programmes.iter().enumerate() {
        if case.programmes[..i].iter().any(|q| q.id == p.id) {
            found.error(
                Code::DuplicateProgramme,
                Place {
                    programme: Some(p.name.clone()),
                    ..Place::default()
                },
                InputMsg::DuplicateProgramme { id: name(&p.id) },
            );
        }
        if p.size == 0 {
            found.error(
                Code::ProgrammeSizeInvalid,
                Place {
                    programme: Some(p.name.clone()),
                    ..Place::default()
                },
                InputMsg::ProgrammeSizeZero,
            );
        }
    }
    if let Some(o) = &case.opening {
        let at = Place {
            year: Some(o.year),
            ..Place::default()
        };
        let max = params.decree(o.year).bonus_sp;
        if o.bonus_granted > max {
            found.error(
                Code::OpeningBonusInvalid,
                at.clone(),
                InputMsg::OpeningBonus {
                    granted: o.bonus_granted,
                    max,
                },
            );
        }
        for p in &o.progress {
            if case.programme(&p.programme).is_none() {
                found.error(
                    Code::UnknownProgramme,
                    Place {
                        programme: Some(p.programme.clone()),
                        ..at.clone()
                    },
                    InputMsg::UnknownProgramme {
                        id: name(&p.programme),
                        from: ReferenceFrom::Progress,
                    },
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
    // Every unit enrolled for as (key of programme and code, year, index),
    // sorted: the first later year of the same unit follows it.
    let keys: Vec<u64> = units
        .iter()
        .map(|x| key(&[&x.programme, &x.code]))
        .collect();
    let mut enrolled: Vec<(u64, crate::model::AcademicYear, usize)> = units
        .iter()
        .enumerate()
        .filter(|(_, x)| x.status != UnitStatus::Exempt)
        .map(|(i, x)| (keys[i], x.year, i))
        .collect();
    enrolled.sort_unstable();
    let same = |a: usize, b: usize| {
        units[a].programme == units[b].programme && units[a].code == units[b].code
    };
    for (i, u) in units.iter().enumerate() {
        if !matches!(u.status, UnitStatus::Credit | UnitStatus::Tolerated) {
            continue;
        }
        let k = keys[i];
        let from = enrolled.partition_point(|&(h, y, _)| (h, y) <= (k, u.year));
        let later = enrolled[from..]
            .iter()
            .take_while(|&&(h, _, _)| h == k)
            .find(|&&(_, _, j)| same(i, j))
            .map(|&(_, y, _)| y);
        if let Some(later) = later {
            let programme_name = case.programme(&u.programme).map(|p| p.name.clone());
            let tolerated = u.status != UnitStatus::Credit;
            let code = if tolerated {
                Code::EnrolledAgainAfterTolerance
            } else {
                Code::EnrolledAgainAfterCredit
            };
            found.error(
                code,
                Place {
                    year: Some(later),
                    programme: programme_name,
                    unit: Some(u.code.to_string()),
                },
                InputMsg::EnrolledAgain {
                    year: u.year,
                    tolerated,
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::keys::key;
    use crate::rules::testkit::*;

    /// The errors as (key, year, unit).
    fn found(c: &crate::model::Case) -> Vec<(&'static str, Option<i32>, Option<String>)> {
        run(c)
            .errors
            .iter()
            .map(|e| {
                (
                    e.code.key(),
                    e.place.year.map(|y| y.0),
                    e.place.unit.clone(),
                )
            })
            .collect()
    }

    /// OER 10.1 (RULES.md §3): enrolling again for a unit passed earlier is
    /// an error; another unit of the programme whose code merely shares
    /// the sorting key (two codes built so) is not. Kills `&&` → `||` in
    /// `re_enrolment` (any unit of the same programme would be "the same").
    #[test]
    fn art_10_1_only_the_same_unit_cannot_be_enrolled_for_again() {
        let (a, b) = ("Téa1bCD", "øz痂es");
        assert_eq!(key(&["CH", a]), key(&["CH", b]), "the two share a key");
        let later = |code: &str| {
            case(vec![
                year(2017, vec![enrolment("CH", vec![unit(a, 6, Some(12))])]),
                year(2018, vec![enrolment("CH", vec![unit(code, 6, Some(12))])]),
            ])
        };
        assert_eq!(found(&later(b)), vec![]);
        assert_eq!(
            found(&later(a)),
            vec![(
                "enrolled-again-after-credit",
                Some(2018),
                Some(a.to_string())
            )]
        );
    }
}
