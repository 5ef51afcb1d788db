//! A case file's profile (`tests/cases/`, `tests/paths/`): region, card or
//! category and grade, birth date, sex and facts, read into a `Profile`.
//! Included by the case-runner tests with `#[path]`.

use std::collections::BTreeMap;

use serde::Deserialize;
use tingjian::domain::card::{CardNumber, Date, Grade, Sex};
use tingjian::domain::jobs::Category;
use tingjian::domain::rules::{Fact, Profile};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CaseProfile {
    pub region: Option<String>,
    pub card: Option<String>,
    pub category: Option<String>,
    pub grade: Option<u8>,
    pub birth: Option<String>,
    pub sex: Option<String>,
    #[serde(default)]
    pub facts: BTreeMap<String, String>,
}

pub fn profile(c: &CaseProfile, as_of: &Date) -> Result<Profile, String> {
    let mut p = Profile {
        region: c.region.clone(),
        ..Profile::default()
    };
    if let Some(card) = &c.card {
        let (card, _) = CardNumber::parse(card, as_of).map_err(|e| format!("card: {e}"))?;
        let d = card.disability();
        p.category = Some(d.category);
        p.grade = Some(d.grade);
        p.birth = Some(card.birth_date());
        p.sex = Some(card.sex());
    }
    if let Some(cat) = &c.category {
        p.category = Some(Category::parse(cat).ok_or(format!("category {cat}"))?);
    }
    if let Some(g) = c.grade {
        p.grade = Some(Grade::from_digit(g).ok_or(format!("grade {g}"))?);
    }
    if let Some(b) = &c.birth {
        p.birth = Some(Date::parse(b).ok_or(format!("birth {b}"))?);
    }
    if let Some(s) = &c.sex {
        p.sex = Some(match s.as_str() {
            "male" => Sex::Male,
            "female" => Sex::Female,
            _ => return Err(format!("sex {s}")),
        });
    }
    for (k, v) in &c.facts {
        let f = Fact::from_key(k).ok_or(format!("unknown fact {k}"))?;
        if v != "unknown" && !f.accepts(v) {
            return Err(format!("fact {k} cannot be {v}"));
        }
        p.facts.insert(f, v.clone());
    }
    Ok(p)
}
