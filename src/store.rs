//! Where case files live and how they are written: atomic saves with a
//! backup, an advisory lock per case, the list of cases in a directory, the
//! program's directories and safe file names for new cases.
//!
//! Next to a case `NAME.ron` this module may create:
//!
//! - `NAME.ron.bak`: the previous content, replaced at every save that
//!   changes the file;
//! - `.NAME.ron.lock`: who has the case open (`pid=`, `host=`, `since=`);
//! - `.NAME.ron.tmp-<pid>-<n>` (and `.NAME.ron.bak.tmp-<pid>-<n>`): temporary
//!   files that only exist during a save.
//!
//! Errors meant for the user are in Dutch and say what failed and where.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

#[cfg(unix)]
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};

use crate::casefile;

/// Mode of case files, backups and temporary files: only the owner may read
/// or write them (they hold personal data of students).
#[cfg(unix)]
const PRIVATE_MODE: u32 = 0o600;

/// Mode of lock files: they hold no personal data, and others sharing the
/// directory should be able to see who has the case open.
#[cfg(unix)]
const LOCK_MODE: u32 = 0o644;

/// A save or lock operation that failed. Every variant names the file and
/// the operating system's reason.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The new content could not be written (to the temporary file next to
    /// the case).
    #[error("kan {} niet bewaren: {message}", path.display())]
    Write {
        /// The case file that was being saved.
        path: PathBuf,
        /// The operating system's reason.
        message: String,
    },
    /// The current content of the case file could not be read (needed for the
    /// backup).
    #[error("kan {} niet lezen om een reservekopie te maken: {message}", path.display())]
    Read {
        /// The case file.
        path: PathBuf,
        /// The operating system's reason.
        message: String,
    },
    /// The backup `NAME.ron.bak` could not be written.
    #[error("kan de reservekopie {} niet maken: {message}", path.display())]
    Backup {
        /// The backup file.
        path: PathBuf,
        /// The operating system's reason.
        message: String,
    },
    /// The temporary file could not replace the case file.
    #[error("kan {} niet vervangen door de nieuwe versie: {message}", path.display())]
    Rename {
        /// The case file.
        path: PathBuf,
        /// The operating system's reason.
        message: String,
    },
    /// The case file was replaced, but the directory could not be flushed to
    /// disk; after a crash the old version may come back.
    #[error(
        "{} is bewaard, maar de map kon niet naar schijf geschreven worden: {message}",
        path.display()
    )]
    Sync {
        /// The case file.
        path: PathBuf,
        /// The operating system's reason.
        message: String,
    },
    /// The lock file could not be taken over.
    #[error("kan het slot {} niet overnemen: {message}", path.display())]
    Lock {
        /// The lock file.
        path: PathBuf,
        /// The operating system's reason.
        message: String,
    },
}

// ---------------------------------------------------------------------------
// Atomic saves
// ---------------------------------------------------------------------------

/// Counter that makes temporary file names unique within this process.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// The directory a path lies in (`.` for a bare file name).
fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The file name of a path as text, or an error naming the path.
fn file_name_of(path: &Path) -> io::Result<String> {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "geen bestandsnaam"))
}

/// The backup path of a case: `NAME.ron.bak` next to it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// The lock path of a case: `.NAME.ron.lock` next to it.
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(".lock");
    path.with_file_name(name)
}

/// Opens options for a new private file (`create_new`, mode 0600 on unix).
fn new_file_options(mode: u32) -> OpenOptions {
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    opts.mode(mode);
    #[cfg(not(unix))]
    let _ = mode;
    opts
}

/// Sets the mode of an open file (unix only; a no-op elsewhere).
fn set_mode(file: &File, mode: u32) -> io::Result<()> {
    #[cfg(unix)]
    file.set_permissions(fs::Permissions::from_mode(mode))?;
    #[cfg(not(unix))]
    let _ = (file, mode);
    Ok(())
}

