//! Advisory locks on cases: the sidecar file `.NAME.ron.lock`.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::process::{boot_time, hostname, pid_alive, unix_now};
use super::{StoreError, new_file_options, parent_dir, replace_via_temp};

/// Mode of lock files: like every file traject makes, only the owner may
/// read or write them.
#[cfg(unix)]
const LOCK_MODE: u32 = super::PRIVATE_MODE;

/// The lock path of a case: `.NAME.ron.lock` next to it.
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(".lock");
    path.with_file_name(name)
}

/// The case is open in another traject: the content of its lock file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LockHeld {
    /// The process that holds the lock (0 when the lock file could not be
    /// read).
    pub pid: u32,
    /// Since when, in seconds since 1970 (0 when unknown).
    pub since: u64,
}

impl LockHeld {
    /// Which process and since when: `proces 1234, sinds 02-12-2026 14:30`.
    pub fn who(&self) -> String {
        let who = if self.pid == 0 {
            "proces onbekend".to_string()
        } else {
            format!("proces {}", self.pid)
        };
        let since = chrono::DateTime::from_timestamp(self.since as i64, 0)
            .filter(|_| self.since > 0)
            .map(|t| {
                format!(
                    ", sinds {}",
                    t.with_timezone(&chrono::Local).format("%d-%m-%Y %H:%M")
                )
            })
            .unwrap_or_default();
        format!("{who}{since}")
    }
}

impl std::fmt::Display for LockHeld {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "dit dossier is al geopend in een ander venster van traject ({})",
            self.who()
        )
    }
}

impl std::error::Error for LockHeld {}

/// An advisory lock on a case: the sidecar file `.NAME.ron.lock`.
///
/// Dropping it removes the lock file, but only when the file still holds
/// what this lock wrote (so a lock taken over with [`force_lock`] by another
/// traject is left alone). A `CaseLock` may own nothing; see [`lock_case`].
#[derive(Debug)]
pub struct CaseLock {
    /// The lock file and the exact text written to it, when we own one.
    owned: Option<(PathBuf, String)>,
}

impl CaseLock {
    /// A lock that owns no file (the lock file could not be created).
    fn nothing() -> CaseLock {
        CaseLock { owned: None }
    }

    /// The lock file this lock owns, if any.
    pub fn path(&self) -> Option<&Path> {
        self.owned.as_ref().map(|(p, _)| p.as_path())
    }

    /// Whether this lock owns a lock file (false when the directory did not
    /// allow creating one).
    pub fn owns_file(&self) -> bool {
        self.owned.is_some()
    }

    /// Who holds the lock now, when another traject took it over (its lock
    /// file no longer holds what this lock wrote).
    pub fn lost(&self) -> Option<LockHeld> {
        let (path, text) = self.owned.as_ref()?;
        match fs::read_to_string(path) {
            Ok(now) if &now == text => None,
            Ok(now) => {
                let info = parse_lock(&now);
                Some(LockHeld {
                    pid: info.pid.unwrap_or(0),
                    since: info.since.unwrap_or(0),
                })
            }
            // The lock file is gone: nobody holds it but us.
            Err(_) => None,
        }
    }
}

impl Drop for CaseLock {
    fn drop(&mut self) {
        if let Some((path, text)) = &self.owned
            && fs::read_to_string(path).is_ok_and(|now| &now == text)
        {
            let _ = fs::remove_file(path);
        }
    }
}

/// The text of a lock file for this process.
///
/// `take=` numbers the locks this process takes, so that a lock taken over
/// by another window of the same process (tests) is still told apart.
fn lock_text() -> String {
    static TAKEN: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    format!(
        "pid={}\nhost={}\nsince={}\ntake={}\n",
        std::process::id(),
        hostname(),
        unix_now(),
        TAKEN.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    )
}

/// What a lock file says.
#[derive(Debug, Default)]
struct LockInfo {
    pid: Option<u32>,
    host: Option<String>,
    since: Option<u64>,
}

fn parse_lock(text: &str) -> LockInfo {
    let mut info = LockInfo::default();
    for line in text.lines() {
        if let Some((key, value)) = line.split_once('=') {
            let value = value.trim();
            match key.trim() {
                "pid" => info.pid = value.parse().ok(),
                "host" => info.host = Some(value.to_string()),
                "since" => info.since = value.parse().ok(),
                _ => {}
            }
        }
    }
    info
}

