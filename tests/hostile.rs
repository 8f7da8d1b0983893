//! Hostile or odd input does no harm: a FIFO named like a case does not
//! hang `check`, links in a loop are followed once and named, no escape
//! sequence from a case file reaches the terminal, and without a terminal
//! the editor says so in Dutch.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod home;
use home::Home;

/// The binary with `args` in `dir`, in a home of its own; killed (and the
/// test failed) when it does not end within 20 s.
fn traject_in(dir: &Path, args: &[&str]) -> Output {
    let home = Home::new();
    let mut child = home
        .traject()
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("traject {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn s01() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/S01.ron")).unwrap()
}

#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_case_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    if !mkfifo(&dir.path().join("x.ron")) {
        return;
    }
    let out = traject_in(dir.path(), &["check", "x.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(
        err.starts_with("x.ron: is geen gewoon bestand maar een FIFO"),
        "{err}"
    );
    // The same in a directory: named in the table, the batch goes on.
    std::fs::write(dir.path().join("a.ron"), s01()).unwrap();
    let out = traject_in(dir.path(), &["check", "."]);
    assert_eq!(out.status.code(), Some(1));
    let table = text(&out.stdout);
    assert!(
        table.contains("2 dossiers: 1 zonder fouten, 0 met fouten, 1 onleesbaar"),
        "{table}"
    );
    assert!(table.contains("FIFO"), "{table}");
}

#[cfg(unix)]
#[test]
fn links_in_a_loop_are_followed_once_and_named() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("dossiers");
    std::fs::create_dir_all(root.join("sub/diep")).unwrap();
    for (i, p) in ["a.ron", "b.ron", "sub/c.ron", "sub/d.ron", "sub/diep/e.ron"]
        .iter()
        .enumerate()
    {
        std::fs::write(
            root.join(p),
            s01().replace("S01 FAQ", &format!("Student {i}")),
        )
        .unwrap();
    }
    // Links back up the tree, a link to a file already there, two links
    // pointing at each other.
    symlink("..", root.join("sub/terug")).unwrap();
    symlink("../..", root.join("sub/diep/nog-eens-terug")).unwrap();
    symlink("../a.ron", root.join("sub/a-link.ron")).unwrap();
    symlink("l2.ron", root.join("l1.ron")).unwrap();
    symlink("l1.ron", root.join("l2.ron")).unwrap();
    let out = traject_in(dir.path(), &["check", "dossiers", "--json"]);
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let files: Vec<&str> = lines.iter().map(|l| l["file"].as_str().unwrap()).collect();
    assert_eq!(
        files,
        // The unreadable first (the case list's order), then by finding,
        // balance and name.
        [
            "dossiers/l1.ron",
            "dossiers/l2.ron",
            "dossiers/a.ron",
            "dossiers/b.ron",
            "dossiers/sub/c.ron",
            "dossiers/sub/d.ron",
            "dossiers/sub/diep/e.ron"
        ],
        "every case once"
    );
    for l in &lines[0..2] {
        assert_eq!(l["status"], 2);
        assert!(l["message"].as_str().unwrap().contains("een lus"), "{l}");
    }
    let err = text(&out.stderr);
    for skipped in ["sub/terug", "sub/diep/nog-eens-terug", "sub/a-link.ron"] {
        assert!(
            err.contains(&format!("overgeslagen: dossiers/{skipped}: ")),
            "{skipped} not named:\n{err}"
        );
    }
    assert_eq!(
        out.status.code(),
        Some(1),
        "the loop of links cannot be read"
    );
}

/// A case whose every name carries terminal control sequences.
fn hostile_case() -> String {
    let esc = "\\u{1b}]2;gehackt\\u{7}\\u{1b}[2J\\u{9b}31m\\u{202e}";
    format!(
        r#"(
    format: 1,
    student: (name: "Jan{esc}Peeters", number: "r1{esc}", notes: "n{esc}"),
    programmes: [(id: "CH", name: "Chemie{esc}", kind: Bachelor, size: 180)],
    years: [(
        year: "2017-2018",
        enrolments: [(
            programme: "CH",
            units: [
                (code: "CH-1{esc}", name: "Fysica{esc}", sp: 6, first: 8, tolerated: true),
                (code: "CH-1{esc}", name: "Dubbel{esc}", sp: 6, first: 12),
                (code: "CH-2", name: "Wiskunde", sp: 6, first: 25),
            ],
        )],
    )],
    scenarios: [(name: "Wat als{esc}", note: "x{esc}", changes: [])],
)
"#
    )
}

fn assert_no_control(what: &str, bytes: &[u8]) {
    let s = text(bytes);
    let bad: Vec<char> = s
        .chars()
        .filter(|c| {
            (c.is_control() && *c != '\n' && *c != '\t') || ('\u{202a}'..='\u{202e}').contains(c)
        })
        .collect();
    assert!(bad.is_empty(), "{what} carries {bad:?}:\n{s}");
}

#[test]
fn no_output_carries_an_escape_from_a_case_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("map")).unwrap();
    std::fs::write(d.join("map/jan.ron"), hostile_case()).unwrap();
    // A file name with an escape, holding a broken case whose error quotes it.
    std::fs::write(d.join("map/x\u{1b}[31m.ron"), "(format: 1, kleur\u{1b}: 3)").unwrap();
    let runs: &[&[&str]] = &[
        &["check", "map/jan.ron"],
        &["check", "map/jan.ron", "--explain"],
        &["check", "map/jan.ron", "--json"],
        &["check", "map"],
        &["check", "map", "--json"],
        &["check", "map/x\u{1b}[31m.ron"],
        &["report", "map/jan.ron"],
        &["report", "map/jan.ron", "--format", "html"],
        &[
            "report",
            "map/jan.ron",
            "--scenario",
            "bestaat niet\u{1b}[2J",
        ],
    ];
    for args in runs {
        let out = traject_in(d, args);
        assert!(matches!(out.status.code(), Some(0..=2)), "{args:?}");
        assert_no_control(&format!("stdout of {args:?}"), &out.stdout);
        assert_no_control(&format!("stderr of {args:?}"), &out.stderr);
    }
    // The text still shows the names, only without the controls.
    let out = traject_in(d, &["check", "map/jan.ron"]);
    assert!(text(&out.stdout).contains("Jan]2;gehackt[2J31mPeeters"));
    // JSON keeps every character, escaped, and stays valid.
    let out = traject_in(d, &["check", "map/jan.ron", "--json"]);
    let json = text(&out.stdout);
    serde_json::from_str::<serde_json::Value>(&json).unwrap();
    assert!(
        json.contains("\\u001b") && json.contains("\\u009b"),
        "{json}"
    );
}

#[test]
fn the_editor_without_a_terminal_says_so_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("jan.ron"), s01()).unwrap();
    for args in [&[][..], &["jan.ron"][..]] {
        let out = traject_in(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "no escape sequence on stdout");
        let err = text(&out.stderr);
        assert!(
            err.starts_with("traject: de editor heeft een terminal nodig"),
            "{err}"
        );
        assert!(err.contains("traject check DOSSIER.ron"), "{err}");
        assert!(err.contains("traject report"), "{err}");
        assert!(
            !err.contains('\u{1b}') && !err.contains("panicked"),
            "{err}"
        );
    }
}
