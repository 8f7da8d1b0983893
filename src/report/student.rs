//! The student-facing report: in plain Dutch, addressed to the student
//! (je), what the figures are now, what each ledger line means with its
//! article, study efficiency and tolerance, and the scenarios compared —
//! only the rows that mean something, the differences highlighted.

use crate::dutch::{listing, signed};
use crate::model::{Case, Date, Scenario, apply_scenario};
use crate::params::Params;
use crate::rules::{
    CompareRow, Outcome, ProgrammeOutcome, column_differs, compare, compute_on, effective_as_of,
    hundredths_dutch, percent_or_dash, programmes_in_use,
};

use super::document::{Block, Row, html, markdown};

fn outcome(case: &Case, params: &Params, today: Date) -> Outcome {
    compute_on(case, params, effective_as_of(case), Some(today))
}

/// `1 scenario`, `2 scenario's`: a count with its noun, singular or plural.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Phrases about the student in the third person, and how the report says
/// them to the student; the longest first.
const TO_JE: &[(&str, &str)] = &[
    ("De student heeft", "Je hebt"),
    ("de student heeft", "je hebt"),
    ("heeft de student", "heb je"),
    ("De student is", "Je bent"),
    ("de student is", "je bent"),
    ("is de student", "ben je"),
    ("De student", "Je"),
    ("de student", "je"),
    ("Een student", "Je"),
    ("een student", "je"),
];

/// The trace and warning texts (written for the counsellor) in the
/// report's one voice: the student is "je".
pub fn je(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'outer: while !rest.is_empty() {
        for (from, to) in TO_JE {
            if let Some(after) = rest.strip_prefix(from) {
                let word_ends = !after.chars().next().is_some_and(char::is_alphabetic);
                let word_starts = !out.chars().last().is_some_and(char::is_alphabetic);
                if word_ends && word_starts {
                    out.push_str(to);
                    rest = after;
                    continue 'outer;
                }
            }
        }
        let c = rest.chars().next().expect("not empty");
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The scenario asked for, or a Dutch message naming the ones there are.
pub fn find_scenario<'a>(case: &'a Case, name: &str) -> Result<&'a Scenario, String> {
    case.scenario(name).ok_or_else(|| {
        let names: Vec<String> = case
            .scenarios
            .iter()
            .map(|s| format!("«{}»", s.name))
            .collect();
        format!(
            "geen scenario «{name}»; het dossier heeft {}",
            if names.is_empty() {
                "geen scenario's".to_string()
            } else {
                listing(&names)
            }
        )
    })
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// The short summary on the first page.
fn summary(o: &Outcome, b: &mut Vec<Block>) {
    let mut items = vec![format!(
        "Je leerkrediet is nu {}{}.",
        o.ledger.balance,
        o.as_of.map(|y| format!(", na {y}")).unwrap_or_default()
    )];
    for p in programmes_in_use(o) {
        let mut s = format!(
            "{}: {} van de {} studiepunten zijn klaar (credits, vrijstellingen en toleranties samen)",
            p.name,
            p.progress.done(),
            p.size
        );
        if let Some(y) = p.years.last()
            && y.efficiency.is_some()
        {
            s.push_str(&format!(
                "; je studie-efficiëntie in {} is {}",
                y.year,
                percent_or_dash(y.efficiency)
            ));
        }
        if let Some(t) = &p.tolerance {
            s.push_str(&format!(
                "; je hebt nog {} SP tolerantiekrediet",
                hundredths_dutch(t.remaining_hundredths())
            ));
        }
        if p.passed {
            s.push_str("; je behaalde de opleiding");
        }
        s.push('.');
        items.push(s);
    }
    b.push(Block::List(items));
    let mut attention: Vec<String> = o
        .warnings
        .iter()
        .map(|w| format!("{} ({})", je(&w.msg.to_string()), w.article()))
        .collect();
    attention.extend(o.errors.iter().map(|e| {
        format!(
            "Nog na te kijken door je begeleider ({}): {}",
            e.place,
            je(&e.msg.to_string())
        )
    }));
    if attention.is_empty() {
        b.push(Block::Para("Er zijn geen aandachtspunten.".into()));
    } else {
        b.push(Block::Para(format!(
            "Let op ({}):",
            count(attention.len(), "aandachtspunt", "aandachtspunten")
        )));
        b.push(Block::List(attention));
    }
}

