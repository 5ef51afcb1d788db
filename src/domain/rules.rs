//! Entitlement rules as data (`data/rules/*.toml`) and their evaluation for
//! a profile, as of a date. Pure: every outcome carries its reasons (each
//! condition, the fact used, the result) and the citation; nothing is
//! worded here.
//!
//! Three outcomes: eligible, not eligible, unknown (with the missing facts).
//! Precedence is explicit: a regional rule names the national rule it
//! replaces (`overrides`); two rules of one topic that can both apply to
//! one person with no precedence between them is a data error.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::card::{Date, Grade, Sex};
use super::jobs::Category;

/// The facts a rule may ask about. Names are stable snake_case words (the
/// CLI's `--fact name=value`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    Employed,
    RegisteredUnemployed,
    HardToEmploy,
    /// Graduating this year.
    Graduating,
    Education,
    Student,
    Rural,
    /// 低保 recipient or member of a 低保 family.
    Dibao,
    ZeroEmploymentFamily,
    SelfEmployed,
    StartingBusiness,
    ShelteredEmployment,
    PublicWelfarePost,
    /// For the retirement-age calculation of women: retiring at 55 (cadre) rather than 50.
    FemaleCadre,
    // ── Blind massage (the navigator, `data/paths/`) ──
    /// Studied medical massage, or a massage-related medical major.
    MassageMajor,
    /// Held a blind medical massage professional title before 2009-09-01.
    #[serde(rename = "title_before_2009")]
    TitleBefore2009,
    /// Years of continuous blind medical massage practice before 2009-09-01.
    #[serde(rename = "practice_years_before_2009")]
    PracticeYearsBefore2009,
    /// Of those, years of continuous practice in a medical institution.
    #[serde(rename = "hospital_years_before_2009")]
    HospitalYearsBefore2009,
    /// Passed the national blind medical massage exam.
    MedicalExamPassed,
    /// Holds the prefecture federation's review certificate (审核证明).
    ReviewCertificate,
    /// Holds the blind medical massage qualification certificate (资格证书).
    QualificationCertificate,
    /// Filed for practice by a medical institution (执业备案).
    PracticeFiled,
    /// Years of blind medical massage practice in all.
    MedicalMassageYears,
    /// Trained in health-care massage.
    HealthMassageTrained,
    /// Skill level held under the 保健按摩师 standard.
    HealthMassageLevel,
}

/// What values a fact takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    YesNo,
    /// One of these, lowest first (`at_least` compares them).
    Levels(&'static [&'static str]),
    /// Whole years, 0 to 80 (`min` and `below` compare them).
    Years,
}

/// The most years a years fact may say.
pub const MAX_YEARS: u32 = 80;

/// Values of `health_massage_level`, lowest first: none, then 五级 (level5) … 一级 (level1).
pub const HEALTH_MASSAGE_LEVELS: &[&str] =
    &["none", "level5", "level4", "level3", "level2", "level1"];

/// Values of the `education` fact, lowest first.
pub const EDUCATION_LEVELS: &[&str] = &[
    "primary",
    "junior_secondary",
    "senior_secondary",
    "secondary_vocational",
    "college",
    "bachelor",
    "postgraduate",
];

