//! Job postings: what a posting is, its closed vocabularies, and checking one
//! record field by field (the import path and the sample generator both make
//! postings through [`Posting::from_fields`]).

pub mod import;
pub mod sample;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Who is hiring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmployerKind {
    /// 机关
    Government,
    /// 事业单位
    PublicInstitution,
    /// 国企
    StateEnterprise,
    /// 民企
    PrivateEnterprise,
    /// 社会组织
    SocialOrganisation,
    /// 个体
    Individual,
}

/// What kind of work it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    /// 市场招聘
    OpenMarket,
    /// 公益性岗位
    PublicWelfare,
    /// 辅助性就业
    Sheltered,
    /// 集中就业
    Concentrated,
    /// 见习
    Internship,
    /// 按摩
    Massage,
}

/// Disability categories, numbered as on the disability card (1 视力 … 7 多重).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Visual,
    Hearing,
    Speech,
    Physical,
    Intellectual,
    Psychosocial,
    Multiple,
}

/// The words accepted for each value in imports: the key, then Chinese names.
pub const EMPLOYER_KINDS: &[(EmployerKind, &str, &[&str])] = &[
    (
        EmployerKind::Government,
        "government",
        &["机关", "機關", "政府", "政府机关"],
    ),
    (
        EmployerKind::PublicInstitution,
        "public_institution",
        &["事业单位", "事業單位"],
    ),
    (
        EmployerKind::StateEnterprise,
        "state_enterprise",
        &["国企", "国有企业", "國企", "國有企業"],
    ),
    (
        EmployerKind::PrivateEnterprise,
        "private_enterprise",
        &["民企", "民营企业", "民營企業", "私营企业"],
    ),
    (
        EmployerKind::SocialOrganisation,
        "social_organisation",
        &["社会组织", "社會組織", "民办非企业单位", "社会团体"],
    ),
    (
        EmployerKind::Individual,
        "individual",
        &["个体", "個體", "个体工商户"],
    ),
];

pub const JOB_KINDS: &[(JobKind, &str, &[&str])] = &[
    (
        JobKind::OpenMarket,
        "open_market",
        &["市场招聘", "市場招聘", "普通岗位", "公开招聘"],
    ),
    (
        JobKind::PublicWelfare,
        "public_welfare",
        &["公益性岗位", "公益性崗位", "公益岗位", "公益岗"],
    ),
    (
        JobKind::Sheltered,
        "sheltered",
        &["辅助性就业", "輔助性就業"],
    ),
    (
        JobKind::Concentrated,
        "concentrated",
        &["集中就业", "集中就業", "福利企业"],
    ),
    (
        JobKind::Internship,
        "internship",
        &["见习", "見習", "见习岗位"],
    ),
    (
        JobKind::Massage,
        "massage",
        &[
            "按摩",
            "盲人按摩",
            "保健按摩",
            "医疗按摩",
            "盲人保健按摩",
            "盲人医疗按摩",
        ],
    ),
];

pub const CATEGORIES: &[(Category, &str, &[&str])] = &[
    (Category::Visual, "visual", &["视力", "視力", "1"]),
    (Category::Hearing, "hearing", &["听力", "聽力", "2"]),
    (Category::Speech, "speech", &["言语", "言語", "3"]),
    (Category::Physical, "physical", &["肢体", "肢體", "4"]),
    (Category::Intellectual, "intellectual", &["智力", "5"]),
    (Category::Psychosocial, "psychosocial", &["精神", "6"]),
    (Category::Multiple, "multiple", &["多重", "7"]),
];

fn lookup<T: Copy>(table: &[(T, &str, &[&str])], s: &str) -> Option<T> {
    let s = s.trim();
    table
        .iter()
        .find(|(_, k, names)| k.eq_ignore_ascii_case(s) || names.contains(&s))
        .map(|(v, _, _)| *v)
}
/// The keys of a vocabulary, for "not one of: …" messages.
pub fn allowed<T>(table: &[(T, &str, &[&str])]) -> String {
    table
        .iter()
        .map(|(_, k, _)| *k)
        .collect::<Vec<_>>()
        .join(", ")
}