/// Writes `bytes` to a new, uniquely named temporary file `.NAME.tmp-<pid>-<n>`
/// in `dir` (mode `mode` set before writing) and flushes it to disk. On
/// failure the temporary file is removed.
fn write_temp(dir: &Path, name: &str, bytes: &[u8], mode: u32) -> io::Result<PathBuf> {
    let pid = std::process::id();
    let mut attempts = 0;
    let (tmp, mut file) = loop {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.tmp-{pid}-{n}"));
        match new_file_options(mode).open(&tmp) {
            Ok(file) => break (tmp, file),
            // Left over from an earlier process with the same pid.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempts < 100 => {
                attempts += 1;
            }
            Err(e) => return Err(e),
        }
    };
    let written = set_mode(&file, mode)
        .and_then(|()| file.write_all(bytes))
        .and_then(|()| file.sync_all());
    drop(file);
    match written {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Flushes a directory's entries (renames) to disk. File systems that cannot
/// sync a directory (`EINVAL`) are not an error.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        match File::open(dir).and_then(|d| d.sync_all()) {
            Err(e) if e.kind() == io::ErrorKind::InvalidInput => Ok(()),
            other => other,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Replaces `target` by `bytes` through a temporary file in `dir` and a
/// rename; the temporary file never survives a failure.
fn replace_via_temp(dir: &Path, target: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let name = file_name_of(target)?;
    let tmp = write_temp(dir, &name, bytes, mode)?;
    fs::rename(&tmp, target).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

/// Saves `contents` to `path` so that a failure never loses or changes what
/// was there.
///
/// The new content is written to a temporary file `.NAME.ron.tmp-<pid>-<n>`
/// in the same directory (mode 0600, set before writing) and flushed to
/// disk. When `path` already exists, its current bytes are then copied to
/// the backup `NAME.ron.bak` (mode 0600, written the same way, replacing the
/// previous backup). Then the temporary file is renamed over `path` and the
/// directory is flushed to disk.
///
/// When `contents` equals the file's current bytes nothing is written and no
/// backup is made. A symbolic link at `path` is followed: the file it points
/// to is replaced, the link stays. The directory must exist.
///
/// On any failure the temporary files are removed and `path` is unchanged,
/// except for [`StoreError::Sync`], which comes after the new content is in
/// place.
pub fn save_atomic(path: &Path, contents: &str) -> Result<(), StoreError> {
    // Follow a symbolic link, so that the link is not replaced by a file.
    let resolved;
    let path = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => match fs::canonicalize(path) {
            Ok(p) => {
                resolved = p;
                resolved.as_path()
            }
            Err(_) => path,
        },
        _ => path,
    };
    let write_err = |e: io::Error| StoreError::Write {
        path: path.to_path_buf(),
        message: e.to_string(),
    };

    let current = match fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(StoreError::Read {
                path: path.to_path_buf(),
                message: e.to_string(),
            });
        }
    };
    if current.as_deref() == Some(contents.as_bytes()) {
        return Ok(());
    }

    let dir = parent_dir(path);
    let name = file_name_of(path).map_err(write_err)?;
    #[cfg(unix)]
    let mode = PRIVATE_MODE;
    #[cfg(not(unix))]
    let mode = 0;
    let tmp = write_temp(&dir, &name, contents.as_bytes(), mode).map_err(write_err)?;
    let cleanup = || {
        let _ = fs::remove_file(&tmp);
    };

    if let Some(old) = current {
        let bak = backup_path(path);
        let backed_up = replace_via_temp(&dir, &bak, &old, mode).and_then(|()| sync_dir(&dir));
        if let Err(e) = backed_up {
            cleanup();
            return Err(StoreError::Backup {
                path: bak,
                message: e.to_string(),
            });
        }
    }

    if let Err(e) = fs::rename(&tmp, path) {
        cleanup();
        return Err(StoreError::Rename {
            path: path.to_path_buf(),
            message: e.to_string(),
        });
    }

    sync_dir(&dir).map_err(|e| StoreError::Sync {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

// ---------------------------------------------------------------------------
// Locks
// ---------------------------------------------------------------------------

/// The case is open in another traject: the content of its lock file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LockHeld {
    /// The process that holds the lock (0 when the lock file could not be
    /// read).
    pub pid: u32,
    /// Since when, in seconds since 1970 (0 when unknown).
    pub since: u64,
}

impl std::fmt::Display for LockHeld {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.pid == 0 {
            write!(
                f,
                "dit dossier is al geopend in een andere traject (proces onbekend)"
            )
        } else {
            write!(
                f,
                "dit dossier is al geopend in een andere traject (proces {})",
                self.pid
            )
        }
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

/// This machine's name, or `?`.
fn hostname() -> String {
    let from_file = |p: &str| {
        fs::read_to_string(p)
            .ok()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    from_file("/proc/sys/kernel/hostname")
        .or_else(|| from_file("/etc/hostname"))
        .or_else(|| std::env::var("HOSTNAME").ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "?".to_string())
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The text of a lock file for this process.
fn lock_text() -> String {
    format!(
        "pid={}\nhost={}\nsince={}\n",
        std::process::id(),
        hostname(),
        unix_now()
    )
}

/// Whether a process with this pid runs on this machine. Where that cannot
/// be checked, every pid but 0 counts as alive.
fn pid_alive(pid: u32) -> bool {
    if pid == 0 {
        return false;
    }
    #[cfg(target_os = "linux")]
    {
        Path::new("/proc").join(pid.to_string()).exists()
    }
    #[cfg(not(target_os = "linux"))]
    {
        true
    }
}

/// When this machine booted, in seconds since 1970 (Linux only).
fn boot_time() -> Option<u64> {
    let stat = fs::read_to_string("/proc/stat").ok()?;
    stat.lines()
        .find_map(|l| l.strip_prefix("btime "))
        .and_then(|v| v.trim().parse().ok())
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
            message: e.to_string(),
        }),
    }
}

// ---------------------------------------------------------------------------
// Listing
// ---------------------------------------------------------------------------

/// A case file in a directory, as shown in the list of cases.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseEntry {
    /// The file.
    pub path: PathBuf,
    /// Its file name, e.g. `jan-peeters.ron`.
    pub file_name: String,
    /// The student's name, when the file could be read as a case.
    pub student: Option<String>,
    /// When the file was last changed, when known.
    pub modified: Option<SystemTime>,
    /// Why the file could not be read as a case (`FILE:LINE:COL: message`),
    /// when it could not.
    pub problem: Option<String>,
}

