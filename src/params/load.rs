//! Reading rule parameters: the embedded defaults, and a user directory
//! whose files replace them (`thresholds.ron`, `institution.ron`) or add
//! calendars (`calendars/*.ron`).

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use super::{Calendar, Institution, Params, Thresholds};
use crate::casefile::{ParseError, parse_ron};

const THRESHOLDS: &str = include_str!("../../assets/rules/thresholds.ron");
const INSTITUTION: &str = include_str!("../../assets/rules/institution.ron");
const CALENDARS: &[(&str, &str)] = &[(
    "assets/rules/calendars/2017-2018.ron",
    include_str!("../../assets/rules/calendars/2017-2018.ron"),
)];

/// A parameter file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ParamsError {
    #[error("{path}: {message}")]
    Io { path: PathBuf, message: String },
    #[error("{0}")]
    Parse(#[from] ParseError),
}

fn embedded_file<T: DeserializeOwned>(name: &str, text: &str) -> T {
    parse_ron(Path::new(name), text)
        .unwrap_or_else(|e| panic!("embedded rule parameters are invalid: {e}"))
}

/// The parameters shipped in `assets/rules/`.
pub(super) fn embedded() -> Params {
    Params {
        thresholds: embedded_file("assets/rules/thresholds.ron", THRESHOLDS),
        institution: embedded_file("assets/rules/institution.ron", INSTITUTION),
        calendars: CALENDARS
            .iter()
            .map(|(name, text)| embedded_file::<Calendar>(name, text))
            .collect(),
    }
}

fn read_file<T: DeserializeOwned>(path: &Path) -> Result<Option<T>, ParamsError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(parse_ron(path, &text)?)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ParamsError::Io {
            path: path.to_path_buf(),
            message: e.to_string(),
        }),
    }
}

/// The embedded parameters with the files of `dir` laid over them.
/// A missing directory or file leaves the default in place.
pub fn load_dir(dir: &Path) -> Result<Params, ParamsError> {
    let mut params = embedded();
    if let Some(t) = read_file::<Thresholds>(&dir.join("thresholds.ron"))? {
        params.thresholds = t;
    }
    if let Some(i) = read_file::<Institution>(&dir.join("institution.ron"))? {
        params.institution = i;
    }
    let cal_dir = dir.join("calendars");
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(&cal_dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .collect(),
        Err(_) => Vec::new(),
    };
    entries.sort();
    for path in entries {
        if let Some(cal) = read_file::<Calendar>(&path)? {
            params.calendars.retain(|c| c.year != cal.year);
            params.calendars.push(cal);
        }
    }
    Ok(params)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AcademicYear;

    #[test]
    fn embedded_parameters_parse() {
        let p = embedded();
        assert_eq!(p.thresholds.initial_balance, 140);
        assert!(p.calendar(AcademicYear(2017)).is_some());
        assert!(p.is_home("ap hogeschool"));
    }

    #[test]
    fn a_user_calendar_is_added() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("calendars")).unwrap();
        let text = CALENDARS[0].1.replace("2017-2018", "2018-2019");
        let text = text.replace("2017-", "2018-").replace("2018-0", "2019-0");
        std::fs::write(dir.path().join("calendars/2018-2019.ron"), text).unwrap();
        let p = load_dir(dir.path()).unwrap();
        assert!(p.calendar(AcademicYear(2018)).is_some());
        assert!(p.calendar(AcademicYear(2017)).is_some());
    }

    #[test]
    fn a_broken_user_file_names_its_place() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("thresholds.ron"),
            "(\n  initial_balance: x,\n)",
        )
        .unwrap();
        let err = load_dir(dir.path()).unwrap_err().to_string();
        assert!(err.contains("thresholds.ron:2:"), "{err}");
    }
}
