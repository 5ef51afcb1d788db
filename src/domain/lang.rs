//! The three interface languages.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    ZhCn,
    ZhTw,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::ZhCn, Lang::ZhTw, Lang::En];

    /// BCP 47 tag, also the folder name under `locales/`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::ZhTw => "zh-TW",
            Lang::En => "en",
        }
    }

    /// Which script Chinese data text is shown in for this language.
    pub fn traditional(self) -> bool {
        self == Lang::ZhTw
    }

    /// The language of a POSIX locale value such as `zh_TW.UTF-8`, `en_GB`,
    /// `C` or `POSIX`. Unknown or absent values give `None` (the caller
    /// falls back to zh-CN). Non-UTF-8 values never reach here as errors:
    /// the caller passes them lossily.
    pub fn from_posix_locale(value: &str) -> Option<Lang> {
        let v = value
            .split(['.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
            .replace('_', "-");
        if v.is_empty() || v == "c" || v == "posix" {
            return None;
        }
        if v.starts_with("zh") {
            // Taiwan, Hong Kong and Macau read traditional characters.
            if v.contains("tw") || v.contains("hk") || v.contains("mo") || v.contains("hant") {
                return Some(Lang::ZhTw);
            }
            return Some(Lang::ZhCn);
        }
        if v.starts_with("en") {
            return Some(Lang::En);
        }
        None
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "zh-cn" | "zh" | "zh-hans" | "cn" => Ok(Lang::ZhCn),
            "zh-tw" | "zh-hant" | "zh-hk" | "tw" => Ok(Lang::ZhTw),
            "en" | "en-us" | "en-gb" => Ok(Lang::En),
            _ => Err(format!("unknown language {s:?}: use zh-CN, zh-TW or en")),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_locales() {
        assert_eq!(Lang::from_posix_locale("zh_CN.UTF-8"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_posix_locale("zh_TW.UTF-8"), Some(Lang::ZhTw));
        assert_eq!(Lang::from_posix_locale("zh_HK.Big5"), Some(Lang::ZhTw));
        assert_eq!(Lang::from_posix_locale("en_GB.ISO-8859-1"), Some(Lang::En));
        assert_eq!(Lang::from_posix_locale("C"), None);
        assert_eq!(Lang::from_posix_locale("POSIX"), None);
        assert_eq!(Lang::from_posix_locale(""), None);
        assert_eq!(Lang::from_posix_locale("de_DE.UTF-8"), None);
    }

    #[test]
    fn flags_round_trip() {
        for l in Lang::ALL {
            assert_eq!(l.tag().parse::<Lang>(), Ok(l));
        }
        assert!("fr".parse::<Lang>().is_err());
    }
}