fn key_of<T: Copy + PartialEq>(table: &[(T, &'static str, &[&str])], v: T) -> &'static str {
    table
        .iter()
        .find(|(x, _, _)| *x == v)
        .map_or("", |(_, k, _)| k)
}

impl EmployerKind {
    pub fn parse(s: &str) -> Option<Self> {
        lookup(EMPLOYER_KINDS, s)
    }
    pub fn key(self) -> &'static str {
        key_of(EMPLOYER_KINDS, self)
    }
}
impl JobKind {
    pub fn parse(s: &str) -> Option<Self> {
        lookup(JOB_KINDS, s)
    }
    pub fn key(self) -> &'static str {
        key_of(JOB_KINDS, self)
    }
}
impl Category {
    pub fn parse(s: &str) -> Option<Self> {
        lookup(CATEGORIES, s)
    }
    pub fn key(self) -> &'static str {
        key_of(CATEGORIES, self)
    }
    /// The digit on the disability card.
    pub fn card_digit(self) -> u8 {
        CATEGORIES
            .iter()
            .position(|(c, _, _)| *c == self)
            .map_or(0, |i| i as u8 + 1)
    }
}

/// One job posting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    pub id: String,
    pub title: String,
    pub employer: String,
    pub employer_kind: EmployerKind,
    pub province: String,
    pub city: String,
    #[serde(default)]
    pub district: Option<String>,
    /// Where the work is done; `None` when home-based or not given.
    #[serde(default)]
    pub workplace: Option<String>,
    /// 居家就业: the work is done from home.
    pub home_based: bool,
    pub kind: JobKind,
    /// Who it suits; empty means the posting does not say.
    #[serde(default)]
    pub categories: Vec<Category>,
    #[serde(default)]
    pub accessibility: Option<String>,
    /// Monthly pay in yuan.
    #[serde(default)]
    pub pay_min: Option<u32>,
    #[serde(default)]
    pub pay_max: Option<u32>,
    #[serde(default)]
    pub hours: Option<String>,
    #[serde(default)]
    pub requirements: Option<String>,
    #[serde(default)]
    pub how_to_apply: Option<String>,
    #[serde(default)]
    pub contact: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: String,
    #[serde(default)]
    pub closing: Option<String>,
    /// Where the posting came from (a service centre, a job fair, "sample data").
    pub source: String,
    /// Made by the generator, not a real job.
    pub sample: bool,
}

/// The columns of the import format, in order (CSV header and JSON keys).
pub const COLUMNS: &[&str] = &[
    "id",
    "title",
    "employer",
    "employer_kind",
    "province",
    "city",
    "district",
    "workplace",
    "home_based",
    "kind",
    "categories",
    "accessibility",
    "pay_min",
    "pay_max",
    "hours",
    "requirements",
    "how_to_apply",
    "contact",
    "published",
    "closing",
    "source",
    "sample",
];

/// Why a field of a record was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldProblem {
    #[error("required")]
    Missing,
    #[error("not one of the allowed values: {0}")]
    NotAllowed(String),
    #[error("not a date (use YYYY-MM-DD, 2025年3月1日 or 20250301)")]
    BadDate,
    #[error("not a whole number of yuan")]
    BadNumber,
    #[error("not yes or no")]
    BadBool,
    #[error("the lowest pay is more than the highest")]
    PayRange,
    #[error("closes before it is published")]
    DateRange,
    #[error("too long (at most {0} characters)")]
    TooLong(usize),
}

/// A problem with one field: which column, and what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{column}: {problem}")]
pub struct FieldError {
    pub column: String,
    pub problem: FieldProblem,
}

