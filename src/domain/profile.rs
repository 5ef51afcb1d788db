//! A person's saved profile: what the entitlements form holds, kept in
//! records.sqlite so a service-centre worker can keep several clients and
//! come back to them. Personal data: never logged, the card number shown by
//! its last four digits only.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::card::{Grade, Sex};
use super::jobs::Category;
use super::rules::Fact;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoredProfile {
    /// A name or form of address ("王先生"), as the worker types it.
    pub label: String,
    /// The card number exactly as typed (checked when read back).
    pub card: String,
    pub region: Option<String>,
    pub category: Option<Category>,
    pub grade: Option<Grade>,
    /// `YYYY-MM-DD` as typed.
    pub birth: String,
    pub sex: Option<Sex>,
    pub facts: BTreeMap<Fact, String>,
}

impl StoredProfile {
    /// The last four characters of the card number, if one was typed.
    pub fn card_last_four(&self) -> Option<String> {
        let digits: Vec<char> = self
            .card
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        (digits.len() >= 4).then(|| digits[digits.len() - 4..].iter().collect())
    }
}

/// A saved profile as listed: its id, label and masked card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileSummary {
    pub id: i64,
    pub label: String,
    pub card_last_four: Option<String>,
    pub updated_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_as_json_and_masks_the_card() {
        let mut p = StoredProfile {
            label: "王先生".into(),
            card: "36010219900307123611".into(),
            ..Default::default()
        };
        p.facts.insert(Fact::Dibao, "yes".into());
        let json = serde_json::to_string(&p).expect("json");
        assert_eq!(
            serde_json::from_str::<StoredProfile>(&json).expect("back"),
            p
        );
        assert_eq!(p.card_last_four().as_deref(), Some("3611"));
        assert_eq!(StoredProfile::default().card_last_four(), None);
    }
}
