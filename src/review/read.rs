//! The one part of the review that reads: a case file to its overview row
//! (the TUI's worker and `check DIR` both go through it).

use std::path::Path;

use crate::model::Date;
use crate::params::Params;

use super::{Overview, overview, unreadable};

/// When a file was last changed, in local time.
pub fn saved_of(meta: &std::fs::Metadata) -> Option<chrono::NaiveDateTime> {
    let t = meta.modified().ok()?;
    Some(chrono::DateTime::<chrono::Local>::from(t).naive_local())
}

/// The overview row of a case file, judged on `today` (RULES.md §7), the
/// figures standing where the editor puts them (an `as_of` before the
/// last year is ignored). A file that cannot be read or parsed is a row
/// of its own with the Dutch message (`FILE:LINE:COL: …`).
pub fn read(path: &Path, params: &Params, today: Date) -> Overview {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let saved = std::fs::metadata(path).ok().as_ref().and_then(saved_of);
    let mut row = match crate::casefile::load_case(path) {
        Ok(case) => {
            let o = crate::rules::compute_on(
                &case,
                params,
                crate::rules::effective_as_of(&case),
                Some(today),
            );
            overview(&case, &o)
        }
        Err(e) => unreadable(&file, &e.to_string()),
    };
    row.file = file;
    row.saved = saved;
    row
}