/// Longest text accepted in any field: protects the cache and the screen
/// from a broken file, not a limit a real posting meets.
pub const MAX_FIELD_CHARS: usize = 4000;

/// A date typed in any common form, as `YYYY-MM-DD`: 2025-03-01, 2025/3/1,
/// 2025.3.1, 2025年3月1日, 20250301.
pub fn parse_date(s: &str) -> Option<String> {
    // Spreadsheets often export a date cell with a time: "2025/3/1 0:00".
    let s = s.trim().split([' ', 'T']).next().unwrap_or("");
    let digits: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (y, m, d) = match digits.as_slice() {
        [ymd] if s.len() == 8 && s.chars().all(|c| c.is_ascii_digit()) => {
            (ymd / 10000, ymd / 100 % 100, ymd % 100)
        }
        [y, m, d] => (*y, *m, *d),
        _ => return None,
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1900..=2200).contains(&y) && (1..=days).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// "贵州省" → "贵州", "广州市" → "广州"; names that would be left empty stay whole.
fn short_place(s: &str) -> String {
    for suffix in ["省", "市"] {
        if let Some(short) = s.strip_suffix(suffix)
            && short.chars().count() >= 2
        {
            return short.to_string();
        }
    }
    s.to_string()
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "是" | "居家" | "居家就业" | "居家就業" => {
            Some(true)
        }
        "no" | "n" | "false" | "0" | "否" | "" => Some(false),
        _ => None,
    }
}

