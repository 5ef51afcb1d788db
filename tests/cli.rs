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

#[test]
fn jobs_import_reports_bad_rows_keeps_good_ones_and_updates_on_reimport() {
    let home = tempfile::tempdir().expect("tempdir");
    let csv = home.path().join("jobs.csv");
    std::fs::write(
        &csv,
        "\u{feff}id,title,employer,employer_kind,province,city,kind,published,source,pay_min,pay_max\n\
         r1,盲人医疗按摩师,某医院,事业单位,贵州,贵阳,按摩,2025-03-01,测试来源,3000,5000\n\
         r2,云客服,某公司,民企,贵州,贵阳,兼职,2025-03-01,测试来源,,\n\
         r3,数据标注员,某公司,民企,江西,南昌,市场招聘,2025年3月2日,测试来源,6000,5000\n\
         r4,乡村保洁员,某镇政府,机关,江西,赣州,公益性岗位,20250303,测试来源,,\n",
    )
    .expect("write csv");
    let out = run(
        home.path(),
        &["jobs", "import", csv.to_str().expect("utf-8 path")],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "some rows rejected: {text}");
    assert!(
        text.contains("第3行，kind："),
        "row and column of the bad kind: {text}"
    );
    assert!(
        text.contains("第4行，pay_max："),
        "row and column of the bad pay range: {text}"
    );
    assert!(text.contains("新增2条，更新0条，拒绝2条"), "{text}");
    // The same file again: the good rows update, nothing is duplicated.
    let out = run(
        home.path(),
        &["jobs", "import", csv.to_str().expect("utf-8 path")],
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("新增0条，更新2条，拒绝2条"));
    let out = run(
        home.path(),
        &[
            "jobs", "search", "按摩", "--region", "贵州", "--format", "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let ids: Vec<&str> = v["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|p| p["id"].as_str())
        .collect();
    assert!(ids.contains(&"r1"), "{ids:?}");
    assert_eq!(ids.iter().filter(|i| **i == "r1").count(), 1);
}

#[test]
fn a_file_that_is_not_utf8_is_refused_whole_with_where() {
    let home = tempfile::tempdir().expect("tempdir");
    let csv = home.path().join("gbk.csv");
    let mut bytes =
        b"id,title,employer,employer_kind,province,city,kind,published,source\n".to_vec();
    bytes.extend_from_slice(&[0xb0, 0xb4, 0xc4, 0xa6, b'\n']); // 按摩 in GBK
    std::fs::write(&csv, bytes).expect("write");
    let out = run(
        home.path(),
        &["jobs", "import", csv.to_str().expect("path")],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("第2行") && err.contains("UTF-8") && err.contains("没有导入任何内容"),
        "{err}"
    );
}

/// Killing the app in the middle of a big import leaves the jobs file as it
/// was before: one transaction, and the file passes an integrity check.
#[test]
fn a_crash_in_the_middle_of_an_import_leaves_the_jobs_as_they_were() {
    let home = tempfile::tempdir().expect("tempdir");
    let csv = home.path().join("big.csv");
    let out = run(
        home.path(),
        &[
            "jobs",
            "sample",
            "--count",
            "60000",
            "--seed",
            "3",
            "--out",
            csv.to_str().expect("path"),
        ],
    );
    assert!(out.status.success());
    // Imported rows are real postings, not samples, in practice.
    let text = std::fs::read_to_string(&csv)
        .expect("csv")
        .replace(",yes\n", ",no\n");
    std::fs::write(&csv, text).expect("write");
    let before = run(
        home.path(),
        &["jobs", "search", "--format", "json", "--limit", "1"],
    );
    let total_before =
        serde_json::from_slice::<serde_json::Value>(&before.stdout).expect("JSON")["total"].clone();
    let mut killed = 0;
    for delay_ms in [150u64, 400, 900] {
        let mut child = Command::new(BIN)
            .arg("--home")
            .arg(home.path())
            .args(["--speech", "off", "jobs", "import"])
            .arg(&csv)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("spawn import");
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        if child.try_wait().expect("wait").is_none() {
            child.kill().expect("SIGKILL");
            killed += 1;
        }
        let _ = child.wait();
        let doctor = run(home.path(), &["doctor"]);
        let d = String::from_utf8_lossy(&doctor.stdout);
        assert!(d.contains("招聘信息完整性检查：ok"), "{d}");
        let after = run(
            home.path(),
            &["jobs", "search", "--format", "json", "--limit", "1"],
        );
        let v: serde_json::Value = serde_json::from_slice(&after.stdout).expect("JSON");
        assert_eq!(
            v["total"], total_before,
            "the interrupted import left nothing behind (killed after {delay_ms} ms)"
        );
    }
    assert!(
        killed >= 1,
        "the import finished before every kill: make the file bigger"
    );
}

#[test]
fn entitlements_a_bad_card_number_exits_non_zero_with_the_position() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = run(
        home.path(),
        &[
            "entitlements",
            "--card",
            "3601021990030712301",
            "--region",
            "江西",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("太短"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(
        home.path(),
        &[
            "entitlements",
            "--card",
            "36010219900307123X11",
            "--region",
            "江西",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("第18位校验码应为 6"), "{err}");
}

#[test]
fn entitlements_json_for_a_jiangxi_card_holder_on_dibao_starting_a_business() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = run(
        home.path(),
        &[
            "--as-of",
            "2024-06-01",
            "entitlements",
            "--card",
            "36010219900307123611",
            "--region",
            "江西",
            "--fact",
            "dibao=yes",
            "--fact",
            "starting_business=yes",
            "--format",
            "json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rules = v.as_array().expect("array");
    let dibao = rules
        .iter()
        .find(|r| r["id"] == "jiangxi-dibao-after-work")
        .expect("the 低保 rule");
    // Eligible, or unknown where the plan's "first time" is for the office to check.
    assert_ne!(dibao["outcome"], "not_eligible", "{dibao}");
    for r in rules {
        for c in r["citations"].as_array().expect("citations") {
            let src = source(c["source"].as_str().expect("source"));
            assert!(src.contains(c["quote"].as_str().expect("quote")), "{c}");
        }
    }
    // Text output masks the card; --show-card shows it.
    let out = run(
        home.path(),
        &[
            "entitlements",
            "--card",
            "36010219900307123611",
            "--region",
            "江西",
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("尾号3611") && !text.contains("360102199003071236"),
        "{text}"
    );
    let out = run(
        home.path(),
        &[
            "entitlements",
            "--card",
            "36010219900307123611",
            "--show-card",
        ],
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("36010219900307123611"));
}

#[test]
fn massage_json_gives_each_step_cited_and_the_next_step_for_three_people() {
    let home = tempfile::tempdir().expect("tempdir");
    let ask = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec![
            "--as-of",
            "2026-11-22",
            "massage",
            "--path",
            "medical",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let out = run(home.path(), &args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("JSON")
    };
    // A 中专 graduate in 针灸推拿 in 贵州, no exam yet.
    let v = ask(&[
        "--card",
        "52010219980615302412",
        "--region",
        "贵州",
        "--fact",
        "education=secondary_vocational",
        "--fact",
        "massage_major=yes",
        "--fact",
        "medical_exam_passed=no",
    ]);
    let path = &v["paths"][0];
    assert_eq!(path["next"]["id"], "medical-exam", "{}", path["next"]);
    let steps = path["steps"].as_array().expect("steps");
    assert_eq!(steps[0]["status"], "done");
    assert_eq!(steps[1]["status"], "ready");
    for s in steps {
        let cites = s["citations"].as_array().expect("citations");
        assert!(!cites.is_empty(), "uncited step {}", s["id"]);
        for c in cites.iter().chain(
            s["requirements"]
                .as_array()
                .expect("req")
                .iter()
                .map(|r| &r["citation"]),
        ) {
            let quote = c["quote"].as_str().expect("quote");
            assert!(
                source(c["source"].as_str().expect("source")).contains(quote),
                "{} quotes {quote:?}",
                s["id"]
            );
        }
        for m in s["measures"].as_array().expect("measures") {
            assert_eq!(m["region"], "guizhou", "only the person's region: {m}");
        }
    }
    assert!(
        steps[1]["measures"]
            .as_array()
            .is_some_and(|m| !m.is_empty()),
        "贵州 helps with the exam"
    );
    // 16 years in a hospital before 2009: no exam, the review is next.
    let v = ask(&[
        "--category",
        "visual",
        "--fact",
        "hospital_years_before_2009=16",
    ]);
    assert_eq!(v["paths"][0]["next"]["id"], "medical-review");
    assert_eq!(v["paths"][0]["steps"][1]["status"], "not_needed");
    // A practitioner with the certificate, filed, 6 years' practice, opening a practice.
    let v = ask(&[
        "--category",
        "visual",
        "--fact",
        "medical_exam_passed=yes",
        "--fact",
        "review_certificate=yes",
        "--fact",
        "qualification_certificate=yes",
        "--fact",
        "practice_filed=yes",
        "--fact",
        "medical_massage_years=6",
        "--done",
        "medical-title=2024-05-01",
    ]);
    let steps = v["paths"][0]["steps"].as_array().expect("steps");
    let practice = steps
        .iter()
        .find(|s| s["id"] == "medical-practice")
        .expect("the practice step");
    assert_eq!(
        v["paths"][0]["next"]["id"], "medical-practice",
        "{}",
        v["paths"][0]["next"]
    );
    assert!(practice["met"].as_u64() >= Some(2), "{practice}");
    // A step that does not exist is named, with the ones that do.
    let out = run(
        home.path(),
        &["massage", "--done", "medical-nothing=2024-01-01"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("medical-nothing") && err.contains("medical-exam"),
        "{err}"
    );
}

#[test]
fn line_mode_lists_a_choice_with_numbers_and_picks_one_by_number() {
    use std::io::Write;
    let home = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(BIN)
        .arg("--home")
        .arg(home.path())
        .args(["--speech", "off", "--lang", "zh-CN", "--line"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // 我的申请 → 新建 → 就业需求登记 → 希望的工作时间 → =2 → quit.
    child
        .stdin
        .as_mut()
        .expect("stdin")
        .write_all("4\n2\n3\n10\n=2\nq\n".as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("请输入选项的编号：1. 全职 2. 兼职 3. 都可以"),
        "{text}"
    );
    assert!(text.contains("希望的工作时间，调节项，兼职"), "{text}");
    // Saved in the records: the CLI lists it.
    let out = run(home.path(), &["applications", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let s = v.to_string();
    assert!(s.contains("part_time"), "{s}");
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    use std::io::{BufRead, BufReader};
    let home = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(BIN)
        .arg("--home")
        .arg(home.path())
        .args(["--speech", "off", "--lang", "zh-CN", "policies"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("a line");
    // The reader is gone (like `| head -1`): the rest cannot be written.
    let out = child.wait_with_output().expect("wait");
    assert!(!first.is_empty());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
