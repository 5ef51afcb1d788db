//! The line-oriented subcommands, run as a user or a script would.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_tingjian");

fn run(home: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .arg("--home")
        .arg(home)
        .args(["--speech", "off", "--lang", "zh-CN"])
        .args(args)
        .output()
        .expect("run tingjian")
}

fn source(name: &str) -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data/sources")
            .join(name),
    )
    .expect("source file")
}

#[test]
fn policies_json_for_jiangxi_cites_every_measure_with_a_verbatim_quote() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = run(
        home.path(),
        &["policies", "--region", "江西", "--format", "json"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let measures = v.as_array().expect("an array of measures");
    assert!(measures.len() > 50, "only {} measures", measures.len());
    for m in measures {
        assert_eq!(m["region"], "jiangxi");
        for key in ["id", "action", "summary"] {
            assert!(
                m[key].as_str().is_some_and(|s| !s.is_empty()),
                "{key} missing in {m}"
            );
        }
        let c = &m["citation"];
        let src = source(c["source"].as_str().expect("source"));
        let quote = c["quote"].as_str().expect("quote");
        assert!(
            !c["clause"].as_str().unwrap_or("").is_empty(),
            "no clause: {m}"
        );
        assert!(src.contains(quote), "quote not in source: {quote}");
        for n in m["numbers"].as_array().expect("numbers") {
            let q = n["citation"]["quote"].as_str().expect("number quote");
            assert!(src.contains(q), "number quote not in source: {q}");
            assert!(q.contains(n["written"].as_str().expect("written")), "{n}");
        }
    }
}

#[test]
fn policies_filters_and_text_output() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = run(
        home.path(),
        &[
            "policies",
            "--region",
            "guizhou",
            "--action",
            "blind_massage",
        ],
    );
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("贵州 · 盲人按摩就业促进"), "{text}");
    assert!(text.contains("原文：“"), "{text}");
    let out = run(
        home.path(),
        &["policies", "--query", "按摩", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let regions: std::collections::BTreeSet<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|m| m["region"].as_str())
        .collect();
    assert_eq!(
        regions.len(),
        5,
        "every plan has blind massage measures: {regions:?}"
    );
    let out = run(
        home.path(),
        &[
            "policies",
            "--targets",
            "--region",
            "贵州",
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(
        v.as_array()
            .expect("array")
            .iter()
            .any(|t| t["metric"] == "new_jobs")
    );
}

#[test]
fn unknown_region_or_action_is_named_with_the_choices() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = run(home.path(), &["policies", "--region", "火星"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("火星") && err.contains("江西"), "{err}");
    let out = run(home.path(), &["policies", "--action", "flying"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("blind_massage"));
}

#[test]
fn doctor_reports_files_and_data() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = run(home.path(), &["doctor"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("records.sqlite") && text.contains("cache.sqlite"),
        "{text}"
    );
    assert!(text.contains("5个地区，5份文件"), "{text}");
    assert!(text.contains("个人记录完整性检查：ok"), "{text}");
    assert!(text.contains("600"), "records file mode shown: {text}");
}
