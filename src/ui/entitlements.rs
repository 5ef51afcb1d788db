//! The entitlements screens: a profile as an accessible form, the results
//! grouped eligible / unknown / not eligible, and one rule's reasons.
//! State and items only; `app.rs` routes keys here.

use std::collections::BTreeMap;

use super::announce;
use super::view::{Item, Role};
use crate::domain::card::{CardError, CardNumber, Date, Grade, Sex};
use crate::domain::jobs::{CATEGORIES, Category};
use crate::domain::rules::{Evaluation, Fact, FactKind, Missing, Outcome, Profile, Rule, Validity};
use crate::i18n::Localizer;
use crate::i18n::describe::{card_error, fact_id, missing_text, text_result};

/// The regions a profile can name, then "elsewhere".
pub const REGIONS: [(&str, &str); 6] = [
    ("guangzhou", "广州"),
    ("guizhou", "贵州"),
    ("qingdao", "青岛"),
    ("lianyungang", "连云港"),
    ("jiangxi", "江西"),
    ("elsewhere", ""),
];

/// One field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// A name or form of address for the saved profile.
    Label,
    Card,
    Region,
    Category,
    Grade,
    Birth,
    Sex,
    Fact(Fact),
    Results,
}

/// The fields of the entitlements form, in order.
pub fn fields() -> Vec<Field> {
    fields_for(false)
}

/// The fields in order: the entitlements form, or the massage form (the
/// card, region, category, education and the massage facts).
pub fn fields_for(massage: bool) -> Vec<Field> {
    if massage {
        let mut f = vec![
            Field::Card,
            Field::Region,
            Field::Category,
            Field::Fact(Fact::Education),
        ];
        f.extend(Fact::MASSAGE.iter().map(|x| Field::Fact(*x)));
        f.push(Field::Label);
        f.push(Field::Results);
        return f;
    }
    let mut f = vec![
        Field::Card,
        Field::Region,
        Field::Category,
        Field::Grade,
        Field::Birth,
        Field::Sex,
    ];
    f.extend(Fact::GENERAL.iter().map(|x| Field::Fact(*x)));
    f.push(Field::Label);
    f.push(Field::Results);
    f
}

#[derive(Debug, Clone, Default)]
pub struct EntForm {
    /// The saved profile this form edits, once saved.
    pub profile_id: Option<i64>,
    pub label: String,
    pub card_text: String,
    pub card: Option<CardNumber>,
    pub card_error: Option<CardError>,
    /// The number is longer than 20 characters (a reissued card?): read by its first 20.
    pub card_longer: Option<usize>,
    pub region: Option<&'static str>,
    pub category: Option<Category>,
    pub grade: Option<Grade>,
    pub birth_text: String,
    pub birth_error: bool,
    pub sex: Option<Sex>,
    pub facts: BTreeMap<Fact, String>,
    /// The outcomes of the last results shown, to say what changed.
    pub last: BTreeMap<String, Outcome>,
    /// The massage navigator's form (massage facts) rather than the entitlements one.
    pub massage: bool,
}

use super::app::cycle;

impl EntForm {
    pub fn fields(&self) -> Vec<Field> {
        fields_for(self.massage)
    }

    pub fn field(&self, focus: usize) -> Option<Field> {
        self.fields().get(focus).copied()
    }

    pub fn is_text(&self, focus: usize) -> bool {
        match self.field(focus) {
            Some(Field::Card | Field::Birth | Field::Label) => true,
            Some(Field::Fact(f)) => f.kind() == FactKind::Years,
            _ => false,
        }
    }

    pub fn text_mut(&mut self, focus: usize) -> Option<&mut String> {
        match self.field(focus) {
            Some(Field::Card) => Some(&mut self.card_text),
            Some(Field::Birth) => Some(&mut self.birth_text),
            Some(Field::Label) => Some(&mut self.label),
            Some(Field::Fact(f)) if f.kind() == FactKind::Years => {
                Some(self.facts.entry(f).or_default())
            }
            _ => None,
        }
    }

    /// The form as it is saved in records.sqlite.
    pub fn to_stored(&self) -> crate::domain::profile::StoredProfile {
        crate::domain::profile::StoredProfile {
            label: self.label.trim().to_string(),
            card: self.card_text.trim().to_string(),
            region: self.region.map(str::to_string),
            category: self.category,
            grade: self.grade,
            birth: self.birth_text.trim().to_string(),
            sex: self.sex,
            facts: self.facts.clone(),
        }
    }

