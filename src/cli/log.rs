//! The log (`--log`): `traject.log` in the state directory, mode 0600, at
//! most [`MAX_BYTES`] (then it moves to `traject.log.1`, replacing the one
//! before, and a new one starts). It names no student and no case file:
//! a case is an opaque id ([`case_id`]).

use std::fs::{self, File, OpenOptions};
use std::hash::BuildHasher;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// The largest a log file grows: 1 MiB (so two files at most, 2 MiB).
pub const MAX_BYTES: u64 = 1024 * 1024;

/// An opaque id for a case file in the log: the same file gives the same
/// id within one run, and nothing in it can be traced back to the file
/// name (a hash keyed with a random key of this run).
pub fn case_id(path: &Path) -> String {
    static KEY: OnceLock<std::collections::hash_map::RandomState> = OnceLock::new();
    let key = KEY.get_or_init(Default::default);
    format!("dossier-{:08x}", key.hash_one(path) as u32)
}

/// A log file that never grows past `max` bytes.
pub struct BoundedLog {
    path: PathBuf,
    file: File,
    written: u64,
    max: u64,
}

fn open_private(path: &Path) -> io::Result<File> {
    let mut opts = OpenOptions::new();
    opts.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        opts.mode(0o600);
        let file = opts.open(path)?;
        // A log an earlier version left readable for others.
        file.set_permissions(fs::Permissions::from_mode(0o600))?;
        Ok(file)
    }
    #[cfg(not(unix))]
    opts.open(path)
}

impl BoundedLog {
    /// Opens (or starts) the log at `path`, appending.
    pub fn open(path: &Path, max: u64) -> io::Result<BoundedLog> {
        let file = open_private(path)?;
        let written = file.metadata()?.len();
        let mut log = BoundedLog {
            path: path.to_path_buf(),
            file,
            written,
            max,
        };
        if log.written >= max {
            log.rotate()?;
        }
        Ok(log)
    }

    fn rotate(&mut self) -> io::Result<()> {
        let mut old = self.path.clone().into_os_string();
        old.push(".1");
        fs::rename(&self.path, &old)?;
        self.file = open_private(&self.path)?;
        self.written = 0;
        Ok(())
    }
}

impl Write for BoundedLog {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.written + buf.len() as u64 > self.max {
            self.rotate()?;
        }
        // One line larger than the whole log is cut.
        let room = (self.max - self.written).min(buf.len() as u64) as usize;
        let n = self.file.write(&buf[..room])?;
        self.written += n as u64;
        Ok(if room < buf.len() { buf.len() } else { n })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Starts logging to `traject.log` in `dir` (made 0700 when missing).
pub fn start(dir: &Path) -> io::Result<()> {
    crate::store::own_private_dir(dir)?;
    let log = BoundedLog::open(&dir.join("traject.log"), MAX_BYTES)?;
    tracing_subscriber::fmt()
        .with_writer(Mutex::new(log))
        .with_ansi(false)
        .try_init()
        .map_err(|e| io::Error::other(e.to_string()))?;
    tracing::info!("traject {} gestart", env!("CARGO_PKG_VERSION"));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_stays_bounded_and_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("traject.log");
        let mut log = BoundedLog::open(&path, 100).unwrap();
        for _ in 0..50 {
            log.write_all(b"een regel van het logboek\n").unwrap();
        }
        log.flush().unwrap();
        let now = fs::metadata(&path).unwrap().len();
        let old = fs::metadata(dir.path().join("traject.log.1"))
            .unwrap()
            .len();
        assert!(now <= 100 && old <= 100, "{now} {old}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            for p in [path.clone(), dir.path().join("traject.log.1")] {
                assert_eq!(
                    fs::metadata(&p).unwrap().permissions().mode() & 0o777,
                    0o600
                );
            }
        }
    }

    #[test]
    fn a_case_id_names_no_file() {
        let p = Path::new("/home/x/traject/jan-peeters.ron");
        let id = case_id(p);
        assert_eq!(id, case_id(p));
        assert_ne!(id, case_id(Path::new("/home/x/traject/piet.ron")));
        assert!(id.starts_with("dossier-") && !id.contains("jan"), "{id}");
    }
}
