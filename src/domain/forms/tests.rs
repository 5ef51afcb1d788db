use super::*;
use crate::domain::card::{Grade, Sex};

fn today() -> Date {
    Date {
        year: 2025,
        month: 6,
        day: 1,
    }
}

fn bundled_forms() -> Vec<Form> {
    load_forms(&crate::store::embedded::bundled()).expect("bundled forms load")
}

/// A small deterministic generator (xorshift64*): property tests without a
/// dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => {
                char::from_u32(u32::from(c) - u32::from('0') + u32::from('０')).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

#[test]
fn every_kind_has_a_bundled_form_with_name_card_and_phone() {
    let forms = bundled_forms();
    assert_eq!(forms.len(), Kind::ALL.len());
    for k in Kind::ALL {
        let f = form_for(&forms, k).unwrap_or_else(|| panic!("no form for {k}"));
        for id in ["name", "card", "phone"] {
            let field = f.field(id).unwrap_or_else(|| panic!("{k}: no {id}"));
            assert!(field.required, "{k}: {id} should be required");
        }
        assert_eq!(Kind::from_key(k.key()), Some(k));
    }
    assert_eq!(Kind::from_key("massage-exam"), Some(Kind::MassageExam));
    assert_eq!(Kind::from_key("nothing"), None);
}

#[test]
fn the_data_set_loads_the_forms_too() {
    let ds = crate::domain::dataset::DataSet::from_files(&crate::store::embedded::bundled())
        .expect("data loads");
    assert_eq!(ds.forms.len(), Kind::ALL.len());
}

const SMALL: &str = r#"
kind = "job"
title = "app-form-job"

[[field]]
id = "name"
label = "app-field-name"
type = "text"
required = true
max_len = 10
prefill = "label"

[[field]]
id = "edu"
label = "app-field-education"
type = "choice"
prefill = "fact:education"
choices = [
  { value = "primary", label = "education-primary" },
  { value = "junior_secondary", label = "education-junior-secondary" },
  { value = "senior_secondary", label = "education-senior-secondary" },
  { value = "secondary_vocational", label = "education-secondary-vocational" },
  { value = "college", label = "education-college" },
  { value = "bachelor", label = "education-bachelor" },
  { value = "postgraduate", label = "education-postgraduate" },
]

[[field]]
id = "years"
label = "app-field-practice-years"
type = "number"
min = 0
max = 70
"#;

#[test]
fn form_mistakes_name_the_file_the_line_and_the_field() {
    let name = "forms/job.toml";
    let f = check_form(name, SMALL).expect("loads");
    assert_eq!(f.fields.len(), 3);

    let e = check_form("forms/other.toml", SMALL).expect_err("file name");
    assert_eq!(e.kind, DataErrorKind::FileName("forms/job.toml".into()));

    let e = check_form(name, &SMALL.replace("type = \"number\"", "type = \"text\""))
        .expect_err("min on text");
    assert_eq!(e.line, Some(29), "{e}");
    assert!(
        matches!(&e.kind, DataErrorKind::BadField { field, .. } if field == "years"),
        "{e}"
    );

    let e = check_form(
        name,
        &SMALL.replace(
            "  { value = \"postgraduate\", label = \"education-postgraduate\" },\n",
            "",
        ),
    )
    .expect_err("a prefill value that is not a choice");
    assert!(e.to_string().contains("postgraduate"), "{e}");
    assert_eq!(e.line, Some(14));

    let e = check_form(
        name,
        &SMALL.replace("prefill = \"label\"", "prefill = \"card\""),
    )
    .expect_err("card into text");
    assert!(matches!(e.kind, DataErrorKind::BadField { .. }), "{e}");

    let e = check_form(
        name,
        &SMALL.replace("prefill = \"label\"", "prefill = \"fact:nope\""),
    )
    .expect_err("unknown fact");
    assert!(matches!(e.kind, DataErrorKind::Syntax(_)), "{e}");

    let e =
        check_form(name, &SMALL.replace("id = \"edu\"", "id = \"name\"")).expect_err("duplicate");
    assert_eq!(e.kind, DataErrorKind::DuplicateId("name".into()));

    let e = check_form(name, &SMALL.replace("required = true", "requird = true"))
        .expect_err("unknown key");
    assert!(matches!(e.kind, DataErrorKind::Syntax(_)));
    assert_eq!(e.line, Some(9));

    let e = check_form(
        name,
        &SMALL.replace("label = \"app-field-name\"", "label = \"姓名\""),
    )
    .expect_err("words instead of a Fluent id");
    assert!(matches!(e.kind, DataErrorKind::BadField { .. }), "{e}");
}

