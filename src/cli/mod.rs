//! The command line (clap): `traject check CASE.ron [--json] [--as-of YEAR]`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod batch;
pub use batch::cells_of as batch_cells;
pub mod import;
pub mod log;
mod regels;

use crate::casefile::load_case;
use crate::model::AcademicYear;
use crate::params::{Params, load_dir};
use crate::report::{check_json, check_text};
use crate::rules::{compute_on, resolve_as_of};

/// traject: leerkrediet, tolerantiekrediet en studie-efficiëntie, artikel per artikel uitgelegd.
#[derive(Parser, Debug)]
#[command(
    name = "traject",
    version,
    about,
    subcommand_precedence_over_arg = true
)]
pub struct Cli {
    /// Een dossier (RON) om meteen te openen; zonder: de dossierlijst.
    #[arg(value_name = "DOSSIER")]
    pub file: Option<PathBuf>,

    /// Open een ingebouwd demodossier, bv. S04 of W01 (nooit het bestand zelf).
    #[arg(long, value_name = "NAAM", conflicts_with = "file")]
    pub demo: Option<String>,

    /// Map met de dossiers (standaard de gegevensmap van traject).
    #[arg(long, value_name = "MAP")]
    pub data_dir: Option<PathBuf>,

    /// Schrijf een logboek naar traject.log in de statusmap (nooit naar de terminal).
    #[arg(long)]
    pub log: bool,

    /// De datum van vandaag voor het aftellen naar de grensdata (standaard de systeemdatum), bv. 2017-11-20.
    #[arg(long, global = true, value_name = "DATUM", value_parser = parse_date)]
    pub today: Option<crate::model::Date>,

    /// Map met eigen regelparameters (decree.ron, institutions/KEY/…) die de ingebouwde
    /// aanvullen met jaren of instellingen; standaard de map rules in de configuratiemap.
    #[arg(long, global = true, value_name = "MAP")]
    pub rules_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The format of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Markdown.
    Md,
    /// One self-contained HTML file that prints well.
    Html,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Maakt een verslag voor de student in gewone taal: leerkrediet met de
    /// betekenis van elke regel, tolerantie, studie-efficiëntie en de scenario's vergeleken.
    Report {
        /// Het dossier (RON).
        case: PathBuf,
        /// md of html.
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        /// Het verslag van dit scenario in plaats van de werkelijke geschiedenis.
        #[arg(long, value_name = "NAAM")]
        scenario: Option<String>,
        /// Schrijf naar dit bestand in plaats van naar stdout.
        #[arg(short, long, value_name = "BESTAND")]
        output: Option<PathBuf>,
    },
    /// Rekent een dossier door en toont leerkrediet, tolerantie, studie-efficiëntie,
    /// waarschuwingen en fouten.
    Check {
        /// Het dossier (RON), of een map: dan elk dossier eronder.
        case: PathBuf,
        /// Eén JSON-object op stdout (zie README.md); exit 0 zonder fouten, 1 met fouten, 2 als het bestand onleesbaar is.
        #[arg(long)]
        json: bool,
        /// Voor een map: table (een tabel, standaard), csv (voor een rekenblad) of json (zoals --json).
        #[arg(long, value_enum, conflicts_with = "json")]
        format: Option<batch::Format>,
        /// Rekent het leerkrediet door tot en met dit academiejaar, bv. 2021-2022.
        #[arg(long, value_name = "JAAR", value_parser = parse_year)]
        as_of: Option<AcademicYear>,
        /// Toont bij elk cijfer de regels met hun artikel.
        #[arg(long)]
        explain: bool,
        /// Rekent dit scenario door in plaats van de basis (de werkelijke geschiedenis).
        #[arg(long, value_name = "NAAM", conflicts_with = "all_scenarios")]
        scenario: Option<String>,
        /// Voegt elk scenario toe: zijn wijzigingen en zijn cijfers (in JSON onder "scenarios").
        #[arg(long)]
        all_scenarios: bool,
    },
    /// Voegt opleidingsonderdelen uit een rekenblad (CSV: code, naam, SP, periode,
    /// 1e kans, 2e kans; met of zonder kopregel) toe aan één inschrijving: alles of
    /// niets, met een reservekopie DOSSIER.ron.bak. Exit 0 toegevoegd, 1 rijen
    /// geweigerd (niets geschreven), 2 gebruiks- of bestandsfout.
    Import {
        /// Het rekenblad: rijen gescheiden door tabs, puntkomma's of komma's.
        file: PathBuf,
        /// Het dossier (RON) dat de opleidingsonderdelen krijgt.
        #[arg(long = "case", value_name = "DOSSIER")]
        case: PathBuf,
        /// Het academiejaar van de inschrijving, bv. 2017-2018.
        #[arg(long, value_name = "JAAR", value_parser = parse_year)]
        year: AcademicYear,
        /// De opleiding van de inschrijving (haar code in het dossier), bv. CH.
        #[arg(long, value_name = "OPLEIDING")]
        programme: String,
    },
    /// Toont de regelparameters die gelden, per academiejaar, met hun artikel en
    /// het bestand waar elke waarde vandaan komt.
    Regels {
        /// Alleen wat in dit academiejaar geldt, bv. 2017-2018.
        #[arg(long, value_name = "JAAR", value_parser = parse_year)]
        year: Option<AcademicYear>,
        /// Controleert een eigen regelmap (exit 0 in orde, 2 met het eerste probleem).
        #[arg(long, value_name = "MAP")]
        check: Option<PathBuf>,
    },
}