    /// A form filled from a saved profile (the card is checked again).
    pub fn from_stored(
        id: i64,
        p: &crate::domain::profile::StoredProfile,
        today: &Date,
    ) -> EntForm {
        let mut f = EntForm {
            profile_id: Some(id),
            label: p.label.clone(),
            card_text: p.card.clone(),
            region: REGIONS
                .iter()
                .map(|(id, _)| *id)
                .find(|r| p.region.as_deref() == Some(*r)),
            category: p.category,
            grade: p.grade,
            birth_text: p.birth.clone(),
            sex: p.sex,
            facts: p.facts.clone(),
            ..EntForm::default()
        };
        if let Some(i) = f.fields().iter().position(|x| *x == Field::Card) {
            let _ = f.text_changed(i, today);
        }
        // What was chosen by hand is kept over what the card says.
        f.category = p.category.or(f.category);
        f.grade = p.grade.or(f.grade);
        f.sex = p.sex.or(f.sex);
        if !p.birth.is_empty() {
            f.birth_text = p.birth.clone();
        }
        f
    }

    /// Re-read a text field after an edit. Returns an error to say at once
    /// (a complete card number that is wrong).
    pub fn text_changed(&mut self, focus: usize, today: &Date) -> Option<CardError> {
        match self.field(focus) {
            Some(Field::Card) => {
                let digits = self
                    .card_text
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != '-')
                    .count();
                self.card = None;
                self.card_error = None;
                self.card_longer = None;
                if digits >= 20 {
                    match CardNumber::parse(&self.card_text, today) {
                        Ok((card, warnings)) => {
                            for w in warnings {
                                let crate::domain::card::CardWarning::LongerThanUsual {
                                    len, ..
                                } = w;
                                self.card_longer = Some(len);
                            }
                            let d = card.disability();
                            self.category = Some(d.category);
                            self.grade = Some(d.grade);
                            self.birth_text = card.birth_date().to_iso();
                            self.birth_error = false;
                            self.sex = Some(card.sex());
                            self.card = Some(card);
                        }
                        Err(e) => {
                            self.card_error = Some(e.clone());
                            return Some(e);
                        }
                    }
                }
                None
            }
            Some(Field::Birth) => {
                self.birth_error =
                    !self.birth_text.is_empty() && Date::parse(self.birth_text.trim()).is_none();
                None
            }
            _ => None,
        }
    }

    /// Left/Right/Enter on a choice.
    pub fn adjust(&mut self, focus: usize, up: bool) -> bool {
        match self.field(focus) {
            Some(Field::Region) => {
                let ids: Vec<&'static str> = REGIONS.iter().map(|(id, _)| *id).collect();
                self.region = cycle(&ids, self.region, up);
            }
            Some(Field::Category) => {
                let all: Vec<Category> = CATEGORIES.iter().map(|(c, _, _)| *c).collect();
                self.category = cycle(&all, self.category, up);
            }
            Some(Field::Grade) => self.grade = cycle(&Grade::ALL, self.grade, up),
            Some(Field::Sex) => self.sex = cycle(&[Sex::Male, Sex::Female], self.sex, up),
            Some(Field::Fact(f)) if f.kind() == FactKind::Years => {
                let n = self
                    .facts
                    .get(&f)
                    .and_then(|v| v.trim().parse::<u32>().ok());
                let n = match (n, up) {
                    (None, _) => 0,
                    (Some(n), true) => (n + 1).min(crate::domain::rules::MAX_YEARS),
                    (Some(n), false) => n.saturating_sub(1),
                };
                self.facts.insert(f, n.to_string());
            }
            Some(Field::Fact(f)) => {
                let vals: Vec<&'static str> = f.values().to_vec();
                let cur = self
                    .facts
                    .get(&f)
                    .and_then(|v| vals.iter().copied().find(|x| x == v));
                match cycle(&vals, cur, up) {
                    Some(v) => {
                        self.facts.insert(f, v.to_string());
                    }
                    None => {
                        self.facts.remove(&f);
                    }
                }
            }
            _ => return false,
        }
        true
    }

    pub fn profile(&self) -> Profile {
        Profile {
            region: self.region.map(str::to_string),
            category: self.category,
            grade: self.grade,
            birth: Date::parse(self.birth_text.trim()),
            sex: self.sex,
            // What is typed but not (yet) a value counts as unknown.
            facts: self
                .facts
                .iter()
                .filter(|(f, v)| f.accepts(v.trim()))
                .map(|(f, v)| (*f, v.trim().to_string()))
                .collect(),
            steps: Default::default(),
        }
    }

    /// A field's value in words.
    pub fn value(&self, l: &Localizer, f: Field) -> String {
        let unknown = || l.t("form-not-filled");
        match f {
            Field::Card => {
                if let Some(card) = &self.card {
                    l.t_args(
                        "card-last-four",
                        &[("last4", card.last_four().as_str().into())],
                    )
                } else if let Some(e) = &self.card_error {
                    l.t_args("form-error", &[("error", card_error(l, e).as_str().into())])
                } else if self.card_text.is_empty() {
                    l.t("empty")
                } else {
                    // Digits typed so far are not read back: only how many.
                    let n = self
                        .card_text
                        .chars()
                        .filter(|c| !c.is_whitespace() && *c != '-')
                        .count();
                    l.t_args("form-digits-typed", &[("count", n.into())])
                }
            }
            Field::Region => match self.region {
                Some("elsewhere") => l.t("form-elsewhere"),
                Some(id) => REGIONS
                    .iter()
                    .find(|(i, _)| *i == id)
                    .map_or(id.to_string(), |(_, n)| n.to_string()),
                None => unknown(),
            },
            Field::Category => self
                .category
                .map_or_else(unknown, |c| l.t(&format!("category-{}", c.key()))),
            Field::Grade => self.grade.map_or_else(unknown, |g| {
                l.t_args("form-grade", &[("grade", i64::from(g.digit()).into())])
            }),
            Field::Birth => {
                if self.birth_error {
                    l.t_args(
                        "form-error",
                        &[("error", l.t("form-birth-bad").as_str().into())],
                    )
                } else if self.birth_text.is_empty() {
                    l.t("empty")
                } else {
                    l.date(self.birth_text.trim())
                }
            }
            Field::Sex => match self.sex {
                Some(Sex::Male) => l.t("sex-male"),
                Some(Sex::Female) => l.t("sex-female"),
                None => unknown(),
            },
            Field::Fact(f) => match self.facts.get(&f).map(|v| v.trim()) {
                Some("") | None => l.t("test-unknown"),
                Some(v) if f.accepts(v) => crate::i18n::describe::fact_value(l, f, v),
                Some(v) => l.t_args(
                    "form-error",
                    &[(
                        "error",
                        l.t_args(
                            "form-years-bad",
                            &[
                                ("value", v.into()),
                                ("max", i64::from(crate::domain::rules::MAX_YEARS).into()),
                            ],
                        )
                        .as_str()
                        .into(),
                    )],
                ),
            },
            Field::Label => {
                if self.label.is_empty() {
                    l.t("empty")
                } else {
                    self.label.clone()
                }
            }
            Field::Results => String::new(),
        }
    }

    pub fn items(&self, l: &Localizer) -> Vec<Item> {
        let fs = self.fields();
        let n = fs.len();
        fs.iter()
            .enumerate()
            .map(|(i, f)| {
                let (label, role) = match f {
                    Field::Card => (l.t("form-card"), Role::EditField),
                    Field::Region => (l.t("form-region"), Role::Setting),
                    Field::Category => (l.t("form-category"), Role::Setting),
                    Field::Grade => (l.t("form-grade-label"), Role::Setting),
                    Field::Birth => (l.t("form-birth"), Role::EditField),
                    Field::Sex => (l.t("form-sex"), Role::Setting),
                    Field::Fact(f) if f.kind() == FactKind::Years => {
                        (l.t(&fact_id(*f)), Role::EditField)
                    }
                    Field::Fact(f) => (l.t(&fact_id(*f)), Role::Setting),
                    Field::Label => (l.t("form-label"), Role::EditField),
                    Field::Results if self.massage => (l.t("form-show-paths"), Role::MenuItem),
                    Field::Results => (l.t("form-show-results"), Role::MenuItem),
                };
                let item = Item::new(label, role).at(i, n);
                if *f == Field::Results {
                    item
                } else {
                    // Nothing is required: an empty field leaves its rules "unknown".
                    item.with_state(announce::join(
                        l,
                        &[self.value(l, *f), l.t("form-optional")],
                    ))
                }
            })
            .collect()
    }
}

