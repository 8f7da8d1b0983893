//! `traject regels`: which rule parameters are in force, per year, and
//! where each value comes from; `--check DIR` validates a user set.

use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::model::AcademicYear;
use crate::params::{Entry, Params, load_dir};

/// What a parameter means, in Dutch.
fn meaning(key: &str) -> &'static str {
    match key {
        "initial_balance" => "leerkrediet bij de eerste inschrijving",
        "first_ledger_year" => "eerste academiejaar dat meetelt",
        "bonus_sp" => "eerste verworven SP die dubbel tellen",
        "master_deduction" => "aftrek bij een masterdiploma",
        "rebuild_step" => "heropbouw per jaar",
        "rebuild_target" => "heropbouw en aanvulling tot",
        "exception_sp" => "uitzondering: hoogstens zoveel SP tot het diploma",
        "exception_years" => "uitzondering: zoveel vorige jaren ingeschreven",
        "switch_full_before" => "overstap generatiestudent: alles terug vóór",
        "switch_half_until" => "overstap generatiestudent: de helft terug tot en met",
        "pass_grade" => "credit vanaf (op 20)",
        "max_grade" => "hoogste cijfer",
        "min_unit_sp" => "minimum SP van een opleidingsonderdeel",
        "binding_conditions_percent" => "bindende voorwaarden onder (%)",
        "binding_conditions_apply_by" => "inschrijving aanvragen uiterlijk op",
        "trajectory_percent" => "automatisch individueel traject vanaf (%)",
        "trajectory_max_sp" => "individueel traject van hoogstens (SP)",
        "tolerance_percent" => "tolerantiekrediet (% van de opgenomen SP)",
        "tolerance_legacy_from" => "basis vanaf (ingeschreven vóór dat jaar)",
        "tolerance_min_cumulative_percent" => "tolereren vanaf cumulatieve SE (%)",
        "tolerable_grades" => "tolereerbare cijfers",
        "tolerance_far_sp" => "ver van het diploma vanaf (SP)",
        "tolerance_far_cap" => "dan hoogstens getolereerd (SP)",
        "merit_percents" => "graden van verdienste vanaf (%)",
        "merit_coverage_percent" => "graad: examens dekken minstens (% van de opleiding)",
        _ => "",
    }
}

fn entries(out: &mut String, list: &[Entry], year: Option<AcademicYear>) {
    for e in list {
        let values: Vec<&(String, String, String)> = match year {
            None => e.values.iter().collect(),
            Some(y) => e
                .values
                .iter()
                .filter(|(span, _, _)| covers(span, y))
                .collect(),
        };
        let _ = writeln!(out, "  {} — {} ({})", e.key, meaning(e.key), e.article);
        if values.is_empty() {
            let _ = writeln!(
                out,
                "      {}: geen eigen waarde; de dichtstbijzijnde geldt",
                year.map(|y| y.to_string()).unwrap_or_default()
            );
        }
        for (span, value, file) in values {
            let _ = writeln!(out, "      {span:<24} {value:<40} {file}");
        }
    }
}

/// Whether a validity as `span()` writes it covers a year.
fn covers(span: &str, year: AcademicYear) -> bool {
    let mut parts = span.split(" – ");
    let from: Option<AcademicYear> = parts.next().and_then(|s| s.parse().ok());
    let to = parts.next();
    match (from, to) {
        (Some(f), None) => f == year,
        (Some(f), Some("heden")) => f <= year,
        (Some(f), Some(t)) => t
            .parse::<AcademicYear>()
            .is_ok_and(|t| f <= year && year <= t),
        _ => false,
    }
}

