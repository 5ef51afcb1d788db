//! Turning a view into what is spoken. One focus change, one announcement:
//! name, role, state, position ("招聘信息, 菜单项, 1/7").

use super::view::{Item, Role, View};
use crate::domain::settings::Verbosity;
use crate::i18n::Localizer;

/// The announcement for the focused item of `view`.
pub fn item(loc: &Localizer, view: &View, verbosity: Verbosity) -> String {
    match view.focused() {
        Some(it) => item_at(loc, it, view.focus, view.items.len(), verbosity),
        None => loc.t("list-empty"),
    }
}

/// The announcement for one item at `index` (0-based) of `total`.
pub fn item_at(
    loc: &Localizer,
    it: &Item,
    index: usize,
    total: usize,
    verbosity: Verbosity,
) -> String {
    if it.role == Role::Step {
        // "第3步，共8步，全国盲人医疗按摩人员考试，3项要求满足2项": the
        // position names a step, in every verbosity.
        let (i, n) = it.pos.map_or((index, total), |(i, n)| (i - 1, n));
        let mut parts = vec![position_of(loc, it.role, i, n), it.label.clone()];
        parts.extend(it.state.clone());
        return join(loc, &parts);
    }
    let mut parts = vec![it.label.clone()];
    // A paragraph's position names it ("第3段，共68段"): no role word needed.
    if verbosity == Verbosity::Full && it.role != Role::Paragraph {
        parts.push(loc.t(it.role.message_id()));
    }
    if let Some(s) = &it.state {
        parts.push(s.clone());
    }
    if verbosity == Verbosity::Full {
        let (i, n) = it.pos.map_or((index, total), |(i, n)| (i - 1, n));
        parts.push(position_of(loc, it.role, i, n));
    }
    join(loc, &parts)
}

/// Join parts with the list separator, except after a part that already
/// ends in punctuation (a paragraph's "。"), where a space is enough.
pub fn join(loc: &Localizer, parts: &[String]) -> String {
    let sep = loc.t("list-separator");
    let mut out = String::new();
    for p in parts {
        if !out.is_empty() {
            let ends_in_punct = out
                .chars()
                .last()
                .is_some_and(|c| "。，、；：！？,.;:!?".contains(c));
            out.push_str(if ends_in_punct { " " } else { &sep });
        }
        out.push_str(p);
    }
    out
}

/// "第3项，共12项" in the user's language.
pub fn position(loc: &Localizer, index: usize, total: usize) -> String {
    loc.t_args(
        "position",
        &[("index", (index + 1).into()), ("total", total.into())],
    )
}

fn position_of(loc: &Localizer, role: Role, index: usize, total: usize) -> String {
    let id = match role {
        Role::Paragraph => "position-paragraph",
        Role::Step => "position-step",
        _ => "position",
    };
    loc.t_args(
        id,
        &[("index", (index + 1).into()), ("total", total.into())],
    )
}

/// What is said when a screen opens: its title and item count, then the
/// focused item, as one announcement.
pub fn screen(loc: &Localizer, view: &View, verbosity: Verbosity) -> String {
    let paragraphs = !view.items.is_empty() && view.items.iter().all(|i| i.role == Role::Paragraph);
    let id = if paragraphs {
        "screen-opened-paragraphs"
    } else {
        "screen-opened"
    };
    let title = if verbosity == Verbosity::Full {
        loc.t_args(
            id,
            &[
                ("title", (&view.title).into()),
                ("count", view.items.len().into()),
            ],
        )
    } else {
        view.title.clone()
    };
    format!(
        "{title}{}{}",
        loc.t("sentence-separator"),
        item(loc, view, verbosity)
    )
}

/// The whole screen read top to bottom: title, then every given item.
pub fn read_all(
    loc: &Localizer,
    view: &View,
    range: std::ops::Range<usize>,
    status: Option<&str>,
) -> String {
    let sep = loc.t("sentence-separator");
    let mut out = vec![view.title.clone()];
    let total = view.items.len();
    for i in range.start.min(total)..range.end.min(total) {
        out.push(item_at(
            loc,
            &view.items[i],
            i,
            total,
            crate::domain::settings::Verbosity::Brief,
        ));
    }
    if let Some(s) = status {
        out.push(s.to_string());
    }
    out.join(&sep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::Lang;

    fn view() -> View {
        View {
            title: "主菜单".into(),
            items: vec![
                Item::new("招聘信息", Role::MenuItem),
                Item::new("语速", Role::Setting).with_state("60"),
            ],
            focus: 1,
        }
    }

    #[test]
    fn full_says_name_role_state_position() {
        let l = Localizer::new(Lang::ZhCn);
        assert_eq!(
            item(&l, &view(), Verbosity::Full),
            "语速，调节项，60，第2项，共2项"
        );
    }

    #[test]
    fn paragraphs_are_counted_as_paragraphs_and_punctuation_is_not_doubled() {
        let l = Localizer::new(Lang::ZhCn);
        let v = View {
            title: "t".into(),
            items: vec![Item::new("第一段。", Role::Paragraph)],
            focus: 0,
        };
        assert_eq!(item(&l, &v, Verbosity::Full), "第一段。 第1段，共1段");
    }

    #[test]
    fn brief_trims_role_and_position() {
        let l = Localizer::new(Lang::ZhCn);
        assert_eq!(item(&l, &view(), Verbosity::Brief), "语速，60");
    }

    #[test]
    fn english_reads_position_in_words() {
        let l = Localizer::new(Lang::En);
        assert_eq!(
            item(&l, &view(), Verbosity::Full),
            "语速, setting, 60, 2 of 2"
        );
    }
}