/// What we found at the lock path.
enum Existing {
    /// No lock file (any more).
    Gone,
    /// A live lock.
    Held(LockHeld),
    /// A lock left by a process that no longer runs; holds its text.
    Stale(String),
}

/// A lock file with no readable pid younger than this is taken to be in the
/// middle of being written.
const FRESH: Duration = Duration::from_secs(5);

fn inspect_lock(lock: &Path) -> Existing {
    let text = match fs::read_to_string(lock) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Existing::Gone,
        // Unreadable (another user's lock, say): assume it is live.
        Err(_) => return Existing::Held(LockHeld { pid: 0, since: 0 }),
    };
    let info = parse_lock(&text);
    let Some(pid) = info.pid else {
        let modified = fs::metadata(lock).and_then(|m| m.modified()).ok();
        let age = modified.and_then(|m| SystemTime::now().duration_since(m).ok());
        return match age {
            Some(age) if age >= FRESH => Existing::Stale(text),
            _ => Existing::Held(LockHeld {
                pid: 0,
                since: modified
                    .and_then(|m| m.duration_since(UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_secs()),
            }),
        };
    };
    let since = info.since.unwrap_or(0);
    let held = Existing::Held(LockHeld { pid, since });
    let ours = hostname();
    let other_host = matches!(&info.host, Some(h) if h != "?" && ours != "?" && *h != ours);
    if other_host {
        // We cannot see processes on another machine.
        return held;
    }
    if !pid_alive(pid) {
        return Existing::Stale(text);
    }
    if info.since.is_some() && boot_time().is_some_and(|boot| since < boot) {
        // Written before this machine booted: the pid is someone else now.
        return Existing::Stale(text);
    }
    held
}

/// Creates the lock file with `create_new` and writes our text to it.
fn create_lock(lock: &Path) -> io::Result<CaseLock> {
    #[cfg(unix)]
    let mode = LOCK_MODE;
    #[cfg(not(unix))]
    let mode = 0;
    let mut file = new_file_options(mode).open(lock)?;
    let text = lock_text();
    if let Err(e) = file.write_all(text.as_bytes()) {
        drop(file);
        let _ = fs::remove_file(lock);
        return Err(e);
    }
    Ok(CaseLock {
        owned: Some((lock.to_path_buf(), text)),
    })
}

/// Takes the lock on the case at `path`: creates `.NAME.ron.lock` next to it
/// (with `create_new`) holding `pid=<pid>`, `host=<hostname or ?>` and
/// `since=<unix seconds>`.
///
/// When a lock file exists and its process no longer runs on this machine
/// (or the lock predates the last boot), it is stale: it is replaced and the
/// lock succeeds. A live lock (also one of this same process, or one from
/// another machine) gives [`LockHeld`]; the user may then choose
/// [`force_lock`].
///
/// The lock is advisory. When the lock file cannot be created for another
/// reason than an existing lock (a read-only directory, a missing
/// directory, a full disk), this returns `Ok` with a `CaseLock` that owns
/// nothing ([`CaseLock::owns_file`] is false), so that cases in read-only
/// directories can still be opened.
pub fn lock_case(path: &Path) -> Result<CaseLock, LockHeld> {
    let lock = lock_path(path);
    let mut last = LockHeld { pid: 0, since: 0 };
    for _ in 0..5 {
        match create_lock(&lock) {
            Ok(l) => return Ok(l),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(_) => return Ok(CaseLock::nothing()),
        }
        match inspect_lock(&lock) {
            Existing::Gone => {}
            Existing::Held(h) => return Err(h),
            Existing::Stale(text) => {
                // Remove it only if nobody replaced it in the meantime.
                let unchanged = fs::read_to_string(&lock).is_ok_and(|now| now == text);
                if unchanged
                    && let Err(e) = fs::remove_file(&lock)
                    && e.kind() != io::ErrorKind::NotFound
                {
                    // Cannot remove (read-only directory): open anyway.
                    return Ok(CaseLock::nothing());
                }
                let info = parse_lock(&text);
                if let Some(pid) = info.pid {
                    last = LockHeld {
                        pid,
                        since: info.since.unwrap_or(0),
                    };
                }
            }
        }
    }
    // Lost every race for the lock file: someone else is taking it.
    match inspect_lock(&lock) {
        Existing::Held(h) => Err(h),
        _ => Err(last),
    }
}