#[test]
fn dates_in_every_common_form() {
    let d = Date::new(2025, 3, 1).expect("date");
    for s in [
        "2025-03-01",
        "2025-3-1",
        "2025/3/1",
        "2025/03/01",
        "2025.3.1",
        "2025年3月1日",
        "2025年3月1号",
        "2025年03月01日",
        "2025 年 3 月 1 日",
        "20250301",
        " 2025-03-01 ",
        "２０２５年３月１日",
        "２０２５－０３－０１",
        "2025／3／1",
    ] {
        assert_eq!(parse_date(s), Some(d), "{s}");
    }
    for s in [
        "",
        "2025",
        "2025-02-30",
        "2025-13-01",
        "2025-3",
        "2025-3/1",
        "25-3-1",
        "1-3-2025",
        "2025年3月",
        "2025-03-01-01",
        "1899-12-31",
        "2201-01-01",
        "2025--03-01",
        "２０２５年３月１日日",
        "2025-003-01",
        "abc",
        "20250230",
    ] {
        assert_eq!(parse_date(s), None, "{s}");
    }
    assert_eq!(parse_date("2024-02-29"), Date::new(2024, 2, 29));
}

#[test]
fn phones_as_people_write_them() {
    let m = Ok(Phone::Mobile("13812345678".into()));
    for s in [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+8613812345678",
        "0086 13812345678",
        "8613812345678",
        "１３８１２３４５６７８",
        "(+86) 138-1234-5678",
    ] {
        assert_eq!(parse_phone(s), m, "{s}");
    }
    let l = |a: &str, n: &str| {
        Ok(Phone::Landline {
            area: a.into(),
            number: n.into(),
        })
    };
    assert_eq!(parse_phone("0851-12345678"), l("0851", "12345678"));
    assert_eq!(parse_phone("(0851)12345678"), l("0851", "12345678"));
    assert_eq!(parse_phone("（0851）8765432"), l("0851", "8765432"));
    assert_eq!(parse_phone("085112345678"), l("0851", "12345678"));
    assert_eq!(parse_phone("010-87654321"), l("010", "87654321"));
    assert_eq!(parse_phone("020 2345 6789"), l("020", "23456789"));
    assert_eq!(parse_phone("+86 851 12345678"), l("0851", "12345678"));
    assert_eq!(parse_phone("+86 10 87654321"), l("010", "87654321"));
    assert_eq!(
        parse_phone("0851-12345678").map(|p| p.normalised()),
        Ok("0851-12345678".into())
    );

    assert_eq!(parse_phone(""), Err(PhoneError::Empty));
    assert_eq!(parse_phone(" - "), Err(PhoneError::Empty));
    assert_eq!(
        parse_phone("1381234567"),
        Err(PhoneError::MobileLength { digits: 10 })
    );
    assert_eq!(parse_phone("12812345678"), Err(PhoneError::MobilePrefix));
    assert_eq!(parse_phone("+1 202 555 0100"), Err(PhoneError::CountryCode));
    assert_eq!(
        parse_phone("138a1234567"),
        Err(PhoneError::NotADigit { found: 'a' })
    );
    assert_eq!(parse_phone("87654321"), Err(PhoneError::NoAreaCode));
    assert_eq!(parse_phone("0851-0234567"), Err(PhoneError::LocalPrefix));
    assert_eq!(
        parse_phone("0851-123456"),
        Err(PhoneError::LocalLength { digits: 6 })
    );
    assert_eq!(parse_phone("0012345678"), Err(PhoneError::AreaCode));
    assert_eq!(parse_phone("011-12345678"), Err(PhoneError::AreaCode));
}