impl Posting {
    /// A posting from named text fields (a CSV row or a JSON object turned
    /// into text). Every problem is reported, not just the first.
    pub fn from_fields(fields: &BTreeMap<String, String>) -> Result<Posting, Vec<FieldError>> {
        let mut errors = vec![];
        let mut err = |column: &str, problem: FieldProblem| {
            errors.push(FieldError {
                column: column.to_string(),
                problem,
            })
        };
        let get = |k: &str| fields.get(k).map(|v| v.trim()).filter(|v| !v.is_empty());
        for (k, v) in fields {
            if v.chars().count() > MAX_FIELD_CHARS {
                err(k, FieldProblem::TooLong(MAX_FIELD_CHARS));
            }
        }
        let mut required = |k: &str| -> String {
            match get(k) {
                Some(v) => v.to_string(),
                None => {
                    err(k, FieldProblem::Missing);
                    String::new()
                }
            }
        };
        let id = required("id");
        let title = required("title");
        let employer = required("employer");
        // 贵州省 and 贵州 are one place: keep the short name, as filters use it.
        let province = short_place(&required("province"));
        let city = short_place(&required("city"));
        let source = required("source");
        let published_raw = required("published");
        let employer_kind = match get("employer_kind").map(EmployerKind::parse) {
            Some(Some(k)) => Some(k),
            Some(None) => {
                err(
                    "employer_kind",
                    FieldProblem::NotAllowed(allowed(EMPLOYER_KINDS)),
                );
                None
            }
            None => {
                err("employer_kind", FieldProblem::Missing);
                None
            }
        };
        let kind = match get("kind").map(JobKind::parse) {
            Some(Some(k)) => Some(k),
            Some(None) => {
                err("kind", FieldProblem::NotAllowed(allowed(JOB_KINDS)));
                None
            }
            None => {
                err("kind", FieldProblem::Missing);
                None
            }
        };
        let mut categories = vec![];
        if let Some(c) = get("categories") {
            let mut bad = false;
            for part in c
                .split([';', '、', ',', '，', '|', ' '])
                .filter(|p| !p.trim().is_empty())
            {
                match Category::parse(part) {
                    Some(cat) if !categories.contains(&cat) => categories.push(cat),
                    Some(_) => {}
                    None => bad = true,
                }
            }
            if bad {
                err("categories", FieldProblem::NotAllowed(allowed(CATEGORIES)));
            }
        }
        categories.sort();
        let home_based = match get("home_based").map(parse_bool) {
            Some(Some(b)) => b,
            Some(None) => {
                err("home_based", FieldProblem::BadBool);
                false
            }
            None => false,
        };
        let sample = match get("sample").map(parse_bool) {
            Some(Some(b)) => b,
            Some(None) => {
                err("sample", FieldProblem::BadBool);
                false
            }
            None => false,
        };
        let mut money = |k: &str| -> Option<u32> {
            let v = get(k)?;
            let cleaned: String = v
                .chars()
                .filter(|c| !matches!(c, ',' | '，' | '元' | ' '))
                .collect();
            match cleaned.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    err(k, FieldProblem::BadNumber);
                    None
                }
            }
        };
        let pay_min = money("pay_min");
        let pay_max = money("pay_max");
        if let (Some(a), Some(b)) = (pay_min, pay_max)
            && a > b
        {
            err("pay_max", FieldProblem::PayRange);
        }
        let published = if published_raw.is_empty() {
            String::new()
        } else {
            parse_date(&published_raw).unwrap_or_else(|| {
                err("published", FieldProblem::BadDate);
                String::new()
            })
        };
        let closing = match get("closing") {
            None => None,
            Some(c) => match parse_date(c) {
                Some(d) => Some(d),
                None => {
                    err("closing", FieldProblem::BadDate);
                    None
                }
            },
        };
        if let Some(c) = &closing
            && !published.is_empty()
            && *c < published
        {
            err("closing", FieldProblem::DateRange);
        }
        let opt = |k: &str| get(k).map(str::to_string);
        let (Some(employer_kind), Some(kind)) = (employer_kind, kind) else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Posting {
            id,
            title,
            employer,
            employer_kind,
            province,
            city,
            district: opt("district"),
            workplace: opt("workplace"),
            home_based,
            kind,
            categories,
            accessibility: opt("accessibility"),
            pay_min,
            pay_max,
            hours: opt("hours"),
            requirements: opt("requirements"),
            how_to_apply: opt("how_to_apply"),
            contact: opt("contact"),
            published,
            closing,
            source,
            sample,
        })
    }

    /// The posting as named text fields, the inverse of [`Posting::from_fields`].
    pub fn to_fields(&self) -> BTreeMap<String, String> {
        let mut m = BTreeMap::new();
        let mut put = |k: &str, v: String| {
            m.insert(k.to_string(), v);
        };
        put("id", self.id.clone());
        put("title", self.title.clone());
        put("employer", self.employer.clone());
        put("employer_kind", self.employer_kind.key().into());
        put("province", self.province.clone());
        put("city", self.city.clone());
        put("district", self.district.clone().unwrap_or_default());
        put("workplace", self.workplace.clone().unwrap_or_default());
        put(
            "home_based",
            if self.home_based { "yes" } else { "no" }.into(),
        );
        put("kind", self.kind.key().into());
        put(
            "categories",
            self.categories
                .iter()
                .map(|c| c.key())
                .collect::<Vec<_>>()
                .join(";"),
        );
        put(
            "accessibility",
            self.accessibility.clone().unwrap_or_default(),
        );
        put(
            "pay_min",
            self.pay_min.map(|n| n.to_string()).unwrap_or_default(),
        );
        put(
            "pay_max",
            self.pay_max.map(|n| n.to_string()).unwrap_or_default(),
        );
        put("hours", self.hours.clone().unwrap_or_default());
        put(
            "requirements",
            self.requirements.clone().unwrap_or_default(),
        );
        put(
            "how_to_apply",
            self.how_to_apply.clone().unwrap_or_default(),
        );
        put("contact", self.contact.clone().unwrap_or_default());
        put("published", self.published.clone());
        put("closing", self.closing.clone().unwrap_or_default());
        put("source", self.source.clone());
        put("sample", if self.sample { "yes" } else { "no" }.into());
        m
    }

    /// The text that search looks in besides the title: employer,
    /// requirements and notes (accessibility). Changing it changes the
    /// index: rebuild it with a new migration in `store/jobs.rs`.
    pub fn body_text(&self) -> String {
        let mut s = String::with_capacity(256);
        for part in [
            Some(self.employer.as_str()),
            self.requirements.as_deref(),
            self.accessibility.as_deref(),
        ]
        .into_iter()
        .flatten()
        {
            s.push_str(part);
            s.push('\n');
        }
        s
    }

    /// Everything search looks in: the title and [`Posting::body_text`].
    pub fn search_text(&self) -> String {
        format!("{}\n{}", self.title, self.body_text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> BTreeMap<String, String> {
        [
            ("id", "gz-1"),
            ("title", "云客服"),
            ("employer", "某公司"),
            ("employer_kind", "民企"),
            ("province", "贵州"),
            ("city", "贵阳"),
            ("home_based", "是"),
            ("kind", "市场招聘"),
            ("categories", "视力;肢体"),
            ("pay_min", "3000"),
            ("pay_max", "4,500元"),
            ("published", "2025年3月1日"),
            ("closing", "20250401"),
            ("source", "贵阳市残联"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    #[test]
    fn a_good_record_parses_and_round_trips() {
        let p = Posting::from_fields(&good()).expect("good");
        assert_eq!(p.published, "2025-03-01");
        assert_eq!(p.closing.as_deref(), Some("2025-04-01"));
        assert_eq!(p.pay_max, Some(4500));
        assert!(p.home_based);
        let mut f = good();
        f.insert("province".into(), "贵州省".into());
        f.insert("city".into(), "贵阳市".into());
        let p2 = Posting::from_fields(&f).expect("long names");
        assert_eq!((p2.province.as_str(), p2.city.as_str()), ("贵州", "贵阳"));
        assert_eq!(p.categories, vec![Category::Visual, Category::Physical]);
        assert_eq!(Posting::from_fields(&p.to_fields()).expect("again"), p);
    }

    #[test]
    fn every_problem_is_reported_with_its_column() {
        let mut f = good();
        f.remove("title");
        f.insert("kind".into(), "兼职".into());
        f.insert("pay_min".into(), "9000".into());
        f.insert("closing".into(), "2025-02-30".into());
        let errs = Posting::from_fields(&f).expect_err("bad");
        let cols: Vec<&str> = errs.iter().map(|e| e.column.as_str()).collect();
        assert!(
            cols.contains(&"title")
                && cols.contains(&"kind")
                && cols.contains(&"pay_max")
                && cols.contains(&"closing"),
            "{errs:?}"
        );
    }

    #[test]
    fn dates_in_common_forms() {
        assert_eq!(parse_date("2025-03-01").as_deref(), Some("2025-03-01"));
        assert_eq!(parse_date("2025/3/1").as_deref(), Some("2025-03-01"));
        assert_eq!(parse_date("2025年3月1日").as_deref(), Some("2025-03-01"));
        assert_eq!(parse_date("20250301").as_deref(), Some("2025-03-01"));
        assert_eq!(parse_date("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(parse_date("2025-02-29"), None);
        assert_eq!(parse_date("2025-13-01"), None);
        assert_eq!(parse_date("soon"), None);
        assert_eq!(parse_date("2025031"), None);
        assert_eq!(parse_date("2025/3/1 0:00").as_deref(), Some("2025-03-01"));
        assert_eq!(
            parse_date("2025-03-01T08:00:00").as_deref(),
            Some("2025-03-01")
        );
    }

    #[test]
    fn categories_match_the_card_digits() {
        assert_eq!(Category::Visual.card_digit(), 1);
        assert_eq!(Category::Multiple.card_digit(), 7);
        assert_eq!(Category::parse("1"), Some(Category::Visual));
    }
}