/// The listing of what is in force.
pub fn listing(params: &Params, year: Option<AcademicYear>) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "REGELPARAMETERS{}",
        year.map(|y| format!(" IN {y}")).unwrap_or_default()
    );
    let _ = writeln!(s, "Gelezen: {}", params.sources.join(", "));
    let _ = writeln!(s);
    let _ = writeln!(s, "DECREET (leerkrediet, voor elke instelling)");
    entries(&mut s, &params.decree_file.entries(), year);
    for i in &params.institutions {
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "{} ({}{})",
            i.name.to_uppercase(),
            i.key,
            if i.home { ", de eigen instelling" } else { "" }
        );
        let _ = writeln!(s, "  namen in een dossier: {}", i.names.join(", "));
        let _ = writeln!(
            s,
            "  departementen: {} (standaard {})",
            i.departments
                .iter()
                .map(|d| format!("{} {}", d.key, d.name))
                .collect::<Vec<_>>()
                .join(", "),
            i.default_department
        );
        for v in &i.regulation.values {
            if year.is_none_or(|y| v.covers(y)) {
                let _ = writeln!(s, "  reglement {}: {} ({})", v.span(), v.value, v.source);
            }
        }
        if let Some(y) = year
            && let Some(v) = i.stand_in(y)
        {
            let _ = writeln!(
                s,
                "  voor {y} is er geen reglement; dat van {} staat in ({})",
                v.span(),
                v.value
            );
        }
        entries(&mut s, &i.oer_file.entries(), year);
        let calendars: Vec<String> = i
            .calendars
            .iter()
            .filter(|c| year.is_none_or(|y| c.year == y))
            .map(|c| c.year.to_string())
            .collect();
        let _ = writeln!(
            s,
            "  kalenders met grensdata: {}",
            if calendars.is_empty() {
                "geen (geef de grensdatum per opleidingsonderdeel op)".to_string()
            } else {
                calendars.join(", ")
            }
        );
        for l in i
            .no_tolerance
            .iter()
            .filter(|l| year.is_none_or(|y| l.from <= y && l.to.is_none_or(|t| y <= t)))
        {
            let _ = writeln!(
                s,
                "  zonder tolerantie (Art. 18.3 §1 f), {} {} {}{}: {}",
                l.department,
                l.programme,
                l.from,
                l.to.map(|t| format!(" – {t}"))
                    .unwrap_or_else(|| " – heden".into()),
                l.units
                    .iter()
                    .map(|u| u.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        for g in &i.tolerance_groups {
            let _ = writeln!(
                s,
                "  groep {} (Art. 18.3 §1 g), {} {}: hoogstens {} van {}",
                g.name,
                g.department,
                g.programme,
                g.max_units,
                g.units.join(", ")
            );
        }
    }
    s
}

/// `traject regels [--year JAAR]`.
pub fn show(params: &Params, year: Option<AcademicYear>) -> ExitCode {
    let _ = super::out(&listing(params, year));
    ExitCode::SUCCESS
}

/// `traject regels --check DIR`: exit 0 when the set is valid, 2 with
/// the first problem (file and key) when not.
pub fn check(dir: &Path) -> ExitCode {
    if !dir.is_dir() {
        eprintln!("{}: geen map", dir.display());
        return ExitCode::from(2);
    }
    match load_dir(dir) {
        Ok(p) => {
            let own = p
                .sources
                .iter()
                .filter(|s| !s.starts_with("assets/rules/"))
                .count();
            let _ = super::out(&format!(
                "{}: in orde ({own} eigen {} bovenop de ingebouwde regels)\n",
                dir.display(),
                if own == 1 { "bestand" } else { "bestanden" }
            ));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parameter_has_a_dutch_meaning() {
        for k in crate::params::DecreeFile::KEYS
            .iter()
            .chain(crate::params::OerFile::KEYS)
        {
            assert!(!meaning(k).is_empty(), "{k}");
        }
    }

    #[test]
    fn a_year_picks_its_values() {
        let p = Params::default();
        let all = listing(&p, None);
        assert!(all.contains("initial_balance"));
        assert!(all.contains("2008-2009 – heden"));
        let y2015 = listing(&p, Some(AcademicYear(2015)));
        assert!(
            y2015.contains("voor 2015-2016 is er geen reglement"),
            "{y2015}"
        );
        assert!(covers("2017-2018", AcademicYear(2017)));
        assert!(covers("2008-2009 – heden", AcademicYear(2030)));
        assert!(!covers("2015-2016 – 2016-2017", AcademicYear(2017)));
    }
}