#[test]
fn masking_keeps_the_last_four_only() {
    assert_eq!(masked("36010219900307123611"), "****************3611");
    assert_eq!(masked("0851-12345678"), "****-****5678");
    assert_eq!(masked("13812345678"), "*******5678");
    assert_eq!(masked("12"), "12");
    assert_eq!(last_four("0851-12345678"), "5678");
    assert_eq!(last_four("1234567890123456789X"), "789X");
    assert_eq!(
        parse_phone("13812345678").map(|p| p.to_string()),
        Ok("*******5678".into())
    );
}

fn field(ty: FieldType) -> Field {
    Field {
        id: "f".into(),
        label: "app-field-name".into(),
        help: None,
        ty,
        required: false,
        min_len: None,
        max_len: None,
        min: None,
        max: None,
        choices: vec![],
        prefill: None,
    }
}

#[test]
fn values_are_normalised_or_refused_with_a_kind() {
    let t = today();
    let mut text = field(FieldType::Text);
    text.max_len = Some(4);
    text.min_len = Some(2);
    assert_eq!(normalise(&text, "  ab ", &t), Ok("ab".into()));
    assert_eq!(normalise(&text, "a", &t), Err(Problem::TooShort { min: 2 }));
    assert_eq!(
        normalise(&text, "abcde", &t),
        Err(Problem::TooLong { max: 4 })
    );
    assert_eq!(
        normalise(&text, "a\u{0007}b", &t),
        Err(Problem::ControlCharacter)
    );
    assert_eq!(
        normalise(&text, "a\u{202E}b", &t),
        Err(Problem::ControlCharacter)
    );
    assert_eq!(normalise(&text, "", &t), Ok(String::new()));

    let mut n = field(FieldType::Number);
    n.min = Some(0);
    n.max = Some(70);
    assert_eq!(normalise(&n, "１２", &t), Ok("12".into()));
    assert_eq!(normalise(&n, "+7", &t), Ok("7".into()));
    assert_eq!(normalise(&n, "-1", &t), Err(Problem::TooSmall { min: 0 }));
    assert_eq!(normalise(&n, "71", &t), Err(Problem::TooLarge { max: 70 }));
    assert_eq!(normalise(&n, "7.5", &t), Err(Problem::NotANumber));
    assert_eq!(
        normalise(&n, "99999999999999999999999", &t),
        Err(Problem::TooLarge { max: 70 })
    );

    let d = field(FieldType::Date);
    assert_eq!(normalise(&d, "2025年3月1日", &t), Ok("2025-03-01".into()));
    assert_eq!(normalise(&d, "2025-02-30", &t), Err(Problem::BadDate));

    let mut c = field(FieldType::Choice);
    c.choices = vec![
        Choice {
            value: "full_time".into(),
            label: "x".into(),
        },
        Choice {
            value: "part_time".into(),
            label: "y".into(),
        },
    ];
    assert_eq!(normalise(&c, "part-time", &t), Ok("part_time".into()));
    assert_eq!(normalise(&c, "1", &t), Ok("full_time".into()));
    assert_eq!(normalise(&c, "２", &t), Ok("part_time".into()));
    assert_eq!(normalise(&c, "3", &t), Err(Problem::NotAChoice));
    assert_eq!(normalise(&c, "0", &t), Err(Problem::NotAChoice));

    let y = field(FieldType::YesNo);
    assert_eq!(normalise(&y, "是", &t), Ok("yes".into()));
    assert_eq!(normalise(&y, "No", &t), Ok("no".into()));
    assert_eq!(normalise(&y, "maybe", &t), Err(Problem::NotYesNo));

    let card = field(FieldType::Card);
    assert_eq!(
        normalise(&card, "360102 19900307 1236 11", &t),
        Ok("36010219900307123611".into())
    );
    assert!(matches!(
        normalise(&card, "3601021990030712361", &t),
        Err(Problem::Card(CardError::TooShort { len: 19 }))
    ));

    let p = field(FieldType::Phone);
    assert_eq!(
        normalise(&p, "+86 138-1234-5678", &t),
        Ok("13812345678".into())
    );
    assert!(matches!(normalise(&p, "123", &t), Err(Problem::Phone(_))));
}

