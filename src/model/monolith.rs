//! The monolith model: a monolith's modules, their dependencies, the tables they read and
//! write and its use cases, as plain data filled by the readers (architecture description,
//! DOT, CSV) and read by the decomposition. No parsing and no algorithm here.

use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Access {
    Read,
    Write,
    ReadWrite,
}

impl Access {
    pub fn reads(self) -> bool {
        matches!(self, Access::Read | Access::ReadWrite)
    }
    pub fn writes(self) -> bool {
        matches!(self, Access::Write | Access::ReadWrite)
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Access::Read => "r",
            Access::Write => "w",
            Access::ReadWrite => "rw",
        }
    }
}

/// A module (class, package, file) to place in a candidate service.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ModuleInfo {
    /// Declared package/folder; when absent the id's prefix is used.
    pub package: Option<String>,
    pub owner: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UseCaseIn {
    pub name: String,
    pub modules: Vec<String>,
    pub reads: Vec<String>,
    pub writes: Vec<String>,
    pub weight: f64,
}

/// Everything module-level decomposition reads, independent of the input format.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DecompInput {
    /// Module ids exactly as written in the input.
    pub modules: BTreeMap<String, ModuleInfo>,
    /// Directed dependencies `from → to` with weights (duplicates summed, no self-loops).
    pub deps: BTreeMap<(String, String), f64>,
    /// Module → table accesses.
    pub accesses: BTreeMap<(String, String), Access>,
    pub use_cases: Vec<UseCaseIn>,
    pub keep_together: Vec<Vec<String>>,
    pub keep_apart: Vec<Vec<String>>,
    /// `target-services: {min, max}`.
    pub target: Option<(usize, usize)>,
    /// Input format, for the report (`architecture`, `dot`, `csv`).
    pub format: &'static str,
}

impl DecompInput {
    /// Tables named anywhere (module accesses, use-case reads/writes), sorted.
    pub fn tables(&self) -> BTreeSet<String> {
        let mut t: BTreeSet<String> = self.accesses.keys().map(|(_, t)| t.clone()).collect();
        for u in &self.use_cases {
            t.extend(u.reads.iter().cloned());
            t.extend(u.writes.iter().cloned());
        }
        t
    }

    pub fn add_dep(&mut self, from: &str, to: &str, w: f64) {
        self.modules.entry(from.to_string()).or_default();
        self.modules.entry(to.to_string()).or_default();
        if from != to && w > 0.0 {
            *self
                .deps
                .entry((from.to_string(), to.to_string()))
                .or_insert(0.0) += w;
        }
    }
}
