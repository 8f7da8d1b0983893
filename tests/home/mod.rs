//! A fresh home for one run of the binary: configuration, data, state and
//! cache directories in a temporary directory, never those of whoever runs
//! the tests. `HOME` is set too, so that `directories` cannot fall back to
//! the real one.
//!
//! The variables are set on the child only (a `Command`, or the `env`
//! prefix of a shell command for tmux), never with `std::env::set_var`:
//! tests run in parallel.
//!
//! Shared by several test crates (`mod home;`, `#[path]` from tests/tui and
//! tests/bench); each uses part of it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The subdirectories of a [`Home`], each with the variable that points
/// at it.
const DIRS: [(&str, &str); 4] = [
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_STATE_HOME", "state"),
    ("XDG_CACHE_HOME", "cache"),
];

/// A temporary home, removed when dropped.
pub struct Home {
    root: tempfile::TempDir,
}

impl Home {
    /// A new, empty home with `config/`, `data/`, `state/` and `cache/`.
    pub fn new() -> Home {
        let root = tempfile::tempdir().unwrap();
        for (_, d) in DIRS {
            std::fs::create_dir(root.path().join(d)).unwrap();
        }
        Home { root }
    }

    /// The home directory itself (`HOME`).
    pub fn path(&self) -> &Path {
        self.root.path()
    }

    /// `XDG_CONFIG_HOME`: traject reads `traject/keymap.ron` and
    /// `traject/rules` here.
    pub fn config(&self) -> PathBuf {
        self.path().join("config")
    }

    /// `XDG_DATA_HOME`: traject's default case directory is `traject` here.
    pub fn data(&self) -> PathBuf {
        self.path().join("data")
    }

    /// `XDG_STATE_HOME`: traject keeps `traject/herstel` and its log here.
    pub fn state(&self) -> PathBuf {
        self.path().join("state")
    }

    /// Every variable this home sets, with its value.
    pub fn vars(&self) -> Vec<(&'static str, PathBuf)> {
        let mut vars = vec![("HOME", self.path().to_path_buf())];
        vars.extend(DIRS.iter().map(|&(var, d)| (var, self.path().join(d))));
        vars
    }

    /// Points `cmd` at this home.
    pub fn apply<'c>(&self, cmd: &'c mut Command) -> &'c mut Command {
        cmd.envs(self.vars())
    }

    /// The traject binary, pointed at this home.
    pub fn traject(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_traject"));
        self.apply(&mut cmd);
        cmd
    }

    /// `env HOME='…' XDG_CONFIG_HOME='…' …`: the prefix of a shell command
    /// (a tmux session's) that runs a program in this home.
    pub fn env_prefix(&self) -> String {
        let mut s = String::from("env");
        for (var, value) in self.vars() {
            s.push_str(&format!(
                " {var}={}",
                shell_quote(&value.display().to_string())
            ));
        }
        s
    }
}

/// `text` as one word for sh: in single quotes, any single quote in it
/// closed, escaped and reopened.
pub fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}