#[test]
fn validate_lists_every_problem_in_form_order() {
    let forms = bundled_forms();
    let form = form_for(&forms, Kind::MassageExam).expect("form");
    let mut v = Values::new();
    v.insert("phone".into(), "123".into());
    v.insert("graduation".into(), "2020年2月30日".into());
    v.insert("nonsense".into(), "x".into());
    let errs = validate(form, &v, &today());
    let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "name",
            "card",
            "phone",
            "address",
            "education",
            "school",
            "major",
            "graduation",
            "practice_years",
            "exam_format",
            "nonsense"
        ]
    );
    assert_eq!(errs[0].problem, Problem::Required);
    assert!(matches!(errs[2].problem, Problem::Phone(_)));
    assert_eq!(errs[7].problem, Problem::BadDate);
    assert_eq!(errs[10].problem, Problem::UnknownField);

    let complete: Values = [
        ("name", "王小明"),
        ("card", "36010219900307123611"),
        ("phone", "13812345678"),
        ("address", "南昌市东湖区某路1号"),
        ("education", "secondary_vocational"),
        ("school", "江西省盲人按摩学校"),
        ("major", "中医按摩"),
        ("graduation", "2012-07-01"),
        ("practice_years", "12"),
        ("exam_format", "braille"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(validate(form, &complete, &today()), vec![]);
}

#[test]
fn stored_values_keep_what_was_typed_when_it_is_wrong() {
    let d = field(FieldType::Date);
    assert_eq!(
        stored_value(&d, " 2025年3月1日 ", &today()),
        ("2025-03-01".to_string(), None)
    );
    assert_eq!(
        stored_value(&d, "明年春天", &today()),
        ("明年春天".to_string(), Some(Problem::BadDate))
    );
}

#[test]
fn status_moves_only_forward_and_anything_open_can_be_withdrawn() {
    use Status::*;
    let allowed: Vec<(Status, Status)> = Status::ALL
        .into_iter()
        .flat_map(|a| Status::ALL.into_iter().map(move |b| (a, b)))
        .filter(|(a, b)| a.can_move_to(*b))
        .collect();
    assert_eq!(
        allowed,
        [
            (Draft, Filed),
            (Draft, Withdrawn),
            (Filed, HandedOver),
            (Filed, Withdrawn),
            (HandedOver, Accepted),
            (HandedOver, Rejected),
            (HandedOver, Withdrawn),
        ]
    );
    for s in Status::ALL {
        assert_eq!(Status::from_key(s.key()), Some(s));
    }
    assert_eq!(Status::from_key("handed-over"), Some(HandedOver));
}

#[test]
fn prefill_takes_the_profile_and_the_card() {
    let forms = bundled_forms();
    let form = form_for(&forms, Kind::FourOneBasicInfo).expect("form");
    let mut p = StoredProfile {
        label: "王先生".into(),
        card: "36010219900307123611".into(),
        region: Some("jiangxi".into()),
        ..Default::default()
    };
    p.facts.insert(Fact::Education, "college".into());
    p.facts.insert(Fact::Employed, "no".into());
    p.grade = Some(Grade::Two);
    let names = |id: &str| (id == "jiangxi").then(|| "江西".to_string());
    let v = prefill(form, &p, &names, &today());
    let get = |k: &str| v.get(k).map(String::as_str);
    assert_eq!(get("name"), Some("王先生"));
    assert_eq!(get("card"), Some("36010219900307123611"));
    assert_eq!(get("hukou"), Some("江西"));
    assert_eq!(get("birth"), Some("1990-03-07"));
    assert_eq!(get("sex"), Some("male"));
    assert_eq!(get("category"), Some("visual"));
    assert_eq!(
        get("grade"),
        Some("2"),
        "the profile's grade wins over the card's"
    );
    assert_eq!(get("education"), Some("college"));
    assert_eq!(get("employed"), Some("no"));
    assert_eq!(get("phone"), None);
    p.sex = Some(Sex::Female);
    p.card = "bad".into();
    let v = prefill(form, &p, &names, &today());
    assert_eq!(v.get("sex").map(String::as_str), Some("female"));
    assert_eq!(v.get("card"), None, "a bad card number is not copied");
}

#[test]
fn documents_come_from_the_targeted_rule_with_its_citation() {
    let ds = crate::domain::dataset::DataSet::from_files(&crate::store::embedded::bundled())
        .expect("data loads");
    let rule = ds
        .rules
        .iter()
        .find(|r| !r.spec.bring.is_empty())
        .expect("a rule with documents to bring");
    let src = DocumentSources {
        rules: &ds.rules,
        paths: &ds.paths,
    };
    let docs = documents_for(Kind::Entitlement, &rule.spec.id, &src);
    assert_eq!(docs.len(), rule.spec.bring.len());
    assert_eq!(docs[0].what, rule.spec.bring[0]);
    assert_eq!(docs[0].citation, rule.spec.citation);
    assert!(documents_for(Kind::Entitlement, "no-such-rule", &src).is_empty());
    // The certificate step names what to bring, cited by the step.
    let step = ds
        .paths
        .iter()
        .find_map(|p| p.step("medical-certificate"))
        .expect("the certificate step");
    let docs = documents_for(Kind::MassageCertificate, "medical-certificate", &src);
    assert_eq!(docs.len(), step.spec.bring.len());
    assert!(!docs.is_empty());
    assert_eq!(docs[0].citation, step.spec.citations[0]);
    assert!(documents_for(Kind::MassageExam, "no-such-step", &src).is_empty());
    assert!(documents_for(Kind::Job, &rule.spec.id, &src).is_empty());
}

// ---------------------------------------------------------------------------
// Properties (deterministic generator, thousands of cases)

#[test]
fn property_every_real_date_round_trips_in_every_written_form() {
    let mut rng = Rng(0x5eed_da7e);
    for _ in 0..20_000 {
        let year = 1900 + rng.below(301) as i32;
        let month = 1 + rng.below(12) as u32;
        let day = 1 + rng.below(u64::from(crate::domain::card::days_in_month(year, month))) as u32;
        let d = Date::new(year, month, day).expect("real");
        let pad = rng.chance(50);
        let (m, dd) = if pad {
            (format!("{month:02}"), format!("{day:02}"))
        } else {
            (month.to_string(), day.to_string())
        };
        let s = match rng.below(6) {
            0 => format!("{year}-{m}-{dd}"),
            1 => format!("{year}/{m}/{dd}"),
            2 => format!("{year}.{m}.{dd}"),
            3 => format!("{year}年{m}月{dd}日"),
            4 => format!("{year}年{m}月{dd}号"),
            _ => format!("{year}{month:02}{day:02}"),
        };
        let s = if rng.chance(30) { full_width(&s) } else { s };
        let s = if rng.chance(20) { format!("  {s} ") } else { s };
        assert_eq!(parse_date(&s), Some(d), "{s}");
        assert_eq!(parse_date(&d.to_iso()), Some(d));
    }
}

#[test]
fn property_impossible_dates_are_refused() {
    let mut rng = Rng(42);
    for _ in 0..20_000 {
        let year = 1900 + rng.below(301) as i32;
        let month = rng.below(15) as u32;
        let day = rng.below(34) as u32;
        let real = Date::new(year, month, day).is_some();
        let s = format!("{year}-{month}-{day}");
        assert_eq!(parse_date(&s).is_some(), real, "{s}");
        let s = format!("{year}年{month}月{day}日");
        assert_eq!(parse_date(&s).is_some(), real, "{s}");
    }
}

fn digits(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'0' + rng.below(10) as u8))
        .collect()
}

