//! `tingjian entitlements`: from a profile to what a person can claim, each
//! with its reasons and the clause it comes from. Screening, not a decision.

use std::collections::BTreeMap;
use std::process::ExitCode;

use serde::Serialize;

use super::{Args, Failure, open};
use crate::clock::today;
use crate::domain::card::{CardNumber, CardWarning, Date, Grade, Sex};
use crate::domain::jobs::Category;
use crate::domain::rules::{
    Evaluation, Fact, Missing, Outcome, Profile, Rule, Test, Validity, evaluate,
};
use crate::i18n::Localizer;
use crate::i18n::describe::{card_error, condition_text, fact_id, text_result};

#[derive(Debug, Clone, clap::Args)]
pub struct EntitlementsArgs {
    /// The 20-digit disability card number (残疾人证号): gives category, grade, birth date and sex.
    #[arg(long, conflicts_with_all = ["category", "grade"])]
    pub card: Option<String>,
    /// Disability category when the card is not at hand: visual, hearing, speech, physical, intellectual, psychosocial, multiple (or 1–7, or 视力 …).
    #[arg(long)]
    pub category: Option<String>,
    /// Disability grade 1 (most severe) to 4.
    #[arg(long)]
    pub grade: Option<u8>,
    /// Region: 广州, 贵州, 青岛, 连云港, 江西 (or their ids), or elsewhere (national rules only).
    #[arg(long)]
    pub region: Option<String>,
    /// Birth date (YYYY-MM-DD) when there is no card number.
    #[arg(long)]
    pub birth: Option<String>,
    /// male or female, when there is no card number.
    #[arg(long)]
    pub sex: Option<String>,
    /// A fact: name=value (see --list-facts); repeat for more.
    #[arg(long = "fact", value_name = "NAME=VALUE")]
    pub facts: Vec<String>,
    /// Show the full card number instead of its last four digits.
    #[arg(long)]
    pub show_card: bool,
    /// List the fact names and their values, then stop.
    #[arg(long)]
    pub list_facts: bool,
    #[arg(long, value_enum, default_value = "text")]
    pub format: super::policies::Format,
}