/// The ledger: the table (only the columns that are not all zero) and what
/// each line means.
fn ledger(case: &Case, o: &Outcome, b: &mut Vec<Block>) {
    b.push(Block::Section("Leerkrediet".into()));
    let start = match (&case.opening, o.ledger.rows.first()) {
        (Some(op), _) => format!(
            "Bij het begin van {} had je {} punten, zoals Mijn Burgerprofiel het toonde",
            op.year, op.balance
        ),
        (None, _) => "Je startte met 140 punten (Art. 8.1 §1)".to_string(),
    };
    b.push(Block::Para(format!(
        "Je leerkrediet is nu {}. {start}; elk jaar gaan de studiepunten waarvoor je inschrijft eraf, en komen de punten terug van de opleidingsonderdelen waarvoor je slaagt (Art. 8.1). De eerste 60 punten waarvoor je slaagt onder diplomacontract tellen één keer dubbel (bonus, Art. 8.1 §3).",
        o.ledger.balance
    )));
    type Column = (&'static str, bool, fn(&crate::rules::LedgerRow) -> i64);
    let columns: [Column; 9] = [
        ("begin", true, |r| r.start),
        ("opbouw", false, |r| r.rebuild),
        ("opgenomen", true, |r| -r.taken),
        ("terug", false, |r| r.refunded),
        ("verworven", true, |r| r.acquired),
        ("bonus", false, |r| r.bonus),
        ("master", false, |r| r.master),
        ("einde", true, |r| r.end),
        ("", false, |_| 0),
    ];
    let shown: Vec<&Column> = columns
        .iter()
        .filter(|(name, always, f)| {
            !name.is_empty() && (*always || o.ledger.rows.iter().any(|r| f(r) != 0))
        })
        .collect();
    let mut header = vec!["jaar".to_string()];
    header.extend(shown.iter().map(|(n, ..)| n.to_string()));
    let rows = o
        .ledger
        .rows
        .iter()
        .map(|r| {
            let mut cells = vec![r.year.to_string()];
            cells.extend(shown.iter().map(|(name, _, f)| match *name {
                "begin" | "einde" => f(r).to_string(),
                _ => signed(f(r)),
            }));
            Row::plain(cells)
        })
        .collect();
    b.push(Block::Table { header, rows });
    b.push(Block::Heading("Wat betekent elke regel?".into()));
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
                    " Zo leest je begeleider het reglement hier."
                } else {
                    ""
                };
                format!("{}{amount}: {}{reading}", l.article, je(&l.msg.to_string()))
            })
            .collect();
        b.push(Block::Para(format!(
            "{}: van {} naar {}.",
            r.year, r.start, r.end
        )));
        b.push(Block::List(items));
    }
}

