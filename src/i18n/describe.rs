//! Domain data in words: card errors, rule conditions, missing facts, a
//! rule's result. Shared by the screens and the command line.

use crate::domain::card::CardError;
use crate::domain::measures::format_value;
use crate::domain::rules::{Condition, Evaluation, Fact, Missing, Outcome, Rule, Test, Validity};
use crate::i18n::Localizer;

pub fn card_error(l: &Localizer, e: &CardError) -> String {
    match e {
        CardError::TooShort { len } | CardError::TooLong { len } => {
            l.t_args("card-too-short", &[("len", (*len).into())])
        }
        CardError::NotADigit { position, found } => l.t_args(
            "card-not-digit",
            &[
                ("position", (*position).into()),
                ("found", found.to_string().as_str().into()),
            ],
        ),
        CardError::BadCheckDigit {
            position,
            expected,
            found,
        } => l.t_args(
            "card-check-digit",
            &[
                ("position", (*position).into()),
                ("expected", expected.to_string().as_str().into()),
                ("found", found.to_string().as_str().into()),
            ],
        ),
        CardError::BadBirthDate { positions, found } => l.t_args(
            "card-birth-date",
            &[
                ("from", positions.0.into()),
                ("to", positions.1.into()),
                ("found", found.as_str().into()),
            ],
        ),
        CardError::BirthInFuture => l.t("card-birth-future"),
        CardError::ImplausibleAge { age } => {
            l.t_args("card-age", &[("age", i64::from(*age).into())])
        }
        CardError::BadCategory { position, found } => l.t_args(
            "card-category",
            &[
                ("position", (*position).into()),
                ("found", found.to_string().as_str().into()),
            ],
        ),
        CardError::BadGrade { position, found } => l.t_args(
            "card-grade",
            &[
                ("position", (*position).into()),
                ("found", found.to_string().as_str().into()),
            ],
        ),
        CardError::UnknownRegion { code } => l.t_args(
            "card-region",
            &[("code", format!("{code:02}").as_str().into())],
        ),
    }
}

/// A fact's value in words ("是", "中专", "四级", "16年").
pub fn fact_value(l: &Localizer, f: Fact, v: &str) -> String {
    use crate::domain::rules::FactKind;
    match f.kind() {
        FactKind::Years => match v.parse::<u32>() {
            Ok(n) => l.t_args("years", &[("n", i64::from(n).into())]),
            Err(_) => v.to_string(),
        },
        FactKind::Levels(_) if f == Fact::Education => {
            l.t(&format!("education-{}", v.replace('_', "-")))
        }
        FactKind::Levels(_) => l.t(&format!("massage-level-{}", v.replace('_', "-"))),
        FactKind::YesNo => l.t(&format!("value-{v}")),
    }
}

/// A condition in words ("低保：是").
pub fn condition_text(l: &Localizer, c: &Condition) -> String {
    let fact_value = |f: Fact, v: &str| -> String { fact_value(l, f, v) };
    match c {
        Condition::FactIs { fact, value } => l.t_args(
            "cond-fact",
            &[
                ("fact", l.t(&fact_id(*fact)).as_str().into()),
                ("value", fact_value(*fact, value).as_str().into()),
            ],
        ),
        Condition::FactIn { fact, values } => {
            let vs: Vec<String> = values.iter().map(|v| fact_value(*fact, v)).collect();
            l.t_args(
                "cond-fact-in",
                &[
                    ("fact", l.t(&fact_id(*fact)).as_str().into()),
                    ("values", vs.join(&l.t("key-or")).as_str().into()),
                ],
            )
        }
        Condition::AtLeast { fact, value } if *fact == Fact::Education => l.t_args(
            "cond-education-at-least",
            &[("level", fact_value(Fact::Education, value).as_str().into())],
        ),
        Condition::AtLeast { fact, value } => l.t_args(
            "cond-at-least",
            &[
                ("fact", l.t(&fact_id(*fact)).as_str().into()),
                ("value", fact_value(*fact, value).as_str().into()),
            ],
        ),
        Condition::Years { fact, min, below } => {
            let fact = l.t(&fact_id(*fact));
            match (min, below) {
                (Some(a), Some(b)) => l.t_args(
                    "cond-years-range",
                    &[
                        ("fact", fact.as_str().into()),
                        ("min", i64::from(*a).into()),
                        ("below", i64::from(*b).into()),
                    ],
                ),
                (Some(a), None) => l.t_args(
                    "cond-years-min",
                    &[
                        ("fact", fact.as_str().into()),
                        ("min", i64::from(*a).into()),
                    ],
                ),
                (None, Some(b)) => l.t_args(
                    "cond-years-below",
                    &[
                        ("fact", fact.as_str().into()),
                        ("below", i64::from(*b).into()),
                    ],
                ),
                (None, None) => fact,
            }
        }
        Condition::Step(id) => l.t_args("cond-step", &[("step", id.as_str().into())]),
        Condition::Category(cs) => {
            let names: Vec<String> = cs
                .iter()
                .map(|c| l.t(&format!("category-{}", c.key())))
                .collect();
            l.t_args(
                "cond-category",
                &[("categories", names.join(&l.t("key-or")).as_str().into())],
            )
        }
        Condition::Grade(gs) => {
            let names: Vec<String> = gs.iter().map(|g| g.digit().to_string()).collect();
            l.t_args(
                "cond-grade",
                &[(
                    "grades",
                    names.join(&l.t("enumeration-separator")).as_str().into(),
                )],
            )
        }
        Condition::Age { min, max } => match (min, max) {
            (Some(a), Some(b)) => l.t_args(
                "cond-age-range",
                &[("min", i64::from(*a).into()), ("max", i64::from(*b).into())],
            ),
            (Some(a), None) => l.t_args("cond-age-min", &[("min", i64::from(*a).into())]),
            (None, Some(b)) => l.t_args("cond-age-max", &[("max", i64::from(*b).into())]),
            (None, None) => String::new(),
        },
        Condition::WorkingAge => l.t("cond-working-age"),
        Condition::Verify(what) => l.t_args("cond-verify", &[("what", what.as_str().into())]),
        Condition::Sex(sex) => l.t_args(
            "cond-sex",
            &[(
                "sex",
                l.t(match sex {
                    crate::domain::card::Sex::Male => "sex-male",
                    crate::domain::card::Sex::Female => "sex-female",
                })
                .as_str()
                .into(),
            )],
        ),
        Condition::All(cs) => {
            let parts: Vec<String> = cs.iter().map(|c| condition_text(l, c)).collect();
            l.t_args(
                "cond-all",
                &[(
                    "conditions",
                    parts.join(&l.t("enumeration-separator")).as_str().into(),
                )],
            )
        }
        Condition::Any(cs) => {
            let parts: Vec<String> = cs.iter().map(|c| condition_text(l, c)).collect();
            l.t_args(
                "cond-any",
                &[("conditions", parts.join(&l.t("key-or")).as_str().into())],
            )
        }
    }
}

