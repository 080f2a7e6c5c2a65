//! Plain-text tables for people: rows in, aligned columns out (what `diplograph query` prints
//! unless asked for JSON or CSV). Each cell is one line, cut to 70 characters.

/// Rows that print as a table: a header, and one line of cells per row.
pub trait TableRow {
    /// The column names.
    const HEADER: &'static [&'static str];
    /// One row's cells, in [`TableRow::HEADER`] order.
    fn cells(&self) -> Vec<String>;
    /// The rows as text: one table by default.
    fn table(rows: &[Self]) -> String
    where
        Self: Sized,
    {
        text(Self::HEADER, rows.iter().map(Self::cells))
    }
}

/// The widest a cell is printed, in characters.
const MAX: usize = 70;

/// A table: the header, then one line per row, columns padded to their widest cell (the last
/// column is not padded); "(none)" under the header when there are no rows.
pub fn text(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| r.iter().map(|c| cell(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(&format!("{c:<w$}  ", w = widths[i]));
            }
        }
        let mut s = s.trim_end().to_string();
        s.push('\n');
        s
    };
    let mut out = line(&header.iter().map(|h| h.to_string()).collect::<Vec<_>>());
    if rows.is_empty() {
        out.push_str("(none)\n");
    }
    for r in &rows {
        out.push_str(&line(r));
    }
    out
}

/// One line, at most [`MAX`] characters (an ellipsis marks the cut).
fn cell(s: &str) -> String {
    let s = s.replace('\n', " ");
    if s.chars().count() > MAX {
        let mut t: String = s.chars().take(MAX - 1).collect();
        t.push('…');
        t
    } else {
        s
    }
}

/// A date cell: the day, or "-".
pub fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "-".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_and_the_last_is_not_padded() {
        let t = text(
            &["a", "bb", "c"],
            [
                vec!["xxx".into(), "y".into(), "z".into()],
                vec!["x".into(), "yyyy".into(), "".into()],
            ],
        );
        assert_eq!(t, "a    bb    c\nxxx  y     z\nx    yyyy\n");
    }

    #[test]
    fn no_rows_say_none_and_long_cells_are_cut() {
        assert_eq!(text(&["h"], Vec::<Vec<String>>::new()), "h\n(none)\n");
        let long = "é".repeat(100);
        let t = text(&["h"], [vec![format!("{long}\nmore")]]);
        let row = t.lines().nth(1).unwrap();
        assert_eq!(row.chars().count(), MAX);
        assert!(row.ends_with('…'));
    }
}
