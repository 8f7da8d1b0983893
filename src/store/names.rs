//! The program's directories and safe file names for new cases.

use std::fs;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------
// Directories
// ---------------------------------------------------------------------------

/// The program's directories (`be`, `AP Hogeschool`, `traject`), when the
/// user's home directory is known.
pub fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("be", "AP Hogeschool", "traject")
}

/// Where case files go by default: the program's data directory (on Linux
/// `~/.local/share/traject`), or `./traject-data` when there is none. The
/// directory may not exist yet.
pub fn default_data_dir() -> PathBuf {
    project_dirs()
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("./traject-data"))
}

/// The program's configuration directory (on Linux `~/.config/traject`).
pub fn config_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().to_path_buf())
}

/// The program's state directory (on Linux `~/.local/state/traject`),
/// falling back to the local data directory where the platform has no state
/// directory.
pub fn state_dir() -> Option<PathBuf> {
    project_dirs().map(|d| {
        d.state_dir()
            .unwrap_or_else(|| d.data_local_dir())
            .to_path_buf()
    })
}

/// Makes a directory and any missing parents, each with mode 0700 (only
/// the owner may look in; file names are students' names).
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Makes one of the program's own directories (the default data
/// directory, the state directory) if needed, and closes it to others when
/// an earlier version left it open (0755).
pub fn own_private_dir(dir: &Path) -> std::io::Result<()> {
    create_private_dir(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(dir)?.permissions().mode();
        if mode & 0o077 != 0 {
            fs::set_permissions(dir, fs::Permissions::from_mode(mode & 0o700 | 0o700))?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// File names
// ---------------------------------------------------------------------------

/// A letter with its accents folded away, as ASCII; `None` for characters
/// that have no ASCII form here.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// The longest stem [`suggest_file_name`] makes, in characters.
const MAX_STEM: usize = 60;

/// A safe file name for a new case of this student: lower case, accents
/// folded (`é` → `e`, `ß` → `ss`), apostrophes dropped, every other run of
/// characters outside `[a-z0-9]` one `-`, at most 60 characters before
/// `.ron`. `"Jan Peeters"` gives `"jan-peeters.ron"`; a name with nothing
/// usable gives `"dossier.ron"`.
pub fn suggest_file_name(student: &str) -> String {
    let mut stem = String::new();
    let mut dash = false;
    for c in student.chars().flat_map(char::to_lowercase) {
        let piece: Option<std::borrow::Cow<'static, str>> = if c.is_ascii_alphanumeric() {
            Some(c.to_string().into())
        } else if matches!(c, '\'' | '’' | '‘' | '`' | '´') {
            continue;
        } else {
            fold(c).map(Into::into)
        };
        match piece {
            Some(p) => {
                if dash && !stem.is_empty() {
                    stem.push('-');
                }
                dash = false;
                stem.push_str(&p);
            }
            None => dash = true,
        }
    }
    if stem.len() > MAX_STEM {
        stem.truncate(MAX_STEM);
        while stem.ends_with('-') {
            stem.pop();
        }
    }
    if stem.is_empty() {
        "dossier.ron".to_string()
    } else {
        format!("{stem}.ron")
    }
}

/// `dir/file_name`, or when that exists, the first free
/// `dir/STEM-2.ron`, `dir/STEM-3.ron`, … (the number goes before `.ron`, or
/// at the end for a name without `.ron`).
pub fn unique_path(dir: &Path, file_name: &str) -> PathBuf {
    let exists = |p: &Path| fs::symlink_metadata(p).is_ok();
    let first = dir.join(file_name);
    if !exists(&first) {
        return first;
    }
    let (stem, ext) = match file_name.strip_suffix(".ron") {
        Some(stem) => (stem, ".ron"),
        None => (file_name, ""),
    };
    (2u64..)
        .map(|n| dir.join(format!("{stem}-{n}{ext}")))
        .find(|p| !exists(p))
        .expect("some number is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_file_names_are_safe() {
        assert_eq!(suggest_file_name("Jan Peeters"), "jan-peeters.ron");
        assert_eq!(
            suggest_file_name("  Zoë  Van den Brœck "),
            "zoe-van-den-broeck.ron"
        );
        assert_eq!(
            suggest_file_name("Ümit Çelik-Şahin"),
            "umit-celik-sahin.ron"
        );
        assert_eq!(suggest_file_name("Lotte D'Hondt"), "lotte-dhondt.ron");
        assert_eq!(suggest_file_name("Groß ../../etc"), "gross-etc.ron");
        assert_eq!(suggest_file_name("Li 李"), "li.ron");
        assert_eq!(suggest_file_name(""), "dossier.ron");
        assert_eq!(suggest_file_name("  ...  "), "dossier.ron");
        assert_eq!(suggest_file_name("王"), "dossier.ron");
        let long = suggest_file_name(&"a b ".repeat(100));
        assert!(long.len() <= MAX_STEM + 4, "{long}");
        assert!(!long.contains("-.ron"));
        for name in ["Jan Peeters", "Zoë", "x/y\\z", "Élodie Æsir"] {
            let f = suggest_file_name(name);
            let stem = f.strip_suffix(".ron").unwrap();
            assert!(
                stem.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{f}"
            );
            assert!(!stem.starts_with('-') && !stem.ends_with('-'), "{f}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn private_directories_are_0700() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b/c");
        create_private_dir(&deep).unwrap();
        for d in [dir.path().join("a"), dir.path().join("a/b"), deep.clone()] {
            assert_eq!(
                fs::metadata(&d).unwrap().permissions().mode() & 0o777,
                0o700
            );
        }
        let open = dir.path().join("open");
        fs::create_dir(&open).unwrap();
        fs::set_permissions(&open, fs::Permissions::from_mode(0o755)).unwrap();
        own_private_dir(&open).unwrap();
        assert_eq!(
            fs::metadata(&open).unwrap().permissions().mode() & 0o777,
            0o700
        );
    }

    #[test]
    fn unique_paths_count_up_before_the_extension() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        assert_eq!(unique_path(d, "jan.ron"), d.join("jan.ron"));
        fs::write(d.join("jan.ron"), "").unwrap();
        assert_eq!(unique_path(d, "jan.ron"), d.join("jan-2.ron"));
        fs::write(d.join("jan-2.ron"), "").unwrap();
        assert_eq!(unique_path(d, "jan.ron"), d.join("jan-3.ron"));
        fs::write(d.join("notities"), "").unwrap();
        assert_eq!(unique_path(d, "notities"), d.join("notities-2"));
    }
}