impl Fact {
    /// Every fact: the general ones, then the massage ones.
    pub const ALL: [Fact; 25] = {
        let mut out = [Fact::Employed; 25];
        let mut i = 0;
        while i < Self::GENERAL.len() {
            out[i] = Self::GENERAL[i];
            i += 1;
        }
        let mut j = 0;
        while j < Self::MASSAGE.len() {
            out[Self::GENERAL.len() + j] = Self::MASSAGE[j];
            j += 1;
        }
        out
    };
    /// The facts the entitlements form asks (the massage ones belong to the navigator).
    pub const GENERAL: [Fact; 14] = [
        Fact::Employed,
        Fact::RegisteredUnemployed,
        Fact::HardToEmploy,
        Fact::Graduating,
        Fact::Education,
        Fact::Student,
        Fact::Rural,
        Fact::Dibao,
        Fact::ZeroEmploymentFamily,
        Fact::SelfEmployed,
        Fact::StartingBusiness,
        Fact::ShelteredEmployment,
        Fact::PublicWelfarePost,
        Fact::FemaleCadre,
    ];
    /// The facts the massage navigator asks, besides education.
    pub const MASSAGE: [Fact; 11] = [
        Fact::MassageMajor,
        Fact::TitleBefore2009,
        Fact::PracticeYearsBefore2009,
        Fact::HospitalYearsBefore2009,
        Fact::MedicalExamPassed,
        Fact::ReviewCertificate,
        Fact::QualificationCertificate,
        Fact::PracticeFiled,
        Fact::MedicalMassageYears,
        Fact::HealthMassageTrained,
        Fact::HealthMassageLevel,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Fact::Employed => "employed",
            Fact::RegisteredUnemployed => "registered_unemployed",
            Fact::HardToEmploy => "hard_to_employ",
            Fact::Graduating => "graduating",
            Fact::Education => "education",
            Fact::Student => "student",
            Fact::Rural => "rural",
            Fact::Dibao => "dibao",
            Fact::ZeroEmploymentFamily => "zero_employment_family",
            Fact::SelfEmployed => "self_employed",
            Fact::StartingBusiness => "starting_business",
            Fact::ShelteredEmployment => "sheltered_employment",
            Fact::PublicWelfarePost => "public_welfare_post",
            Fact::FemaleCadre => "female_cadre",
            Fact::MassageMajor => "massage_major",
            Fact::TitleBefore2009 => "title_before_2009",
            Fact::PracticeYearsBefore2009 => "practice_years_before_2009",
            Fact::HospitalYearsBefore2009 => "hospital_years_before_2009",
            Fact::MedicalExamPassed => "medical_exam_passed",
            Fact::ReviewCertificate => "review_certificate",
            Fact::QualificationCertificate => "qualification_certificate",
            Fact::PracticeFiled => "practice_filed",
            Fact::MedicalMassageYears => "medical_massage_years",
            Fact::HealthMassageTrained => "health_massage_trained",
            Fact::HealthMassageLevel => "health_massage_level",
        }
    }
    pub fn from_key(s: &str) -> Option<Fact> {
        Self::ALL.into_iter().find(|f| f.key() == s)
    }
    pub fn kind(self) -> FactKind {
        match self {
            Fact::Education => FactKind::Levels(EDUCATION_LEVELS),
            Fact::HealthMassageLevel => FactKind::Levels(HEALTH_MASSAGE_LEVELS),
            Fact::PracticeYearsBefore2009
            | Fact::HospitalYearsBefore2009
            | Fact::MedicalMassageYears => FactKind::Years,
            _ => FactKind::YesNo,
        }
    }
    /// The values this fact takes (besides `unknown`); empty for years.
    pub fn values(self) -> &'static [&'static str] {
        match self.kind() {
            FactKind::Levels(l) => l,
            FactKind::YesNo => &["yes", "no"],
            FactKind::Years => &[],
        }
    }
    /// Whether `v` is a value of this fact (a whole number of years 0–80 for years).
    pub fn accepts(self, v: &str) -> bool {
        match self.kind() {
            FactKind::Years => v.parse::<u32>().is_ok_and(|n| n <= MAX_YEARS),
            _ => self.values().contains(&v),
        }
    }
}

/// One condition of a rule, as written in the data (exactly one kind per table).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionSpec {
    /// A fact equal to `is`, or one of `any_of`.
    #[serde(default)]
    pub fact: Option<Fact>,
    #[serde(default)]
    pub is: Option<String>,
    #[serde(default)]
    pub any_of: Option<Vec<String>>,
    /// At least this education level (`education` only).
    #[serde(default)]
    pub at_least: Option<String>,
    /// Disability category in this list.
    #[serde(default)]
    pub category: Option<Vec<Category>>,
    /// Disability grade (1 most severe … 4) in this list.
    #[serde(default)]
    pub grade: Option<Vec<u8>>,
    /// Age in full years on the evaluation date.
    #[serde(default)]
    pub age_min: Option<u32>,
    #[serde(default)]
    pub age_max: Option<u32>,
    /// Between 16 and the statutory retirement age (national-rules §5).
    #[serde(default)]
    pub working_age: Option<bool>,
    /// Any one of these conditions.
    #[serde(default)]
    pub any: Option<Vec<ConditionSpec>>,
    /// A requirement the app cannot judge (years of practice, a local
    /// definition): always "unknown", worded for the office to check.
    #[serde(default)]
    pub verify: Option<String>,
    /// Sex (male or female), from the card or as entered.
    #[serde(default)]
    pub sex: Option<Sex>,
    /// All of these conditions (inside `any`).
    #[serde(default)]
    pub all: Option<Vec<ConditionSpec>>,
    /// For a years fact: at least this many.
    #[serde(default)]
    pub min: Option<u32>,
    /// For a years fact: fewer than this many.
    #[serde(default)]
    pub below: Option<u32>,
    /// An earlier step of the same path is done (massage paths only).
    #[serde(default)]
    pub step: Option<String>,
}

/// A checked condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    FactIs {
        fact: Fact,
        value: String,
    },
    FactIn {
        fact: Fact,
        values: Vec<String>,
    },
    /// An ordered fact (education, skill level) at this value or higher.
    AtLeast {
        fact: Fact,
        value: String,
    },
    /// A years fact within `min..below`.
    Years {
        fact: Fact,
        min: Option<u32>,
        below: Option<u32>,
    },
    /// An earlier step of the same path is done (paths only; rules refuse it).
    Step(String),
    Category(Vec<Category>),
    Grade(Vec<Grade>),
    Age {
        min: Option<u32>,
        max: Option<u32>,
    },
    WorkingAge,
    Any(Vec<Condition>),
    /// Checked by the office, not by the app.
    Verify(String),
    Sex(Sex),
    All(Vec<Condition>),
}

