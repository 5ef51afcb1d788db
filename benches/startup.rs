//! Start to first announcement, on an unchanged cache.
//!
//!     cargo bench --bench startup            # 30 runs, prints the figures
//!
//! Two measurements per run:
//! - `internal`: the first `speak` line's time in the transcript, counted by
//!   the app from the start of `main` to the announcement being handed to
//!   speech (the app's own start-up work);
//! - `external`: from spawning the process to that line being on disk, so
//!   exec, dynamic loading and the file write are included.
//!
//! Line mode is measured from a spawned process (stdin held open); the full
//! screen is measured inside tmux when tmux is installed (internal only).
//! Under `cargo test` (no `--bench` argument) it runs once, as a smoke test.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_tingjian");

fn first_speak(transcript: &Path) -> Option<u128> {
    let text = std::fs::read_to_string(transcript).ok()?;
    text.lines().find_map(|l| {
        let mut it = l.split('\t');
        let ms = it.next()?.parse().ok()?;
        (it.next()? == "speak").then_some(ms)
    })
}

fn wait_first_speak(transcript: &Path, timeout: Duration) -> Option<(u128, Duration)> {
    let t0 = Instant::now();
    while t0.elapsed() < timeout {
        if let Some(ms) = first_speak(transcript) {
            return Some((ms, t0.elapsed()));
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    None
}

/// One line-mode start: (internal ms, external duration).
fn line_mode_run(home: &Path, n: usize) -> (u128, Duration) {
    let t = home.join(format!("t{n}.txt"));
    let t0 = Instant::now();
    let mut child = Command::new(BIN)
        .args(["--line", "--speech"])
        .arg(format!("transcript:{}", t.display()))
        .arg("--home")
        .arg(home)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn tingjian");
    let found = wait_first_speak(&t, Duration::from_secs(10));
    let external = t0.elapsed();
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(b"q\n");
    }
    let _ = child.wait();
    let (ms, _) = found.expect("no announcement within 10 s");
    (ms, external)
}

/// One full-screen start inside tmux: internal ms.
fn tui_run(home: &Path, n: usize) -> Option<u128> {
    let sock = format!("tj-bench-{}-{n}", std::process::id());
    let t = home.join(format!("tui{n}.txt"));
    let cmd = format!(
        "{BIN} --speech transcript:{} --home {}",
        t.display(),
        home.display()
    );
    let ok = Command::new("tmux")
        .args([
            "-L",
            &sock,
            "new-session",
            "-d",
            "-x",
            "80",
            "-y",
            "24",
            &cmd,
        ])
        .status()
        .ok()?
        .success();
    let r = if ok {
        wait_first_speak(&t, Duration::from_secs(10)).map(|(ms, _)| ms)
    } else {
        None
    };
    let _ = Command::new("tmux")
        .args(["-L", &sock, "kill-server"])
        .status();
    r
}

fn summary(name: &str, mut v: Vec<f64>) {
    v.sort_by(f64::total_cmp);
    let pct = |p: f64| v[((v.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "{name:<28} n={:<3} median {:>6.1} ms   p95 {:>6.1} ms   max {:>6.1} ms",
        v.len(),
        pct(0.5),
        pct(0.95),
        v[v.len() - 1]
    );
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let runs = if bench { 30 } else { 1 };
    let home = tempfile::tempdir().expect("tempdir");
    // First start builds the cache; it is not counted.
    let (first, _) = line_mode_run(home.path(), 0);
    let mut internal = vec![];
    let mut external = vec![];
    for n in 1..=runs {
        let (ms, ext) = line_mode_run(home.path(), n);
        internal.push(ms as f64);
        external.push(ext.as_secs_f64() * 1000.0);
    }
    println!(
        "start-up to first announcement, unchanged cache (first start, building the cache: {first} ms)"
    );
    summary("line mode, internal", internal);
    summary("line mode, spawn to spoken", external);
    let has_tmux = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if has_tmux {
        let tui: Vec<f64> = (1..=runs)
            .filter_map(|n| tui_run(home.path(), n))
            .map(|ms| ms as f64)
            .collect();
        if tui.is_empty() {
            println!("full screen: tmux did not start the app");
        } else {
            summary("full screen (tmux), internal", tui);
        }
    } else {
        println!("full screen: tmux not installed, not measured");
    }
}
