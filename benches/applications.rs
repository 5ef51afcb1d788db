//! Saving a draft on every keystroke: how long one field change takes to be
//! committed to records.sqlite (one transaction, WAL, version-checked), and
//! filing; and evaluating the massage paths for a profile.
//!
//!     cargo bench --no-default-features --bench applications
//!
//! Target: a field change committed in ≤ 5 ms at p95 (well under a keystroke),
//! so "saved before the next key" never shows as lag. Under `cargo test` it
//! runs once with 100 changes as a smoke test.

use std::time::Instant;

use tingjian::domain::dataset::DataSet;
use tingjian::domain::forms::{Kind, Status, Values};
use tingjian::domain::paths::evaluate;
use tingjian::domain::rules::{Fact, Profile};
use tingjian::store::{Records, embedded};

fn pct(each: &mut [f64], q: f64) -> f64 {
    each.sort_by(f64::total_cmp);
    each[((each.len() as f64 - 1.0) * q).round() as usize]
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let n = if bench { 2_000 } else { 100 };
    let dir = tempfile::tempdir().expect("tempdir");
    let mut r = Records::open(&dir.path().join("records.sqlite")).expect("records");
    let mut a = r
        .create_application(Kind::FourOneNeeds, "", None, &Values::new(), "bench")
        .expect("draft");
    let mut version = a.version;
    let mut each = Vec::with_capacity(n);
    let mut typed = String::new();
    for i in 0..n {
        typed.push(char::from_u32(0x4e00 + (i as u32 % 500)).unwrap_or('字'));
        if typed.chars().count() > 60 {
            typed.clear();
        }
        let t = Instant::now();
        version = r
            .set_field(a.id, version, "note", &typed, "bench")
            .expect("save");
        each.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let size = std::fs::metadata(dir.path().join("records.sqlite-wal"))
        .map(|m| m.len())
        .unwrap_or(0);
    println!(
        "{n} field changes, each its own transaction: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms (WAL {} KiB)",
        pct(&mut each, 0.5),
        pct(&mut each, 0.95),
        pct(&mut each, 1.0),
        size / 1024
    );
    let t = Instant::now();
    r.change_status(a.id, version, Status::Filed, "bench", "")
        .expect("file");
    println!("filing: {:.2} ms", t.elapsed().as_secs_f64() * 1000.0);
    a = r.application(a.id).expect("read").expect("app");
    assert_eq!(a.status, Status::Filed);

    // The massage navigator: both paths for a varied profile.
    let data = DataSet::from_files(&embedded::bundled()).expect("bundled data");
    let on = tingjian::domain::card::Date::new(2026, 11, 22).expect("date");
    let m = if bench { 10_000 } else { 200 };
    let mut each = Vec::with_capacity(m);
    let mut sink = 0usize;
    for i in 0..m {
        let mut p = Profile {
            category: Some(tingjian::domain::jobs::Category::Visual),
            ..Profile::default()
        };
        for (k, f) in Fact::MASSAGE.iter().enumerate() {
            let v = match f.kind() {
                tingjian::domain::rules::FactKind::Years => Some(((i + k) % 20).to_string()),
                _ => f
                    .values()
                    .get((i + k) % (f.values().len() + 1))
                    .map(|s| s.to_string()),
            };
            if let Some(v) = v {
                p.facts.insert(*f, v);
            }
        }
        let t = Instant::now();
        for path in &data.paths {
            sink += evaluate(path, &p, &Default::default(), &on)
                .next
                .unwrap_or(0);
        }
        each.push(t.elapsed().as_secs_f64() * 1e6);
    }
    println!(
        "massage paths ({} steps) for {m} profiles: p50 {:.1} µs, p95 {:.1} µs (checksum {sink})",
        data.paths.iter().map(|p| p.steps.len()).sum::<usize>(),
        pct(&mut each, 0.5),
        pct(&mut each, 0.95)
    );
}