pub fn fact_id(f: Fact) -> String {
    format!("fact-{}", f.key().replace('_', "-"))
}

pub fn missing_text(l: &Localizer, m: &Missing) -> String {
    match m {
        Missing::Region => l.t("missing-region"),
        Missing::Category => l.t("missing-category"),
        Missing::Grade => l.t("missing-grade"),
        Missing::BirthDate => l.t("missing-birth"),
        Missing::Sex => l.t("missing-sex"),
        Missing::Fact(f) => l.t(&fact_id(*f)),
    }
}

pub fn test_text(l: &Localizer, t: Test) -> String {
    l.t(match t {
        Test::Met => "test-met",
        Test::NotMet => "test-not-met",
        Test::Unknown => "test-unknown",
    })
}

/// One rule's result as a few lines of text.
pub fn text_result(l: &Localizer, r: &Rule, e: &Evaluation) -> String {
    let mut lines = vec![
        format!("- {}", r.spec.title),
        format!("  {}", r.spec.benefit),
    ];
    if e.outcome == Outcome::NotEligible {
        if let Some(by) = e.replaced_by_title.as_ref().or(e.replaced_by.as_ref()) {
            lines.push(format!(
                "  {}",
                l.t_args("ent-replaced", &[("rule", by.as_str().into())])
            ));
        }
        match &e.validity {
            Validity::Expired(d) => lines.push(format!(
                "  {}",
                l.t_args("ent-expired", &[("date", l.date(d).as_str().into())])
            )),
            Validity::NotYet(d) => lines.push(format!(
                "  {}",
                l.t_args("ent-not-yet", &[("date", l.date(d).as_str().into())])
            )),
            Validity::InForce => {}
        }
        if e.in_scope == Some(false) {
            lines.push(format!("  {}", l.t("ent-other-region")));
        }
    }
    for x in &e.reasons {
        lines.push(format!("  {}", reason_text(l, r, x)));
    }
    if !e.missing.is_empty() {
        let m: Vec<String> = e.missing.iter().map(|m| missing_text(l, m)).collect();
        lines.push(format!(
            "  {}",
            l.t_args(
                "ent-missing",
                &[(
                    "facts",
                    m.join(&l.t("enumeration-separator")).as_str().into()
                )]
            )
        ));
    }
    lines.extend(rule_facts(l, r).into_iter().map(|f| format!("  {f}")));
    lines.join("\n")
}

/// The profile's value that a condition tested, in words ("是", "视力残疾", "34岁").
pub fn used_text(l: &Localizer, c: &Condition, used: Option<&str>) -> String {
    let Some(u) = used else {
        return l.t("test-unknown");
    };
    match c {
        Condition::FactIs { fact, .. }
        | Condition::FactIn { fact, .. }
        | Condition::AtLeast { fact, .. }
        | Condition::Years { fact, .. } => fact_value(l, *fact, u),
        Condition::Category(_) => l.t(&format!("category-{u}")),
        Condition::Grade(_) => l.t_args("form-grade", &[("grade", u.into())]),
        Condition::Age { .. } | Condition::WorkingAge => {
            l.t_args("age-years", &[("age", u.into())])
        }
        Condition::Sex(_) => l.t(&format!("sex-{u}")),
        Condition::Any(_) | Condition::All(_) | Condition::Verify(_) | Condition::Step(_) => {
            u.to_string()
        }
    }
}

