//! `traject import FILE.csv --case CASE.ron --year 2017-2018 --programme CH`:
//! course units from spreadsheet rows ([`crate::import`]) added to one
//! enrolment, all or nothing, saved atomically with a `.bak`.

use std::path::Path;
use std::process::ExitCode;

use crate::model::AcademicYear;

/// What an import printed and its exit status (0 added, 1 rows refused
/// and nothing written, 2 a usage or file error), before the output
/// boundary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOutput {
    pub status: u8,
    pub stdout: String,
    pub stderr: String,
}

/// Everything `traject import` does but printing.
pub fn import_output(
    rows_file: &Path,
    case_file: &Path,
    year: AcademicYear,
    programme: &str,
) -> ImportOutput {
    let fail = |status: u8, stderr: String| ImportOutput {
        status,
        stdout: String::new(),
        stderr,
    };
    let text = match std::fs::read(rows_file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                return fail(
                    2,
                    format!(
                        "{}: geen UTF-8-tekst; bewaar het rekenblad als CSV UTF-8",
                        rows_file.display()
                    ),
                );
            }
        },
        Err(e) => {
            return fail(
                2,
                format!(
                    "kan {} niet lezen: {}",
                    rows_file.display(),
                    crate::os_error::dutch(&e)
                ),
            );
        }
    };
    let loaded = match crate::casefile::load(case_file) {
        Ok(l) => l,
        Err(e) => return fail(2, e.to_string()),
    };
    let mut case = loaded.case;
    let (y, e) = match crate::import::enrolment_of(&case, year, programme) {
        Ok(at) => at,
        Err(m) => return fail(2, format!("{}: {m}", case_file.display())),
    };
    let system = case
        .programme(programme)
        .map(|p| p.system)
        .unwrap_or_default();
    let mut rows = match crate::import::parse(&text, crate::import::default_period(system)) {
        Ok(r) => r,
        Err(m) => return fail(2, format!("{}: {m}", rows_file.display())),
    };
    rows.against(&case.years[y].enrolments[e].units, year, programme);
    if rows.bad() > 0 {
        let mut stderr = String::new();
        for row in rows.rows.iter().filter(|r| !r.is_good()) {
            for m in &row.errors {
                stderr.push_str(&format!("{}: {m}\n", rows_file.display()));
            }
        }
        stderr.push_str(&format!(
            "niets toegevoegd, {} ongewijzigd: {} ({} geweigerd)\n",
            case_file.display(),
            rows.summary(),
            rows.bad()
        ));
        return fail(1, stderr);
    }
    // Another traject with the case open would save over the import.
    let lock = match crate::store::lock_case(case_file) {
        Ok(l) => l,
        Err(held) => {
            return fail(
                2,
                format!("{}: {held}; sluit het daar eerst", case_file.display()),
            );
        }
    };
    let units = rows.units();
    let n = units.len();
    case.years[y].enrolments[e].units.extend(units);
    let saved = crate::store::save_atomic(case_file, &crate::casefile::case_to_string(&case));
    drop(lock);
    if let Err(m) = saved {
        return fail(2, m.to_string());
    }
    let mut stderr = String::new();
    if crate::casefile::has_comments(&loaded.text) {
        stderr.push_str(&format!(
            "let op: de commentaarregels van {} zijn niet overgenomen; het vorige bestand staat in {}\n",
            case_file.display(),
            crate::store::backup_path(case_file).display()
        ));
    }
    for m in &rows.ignored {
        stderr.push_str(&format!("{}: {m}\n", rows_file.display()));
    }
    ImportOutput {
        status: 0,
        stdout: format!(
            "{n} {} toegevoegd aan {programme} in {year} ({}); het vorige bestand staat in {}\n",
            if n == 1 {
                "opleidingsonderdeel"
            } else {
                "opleidingsonderdelen"
            },
            case_file.display(),
            crate::store::backup_path(case_file).display()
        ),
        stderr,
    }
}

/// `traject import`: prints what [`import_output`] gives.
pub fn run(rows_file: &Path, case_file: &Path, year: AcademicYear, programme: &str) -> ExitCode {
    let o = import_output(rows_file, case_file, year, programme);
    if !o.stderr.is_empty() {
        super::err(&o.stderr);
    }
    let _ = super::out(&o.stdout);
    ExitCode::from(o.status)
}
