//! A bounded mutational fuzz test of the loader and the core: the case
//! files of `tests/cases/` and `assets/examples/`, mutated with a fixed
//! seed — bytes cut, doubled, flipped, tokens put in (brackets, quotes,
//! comments, `inf`, `NaN`, huge numbers, a BOM, an invalid UTF-8 byte,
//! control characters, an `as_of` before the last year, ...).
//!
//! Every mutant, checked as `traject check --json` does it (in process,
//! for speed; a sample also through the real binary): no panic, status
//! 0, 1 or 2; on 0 and 1 valid JSON on stdout and nothing on stderr; on 2
//! nothing on stdout and `FILE:LINE:COL: message` in Dutch on stderr (no
//! English sentence of the parser, no Rust type name); the mutant file
//! unchanged. Bounded by [`MUTANTS`] and [`TIME`], whichever comes first.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use proptest::prelude::Rng;
use proptest::test_runner::{RngAlgorithm, TestRng};

mod home;
use home::Home;

/// How many mutants at most.
const MUTANTS: usize = 4000;
/// How long at most.
const TIME: Duration = Duration::from_secs(40);
/// Every how many mutants one goes through the real binary too.
const THROUGH_BINARY: usize = 60;
/// The fixed seed.
const SEED: &[u8; 32] = b"traject-fuzz-issue-9-vaste-seed!";

/// What a mutation may put in.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "//",
    "/*",
    "*/",
    "\n",
    " ",
    "inf",
    "-inf",
    "NaN",
    "-1",
    "0",
    "99999999999999999999",
    "1e400",
    "1.5",
    "9,5",
    "true",
    "None",
    "Some(",
    "()",
    "r#\"",
    "\\",
    "\\q",
    "\u{1b}]2;x\u{7}",
    "\u{9b}",
    "\u{feff}",
    "é",
    "李",
    "format: 2,",
    "as_of: \"2001-2002\",",
    "sp: 1000000,",
    "first: 25,",
    "Unit(",
    "Programme",
    "kind: \"Bachelor\"",
    "#![enable(x)]",
    "year: \"2017-2019\"",
    "\"2017-13-45\"",
    "units: [],",
    "code: \"\",",
];

fn corpus() -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/cases", "assets/examples"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "ron") {
                let bytes = std::fs::read(&p).unwrap();
                files.push((p, bytes));
            }
        }
    }
    files.sort();
    files
}

fn below(rng: &mut TestRng, n: usize) -> usize {
    if n == 0 {
        0
    } else {
        (rng.next_u64() % n as u64) as usize
    }
}

/// One to three mutations of `bytes`.
fn mutate(rng: &mut TestRng, bytes: &[u8]) -> Vec<u8> {
    let mut m = bytes.to_vec();
    for _ in 0..=below(rng, 3) {
        let len = m.len();
        let at = below(rng, len + 1);
        match below(rng, 7) {
            0 => {
                let end = (at + 1 + below(rng, 40)).min(len);
                m.drain(at.min(end)..end);
            }
            1 => {
                let end = (at + 1 + below(rng, 60)).min(len);
                let piece = m[at.min(end)..end].to_vec();
                let to = below(rng, m.len() + 1);
                m.splice(to..to, piece);
            }
            2 if len > 0 => {
                let i = at.min(len - 1);
                m[i] ^= 1 << below(rng, 8);
            }
            3 => m.push(0xff),
            4 => {
                // A number somewhere replaced by an extreme one.
                if let Some(i) = (at..len).find(|&i| m[i].is_ascii_digit()) {
                    let end = (i..len).find(|&j| !m[j].is_ascii_digit()).unwrap_or(len);
                    let extreme = ["99999999999999999999", "inf", "NaN", "-0", "1000000", "0"];
                    let pick = extreme[below(rng, extreme.len())];
                    m.splice(i..end, pick.bytes());
                }
            }
            _ => {
                let token = TOKENS[below(rng, TOKENS.len())];
                m.splice(at..at, token.bytes());
            }
        }
    }
    m
}

/// English that the parser or serde would say, and Rust type names.
const ENGLISH: &[&str] = &[
    "Expected",
    "expected",
    "found",
    "Found",
    "Unexpected",
    "unexpected",
    "invalid",
    "Invalid",
    "struct",
    "variant",
    "identifier",
    "sequence",
    "integer",
    "boolean",
    "string",
    "escape",
    "trailing",
    "RON",
    "Option",
    "Vec<",
    "u32",
    "i64",
    "the ",
    " or ",
    "error",
];

/// The message without what it quotes from the file (`...` and "...").
fn unquoted(message: &str) -> String {
    let mut out = String::new();
    let mut quote: Option<char> = None;
    for c in message.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '`' || c == '"' => quote = Some(c),
            None => out.push(c),
        }
    }
    out
}