/// One condition of a rule with the person's value and the result
/// ("享受低保为是：你的情况是是，符合"); a `verify` condition as what the office checks.
pub fn reason_text(l: &Localizer, r: &Rule, x: &crate::domain::rules::Reason) -> String {
    let Some(cond) = r.conditions.get(x.index) else {
        return String::new();
    };
    if let Condition::Verify(_) = cond {
        return condition_text(l, cond);
    }
    let used = used_text(l, cond, x.used.as_deref());
    l.t_args(
        "ent-reason",
        &[
            ("condition", condition_text(l, cond).as_str().into()),
            ("used", used.as_str().into()),
            ("result", test_text(l, x.test).as_str().into()),
        ],
    )
}

/// What a rule gives and where it comes from, one line each: amounts, how to
/// apply, what to bring, the source quote, and whether the source is a draft
/// or a reprint. The screen shows them as items, the command line as lines.
pub fn rule_facts(l: &Localizer, r: &Rule) -> Vec<String> {
    let mut out = vec![];
    for a in &r.spec.amounts {
        out.push(l.t_args(
            "number-value",
            &[
                ("what", a.what.as_str().into()),
                ("value", format_value(a.value).as_str().into()),
                ("unit", a.unit.as_str().into()),
            ],
        ));
    }
    let how = r
        .spec
        .apply
        .clone()
        .unwrap_or_else(|| l.t("not-specified-sources"));
    out.push(l.t_args("ent-apply", &[("how", how.as_str().into())]));
    if !r.spec.bring.is_empty() {
        let what = r.spec.bring.join(&l.t("enumeration-separator"));
        out.push(l.t_args("ent-bring", &[("what", what.as_str().into())]));
    }
    let c = &r.spec.citation;
    out.push(l.t_args(
        "ent-citation",
        &[
            ("clause", c.clause.as_str().into()),
            ("source", c.source.as_str().into()),
            ("quote", c.quote.as_str().into()),
        ],
    ));
    if r.spec.from_draft {
        out.push(l.t("ent-draft"));
    }
    if r.spec.confidence == crate::domain::rules::Confidence::Secondary {
        out.push(l.t("ent-secondary"));
    }
    out
}

/// A store error in words: what went wrong and where, for the screen and the command line.
pub fn store_error(loc: &Localizer, e: &crate::store::StoreError) -> String {
    use crate::domain::dataset::DataError;
    use crate::store::StoreError;
    match e {
        StoreError::Data(DataError { file, line, kind }) => {
            let line = line
                .map(|n| format!(" {}", loc.t_args("error-data-line", &[("line", n.into())])))
                .unwrap_or_default();
            loc.t_args(
                "error-data",
                &[
                    ("file", file.as_str().into()),
                    ("line", line.as_str().into()),
                    ("detail", kind.to_string().as_str().into()),
                ],
            )
        }
        StoreError::RecordsUnreadable { path, reason } => format!(
            "{}\n{}",
            loc.t_args(
                "error-records",
                &[
                    ("path", path.as_str().into()),
                    ("detail", reason.as_str().into()),
                ],
            ),
            loc.t_args(
                "app-records-damaged-hint",
                &[("path", path.as_str().into())]
            )
        ),
        StoreError::Conflict { id, .. } => {
            loc.t_args("app-error-conflict", &[("id", (*id).into())])
        }
        StoreError::NoSuchApplication { id } => {
            loc.t_args("app-error-no-such", &[("id", (*id).into())])
        }
        StoreError::NotEditable { id, status } => loc.t_args(
            "app-error-not-editable",
            &[
                ("id", (*id).into()),
                (
                    "status",
                    crate::i18n::applications::status_name(loc, *status)
                        .as_str()
                        .into(),
                ),
            ],
        ),
        StoreError::BadTransition { id, from, to } => loc.t_args(
            "app-error-transition",
            &[
                ("id", (*id).into()),
                (
                    "from",
                    crate::i18n::applications::status_name(loc, *from)
                        .as_str()
                        .into(),
                ),
                (
                    "to",
                    crate::i18n::applications::status_name(loc, *to)
                        .as_str()
                        .into(),
                ),
            ],
        ),
        StoreError::ClientHasApplications { count } => loc.t_args(
            "app-error-client-has-applications",
            &[("count", (*count).into())],
        ),
        StoreError::NotRecords { path, reason } => loc.t_args(
            "app-error-not-records",
            &[
                ("path", path.as_str().into()),
                ("detail", reason.as_str().into()),
            ],
        ),
        StoreError::TooNew { path, .. } => {
            loc.t_args("error-records-newer", &[("path", path.as_str().into())])
        }
        other => loc.t_args(
            "error-cache",
            &[("detail", other.to_string().as_str().into())],
        ),
    }
}
