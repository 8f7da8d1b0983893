//! The student-facing report: a plain-Dutch summary of the ledger (what each
//! line means, with its article), tolerance and study efficiency, and the
//! scenarios compared. One document model, written as Markdown or as one
//! self-contained HTML file that prints well.

use crate::dutch::{self, signed};
use crate::model::{Case, Date, apply_scenario};
use crate::params::Params;
use crate::rules::{Outcome, compare, compute, effective_as_of, hundredths_dutch, percent_or_dash};

/// The title of the regulation in force in a year (or the nearest one),
/// with a lower-case first letter for inside a sentence.
fn regulation(params: &Params, year: Option<crate::model::AcademicYear>) -> String {
    let home = params.home();
    let title = year
        .and_then(|y| home.regulation.in_force(y))
        .or_else(|| {
            home.regulation
                .values
                .last()
                .map(crate::params::InForce::Exact)
        })
        .map(|v| v.valid().value.clone())
        .unwrap_or_else(|| "reglement".into());
    let mut chars = title.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => title,
    }
}

/// A block of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Block {
    Heading(u8, String),
    Para(String),
    List(Vec<String>),
    /// Header, rows, and per row whether to highlight it.
    Table(Vec<String>, Vec<Vec<String>>, Vec<bool>),
}

fn outcome(case: &Case, params: &Params) -> Outcome {
    compute(case, params, effective_as_of(case))
}

