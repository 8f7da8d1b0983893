//! The tests' own home keeps the user's out. A directory plays the real
//! home of whoever runs the tests: its `~/.config/traject` holds a rules
//! directory that cannot be read and a keymap that cannot be parsed, so
//! that any run that reads them fails. `traject check` started from that
//! environment fails (the trap works), and started in a [`Home`] it gives
//! the same JSON as in an empty home.

use std::path::Path;
use std::process::{Command, Output};

mod home;
use home::Home;

const S01: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/S01.ron");

/// A home as a user's: a broken rules override and keymap in
/// `.config/traject` (the TUI's side, the keymap and the case list, is
/// proven in tests/tui/e2e.rs).
fn users_home() -> tempfile::TempDir {
    let real = tempfile::tempdir().unwrap();
    let config = real.path().join(".config/traject");
    let ap = config.join("rules/institutions/AP");
    std::fs::create_dir_all(&ap).unwrap();
    std::fs::write(ap.join("oer.ron"), "(kapot").unwrap();
    std::fs::write(config.join("keymap.ron"), "[(kapot").unwrap();
    real
}

/// The variables of a login in `real`: HOME, and the XDG directories as
/// the user set them (`with_xdg`) or not at all.
fn login(real: &Path, with_xdg: bool) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_traject"));
    cmd.env("HOME", real);
    for (var, dir) in [
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ] {
        if with_xdg {
            cmd.env(var, real.join(dir));
        } else {
            cmd.env_remove(var);
        }
    }
    cmd
}

fn check(cmd: &mut Command) -> Output {
    cmd.args(["check", S01, "--json", "--today", "2999-01-01"])
        .output()
        .unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn assert_isolated(with_xdg: bool) {
    let real = users_home();
    // The trap works: the user's rules are read and refused.
    let trapped = check(&mut login(real.path(), with_xdg));
    assert_eq!(trapped.status.code(), Some(2), "{trapped:?}");
    assert!(
        String::from_utf8_lossy(&trapped.stderr).contains("oer.ron"),
        "{trapped:?}"
    );
    // In a home of its own the same login gives the normal result.
    let expected = json(&check(&mut Home::new().traject()));
    assert_eq!(expected["leerkrediet"]["balance"], 188);
    let home = Home::new();
    let got = json(&check(home.apply(&mut login(real.path(), with_xdg))));
    assert_eq!(got, expected);
    assert!(!real.path().join(".local/state").exists());
}

#[test]
fn the_users_configuration_stays_out_when_the_login_sets_xdg_dirs() {
    assert_isolated(true);
}

#[test]
fn the_users_configuration_stays_out_when_only_home_is_set() {
    assert_isolated(false);
}