#[test]
fn property_phone_numbers_round_trip_whatever_the_separators() {
    let mut rng = Rng(7);
    for _ in 0..20_000 {
        let (expect, bare, intl) = if rng.chance(60) {
            let m = format!("1{}{}", 3 + rng.below(7), digits(&mut rng, 9));
            (Phone::Mobile(m.clone()), m.clone(), m)
        } else {
            let area = match rng.below(3) {
                0 => "010".to_string(),
                1 => format!("02{}", rng.below(10)),
                _ => format!("0{}{}", 3 + rng.below(7), digits(&mut rng, 2)),
            };
            let len = 7 + rng.below(2) as usize;
            let number = format!("{}{}", 1 + rng.below(9), digits(&mut rng, len - 1));
            let p = Phone::Landline {
                area: area.clone(),
                number: number.clone(),
            };
            (
                p,
                format!("{area}{number}"),
                format!("{}{number}", &area[1..]),
            )
        };
        // Separators between random digits.
        let seps = [" ", "-", "", "", "－", " - ", "."];
        let mut s = String::new();
        let use_intl = rng.chance(25);
        if use_intl {
            s.push_str(rng.pick(&["+86", "+86 ", "0086", "0086 ", "(+86)"]));
        }
        let body = if use_intl { &intl } else { &bare };
        for (i, c) in body.chars().enumerate() {
            if i > 0 && rng.chance(20) {
                s.push_str(rng.pick(&seps));
            }
            s.push(c);
        }
        let s = if rng.chance(30) { full_width(&s) } else { s };
        assert_eq!(parse_phone(&s), Ok(expect.clone()), "{s}");
        let norm = expect.normalised();
        assert_eq!(parse_phone(&norm), Ok(expect), "{norm}");
    }
}

