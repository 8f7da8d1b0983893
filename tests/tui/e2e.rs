//! End to end: the real binary in tmux. Open a demo case, add a course
//! unit, see the balance change, save, reopen, see it again.

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Tmux {
    session: String,
}

impl Tmux {
    fn start(session: &str, cmd: &str) -> Tmux {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", session])
            .output();
        let ok = Command::new("tmux")
            .args([
                "new-session",
                "-d",
                "-s",
                session,
                "-x",
                "120",
                "-y",
                "40",
                cmd,
            ])
            .status()
            .expect("tmux is installed (.ci/run installs it)");
        assert!(ok.success());
        Tmux {
            session: session.to_string(),
        }
    }

    fn send(&self, keys: &[&str]) {
        for k in keys {
            let ok = Command::new("tmux")
                .args(["send-keys", "-t", &self.session, k])
                .status()
                .unwrap();
            assert!(ok.success());
            sleep(Duration::from_millis(40));
        }
    }

    fn text(&self, s: &str) {
        let ok = Command::new("tmux")
            .args(["send-keys", "-t", &self.session, "-l", s])
            .status()
            .unwrap();
        assert!(ok.success());
        sleep(Duration::from_millis(40));
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.session])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    /// Waits until the screen shows `what` (at most 10 s).
    fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(what) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {what:?}; the screen shows:\n{s}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    fn gone(&self) -> bool {
        !Command::new("tmux")
            .args(["has-session", "-t", &self.session])
            .status()
            .unwrap()
            .success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.session])
            .output();
    }
}

fn command(data: &Path, extra: &str) -> String {
    format!(
        "{} --data-dir {} {extra}",
        env!("CARGO_BIN_EXE_traject"),
        data.display()
    )
}

#[test]
fn open_add_save_reopen_in_tmux() {
    let dir = tempfile::tempdir().unwrap();
    let session = format!("traject-e2e-{}", std::process::id());
    let t = Tmux::start(&session, &command(dir.path(), ""));
    t.wait_for("nieuw dossier");
    // The row under "nieuw dossier" is demo S01.
    t.send(&["Down", "Enter"]);
    t.wait_for("leerkrediet 188");
    t.send(&["Tab", "a"]);
    t.wait_for("Opleidingsonderdeel toevoegen");
    t.text("CH-11");
    t.send(&["Tab"]);
    t.text("Statistiek");
    t.send(&["Enter"]);
    t.wait_for("leerkrediet 182");
    t.wait_for("niet bewaard");
    t.send(&["C-s"]);
    t.wait_for("Bewaren als");
    t.send(&["Enter"]);
    t.wait_for("Bewaard in");
    t.send(&["q"]);
    let start = Instant::now();
    while !t.gone() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "traject did not quit:\n{}",
            t.screen()
        );
        sleep(Duration::from_millis(50));
    }
    let saved = dir.path().join("s01-faq-voorbeeld.ron");
    assert!(
        saved.exists(),
        "{:?}",
        std::fs::read_dir(dir.path()).unwrap().collect::<Vec<_>>()
    );
    // Reopen the saved file directly: the added unit and the balance are back.
    let t = Tmux::start(&session, &command(dir.path(), &saved.display().to_string()));
    let screen = t.wait_for("leerkrediet 182");
    assert!(!screen.contains("niet bewaard"));
    t.send(&["Tab"]);
    t.wait_for("Statistiek");
    t.send(&["q"]);
}

#[test]
fn compare_explain_one_column_and_write_the_report_in_tmux() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("w01.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/W01.ron"),
        &case,
    )
    .unwrap();
    let xdg = |name: &str| dir.path().join(name).display().to_string();
    let cmd = format!(
        "env XDG_CONFIG_HOME={} XDG_DATA_HOME={} XDG_STATE_HOME={} {}",
        xdg("config"),
        xdg("data"),
        xdg("state"),
        command(dir.path(), &case.display().to_string())
    );
    let session = format!("traject-e2e-compare-{}", std::process::id());
    let t = Tmux::start(&session, &cmd);
    t.wait_for("leerkrediet 188");
    t.send(&["c"]);
    t.wait_for("Vergelijken: de basis en 3 scenario's");
    t.wait_for("3 Volgend jaar opnieuw");
    // The third scenario's balance, explained on its own.
    t.send(&["Right", "Right", "Enter"]);
    let why = t.wait_for("«Volgend jaar opnieuw»: 182 (basis: 188)");
    assert!(why.contains("182  Einde"), "{why}");
    t.send(&["Escape"]);
    t.wait_for("Vergelijken");
    t.send(&["Escape", "e"]);
    t.wait_for("Verslag geschreven");
    assert!(case.with_file_name("w01-verslag.html").exists());
    assert!(case.with_file_name("w01-verslag.md").exists());
    t.send(&["q"]);
}
