//! The countdown said as sentences a student understands: what leaving
//! the programme costs today, and on each coming deadline (OER 8.1 §4–§9).

use crate::rules::{EnrolmentCountdown, Moment};

/// `1 dag`, `61 dagen`.
fn days(n: i64) -> String {
    if n == 1 {
        "1 dag".to_string()
    } else {
        format!("{n} dagen")
    }
}

/// What a moment costs: `60 SP`, with the cost of a change of programme
/// for a generatiestudent.
fn cost(m: &Moment) -> String {
    match m.lost_switching {
        Some(s) => format!("{} SP (bij een overstap {s} SP)", m.lost),
        None => format!("{} SP", m.lost),
    }
}

/// The countdown of one enrolment in two sentences: today's cost, then
/// each later deadline with its date (DD-MM-JJJJ) and the days to go.
///
/// `Chemie: wie vandaag uitschrijft, verliest 0 SP leerkrediet.` and
/// `Uitschrijven op 12-03-2018 (over 61 dagen) 6 SP; op 13-03-2018 …`
pub fn countdown_sentences(e: &EnrolmentCountdown) -> Vec<String> {
    let Some(now) = e.moments.first() else {
        return Vec::new();
    };
    let mut out = vec![format!(
        "{}: wie vandaag uitschrijft, verliest {} SP leerkrediet{}.",
        e.name,
        now.lost,
        now.lost_switching
            .map(|s| format!(" (bij een overstap {s} SP)"))
            .unwrap_or_default()
    )];
    // The first later moment says "kost"; the others follow it.
    let later: Vec<String> = e
        .moments
        .iter()
        .skip(1)
        .enumerate()
        .map(|(i, m)| {
            format!(
                "op {} (over {}){} {}",
                m.date.dutch(),
                days(m.days),
                if i == 0 { " kost" } else { "" },
                cost(m)
            )
        })
        .collect();
    if !later.is_empty() {
        out.push(format!("Uitschrijven {}.", later.join("; ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contract, Date};
    use crate::rules::MomentKind;

    fn moment(date: &str, days: i64, lost: i64, switching: Option<i64>) -> Moment {
        let date: Date = date.parse().unwrap();
        Moment {
            kind: MomentKind::Grensdatum(date),
            date,
            days,
            lost,
            lost_units: Vec::new(),
            lost_switching: switching,
        }
    }

    #[test]
    fn the_countdown_reads_as_sentences() {
        let e = EnrolmentCountdown {
            programme: "CH".into(),
            name: "Chemie".into(),
            contract: Contract::Diploma,
            moments: vec![
                moment("2018-01-10", 0, 0, Some(0)),
                moment("2018-03-12", 61, 6, Some(3)),
                moment("2018-03-13", 1, 12, Some(12)),
            ],
            lines: Vec::new(),
        };
        assert_eq!(
            countdown_sentences(&e),
            vec![
                "Chemie: wie vandaag uitschrijft, verliest 0 SP leerkrediet (bij een overstap 0 SP)."
                    .to_string(),
                "Uitschrijven op 12-03-2018 (over 61 dagen) kost 6 SP (bij een overstap 3 SP); op 13-03-2018 (over 1 dag) 12 SP (bij een overstap 12 SP)."
                    .to_string(),
            ]
        );
    }
}