/// The results screen: rules grouped by outcome.
#[derive(Debug, Clone)]
pub struct EntResults {
    pub evals: Vec<Evaluation>,
    /// Index into `evals` for each listed item, in display order.
    pub order: Vec<usize>,
}

impl EntResults {
    /// Rules of other regions are left out: they are not the person's.
    pub fn new(evals: Vec<Evaluation>) -> Self {
        let evals: Vec<Evaluation> = evals
            .into_iter()
            .filter(|e| e.in_scope != Some(false))
            .collect();
        let mut order = vec![];
        for o in [Outcome::Eligible, Outcome::Unknown, Outcome::NotEligible] {
            order.extend(
                evals
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.outcome == o)
                    .map(|(i, _)| i),
            );
        }
        EntResults { evals, order }
    }

    pub fn counts(&self) -> (usize, usize, usize) {
        let c = |o| self.evals.iter().filter(|e| e.outcome == o).count();
        (
            c(Outcome::Eligible),
            c(Outcome::Unknown),
            c(Outcome::NotEligible),
        )
    }

    pub fn items(&self, l: &Localizer, rules: &[Rule]) -> Vec<Item> {
        let n = self.order.len();
        self.order
            .iter()
            .enumerate()
            .filter_map(|(pos, &i)| {
                let e = &self.evals[i];
                let r = rules.iter().find(|r| r.spec.id == e.rule)?;
                let mut state = vec![outcome_text(l, e)];
                state.push(r.spec.benefit.clone());
                Some(
                    Item::new(r.spec.title.clone(), Role::ListItem)
                        .with_state(announce::join(l, &state))
                        .at(pos, n),
                )
            })
            .collect()
    }
}

