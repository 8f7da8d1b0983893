//! The demo cases bundled in the binary (the files of `assets/examples/`).

use std::path::Path;

use crate::params::Params;

use super::app::Document;

static EXAMPLES: include_dir::Dir<'_> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/assets/examples");

/// File name and text of every demo case, in name order: every `.ron`
/// file of `assets/examples/`, embedded (opening one never touches the
/// files there).
pub static DEMOS: std::sync::LazyLock<Vec<(&'static str, &'static str)>> =
    std::sync::LazyLock::new(|| {
        let mut v: Vec<(&'static str, &'static str)> = EXAMPLES
            .files()
            .filter(|f| f.path().extension().is_some_and(|x| x == "ron"))
            .filter_map(|f| Some((f.path().to_str()?, f.contents_utf8()?)))
            .collect();
        v.sort();
        v
    });

/// The first comment line of a demo, as its description in the list.
pub fn description(i: usize) -> String {
    let (_, text) = DEMOS[i];
    text.lines()
        .find_map(|l| l.trim().strip_prefix("//").map(|s| s.trim().to_string()))
        .unwrap_or_default()
}

/// Opens a demo case (unsaved: a save asks for a file name).
pub fn load(i: usize, params: &Params, today: crate::model::Date) -> Result<Document, String> {
    let (name, text) = DEMOS.get(i).ok_or("geen demodossier")?;
    let case = crate::casefile::parse_case(Path::new(name), text).map_err(|e| e.to_string())?;
    Ok(Document::new(
        case,
        None,
        true,
        format!("demo {name}"),
        params,
        today,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_file_is_bundled_and_parses() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.ends_with(".ron"))
            .collect();
        files.sort();
        let bundled: Vec<String> = DEMOS.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(bundled, files);
        for i in 0..DEMOS.len() {
            let today = crate::model::Date::ymd(2018, 9, 20).unwrap();
            assert!(load(i, &Params::default(), today).is_ok());
        }
    }
}
