//! The small Markdown subset of the annotation guidelines, parsed into a tree
//! that components turn into elements with text nodes only (the text is data,
//! never HTML).
//!
//! Understood: `#`/`##`/`###` headings, `- ` bullets (indented lines continue
//! the item), `|` tables whose second row is a `|---|` separator, paragraphs
//! (consecutive lines), and inline `` `code` `` and `**bold**`. Anything else
//! is kept as text, so nothing written is ever lost.
//!
//! ```ignore
//! let blocks = parse("## Labels\n| key | label |\n|---|---|\n| 1 | PER |");
//! assert!(matches!(blocks[1], Block::Table { .. }));
//! ```

/// A run of text inside a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    /// Between backticks: a name, a Persian example, a field.
    Code(String),
    /// Between `**`.
    Strong(String),
}

/// A table cell, a list item or a paragraph: a sequence of inline runs.
pub type Line = Vec<Inline>;

/// A top-level element of the guidelines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// `level` 1 for `#`, 2 for `##`, …
    Heading {
        level: u8,
        text: Line,
    },
    Paragraph(Line),
    List(Vec<Line>),
    /// `head` is empty when the table has no separator row.
    Table {
        head: Vec<Line>,
        rows: Vec<Vec<Line>>,
    },
}

/// Parses `text` into blocks; never fails.
pub fn parse(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            i += 1;
        } else if let Some((level, rest)) = heading(line) {
            blocks.push(Block::Heading { level, text: inline(rest) });
            i += 1;
        } else if trimmed.starts_with('|') {
            let start = i;
            while i < lines.len() && lines[i].trim().starts_with('|') {
                i += 1;
            }
            blocks.push(table(&lines[start..i]));
        } else if let Some(first) = bullet(line) {
            let mut items = Vec::new();
            let mut item = first.to_string();
            i += 1;
            while i < lines.len() {
                let l = lines[i];
                if let Some(next) = bullet(l) {
                    items.push(inline(&item));
                    item = next.to_string();
                } else if l.starts_with(char::is_whitespace) && !l.trim().is_empty() {
                    item.push(' ');
                    item.push_str(l.trim());
                } else {
                    break;
                }
                i += 1;
            }
            items.push(inline(&item));
            blocks.push(Block::List(items));
        } else {
            let mut para = trimmed.to_string();
            i += 1;
            while i < lines.len() {
                let l = lines[i];
                if l.trim().is_empty() || heading(l).is_some() || bullet(l).is_some() || l.trim().starts_with('|') {
                    break;
                }
                para.push(' ');
                para.push_str(l.trim());
                i += 1;
            }
            blocks.push(Block::Paragraph(inline(&para)));
        }
    }
    blocks
}

/// `## Title` → (2, "Title"); a `#` not followed by a space is not a heading.
fn heading(line: &str) -> Option<(u8, &str)> {
    let level = line.chars().take_while(|&c| c == '#').count();
    let rest = &line[level..];
    (level > 0 && level <= 6 && rest.starts_with(' ')).then_some((level as u8, rest.trim()))
}

fn bullet(line: &str) -> Option<&str> {
    line.strip_prefix("- ").map(str::trim)
}

fn cells(line: &str) -> Vec<&str> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    t.split('|').map(str::trim).collect()
}

fn is_separator(line: &str) -> bool {
    cells(line).iter().all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':')))
}

fn table(lines: &[&str]) -> Block {
    let row = |l: &&str| cells(l).into_iter().map(inline).collect::<Vec<_>>();
    match lines {
        [head, sep, rest @ ..] if is_separator(sep) => {
            Block::Table { head: row(head), rows: rest.iter().filter(|l| !is_separator(l)).map(row).collect() }
        }
        _ => Block::Table { head: Vec::new(), rows: lines.iter().filter(|l| !is_separator(l)).map(row).collect() },
    }
}