/// `--today`: a date as people write it (`20-11-2017`, `20/11/2017`,
/// `2017-11-20`).
fn parse_date(s: &str) -> Result<crate::model::Date, String> {
    crate::model::Date::parse_written(s)
}

/// Today: the `--today` override or the system date.
fn today(over: Option<crate::model::Date>) -> crate::model::Date {
    over.unwrap_or_else(|| crate::model::Date(chrono::Local::now().date_naive()))
}

fn parse_year(s: &str) -> Result<AcademicYear, String> {
    s.parse()
}

/// The rule parameters: the embedded ones, or with a user directory laid
/// over them.
///
/// Without `--rules-dir`, a directory `rules` in the configuration
/// directory (`~/.config/traject/rules` on Linux) is used when it exists.
pub fn params(rules_dir: Option<&Path>) -> Result<Params, String> {
    let user = crate::store::config_dir()
        .map(|d| d.join("rules"))
        .filter(|d| d.is_dir());
    match rules_dir.map(Path::to_path_buf).or(user) {
        Some(d) => load_dir(&d).map_err(|e| e.to_string()),
        None => Ok(Params::default()),
    }
}

/// Writes text to stdout without control characters from a case file (see
/// [`crate::sanitize`]); an error (a closed pipe) is returned, never a
/// panic.
fn out(text: &str) -> std::io::Result<()> {
    write_all(
        &mut std::io::stdout().lock(),
        &crate::sanitize::for_terminal(text),
    )
}

/// Writes JSON to stdout, control characters escaped.
fn out_json(text: &str) -> std::io::Result<()> {
    write_all(
        &mut std::io::stdout().lock(),
        &crate::sanitize::for_json(text),
    )
}

/// Writes a message to stderr without control characters.
fn err(text: &str) {
    let mut text = crate::sanitize::for_terminal(text).into_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let _ = write_all(&mut std::io::stderr().lock(), &text);
}

fn write_all(w: &mut impl std::io::Write, text: &str) -> std::io::Result<()> {
    w.write_all(text.as_bytes())?;
    w.flush()
}

/// Reads a case file, or says on stderr why it cannot (FILE:LINE:COL).
fn load_or_report(case: &Path) -> Option<crate::model::Case> {
    load_case(case).map_err(|e| err(&e.to_string())).ok()
}

/// Which figures `traject check` gives besides (or instead of) the
/// baseline's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scenarios {
    /// `--scenario NAME`: that scenario instead of the baseline.
    pub only: Option<String>,
    /// `--all-scenarios`: every scenario after the baseline.
    pub all: bool,
}

/// What `traject check CASE.ron` prints and its exit status, before the
/// output boundary (the text is not yet sanitised).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckOutput {
    /// 0: no errors; 1: errors in the case; 2: cannot be read, or a usage
    /// error.
    pub status: u8,
    /// The text or JSON for stdout (empty on status 2).
    pub stdout: String,
    /// The message for stderr (`FILE:LINE:COL: message` on status 2).
    pub stderr: String,
}

