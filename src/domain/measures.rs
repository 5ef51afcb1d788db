//! Policy measures and regional targets, one file per plan document
//! (`data/measures/<document>.toml`, schema in `data/measures/README.md`).
//! Every measure, number and target is cited with a quote that must be
//! verbatim in the document's source text.

use serde::{Deserialize, Serialize};

/// The ten actions of the national plan (国办发〔2022〕6号), plus `General`
/// for targets and safeguards that belong to no single action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    PublicBodies,
    StateEnterprises,
    PrivateEnterprises,
    SocialOrganisations,
    HardToEmploy,
    Rural,
    Graduates,
    BlindMassage,
    EmploymentServices,
    VocationalSkills,
    General,
}

impl Action {
    pub const ALL: [Action; 11] = [
        Action::PublicBodies,
        Action::StateEnterprises,
        Action::PrivateEnterprises,
        Action::SocialOrganisations,
        Action::HardToEmploy,
        Action::Rural,
        Action::Graduates,
        Action::BlindMassage,
        Action::EmploymentServices,
        Action::VocationalSkills,
        Action::General,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Action::PublicBodies => "public_bodies",
            Action::StateEnterprises => "state_enterprises",
            Action::PrivateEnterprises => "private_enterprises",
            Action::SocialOrganisations => "social_organisations",
            Action::HardToEmploy => "hard_to_employ",
            Action::Rural => "rural",
            Action::Graduates => "graduates",
            Action::BlindMassage => "blind_massage",
            Action::EmploymentServices => "employment_services",
            Action::VocationalSkills => "vocational_skills",
            Action::General => "general",
        }
    }
    pub fn from_key(s: &str) -> Option<Action> {
        Self::ALL.into_iter().find(|a| a.key() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    /// An agency's or employer's duty: nobody can claim it.
    Duty,
    /// Something a person (or an employer hiring) can ask for or receive.
    Support,
    /// A promised figure.
    Target,
}

impl MeasureKind {
    pub fn key(self) -> &'static str {
        match self {
            MeasureKind::Duty => "duty",
            MeasureKind::Support => "support",
            MeasureKind::Target => "target",
        }
    }
    pub fn from_key(s: &str) -> Option<Self> {
        [Self::Duty, Self::Support, Self::Target]
            .into_iter()
            .find(|k| k.key() == s)
    }
}

/// Who gains from a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    DisabledPeople,
    VisuallyDisabled,
    HearingSpeechDisabled,
    PhysicallyDisabled,
    IntellectualPsychosocial,
    SeverelyDisabled,
    Women,
    Youth,
    Graduates,
    Students,
    Rural,
    LowIncome,
    HardToEmploy,
    Unemployed,
    SelfEmployed,
    MassagePractitioners,
    Families,
    Employers,
    PublicBodies,
    StateEnterprises,
    PrivateEnterprises,
    SocialOrganisations,
    ServiceAgencies,
}

impl Group {
    pub fn key(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// The last day the text's words imply, `YYYY-MM-DD`.
    pub date: String,
    /// The words themselves ("2022年底前").
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Number {
    pub what: String,
    pub value: f64,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    /// The number as written in the quote, when `value` alone is not there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<String>,
    pub quote: String,
}

impl Number {
    /// The text that must appear in the quote.
    pub fn as_written(&self) -> String {
        self.written
            .clone()
            .unwrap_or_else(|| format_value(self.value))
    }
}

/// `50` for 50.0, `2.5` for 2.5.
pub fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    pub clause: String,
    pub action: Action,
    pub kind: MeasureKind,
    pub summary: String,
    #[serde(default)]
    pub beneficiaries: Vec<Group>,
    #[serde(default)]
    pub responsible: Vec<String>,
    #[serde(default)]
    pub deadline: Option<Deadline>,
    pub quote: String,
    #[serde(default, rename = "number")]
    pub numbers: Vec<Number>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub id: String,
    pub clause: String,
    pub metric: String,
    pub what: String,
    pub value: f64,
    pub unit: String,
    #[serde(default)]
    pub period: Option<String>,
    #[serde(default)]
    pub written: Option<String>,
    pub quote: String,
}

impl Target {
    pub fn as_written(&self) -> String {
        self.written
            .clone()
            .unwrap_or_else(|| format_value(self.value))
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasuresFile {
    pub document: String,
    #[serde(default, rename = "measure")]
    pub measures: Vec<Measure>,
    #[serde(default, rename = "target")]
    pub targets: Vec<Target>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_written_as_people_write_them() {
        assert_eq!(format_value(50.0), "50");
        assert_eq!(format_value(2.5), "2.5");
        assert_eq!(format_value(0.15), "0.15");
    }

    #[test]
    fn action_keys_round_trip() {
        for a in Action::ALL {
            assert_eq!(Action::from_key(a.key()), Some(a));
        }
        assert_eq!(Group::VisuallyDisabled.key(), "visually_disabled");
    }
}
