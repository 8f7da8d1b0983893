//! Tests of the terminal UI: key-driven App tests (no terminal), TestBackend
//! snapshots of every screen, and an end-to-end run of the real binary in
//! tmux.

mod app;
mod e2e;
mod fuzz;
mod snapshots;
mod support;
