//! Regions, their plan documents, and a document's text as paragraphs.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionLevel {
    Province,
    City,
}

impl RegionLevel {
    pub fn key(self) -> &'static str {
        match self {
            RegionLevel::Province => "province",
            RegionLevel::City => "city",
        }
    }
    pub fn from_key(s: &str) -> Option<Self> {
        match s {
            "province" => Some(Self::Province),
            "city" => Some(Self::City),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: String,
    pub province: String,
    pub level: RegionLevel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    InForce,
    /// A draft for comment (代拟稿, 征求意见稿).
    Draft,
}

impl DocumentStatus {
    pub fn key(self) -> &'static str {
        match self {
            DocumentStatus::InForce => "in_force",
            DocumentStatus::Draft => "draft",
        }
    }
    pub fn from_key(s: &str) -> Option<Self> {
        match s {
            "in_force" => Some(Self::InForce),
            "draft" => Some(Self::Draft),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    Simplified,
    Traditional,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: u16,
    pub to: u16,
}

/// A quote from a source file that supports one field of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldCitation {
    pub field: String,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanDocument {
    pub id: String,
    pub region: String,
    pub issuer: String,
    pub title: String,
    /// Date of issue, `YYYY-MM-DD`; `None` where the text gives none.
    #[serde(default)]
    pub issued: Option<String>,
    pub period: Period,
    pub status: DocumentStatus,
    /// File name under `data/sources/`.
    pub source: String,
    pub script: Script,
    /// Source lines that are web-page furniture rather than the document.
    #[serde(default)]
    pub omit_lines: Vec<String>,
    pub citations: Vec<FieldCitation>,
}

/// The paragraphs of a source text, in order: one paragraph per non-empty
/// line, trimmed, with word-processor bookmarks (`[bookmark: _Hlk…]`) removed
/// and the `omit` lines left out.
pub fn paragraphs(source: &str, omit: &[String]) -> Vec<String> {
    source
        .lines()
        .map(|l| strip_bookmarks(l).trim().to_string())
        .filter(|l| !l.is_empty() && !omit.iter().any(|o| o.trim() == l))
        .collect()
}

fn strip_bookmarks(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find("[bookmark:") {
        out.push_str(&rest[..start]);
        match rest[start..].find(']') {
            Some(end) => rest = &rest[start + end + 1..],
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_skip_blank_and_omitted_lines_and_strip_bookmarks() {
        let src =
            "發布通知\n標題\n\n  [bookmark: _Hlk1]第一段[bookmark: _GoBack]。 \n檔案全文\n第二段\n";
        let omit = vec!["發布通知".to_string(), "檔案全文".to_string()];
        assert_eq!(paragraphs(src, &omit), vec!["標題", "第一段。", "第二段"]);
    }

    #[test]
    fn unterminated_bookmark_is_kept_as_text() {
        assert_eq!(strip_bookmarks("a[bookmark: b"), "a[bookmark: b");
    }
}
