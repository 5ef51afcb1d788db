//! Evaluating every entitlement rule for a profile.
//!
//!     cargo bench --no-default-features --bench entitlements
//!
//! Targets: all rules for one profile ≤ 50 µs; 10,000 profiles ≤ 0.5 s.
//! Profiles are varied deterministically (region, category, grade, birth
//! date, sex, every fact yes/no/unknown). Under `cargo test` it runs once
//! over 200 profiles as a smoke test.

use std::time::Instant;

use tingjian::domain::card::{Date, Grade, Sex};
use tingjian::domain::dataset::DataSet;
use tingjian::domain::jobs::Category;
use tingjian::domain::rules::{Fact, Profile, evaluate};
use tingjian::store::embedded;

fn profiles(n: usize) -> Vec<Profile> {
    let regions = [
        "guangzhou",
        "guizhou",
        "qingdao",
        "lianyungang",
        "jiangxi",
        "elsewhere",
    ];
    let cats = [
        Category::Visual,
        Category::Hearing,
        Category::Speech,
        Category::Physical,
        Category::Intellectual,
        Category::Psychosocial,
        Category::Multiple,
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..n)
        .map(|_| {
            let mut p = Profile {
                region: Some(regions[(next() % 6) as usize].to_string()),
                category: Some(cats[(next() % 7) as usize]),
                grade: Grade::from_digit((next() % 4) as u8 + 1),
                birth: Date::new(
                    1960 + (next() % 50) as i32,
                    1 + (next() % 12) as u32,
                    1 + (next() % 28) as u32,
                ),
                sex: Some(if next() % 2 == 0 {
                    Sex::Male
                } else {
                    Sex::Female
                }),
                ..Profile::default()
            };
            for f in Fact::ALL {
                let vals = f.values();
                let k = (next() % (vals.len() as u64 + 1)) as usize;
                if let Some(v) = vals.get(k) {
                    p.facts.insert(f, (*v).to_string());
                }
            }
            p
        })
        .collect()
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let data = DataSet::from_files(&embedded::bundled()).expect("bundled data");
    let rules = &data.rules;
    let on = Date::new(2024, 6, 1).expect("date");
    let n = if bench { 10_000 } else { 200 };
    let ps = profiles(n);
    // Warm up, then time every profile.
    let mut sink = 0usize;
    for p in ps.iter().take(100) {
        sink += evaluate(rules, p, &on).len();
    }
    let mut each = Vec::with_capacity(n);
    let t = Instant::now();
    for p in &ps {
        let t1 = Instant::now();
        sink += evaluate(rules, p, &on)
            .iter()
            .filter(|e| e.outcome == tingjian::domain::rules::Outcome::Eligible)
            .count();
        each.push(t1.elapsed().as_secs_f64() * 1e6);
    }
    let total = t.elapsed();
    each.sort_by(f64::total_cmp);
    let pct = |q: f64| each[((each.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "{} rules, {n} profiles: total {:.1} ms; per profile p50 {:.1} µs, p95 {:.1} µs, max {:.1} µs (checksum {sink})",
        rules.len(),
        total.as_secs_f64() * 1000.0,
        pct(0.5),
        pct(0.95),
        pct(1.0)
    );
}