fn fail(l: &Localizer, id: &str, args: &[(&str, crate::i18n::Arg<'_>)]) -> Failure {
    Failure(l.t_args(id, args))
}

/// The profile from the command line, and notes to show (warnings, the masked card).
pub(crate) fn profile(
    l: &Localizer,
    a: &EntitlementsArgs,
    regions: &[(String, String)],
    as_of: &Date,
) -> Result<(Profile, Vec<String>), Failure> {
    let mut p = Profile::default();
    let mut notes = vec![];
    if let Some(c) = &a.card {
        let (card, warnings): (CardNumber, Vec<CardWarning>) = CardNumber::parse(c, as_of)
            .map_err(|e| {
                Failure(l.t_args(
                    "error-card",
                    &[("detail", card_error(l, &e).as_str().into())],
                ))
            })?;
        for w in warnings {
            let CardWarning::LongerThanUsual { len, .. } = w;
            notes.push(l.t_args("card-longer", &[("len", len.into())]));
        }
        // Masked as "ending 3611": a row of asterisks is noise to a screen reader.
        let shown = if a.show_card {
            card.reveal()
        } else {
            l.t_args(
                "card-last-four",
                &[("last4", card.last_four().as_str().into())],
            )
        };
        notes.push(l.t_args("card-shown", &[("card", shown.as_str().into())]));
        let d = card.disability();
        p.category = Some(d.category);
        p.grade = Some(d.grade);
        p.birth = Some(card.birth_date());
        p.sex = Some(card.sex());
    }
    if let Some(c) = &a.category {
        p.category = Some(Category::parse(c).ok_or_else(|| {
            fail(
                l,
                "error-bad-value",
                &[
                    ("what", "--category".into()),
                    ("value", c.as_str().into()),
                    (
                        "allowed",
                        crate::domain::jobs::allowed(crate::domain::jobs::CATEGORIES)
                            .as_str()
                            .into(),
                    ),
                ],
            )
        })?);
    }
    if let Some(g) = a.grade {
        p.grade = Some(Grade::from_digit(g).ok_or_else(|| {
            fail(
                l,
                "error-bad-value",
                &[
                    ("what", "--grade".into()),
                    ("value", g.to_string().as_str().into()),
                    ("allowed", "1, 2, 3, 4".into()),
                ],
            )
        })?);
    }
    if let Some(b) = &a.birth {
        p.birth = Some(Date::parse(b).ok_or_else(|| {
            fail(
                l,
                "error-bad-value",
                &[
                    ("what", "--birth".into()),
                    ("value", b.as_str().into()),
                    ("allowed", "YYYY-MM-DD".into()),
                ],
            )
        })?);
    }
    if let Some(s) = &a.sex {
        p.sex = Some(match s.as_str() {
            "male" | "男" | "m" => Sex::Male,
            "female" | "女" | "f" => Sex::Female,
            _ => {
                return Err(fail(
                    l,
                    "error-bad-value",
                    &[
                        ("what", "--sex".into()),
                        ("value", s.as_str().into()),
                        ("allowed", "male, female".into()),
                    ],
                ));
            }
        });
    }
    if let Some(r) = &a.region {
        let key = r.trim().trim_end_matches(['省', '市']);
        let found = regions
            .iter()
            .find(|(id, name)| id == key || name == key)
            .map(|(id, _)| id.clone());
        p.region = Some(match (found, key) {
            (Some(id), _) => id,
            (None, "elsewhere" | "其他" | "其他地区") => "elsewhere".to_string(),
            (None, _) => {
                let names: Vec<&str> = regions.iter().map(|(_, n)| n.as_str()).collect();
                return Err(fail(
                    l,
                    "error-unknown-region",
                    &[
                        ("region", r.as_str().into()),
                        (
                            "known",
                            format!("{}、elsewhere", names.join("、")).as_str().into(),
                        ),
                    ],
                ));
            }
        });
    }
    for f in &a.facts {
        let Some((name, value)) = f.split_once('=') else {
            return Err(fail(l, "error-fact-form", &[("fact", f.as_str().into())]));
        };
        let Some(fact) = Fact::from_key(name.trim()) else {
            let known: Vec<&str> = Fact::ALL.iter().map(|f| f.key()).collect();
            return Err(fail(
                l,
                "error-unknown-fact",
                &[
                    ("fact", name.into()),
                    ("known", known.join(", ").as_str().into()),
                ],
            ));
        };
        let value = value.trim();
        if value != "unknown" && !fact.accepts(value) {
            return Err(fail(
                l,
                "error-bad-value",
                &[
                    ("what", fact.key().into()),
                    ("value", value.into()),
                    (
                        "allowed",
                        format!("{}, unknown", allowed(fact)).as_str().into(),
                    ),
                ],
            ));
        }
        p.facts.insert(fact, value.to_string());
    }
    Ok((p, notes))
}

#[derive(Serialize)]
struct JsonCitation<'a> {
    source: &'a str,
    clause: &'a str,
    quote: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonReason {
    condition: String,
    used: Option<String>,
    result: Test,
}

#[derive(Serialize)]
struct JsonAmount<'a> {
    what: &'a str,
    value: f64,
    unit: &'a str,
    per: Option<&'a str>,
    citation: JsonCitation<'a>,
}

#[derive(Serialize)]
struct JsonResult<'a> {
    id: &'a str,
    outcome: Outcome,
    title: &'a str,
    scope: &'a str,
    benefit: &'a str,
    reasons: Vec<JsonReason>,
    missing: Vec<Missing>,
    replaced_by: Option<&'a str>,
    expired_on: Option<&'a str>,
    not_yet_until: Option<&'a str>,
    apply: Option<&'a str>,
    bring: &'a [String],
    amounts: Vec<JsonAmount<'a>>,
    confidence: crate::domain::rules::Confidence,
    citations: Vec<JsonCitation<'a>>,
}

fn cite(c: &crate::domain::rules::Citation) -> JsonCitation<'_> {
    JsonCitation {
        source: &c.source,
        clause: &c.clause,
        quote: &c.quote,
        document: c.document.as_deref(),
    }
}

/// The date to evaluate on: `--as-of`, or today.
pub(crate) fn as_of(args: &Args, l: &Localizer) -> Result<Date, Failure> {
    match &args.as_of {
        Some(d) => Date::parse(d).ok_or_else(|| {
            fail(
                l,
                "error-bad-value",
                &[
                    ("what", "--as-of".into()),
                    ("value", d.as_str().into()),
                    ("allowed", "YYYY-MM-DD".into()),
                ],
            )
        }),
        None => Ok(today()),
    }
}