#[test]
fn property_phone_parsing_never_accepts_a_wrong_length_mobile() {
    let mut rng = Rng(99);
    for _ in 0..10_000 {
        let len = rng.below(20) as usize;
        let s = format!("1{}", digits(&mut rng, len));
        let ok = parse_phone(&s).is_ok();
        let second = s.as_bytes().get(1).copied().unwrap_or(b'0');
        assert_eq!(ok, s.len() == 11 && (b'3'..=b'9').contains(&second), "{s}");
    }
}

/// Text nobody should type, and text a screen reader user may paste.
fn hostile(rng: &mut Rng) -> String {
    const PARTS: &[&str] = &[
        "\u{0000}",
        "\u{0007}",
        "\n",
        "\r\n",
        "\t",
        "\u{001b}[31m",
        "\u{202E}",
        "\u{200F}",
        "\u{2066}",
        "\u{FEFF}",
        "\u{200D}",
        "👩‍🦯",
        "🦮",
        "e\u{0301}",
        "０１２３",
        "２０２５年",
        "月",
        "日",
        "-",
        "/",
        ".",
        "+86",
        "0086",
        "1",
        "9",
        "X",
        "x",
        "王",
        "𠀀",
        "\u{10FFFF}",
        " ",
        "\u{3000}",
        "'",
        "\"",
        ",",
        "=cmd|' /C calc'!A0",
        "yes",
        "是",
        "3",
        "-9223372036854775808",
        "99999999999999999999",
    ];
    let n = rng.below(12) as usize;
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(rng.pick(PARTS));
    }
    if rng.chance(2) {
        // Huge: a pasted book, or a stuck key.
        let unit = rng.pick(PARTS).to_string();
        s.push_str(&unit.repeat(50_000 / unit.len().max(1)));
    }
    s
}

#[test]
fn property_the_validator_never_panics_and_normalising_is_idempotent() {
    let forms = bundled_forms();
    let t = today();
    let mut rng = Rng(0xbad_1dea);
    for _ in 0..3_000 {
        let form = &forms[rng.below(forms.len() as u64) as usize];
        let mut values = Values::new();
        for f in &form.fields {
            if rng.chance(70) {
                values.insert(f.id.clone(), hostile(&mut rng));
            }
        }
        if rng.chance(10) {
            values.insert(hostile(&mut rng), hostile(&mut rng));
        }
        let errs = validate(form, &values, &t);
        assert!(errs.len() <= form.fields.len() + values.len());
        for f in &form.fields {
            let raw = values.get(&f.id).map_or("", String::as_str);
            let _ = parse_date(raw);
            let _ = parse_phone(raw);
            if let Ok(n) = normalise(f, raw, &t) {
                assert_eq!(normalise(f, &n, &t), Ok(n.clone()), "{:?} {n:?}", f.id);
                assert!(n.chars().count() <= MAX_VALUE_CHARS);
                assert!(!n.chars().any(char::is_control));
            }
            let (stored, _) = stored_value(f, raw, &t);
            assert!(stored.chars().count() <= MAX_VALUE_CHARS);
            let _ = masked(&stored);
            let _ = last_four(&stored);
        }
    }
}
