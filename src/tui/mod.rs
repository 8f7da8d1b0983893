//! The counsellor's terminal UI: one App state, one Action enum, a pure
//! `update`, rendering from `&App`; keys are data (`keymap`).

pub mod action;
pub mod app;
pub mod choice;
pub mod demo;
pub mod editing;
pub mod explain;
pub mod form;
pub mod keymap;
pub mod layout;
pub mod mouse;
pub mod paste;
pub mod review;
pub mod rows;
pub mod run;
pub mod terminal;
pub mod ui;
pub mod update;
pub mod whatif;

pub use action::{Action, Command, Effect};
pub use app::App;
pub use run::{Ended, Options, RunError, Runtime, new_app, perform, run};
pub use update::{event_action, key_action, update};
