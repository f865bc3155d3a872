//! Tests of the memory runtime: reference counts, releasing, the spare block, the stats.

use super::*;
use crate::stats::stats;
use std::ffi::c_void;
use std::sync::Mutex;
use std::sync::atomic::AtomicU64;

/// The counters are process-wide: unit tests that allocate blocks run one at a time
/// (also those of other modules: `map.rs`, `sqlite/text.rs`).
pub(crate) static SERIAL: Mutex<()> = Mutex::new(());

fn node_layout() -> Layout {
    // A payload `{ next: *mut MemInfo, value: i64 }`.
    Layout::new::<(usize, i64)>()
}

fn linked_drop_info() -> &'static DropInfo {
    kept(DropInfo {
        managed_offsets: vec![0],
        ..DropInfo::default()
    })
}

/// The drop infos the tests made, kept reachable as the runtime's are.
static DROP_INFOS: Mutex<Vec<&'static DropInfo>> = Mutex::new(Vec::new());

/// `drop_info`, leaked and kept reachable.
fn kept(drop_info: DropInfo) -> &'static DropInfo {
    let drop_info: &'static DropInfo = Box::leak(Box::new(drop_info));
    DROP_INFOS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(drop_info);
    drop_info
}

/// The kinds the tests made, kept reachable (as the runtime's are, from their drop
/// infos), so that valgrind finds nothing lost.
static KINDS: Mutex<Vec<&'static BlockKind>> = Mutex::new(Vec::new());

/// A kind of blocks for a test, leaked.
///
/// # Safety
/// As [`BlockKind::new`].
unsafe fn test_kind(
    payload: Layout,
    drop_info: Option<&'static DropInfo>,
    allocator: Option<&'static ExternalAllocator>,
) -> Option<&'static BlockKind> {
    // SAFETY: guaranteed by the caller.
    let kind = unsafe { BlockKind::new(payload, drop_info, allocator, None) }?;
    let kind: &'static BlockKind = Box::leak(Box::new(kind));
    KINDS.lock().unwrap_or_else(|e| e.into_inner()).push(kind);
    Some(kind)
}

/// A node of `linked_drop_info` from `allocator`.
fn node(allocator: Option<&'static ExternalAllocator>) -> *mut MemInfo {
    // SAFETY: the node's first 8 bytes are its link.
    let kind = unsafe { test_kind(node_layout(), Some(linked_drop_info()), allocator) };
    MemInfo::allocate(kind.unwrap()).unwrap().as_ptr()
}

#[test]
fn a_block_is_zeroed_counted_and_freed_by_its_last_reference() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let before = stats();
    // SAFETY: no drop info.
    let kind = unsafe { test_kind(Layout::new::<[u64; 4]>(), None, None) }.unwrap();
    let info = MemInfo::allocate(kind).unwrap().as_ptr();
    unsafe {
        let data = MemInfo::data(info).cast::<u64>();
        assert_eq!(data as usize % 8, 0);
        assert_eq!(std::slice::from_raw_parts(data, 4), [0; 4]);
        assert_eq!(MemInfo::refcount(info), 1);
        MemInfo::incref(info);
        assert_eq!(MemInfo::refcount(info), 2);
        MemInfo::decref(info);
        assert_eq!(stats().since(&before).frees, 0);
        MemInfo::decref(info);
        MemInfo::incref(std::ptr::null_mut());
        MemInfo::decref(std::ptr::null_mut());
    }
    let delta = stats().since(&before);
    assert_eq!(
        (
            delta.allocations,
            delta.frees,
            delta.meminfo_allocations,
            delta.meminfo_frees
        ),
        (1, 1, 1, 1)
    );
}

#[test]
fn a_drop_info_makes_its_kind_once_and_a_failed_make_keeps_nothing() {
    let drop_info = linked_drop_info();
    let mut made = 0;
    let first = drop_info.kind(|| {
        made += 1;
        // SAFETY: the node's first 8 bytes are its link.
        unsafe { BlockKind::new(node_layout(), Some(drop_info), None, None) }
    });
    let second = drop_info.kind(|| {
        made += 1;
        None
    });
    let (first, second) = (first.unwrap(), second.unwrap());
    assert!(std::ptr::eq(first, second));
    assert_eq!(made, 1);
    assert!(
        !first.leaf,
        "a block with a member is released, not only freed"
    );
    assert_eq!(first.block_size, HEADER + node_layout().size());
    let numbers = kept(DropInfo::default());
    assert!(numbers.kind(|| None).is_none());
    // SAFETY: no managed offsets.
    let leaf = numbers
        .kind(|| unsafe { BlockKind::new(Layout::new::<[f64; 2]>(), Some(numbers), None, None) });
    let leaf = leaf.unwrap();
    assert!(leaf.leaf, "a class of numbers only frees its blocks");
    assert_eq!(HEADER, 16, "the header is two words");
    // An external allocator's block must be aligned for the payload too.
    assert_eq!(first.align, 8);
    // SAFETY: no drop info.
    let wide = unsafe { test_kind(Layout::from_size_align(32, 16).unwrap(), None, None) };
    assert_eq!(wide.unwrap().align, 16);
}