/// Every case file (`*.ron`) directly in `dir`, sorted by file name.
///
/// Hidden files (lock and temporary files) and backups (`.bak`) are left
/// out, as are directories. Each file is read: `student` holds the
/// student's name, or `problem` says why the file is not a valid case. A
/// missing or unreadable directory gives an empty list.
pub fn list_cases(dir: &Path) -> Vec<CaseEntry> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut cases: Vec<CaseEntry> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            if file_name.starts_with('.') || !file_name.ends_with(".ron") {
                return None;
            }
            let path = entry.path();
            // Follows symbolic links: a link to a case file is listed.
            let meta = fs::metadata(&path).ok()?;
            if !meta.is_file() {
                return None;
            }
            let (student, problem) = match casefile::load_case(&path) {
                Ok(case) => (Some(case.student.name), None),
                Err(e) => (None, Some(e.to_string())),
            };
            Some(CaseEntry {
                path,
                file_name,
                student,
                modified: meta.modified().ok(),
                problem,
            })
        })
        .collect();
    cases.sort_by(|a, b| a.file_name.cmp(&b.file_name));
    cases
}

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
    use crate::model::Case;

    fn case_text(name: &str) -> String {
        casefile::case_to_string(&Case::new(name))
    }

    /// Files in `dir` whose name contains `.tmp-`.
    fn temp_files(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp-"))
            .collect()
    }

    #[cfg(unix)]
    fn mode_of(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn save_creates_a_private_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jan.ron");
        let text = case_text("Jan");
        save_atomic(&path, &text).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), text);
        #[cfg(unix)]
        assert_eq!(mode_of(&path), 0o600);
        assert!(!backup_path(&path).exists(), "no backup of nothing");
        assert!(temp_files(dir.path()).is_empty());
    }

    #[test]
    fn a_second_save_keeps_the_previous_content_in_bak() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jan.ron");
        let first = case_text("Jan");
        let second = case_text("Jan Peeters");
        let third = case_text("Jan Peeters-Janssens");
        save_atomic(&path, &first).unwrap();
        save_atomic(&path, &second).unwrap();
        let bak = dir.path().join("jan.ron.bak");
        assert_eq!(fs::read_to_string(&path).unwrap(), second);
        assert_eq!(fs::read_to_string(&bak).unwrap(), first);
        #[cfg(unix)]
        assert_eq!(mode_of(&bak), 0o600);
        save_atomic(&path, &third).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), third);
        assert_eq!(fs::read_to_string(&bak).unwrap(), second);
        assert!(temp_files(dir.path()).is_empty());
    }

    #[test]
    fn saving_the_same_bytes_leaves_the_backup_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jan.ron");
        let first = case_text("Jan");
        let second = case_text("Jan Peeters");
        save_atomic(&path, &first).unwrap();
        save_atomic(&path, &second).unwrap();
        save_atomic(&path, &second).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), second);
        assert_eq!(
            fs::read_to_string(dir.path().join("jan.ron.bak")).unwrap(),
            first,
            "an unchanged save must not overwrite the backup"
        );
        // Same bytes on a file without backup: still no backup.
        let other = dir.path().join("piet.ron");
        save_atomic(&other, &first).unwrap();
        save_atomic(&other, &first).unwrap();
        assert!(!backup_path(&other).exists());
    }

    #[test]
    fn a_save_replaces_the_target_of_a_symbolic_link() {
        #[cfg(unix)]
        {
            let dir = tempfile::tempdir().unwrap();
            let real = dir.path().join("real.ron");
            let link = dir.path().join("link.ron");
            save_atomic(&real, "one").unwrap();
            std::os::unix::fs::symlink(&real, &link).unwrap();
            save_atomic(&link, "two").unwrap();
            assert!(
                fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            assert_eq!(fs::read_to_string(&real).unwrap(), "two");
        }
    }

    /// A failed backup (its place is taken by a non-empty directory, which
    /// stops even root) leaves the case byte-identical and no temporary
    /// files.
    fn assert_failed_backup_keeps_original(dir: &Path, path: &Path, original: &[u8]) {
        let bak = backup_path(path);
        fs::create_dir(&bak).unwrap();
        fs::write(bak.join("x"), "x").unwrap();
        let err = save_atomic(path, "nieuw").unwrap_err();
        assert!(matches!(err, StoreError::Backup { .. }), "{err:?}");
        assert!(err.to_string().contains("reservekopie"), "{err}");
        assert!(
            err.to_string().contains(&bak.display().to_string()),
            "{err}"
        );
        assert_eq!(fs::read(path).unwrap(), original);
        assert!(temp_files(dir).is_empty(), "{:?}", temp_files(dir));
        fs::remove_dir_all(&bak).unwrap();
    }

    #[test]
    fn a_failed_backup_leaves_the_original_and_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jan.ron");
        let text = case_text("Jan");
        save_atomic(&path, &text).unwrap();
        assert_failed_backup_keeps_original(dir.path(), &path, text.as_bytes());
        // And afterwards saving works again.
        save_atomic(&path, "nieuw").unwrap();
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), text);
    }

    #[cfg(unix)]
    #[test]
    fn a_save_into_a_read_only_directory_fails_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jan.ron");
        let text = case_text("Jan");
        save_atomic(&path, &text).unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o500)).unwrap();

        // Root ignores permission bits: find out whether they hold here.
        let probe = dir.path().join("probe");
        let bits_hold = File::create(&probe).is_err();
        if bits_hold {
            let err = save_atomic(&path, &case_text("Piet")).unwrap_err();
            assert!(matches!(err, StoreError::Write { .. }), "{err:?}");
            let shown = err.to_string();
            assert!(shown.starts_with(&format!("kan {} niet bewaren: ", path.display())));
            assert!(shown.contains("ermission denied"), "{shown}");
            assert_eq!(fs::read(&path).unwrap(), text.as_bytes());
            assert!(temp_files(dir.path()).is_empty());
            assert!(!backup_path(&path).exists());
            fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
        } else {
            // Running as root: make the save fail another way.
            fs::remove_file(&probe).unwrap();
            fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
            assert_failed_backup_keeps_original(dir.path(), &path, text.as_bytes());
        }
    }

    #[test]
    fn a_save_into_a_missing_directory_fails_in_dutch() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nergens").join("jan.ron");
        let err = save_atomic(&path, "x").unwrap_err();
        assert!(matches!(err, StoreError::Write { .. }), "{err:?}");
        assert!(
            err.to_string()
                .starts_with(&format!("kan {} niet bewaren: ", path.display())),
            "{err}"
        );
    }

    #[test]
    fn error_messages_name_the_file_in_dutch() {
        let e = StoreError::Write {
            path: PathBuf::from("/x/y.ron"),
            message: "Permission denied (os error 13)".to_string(),
        };
        assert_eq!(
            e.to_string(),
            "kan /x/y.ron niet bewaren: Permission denied (os error 13)"
        );
        let held = LockHeld {
            pid: 1234,
            since: 0,
        };
        assert_eq!(
            held.to_string(),
            "dit dossier is al geopend in een andere traject (proces 1234)"
        );
    }

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
        let mine = fs::read_to_string(&lock).unwrap();
        assert!(mine.starts_with(&format!("pid={}\n", std::process::id())));
        assert!(temp_files(dir.path()).is_empty());

        // Someone else takes it over: dropping ours must not remove theirs.
        fs::write(&lock, "pid=1\nhost=elders\nsince=6\n").unwrap();
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

    #[test]
    fn list_cases_reads_names_and_problems() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("b-piet.ron"), case_text("Piet Peeters")).unwrap();
        fs::write(d.join("a-jan.ron"), case_text("Jan Janssens")).unwrap();
        fs::write(
            d.join("c-kapot.ron"),
            "(\n    format: 1,\n    colour: 3,\n)\n",
        )
        .unwrap();
        fs::write(d.join("a-jan.ron.bak"), case_text("Oud")).unwrap();
        fs::write(d.join(".verborgen.ron"), case_text("Verborgen")).unwrap();
        fs::write(d.join(".a-jan.ron.lock"), "pid=1\n").unwrap();
        fs::write(d.join("notities.txt"), "x").unwrap();
        fs::create_dir(d.join("map.ron")).unwrap();

        let cases = list_cases(d);
        let names: Vec<&str> = cases.iter().map(|c| c.file_name.as_str()).collect();
        assert_eq!(names, ["a-jan.ron", "b-piet.ron", "c-kapot.ron"]);
        assert_eq!(cases[0].student.as_deref(), Some("Jan Janssens"));
        assert_eq!(cases[0].path, d.join("a-jan.ron"));
        assert!(cases[0].problem.is_none());
        assert!(cases[0].modified.is_some());
        assert_eq!(cases[1].student.as_deref(), Some("Piet Peeters"));
        assert_eq!(cases[2].student, None);
        let problem = cases[2].problem.as_deref().unwrap();
        let place = format!("{}:3:5: ", d.join("c-kapot.ron").display());
        assert!(problem.starts_with(&place), "{problem}");
        assert!(problem.contains("colour"), "{problem}");
    }

    #[test]
    fn list_cases_of_a_missing_directory_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        assert!(list_cases(&dir.path().join("nergens")).is_empty());
    }

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
