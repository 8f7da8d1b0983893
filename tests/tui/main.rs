//! Tests of the terminal UI: key-driven App tests (no terminal), the work
//! with files (changed on disk, read-only, a second window, interrupted
//! saves, comments, recovery files), pasting rows of course units, TestBackend snapshots of every screen,
//! and end-to-end runs of the real binary in tmux.

mod app;
mod e2e;
mod files;
mod fuzz;
#[path = "../home/mod.rs"]
mod home;
mod paste;
mod pointer;
mod snapshots;
mod support;
