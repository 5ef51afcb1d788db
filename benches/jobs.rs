//! Job postings at scale: import, search latency (one- to seven-character
//! queries, with and without filters), the same queries in the sqlite3 shell,
//! and the app's memory with the postings loaded.
//!
//!     cargo bench --bench jobs                      # 100,000 postings
//!     cargo bench --bench jobs -- --rows 1000000    # linearity check
//!
//! Under `cargo test` (no `--bench`) it runs on 2,000 postings as a smoke test.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tingjian::domain::jobs::{COLUMNS, JobKind, sample};
use tingjian::store::jobs::{JobQuery, Jobs, Sort, match_expr};

const BIN: &str = env!("CARGO_BIN_EXE_tingjian");

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn write_csv(path: &Path, rows: usize) {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).expect("create csv"));
    writeln!(w, "{}", COLUMNS.join(",")).expect("write");
    sample::generate_each(rows, 7, |mut p| {
        // Imported postings are real ones in practice: not marked sample.
        p.sample = false;
        let f = p.to_fields();
        let row: Vec<String> = COLUMNS
            .iter()
            .map(|c| csv_field(f.get(*c).map_or("", String::as_str)))
            .collect();
        writeln!(w, "{}", row.join(",")).expect("write");
    });
    w.flush().expect("flush");
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bench = args.iter().any(|a| a == "--bench");
    let rows: usize = args
        .iter()
        .position(|a| a == "--rows")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(if bench { 100_000 } else { 2_000 });
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("postings.csv");
    let t = Instant::now();
    write_csv(&csv, rows);
    let size = std::fs::metadata(&csv).map(|m| m.len()).unwrap_or(0);
    println!(
        "{rows} postings, CSV {:.1} MB, generated in {:.2} s",
        size as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    // Import through the real command, as a service centre would.
    let home = dir.path().join("home");
    let t = Instant::now();
    let out = Command::new(BIN)
        .args(["--speech", "off", "--home"])
        .arg(&home)
        .args(["jobs", "import"])
        .arg(&csv)
        .output()
        .expect("run import");
    let import_s = t.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "import failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    println!(
        "import (tingjian jobs import, whole process): {import_s:.2} s, {:.0} rows/s",
        rows as f64 / import_s
    );

    let jobs = Jobs::open(&home.join("jobs.sqlite"), b"").expect("open jobs");
    let queries = [
        "按摩",
        "客服",
        "云",
        "医",
        "医疗按摩",
        "数据标注",
        "盲人医疗按摩师",
        "居家",
        "python",
    ];
    let filters: Vec<(&str, JobQuery)> = vec![
        ("no filter", JobQuery::default()),
        (
            "region 贵州",
            JobQuery {
                region: Some("贵州".into()),
                ..JobQuery::default()
            },
        ),
        (
            "kind massage + visual",
            JobQuery {
                kind: Some(JobKind::Massage),
                category: Some(tingjian::domain::jobs::Category::Visual),
                ..JobQuery::default()
            },
        ),
        (
            "home-based, newest",
            JobQuery {
                home_based: Some(true),
                sort: Sort::Newest,
                ..JobQuery::default()
            },
        ),
    ];
    let reps = if bench { 20 } else { 2 };
    let mut all = vec![];
    println!("search, {reps} runs each, limit 200, with the total count (ms):");
    for q in queries {
        let mut times = vec![];
        let mut found = 0;
        for (_, f) in &filters {
            for _ in 0..reps {
                let mut query = f.clone();
                query.text = Some(q.to_string());
                query.limit = 200;
                let t = Instant::now();
                let (_, total) = jobs.search(&query).expect("search");
                times.push(t.elapsed().as_secs_f64() * 1000.0);
                if f.region.is_none() && f.kind.is_none() && f.home_based.is_none() {
                    found = total;
                }
            }
        }
        all.extend(times.iter().copied());
        println!(
            "  {q:<8} {found:>7} matches   p50 {:>6.2}   p95 {:>6.2}   max {:>6.2}",
            percentile(&mut times.clone(), 0.5),
            percentile(&mut times.clone(), 0.95),
            percentile(&mut times, 1.0)
        );
    }
    println!(
        "  all queries and filters: p50 {:.2} ms, p95 {:.2} ms",
        percentile(&mut all.clone(), 0.5),
        percentile(&mut all, 0.95)
    );

    // The same MATCH in the sqlite3 shell on the same file, for comparison.
    if Command::new("sqlite3").arg("-version").output().is_ok() {
        println!("sqlite3 shell, same file, same MATCH, count(*) only (ms, .timer real):");
        for q in ["按摩", "客服", "医疗按摩"] {
            let expr = match_expr(q).unwrap_or_default().replace('\'', "''");
            let sql = format!(
                ".timer on\nSELECT count(*) FROM posting_fts WHERE posting_fts MATCH '{{title body}} : ({expr})';\nSELECT count(*) FROM posting WHERE title LIKE '%{q}%' OR employer LIKE '%{q}%' OR requirements LIKE '%{q}%' OR accessibility LIKE '%{q}%';\n"
            );
            let out = Command::new("sqlite3")
                .arg(home.join("jobs.sqlite"))
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
                .and_then(|mut c| {
                    if let Some(mut i) = c.stdin.take() {
                        i.write_all(sql.as_bytes())?;
                    }
                    c.wait_with_output()
                });
            if let Ok(o) = out {
                let text = String::from_utf8_lossy(&o.stdout);
                let reals: Vec<String> = text
                    .lines()
                    .filter_map(|l| {
                        l.strip_prefix("Run Time: real ")
                            .map(|r| r.split_whitespace().next().unwrap_or("").to_string())
                    })
                    .map(|s| format!("{:.2}", s.parse::<f64>().unwrap_or(0.0) * 1000.0))
                    .collect();
                println!(
                    "  {q:<8} FTS MATCH {}   LIKE scan {}",
                    reals.first().map_or("?", |s| s.as_str()),
                    reals.get(1).map_or("?", |s| s.as_str())
                );
            }
        }
    }

    // Memory of the app with these postings: line mode, open Jobs, search 按摩.
    let mut child = Command::new(BIN)
        .args(["--line", "--speech", "off", "--home"])
        .arg(&home)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn app");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let _ = writeln!(stdin, "1");
    let _ = writeln!(stdin, "/按摩");
    let _ = stdin.flush();
    // Wait for the search's answer, then read the peak RSS.
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut seen = 0;
    while Instant::now() < deadline {
        if let Ok(l) = rx.recv_timeout(Duration::from_millis(200)) {
            if l.contains("按摩") {
                seen += 1;
            }
            if seen >= 2 {
                break;
            }
        }
    }
    std::thread::sleep(Duration::from_millis(300));
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap_or_default();
    let field = |k: &str| {
        status
            .lines()
            .find(|l| l.starts_with(k))
            .map(|l| l[k.len()..].trim().to_string())
            .unwrap_or_default()
    };
    println!(
        "app memory with {rows} postings after opening Jobs and searching 按摩: VmHWM {}, VmRSS {}",
        field("VmHWM:"),
        field("VmRSS:")
    );
    let _ = writeln!(stdin, "q");
    drop(stdin);
    let _ = child.wait();
}