impl Condition {
    /// Whether this condition, or one inside it, asks about a path's step.
    pub fn mentions_step(&self) -> bool {
        match self {
            Condition::Step(_) => true,
            Condition::Any(cs) | Condition::All(cs) => cs.iter().any(Condition::mentions_step),
            _ => false,
        }
    }
}

/// A citation: a seed document's clause with an exact quote, or a national
/// document's article as given in `data/sources/national-rules.md`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// File name under `data/sources/`.
    pub source: String,
    /// Clause path (二(五)3) or article (第15条).
    pub clause: String,
    /// Exact words of the source.
    pub quote: String,
    /// For national rules: the document the reference file cites (《残疾人就业条例》).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Checked against the document's text.
    #[default]
    Text,
    /// Found only in reprints: said so on screen.
    Secondary,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    pub what: String,
    pub value: f64,
    pub unit: String,
    #[serde(default)]
    pub per: Option<String>,
    #[serde(default)]
    pub written: Option<String>,
    #[serde(default)]
    pub valid_from: Option<String>,
    #[serde(default)]
    pub valid_until: Option<String>,
    pub citation: Citation,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub id: String,
    pub title: String,
    /// `national`, or a region id from plans.toml.
    pub scope: String,
    /// Rules about the same benefit share a topic (precedence is checked per topic).
    pub topic: String,
    #[serde(default)]
    pub overrides: Vec<String>,
    /// What the person gets, in plain words.
    pub benefit: String,
    /// How and where to apply, where the sources say.
    #[serde(default)]
    pub apply: Option<String>,
    /// What to bring, where the sources say.
    #[serde(default)]
    pub bring: Vec<String>,
    #[serde(default)]
    pub valid_from: Option<String>,
    #[serde(default)]
    pub valid_until: Option<String>,
    #[serde(default)]
    pub conditions: Vec<ConditionSpec>,
    #[serde(default, rename = "amount")]
    pub amounts: Vec<Amount>,
    pub citation: Citation,
    #[serde(default)]
    pub confidence: Confidence,
    /// Set by the loader, not written in the data: the source is a draft
    /// for comment (代拟稿), which the app says.
    #[serde(default)]
    pub from_draft: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub spec: RuleSpec,
    pub conditions: Vec<Condition>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    #[serde(rename = "rule", default)]
    pub rules: Vec<RuleSpec>,
}

