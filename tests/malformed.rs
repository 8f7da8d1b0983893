//! Case files that cannot be read: every `tests/malformed/NAME.ron` is
//! given to the real binary as `traject check tests/malformed/NAME.ron
//! --json`, which must refuse it with exit status 2, print nothing on
//! stdout, print `FILE:LINE:COL: message` (Dutch) as the first line on
//! stderr, exactly as `NAME.expect` holds it, and leave the file as it was.

use std::path::{Path, PathBuf};

mod home;
use home::Home;

fn corpus(root: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root.join("tests/malformed"))
        .expect("tests/malformed exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    v.sort();
    v
}

fn check_one(root: &Path, file: &Path) -> Result<(), String> {
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    // The path as a person types it, relative to the crate root.
    let rel = format!("tests/malformed/{name}");
    let expect_path = file.with_extension("expect");
    let expected = std::fs::read_to_string(&expect_path)
        .map_err(|e| format!("{}: {e}", expect_path.display()))?;
    let expected = expected.trim_end_matches(['\n', '\r']);
    let before = std::fs::read(file).map_err(|e| format!("{rel}: {e}"))?;

    let out = Home::new()
        .traject()
        .current_dir(root)
        .args(["check", &rel, "--json"])
        .output()
        .map_err(|e| format!("cannot run traject: {e}"))?;

    let mut problems = Vec::new();
    if out.status.code() != Some(2) {
        problems.push(format!("exit status {:?}, expected 2", out.status.code()));
    }
    if !out.stdout.is_empty() {
        problems.push(format!(
            "stdout not empty: {:?}",
            String::from_utf8_lossy(&out.stdout)
        ));
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let first = stderr.lines().next().unwrap_or("");
    if first != expected {
        problems.push(format!(
            "first line on stderr:\n    found:    {first}\n    expected: {expected}"
        ));
    }
    let after = std::fs::read(file).map_err(|e| format!("{rel}: {e}"))?;
    if after != before {
        problems.push("the file was changed".to_string());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{rel}:\n  {}", problems.join("\n  ")))
    }
}

#[test]
fn every_malformed_case_is_refused_where_it_goes_wrong() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = corpus(root);
    assert!(
        files.len() >= 20,
        "tests/malformed holds {} case files, at least 20 expected",
        files.len()
    );
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| check_one(root, f).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} malformed case files are not refused as expected:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
