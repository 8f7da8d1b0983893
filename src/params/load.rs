//! Reading rule parameters: the set shipped in `assets/rules/` (embedded),
//! and a user directory of the same layout laid over it. Files merge by
//! key; a conflicting or incomplete definition is an error naming the
//! file and the key.
//!
//! Layout: `decree.ron` (the decree's leerkrediet rules), and per
//! institution `institutions/KEY/institution.ron` (who it is, its lists),
//! `institutions/KEY/oer.ron` (its regulation's parameters) and
//! `institutions/KEY/calendars/*.ron` (one academic year each).

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use serde::de::DeserializeOwned;

use super::groups::{DecreeFile, OerFile};
use super::institution::{Calendar, InstitutionFile, InstitutionRules, OerYear, YearTable};
use super::{Dated, Params, TABLE_FIRST, TABLE_LAST};
use crate::casefile::{ParseError, parse_ron};

static BUILT_IN: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/assets/rules");

/// A parameter file or set that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ParamsError {
    #[error("{path}: {message}")]
    Io { path: PathBuf, message: String },
    #[error("{0}")]
    Parse(#[from] ParseError),
    /// A definition that conflicts or is incomplete: the file and the key.
    #[error("{file}: {key}: {message}")]
    Invalid {
        file: String,
        key: String,
        message: String,
    },
}

fn invalid(file: &str, key: &str, message: impl Into<String>) -> ParamsError {
    ParamsError::Invalid {
        file: file.to_string(),
        key: key.to_string(),
        message: message.into(),
    }
}

/// One file of a parameter set: its path relative to the set, the name
/// shown in messages, and its text.
struct File {
    relative: String,
    shown: String,
    text: String,
}

fn built_in_files() -> Vec<File> {
    fn walk(dir: &Dir<'_>, out: &mut Vec<File>) {
        for f in dir.files() {
            let relative = f.path().to_string_lossy().replace('\\', "/");
            out.push(File {
                shown: format!("assets/rules/{relative}"),
                relative,
                text: f.contents_utf8().unwrap_or_default().to_string(),
            });
        }
        for d in dir.dirs() {
            walk(d, out);
        }
    }
    let mut out = Vec::new();
    walk(&BUILT_IN, &mut out);
    out.sort_by(|a, b| a.relative.cmp(&b.relative));
    out
}

