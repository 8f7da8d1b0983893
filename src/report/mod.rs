//! What `traject check` prints: the JSON object of CHECK-JSON.md and a
//! readable Dutch summary.

mod json;
mod text;

pub use json::{CheckJson, check_json};
pub use text::{check_text, countdown_text};
