//! Errors of the operating system in Dutch: "Permission denied (os error
//! 13)" is not a sentence for a counsellor.

use std::io;

/// What went wrong, in Dutch, with the system's error number for whoever
/// helps (`geen toestemming (os-fout 13)`).
pub fn dutch(e: &io::Error) -> String {
    use io::ErrorKind as K;
    let what = match e.kind() {
        K::NotFound => "bestaat niet",
        K::PermissionDenied => "geen toestemming",
        K::AlreadyExists => "bestaat al",
        K::IsADirectory => "is een map, geen bestand",
        K::NotADirectory => "een deel van het pad is geen map",
        K::ReadOnlyFilesystem => "het bestandssysteem is alleen-lezen",
        K::StorageFull | K::QuotaExceeded => "de schijf is vol",
        K::FileTooLarge => "het bestand is te groot",
        K::InvalidFilename => "ongeldige bestandsnaam",
        K::DirectoryNotEmpty => "de map is niet leeg",
        K::ResourceBusy => "het bestand is in gebruik",
        K::CrossesDevices => "kan niet over bestandssystemen heen verplaatsen",
        K::Interrupted => "onderbroken",
        K::WouldBlock => "het bestand is niet klaar om gelezen te worden",
        K::InvalidData => "ongeldige gegevens",
        K::UnexpectedEof => "het bestand houdt onverwacht op",
        K::OutOfMemory => "onvoldoende geheugen",
        _ => match e.raw_os_error() {
            Some(40) if cfg!(target_os = "linux") => "te veel symbolische links, een lus",
            Some(5) if cfg!(unix) => "invoer-/uitvoerfout van de schijf",
            // Our own errors carry a Dutch text.
            _ if e.get_ref().is_some() => return e.to_string(),
            _ => "onbekende fout van het systeem",
        },
    };
    match e.raw_os_error() {
        Some(n) => format!("{what} (os-fout {n})"),
        None => what.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_errors_read_in_dutch() {
        let e = io::Error::from_raw_os_error(13);
        assert_eq!(dutch(&e), "geen toestemming (os-fout 13)");
        let e = io::Error::from_raw_os_error(2);
        assert_eq!(dutch(&e), "bestaat niet (os-fout 2)");
        #[cfg(target_os = "linux")]
        assert_eq!(
            dutch(&io::Error::from_raw_os_error(40)),
            "te veel symbolische links, een lus (os-fout 40)"
        );
        let e = io::Error::new(io::ErrorKind::InvalidInput, "geen bestandsnaam");
        assert_eq!(dutch(&e), "geen bestandsnaam");
    }
}
