//! The readable Dutch summary of `traject check`.

use std::fmt::Write;

use crate::dutch::{self, signed};
use crate::model::{Case, Date};
use crate::params::Params;
use crate::rules::{Line, Outcome, countdown, hundredths_dutch, percent_or_dash};

fn explain(out: &mut String, lines: &[Line], indent: &str) {
    for l in lines {
        let amount = l.amount.map(signed).unwrap_or_default();
        let mark = if l.interpretation {
            " (interpretatie)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{indent}{:<16} {:>5}  {}{mark}",
            l.article.to_string(),
            amount,
            l.msg
        );
    }
}

/// The summary; with `explain`, every figure's trace lines too.
pub fn check_text(case: &Case, params: &Params, o: &Outcome, explain_lines: bool) -> String {
    let mut s = String::new();
    let number = if case.student.number.is_empty() {
        String::new()
    } else {
        format!(" ({})", case.student.number)
    };
    let _ = writeln!(
        s,
        "Dossier: {}{number}, stand tot en met {}{}",
        case.student.name,
        o.as_of.map(|y| y.to_string()).unwrap_or_else(|| "—".into()),
        o.today
            .map(|d| format!(", beoordeeld op {}", d.dutch()))
            .unwrap_or_default()
    );
    let _ = writeln!(s);
    if !o.targets.is_empty() {
        let _ = writeln!(
            s,
            "WAT MOET DE STUDENT NOG HALEN? (het academiejaar loopt nog)"
        );
        for t in &o.targets {
            let _ = writeln!(
                s,
                "  {} ({}): {}",
                dutch::goal(t.goal),
                t.goal.article(),
                dutch::target_sentence(t, dutch::Voice::Counsellor)
            );
            if explain_lines {
                explain(&mut s, &t.lines, "      ");
            }
        }
        let _ = writeln!(s);
    }
    let _ = writeln!(s, "LEERKREDIET (Art. 8.1)");
    let _ = writeln!(
        s,
        "{:<10} {:>6} {:>7} {:>9} {:>6} {:>9} {:>6} {:>7} {:>6}",
        "jaar", "begin", "opbouw", "opgenomen", "terug", "verworven", "bonus", "master", "einde"
    );
    for r in &o.ledger.rows {
        let _ = writeln!(
            s,
            "{:<10} {:>6} {:>7} {:>9} {:>6} {:>9} {:>6} {:>7} {:>6}{}",
            r.year.to_string(),
            r.start,
            signed(r.rebuild),
            signed(-r.taken),
            signed(r.refunded),
            signed(r.acquired),
            signed(r.bonus),
            signed(r.master),
            r.end,
            if !r.enrolled {
                "  (niet ingeschreven)".to_string()
            } else if r.provisional {
                format!(
                    "  voorlopig: {} SP zonder eindresultaat; als alles slaagt {}",
                    r.pending_sp, r.end_if_all_pass
                )
            } else {
                String::new()
            }
        );
        if explain_lines {
            explain(&mut s, &r.lines, "    ");
        }
    }
    let _ = writeln!(
        s,
        "Saldo: {}   bonus gebruikt: {} van {}",
        o.ledger.balance,
        o.ledger.bonus_granted,
        o.as_of.map_or(0, |y| params.decree(y).bonus_sp)
    );

    if !o.study_progress.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "STUDIEVOORTGANG PER JAAR (Art. 13.1)");
        for p in &o.study_progress {
            let _ = writeln!(
                s,
                "{:<10} {} van {} SP verworven: {}{}",
                p.year.to_string(),
                p.acquired,
                p.taken,
                percent_or_dash(p.efficiency),
                match (p.provisional, p.binding_conditions_possible) {
                    (true, _) => format!("  (voorlopig: {} SP zonder eindresultaat)", p.pending),
                    (false, true) => "  → bindende voorwaarden mogelijk".to_string(),
                    (false, false) => String::new(),
                }
            );
        }
    }

    for p in &o.programmes {
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "OPLEIDING {} ({}, {} SP)",
            p.name,
            p.kind.dutch(),
            p.size
        );
        for y in &p.years {
            let traject = match y.automatic_trajectory {
                Some(true) => format!(
                    "; automatisch individueel traject: ja (hoogstens {} SP)",
                    params.oer(y.year).trajectory_max_sp
                ),
                Some(false) => "; automatisch individueel traject: nee".to_string(),
                None => String::new(),
            };
            let _ = writeln!(
                s,
                "  {:<10} studie-efficiëntie {} van {} = {}, cumulatief {}{traject}{}",
                y.year.to_string(),
                y.acquired,
                y.taken,
                percent_or_dash(y.efficiency),
                percent_or_dash(y.cumulative),
                if y.provisional { " (voorlopig)" } else { "" }
            );
            if explain_lines {
                explain(&mut s, &y.lines, "      ");
            }
        }
        let _ = writeln!(
            s,
            "  voortgang: {} credits + {} vrijgesteld + {} getolereerd = {} van {} SP{}",
            p.progress.credited,
            p.progress.exempted,
            p.progress.tolerated,
            p.progress.done(),
            p.size,
            if p.passed {
                " — opleiding behaald (Art. 18.1)"
            } else {
                ""
            }
        );
        if let Some(t) = &p.tolerance {
            let _ = writeln!(
                s,
                "  tolerantiekrediet (Art. 18.2): {} beschikbaar, {} ingezet, {} over",
                hundredths_dutch(t.available_hundredths),
                t.used,
                hundredths_dutch(t.remaining_hundredths())
            );
            for v in &t.units {
                let verdict = format!(
                    "{}{}",
                    dutch::verdict(v),
                    if v.provisional { " (voorlopig)" } else { "" }
                );
                let _ = writeln!(
                    s,
                    "    {} {} {} ({} SP, {}): {verdict}",
                    v.year, v.code, v.unit, v.sp, v.grade
                );
                if explain_lines {
                    explain(&mut s, &v.lines, "        ");
                }
            }
        }
        if let Some(m) = &p.merit {
            let _ = writeln!(
                s,
                "  graad van verdienste (Art. 18.4): {} — {}",
                percent_or_dash(m.average),
                m.degree
                    .map(|d| d.dutch().to_string())
                    .or_else(|| m.reason.as_ref().map(dutch::merit_reason))
                    .unwrap_or_default()
            );
        }
    }

    if !o.reconciliation.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "AFSTEMMING MET MIJN BURGERPROFIEL");
        for r in &o.reconciliation {
            let _ = writeln!(
                s,
                "  {} officieel {} — berekend {}: {}",
                r.year,
                r.official,
                r.computed,
                if r.difference() == 0 {
                    "gelijk".to_string()
                } else {
                    format!("verschil {:+}", r.difference())
                }
            );
            if explain_lines {
                explain(&mut s, &r.lines, "      ");
            }
        }
    }

    let _ = writeln!(s);
    if o.warnings.is_empty() {
        let _ = writeln!(s, "WAARSCHUWINGEN: geen");
    } else {
        let _ = writeln!(s, "WAARSCHUWINGEN");
        for w in &o.warnings {
            let year = w.year.map(|y| format!("{y}: ")).unwrap_or_default();
            let _ = writeln!(
                s,
                "  {}: {year}{} ({})",
                dutch::title(w.code),
                w.msg,
                w.article()
            );
        }
    }
    if o.errors.is_empty() {
        let _ = writeln!(s, "FOUTEN IN HET DOSSIER: geen");
    } else {
        let _ = writeln!(s, "FOUTEN IN HET DOSSIER");
        for e in &o.errors {
            let _ = writeln!(s, "  {} — {}: {}", dutch::title(e.code), e.place, e.msg);
        }
    }
    s
}

/// The deadline countdown for the enrolments running today (empty when
/// today falls in no year of the case).
pub fn countdown_text(case: &Case, params: &Params, o: &Outcome, today: Date) -> String {
    let running = countdown(case, params, o, today);
    if running.is_empty() {
        return String::new();
    }
    let mut s = String::new();
    let _ = writeln!(s);
    let _ = writeln!(s, "AFTELLEN (vandaag {}; Art. 8.1 §4–§9)", today.dutch());
    for e in &running {
        let _ = writeln!(s, "  {} ({})", e.name, e.contract.dutch());
        for m in &e.moments {
            let switching = m
                .lost_switching
                .map(|v| format!(", bij overstap {v}"))
                .unwrap_or_default();
            let units = if m.lost_units.is_empty() {
                String::new()
            } else {
                format!(
                    "  [{}]",
                    m.lost_units
                        .iter()
                        .map(|(c, sp)| format!("{c} {sp}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            let _ = writeln!(
                s,
                "    {:<34} {} (nog {:>3} d.): verlies {:>3} SP{switching}{units}",
                dutch::moment(m.kind),
                m.date.dutch(),
                m.days,
                m.lost
            );
        }
    }
    s
}
