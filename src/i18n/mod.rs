//! Every user-facing string, from Fluent files in `locales/{zh-CN,zh-TW,en}/`,
//! compiled into the binary. A missing message shows its id (and a test
//! fails), never a panic.

pub mod applications;
pub mod describe;
pub mod export;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

use crate::domain::lang::Lang;

/// The Fluent files of one language, compiled in: `main.ftl` (the core),
/// `massage.ftl` (the massage paths), `applications.ftl` (applications).
macro_rules! ftl_files {
    ($dir:literal) => {
        &[
            include_str!(concat!("../../locales/", $dir, "/main.ftl")),
            include_str!(concat!("../../locales/", $dir, "/massage.ftl")),
            include_str!(concat!("../../locales/", $dir, "/applications.ftl")),
        ]
    };
}

/// The Fluent sources, by language, one string per file.
pub fn sources(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::ZhCn => ftl_files!("zh-CN"),
        Lang::ZhTw => ftl_files!("zh-TW"),
        Lang::En => ftl_files!("en"),
    }
}

/// All the Fluent sources of a language as one text.
pub fn source(lang: Lang) -> String {
    sources(lang).join("\n")
}

pub struct Localizer {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("lang", &self.lang)
            .finish()
    }
}

impl Localizer {
    pub fn new(lang: Lang) -> Self {
        let langid = lang.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![langid]);
        // No Unicode isolation marks around arguments: they would be drawn
        // and, by some synthesisers, spoken.
        bundle.set_use_isolating(false);
        let res = match FluentResource::try_new(source(lang)) {
            Ok(r) => r,
            // Keep what parsed; the locale test reports the error.
            Err((r, _)) => r,
        };
        let _ = bundle.add_resource(res);
        Self { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` with no arguments.
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with named arguments (strings or numbers).
    pub fn t_args(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Str(s) => fa.set(*k, FluentValue::from(*s)),
                Arg::Num(n) => fa.set(*k, FluentValue::from(*n)),
            }
        }
        self.format(id, Some(&fa))
    }

    /// A `YYYY-MM-DD` date in words ("2022年9月7日"); other text as it is.
    pub fn date(&self, iso: &str) -> String {
        let mut it = iso.splitn(3, '-').map(|p| p.parse::<i64>());
        match (it.next(), it.next(), it.next()) {
            (Some(Ok(y)), Some(Ok(m)), Some(Ok(d)))
                if (1..=12).contains(&m) && (1..=31).contains(&d) =>
            {
                self.t_args(
                    "date",
                    &[("year", y.into()), ("month", m.into()), ("day", d.into())],
                )
            }
            _ => iso.to_string(),
        }
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(msg) = self.bundle.get_message(id) else {
            return id.to_string();
        };
        let Some(pattern) = msg.value() else {
            return id.to_string();
        };
        let mut errors = vec![];
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
}

/// An argument to a message.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Str(&'a str),
    Num(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(s)
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(s)
    }
}
impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}
impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Num(n as i64)
    }
}
impl From<u8> for Arg<'_> {
    fn from(n: u8) -> Self {
        Arg::Num(n.into())
    }
}
impl From<u16> for Arg<'_> {
    fn from(n: u16) -> Self {
        Arg::Num(n.into())
    }
}

/// Message ids defined in a Fluent source, in order (for the locale tests).
pub fn message_ids(src: &str) -> Vec<String> {
    src.lines()
        .filter_map(|l| {
            let (id, _) = l.split_once('=')?;
            let id = id.trim_end();
            let ok = !id.is_empty()
                && id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            (ok && !l.starts_with(' ')).then(|| id.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_parses_and_has_the_same_ids() {
        let reference: std::collections::BTreeSet<String> =
            message_ids(&source(Lang::ZhCn)).into_iter().collect();
        assert!(reference.len() > 20);
        for lang in Lang::ALL {
            if let Err((_, errs)) = FluentResource::try_new(source(lang)) {
                panic!("{} does not parse: {errs:?}", lang.tag());
            }
            let all = message_ids(&source(lang));
            let ids: std::collections::BTreeSet<String> = all.iter().cloned().collect();
            assert_eq!(
                all.len(),
                ids.len(),
                "{}: an id is defined twice",
                lang.tag()
            );
            let missing: Vec<_> = reference.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&reference).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.tag());
            assert!(
                extra.is_empty(),
                "{} has ids zh-CN lacks: {extra:?}",
                lang.tag()
            );
        }
    }

    #[test]
    fn arguments_are_inserted_without_isolation_marks() {
        let l = Localizer::new(Lang::En);
        let s = l.t_args(
            "position",
            &[("index", 2usize.into()), ("total", 7usize.into())],
        );
        assert_eq!(s, "2 of 7");
        assert!(!s.contains('\u{2068}'));
    }

    #[test]
    fn dates_are_said_in_words() {
        let l = Localizer::new(Lang::ZhCn);
        assert_eq!(l.date("2022-09-07"), "2022年9月7日");
        assert_eq!(l.date("not a date"), "not a date");
    }

    #[test]
    fn a_missing_id_shows_the_id() {
        assert_eq!(
            Localizer::new(Lang::ZhCn).t("no-such-message"),
            "no-such-message"
        );
    }
}