fn user_files(dir: &Path) -> Result<Vec<File>, ParamsError> {
    fn walk(root: &Path, dir: &Path, depth: usize, out: &mut Vec<File>) -> Result<(), ParamsError> {
        if depth > 4 {
            return Ok(());
        }
        let io = |e: std::io::Error| ParamsError::Io {
            path: dir.to_path_buf(),
            message: e.to_string(),
        };
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let entry = entry.map_err(io)?;
            let path = entry.path();
            // Never follow a link: a link loop cannot catch the reader.
            let kind = entry.file_type().map_err(io)?;
            if kind.is_dir() {
                walk(root, &path, depth + 1, out)?;
            } else if kind.is_file() && path.extension().is_some_and(|x| x == "ron") {
                let text = std::fs::read_to_string(&path).map_err(|e| ParamsError::Io {
                    path: path.clone(),
                    message: e.to_string(),
                })?;
                let relative = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push(File {
                    relative,
                    shown: path.display().to_string(),
                    text,
                });
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    if dir.is_dir() {
        walk(dir, dir, 0, &mut out)?;
    }
    out.sort_by(|a, b| a.relative.cmp(&b.relative));
    Ok(out)
}

fn parse<T: DeserializeOwned>(f: &File) -> Result<T, ParamsError> {
    Ok(parse_ron(Path::new(&f.shown), &f.text)?)
}

/// What a file is, by its place in the set.
enum Kind<'a> {
    Decree,
    Institution(&'a str),
    Oer(&'a str),
    Calendar(&'a str),
}

fn kind(relative: &str) -> Option<Kind<'_>> {
    let parts: Vec<&str> = relative.split('/').collect();
    match parts.as_slice() {
        ["decree.ron"] => Some(Kind::Decree),
        ["institutions", key, "institution.ron"] => Some(Kind::Institution(key)),
        ["institutions", key, "oer.ron"] => Some(Kind::Oer(key)),
        ["institutions", key, "calendars", _] => Some(Kind::Calendar(key)),
        _ => None,
    }
}

/// An institution while its files are gathered.
#[derive(Default)]
struct Gathered {
    identity: Option<(InstitutionFile, String)>,
    oer: OerFile,
    oer_files: Vec<String>,
    calendars: Vec<(Calendar, String)>,
}

/// The merged set before it is resolved.
#[derive(Default)]
struct Set {
    decree: DecreeFile,
    decree_files: Vec<String>,
    institutions: Vec<(String, Gathered)>,
    sources: Vec<String>,
}

impl Set {
    fn institution(&mut self, key: &str) -> &mut Gathered {
        let i = match self
            .institutions
            .iter()
            .position(|(k, _)| k.eq_ignore_ascii_case(key))
        {
            Some(i) => i,
            None => {
                self.institutions
                    .push((key.to_string(), Gathered::default()));
                self.institutions.len() - 1
            }
        };
        &mut self.institutions[i].1
    }

    fn add(&mut self, f: &File) -> Result<(), ParamsError> {
        let Some(k) = kind(&f.relative) else {
            let hint = match f.relative.as_str() {
                "thresholds.ron" | "institution.ron" => {
                    " (de vroegere indeling; zet de drempels nu in decree.ron en institutions/KEY/oer.ron)"
                }
                r if r.starts_with("calendars/") => {
                    " (de vroegere indeling; zet kalenders nu in institutions/KEY/calendars/)"
                }
                _ => "",
            };
            return Err(invalid(
                &f.shown,
                &f.relative,
                format!(
                    "onbekend bestand in de regelmap{hint}; toegelaten: decree.ron, institutions/KEY/institution.ron, institutions/KEY/oer.ron, institutions/KEY/calendars/JAAR.ron"
                ),
            ));
        };
        self.sources.push(f.shown.clone());
        match k {
            Kind::Decree => {
                let d: DecreeFile = parse(f)?;
                self.decree
                    .merge(d.from_file(&f.shown))
                    .map_err(|(key, m)| invalid(&f.shown, key, m))?;
                self.decree_files.push(f.shown.clone());
            }
            Kind::Institution(key) => {
                let file: InstitutionFile = parse(f)?;
                if !file.key.eq_ignore_ascii_case(key) {
                    return Err(invalid(
                        &f.shown,
                        "key",
                        format!(
                            "\"{}\" in de map institutions/{key}; de key is de naam van de map",
                            file.key
                        ),
                    ));
                }
                let g = self.institution(key);
                match &mut g.identity {
                    None => g.identity = Some((file, f.shown.clone())),
                    Some((old, _)) => merge_identity(old, file, &f.shown)?,
                }
            }
            Kind::Oer(key) => {
                let o: OerFile = parse(f)?;
                let g = self.institution(key);
                g.oer
                    .merge(o.from_file(&f.shown))
                    .map_err(|(k, m)| invalid(&f.shown, k, m))?;
                g.oer_files.push(f.shown.clone());
            }
            Kind::Calendar(key) => {
                let c: Calendar = parse(f)?;
                check_calendar(&c, &f.shown)?;
                let g = self.institution(key);
                if let Some((old, file)) = g.calendars.iter().find(|(o, _)| o.year == c.year) {
                    if *old != c {
                        return Err(invalid(
                            &f.shown,
                            "year",
                            format!(
                                "er is al een kalender voor {} in {file}; een academiejaar heeft maar één kalender",
                                c.year
                            ),
                        ));
                    }
                } else {
                    g.calendars.push((c, f.shown.clone()));
                }
            }
        }
        Ok(())
    }
}

/// A user file for a known institution adds names and lists; the fields
/// that say who it is may be repeated only with the same value.
fn merge_identity(
    old: &mut InstitutionFile,
    new: InstitutionFile,
    file: &str,
) -> Result<(), ParamsError> {
    fn same<T: PartialEq + std::fmt::Debug>(
        old: &mut Option<T>,
        new: Option<T>,
        file: &str,
        key: &str,
    ) -> Result<(), ParamsError> {
        match (old.as_ref(), new) {
            (_, None) => Ok(()),
            (None, Some(n)) => {
                *old = Some(n);
                Ok(())
            }
            (Some(o), Some(n)) if *o == n => Ok(()),
            (Some(o), Some(n)) => Err(invalid(
                file,
                key,
                format!("{n:?} verschilt van de ingebouwde waarde {o:?}"),
            )),
        }
    }
    same(&mut old.name, new.name, file, "name")?;
    same(&mut old.short, new.short, file, "short")?;
    same(&mut old.home, new.home, file, "home")?;
    same(
        &mut old.default_department,
        new.default_department,
        file,
        "default_department",
    )?;
    for n in new.names {
        if !old.names.contains(&n) {
            old.names.push(n);
        }
    }
    for d in new.departments {
        if !old.departments.iter().any(|o| o.key == d.key) {
            old.departments.push(d);
        }
    }
    if let Some(r) = new.regulation {
        match &mut old.regulation {
            Some(o) => o
                .merge(r.from_file(file))
                .map_err(|m| invalid(file, "regulation", m))?,
            None => old.regulation = Some(r.from_file(file)),
        }
    }
    old.no_tolerance.extend(new.no_tolerance);
    old.tolerance_groups.extend(new.tolerance_groups);
    Ok(())
}

fn check_calendar(c: &Calendar, file: &str) -> Result<(), ParamsError> {
    if c.start > c.end {
        return Err(invalid(
            file,
            "start",
            format!("{} ligt na het einde {}", c.start, c.end),
        ));
    }
    if c.start.0.format("%Y").to_string() != c.year.0.to_string() {
        return Err(invalid(
            file,
            "start",
            format!(
                "{} valt niet in het begin van academiejaar {}",
                c.start, c.year
            ),
        ));
    }
    Ok(())
}

fn resolve(set: Set) -> Result<Params, ParamsError> {
    let decree_file = set
        .decree_files
        .last()
        .cloned()
        .unwrap_or_else(|| "decree.ron".into());
    if let Err(missing) = set.decree.resolve(TABLE_LAST) {
        return Err(invalid(
            &decree_file,
            missing[0],
            "ontbreekt: elke parameter van het decreet heeft een waarde nodig",
        ));
    }
    let decree = set.decree.clone();
    let decree_years = YearTable::build(TABLE_FIRST, TABLE_LAST, |y| {
        decree.resolve(y).expect("every key has a value").values
    });

    let mut institutions = Vec::new();
    for (key, g) in set.institutions {
        let Some((id, id_file)) = g.identity else {
            let file = g
                .oer_files
                .first()
                .cloned()
                .or_else(|| g.calendars.first().map(|(_, f)| f.clone()))
                .unwrap_or_default();
            return Err(invalid(
                &file,
                "institution.ron",
                format!(
                    "instelling {key} heeft geen institution.ron (key, name, short, default_department, regulation)"
                ),
            ));
        };
        let need = |v: Option<String>, k: &str| {
            v.ok_or_else(|| invalid(&id_file, k, "ontbreekt voor een nieuwe instelling"))
        };
        let name = need(id.name.clone(), "name")?;
        let short = need(id.short.clone(), "short")?;
        let default_department = need(id.default_department.clone(), "default_department")?;
        let regulation: Dated<String> = id
            .regulation
            .clone()
            .ok_or_else(|| {
                invalid(
                    &id_file,
                    "regulation",
                    "ontbreekt voor een nieuwe instelling",
                )
            })?
            .from_file(&id_file);
        let oer_file = g
            .oer_files
            .last()
            .cloned()
            .unwrap_or_else(|| format!("institutions/{key}/oer.ron"));
        if let Err(missing) = g.oer.resolve(TABLE_LAST) {
            return Err(invalid(
                &oer_file,
                missing[0],
                format!("ontbreekt in het reglement van {name}"),
            ));
        }
        if let Some((from, to)) = g.oer.span()
            && let Some((year, k)) = g.oer.gaps(from, to).first()
        {
            return Err(invalid(
                &oer_file,
                k,
                format!(
                    "geen waarde voor {year}, terwijl andere parameters van {name} dat jaar wel een waarde hebben; elk jaar van een reglement heeft alle parameters"
                ),
            ));
        }
        let oer = g.oer.clone();
        let years = YearTable::build(TABLE_FIRST, TABLE_LAST, |y| {
            let r = oer.resolve(y).expect("every key has a value");
            let stand_in = match regulation.in_force(y) {
                Some(super::InForce::Nearest(v)) => Some(super::StandIn {
                    institution: name.as_str().into(),
                    regulation: v.value.as_str().into(),
                    span: v.span().into(),
                }),
                _ => None,
            };
            OerYear {
                oer: r.values,
                nearest: r.nearest,
                stand_in,
            }
        });
        let mut calendars: Vec<Calendar> = g.calendars.into_iter().map(|(c, _)| c).collect();
        calendars.sort_by_key(|c| c.year);
        institutions.push(InstitutionRules {
            key,
            name,
            short,
            names: id.names,
            home: id.home.unwrap_or(false),
            default_department,
            departments: id.departments,
            regulation,
            oer_file: g.oer,
            no_tolerance: id.no_tolerance,
            tolerance_groups: id.tolerance_groups,
            calendars,
            years,
        });
    }
    let homes: Vec<usize> = (0..institutions.len())
        .filter(|&i| institutions[i].home)
        .collect();
    let home = match homes.as_slice() {
        [h] => *h,
        [] => {
            return Err(invalid(
                "institutions",
                "home",
                "geen enkele instelling heeft home: true; precies één instelling is de eigen",
            ));
        }
        [_, second, ..] => {
            return Err(invalid(
                &format!("institutions/{}/institution.ron", institutions[*second].key),
                "home",
                "meer dan één instelling heeft home: true; precies één instelling is de eigen",
            ));
        }
    };
    Ok(Params {
        decree_file: set.decree,
        decree_years,
        institutions,
        home,
        sources: set.sources,
    })
}

fn gather(files: &[File], set: &mut Set) -> Result<(), ParamsError> {
    for f in files {
        set.add(f)?;
    }
    Ok(())
}

/// The parameters shipped in `assets/rules/`.
pub(super) fn embedded() -> Params {
    let mut set = Set::default();
    gather(&built_in_files(), &mut set)
        .and_then(|()| resolve(set))
        .unwrap_or_else(|e| panic!("the built-in rule parameters are invalid: {e}"))
}

/// The built-in parameters with the files of `dir` laid over them. A
/// missing directory leaves the built-in set.
pub fn load_dir(dir: &Path) -> Result<Params, ParamsError> {
    let mut set = Set::default();
    gather(&built_in_files(), &mut set)?;
    gather(&user_files(dir)?, &mut set)?;
    resolve(set)
}

/// Only the files of `dir`, without the built-in set: a complete set of
/// its own (for tests, or an institution that keeps all its rules).
pub fn load_only(dir: &Path) -> Result<Params, ParamsError> {
    let mut set = Set::default();
    gather(&user_files(dir)?, &mut set)?;
    resolve(set)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AcademicYear;

    #[test]
    fn every_built_in_file_is_read_and_valid() {
        let p = embedded();
        let files = built_in_files();
        assert!(files.len() >= 4);
        assert_eq!(p.sources.len(), files.len());
        assert_eq!(p.decree(AcademicYear(2017)).initial_balance, 140);
        assert!(p.calendar(AcademicYear(2017)).is_some());
        assert!(p.institution(Some("ap hogeschool")).is_some());
        assert_eq!(p.home_name(), "AP");
    }

    #[test]
    fn a_user_calendar_adds_a_year() {
        let dir = tempfile::tempdir().unwrap();
        let cal = dir.path().join("institutions/AP/calendars");
        std::fs::create_dir_all(&cal).unwrap();
        let text = built_in_files()
            .into_iter()
            .find(|f| f.relative.ends_with("calendars/2017-2018.ron"))
            .unwrap()
            .text
            .replace("2018", "2019")
            .replace("2017", "2018");
        std::fs::write(cal.join("2018-2019.ron"), text).unwrap();
        let p = load_dir(dir.path()).unwrap();
        assert!(p.calendar(AcademicYear(2018)).is_some());
        assert!(p.calendar(AcademicYear(2017)).is_some());
    }

    #[test]
    fn a_broken_user_file_names_its_place() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("decree.ron"), "(\n  initial_balance: x,\n)").unwrap();
        let err = load_dir(dir.path()).unwrap_err().to_string();
        assert!(err.contains("decree.ron:2:"), "{err}");
    }

    #[test]
    fn a_conflicting_value_names_the_file_and_the_key() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("decree.ron"),
            "(initial_balance: (article: \"Art. 8.1 §1\", values: [(from: \"2015-2016\", value: 150)]))",
        )
        .unwrap();
        let err = load_dir(dir.path()).unwrap_err().to_string();
        assert!(err.contains("decree.ron: initial_balance: "), "{err}");
        assert!(err.contains("overlapt"), "{err}");
    }

    #[test]
    fn an_incomplete_year_names_the_missing_key() {
        let dir = tempfile::tempdir().unwrap();
        let ap = dir.path().join("institutions/AP");
        std::fs::create_dir_all(&ap).unwrap();
        std::fs::write(
            ap.join("oer.ron"),
            "(pass_grade: (article: \"Art. 22.2\", values: [(from: \"2018-2019\", to: \"2018-2019\", value: 10)]))",
        )
        .unwrap();
        let err = load_dir(dir.path()).unwrap_err().to_string();
        assert!(err.contains("oer.ron: "), "{err}");
        assert!(err.contains("2018-2019"), "{err}");
    }

    #[test]
    fn the_old_layout_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("thresholds.ron"), "()").unwrap();
        let err = load_dir(dir.path()).unwrap_err().to_string();
        assert!(err.contains("vroegere indeling"), "{err}");
    }

    #[test]
    fn a_day_no_year_has_is_refused_with_its_place() {
        for (month, day) in [(13, 1), (4, 31), (12, 0)] {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(
                dir.path().join("decree.ron"),
                format!(
                    "(\n  switch_full_before: (article: \"Art. 8.1 §9\", values: [\n    (from: \"2018-2019\", value: (month: {month}, day: {day})),\n  ]),\n)"
                ),
            )
            .unwrap();
            let err = load_dir(dir.path()).unwrap_err().to_string();
            assert!(err.contains("decree.ron:3:"), "{err}");
            assert!(err.contains("geen bestaande dag"), "{err}");
        }
        // 29 February is a day of the year.
        let md: super::super::MonthDay = ron::from_str("(month: 2, day: 29)").unwrap();
        assert_eq!((md.month, md.day), (2, 29));
    }
}
