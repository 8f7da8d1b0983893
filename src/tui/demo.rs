//! The demo cases bundled in the binary (the files of `assets/examples/`).

use std::path::Path;

use crate::params::Params;

use super::app::Document;

/// File name and text of every demo case.
pub const DEMOS: &[(&str, &str)] = &[
    ("S01.ron", include_str!("../../assets/examples/S01.ron")),
    ("S01b.ron", include_str!("../../assets/examples/S01b.ron")),
    ("S02.ron", include_str!("../../assets/examples/S02.ron")),
    ("S03.ron", include_str!("../../assets/examples/S03.ron")),
    ("S04.ron", include_str!("../../assets/examples/S04.ron")),
    ("S05.ron", include_str!("../../assets/examples/S05.ron")),
    ("S06.ron", include_str!("../../assets/examples/S06.ron")),
    ("S07.ron", include_str!("../../assets/examples/S07.ron")),
    ("S08.ron", include_str!("../../assets/examples/S08.ron")),
    ("S09.ron", include_str!("../../assets/examples/S09.ron")),
    ("S10.ron", include_str!("../../assets/examples/S10.ron")),
    ("S11.ron", include_str!("../../assets/examples/S11.ron")),
    ("S12.ron", include_str!("../../assets/examples/S12.ron")),
    ("S13.ron", include_str!("../../assets/examples/S13.ron")),
    ("S14.ron", include_str!("../../assets/examples/S14.ron")),
    ("S15.ron", include_str!("../../assets/examples/S15.ron")),
    ("S16.ron", include_str!("../../assets/examples/S16.ron")),
    ("S17.ron", include_str!("../../assets/examples/S17.ron")),
    ("S18.ron", include_str!("../../assets/examples/S18.ron")),
    ("S19a.ron", include_str!("../../assets/examples/S19a.ron")),
    ("S19b.ron", include_str!("../../assets/examples/S19b.ron")),
    ("S19c.ron", include_str!("../../assets/examples/S19c.ron")),
    ("W01.ron", include_str!("../../assets/examples/W01.ron")),
];

/// The first comment line of a demo, as its description in the list.
pub fn description(i: usize) -> String {
    let (_, text) = DEMOS[i];
    text.lines()
        .find_map(|l| l.trim().strip_prefix("//").map(|s| s.trim().to_string()))
        .unwrap_or_default()
}

/// Opens a demo case (unsaved: a save asks for a file name).
pub fn load(i: usize, params: &Params) -> Result<Document, String> {
    let (name, text) = DEMOS.get(i).ok_or("geen demodossier")?;
    let case = crate::casefile::parse_case(Path::new(name), text).map_err(|e| e.to_string())?;
    Ok(Document::new(
        case,
        None,
        true,
        format!("demo {name}"),
        params,
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
            assert!(load(i, &Params::default()).is_ok());
        }
    }
}
