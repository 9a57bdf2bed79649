//! Source files of a plan and byte-offset → line/column mapping.

use std::path::PathBuf;

pub type SourceId = usize;

/// One file of the plan as read from disk. `text` is what diagnostics quote: for a file that is not
/// valid UTF-8 it is the lossy decoding, so the excerpt can still be shown.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    /// Path relative to the plan directory, with `/` separators: what users see. Control
    /// characters are shown escaped ("\\u{a}"): a file name is input, and a newline in it must
    /// not start a line of its own on a terminal or a CI log (`::error …` is a GitHub command).
    pub name: String,
    pub text: String,
    /// The file began with a UTF-8 byte order mark (not part of `text`).
    pub bom: bool,
    line_starts: Vec<usize>,
    /// The last (byte offset, character column) computed on a line: findings come in order, so
    /// counting on from it keeps many findings on one long line linear, not quadratic.
    last: std::cell::Cell<(usize, usize)>,
}

impl SourceFile {
    pub fn new(path: PathBuf, name: String, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path,
            name: crate::print::escape_controls(&name, true),
            text,
            bom: false,
            line_starts,
            last: std::cell::Cell::new((0, 0)),
        }
    }

    /// The path as the repository knows it, for CI annotations and SARIF, which are resolved
    /// against the checkout: relative to the working directory when the file lies inside it,
    /// `/` separators, no leading "./" (`dxplan check plan/` in the repository root gives
    /// "plan/phan-2/…", not the plan-relative "phan-2/…" the terminal formats show).
    pub fn repo_path(&self) -> String {
        crate::print::escape_controls(&self.repo_path_raw(), true)
    }

    /// [`Self::repo_path`] as the file system has it, control characters and all: for a SARIF
    /// URI, which percent-encodes them and so must point at the real file.
    pub fn repo_path_raw(&self) -> String {
        if self.path.as_os_str().is_empty() {
            return self.name.clone();
        }
        let rel = if self.path.is_absolute() {
            std::env::current_dir()
                .ok()
                .and_then(|cwd| self.path.strip_prefix(cwd).ok().map(|p| p.to_path_buf()))
                .unwrap_or_else(|| self.path.clone())
        } else {
            self.path.clone()
        };
        let mut s = rel.to_string_lossy().replace('\\', "/");
        while let Some(rest) = s.strip_prefix("./") {
            s = rest.to_string();
        }
        s
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let (from, base) = match self.last.get() {
            (at, col) if at >= start && at <= offset => (at, col),
            _ => (start, 0),
        };
        let col = base
            + self
                .text
                .get(from..offset)
                .map(|s| s.chars().count())
                .unwrap_or(offset - from);
        self.last.set((offset, col));
        (line + 1, col + 1)
    }

    /// Byte offset of a 1-based line and character column.
    pub fn offset_of(&self, line: usize, col: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        rest.char_indices()
            .nth(col.saturating_sub(1))
            .map(|(i, _)| start + i)
            .unwrap_or(self.text.len())
    }
}

/// Where a YAML or TOML comment starts on a line: the first `#` outside quotes — in YAML only one
/// that starts the line or follows a space (`after_space`), as the YAML grammar says.
pub fn comment_start(line: &str, after_space: bool) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') if !after_space || prev.is_whitespace() => return Some(i),
            _ => {}
        }
        prev = c;
    }
    None
}

/// All source files of one run, indexed by [`SourceId`].
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> SourceId {
        self.files.push(file);
        self.files.len() - 1
    }

    pub fn get(&self, id: SourceId) -> &SourceFile {
        &self.files[id]
    }

    pub fn iter(&self) -> impl Iterator<Item = (SourceId, &SourceFile)> {
        self.files.iter().enumerate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let f = SourceFile::new("a".into(), "a".into(), "ab\nxin chào: 1\n".into());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        let colon = f.text.find(':').unwrap();
        assert_eq!(f.line_col(colon), (2, 9));
        assert_eq!(f.offset_of(2, 9), colon);
    }
}
