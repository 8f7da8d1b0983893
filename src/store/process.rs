//! Who else is running: process ids, this machine's name and boot time,
//! for locks, leftover temporary files and recovery files.

use std::fs;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// This machine's name, or `?`.
pub fn hostname() -> String {
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

/// Seconds since 1970.
pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Whether a process with this pid runs on this machine. Where that cannot
/// be checked, every pid but 0 counts as alive.
pub fn pid_alive(pid: u32) -> bool {
    if pid == 0 {
        return false;
    }
    #[cfg(target_os = "linux")]
    {
        Path::new("/proc").join(pid.to_string()).exists()
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = Path::new("");
        true
    }
}

/// When this machine booted, in seconds since 1970 (Linux only).
pub fn boot_time() -> Option<u64> {
    let stat = fs::read_to_string("/proc/stat").ok()?;
    stat.lines()
        .find_map(|l| l.strip_prefix("btime "))
        .and_then(|v| v.trim().parse().ok())
}

/// The command name of a process (Linux: `/proc/PID/comm`).
fn command_name(pid: u32) -> Option<String> {
    fs::read_to_string(format!("/proc/{pid}/comm"))
        .ok()
        .map(|s| s.trim().to_string())
}

/// Whether another process, one of this same program, is running with this
/// pid on this machine: then its files are in use. Our own pid does not
/// count (a file of ours between two saves was left by an earlier process
/// with the same number), nor a live process of another program.
pub fn other_instance_alive(pid: u32) -> bool {
    if pid == std::process::id() || !pid_alive(pid) {
        return false;
    }
    match (command_name(pid), command_name(std::process::id())) {
        (Some(theirs), Some(ours)) => theirs == ours,
        _ => true,
    }
}
