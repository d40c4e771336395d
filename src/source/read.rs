//! The one reader for every file stackfit opens (inputs, included and extended files, env
//! files, config, rules, decomposition input): regular files only, read to at most the limit
//! plus one byte whatever the metadata says, and counted against one budget per run. It knows
//! nothing of formats and builds no error types of the stages above (they wrap [`ReadError`]).

use crate::tr;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// Total bytes read in this run and files opened (a process is one run).
static TOTAL_BYTES: AtomicU64 = AtomicU64::new(0);
static LOADS: AtomicU64 = AtomicU64::new(0);

/// Budgets of one run: the largest file, all files together, and how many loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub max_file_bytes: u64,
    pub max_total_bytes: u64,
    pub max_loads: u64,
    /// Services (compose services, workloads) one run analyses.
    pub max_services: u64,
    /// Modules and dependency edges of one `decompose` input.
    pub max_modules: u64,
    pub max_edges: u64,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            max_file_bytes: 16 * 1024 * 1024,
            max_total_bytes: 64 * 1024 * 1024,
            max_loads: 2_000,
            max_services: 50_000,
            max_modules: 20_000,
            max_edges: 100_000,
        }
    }
}

/// Why a file was not read: a stable code and a message that names the file (by the name the
/// caller gave) and never quotes its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub code: &'static str,
    pub message: String,
}

/// The reason of an IO error in plain words.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => tr!("error-io-not-found"),
        std::io::ErrorKind::PermissionDenied => tr!("error-io-permission"),
        _ => e.to_string(),
    }
}

/// Name shown for a path: relative to the working directory when it is inside it; control
/// characters in it are escaped by the renderers like any input text.
pub fn display_name(path: &Path) -> String {
    if let Ok(cwd) = std::env::current_dir()
        && let Ok(rel) = path.strip_prefix(&cwd)
    {
        let s = rel.to_string_lossy().to_string();
        if !s.is_empty() {
            return s;
        }
    }
    path.to_string_lossy().to_string()
}

fn special_kind(ft: &std::fs::FileType) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return tr!("error-kind-fifo");
        }
        if ft.is_char_device() {
            return tr!("error-kind-char-device");
        }
        if ft.is_block_device() {
            return tr!("error-kind-block-device");
        }
        if ft.is_socket() {
            return tr!("error-kind-socket");
        }
    }
    if ft.is_dir() {
        return tr!("error-kind-directory");
    }
    tr!("error-kind-other")
}

/// Opens `path` for reading if it is a regular file. The open never blocks (a FIFO is opened
/// non-blocking) and the type is checked on the opened descriptor, so a file swapped after a
/// check cannot slip through.
pub fn open_regular(path: &Path, name: &str, what: &str) -> Result<File, ReadError> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let f = opts.open(path).map_err(|e| ReadError {
        code: if e.kind() == std::io::ErrorKind::NotFound {
            "missing-file"
        } else {
            "unreadable-file"
        },
        message: tr!(
            "error-cannot-read",
            name = name,
            what = what,
            why = io_reason(&e)
        ),
    })?;
    let meta = f.metadata().map_err(|e| ReadError {
        code: "unreadable-file",
        message: tr!(
            "error-cannot-read",
            name = name,
            what = what,
            why = io_reason(&e)
        ),
    })?;
    if !meta.file_type().is_file() {
        let kind = special_kind(&meta.file_type());
        return Err(ReadError {
            code: if meta.is_dir() {
                "not-a-file"
            } else {
                "special-file"
            },
            message: tr!("error-not-regular", name = name, kind = kind, what = what),
        });
    }
    Ok(f)
}

/// Reads at most `budget.max_file_bytes` from any reader: the limit plus one byte is read, so
/// a file that grows or lies about its size is still refused.
pub fn read_limited(
    r: impl Read,
    name: &str,
    what: &str,
    budget: &Budget,
) -> Result<Vec<u8>, ReadError> {
    read_limited_sized(r, 0, name, what, budget)
}

