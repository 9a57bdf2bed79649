//! Atomic file output: write a temporary file beside the target, then rename it over the target,
//! so a failed or interrupted run never leaves a half-written document or replaces a good one.

use std::io::Write;
use std::path::Path;

/// Why [`write_atomic`] refuses a target (`lang::io_failed` says it in Vietnamese).
pub const NOT_REGULAR: &str = "not a regular file";

/// The first symbolic link on the way to `path` below `base` (each directory between them, and
/// `path` itself), if any. A plan that commits `build` as a link to elsewhere must not make
/// `dxplan build` write there; only the part of the path inside `base` (the plan, or the working
/// directory) is the plan's to shape — above it, links are the machine's (/tmp on macOS).
pub fn link_below(base: &Path, path: &Path) -> Option<std::path::PathBuf> {
    let abs = |p: &Path| {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        }
    };
    let (base, path) = (abs(base), abs(path));
    let rest = path.strip_prefix(&base).ok()?;
    let mut at = base.clone();
    for part in rest.components() {
        match part {
            std::path::Component::Normal(p) => at.push(p),
            // "..": the walk leaves `base`; the rest is not the plan's.
            _ => return None,
        }
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => return Some(at),
            Ok(_) => {}
            Err(_) => return None, // not there yet: created as a directory
        }
    }
    None
}

pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // The rename would replace a link, a device or a directory instead of writing a file.
    if let Ok(m) = std::fs::symlink_metadata(path)
        && !m.file_type().is_file()
    {
        return Err(std::io::Error::other(NOT_REGULAR));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".dxplan-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    // tempfile creates 0600; outputs are ordinary documents, readable like any file the user makes.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode())
            .unwrap_or(0o644);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Why a file of the plan was not read.
#[derive(Debug)]
pub enum PlanReadError {
    NotFound,
    /// It resolves outside the plan directory (an absolute path, `..`, a link pointing out).
    Outside,
    /// A link, a device, a FIFO, a directory: not a regular file.
    NotRegular,
    /// Larger than the cap (nothing of it is kept).
    TooLarge,
    Io(std::io::Error),
}

impl PlanReadError {
    /// The refusal in both languages; it names the path, never the file's content.
    pub fn msg(&self, shown: &str) -> crate::lang::Msg {
        match self {
            PlanReadError::NotFound => {
                crate::msg!("không có tệp {shown}", "there is no file {shown}")
            }
            PlanReadError::Outside => crate::msg!(
                "không đọc {shown}: tệp nằm ngoài thư mục kế hoạch",
                "not reading {shown}: it is outside the plan directory"
            ),
            PlanReadError::NotRegular => crate::msg!(
                "không đọc {shown}: đó không phải một tệp thường (liên kết, thiết bị, thư mục)",
                "not reading {shown}: it is not a regular file (a link, a device, a directory)"
            ),
            PlanReadError::TooLarge => crate::msg!(
                "không đọc {shown}: tệp quá lớn",
                "not reading {shown}: the file is too large"
            ),
            PlanReadError::Io(e) => crate::lang::io_failed(
                &format!("không đọc được {shown}"),
                &format!("cannot read {shown}"),
                e,
            ),
        }
    }
}

/// Reads a file that belongs to the plan: it must be a regular file (not a link) that resolves
/// inside `root`, and at most `cap` bytes are read — the size in the metadata is not trusted
/// (devices and FIFOs report 0), the read itself stops at `cap + 1`.
pub fn read_in_plan(root: &Path, path: &Path, cap: u64) -> Result<Vec<u8>, PlanReadError> {
    use std::io::Read;
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(PlanReadError::NotFound),
        Err(e) => return Err(PlanReadError::Io(e)),
    };
    if !meta.file_type().is_file() {
        return Err(PlanReadError::NotRegular);
    }
    let (Ok(root), Ok(full)) = (std::fs::canonicalize(root), std::fs::canonicalize(path)) else {
        return Err(PlanReadError::Outside);
    };
    if !full.starts_with(&root) {
        return Err(PlanReadError::Outside);
    }
    let file = std::fs::File::open(&full).map_err(PlanReadError::Io)?;
    let mut buf = Vec::new();
    file.take(cap + 1)
        .read_to_end(&mut buf)
        .map_err(PlanReadError::Io)?;
    if buf.len() as u64 > cap {
        return Err(PlanReadError::TooLarge);
    }
    Ok(buf)
}
