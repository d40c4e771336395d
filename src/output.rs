//! Writing results to a path named on the command line (`--output`, `init`) and the append to
//! `$GITHUB_STEP_SUMMARY`: the only places stackfit writes. It owns no rendering and reads no
//! input; it must never follow a symlink at the target, never create a file at a predictable
//! temporary name, and never replace a device, a FIFO or one of the inputs.

use crate::tr;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::source::display_name;

/// What may happen to an existing regular file at the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// `--output`: an existing regular file is replaced atomically.
    RegularFile,
    /// `init`: nothing is replaced, not even a dangling symlink.
    Never,
}

fn refuse(path: &Path, why: &str) -> Error {
    Error::usage(tr!(
        "error-cannot-write",
        path = display_name(path),
        why = why
    ))
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

/// Opens an existing character device or FIFO for writing in place. A FIFO is opened
/// non-blocking, so one with no reader is an error at once instead of a wait.
#[cfg(unix)]
fn open_special(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_special(path: &Path) -> std::io::Result<File> {
    OpenOptions::new().write(true).open(path)
}

#[cfg(unix)]
fn is_char_device_or_fifo(ft: &std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    ft.is_char_device() || ft.is_fifo()
}

#[cfg(not(unix))]
fn is_char_device_or_fifo(_: &std::fs::FileType) -> bool {
    false
}

/// Writes `bytes` to `path`: a temporary file created exclusively under a random name in the
/// target's directory, then renamed over the target; an existing character device or FIFO is
/// written in place. A symlink at the target, a read-only file, a directory, another special
/// file or one of `inputs` is refused (exit 2) by name.
pub fn write(path: &Path, bytes: &[u8], inputs: &[PathBuf], replace: Replace) -> Result<(), Error> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) => {
            let ft = meta.file_type();
            if ft.is_symlink() {
                return Err(refuse(path, &tr!("error-write-symlink")));
            }
            if replace == Replace::Never {
                return Err(refuse(path, &tr!("error-write-exists")));
            }
            if is_char_device_or_fifo(&ft) {
                let mut f =
                    open_special(path).map_err(|e| refuse(path, &crate::source::io_reason(&e)))?;
                return f
                    .write_all(bytes)
                    .and_then(|()| f.flush())
                    .map_err(|e| refuse(path, &crate::source::io_reason(&e)));
            }
            if !ft.is_file() {
                return Err(refuse(path, &tr!("error-write-not-regular")));
            }
            if meta.permissions().readonly() {
                return Err(refuse(path, &tr!("error-write-read-only")));
            }
            for input in inputs {
                if std::fs::metadata(input).is_ok_and(|m| same_file(&m, &meta)) {
                    return Err(refuse(path, &tr!("error-write-input")));
                }
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(refuse(path, &crate::source::io_reason(&e))),
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // tempfile creates the file with O_CREAT|O_EXCL under a random name, so a planted
    // symlink cannot redirect the write.
    let mut tmp = tempfile::Builder::new()
        .prefix(".stackfit-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| refuse(path, &crate::source::io_reason(&e)))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.flush())
        .map_err(|e| refuse(path, &crate::source::io_reason(&e)))?;
    let res = match replace {
        Replace::RegularFile => tmp.persist(path).map(|_| ()),
        Replace::Never => tmp.persist_noclobber(path).map(|_| ()),
    };
    // On failure the temporary file is removed when the error drops it.
    res.map_err(|e| refuse(path, &crate::source::io_reason(&e.error)))
}

/// Appends to the file named by `GITHUB_STEP_SUMMARY` (inside GitHub Actions), in append mode,
/// never following a symlink at the final component. The path is never printed.
pub fn append_step_summary(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let mut opts = OpenOptions::new();
    opts.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    opts.open(path)
        .and_then(|mut f| f.write_all(bytes))
        .map_err(|e| {
            Error::usage(tr!(
                "error-step-summary",
                why = crate::source::io_reason(&e)
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replaces_and_refuses() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("out.json");
        write(&p, b"one", &[], Replace::RegularFile).unwrap();
        write(&p, b"two", &[], Replace::RegularFile).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert!(write(&p, b"x", &[], Replace::Never).is_err());
        assert!(write(&p, b"x", std::slice::from_ref(&p), Replace::RegularFile).is_err());
        let left: Vec<_> = std::fs::read_dir(d.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_refused_even_dangling() {
        let d = tempfile::tempdir().unwrap();
        let victim = d.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let link = d.path().join("out.json");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let e = write(&link, b"x", &[], Replace::RegularFile).unwrap_err();
        assert!(e.message.contains("symbolic link"), "{}", e.message);
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        let dangling = d.path().join("dangling");
        std::os::unix::fs::symlink(d.path().join("nowhere"), &dangling).unwrap();
        assert!(write(&dangling, b"x", &[], Replace::Never).is_err());
        assert!(!d.path().join("nowhere").exists());
    }
}