/// Takes over the lock on the case at `path`, whoever holds it (the user
/// chose "toch openen"). The lock file is replaced atomically by one naming
/// this process.
///
/// As with [`lock_case`], a directory that does not allow writing (read-only
/// or permission denied) gives `Ok` with a `CaseLock` that owns nothing;
/// other failures give [`StoreError::Lock`].
pub fn force_lock(path: &Path) -> Result<CaseLock, StoreError> {
    let lock = lock_path(path);
    let dir = parent_dir(&lock);
    let text = lock_text();
    #[cfg(unix)]
    let mode = LOCK_MODE;
    #[cfg(not(unix))]
    let mode = 0;
    match replace_via_temp(&dir, &lock, text.as_bytes(), mode) {
        Ok(()) => Ok(CaseLock {
            owned: Some((lock, text)),
        }),
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            Ok(CaseLock::nothing())
        }
        Err(e) => Err(StoreError::Lock {
            path: lock,
            message: crate::os_error::dutch(&e),
        }),
    }
}

#[cfg(test)]
mod tests {
    use std::fs::File;

    #[cfg(unix)]
    use std::os::unix::fs::PermissionsExt;

    use super::*;
    use crate::store::test_support::temp_files;

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jan.ron");
        let first = lock_case(&path).unwrap();
        assert!(first.owns_file());
        let lock = dir.path().join(".jan.ron.lock");
        assert_eq!(first.path(), Some(lock.as_path()));
        let text = fs::read_to_string(&lock).unwrap();
        assert!(text.starts_with(&format!("pid={}\nhost=", std::process::id())));
        assert!(text.contains("\nsince="), "{text}");

        let held = lock_case(&path).unwrap_err();
        assert_eq!(held.pid, std::process::id());
        assert!(held.since > 0);

        drop(first);
        assert!(!lock.exists());
        let again = lock_case(&path).unwrap();
        assert!(again.owns_file());
        drop(again);
        assert!(!lock.exists());
    }

    #[test]
    fn a_stale_lock_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jan.ron");
        let lock = lock_path(&path);
        for stale in [
            format!("pid=999999999\nhost={}\nsince=1\n", hostname()),
            "pid=999999999\nhost=?\nsince=1700000000\n".to_string(),
        ] {
            fs::write(&lock, &stale).unwrap();
            let taken = lock_case(&path).unwrap();
            assert!(taken.owns_file());
            let now = fs::read_to_string(&lock).unwrap();
            assert!(now.starts_with(&format!("pid={}\n", std::process::id())));
            drop(taken);
            assert!(!lock.exists());
        }
    }

    #[test]
    fn a_lock_from_another_machine_is_respected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jan.ron");
        let lock = lock_path(&path);
        fs::write(&lock, "pid=999999999\nhost=elders-xyz\nsince=5\n").unwrap();
        if hostname() != "?" && hostname() != "elders-xyz" {
            let held = lock_case(&path).unwrap_err();
            assert_eq!(
                held,
                LockHeld {
                    pid: 999999999,
                    since: 5
                }
            );
        }
    }

    #[test]
    fn force_lock_takes_over_and_the_old_lock_leaves_it_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jan.ron");
        let lock = lock_path(&path);
        fs::write(&lock, "pid=1\nhost=elders\nsince=5\n").unwrap();
        let forced = force_lock(&path).unwrap();
        assert!(forced.owns_file());
        assert_eq!(forced.lost(), None);
        let mine = fs::read_to_string(&lock).unwrap();
        assert!(mine.starts_with(&format!("pid={}\n", std::process::id())));
        assert!(temp_files(dir.path()).is_empty());

        // Someone else takes it over: dropping ours must not remove theirs.
        fs::write(&lock, "pid=1\nhost=elders\nsince=6\n").unwrap();
        assert_eq!(forced.lost(), Some(LockHeld { pid: 1, since: 6 }));
        drop(forced);
        assert_eq!(
            fs::read_to_string(&lock).unwrap(),
            "pid=1\nhost=elders\nsince=6\n"
        );
    }

    #[test]
    fn a_lock_that_cannot_be_created_owns_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nergens").join("jan.ron");
        let lock = lock_case(&path).unwrap();
        assert!(!lock.owns_file());
        assert_eq!(lock.path(), None);
        drop(lock);

        #[cfg(unix)]
        {
            let path = dir.path().join("jan.ron");
            fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o500)).unwrap();
            let probe = dir.path().join("probe");
            if File::create(&probe).is_err() {
                let lock = lock_case(&path).unwrap();
                assert!(!lock.owns_file());
                assert!(!lock_path(&path).exists());
            } else {
                fs::remove_file(&probe).unwrap();
            }
            fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
        }
    }
}