/// Region ids and names, for `--region`.
pub(crate) fn regions(opened: &super::Opened) -> Result<Vec<(String, String)>, Failure> {
    Ok(opened
        .cache
        .regions()
        .map_err(|e| super::store_failure(&opened.loc, &e))?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect())
}

/// List the fact names and their values (`--list-facts`).
pub(crate) fn list_facts(l: &Localizer, facts: &[Fact]) {
    for f in facts {
        println!(
            "{}={}|unknown  {}",
            f.key(),
            allowed(*f).replace(", ", "|"),
            l.t(&fact_id(*f))
        );
    }
}

/// The values a fact takes, for messages: "yes, no", or "0-80" for years.
fn allowed(f: Fact) -> String {
    match f.kind() {
        crate::domain::rules::FactKind::Years => {
            format!("0-{}", crate::domain::rules::MAX_YEARS)
        }
        _ => f.values().join(", "),
    }
}

pub fn run(args: &Args, a: &EntitlementsArgs) -> Result<ExitCode, Failure> {
    let opened = open(args)?;
    let l = &opened.loc;
    if a.list_facts {
        list_facts(l, &Fact::ALL);
        return Ok(ExitCode::SUCCESS);
    }
    let as_of = as_of(args, l)?;
    let regions = regions(&opened)?;
    let (profile, notes) = profile(l, a, &regions, &as_of)?;
    let rules: Vec<Rule> = opened
        .cache
        .rules()
        .map_err(|e| super::store_failure(l, &e))?;
    let evals = evaluate(&rules, &profile, &as_of);
    let by_id: BTreeMap<&str, &Rule> = rules.iter().map(|r| (r.spec.id.as_str(), r)).collect();
    match a.format {
        super::policies::Format::Json => {
            let out: Vec<JsonResult<'_>> = evals
                .iter()
                .filter_map(|e| by_id.get(e.rule.as_str()).map(|r| (e, *r)))
                .map(|(e, r)| JsonResult {
                    id: &r.spec.id,
                    outcome: e.outcome,
                    title: &r.spec.title,
                    scope: &r.spec.scope,
                    benefit: &r.spec.benefit,
                    reasons: e
                        .reasons
                        .iter()
                        .filter_map(|x| Some((x, r.conditions.get(x.index)?)))
                        .map(|(x, c)| JsonReason {
                            condition: condition_text(l, c),
                            used: x.used.clone(),
                            result: x.test,
                        })
                        .collect(),
                    missing: e.missing.clone(),
                    replaced_by: e.replaced_by.as_deref(),
                    expired_on: match &e.validity {
                        Validity::Expired(d) => Some(d.as_str()),
                        _ => None,
                    },
                    not_yet_until: match &e.validity {
                        Validity::NotYet(d) => Some(d.as_str()),
                        _ => None,
                    },
                    apply: r.spec.apply.as_deref(),
                    bring: &r.spec.bring,
                    amounts: r
                        .spec
                        .amounts
                        .iter()
                        .map(|m| JsonAmount {
                            what: &m.what,
                            value: m.value,
                            unit: &m.unit,
                            per: m.per.as_deref(),
                            citation: cite(&m.citation),
                        })
                        .collect(),
                    confidence: r.spec.confidence,
                    citations: std::iter::once(cite(&r.spec.citation))
                        .chain(r.spec.amounts.iter().map(|m| cite(&m.citation)))
                        .collect(),
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        super::policies::Format::Text => {
            for n in &notes {
                println!("{n}");
            }
            println!(
                "{}",
                l.t_args(
                    "ent-as-of",
                    &[("date", l.date(&as_of.to_iso()).as_str().into())]
                )
            );
            for (outcome, head) in [
                (Outcome::Eligible, "ent-group-eligible"),
                (Outcome::Unknown, "ent-group-unknown"),
                (Outcome::NotEligible, "ent-group-not-eligible"),
            ] {
                // Other regions' rules are not listed (the JSON keeps them, with their scope).
                let group: Vec<&Evaluation> = evals
                    .iter()
                    .filter(|e| e.outcome == outcome && e.in_scope != Some(false))
                    .collect();
                println!("\n{}", l.t_args(head, &[("count", group.len().into())]));
                for e in group {
                    let Some(r) = by_id.get(e.rule.as_str()) else {
                        continue;
                    };
                    println!("{}", text_result(l, r, e));
                }
            }
            println!("\n{}", l.t("ent-screening"));
        }
    }
    Ok(ExitCode::SUCCESS)
}