/// What is wrong with a condition as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConditionError {
    #[error(
        "a condition must have exactly one of fact, category, grade, age_min/age_max, working_age, any"
    )]
    NotExactlyOne,
    #[error("fact {fact} cannot be {value:?} (allowed: {allowed})")]
    BadValue {
        fact: &'static str,
        value: String,
        allowed: String,
    },
    #[error("fact {0} needs `is`, `any_of` or `at_least`")]
    NoTest(&'static str),
    #[error("at_least is for education and health_massage_level only")]
    AtLeastNotEducation,
    #[error("fact {0} counts years: use min and/or below")]
    YearsNeedRange(&'static str),
    #[error("min and below are for facts that count years")]
    RangeNotYears,
    #[error("a step condition belongs to a path, not a rule")]
    StepOutsidePath,
    #[error("grade must be 1 to 4, not {0}")]
    BadGrade(u8),
    #[error("an empty list")]
    Empty,
}

fn check_value(fact: Fact, v: &str) -> Result<(), ConditionError> {
    if fact.accepts(v) {
        Ok(())
    } else {
        Err(ConditionError::BadValue {
            fact: fact.key(),
            value: v.to_string(),
            allowed: fact.values().join(", "),
        })
    }
}

impl ConditionSpec {
    pub fn check(&self) -> Result<Condition, ConditionError> {
        let kinds = [
            self.fact.is_some(),
            self.category.is_some(),
            self.grade.is_some(),
            self.age_min.is_some() || self.age_max.is_some(),
            self.working_age.is_some(),
            self.any.is_some(),
            self.verify.is_some(),
            self.sex.is_some(),
            self.all.is_some(),
            self.step.is_some(),
        ];
        if kinds.iter().filter(|k| **k).count() != 1 {
            return Err(ConditionError::NotExactlyOne);
        }
        if (self.min.is_some() || self.below.is_some())
            && self.fact.is_none_or(|f| f.kind() != FactKind::Years)
        {
            return Err(ConditionError::RangeNotYears);
        }
        if let Some(fact) = self.fact.filter(|f| f.kind() == FactKind::Years) {
            if self.min.is_none() && self.below.is_none()
                || self.is.is_some()
                || self.any_of.is_some()
                || self.at_least.is_some()
            {
                return Err(ConditionError::YearsNeedRange(fact.key()));
            }
            return Ok(Condition::Years {
                fact,
                min: self.min,
                below: self.below,
            });
        }
        if let Some(step) = &self.step {
            if step.trim().is_empty() {
                return Err(ConditionError::Empty);
            }
            return Ok(Condition::Step(step.clone()));
        }
        if let Some(fact) = self.fact {
            return match (&self.is, &self.any_of, &self.at_least) {
                (Some(v), None, None) => {
                    check_value(fact, v)?;
                    Ok(Condition::FactIs {
                        fact,
                        value: v.clone(),
                    })
                }
                (None, Some(vs), None) => {
                    if vs.is_empty() {
                        return Err(ConditionError::Empty);
                    }
                    for v in vs {
                        check_value(fact, v)?;
                    }
                    Ok(Condition::FactIn {
                        fact,
                        values: vs.clone(),
                    })
                }
                (None, None, Some(v)) if matches!(fact.kind(), FactKind::Levels(_)) => {
                    check_value(fact, v)?;
                    Ok(Condition::AtLeast {
                        fact,
                        value: v.clone(),
                    })
                }
                (None, None, Some(_)) => Err(ConditionError::AtLeastNotEducation),
                _ => Err(ConditionError::NoTest(fact.key())),
            };
        }
        if let Some(c) = &self.category {
            if c.is_empty() {
                return Err(ConditionError::Empty);
            }
            return Ok(Condition::Category(c.clone()));
        }
        if let Some(g) = &self.grade {
            if g.is_empty() {
                return Err(ConditionError::Empty);
            }
            let grades = g
                .iter()
                .map(|d| Grade::from_digit(*d).ok_or(ConditionError::BadGrade(*d)))
                .collect::<Result<_, _>>()?;
            return Ok(Condition::Grade(grades));
        }
        if self.working_age == Some(true) {
            return Ok(Condition::WorkingAge);
        }
        if let Some(sex) = self.sex {
            return Ok(Condition::Sex(sex));
        }
        if let Some(all) = &self.all {
            if all.is_empty() {
                return Err(ConditionError::Empty);
            }
            return Ok(Condition::All(
                all.iter()
                    .map(ConditionSpec::check)
                    .collect::<Result<_, _>>()?,
            ));
        }
        if let Some(v) = &self.verify {
            if v.trim().is_empty() {
                return Err(ConditionError::Empty);
            }
            return Ok(Condition::Verify(v.clone()));
        }
        if let Some(any) = &self.any {
            if any.is_empty() {
                return Err(ConditionError::Empty);
            }
            return Ok(Condition::Any(
                any.iter()
                    .map(ConditionSpec::check)
                    .collect::<Result<_, _>>()?,
            ));
        }
        if self.working_age == Some(false) {
            return Err(ConditionError::NotExactlyOne);
        }
        Ok(Condition::Age {
            min: self.age_min,
            max: self.age_max,
        })
    }
}

/// What is known about a person. Absent facts are unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    /// A region id from plans.toml, or `elsewhere` (national rules only).
    pub region: Option<String>,
    pub category: Option<Category>,
    pub grade: Option<Grade>,
    pub birth: Option<Date>,
    pub sex: Option<Sex>,
    pub facts: BTreeMap<Fact, String>,
    /// For paths: whether each earlier step is done (Met), not (NotMet) or unknown.
    pub steps: BTreeMap<String, Test>,
}

impl Profile {
    pub fn fact(&self, f: Fact) -> Option<&str> {
        self.facts
            .get(&f)
            .map(String::as_str)
            .filter(|v| *v != "unknown")
    }
}

/// The result of testing one condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Test {
    Met,
    NotMet,
    Unknown,
}

/// What the person's profile lacks for a rule to be decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    Region,
    Category,
    Grade,
    BirthDate,
    Sex,
    Fact(Fact),
}

/// One condition, what was used to test it, and the result.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    /// Which of the rule's conditions (an index into `Rule::conditions`).
    pub index: usize,
    /// The profile's value that was tested ("yes", "visual", "34"), if known.
    pub used: Option<String>,
    pub test: Test,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Eligible,
    NotEligible,
    Unknown,
}

/// Why a rule does not apply regardless of the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Validity {
    InForce,
    /// Valid until this date, which has passed.
    Expired(String),
    /// Not yet in force until this date.
    NotYet(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub rule: String,
    pub outcome: Outcome,
    /// True when the rule's region is the person's (or the rule is national).
    pub in_scope: Option<bool>,
    pub validity: Validity,
    /// A regional rule that replaces this one for this person: its id and title.
    pub replaced_by: Option<String>,
    pub replaced_by_title: Option<String>,
    pub reasons: Vec<Reason>,
    pub missing: Vec<Missing>,
}

/// All of these: not met as soon as one is not, unknown if any is unknown.
pub(crate) fn tri_all(tests: impl IntoIterator<Item = Test>) -> Test {
    let mut out = Test::Met;
    for t in tests {
        match t {
            Test::NotMet => return Test::NotMet,
            Test::Unknown => out = Test::Unknown,
            Test::Met => {}
        }
    }
    out
}

