//! A small document model for the student report, written as Markdown or
//! as one self-contained HTML file with a print stylesheet (A4, a new page
//! per section). Every text is escaped: what comes from a case file (names,
//! notes) never passes as markup.

/// One row of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<String>,
    /// The row is highlighted (it differs, or it needs attention).
    pub highlight: bool,
    /// Per cell: shown in bold (a value that differs).
    pub strong: Vec<bool>,
    /// A group heading inside the table (its first cell only).
    pub group: bool,
}

impl Row {
    pub fn plain(cells: Vec<String>) -> Row {
        let n = cells.len();
        Row {
            cells,
            highlight: false,
            strong: vec![false; n],
            group: false,
        }
    }

    pub fn highlighted(cells: Vec<String>, highlight: bool) -> Row {
        Row {
            highlight,
            ..Row::plain(cells)
        }
    }

    pub fn group(label: String, width: usize) -> Row {
        let mut cells = vec![label];
        cells.resize(width, String::new());
        Row {
            group: true,
            ..Row::plain(cells)
        }
    }
}

/// A block of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// The title of the whole report.
    Title(String),
    /// A section: a new page when printed.
    Section(String),
    Heading(String),
    Para(String),
    List(Vec<String>),
    Table {
        header: Vec<String>,
        rows: Vec<Row>,
    },
}

/// Escapes what Markdown would read as markup (CommonMark backslash
/// escapes), raw HTML included.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Markdown: headings, paragraphs, lists, tables (bold where strong).
pub fn markdown(blocks: &[Block]) -> String {
    let mut s = String::new();
    for b in blocks {
        match b {
            Block::Title(t) => s.push_str(&format!("# {}\n\n", md(t))),
            Block::Section(t) => s.push_str(&format!("## {}\n\n", md(t))),
            Block::Heading(t) => s.push_str(&format!("### {}\n\n", md(t))),
            Block::Para(t) => s.push_str(&format!("{}\n\n", md(t))),
            Block::List(items) => {
                for i in items {
                    s.push_str(&format!("- {}\n", md(i)));
                }
                s.push('\n');
            }
            Block::Table { header, rows } => {
                let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
                s.push_str(&line(header.iter().map(|h| md(h)).collect()));
                s.push_str(&format!("|{}\n", "---|".repeat(header.len())));
                for r in rows {
                    let cells = r
                        .cells
                        .iter()
                        .enumerate()
                        .map(|(i, c)| {
                            let bold =
                                (r.group && i == 0) || r.strong.get(i).copied().unwrap_or(false);
                            if bold && !c.is_empty() {
                                format!("**{}**", md(c))
                            } else {
                                md(c)
                            }
                        })
                        .collect();
                    s.push_str(&line(cells));
                }
                s.push('\n');
            }
        }
    }
    s
}

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Screen and print styles. Printed: A4, each section on a new page,
/// headings kept with what follows, rows and list items not split, long
/// words broken rather than running out of the page.
const CSS: &str = "\
body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:11pt;line-height:1.4;max-width:60em;margin:2em auto;padding:0 1em;color:#111}\
h1{font-size:17pt;border-bottom:2px solid #1b4f9c;padding-bottom:.2em}\
h2{font-size:14pt;color:#1b4f9c;margin-top:1.4em}h3{font-size:12pt;margin-top:1.2em}\
p,li,td,th,h1,h2,h3{overflow-wrap:anywhere}\
table{border-collapse:collapse;margin:.6em 0 1em;width:100%}\
th,td{border:1px solid #999;padding:.25em .5em;text-align:left;vertical-align:top}\
th{background:#e8eef8}td:not(:first-child){font-variant-numeric:tabular-nums}\
tr.hl td{background:#fff6d5}td.strong{font-weight:bold}tr.group td{background:#f2f2f2;font-weight:bold}\
ul{padding-left:1.3em}li{margin:.15em 0}\
@page{size:A4;margin:16mm 15mm}\
@media print{body{margin:0;padding:0;max-width:none;font-size:10pt}\
section{break-before:page}section:first-of-type{break-before:auto}\
h1,h2,h3{break-after:avoid}tr,li{break-inside:avoid}thead{display:table-header-group}\
tr.hl td{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

/// One self-contained HTML file: no scripts, no external resources.
pub fn html(blocks: &[Block], title: &str) -> String {
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<section>\n",
        esc(title)
    );
    let mut first_section = true;
    for b in blocks {
        match b {
            Block::Title(t) => s.push_str(&format!("<h1>{}</h1>\n", esc(t))),
            Block::Section(t) => {
                // The first section shares the page of the title.
                if !first_section {
                    s.push_str("</section>\n<section>\n");
                }
                first_section = false;
                s.push_str(&format!("<h2>{}</h2>\n", esc(t)));
            }
            Block::Heading(t) => s.push_str(&format!("<h3>{}</h3>\n", esc(t))),
            Block::Para(t) => s.push_str(&format!("<p>{}</p>\n", esc(t))),
            Block::List(items) => {
                s.push_str("<ul>\n");
                for i in items {
                    s.push_str(&format!("<li>{}</li>\n", esc(i)));
                }
                s.push_str("</ul>\n");
            }
            Block::Table { header, rows } => {
                s.push_str("<table>\n<thead><tr>");
                for h in header {
                    s.push_str(&format!("<th>{}</th>", esc(h)));
                }
                s.push_str("</tr></thead>\n<tbody>\n");
                for r in rows {
                    s.push_str(match (r.group, r.highlight) {
                        (true, _) => "<tr class=\"group\">",
                        (false, true) => "<tr class=\"hl\">",
                        (false, false) => "<tr>",
                    });
                    if r.group {
                        s.push_str(&format!(
                            "<td colspan=\"{}\">{}</td>",
                            r.cells.len(),
                            esc(&r.cells[0])
                        ));
                    } else {
                        for (i, c) in r.cells.iter().enumerate() {
                            if r.strong.get(i).copied().unwrap_or(false) {
                                s.push_str(&format!("<td class=\"strong\">{}</td>", esc(c)));
                            } else {
                                s.push_str(&format!("<td>{}</td>", esc(c)));
                            }
                        }
                    }
                    s.push_str("</tr>\n");
                }
                s.push_str("</tbody>\n</table>\n");
            }
        }
    }
    s.push_str("</section>\n</body>\n</html>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_a_case_never_pass_as_markup() {
        let evil = "<script>alert(1)</script> *vet* [link](x) | a & b";
        let blocks = vec![
            Block::Para(evil.into()),
            Block::Table {
                header: vec![evil.into()],
                rows: vec![Row::highlighted(vec![evil.into()], true)],
            },
        ];
        let m = markdown(&blocks);
        assert!(!m.contains("<script>"), "{m}");
        assert!(m.contains(r"\<script\>alert(1)\</script\> \*vet\* \[link\](x) \| a \& b"));
        let h = html(&blocks, evil);
        assert!(!h.contains("<script>"), "{h}");
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}
