//! Stable finding identities for CI formats (SARIF `partialFingerprints`, GitLab `fingerprint`):
//! an FNV-1a 64-bit hash of rule, file and YAML path — never of line numbers or messages, so an
//! alert survives edits that move lines. Computes hashes only; it formats nothing else.

use crate::report::analysis::Finding;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a, 64 bit, over the bytes.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(FNV_PRIME)
    })
}

/// The identity of one finding: the hash of rule, file and path, and which occurrence of that
/// identity it is in report order (1-based), so equal identities still get distinct keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub hash: u64,
    pub occurrence: usize,
}

impl Identity {
    /// 16 lowercase hex digits of the hash.
    pub fn hex(&self) -> String {
        format!("{:016x}", self.hash)
    }

    /// A key unique within the report: the hash alone for the first occurrence, else the hash of
    /// the hash and the occurrence number.
    pub fn unique_hex(&self) -> String {
        if self.occurrence == 1 {
            self.hex()
        } else {
            let again = format!("{}:{}", self.hex(), self.occurrence);
            format!("{:016x}", fnv1a64(again.as_bytes()))
        }
    }
}

fn key(f: &Finding) -> Vec<u8> {
    let file = f
        .location
        .as_ref()
        .map(|l| l.file.replace('\\', "/"))
        .unwrap_or_default();
    // NUL separators: no rule id, file name or path contains one, so fields cannot run together.
    let mut k = Vec::new();
    for part in [
        f.rule.as_str(),
        file.as_str(),
        f.path.as_deref().unwrap_or(""),
    ] {
        k.extend_from_slice(part.as_bytes());
        k.push(0);
    }
    k
}

/// One identity per finding, in the order of `findings`.
pub fn identities(findings: &[Finding]) -> Vec<Identity> {
    let mut seen: Vec<u64> = Vec::with_capacity(findings.len());
    findings
        .iter()
        .map(|f| {
            let hash = fnv1a64(&key(f));
            let occurrence = seen.iter().filter(|h| **h == hash).count() + 1;
            seen.push(hash);
            Identity { hash, occurrence }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_reference_vectors() {
        // Reference values of the FNV-1a 64-bit test suite (Fowler/Noll/Vo).
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
