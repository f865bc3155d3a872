//! Counters of the memory runtime, so tests can prove that nothing leaks.

use std::sync::atomic::{AtomicU64, Ordering};

/// A snapshot of the memory runtime's counters (process-wide, monotonic).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Memory blocks allocated for jit values.
    pub allocations: u64,
    /// Memory blocks freed.
    pub frees: u64,
    /// Reference-counted headers (meminfos) created.
    pub meminfo_allocations: u64,
    /// Meminfos destroyed.
    pub meminfo_frees: u64,
}

impl Stats {
    /// Blocks allocated and not yet freed.
    pub fn live_allocations(&self) -> u64 {
        self.allocations - self.frees
    }

    /// Meminfos created and not yet destroyed.
    pub fn live_meminfos(&self) -> u64 {
        self.meminfo_allocations - self.meminfo_frees
    }

    /// Whether every allocation and meminfo has been released.
    pub fn is_balanced(&self) -> bool {
        self.allocations == self.frees && self.meminfo_allocations == self.meminfo_frees
    }

    /// The change from `earlier` to `self`, for tests that run beside others.
    pub fn since(&self, earlier: &Stats) -> Stats {
        Stats {
            allocations: self.allocations - earlier.allocations,
            frees: self.frees - earlier.frees,
            meminfo_allocations: self.meminfo_allocations - earlier.meminfo_allocations,
            meminfo_frees: self.meminfo_frees - earlier.meminfo_frees,
        }
    }
}

pub(crate) static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);
pub(crate) static FREES: AtomicU64 = AtomicU64::new(0);
pub(crate) static MEMINFO_ALLOCATIONS: AtomicU64 = AtomicU64::new(0);
pub(crate) static MEMINFO_FREES: AtomicU64 = AtomicU64::new(0);

/// The memory runtime's counters now.
pub fn stats() -> Stats {
    Stats {
        allocations: ALLOCATIONS.load(Ordering::SeqCst),
        frees: FREES.load(Ordering::SeqCst),
        meminfo_allocations: MEMINFO_ALLOCATIONS.load(Ordering::SeqCst),
        meminfo_frees: MEMINFO_FREES.load(Ordering::SeqCst),
    }
}