/// The `as_of` of a case resolved against `--as-of`: an `as_of` in the
/// file before the case's last year is an error at its place
/// (`FILE:LINE:COL`); a `--as-of` before it, a usage error.
pub fn as_of_of(
    file: &Path,
    loaded: &crate::casefile::Loaded,
    over: Option<AcademicYear>,
) -> Result<Option<AcademicYear>, String> {
    resolve_as_of(&loaded.case, over).map_err(|e| match over {
        Some(_) => format!("--as-of: {e}"),
        None => {
            let (line, col) = crate::casefile::place_of(&loaded.text, "as_of");
            format!("{}:{line}:{col}: {e}", file.display())
        }
    })
}

/// Everything `traject check CASE.ron` does but writing: read, compute,
/// render (used by the binary and, in process, by the tests).
pub fn check_output(
    params: &Params,
    case: &Path,
    json: bool,
    as_of: Option<AcademicYear>,
    explain: bool,
    today: crate::model::Date,
    scenarios: &Scenarios,
) -> CheckOutput {
    let refuse = |stderr: String| CheckOutput {
        status: 2,
        stdout: String::new(),
        stderr,
    };
    let loaded = match crate::casefile::load(case) {
        Ok(l) => l,
        Err(e) => return refuse(e.to_string()),
    };
    let as_of = match as_of_of(case, &loaded, as_of) {
        Ok(y) => y,
        Err(e) => return refuse(e),
    };
    let base = &loaded.case;
    let mut header = String::new();
    let (case_data, outcome) = match &scenarios.only {
        Some(name) => {
            let s = match crate::report::find_scenario(base, name) {
                Ok(s) => s,
                Err(e) => return refuse(format!("{}: {e}", case.display())),
            };
            let (view, stale, o) =
                crate::report::scenario_outcome(base, params, s, as_of, Some(today));
            header = crate::report::scenario_header(s, &stale);
            (view, o)
        }
        None => {
            let o = compute_on(base, params, as_of, Some(today));
            (base.clone(), o)
        }
    };
    let stdout = if json {
        let mut value = serde_json::to_value(check_json(&outcome)).expect("JSON of an outcome");
        if scenarios.all
            && let serde_json::Value::Object(map) = &mut value
        {
            map.insert(
                "scenarios".into(),
                serde_json::to_value(crate::report::scenarios_json(
                    base,
                    params,
                    as_of,
                    Some(today),
                ))
                .expect("JSON of the scenarios"),
            );
        }
        format!(
            "{}\n",
            serde_json::to_string_pretty(&value).expect("JSON of an outcome")
        )
    } else {
        let mut text = header;
        text.push_str(&check_text(&case_data, params, &outcome, explain));
        text.push_str(&crate::report::countdown_text(
            &case_data, params, &outcome, today,
        ));
        if scenarios.all {
            text.push_str(&crate::report::scenarios_text(
                base,
                params,
                &outcome,
                as_of,
                Some(today),
            ));
        }
        text
    };
    CheckOutput {
        status: u8::from(!outcome.errors.is_empty()),
        stdout,
        stderr: String::new(),
    }
}

/// Writes what `check` produced: stderr, then stdout (JSON escaped, text
/// without control characters); its status.
fn print_check(o: CheckOutput, json: bool) -> ExitCode {
    if !o.stderr.is_empty() {
        err(&o.stderr);
    }
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = if json {
        out_json(&o.stdout)
    } else {
        out(&o.stdout)
    };
    ExitCode::from(o.status)
}

/// `traject report`.
fn report(
    params: &Params,
    case: &Path,
    format: ReportFormat,
    scenario: Option<&str>,
    output: Option<&Path>,
    today: crate::model::Date,
) -> ExitCode {
    let Some(case_data) = load_or_report(case) else {
        return ExitCode::from(2);
    };
    let text = match format {
        ReportFormat::Md => crate::report::report_markdown(&case_data, params, scenario, today),
        ReportFormat::Html => crate::report::report_html(&case_data, params, scenario, today),
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            err(&format!("{}: {e}", case.display()));
            return ExitCode::from(2);
        }
    };
    // Control characters from a case file stay out of the report too.
    let text = crate::sanitize::for_terminal(&text);
    let written = match output {
        Some(path) => crate::store::save_atomic(path, &text).map_err(|e| e.to_string()),
        None => out(&text).map_err(|e| e.to_string()),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            err(&e);
            ExitCode::from(1)
        }
    }
}

