//! Passing the programme (OER 18.1) and the degree of merit (OER 18.4).

use crate::model::{Case, Mark};
use crate::params::Params;

use super::efficiency::History;
use super::facts::{Findings, YearFacts};
use super::outcome::{Degree, Merit, Progress};
use super::ratio::Ratio;
use super::tolerance::Accepted;
use super::trace::{Line, sp};

/// SP of the programme done by credit, exemption and tolerance.
///
/// OER 18.1 §1: "De student in een bacheloropleiding … wordt automatisch
/// geslaagd verklaard voor de opleiding op grond van het feit dat voor alle
/// opleidingsonderdelen van de betrokken opleiding een creditbewijs is
/// verworven en/of een vrijstelling is toegekend en/of een tolerantie is
/// opgenomen in zijn tolerantiedossier." The case knows the programme's
/// size, not its curriculum: passed = done ≥ size.
pub fn progress(h: &History, tolerated_detail: u64) -> Progress {
    let sum = |f: fn(&super::efficiency::YearFigures) -> u64| {
        f(&h.earlier) + h.years.iter().map(f).sum::<u64>()
    };
    Progress {
        credited: sum(|y| y.acquired),
        exempted: sum(|y| y.exempted),
        tolerated: sum(|y| y.summary_tolerated) + tolerated_detail,
    }
}

/// The lines that explain progress and passing.
pub fn progress_lines(name: &str, size: u32, p: &Progress) -> Vec<Line> {
    let passed = p.done() >= u64::from(size);
    vec![Line::note(
        "Art. 18.1 §1",
        format!(
            "{name}: {} door credits, {} vrijgesteld, {} getolereerd: {} van {}; {}.",
            sp(p.credited as i64),
            sp(p.exempted as i64),
            sp(p.tolerated as i64),
            p.done(),
            size,
            if passed {
                "de opleiding is behaald"
            } else {
                "de opleiding is nog niet behaald"
            }
        ),
    )]
}

/// The degree of merit of a passed programme.
///
/// OER 18.4: "1. Op voldoende wijze als de student geslaagd is én een
/// gewogen gemiddelde behaalt van minder dan 65%; 2. Onderscheiding vanaf
/// een gewogen gemiddelde van 65%; 3. Grote onderscheiding vanaf … 75%; 4.
/// Grootste onderscheiding vanaf … 85%. Om in aanmerking te komen voor een
/// graad van verdienste dient het aantal opleidingsonderdelen waarvoor de
/// student examen heeft afgelegd, ten minste de helft van het totaal aantal
/// studiepunten van de opleiding te vertegenwoordigen. … Het gewogen
/// gemiddelde wordt berekend op basis van alle examencijfers uitgedrukt in
/// een geheel getal op 20 die tot een creditbewijs of een getolereerd cijfer
/// geleid hebben binnen de gehele opleiding. Met vrijstellingen wordt dus
/// geen rekening gehouden. Ook opleidingsonderdelen waarvoor volgens de
/// ECTS-fiche een niet-numerieke resultaatsbepaling wordt gehanteerd, worden
/// niet in deze berekening meegenomen."
///
/// Returns `None` (with a `merit-incomplete` warning) when credits or
/// tolerances come from summary lines or earlier progress without grades.
pub fn merit(
    case: &Case,
    params: &Params,
    years: &[YearFacts],
    programme: usize,
    h: &History,
    accepted: &Accepted,
    found: &mut Findings,
) -> Option<Merit> {
    let p = &case.programmes[programme];
    let t = &params.thresholds;
    let ungraded = h.earlier.acquired
        + h.earlier.summary_tolerated
        + h.years
            .iter()
            .filter(|y| !y.detailed_only)
            .map(|y| y.acquired + y.summary_tolerated)
            .sum::<u64>();
    if ungraded > 0 {
        found.warn(
            "merit-incomplete",
            "Art. 18.4",
            h.last_year(),
            format!(
                "{} is behaald, maar {} komen uit samenvattingen of eerdere voortgang zonder cijfers: de graad van verdienste kan niet berekend worden; vul die jaren in detail in",
                p.name,
                sp(ungraded as i64)
            ),
        );
        return None;
    }
    let mut weighted: u64 = 0;
    let mut weight: u64 = 0;
    let mut examined: u64 = 0;
    for yf in years {
        for (ei, e) in yf
            .enrolments
            .iter()
            .enumerate()
            .filter(|(_, e)| e.programme == programme)
        {
            for (ui, u) in e.units.iter().enumerate() {
                let tolerated = accepted.contains(&(yf.year, ei, ui));
                if !(u.credit || tolerated) {
                    continue;
                }
                examined += u64::from(u.sp);
                if let Some(Mark::Tenths(g)) = u.result.final_mark
                    && g >= 0
                {
                    weighted += u64::from(u.sp) * (g as u64 / 10);
                    weight += u64::from(u.sp);
                }
            }
        }
    }
    let average = Ratio::new(weighted, weight * 20);
    let mut lines = Vec::new();
    if let Some(a) = average {
        lines.push(Line::note(
            "Art. 18.4",
            format!(
                "Gewogen gemiddelde van de cijfers die tot een credit of tolerantie leidden (vrijstellingen en niet-numerieke resultaten niet meegerekend): {}/{} = {}.",
                weighted,
                weight * 20,
                a.percent_1_dutch()
            ),
        ));
    }
    let covered = examined * 100 >= u64::from(p.size) * u64::from(t.merit_coverage_percent);
    if !covered {
        let reason = format!(
            "de opleidingsonderdelen met een examen vertegenwoordigen {} van de {} SP, minder dan de helft",
            sp(examined as i64),
            p.size
        );
        lines.push(Line::note(
            "Art. 18.4",
            format!("Geen graad van verdienste: {reason}."),
        ));
        return Some(Merit {
            average,
            degree: None,
            reason: Some(reason),
            lines,
        });
    }
    let Some(a) = average else {
        let reason = "geen enkel opleidingsonderdeel met een cijfer op 20".to_string();
        lines.push(Line::note(
            "Art. 18.4",
            format!("Geen graad van verdienste: {reason}."),
        ));
        return Some(Merit {
            average: None,
            degree: None,
            reason: Some(reason),
            lines,
        });
    };
    let m = &t.merit_percents;
    let degree = if a.at_least_percent(m.grootste) {
        Degree::GrootsteOnderscheiding
    } else if a.at_least_percent(m.grote) {
        Degree::GroteOnderscheiding
    } else if a.at_least_percent(m.onderscheiding) {
        Degree::Onderscheiding
    } else {
        Degree::Voldoening
    };
    lines.push(Line::note(
        "Art. 18.4",
        format!(
            "{} (grenzen {} %, {} % en {} %, exact vergeleken).",
            degree.dutch(),
            m.onderscheiding,
            m.grote,
            m.grootste
        ),
    ));
    Some(Merit {
        average: Some(a),
        degree: Some(degree),
        reason: None,
        lines,
    })
}
