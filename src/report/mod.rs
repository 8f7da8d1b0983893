//! What `traject check` prints (the JSON object of CHECK-JSON.md and a
//! readable Dutch summary) and the student-facing report.

mod document;
mod json;
mod scenarios;
mod student;
mod text;

pub use json::{CheckJson, check_json};
pub use scenarios::{
    ScenarioJson, scenario_header, scenario_outcome, scenarios_json, scenarios_text,
};
pub use student::{find_scenario, report_html, report_markdown};
pub use text::{check_text, countdown_text};
