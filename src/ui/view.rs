//! What a screen shows, as data. The frame, the spoken announcement and the
//! line-mode listing are all made from a [`View`], so what is heard is what
//! is drawn.

/// The role of an item, spoken after its name in full verbosity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    MenuItem,
    ListItem,
    Paragraph,
    /// A setting whose value changes with Left and Right.
    Setting,
    HelpEntry,
    HistoryEntry,
    /// A text field the user types into.
    EditField,
    /// A fact shown in a detail screen ("截止时间：…").
    Field,
    /// A step of a path: its position comes first ("第3步，共8步").
    Step,
}

impl Role {
    /// The Fluent id of the role's spoken name.
    pub fn message_id(self) -> &'static str {
        match self {
            Role::MenuItem => "role-menu-item",
            Role::ListItem => "role-list-item",
            Role::Paragraph => "role-paragraph",
            Role::Setting => "role-setting",
            Role::HelpEntry => "role-help-entry",
            Role::HistoryEntry => "role-history-entry",
            Role::EditField => "role-edit-field",
            Role::Field => "role-field",
            Role::Step => "role-step",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The name: what the item is, said first.
    pub label: String,
    pub role: Role,
    /// State or value ("60", "draft", "2 documents"), said after the role.
    pub state: Option<String>,
    /// Position within its own group (1-based index, total) when the screen
    /// holds more than one group, e.g. search controls and then results.
    pub pos: Option<(usize, usize)>,
}

impl Item {
    pub fn new(label: impl Into<String>, role: Role) -> Self {
        Self {
            label: label.into(),
            role,
            state: None,
            pos: None,
        }
    }
    pub fn with_state(mut self, state: impl Into<String>) -> Self {
        self.state = Some(state.into());
        self
    }
    /// Position `index` (0-based) of `total` within its group.
    pub fn at(mut self, index: usize, total: usize) -> Self {
        self.pos = Some((index + 1, total));
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// The screen's name, said when it opens.
    pub title: String,
    pub items: Vec<Item>,
    /// Index of the focused item (always < items.len() when items exist).
    pub focus: usize,
}

impl View {
    pub fn focused(&self) -> Option<&Item> {
        self.items.get(self.focus)
    }
}