/// The demo case of a name (`S04`, `s04.ron`), or which names exist.
fn demo_index(name: &str) -> Result<usize, String> {
    let wanted = name.trim().trim_end_matches(".ron").to_lowercase();
    let demos = &*crate::tui::demo::DEMOS;
    demos
        .iter()
        .position(|(n, _)| n.trim_end_matches(".ron").to_lowercase() == wanted)
        .ok_or_else(|| {
            format!(
                "geen demodossier \"{name}\"; er zijn: {}",
                demos
                    .iter()
                    .map(|(n, _)| n.trim_end_matches(".ron"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    if let Some(Command::Regels {
        check: Some(dir), ..
    }) = &cli.command
    {
        return regels::check(dir);
    }
    let params = match params(cli.rules_dir.as_deref()) {
        Ok(p) => p,
        Err(e) => {
            err(&e);
            return ExitCode::from(2);
        }
    };
    match cli.command {
        Some(Command::Report {
            case,
            format,
            scenario,
            output,
        }) => report(
            &params,
            &case,
            format,
            scenario.as_deref(),
            output.as_deref(),
            today(cli.today),
        ),
        Some(Command::Regels { year, .. }) => regels::show(&params, year),
        Some(Command::Import {
            file,
            case,
            year,
            programme,
        }) => import::run(&file, &case, year, &programme),
        Some(Command::Check {
            case,
            scenario,
            all_scenarios,
            ..
        }) if case.is_dir() && (scenario.is_some() || all_scenarios) => {
            eprintln!(
                "{}: --scenario en --all-scenarios gelden voor één dossier, niet voor een map",
                case.display()
            );
            ExitCode::from(2)
        }
        Some(Command::Check {
            case,
            json,
            format,
            as_of,
            ..
        }) if case.is_dir() => batch::check_dir(
            &params,
            &case,
            match format {
                Some(f) => f,
                None if json => batch::Format::Json,
                None => batch::Format::Table,
            },
            as_of,
            today(cli.today),
        ),
        Some(Command::Check {
            case,
            format: Some(_),
            ..
        }) => {
            err(&format!(
                "{}: --format geldt voor een map (check DIR); voor één dossier: --json",
                case.display()
            ));
            ExitCode::from(2)
        }
        Some(Command::Check {
            case,
            json,
            as_of,
            explain,
            scenario,
            all_scenarios,
            ..
        }) => print_check(
            check_output(
                &params,
                &case,
                json,
                as_of,
                explain,
                today(cli.today),
                &Scenarios {
                    only: scenario,
                    all: all_scenarios,
                },
            ),
            json,
        ),
        None => {
            if cli.log
                && let Some(dir) = crate::store::state_dir()
                && let Err(e) = log::start(&dir)
            {
                err(&format!(
                    "traject: kan het logboek niet beginnen in {}: {}",
                    dir.display(),
                    crate::os_error::dutch(&e)
                ));
            }
            let demo = match cli.demo.as_deref().map(demo_index) {
                Some(Ok(i)) => Some(i),
                Some(Err(e)) => {
                    err(&format!("traject: {e}"));
                    return ExitCode::from(2);
                }
                None => None,
            };
            let options = crate::tui::Options {
                demo,
                file: cli.file,
                data_dir: cli.data_dir,
                today: today(cli.today),
            };
            match crate::tui::run(params, options) {
                Ok(crate::tui::Ended::Quit) => ExitCode::SUCCESS,
                Ok(crate::tui::Ended::Signal(sig, message)) => {
                    err(&message);
                    crate::tui::terminal::die_of(sig)
                }
                Err(e @ crate::tui::RunError::NoTerminal) => {
                    err(&e.to_string());
                    ExitCode::from(2)
                }
                Err(e) => {
                    err(&e.to_string());
                    ExitCode::FAILURE
                }
            }
        }
    }
}