pub fn outcome_text(l: &Localizer, e: &Evaluation) -> String {
    if e.replaced_by.is_some() {
        return l.t("outcome-replaced");
    }
    match (&e.validity, e.outcome) {
        (Validity::Expired(d), _) => {
            l.t_args("ent-expired", &[("date", l.date(d).as_str().into())])
        }
        (Validity::NotYet(d), _) => l.t_args("ent-not-yet", &[("date", l.date(d).as_str().into())]),
        (_, Outcome::Eligible) => l.t("outcome-eligible"),
        (_, Outcome::Unknown) => l.t("outcome-unknown"),
        (_, Outcome::NotEligible) if e.in_scope == Some(false) => l.t("ent-other-region"),
        (_, Outcome::NotEligible) => l.t("outcome-not-eligible"),
    }
}

/// What the results say changed since the last time they were shown.
pub fn changes(
    l: &Localizer,
    before: &BTreeMap<String, Outcome>,
    now: &[Evaluation],
    rules: &[Rule],
) -> Vec<String> {
    now.iter()
        .filter_map(|e| {
            let was = before.get(&e.rule)?;
            if *was == e.outcome {
                return None;
            }
            let title = rules
                .iter()
                .find(|r| r.spec.id == e.rule)
                .map_or(e.rule.as_str(), |r| r.spec.title.as_str());
            let word = |o: &Outcome| {
                l.t(match o {
                    Outcome::Eligible => "outcome-eligible",
                    Outcome::Unknown => "outcome-unknown",
                    Outcome::NotEligible => "outcome-not-eligible",
                })
            };
            Some(l.t_args(
                "ent-changed",
                &[
                    ("title", title.into()),
                    ("from", word(was).as_str().into()),
                    ("to", word(&e.outcome).as_str().into()),
                ],
            ))
        })
        .collect()
}

/// One rule's details, item by item: outcome, benefit, each condition with
/// the fact used and the result, what is missing, amounts, how to apply,
/// what to bring, the citation.
pub fn detail_items(l: &Localizer, r: &Rule, e: &Evaluation) -> Vec<Item> {
    let mut items =
        vec![Item::new(r.spec.title.clone(), Role::Field).with_state(outcome_text(l, e))];
    items.push(Item::new(
        l.t_args(
            "field-benefit",
            &[("value", r.spec.benefit.as_str().into())],
        ),
        Role::Field,
    ));
    for x in &e.reasons {
        items.push(Item::new(
            crate::i18n::describe::reason_text(l, r, x),
            Role::Field,
        ));
    }
    for m in &e.missing {
        items.push(Item::new(
            l.t_args("ent-ask", &[("fact", missing_text(l, m).as_str().into())]),
            Role::MenuItem,
        ));
    }
    items.extend(
        crate::i18n::describe::rule_facts(l, r)
            .into_iter()
            .map(|f| Item::new(f, Role::Field)),
    );
    items.push(Item::new(l.t("ent-screening"), Role::Field));
    let n = items.len();
    items
        .into_iter()
        .enumerate()
        .map(|(i, it)| it.at(i, n))
        .collect()
}

/// The form field to ask for a missing fact.
pub fn field_for(m: &Missing) -> Field {
    match m {
        Missing::Region => Field::Region,
        Missing::Category => Field::Category,
        Missing::Grade => Field::Grade,
        Missing::BirthDate => Field::Birth,
        Missing::Sex => Field::Sex,
        Missing::Fact(f) => Field::Fact(*f),
    }
}

/// For line output and tests: a rule's result as text.
pub fn as_text(l: &Localizer, r: &Rule, e: &Evaluation) -> String {
    text_result(l, r, e)
}