fn blocks(
    case: &Case,
    params: &Params,
    scenario: Option<&str>,
    today: Date,
) -> Result<Vec<Block>, String> {
    let (shown, title) = match scenario {
        Some(name) => {
            let s = case.scenario(name).ok_or_else(|| {
                let names: Vec<&str> = case.scenarios.iter().map(|s| s.name.as_str()).collect();
                format!(
                    "geen scenario \"{name}\"; het dossier heeft: {}",
                    if names.is_empty() {
                        "geen scenario's".into()
                    } else {
                        names.join(", ")
                    }
                )
            })?;
            (apply_scenario(case, s).0, format!(" — scenario «{name}»"))
        }
        None => (case.clone(), String::new()),
    };
    let o = outcome(&shown, params);
    let mut b = Vec::new();
    b.push(Block::Heading(
        1,
        format!("Leerkrediet, tolerantie en studie-efficiëntie{title}"),
    ));
    let number = if case.student.number.is_empty() {
        String::new()
    } else {
        format!(" ({})", case.student.number)
    };
    b.push(Block::Para(format!(
        "Student: {}{number}. Stand tot en met {}. Opgemaakt op {} door de studietrajectbegeleiding, volgens het {} van {} (OER).",
        case.student.name,
        o.as_of.map(|y| y.to_string()).unwrap_or_else(|| "—".into()),
        today.dutch(),
        regulation(params, o.as_of),
        params.home().name
    )));
    if let Some(s) = scenario.and_then(|n| case.scenario(n)) {
        b.push(Block::Para(format!(
            "Dit is een scenario: een \"wat als\", niet wat er werkelijk gebeurde. {}",
            if s.note.is_empty() {
                String::new()
            } else {
                format!("Notitie: {}.", s.note)
            }
        )));
    }

    b.push(Block::Heading(2, "Leerkrediet".into()));
    b.push(Block::Para(format!(
        "Je leerkrediet is nu {}. Je startte met 140 punten; elk jaar gaan de studiepunten waarvoor je inschrijft eraf, en komen de punten terug van de opleidingsonderdelen waarvoor je slaagt (Art. 8.1). De eerste 60 punten waarvoor je slaagt onder diplomacontract tellen één keer dubbel (bonus, Art. 8.1 §3).",
        o.ledger.balance
    )));
    b.push(Block::Table(
        [
            "jaar",
            "begin",
            "opbouw",
            "opgenomen",
            "terug",
            "verworven",
            "bonus",
            "master",
            "einde",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        o.ledger
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.year.to_string(),
                    r.start.to_string(),
                    signed(r.rebuild),
                    signed(-r.taken),
                    signed(r.refunded),
                    signed(r.acquired),
                    signed(r.bonus),
                    signed(r.master),
                    r.end.to_string(),
                ]
            })
            .collect(),
        vec![false; o.ledger.rows.len()],
    ));
    b.push(Block::Heading(3, "Wat betekent elke regel?".into()));
    for r in &o.ledger.rows {
        let items: Vec<String> = r
            .lines
            .iter()
            .map(|l| {
                let amount = l
                    .amount
                    .filter(|a| *a != 0)
                    .map(|a| format!(" ({})", signed(a)))
                    .unwrap_or_default();
                let reading = if l.interpretation {
                    " Dit is de lezing die de studietrajectbegeleiding van het reglement volgt."
                } else {
                    ""
                };
                format!("{}{amount}: {}{reading}", l.article, l.msg)
            })
            .collect();
        b.push(Block::Para(format!(
            "{} (van {} naar {}):",
            r.year, r.start, r.end
        )));
        b.push(Block::List(items));
    }

    b.push(Block::Heading(2, "Studie-efficiëntie".into()));
    b.push(Block::Para(
        "De studie-efficiëntie is het deel van de opgenomen studiepunten waarvoor je een credit behaalde (Art. 1.1.55). Haal je in een jaar minder dan 60 %, dan kan de toelatingscommissie bindende voorwaarden opleggen (Art. 13.1); met minstens 60 % kan je in een professionele bachelor automatisch een individueel traject volgen (Art. 11.3 §3).".into(),
    ));
    for p in &o.programmes {
        b.push(Block::Heading(3, format!("{} ({} SP)", p.name, p.size)));
        b.push(Block::Table(
            [
                "jaar",
                "opgenomen",
                "verworven",
                "studie-efficiëntie",
                "cumulatief",
                "automatisch traject",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
            p.years
                .iter()
                .map(|y| {
                    vec![
                        y.year.to_string(),
                        y.taken.to_string(),
                        y.acquired.to_string(),
                        percent_or_dash(y.efficiency),
                        percent_or_dash(y.cumulative),
                        match y.automatic_trajectory {
                            Some(true) => "ja".into(),
                            Some(false) => "nee".into(),
                            None => "—".into(),
                        },
                    ]
                })
                .collect(),
            p.years
                .iter()
                .map(|y| y.efficiency.is_some_and(|r| !r.at_least_percent(60)))
                .collect(),
        ));
        b.push(Block::Para(format!(
            "Klaar: {} van {} studiepunten ({} met credit, {} vrijgesteld, {} getolereerd){}.",
            p.progress.done(),
            p.size,
            p.progress.credited,
            p.progress.exempted,
            p.progress.tolerated,
            if p.passed {
                "; de opleiding is behaald (Art. 18.1)"
            } else {
                ""
            }
        )));
        if let Some(m) = &p.merit {
            b.push(Block::Para(format!(
                "Graad van verdienste (Art. 18.4): {} — gewogen gemiddelde {}.",
                m.degree
                    .map(|d| d.dutch().to_string())
                    .or_else(|| m.reason.as_ref().map(dutch::merit_reason))
                    .unwrap_or_default(),
                percent_or_dash(m.average)
            )));
        }
        if let Some(t) = &p.tolerance {
            b.push(Block::Heading(3, format!("Tolerantie in {}", p.name)));
            b.push(Block::Para(format!(
                "Je tolerantiekrediet is {} SP; je zette er {} in, er blijft {} over (Art. 18.2). Een tekort van 8 of 9 op 20 kan je tolereren: dan hoef je het niet opnieuw te doen, maar het leerkrediet ervan blijft verloren en de keuze is definitief (Art. 18.3).",
                hundredths_dutch(t.available_hundredths),
                t.used,
                hundredths_dutch(t.remaining_hundredths())
            )));
            if !t.units.is_empty() {
                b.push(Block::Table(
                    [
                        "jaar",
                        "opleidingsonderdeel",
                        "SP",
                        "resultaat",
                        "tolereren?",
                    ]
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                    t.units
                        .iter()
                        .map(|v| {
                            let why = dutch::failing(v);
                            vec![
                                v.year.to_string(),
                                format!("{} {}", v.code, v.unit),
                                v.sp.to_string(),
                                v.grade.clone(),
                                if v.tolerated {
                                    "getolereerd".to_string()
                                } else if v.tolerable() {
                                    "kan".to_string()
                                } else {
                                    format!("kan niet — {}", why.join("; "))
                                },
                            ]
                        })
                        .collect(),
                    t.units
                        .iter()
                        .map(|v| v.tolerable() && !v.tolerated)
                        .collect(),
                ));
            }
        }
    }

    b.push(Block::Heading(2, "Aandachtspunten".into()));
    if o.warnings.is_empty() && o.errors.is_empty() {
        b.push(Block::Para("Geen.".into()));
    } else {
        b.push(Block::List(
            o.warnings
                .iter()
                .map(|w| {
                    format!(
                        "{}{}: {}",
                        w.article(),
                        w.year.map(|y| format!(", {y}")).unwrap_or_default(),
                        w.msg
                    )
                })
                .chain(
                    o.errors.iter().map(|e| {
                        format!("Nog na te kijken in het dossier ({}): {}", e.place, e.msg)
                    }),
                )
                .collect(),
        ));
    }

    if scenario.is_none() && !case.scenarios.is_empty() {
        b.push(Block::Heading(2, "Scenario's vergeleken".into()));
        b.push(Block::Para(
            "Wat zou er veranderen? Elke kolom is een \"wat als\" bovenop je werkelijke geschiedenis (de basis). Alleen de cijfers die verschillen staan hieronder.".into(),
        ));
        for s in &case.scenarios {
            b.push(Block::Para(format!(
                "«{}»: {}{}",
                s.name,
                s.changes
                    .iter()
                    .map(|c| c.dutch())
                    .collect::<Vec<_>>()
                    .join("; "),
                if s.note.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", s.note)
                }
            )));
        }
        let outcomes: Vec<Outcome> = case
            .scenarios
            .iter()
            .map(|s| outcome(&apply_scenario(case, s).0, params))
            .collect();
        let mut all: Vec<&Outcome> = vec![&o];
        all.extend(outcomes.iter());
        let rows: Vec<_> = compare(&all).into_iter().filter(|r| r.differs).collect();
        let mut header = vec!["".to_string(), "basis".to_string()];
        header.extend(case.scenarios.iter().map(|s| s.name.clone()));
        if rows.is_empty() {
            b.push(Block::Para("Geen enkel cijfer verschilt.".into()));
        } else {
            let n = rows.len();
            b.push(Block::Table(
                header,
                rows.into_iter()
                    .map(|r| {
                        let mut v = vec![r.label];
                        v.extend(r.values);
                        v
                    })
                    .collect(),
                vec![true; n],
            ));
        }
    }
    b.push(Block::Para(
        "Dit verslag legt de regels uit; de officiële stand van je leerkrediet vind je op Mijn Burgerprofiel. Vragen? Je studietrajectbegeleider helpt je graag.".into(),
    ));
    Ok(b)
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The report as Markdown.
pub fn report_markdown(
    case: &Case,
    params: &Params,
    scenario: Option<&str>,
    today: Date,
) -> Result<String, String> {
    let mut s = String::new();
    for b in blocks(case, params, scenario, today)? {
        match b {
            Block::Heading(level, text) => {
                s.push_str(&format!("{} {text}\n\n", "#".repeat(level as usize)))
            }
            Block::Para(text) => s.push_str(&format!("{text}\n\n")),
            Block::List(items) => {
                for i in items {
                    s.push_str(&format!("- {i}\n"));
                }
                s.push('\n');
            }
            Block::Table(header, rows, highlight) => {
                s.push_str(&format!(
                    "| {} |\n",
                    header
                        .iter()
                        .map(|h| md_cell(h))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ));
                s.push_str(&format!("|{}\n", "---|".repeat(header.len())));
                for (r, hl) in rows.iter().zip(highlight) {
                    let cells: Vec<String> = r
                        .iter()
                        .map(|c| {
                            if hl {
                                format!("**{}**", md_cell(c))
                            } else {
                                md_cell(c)
                            }
                        })
                        .collect();
                    s.push_str(&format!("| {} |\n", cells.join(" | ")));
                }
                s.push('\n');
            }
        }
    }
    Ok(s)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const CSS: &str = "body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:11pt;line-height:1.4;max-width:60em;margin:2em auto;padding:0 1em;color:#111}\
h1{font-size:17pt;border-bottom:2px solid #1b4f9c;padding-bottom:.2em}h2{font-size:14pt;color:#1b4f9c;margin-top:1.4em}h3{font-size:12pt}\
table{border-collapse:collapse;margin:.6em 0 1em;width:100%}th,td{border:1px solid #999;padding:.25em .5em;text-align:left;vertical-align:top}\
th{background:#e8eef8}td:not(:first-child){font-variant-numeric:tabular-nums}tr.hl td{background:#fff6d5;font-weight:bold}\
ul{padding-left:1.3em}li{margin:.15em 0}\
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}table,li{break-inside:avoid}@page{margin:1.6cm}}";

/// The report as one self-contained HTML file (no external resources).
pub fn report_html(
    case: &Case,
    params: &Params,
    scenario: Option<&str>,
    today: Date,
) -> Result<String, String> {
    let blocks = blocks(case, params, scenario, today)?;
    let title = match blocks.first() {
        Some(Block::Heading(_, t)) => t.clone(),
        _ => "Verslag".into(),
    };
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} — {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        esc(&title),
        esc(&case.student.name)
    );
    for b in blocks {
        match b {
            Block::Heading(level, text) => {
                s.push_str(&format!("<h{level}>{}</h{level}>\n", esc(&text)))
            }
            Block::Para(text) => s.push_str(&format!("<p>{}</p>\n", esc(&text))),
            Block::List(items) => {
                s.push_str("<ul>\n");
                for i in items {
                    s.push_str(&format!("<li>{}</li>\n", esc(&i)));
                }
                s.push_str("</ul>\n");
            }
            Block::Table(header, rows, highlight) => {
                s.push_str("<table>\n<thead><tr>");
                for h in header {
                    s.push_str(&format!("<th>{}</th>", esc(&h)));
                }
                s.push_str("</tr></thead>\n<tbody>\n");
                for (r, hl) in rows.iter().zip(highlight) {
                    s.push_str(if hl { "<tr class=\"hl\">" } else { "<tr>" });
                    for c in r {
                        s.push_str(&format!("<td>{}</td>", esc(c)));
                    }
                    s.push_str("</tr>\n");
                }
                s.push_str("</tbody>\n</table>\n");
            }
        }
    }
    s.push_str("</body>\n</html>\n");
    Ok(s)
}