fn tri_any(tests: impl IntoIterator<Item = Test>) -> Test {
    let mut out = Test::NotMet;
    for t in tests {
        match t {
            Test::Met => return Test::Met,
            Test::Unknown => out = Test::Unknown,
            Test::NotMet => {}
        }
    }
    out
}

use super::card::age_on;

fn sex_key(s: Sex) -> &'static str {
    match s {
        Sex::Male => "male",
        Sex::Female => "female",
    }
}

/// Test one condition; pushes what is missing.
pub fn test(
    c: &Condition,
    p: &Profile,
    as_of: &Date,
    missing: &mut BTreeSet<Missing>,
) -> (Test, Option<String>) {
    match c {
        Condition::FactIs { fact, value } => match p.fact(*fact) {
            Some(v) => (
                if v == value { Test::Met } else { Test::NotMet },
                Some(v.to_string()),
            ),
            None => {
                missing.insert(Missing::Fact(*fact));
                (Test::Unknown, None)
            }
        },
        Condition::FactIn { fact, values } => match p.fact(*fact) {
            Some(v) => (
                if values.iter().any(|x| x == v) {
                    Test::Met
                } else {
                    Test::NotMet
                },
                Some(v.to_string()),
            ),
            None => {
                missing.insert(Missing::Fact(*fact));
                (Test::Unknown, None)
            }
        },
        Condition::AtLeast { fact, value: level } => match p.fact(*fact) {
            Some(v) => {
                let rank = |x: &str| fact.values().iter().position(|l| *l == x);
                let met = matches!((rank(v), rank(level)), (Some(a), Some(b)) if a >= b);
                (
                    if met { Test::Met } else { Test::NotMet },
                    Some(v.to_string()),
                )
            }
            None => {
                missing.insert(Missing::Fact(*fact));
                (Test::Unknown, None)
            }
        },
        Condition::Years { fact, min, below } => {
            match p.fact(*fact).and_then(|v| v.parse::<u32>().ok()) {
                Some(n) => {
                    let met = min.is_none_or(|m| n >= m) && below.is_none_or(|b| n < b);
                    (
                        if met { Test::Met } else { Test::NotMet },
                        Some(n.to_string()),
                    )
                }
                None => {
                    missing.insert(Missing::Fact(*fact));
                    (Test::Unknown, None)
                }
            }
        }
        Condition::Step(id) => (p.steps.get(id).copied().unwrap_or(Test::Unknown), None),
        Condition::Category(cats) => match p.category {
            Some(c) => (
                if cats.contains(&c) {
                    Test::Met
                } else {
                    Test::NotMet
                },
                Some(c.key().to_string()),
            ),
            None => {
                missing.insert(Missing::Category);
                (Test::Unknown, None)
            }
        },
        Condition::Grade(grades) => match p.grade {
            Some(g) => (
                if grades.contains(&g) {
                    Test::Met
                } else {
                    Test::NotMet
                },
                Some(g.digit().to_string()),
            ),
            None => {
                missing.insert(Missing::Grade);
                (Test::Unknown, None)
            }
        },
        Condition::Age { min, max } => match &p.birth {
            Some(b) => {
                let a = age_on(b, as_of);
                let met = min.is_none_or(|m| a >= m) && max.is_none_or(|m| a <= m);
                (
                    if met { Test::Met } else { Test::NotMet },
                    Some(a.to_string()),
                )
            }
            None => {
                missing.insert(Missing::BirthDate);
                (Test::Unknown, None)
            }
        },
        Condition::WorkingAge => {
            let Some(b) = &p.birth else {
                missing.insert(Missing::BirthDate);
                return (Test::Unknown, None);
            };
            let age = age_on(b, as_of);
            if age < super::card::working_age_lower() {
                return (Test::NotMet, Some(age.to_string()));
            }
            let Some(sex) = p.sex else {
                missing.insert(Missing::Sex);
                return (Test::Unknown, Some(age.to_string()));
            };
            let cadre = p.fact(Fact::FemaleCadre).map(|v| v == "yes");
            let under = |c: Option<bool>| {
                super::card::statutory_retirement(b, sex, c).map(|retire| *as_of < retire)
            };
            let decided = match (sex, cadre) {
                (Sex::Female, None) => match (under(Some(false)), under(Some(true))) {
                    // Worker or cadre, the answer is the same: no need to ask.
                    (Some(a), Some(b)) if a == b => Some(a),
                    _ => None,
                },
                _ => under(cadre),
            };
            match decided {
                Some(true) => (Test::Met, Some(age.to_string())),
                Some(false) => (Test::NotMet, Some(age.to_string())),
                None => {
                    missing.insert(Missing::Fact(Fact::FemaleCadre));
                    (Test::Unknown, Some(age.to_string()))
                }
            }
        }
        Condition::Verify(_) => (Test::Unknown, None),
        Condition::Sex(want) => match p.sex {
            Some(s) => (
                if s == *want { Test::Met } else { Test::NotMet },
                Some(sex_key(s).to_string()),
            ),
            None => {
                missing.insert(Missing::Sex);
                (Test::Unknown, None)
            }
        },
        Condition::All(cs) => {
            let mut local = BTreeSet::new();
            // Stops at the first condition not met; an unknown outcome has
            // looked at them all, so its missing facts are complete.
            let t = tri_all(cs.iter().map(|c| test(c, p, as_of, &mut local).0));
            if t == Test::Unknown {
                missing.extend(local);
            }
            (t, None)
        }
        Condition::Any(cs) => {
            let mut local = BTreeSet::new();
            let t = tri_any(cs.iter().map(|c| test(c, p, as_of, &mut local).0));
            if t == Test::Unknown {
                missing.extend(local);
            }
            (t, None)
        }
    }
}