/// Study efficiency, progress, degree and tolerance of one programme.
fn programme(p: &ProgrammeOutcome, b: &mut Vec<Block>) {
    b.push(Block::Heading(format!("{} ({} SP)", p.name, p.size)));
    if !p.years.is_empty() {
        let trajectory = p.years.iter().any(|y| y.automatic_trajectory.is_some());
        let mut header = strings(&[
            "jaar",
            "opgenomen",
            "verworven",
            "studie-efficiëntie",
            "cumulatief",
        ]);
        if trajectory {
            header.push("automatisch individueel traject".into());
        }
        let mut low = false;
        let rows = p
            .years
            .iter()
            .map(|y| {
                let mut cells = vec![
                    y.year.to_string(),
                    y.taken.to_string(),
                    y.acquired.to_string(),
                    percent_or_dash(y.efficiency),
                    percent_or_dash(y.cumulative),
                ];
                if trajectory {
                    cells.push(
                        match y.automatic_trajectory {
                            Some(true) => "ja",
                            Some(false) => "nee",
                            None => "—",
                        }
                        .into(),
                    );
                }
                let below = y.efficiency.is_some_and(|r| !r.at_least_percent(60));
                low |= below;
                Row::highlighted(cells, below)
            })
            .collect();
        b.push(Block::Table { header, rows });
        if low {
            b.push(Block::Para(
                "Gemarkeerd: een jaar met minder dan 60 % studie-efficiëntie.".into(),
            ));
        }
    }
    let mut done = format!(
        "Klaar: {} van {} studiepunten ({} met credit, {} vrijgesteld, {} getolereerd).",
        p.progress.done(),
        p.size,
        p.progress.credited,
        p.progress.exempted,
        p.progress.tolerated
    );
    if p.passed {
        done.push_str(" Je behaalde de opleiding (Art. 18.1).");
    }
    b.push(Block::Para(done));
    if let Some(m) = &p.merit {
        b.push(Block::Para(format!(
            "Graad van verdienste (Art. 18.4): {} — gewogen gemiddelde {}.",
            m.degree
                .map(|d| d.dutch().to_string())
                .or_else(|| m
                    .reason
                    .as_ref()
                    .map(|r| je(&crate::dutch::merit_reason(r))))
                .unwrap_or_default(),
            percent_or_dash(m.average)
        )));
    }
    let Some(t) = &p.tolerance else { return };
    b.push(Block::Para(format!(
        "Tolerantie: je tolerantiekrediet is {} SP; je zette er {} in, er blijft {} over (Art. 18.2). Een tekort van 8 of 9 op 20 kan je tolereren: dan hoef je het niet opnieuw te doen, maar het leerkrediet ervan blijft verloren en de keuze is definitief (Art. 18.3).",
        hundredths_dutch(t.available_hundredths),
        t.used,
        hundredths_dutch(t.remaining_hundredths())
    )));
    if t.units.is_empty() {
        return;
    }
    let rows: Vec<Row> = t
        .units
        .iter()
        .map(|v| {
            let why: Vec<String> = crate::dutch::failing(v).iter().map(|s| je(s)).collect();
            let verdict = if v.tolerated {
                "getolereerd".to_string()
            } else if v.tolerable() {
                "kan".to_string()
            } else {
                format!("kan niet — {}", why.join("; "))
            };
            Row::highlighted(
                vec![
                    v.year.to_string(),
                    format!("{} {}", v.code, v.unit),
                    v.sp.to_string(),
                    v.grade.clone(),
                    verdict,
                ],
                v.tolerable() && !v.tolerated,
            )
        })
        .collect();
    let open = rows.iter().any(|r| r.highlight);
    b.push(Block::Table {
        header: strings(&[
            "jaar",
            "opleidingsonderdeel",
            "SP",
            "resultaat",
            "tolereren?",
        ]),
        rows,
    });
    if open {
        b.push(Block::Para(
            "Gemarkeerd: een tekort dat je nog kan tolereren.".into(),
        ));
    }
}

/// The rows of a comparison worth showing a student: the headline figures
/// always, the others where they differ; warnings and errors are said in
/// sentences instead.
fn meaningful(rows: Vec<CompareRow>) -> Vec<CompareRow> {
    let figures: Vec<CompareRow> = rows
        .into_iter()
        .filter(|r| {
            r.heading
                || (!r.title.starts_with("Waarschuwing")
                    && r.title != "Fouten in het dossier"
                    && (r.headline || r.differs))
        })
        .collect();
    // A heading with nothing under it goes.
    let mut out: Vec<CompareRow> = Vec::new();
    for r in figures {
        if r.heading && out.last().is_some_and(|l| l.heading) {
            out.pop();
        }
        out.push(r);
    }
    if out.last().is_some_and(|l| l.heading) {
        out.pop();
    }
    out
}

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