#[test]
fn releasing_a_long_chain_does_not_recurse() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let before = stats();
    // SAFETY: the node's first 8 bytes are its link.
    let kind = unsafe { test_kind(node_layout(), Some(linked_drop_info()), None) }.unwrap();
    let mut head: *mut MemInfo = std::ptr::null_mut();
    for i in 0..1_000_000i64 {
        let node = MemInfo::allocate(kind).unwrap().as_ptr();
        unsafe {
            let data = MemInfo::data(node);
            data.cast::<*mut MemInfo>().write(head); // the node owns the old head
            data.add(8).cast::<i64>().write(i);
        }
        head = node;
    }
    // A second reference to the middle of the list keeps that tail alive.
    let middle = unsafe {
        let mut n = head;
        for _ in 0..500_000 {
            n = MemInfo::data(n).cast::<*mut MemInfo>().read();
        }
        MemInfo::incref(n);
        n
    };
    unsafe { MemInfo::decref(head) };
    assert_eq!(stats().since(&before).frees, 500_000);
    assert_eq!(
        unsafe { MemInfo::data(middle).add(8).cast::<i64>().read() },
        499_999
    );
    unsafe { MemInfo::decref(middle) };
    assert!(stats().since(&before).is_balanced());
}

static MALLOCS: AtomicU64 = AtomicU64::new(0);
static FREES_SEEN: AtomicU64 = AtomicU64::new(0);

unsafe extern "C" fn counting_malloc(size: usize, opaque: *mut c_void) -> *mut c_void {
    MALLOCS.fetch_add(1, Ordering::SeqCst);
    assert_eq!(opaque as usize, 0xfeed);
    // SAFETY: plain libc-style allocation for the test.
    unsafe { std::alloc::alloc(Layout::from_size_align(size, 16).unwrap()).cast() }
}

unsafe extern "C" fn counting_realloc(_: *mut c_void, _: usize, _: *mut c_void) -> *mut c_void {
    std::ptr::null_mut()
}

unsafe extern "C" fn counting_free(ptr: *mut c_void, opaque: *mut c_void) {
    FREES_SEEN.fetch_add(1, Ordering::SeqCst);
    assert_eq!(opaque as usize, 0xfeed);
    // The test's blocks are all one size: header + `node_layout()`.
    let size = HEADER + node_layout().size();
    // SAFETY: allocated by `counting_malloc` with this layout.
    unsafe { std::alloc::dealloc(ptr.cast(), Layout::from_size_align(size, 16).unwrap()) };
}

// SAFETY: `counting_malloc` returns fresh 16-aligned blocks and `counting_free`
// frees them, from any thread.
static COUNTING: ExternalAllocator = unsafe {
    ExternalAllocator::new(
        counting_malloc,
        counting_realloc,
        counting_free,
        0xfeed as *mut c_void,
    )
};

#[test]
fn blocks_return_to_the_allocator_that_made_them() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let before = stats();
    // An external node holding a node from the global allocator, and vice versa.
    let ext = node(Some(&COUNTING));
    let global = node(None);
    let ext2 = node(Some(&COUNTING));
    unsafe {
        MemInfo::data(ext).cast::<*mut MemInfo>().write(global);
        MemInfo::data(global).cast::<*mut MemInfo>().write(ext2);
        MemInfo::decref(ext);
    }
    assert_eq!(
        (
            MALLOCS.load(Ordering::SeqCst),
            FREES_SEEN.load(Ordering::SeqCst)
        ),
        (2, 2)
    );
    assert!(stats().since(&before).is_balanced());
}

unsafe extern "C" fn failing_malloc(_: usize, _: *mut c_void) -> *mut c_void {
    std::ptr::null_mut()
}

#[test]
fn a_failed_or_unsupported_allocation_is_none() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    // SAFETY: `failing_malloc` returns no block at all.
    static FAILING: ExternalAllocator = unsafe {
        ExternalAllocator::new(
            failing_malloc,
            counting_realloc,
            counting_free,
            std::ptr::null_mut(),
        )
    };
    let before = stats();
    // SAFETY (both): no drop info.
    let failing = unsafe { test_kind(node_layout(), None, Some(&FAILING)) }.unwrap();
    assert!(MemInfo::allocate(failing).is_none());
    let over_aligned = Layout::from_size_align(64, 64).unwrap();
    assert!(unsafe { test_kind(over_aligned, None, None) }.is_none());
    assert_eq!(stats().since(&before).allocations, 0);
}
