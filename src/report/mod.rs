//! What `traject check` prints (the JSON object of CHECK-JSON.md and a
//! readable Dutch summary) and the student-facing report.

mod json;
mod student;
mod text;

pub use json::{CheckJson, check_json};
pub use student::{report_html, report_markdown};
pub use text::{check_text, countdown_text};