/// The scenarios compared with the situation now: one column per scenario
/// that changes something.
fn scenarios(
    case: &Case,
    params: &Params,
    base: &Outcome,
    shown: &[&Scenario],
    today: Date,
    b: &mut Vec<Block>,
) {
    b.push(Block::Section("Wat als …?".into()));
    b.push(Block::Para(format!(
        "Je begeleider bekeek {}: een \"wat als\" bovenop wat er werkelijk gebeurde. Niets daarvan is al beslist.",
        count(shown.len(), "scenario", "scenario's")
    )));
    let applied: Vec<(Case, Vec<String>)> = shown.iter().map(|s| apply_scenario(case, s)).collect();
    let outcomes: Vec<Outcome> = applied
        .iter()
        .map(|(c, _)| outcome(c, params, today))
        .collect();
    let mut all = vec![base];
    all.extend(outcomes.iter());
    let rows = compare(&all);
    let mut described = Vec::new();
    let mut without = Vec::new();
    let mut columns = Vec::new();
    for (i, s) in shown.iter().enumerate() {
        let mut text = format!(
            "«{}»: {}",
            s.name,
            if s.changes.is_empty() {
                "nog geen wijzigingen".to_string()
            } else {
                s.changes
                    .iter()
                    .map(|c| c.dutch())
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        );
        if !s.note.is_empty() {
            text.push_str(&format!(" ({})", s.note));
        }
        text.push('.');
        let stale = &applied[i].1;
        if !stale.is_empty() {
            text.push_str(&format!(
                " {} niet meer op je gegevens: {}.",
                if stale.len() == 1 {
                    "1 wijziging past".to_string()
                } else {
                    format!("{} wijzigingen passen", stale.len())
                },
                stale.join("; ")
            ));
        }
        if column_differs(&rows, i + 1) {
            described.push(text);
            columns.push(i);
        } else {
            without.push(format!("«{}»", s.name));
        }
    }
    if !described.is_empty() {
        b.push(Block::List(described));
    }
    if !without.is_empty() {
        b.push(Block::Para(format!(
            "{} {} niets aan je cijfers.",
            listing(&without),
            if without.len() == 1 {
                "verandert"
            } else {
                "veranderen"
            }
        )));
    }
    if columns.is_empty() {
        return;
    }
    // The table: now, then each scenario that changes something.
    let mut header = vec![String::new(), "nu".to_string()];
    header.extend(columns.iter().map(|&i| shown[i].name.clone()));
    let width = header.len();
    let table: Vec<Row> = meaningful(rows.clone())
        .into_iter()
        .map(|r| {
            if r.heading {
                return Row::group(r.label.trim().to_string(), width);
            }
            let mut cells = vec![r.label.trim().to_string(), r.cells[0].text.clone()];
            let mut strong = vec![false, false];
            for &i in &columns {
                let c = i + 1;
                let delta = r.delta(c);
                cells.push(if delta.starts_with(['+', '-']) {
                    format!("{} ({delta})", r.cells[c].text)
                } else {
                    r.cells[c].text.clone()
                });
                strong.push(r.differs_at(c));
            }
            let highlight = columns.iter().any(|&i| r.differs_at(i + 1));
            Row {
                cells,
                highlight,
                strong,
                group: false,
            }
        })
        .collect();
    b.push(Block::Table {
        header,
        rows: table,
    });
    b.push(Block::Para(
        "Gemarkeerd: een cijfer dat in een scenario anders is dan nu; het verschil staat tussen haakjes.".into(),
    ));
    // Warnings that come or go, in sentences.
    let mut notes = Vec::new();
    for (i, o) in columns.iter().map(|&i| (i, &outcomes[i])) {
        // Given in `from` but not in `to`.
        let only = |from: &Outcome, to: &Outcome, how: &str, notes: &mut Vec<String>| {
            for w in &from.warnings {
                if !to
                    .warnings
                    .iter()
                    .any(|x| x.code == w.code && x.year == w.year)
                {
                    notes.push(format!(
                        "{how} «{}»: {} ({})",
                        shown[i].name,
                        je(&w.msg.to_string()),
                        w.article()
                    ));
                }
            }
        };
        only(o, base, "Alleen in", &mut notes);
        only(base, o, "Valt weg in", &mut notes);
        if o.errors.len() > base.errors.len() {
            notes.push(format!(
                "«{}» is nog niet volledig ingevuld; je begeleider kijkt het na.",
                shown[i].name
            ));
        }
    }
    if !notes.is_empty() {
        b.push(Block::List(notes));
    }
}

fn blocks(
    case: &Case,
    params: &Params,
    scenario: Option<&str>,
    today: Date,
) -> Result<Vec<Block>, String> {
    let picked = scenario.map(|n| find_scenario(case, n)).transpose()?;
    let shown = match picked {
        Some(s) => apply_scenario(case, s).0,
        None => case.clone(),
    };
    let o = outcome(&shown, params, today);
    let mut b = Vec::new();
    b.push(Block::Title(match picked {
        Some(s) => format!(
            "Je leerkrediet, tolerantie en studie-efficiëntie — scenario «{}»",
            s.name
        ),
        None => "Je leerkrediet, tolerantie en studie-efficiëntie".to_string(),
    }));
    let number = if case.student.number.is_empty() {
        String::new()
    } else {
        format!(" ({})", case.student.number)
    };
    b.push(Block::Para(format!(
        "Voor {}{number}, opgemaakt op {} door je studietrajectbegeleider, volgens het {} van {} (OER). Stand tot en met {}.",
        case.student.name,
        today.dutch(),
        regulation(params, o.as_of),
        params.home().name,
        o.as_of.map(|y| y.to_string()).unwrap_or_else(|| "—".into()),
    )));
    if let Some(s) = picked {
        b.push(Block::Para(format!(
            "Dit is een scenario: een \"wat als\", niet wat er werkelijk gebeurde.{}",
            if s.note.is_empty() {
                String::new()
            } else {
                format!(" Notitie: {}.", s.note)
            }
        )));
    }
    b.push(Block::Section("In het kort".into()));
    summary(&o, &mut b);
    if !o.targets.is_empty() {
        b.push(Block::Section("Wat moet je nog halen?".into()));
        b.push(Block::Para(
            "Het academiejaar loopt nog: sommige resultaten komen nog. Dit heb je minstens nog nodig (de opleidingsonderdelen zijn een voorbeeld; andere met evenveel studiepunten kunnen ook):".into(),
        ));
        b.push(Block::List(
            o.targets
                .iter()
                .map(|t| crate::dutch::target_sentence(t, crate::dutch::Voice::Student))
                .collect(),
        ));
    }
    ledger(&shown, &o, &mut b);
    let programmes: Vec<&ProgrammeOutcome> = programmes_in_use(&o);
    if !programmes.is_empty() {
        b.push(Block::Section("Studie-efficiëntie en tolerantie".into()));
        b.push(Block::Para(
            "De studie-efficiëntie is het deel van de opgenomen studiepunten waarvoor je een credit behaalde (Art. 1.1.55). Haal je in een jaar minder dan 60 %, dan kan de toelatingscommissie bindende voorwaarden opleggen (Art. 13.1); met minstens 60 % kan je in een professionele bachelor automatisch een individueel traject volgen (Art. 11.3 §3).".into(),
        ));
        for p in programmes {
            programme(p, &mut b);
        }
    }
    match picked {
        // One scenario: compared with the situation now.
        Some(s) => scenarios(
            case,
            params,
            &outcome(case, params, today),
            &[s],
            today,
            &mut b,
        ),
        None if !case.scenarios.is_empty() => {
            let all: Vec<&Scenario> = case.scenarios.iter().collect();
            scenarios(case, params, &o, &all, today, &mut b)
        }
        None => {}
    }
    b.push(Block::Para(
        "Dit verslag legt de regels uit; de officiële stand van je leerkrediet vind je op Mijn Burgerprofiel. Vragen? Je studietrajectbegeleider helpt je graag.".into(),
    ));
    Ok(b)
}

/// The report as Markdown.
pub fn report_markdown(
    case: &Case,
    params: &Params,
    scenario: Option<&str>,
    today: Date,
) -> Result<String, String> {
    Ok(markdown(&blocks(case, params, scenario, today)?))
}

/// The report as one self-contained HTML file (no external resources, no
/// scripts) that prints on A4, a new page per section.
pub fn report_html(
    case: &Case,
    params: &Params,
    scenario: Option<&str>,
    today: Date,
) -> Result<String, String> {
    let blocks = blocks(case, params, scenario, today)?;
    let title = match blocks.first() {
        Some(Block::Title(t)) => format!("{t} — {}", case.student.name),
        _ => "Verslag".into(),
    };
    Ok(html(&blocks, &title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_speaks_to_the_student() {
        assert_eq!(
            je("In 2018-2019 verwierf de student 0 van 6. De student vraagt het aan."),
            "In 2018-2019 verwierf je 0 van 6. Je vraagt het aan."
        );
        assert_eq!(
            je("de student heeft het hoger onderwijs verlaten"),
            "je hebt het hoger onderwijs verlaten"
        );
        assert_eq!(
            je("die een student onder diplomacontract verwerft"),
            "die je onder diplomacontract verwerft"
        );
        // Only whole words.
        assert_eq!(
            je("de studenten, generatiestudent"),
            "de studenten, generatiestudent"
        );
    }

    #[test]
    fn counts_take_their_plural() {
        assert_eq!(count(1, "scenario", "scenario's"), "1 scenario");
        assert_eq!(count(2, "scenario", "scenario's"), "2 scenario's");
        assert_eq!(count(0, "scenario", "scenario's"), "0 scenario's");
    }
}