/// Evaluate every rule for a profile as of a date.
pub fn evaluate(rules: &[Rule], p: &Profile, as_of: &Date) -> Vec<Evaluation> {
    let as_of_iso = as_of.to_iso();
    let mut out: Vec<Evaluation> = rules
        .iter()
        .map(|r| {
            let mut missing = BTreeSet::new();
            let in_scope = if r.spec.scope == "national" {
                Some(true)
            } else {
                match &p.region {
                    Some(region) => Some(*region == r.spec.scope),
                    None => {
                        missing.insert(Missing::Region);
                        None
                    }
                }
            };
            let validity = match (&r.spec.valid_from, &r.spec.valid_until) {
                (_, Some(until)) if *until < as_of_iso => Validity::Expired(until.clone()),
                (Some(from), _) if *from > as_of_iso => Validity::NotYet(from.clone()),
                _ => Validity::InForce,
            };
            let reasons: Vec<Reason> = r
                .conditions
                .iter()
                .enumerate()
                .map(|(index, c)| {
                    let (t, used) = test(c, p, as_of, &mut missing);
                    Reason {
                        index,
                        used,
                        test: t,
                    }
                })
                .collect();
            let conds = tri_all(reasons.iter().map(|r| r.test));
            let scope = match in_scope {
                Some(true) => Test::Met,
                Some(false) => Test::NotMet,
                None => Test::Unknown,
            };
            let mut outcome = match tri_all([scope, conds]) {
                Test::Met => Outcome::Eligible,
                Test::NotMet => Outcome::NotEligible,
                Test::Unknown => Outcome::Unknown,
            };
            if validity != Validity::InForce {
                outcome = Outcome::NotEligible;
            }
            let missing = if outcome == Outcome::Unknown {
                missing.into_iter().collect()
            } else {
                vec![]
            };
            Evaluation {
                rule: r.spec.id.clone(),
                outcome,
                in_scope,
                validity,
                replaced_by: None,
                replaced_by_title: None,
                reasons,
                missing,
            }
        })
        .collect();
    // A regional rule in scope replaces the national rules it names.
    for r in rules {
        // Only a local rule in force replaces: once a plan has expired, the
        // national rule stands again.
        let applies = out.iter().any(|e| {
            e.rule == r.spec.id
                && e.in_scope == Some(true)
                && e.validity == Validity::InForce
                && r.spec.scope != "national"
        });
        if !applies {
            continue;
        }
        for target in &r.spec.overrides {
            if let Some(e) = out.iter_mut().find(|e| &e.rule == target) {
                e.replaced_by = Some(r.spec.id.clone());
                e.replaced_by_title = Some(r.spec.title.clone());
                e.outcome = Outcome::NotEligible;
                e.missing.clear();
            }
        }
    }
    out
}