/// Checks one output; `Err` says what is wrong.
fn judge(file: &str, status: Option<u8>, stdout: &str, stderr: &str) -> Result<(), String> {
    match status {
        Some(0 | 1) => {
            serde_json::from_str::<serde_json::Value>(stdout)
                .map_err(|e| format!("status {status:?} but no valid JSON: {e}"))?;
            if !stderr.is_empty() {
                return Err(format!("stderr on status {status:?}: {stderr}"));
            }
        }
        Some(2) => {
            if !stdout.is_empty() {
                return Err("stdout not empty on status 2".into());
            }
            let first = stderr.lines().next().unwrap_or_default();
            let rest = first
                .strip_prefix(file)
                .and_then(|r| r.strip_prefix(':'))
                .ok_or_else(|| format!("not FILE:LINE:COL: {first}"))?;
            let mut parts = rest.splitn(3, ':');
            let (line, col, message) = (parts.next(), parts.next(), parts.next());
            let numeric =
                |p: Option<&str>| p.is_some_and(|n| n.parse::<usize>().is_ok_and(|n| n > 0));
            if !numeric(line) || !numeric(col) {
                return Err(format!("not FILE:LINE:COL: {first}"));
            }
            let message = unquoted(message.unwrap_or_default());
            if let Some(word) = ENGLISH.iter().find(|w| message.contains(*w)) {
                return Err(format!("English ({word:?}) in: {first}"));
            }
        }
        other => return Err(format!("exit status {other:?}")),
    }
    Ok(())
}

#[test]
fn mutated_case_files_never_panic_and_are_answered_in_dutch() {
    let corpus = corpus();
    assert!(corpus.len() >= 20, "{} case files", corpus.len());
    let params = traject::params::Params::default();
    let today: traject::model::Date = "2017-11-20".parse().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut rng = TestRng::from_seed(RngAlgorithm::ChaCha, SEED);
    let start = Instant::now();
    let mut failures = Vec::new();
    let mut counts = [0usize; 3];
    let mut done = 0;
    while done < MUTANTS && start.elapsed() < TIME {
        let (origin, bytes) = &corpus[below(&mut rng, corpus.len())];
        let mutant = mutate(&mut rng, bytes);
        let name = format!("m{done}.ron");
        let path = dir.path().join(&name);
        std::fs::write(&path, &mutant).unwrap();
        let all = traject::cli::Scenarios {
            only: None,
            all: true,
        };
        let base = traject::cli::Scenarios::default();
        let checked = std::panic::catch_unwind(|| {
            let json = traject::cli::check_output(&params, &path, true, None, false, today, &all);
            // The text summary and the countdown of the same case, too.
            let _ = traject::cli::check_output(&params, &path, false, None, true, today, &base);
            json
        });
        let file = path.display().to_string();
        let verdict = match &checked {
            Err(_) => Err("panic".to_string()),
            Ok(o) => {
                counts[o.status.min(2) as usize] += 1;
                judge(&file, Some(o.status), &o.stdout, &o.stderr)
            }
        };
        let through_binary = (done % THROUGH_BINARY == 0).then(|| {
            let out = Home::new()
                .traject()
                .args(["check", &name, "--json"])
                .current_dir(dir.path())
                .output()
                .unwrap();
            judge(
                &name,
                out.status.code().map(|c| c as u8),
                &String::from_utf8_lossy(&out.stdout),
                &String::from_utf8_lossy(&out.stderr),
            )
        });
        let unchanged = std::fs::read(&path).unwrap() == mutant;
        for (what, v) in [("in process", Some(verdict)), ("binary", through_binary)] {
            if let Some(Err(e)) = v {
                failures.push(format!("{} (from {}), {what}: {e}", name, origin.display()));
                std::fs::write(dir.path().join(format!("{name}.kept")), &mutant).unwrap();
            }
        }
        if !unchanged {
            failures.push(format!("{name}: the file was changed"));
        }
        done += 1;
    }
    assert!(done >= 200, "only {done} mutants in {TIME:?}");
    // The mutants must reach every outcome, or the test proves little.
    assert!(
        counts.iter().all(|&n| n > 0),
        "outcomes 0/1/2: {counts:?} of {done}"
    );
    if !failures.is_empty() {
        let kept = dir.keep();
        panic!(
            "{} of {done} mutants failed (kept in {}):\n{}",
            failures.len(),
            kept.display(),
            failures[..failures.len().min(30)].join("\n")
        );
    }
    eprintln!(
        "fuzz: {done} mutants, status 0/1/2: {counts:?}, {:?}",
        start.elapsed()
    );
}