/// Splits a line into text, `code` and **bold** runs; an unclosed marker is text.
pub fn inline(s: &str) -> Line {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = s;
    while !rest.is_empty() {
        let marked = if let Some(after) = rest.strip_prefix('`') {
            after.find('`').map(|e| (Inline::Code(after[..e].to_string()), &after[e + 1..]))
        } else if let Some(after) = rest.strip_prefix("**") {
            after.find("**").filter(|&e| e > 0).map(|e| (Inline::Strong(after[..e].to_string()), &after[e + 2..]))
        } else {
            None
        };
        match marked {
            Some((run, after)) => {
                if !text.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut text)));
                }
                out.push(run);
                rest = after;
            }
            None => {
                let c = rest.chars().next().expect("rest is not empty");
                text.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if !text.is_empty() {
        out.push(Inline::Text(text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }
    fn code(s: &str) -> Inline {
        Inline::Code(s.into())
    }

    #[test]
    fn headings_by_level_and_not_without_a_space() {
        assert_eq!(
            parse("# Title\n## Labels\n#hashtag"),
            vec![
                Block::Heading { level: 1, text: vec![t("Title")] },
                Block::Heading { level: 2, text: vec![t("Labels")] },
                Block::Paragraph(vec![t("#hashtag")]),
            ]
        );
    }

    #[test]
    fn table_with_header_separator_and_persian_cells() {
        let md = "| key | label | examples |\n|---|---|---|\n| 1 | PER | `وجیه اله جعفری`, later `جعفری` |\n| - | AGREEMENT | x |\nafter";
        assert_eq!(
            parse(md),
            vec![
                Block::Table {
                    head: vec![vec![t("key")], vec![t("label")], vec![t("examples")]],
                    rows: vec![
                        vec![vec![t("1")], vec![t("PER")], vec![code("وجیه اله جعفری"), t(", later "), code("جعفری")]],
                        vec![vec![t("-")], vec![t("AGREEMENT")], vec![t("x")]],
                    ],
                },
                Block::Paragraph(vec![t("after")]),
            ]
        );
    }

    #[test]
    fn table_without_separator_has_no_head() {
        assert_eq!(
            parse("| a | b |"),
            vec![Block::Table { head: vec![], rows: vec![vec![vec![t("a")], vec![t("b")]]] }]
        );
    }

    #[test]
    fn list_items_continue_on_indented_lines() {
        let md =
            "- A span is over the **original** text,\n  never a copy.\n- Second `و` item\nNext paragraph\nsame one";
        assert_eq!(
            parse(md),
            vec![
                Block::List(vec![
                    vec![t("A span is over the "), Inline::Strong("original".into()), t(" text, never a copy.")],
                    vec![t("Second "), code("و"), t(" item")],
                ]),
                Block::Paragraph(vec![t("Next paragraph same one")]),
            ]
        );
    }

    #[test]
    fn inline_code_bold_and_unclosed_markers() {
        assert_eq!(inline("`start`/`end` count"), vec![code("start"), t("/"), code("end"), t(" count")]);
        assert_eq!(inline("a ` b ** c"), vec![t("a ` b ** c")]);
        assert_eq!(inline("«ایران»"), vec![t("«ایران»")]);
        assert_eq!(inline(""), vec![]);
    }

    #[test]
    fn the_shipped_guidelines_have_the_label_table() {
        let blocks = parse(include_str!("../assets/guidelines.md"));
        let tables: Vec<_> = blocks
            .iter()
            .filter_map(|b| if let Block::Table { head, rows } = b { Some((head, rows)) } else { None })
            .collect();
        assert_eq!(tables.len(), 1);
        let (head, rows) = tables[0];
        assert_eq!(head[0], vec![t("key")]);
        assert_eq!(rows.len(), 11);
        assert!(rows.iter().all(|r| r.len() == 4));
        assert_eq!(rows[0][1], vec![t("PER")]);
        // No Markdown syntax is left over as text anywhere.
        let dump = format!("{blocks:?}");
        assert!(!dump.contains("|---"));
        assert!(!dump.contains("Text(\"`") && !dump.contains("**"));
    }

    /// The table's key and label columns, and every code run (examples, field names) in order.
    fn skeleton(md: &str) -> (Vec<(Line, Line)>, Vec<String>) {
        let blocks = parse(md);
        let mut codes = Vec::new();
        let mut keys = Vec::new();
        let mut take = |line: &Line| {
            codes.extend(line.iter().filter_map(|r| if let Inline::Code(c) = r { Some(c.clone()) } else { None }))
        };
        for b in &blocks {
            match b {
                Block::Heading { text, .. } | Block::Paragraph(text) => take(text),
                Block::List(items) => items.iter().for_each(&mut take),
                Block::Table { rows, .. } => {
                    for r in rows {
                        keys.push((r[0].clone(), r[1].clone()));
                        r.iter().for_each(&mut take);
                    }
                }
            }
        }
        (keys, codes)
    }

    #[test]
    fn the_persian_guidelines_keep_every_key_label_and_example_of_the_english() {
        let (en_keys, en_codes) = skeleton(include_str!("../assets/guidelines.md"));
        let (fa_keys, fa_codes) = skeleton(include_str!("../assets/guidelines.fa.md"));
        assert_eq!(fa_keys, en_keys);
        assert_eq!(fa_codes, en_codes);
        assert!(en_codes.len() > 80, "{}", en_codes.len());
    }
}