/// [`read_limited`] into a buffer sized for `expected` bytes (a regular file's length, capped
/// at the limit): a file is read into one allocation of its size, not a doubling series.
fn read_limited_sized(
    r: impl Read,
    expected: u64,
    name: &str,
    what: &str,
    budget: &Budget,
) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(expected.min(budget.max_file_bytes) as usize + 1);
    r.take(budget.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError {
            code: "unreadable-file",
            message: tr!(
                "error-cannot-read",
                name = name,
                what = what,
                why = io_reason(&e)
            ),
        })?;
    if bytes.len() as u64 > budget.max_file_bytes {
        return Err(ReadError {
            code: "input-limit",
            message: tr!(
                "error-file-limit",
                name = name,
                what = what,
                limit = budget.max_file_bytes.to_string()
            ),
        });
    }
    charge(bytes.len() as u64, name, budget)?;
    Ok(bytes)
}

/// Counts one load of `len` bytes against the run's budget.
pub fn charge(len: u64, name: &str, budget: &Budget) -> Result<(), ReadError> {
    let total = TOTAL_BYTES.fetch_add(len, Ordering::Relaxed) + len;
    let loads = LOADS.fetch_add(1, Ordering::Relaxed) + 1;
    if total > budget.max_total_bytes {
        return Err(ReadError {
            code: "input-limit",
            message: tr!(
                "error-total-limit",
                name = name,
                limit = budget.max_total_bytes.to_string()
            ),
        });
    }
    if loads > budget.max_loads {
        return Err(ReadError {
            code: "input-limit",
            message: tr!(
                "error-load-limit",
                name = name,
                limit = budget.max_loads.to_string()
            ),
        });
    }
    Ok(())
}

/// Reads a regular file within the budgets.
pub fn read_file(
    path: &Path,
    name: &str,
    what: &str,
    budget: &Budget,
) -> Result<Vec<u8>, ReadError> {
    let f = open_regular(path, name, what)?;
    let expected = f.metadata().map_or(0, |m| m.len());
    read_limited_sized(f, expected, name, what, budget)
}

/// Reads the first `n` bytes of a regular file (format detection); not charged.
pub fn read_head(path: &Path, n: u64) -> Option<Vec<u8>> {
    let f = open_regular(path, "", "").ok()?;
    let mut head = Vec::new();
    f.take(n).read_to_end(&mut head).ok()?;
    Some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Budget {
        Budget {
            max_file_bytes: 10,
            max_total_bytes: 1 << 40,
            max_loads: u64::MAX,
            max_services: u64::MAX,
            max_modules: u64::MAX,
            max_edges: u64::MAX,
        }
    }

    #[test]
    fn limit_is_enforced_by_reading_not_by_metadata() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("f");
        std::fs::write(&p, "0123456789").unwrap();
        assert_eq!(read_file(&p, "f", "file", &small()).unwrap().len(), 10);
        std::fs::write(&p, "0123456789x").unwrap();
        let e = read_file(&p, "f", "file", &small()).unwrap_err();
        assert_eq!(e.code, "input-limit");
        // An endless reader stops at limit + 1.
        let e = read_limited(std::io::repeat(b'a'), "zero", "file", &small()).unwrap_err();
        assert_eq!(e.code, "input-limit");
    }

    #[cfg(unix)]
    #[test]
    fn fifos_and_directories_are_refused_without_waiting() {
        let d = tempfile::tempdir().unwrap();
        let fifo = d.path().join("pipe");
        let ok = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "mkfifo failed");
        let e = read_file(&fifo, "pipe", "compose file", &small()).unwrap_err();
        assert_eq!(e.code, "special-file");
        assert!(e.message.contains("FIFO"), "{}", e.message);
        let e = read_file(d.path(), "dir", "compose file", &small()).unwrap_err();
        assert_eq!(e.code, "not-a-file");
    }
}