/// Two rules of one topic that can apply to the same person with no
/// precedence between them: a data error, never resolved silently.
pub fn precedence_conflicts(rules: &[Rule]) -> Vec<(String, String)> {
    let mut out = vec![];
    for (i, a) in rules.iter().enumerate() {
        for b in &rules[i + 1..] {
            if a.spec.topic != b.spec.topic {
                continue;
            }
            let overlap = a.spec.scope == b.spec.scope
                || a.spec.scope == "national"
                || b.spec.scope == "national";
            let ordered =
                a.spec.overrides.contains(&b.spec.id) || b.spec.overrides.contains(&a.spec.id);
            if overlap && !ordered {
                out.push((a.spec.id.clone(), b.spec.id.clone()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fact_keys_are_their_serde_names() {
        let distinct: BTreeSet<Fact> = Fact::ALL.into_iter().collect();
        assert_eq!(distinct.len(), Fact::ALL.len(), "every fact once");
        for f in Fact::ALL {
            let json = serde_json::to_string(&f).expect("json");
            assert_eq!(json, format!("{:?}", f.key()));
            assert_eq!(Fact::from_key(f.key()), Some(f));
        }
        assert!(Fact::HospitalYearsBefore2009.accepts("16"));
        assert!(!Fact::HospitalYearsBefore2009.accepts("-1"));
        assert!(!Fact::HospitalYearsBefore2009.accepts("81"));
        assert!(Fact::HealthMassageLevel.accepts("level4"));
    }

    fn rule(id: &str, scope: &str, topic: &str, conditions: &str, extra: &str) -> Rule {
        let text = format!(
            "[[rule]]\nid = {id:?}\ntitle = \"t\"\nscope = {scope:?}\ntopic = {topic:?}\nbenefit = \"b\"\n{extra}\nconditions = [{conditions}]\ncitation = {{ source = \"s\", clause = \"c\", quote = \"q\" }}\n"
        );
        let f: RulesFile = toml::from_str(&text).expect("rule toml");
        let spec = f.rules.into_iter().next().expect("one rule");
        let conditions = spec
            .conditions
            .iter()
            .map(|c| c.check())
            .collect::<Result<_, _>>()
            .expect("conditions");
        Rule { spec, conditions }
    }

    fn date(s: &str) -> Date {
        Date::parse(s).expect("date")
    }

    fn profile(region: &str, facts: &[(Fact, &str)]) -> Profile {
        Profile {
            region: Some(region.into()),
            facts: facts.iter().map(|(f, v)| (*f, (*v).to_string())).collect(),
            ..Profile::default()
        }
    }

    #[test]
    fn three_outcomes_with_missing_facts() {
        let r = rule(
            "j-dibao",
            "jiangxi",
            "dibao",
            "{ fact = \"dibao\", is = \"yes\" }, { fact = \"employed\", is = \"yes\" }",
            "",
        );
        let on = date("2024-01-01");
        let e = &evaluate(
            std::slice::from_ref(&r),
            &profile("jiangxi", &[(Fact::Dibao, "yes"), (Fact::Employed, "yes")]),
            &on,
        )[0];
        assert_eq!(e.outcome, Outcome::Eligible);
        let e = &evaluate(
            std::slice::from_ref(&r),
            &profile("jiangxi", &[(Fact::Dibao, "no")]),
            &on,
        )[0];
        assert_eq!(
            e.outcome,
            Outcome::NotEligible,
            "one condition not met decides, whatever is unknown"
        );
        let e = &evaluate(
            std::slice::from_ref(&r),
            &profile(
                "jiangxi",
                &[(Fact::Dibao, "yes"), (Fact::Employed, "unknown")],
            ),
            &on,
        )[0];
        assert_eq!(e.outcome, Outcome::Unknown);
        assert_eq!(e.missing, vec![Missing::Fact(Fact::Employed)]);
        let e = &evaluate(
            std::slice::from_ref(&r),
            &profile("guizhou", &[(Fact::Dibao, "yes"), (Fact::Employed, "yes")]),
            &on,
        )[0];
        assert_eq!(e.outcome, Outcome::NotEligible, "another region");
        let mut p = profile("x", &[(Fact::Dibao, "yes"), (Fact::Employed, "yes")]);
        p.region = None;
        let e = &evaluate(std::slice::from_ref(&r), &p, &on)[0];
        assert_eq!(
            (e.outcome, e.missing.clone()),
            (Outcome::Unknown, vec![Missing::Region])
        );
    }

    #[test]
    fn expired_rules_say_so_instead_of_vanishing() {
        let r = rule("j", "national", "t", "", "valid_until = \"2024-12-31\"");
        let e = &evaluate(
            std::slice::from_ref(&r),
            &Profile::default(),
            &date("2025-01-01"),
        )[0];
        assert_eq!(e.outcome, Outcome::NotEligible);
        assert_eq!(e.validity, Validity::Expired("2024-12-31".into()));
        let e = &evaluate(
            std::slice::from_ref(&r),
            &Profile::default(),
            &date("2024-12-31"),
        )[0];
        assert_eq!(e.outcome, Outcome::Eligible);
    }

    #[test]
    fn any_category_grade_age_and_education() {
        let r = rule(
            "r",
            "national",
            "t",
            "{ any = [ { category = [\"visual\"] }, { grade = [1, 2] } ] }, { age_min = 16, age_max = 35 }, { fact = \"education\", at_least = \"secondary_vocational\" }",
            "",
        );
        let on = date("2024-06-01");
        let mut p = Profile {
            category: Some(Category::Physical),
            grade: Some(Grade::Two),
            birth: Some(date("2000-06-02")),
            ..Profile::default()
        };
        p.facts.insert(Fact::Education, "college".into());
        assert_eq!(
            evaluate(std::slice::from_ref(&r), &p, &on)[0].outcome,
            Outcome::Eligible,
            "grade 2 meets the any; aged 23"
        );
        p.facts.insert(Fact::Education, "senior_secondary".into());
        assert_eq!(
            evaluate(std::slice::from_ref(&r), &p, &on)[0].outcome,
            Outcome::NotEligible,
            "below 中专"
        );
        p.facts.remove(&Fact::Education);
        p.grade = None;
        let e = &evaluate(std::slice::from_ref(&r), &p, &on)[0];
        assert_eq!(e.outcome, Outcome::Unknown);
        assert_eq!(
            e.missing,
            vec![Missing::Grade, Missing::Fact(Fact::Education)]
        );
    }

    #[test]
    fn working_age_follows_the_retirement_reform() {
        let r = rule("r", "national", "t", "{ working_age = true }", "");
        let man = Profile {
            birth: Some(date("1965-01-15")),
            sex: Some(Sex::Male),
            ..Profile::default()
        };
        // Born January 1965: retires at 60 years and 1 month, in February 2025.
        assert_eq!(
            evaluate(std::slice::from_ref(&r), &man, &date("2025-01-31"))[0].outcome,
            Outcome::Eligible
        );
        assert_eq!(
            evaluate(std::slice::from_ref(&r), &man, &date("2025-03-01"))[0].outcome,
            Outcome::NotEligible
        );
        let woman = Profile {
            birth: Some(date("1980-01-15")),
            sex: Some(Sex::Female),
            ..Profile::default()
        };
        // Aged 44: of working age whether she would retire as a worker or a cadre.
        assert_eq!(
            evaluate(std::slice::from_ref(&r), &woman, &date("2024-01-01"))[0].outcome,
            Outcome::Eligible
        );
        // Born 1975-03: a worker retires in 2025, a cadre in 2031: between, it depends.
        let w2 = Profile {
            birth: Some(date("1975-03-10")),
            sex: Some(Sex::Female),
            ..Profile::default()
        };
        let e = &evaluate(std::slice::from_ref(&r), &w2, &date("2027-01-01"))[0];
        assert_eq!(
            (e.outcome, e.missing.clone()),
            (Outcome::Unknown, vec![Missing::Fact(Fact::FemaleCadre)])
        );
        let child = Profile {
            birth: Some(date("2010-01-01")),
            ..Profile::default()
        };
        assert_eq!(
            evaluate(std::slice::from_ref(&r), &child, &date("2024-01-01"))[0].outcome,
            Outcome::NotEligible
        );
    }

    #[test]
    fn a_regional_rule_replaces_the_national_one_it_names() {
        let national = rule("n", "national", "subsidy", "", "");
        let local = rule("j", "jiangxi", "subsidy", "", "overrides = [\"n\"]");
        let rules = vec![national, local];
        assert!(precedence_conflicts(&rules).is_empty());
        let out = evaluate(&rules, &profile("jiangxi", &[]), &date("2024-01-01"));
        assert_eq!(out[0].replaced_by.as_deref(), Some("j"));
        assert_eq!(out[0].outcome, Outcome::NotEligible);
        assert_eq!(out[1].outcome, Outcome::Eligible);
        let out = evaluate(&rules, &profile("guizhou", &[]), &date("2024-01-01"));
        assert_eq!(
            out[0].outcome,
            Outcome::Eligible,
            "elsewhere the national rule stands"
        );
    }

    #[test]
    fn an_expired_local_rule_does_not_hide_the_national_one() {
        let national = rule("n", "national", "subsidy", "", "");
        let local = rule(
            "j",
            "jiangxi",
            "subsidy",
            "",
            "overrides = [\"n\"]\nvalid_until = \"2024-12-31\"",
        );
        let rules = vec![national, local];
        let out = evaluate(&rules, &profile("jiangxi", &[]), &date("2025-06-01"));
        assert_eq!(out[0].replaced_by, None);
        assert_eq!(out[0].outcome, Outcome::Eligible);
        assert_eq!(out[1].validity, Validity::Expired("2024-12-31".into()));
    }

    #[test]
    fn rules_of_one_topic_without_precedence_are_a_conflict() {
        let a = rule("a", "national", "subsidy", "", "");
        let b = rule("b", "jiangxi", "subsidy", "", "");
        let c = rule("c", "guizhou", "other", "", "");
        assert_eq!(
            precedence_conflicts(&[a, b, c]),
            vec![("a".to_string(), "b".to_string())]
        );
    }

    #[test]
    fn bad_conditions_are_refused() {
        let bad = |c: &str| -> ConditionError {
            let text = format!(
                "[[rule]]\nid = \"x\"\ntitle = \"t\"\nscope = \"national\"\ntopic = \"t\"\nbenefit = \"b\"\nconditions = [{c}]\ncitation = {{ source = \"s\", clause = \"c\", quote = \"q\" }}\n"
            );
            let f: RulesFile = toml::from_str(&text).expect("toml");
            f.rules[0].conditions[0].check().expect_err(c)
        };
        assert!(matches!(
            bad("{ fact = \"dibao\", is = \"maybe\" }"),
            ConditionError::BadValue { .. }
        ));
        assert!(matches!(
            bad("{ fact = \"dibao\" }"),
            ConditionError::NoTest(_)
        ));
        assert!(matches!(
            bad("{ fact = \"dibao\", is = \"yes\", grade = [1] }"),
            ConditionError::NotExactlyOne
        ));
        assert!(matches!(
            bad("{ grade = [5] }"),
            ConditionError::BadGrade(5)
        ));
        assert!(matches!(
            bad("{ fact = \"dibao\", at_least = \"yes\" }"),
            ConditionError::AtLeastNotEducation
        ));
    }
}
