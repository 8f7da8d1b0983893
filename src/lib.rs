//! traject: leerkrediet, tolerance credit and study efficiency for
//! study-trajectory counsellors of AP Hogeschool, explained article by
//! article.
//!
//! - [`model`]: the case a counsellor types in;
//! - [`params`]: rule parameters as data;
//! - [`rules`]: the pure rules core;
//! - [`casefile`]: reading and writing case files;
//! - [`dutch`]: the Dutch text of every message and title;
//! - [`report`]: the `check` output, text and JSON;
//! - [`import`]: course units from spreadsheet rows (paste, CSV);
//! - [`store`]: saving atomically, locks, recovery files, the case list;
//! - [`sanitize`]: control characters out of printed text;
//! - [`os_error`]: the system's errors in Dutch;
//! - [`tui`]: the terminal UI.

pub mod casefile;
pub mod cli;
pub mod dutch;
pub mod import;
pub mod model;
pub mod os_error;
pub mod params;
pub mod report;
pub mod review;
pub mod rules;
pub mod sanitize;
pub mod store;
pub mod tui;
