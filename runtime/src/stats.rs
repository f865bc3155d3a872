//! Counters of the memory runtime, so tests can prove that nothing leaks.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// A snapshot of the memory runtime's counters (process-wide, monotonic).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Memory blocks allocated for jit values: managed blocks (each with its meminfo) and
    /// the element buffers of `Vec`s.
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

/// One thread's counters. Only its thread writes them, with plain loads and stores (no
/// read-modify-write on a shared cache line in the allocation path); [`stats`] reads every
/// thread's, including threads that have ended.
#[derive(Default)]
struct ThreadCounters {
    allocations: AtomicU64,
    frees: AtomicU64,
    buffer_allocations: AtomicU64,
    buffer_frees: AtomicU64,
}

impl ThreadCounters {
    fn bump(counter: &AtomicU64) {
        // The owning thread is the only writer: no update can be lost between the two.
        counter.store(counter.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
    }
}

/// Every thread's counters, for [`stats`] to sum.
static ALL: Mutex<Vec<Arc<ThreadCounters>>> = Mutex::new(Vec::new());

thread_local! {
    static COUNTERS: Arc<ThreadCounters> = {
        let counters = Arc::new(ThreadCounters::default());
        ALL.lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Arc::clone(&counters));
        counters
    };
}

/// Counts of threads whose counters are gone: an instance released while its thread's
/// thread-locals are being destroyed (one kept in another thread-local) lands here.
static LATE: ThreadCounters = ThreadCounters {
    allocations: AtomicU64::new(0),
    frees: AtomicU64::new(0),
    buffer_allocations: AtomicU64::new(0),
    buffer_frees: AtomicU64::new(0),
};

/// Counts the allocation of one block with its meminfo (every block has one).
pub(crate) fn count_allocation() {
    if COUNTERS
        .try_with(|c| ThreadCounters::bump(&c.allocations))
        .is_err()
    {
        LATE.allocations.fetch_add(1, Ordering::Relaxed);
    }
}

/// Counts the release of one block with its meminfo.
pub(crate) fn count_free() {
    if COUNTERS
        .try_with(|c| ThreadCounters::bump(&c.frees))
        .is_err()
    {
        LATE.frees.fetch_add(1, Ordering::Relaxed);
    }
}

/// Counts the allocation of a `Vec`'s element buffer (no meminfo).
pub(crate) fn count_buffer_allocation() {
    if COUNTERS
        .try_with(|c| ThreadCounters::bump(&c.buffer_allocations))
        .is_err()
    {
        LATE.buffer_allocations.fetch_add(1, Ordering::Relaxed);
    }
}

/// Counts the release of a `Vec`'s element buffer.
pub(crate) fn count_buffer_free() {
    if COUNTERS
        .try_with(|c| ThreadCounters::bump(&c.buffer_frees))
        .is_err()
    {
        LATE.buffer_frees.fetch_add(1, Ordering::Relaxed);
    }
}

/// The memory runtime's counters now, summed over all threads. Work another thread did
/// is included once that thread's work happens-before this call (a join, a lock).
///
/// Every class instance and `PassThru` value is one block, with its meminfo, so a test
/// shows that nothing leaked by comparing two snapshots (other threads allocating at the
/// same time count too):
///
/// ```
/// use jitclass::{jit, jitclass, stats};
///
/// #[jitclass]
/// pub struct Node {
///     value: i64,
///     next: Option<Node>,
/// }
///
/// #[jitclass]
/// impl Node {
///     pub fn new(value: i64, next: Option<Node>) -> Node {
///         Node { value, next }
///     }
/// }
///
/// #[jit]
/// fn list(n: i64) -> Option<Node> {
///     let mut head = None;
///     for i in 0..n {
///         head = Some(Node::new(i, head));
///     }
///     head
/// }
///
/// let before = stats();
/// let head = list(1000);
/// assert_eq!(stats().since(&before).live_allocations(), 1000);
/// drop(head); // releases the whole list
/// assert!(stats().since(&before).is_balanced());
/// ```
pub fn stats() -> Stats {
    let all = ALL.lock().unwrap_or_else(|e| e.into_inner());
    let read = |c: &ThreadCounters| {
        [
            c.allocations.load(Ordering::Relaxed),
            c.frees.load(Ordering::Relaxed),
            c.buffer_allocations.load(Ordering::Relaxed),
            c.buffer_frees.load(Ordering::Relaxed),
        ]
    };
    let [blocks, block_frees, buffers, buffer_frees] = all.iter().fold(read(&LATE), |sum, c| {
        let n = read(c);
        [sum[0] + n[0], sum[1] + n[1], sum[2] + n[2], sum[3] + n[3]]
    });
    Stats {
        allocations: blocks + buffers,
        frees: block_frees + buffer_frees,
        // A meminfo is the header of its block: they come and go together.
        meminfo_allocations: blocks,
        meminfo_frees: block_frees,
    }
}
