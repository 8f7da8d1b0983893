//! What a case file held when traject read or wrote it: its size, its time
//! of change and a hash of its bytes, to see before a save whether someone
//! else changed it in the meantime.

use std::fs;
use std::io;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The size, time of change and SHA-256 of a file's bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Size in bytes.
    pub size: u64,
    /// Time of the last change, in nanoseconds since 1970 (0 when unknown).
    pub modified: u64,
    /// SHA-256 of the bytes, in hexadecimal.
    pub sha256: String,
}

/// The SHA-256 of bytes, in hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn nanos(t: Option<SystemTime>) -> u64 {
    t.and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

impl Fingerprint {
    /// The fingerprint of bytes just read from (or written to) a file with
    /// this time of change.
    pub fn of(bytes: &[u8], modified: Option<SystemTime>) -> Fingerprint {
        Fingerprint {
            size: bytes.len() as u64,
            modified: nanos(modified),
            sha256: sha256_hex(bytes),
        }
    }

    /// The fingerprint of the file at `path` now; `None` when there is no
    /// file.
    pub fn read(path: &Path) -> io::Result<Option<Fingerprint>> {
        match fs::read(path) {
            Ok(bytes) => {
                let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
                Ok(Some(Fingerprint::of(&bytes, modified)))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Whether two fingerprints are of the same bytes (the time of change
    /// aside: a file touched but not changed is the same file).
    pub fn same_bytes(&self, other: &Fingerprint) -> bool {
        self.size == other.size && self.sha256 == other.sha256
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_sees_a_change_of_bytes_not_of_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jan.ron");
        assert_eq!(Fingerprint::read(&path).unwrap(), None);
        fs::write(&path, "een").unwrap();
        let first = Fingerprint::read(&path).unwrap().unwrap();
        assert_eq!(first.size, 3);
        assert_eq!(first.sha256.len(), 64);
        let same = Fingerprint::of(b"een", None);
        assert!(first.same_bytes(&same));
        fs::write(&path, "twee").unwrap();
        let second = Fingerprint::read(&path).unwrap().unwrap();
        assert!(!first.same_bytes(&second));
    }
}
