//! Memory control: `sizeof`, `unsafe_cast`, in-place construction, custom allocators.

use jitclass::{
    ExternalAllocator, Payload, alignof, construct_at, destroy_at, jit, jitclass, sizeof,
    unsafe_cast,
};
use std::ffi::c_void;
use std::mem::MaybeUninit;
use std::panic::catch_unwind;
use std::sync::atomic::{AtomicUsize, Ordering};

#[jitclass]
pub struct Agg {
    total: f64,
    count: i64,
    last: Option<f64>,
}

#[jitclass]
impl Agg {
    pub fn new() -> Agg {
        Agg {
            total: 0.0,
            count: 0,
            last: None,
        }
    }

    pub fn step(&mut self, x: f64) {
        self.total += x;
        self.count += 1;
        self.last = Some(x);
    }

    pub fn mean(&self) -> f64 {
        self.total / self.count as f64
    }
}

// `sizeof` is a `const fn`: usable where Rust wants a constant.
const AGG_SIZE: usize = sizeof::<Agg>();
static BUFFER_LEN: [u8; sizeof::<Agg>()] = [0; sizeof::<Agg>()];

#[jit]
fn sizes() -> (usize, usize, usize, usize) {
    (
        sizeof::<Agg>(),
        alignof::<Agg>(),
        sizeof::<f64>(),
        alignof::<u16>(),
    )
}

#[test]
fn sizeof_is_the_payload_not_the_handle() {
    assert_eq!(AGG_SIZE, 32);
    assert_eq!(BUFFER_LEN.len(), 32);
    assert_eq!(alignof::<Agg>(), 8);
    assert_eq!(sizeof::<Agg>(), size_of::<Payload<Agg>>());
    assert_ne!(
        sizeof::<Agg>(),
        size_of::<Agg>(),
        "the handle is two pointers"
    );
    assert_eq!(sizes(), (32, 8, 8, 2));
    crate::assert_no_leaks();
}

/// `sizeof`/`alignof` of a generic parameter: the size of its specialisation, as the Rust
/// functions give it for the same type (a class's payload, a primitive itself).
#[jit]
fn layout_of<T>(_value: T) -> (usize, usize) {
    (sizeof::<T>(), alignof::<T>())
}

/// The type argument named only in the body: Rust callers give it with a turbofish.
#[jit]
fn bytes_for<T>(n: usize) -> usize {
    n * sizeof::<T>()
}

fn rust_layout_of<T: jitclass::JitLayout>(_value: &T) -> (usize, usize) {
    (sizeof::<T>(), alignof::<T>())
}

#[jitclass]
pub struct Small {
    flag: bool,
    code: u16,
}

#[jitclass]
impl Small {
    pub fn new() -> Small {
        Small {
            flag: true,
            code: 7,
        }
    }
}

#[test]
fn sizeof_of_a_generic_parameter_is_its_specialisations() {
    let _memory = crate::memory_test();
    macro_rules! same {
        ($($v:expr),*) => {$({
            let v = $v;
            assert_eq!(layout_of(v.clone()), rust_layout_of(&v), "{}", stringify!($v));
        })*};
    }
    same!(1u8, -1i16, 7u32, 1.5f32, 2.5f64, true, 3usize, -4i64);
    same!(Agg::new(), Small::new());
    assert_eq!(layout_of(Small::new()), (4, 2));
    assert_eq!(bytes_for::<Agg>(3), 3 * sizeof::<Agg>());
    assert_eq!(bytes_for::<u16>(5), 10);
    crate::assert_no_leaks();
}

/// Generic jit code passes what Rust's bound would refuse (rustc checks calls in
/// non-generic bodies, not in generic ones): the specialisation says so.
#[jit]
fn layout_of_pair<A, B>(a: A, b: B) -> (usize, usize) {
    layout_of((a, b))
}

#[test]
fn sizeof_of_a_type_without_jit_layout_is_an_error() {
    let err = layout_of_pair::dispatcher()
        .compile(&[jitclass::Type::I64, jitclass::Type::F64])
        .unwrap_err();
    assert_eq!(err.message(), "`(i64, f64)` has no jit layout");
    assert!(
        err.to_string()
            .contains("give the payload size of `#[jitclass]` types, and the size of primitives"),
        "{err}"
    );
}

/// Generic over the class viewed in place: `unsafe_cast::<T>` in a generic fn.
#[jit]
fn count_in_place<T>(buf: *mut u8) -> i64 {
    let a = unsafe { unsafe_cast::<T>(buf) };
    a.count
}

#[test]
fn unsafe_cast_of_a_generic_parameter() {
    let _memory = crate::memory_test();
    let mut buf = zeroed_payload();
    let ptr: *mut u8 = buf.as_mut_ptr().cast();
    assert_eq!(step_in_place(ptr, 2.0), 2.0);
    assert_eq!(step_in_place(ptr, 4.0), 3.0);
    assert_eq!(count_in_place::<Agg>(ptr), 2);
    crate::assert_no_leaks();
}

/// A caller-owned buffer with the payload's alignment.
fn zeroed_payload() -> Box<MaybeUninit<Payload<Agg>>> {
    Box::new(MaybeUninit::zeroed())
}

#[test]
fn an_unmanaged_instance_lives_in_caller_owned_memory() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let mut buf = zeroed_payload();
    // SAFETY: a zeroed payload is valid (zero numbers, `None`), aligned, and outlives `a`.
    let mut a = unsafe { unsafe_cast::<Agg>(buf.as_mut_ptr().cast()) };
    assert!(!a.is_managed());
    assert_eq!(Agg::strong_count(&a), None);
    a.step(1.0);
    a.step(3.0);
    assert_eq!(a.mean(), 2.0);
    let mut b = a.clone();
    drop(a);
    b.step(5.0);
    drop(b);
    // SAFETY: no instance over `buf` is left.
    let payload = unsafe { buf.assume_init_ref() };
    assert_eq!((payload.total, payload.count), (9.0, 3));
    assert!(payload.last.is_some);
    assert_eq!(payload.last.value, 5.0);
    assert_eq!(jitclass::stats().since(&before).allocations, 0);
    crate::assert_no_leaks();
}

#[jit]
fn step_in_place(buf: *mut u8, x: f64) -> f64 {
    let mut a = unsafe { unsafe_cast::<Agg>(buf) };
    a.step(x);
    a.mean()
}

#[jit]
fn cast_nothing() -> i64 {
    let a = unsafe { unsafe_cast::<Agg>(0 as *mut u8) };
    a.count
}

#[test]
fn unsafe_cast_in_jit_code() {
    let _memory = crate::memory_test();
    let mut buf = zeroed_payload();
    let ptr: *mut u8 = buf.as_mut_ptr().cast();
    assert_eq!(step_in_place(ptr, 2.0), 2.0);
    assert_eq!(step_in_place(ptr, 4.0), 3.0);
    // SAFETY: jit code wrote a valid payload.
    assert_eq!(unsafe { buf.assume_init_ref() }.count, 2);
    let caught = std::panic::catch_unwind(cast_nothing).unwrap_err();
    let message = caught.downcast_ref::<String>().unwrap();
    assert!(
        message.starts_with("unsafe_cast::<Agg> of a null or misaligned pointer"),
        "{message}"
    );
    // From Rust, too.
    let caught = std::panic::catch_unwind(|| unsafe {
        unsafe_cast::<Agg>(ptr.wrapping_add(1));
    })
    .unwrap_err();
    let message = caught.downcast_ref::<String>().unwrap();
    assert!(message.contains("misaligned"), "{message}");
    crate::assert_no_leaks();
}

// ---- constructing in place, with managed members ------------------------------------

#[jitclass]
pub struct Leaf {
    value: i64,
}

#[jitclass]
impl Leaf {
    pub fn new(value: i64) -> Leaf {
        Leaf { value }
    }
}

#[jitclass]
pub struct Holder {
    leaf: Option<Leaf>,
    n: i64,
}

#[jitclass]
impl Holder {
    pub fn new(leaf: Leaf) -> Holder {
        Holder {
            leaf: Some(leaf),
            n: 1,
        }
    }

    pub fn value(&self) -> i64 {
        match self.leaf.clone() {
            Some(l) => l.value + self.n,
            None => -1,
        }
    }
}

#[jit]
fn construct_and_read(buf: *mut u8, v: i64) -> i64 {
    let h = unsafe { construct_at::<Holder>(buf, Holder::new(Leaf::new(v))) };
    h.value()
}

#[jit]
fn destroy(buf: *mut u8) {
    unsafe { destroy_at::<Holder>(buf) }
}

#[test]
fn construct_in_place_and_destroy_members() {
    let _memory = crate::memory_test();
    let mut buf: Box<MaybeUninit<Payload<Holder>>> = Box::new(MaybeUninit::zeroed());
    let ptr: *mut u8 = buf.as_mut_ptr().cast();
    // From Rust: the temporary instance is freed; its member lives on in `buf`.
    let leaf = Leaf::new(41);
    // SAFETY: `buf` is aligned, large enough, and outlives `h`.
    let h = unsafe { construct_at(ptr, Holder::new(leaf.clone())) };
    assert!(!h.is_managed());
    assert_eq!(h.value(), 42);
    assert_eq!(
        Leaf::strong_count(&leaf),
        Some(2),
        "the leaf, and buf's copy"
    );
    drop(h);
    // SAFETY: no instance over `buf` is used afterwards.
    unsafe { destroy_at::<Holder>(ptr) };
    assert_eq!(Leaf::strong_count(&leaf), Some(1));
    drop(leaf);
    crate::assert_no_leaks();

    // From jit code.
    assert_eq!(construct_and_read(ptr, 9), 10);
    let live = jitclass::stats();
    assert_eq!(live.live_allocations(), 1, "the leaf buf holds");
    destroy(ptr);
    destroy(ptr); // a second destroy releases nothing
    // SAFETY: `destroy` left a zeroed, valid payload.
    assert!(!unsafe { buf.assume_init_ref() }.leaf.is_some);
    crate::assert_no_leaks();
}

// ---- custom allocators -----------------------------------------------------------------

static COUNT_MALLOC: AtomicUsize = AtomicUsize::new(0);
static COUNT_FREE: AtomicUsize = AtomicUsize::new(0);

/// The table behind `opaque`: `COUNTING` forwards to it.
///
/// # Safety
/// `opaque` is the `opaque_data` of `COUNTING`.
unsafe fn inner(opaque: *mut c_void) -> &'static ExternalAllocator {
    // SAFETY: guaranteed by the caller.
    unsafe { &*(opaque as *const ExternalAllocator) }
}

unsafe extern "C" fn counting_malloc(size: usize, opaque: *mut c_void) -> *mut c_void {
    COUNT_MALLOC.fetch_add(1, Ordering::SeqCst);
    // SAFETY: called by `COUNTING`'s table with its opaque data.
    unsafe { inner(opaque) }.malloc(size)
}

unsafe extern "C" fn counting_realloc(
    p: *mut c_void,
    size: usize,
    opaque: *mut c_void,
) -> *mut c_void {
    // SAFETY: `p` is a block of the same table.
    unsafe { inner(opaque).realloc(p, size) }
}

unsafe extern "C" fn counting_free(p: *mut c_void, opaque: *mut c_void) {
    COUNT_FREE.fetch_add(1, Ordering::SeqCst);
    // SAFETY: `p` is a block of the same table.
    unsafe { inner(opaque).free(p) }
}

static SYSTEM: ExternalAllocator = ExternalAllocator::from_global(&std::alloc::System);

// SAFETY: the functions forward to `SYSTEM`, which keeps the contract.
static COUNTING: ExternalAllocator = unsafe {
    ExternalAllocator::new(
        counting_malloc,
        counting_realloc,
        counting_free,
        &SYSTEM as *const ExternalAllocator as *mut c_void,
    )
};

#[jitclass(allocator = COUNTING)]
pub struct Counted {
    value: i64,
    next: Option<Counted>,
}

#[jitclass]
impl Counted {
    pub fn new(value: i64, next: Option<Counted>) -> Counted {
        Counted { value, next }
    }
}

#[jit]
fn counted_chain(n: i64) -> i64 {
    let mut head = Counted::new(0, None);
    for i in 1..n {
        head = Counted::new(i, Some(head));
    }
    head.value
}

#[test]
fn every_instance_goes_through_its_allocator() {
    let _memory = crate::memory_test();
    let (m0, f0) = (
        COUNT_MALLOC.load(Ordering::SeqCst),
        COUNT_FREE.load(Ordering::SeqCst),
    );
    let a = Counted::new(1, None);
    let b = Counted::new(2, Some(a.clone()));
    assert_eq!(COUNT_MALLOC.load(Ordering::SeqCst) - m0, 2);
    drop(a);
    assert_eq!(COUNT_FREE.load(Ordering::SeqCst) - f0, 0);
    drop(b);
    assert_eq!(COUNT_FREE.load(Ordering::SeqCst) - f0, 2);
    // Instances made in jit code, freed there and from Rust, use the same table.
    assert_eq!(counted_chain(10), 9);
    assert_eq!(COUNT_MALLOC.load(Ordering::SeqCst) - m0, 12);
    assert_eq!(COUNT_FREE.load(Ordering::SeqCst) - f0, 12);
    crate::assert_no_leaks();
}

/// A class of numbers from `COUNTING`, and one of the same size from the global
/// allocator: their blocks are of one size and the same shape (no members), and each is
/// still freed by the allocator that made it.
#[jitclass(allocator = COUNTING)]
pub struct CountedPair {
    a: i64,
    b: i64,
}

#[jitclass]
impl CountedPair {
    pub fn new(a: i64, b: i64) -> CountedPair {
        CountedPair { a, b }
    }
}

#[jitclass]
pub struct PlainPair {
    a: i64,
    b: i64,
}

#[jitclass]
impl PlainPair {
    pub fn new(a: i64, b: i64) -> PlainPair {
        PlainPair { a, b }
    }
}

#[jit]
fn counted_pairs(n: i64) -> Vec<CountedPair> {
    let mut v = Vec::new();
    for i in 0..n {
        v.push(CountedPair::new(i, -i));
    }
    v
}

#[jit]
fn plain_pairs(n: i64) -> Vec<PlainPair> {
    let mut v = Vec::new();
    for i in 0..n {
        v.push(PlainPair::new(i, -i));
    }
    v
}

/// Both kinds made and released inside jit code, alternating (the released `Vec`s free
/// their elements at once); the sum of every `a - b`.
#[jit]
fn pairs_made_and_dropped(n: i64) -> i64 {
    let mut counted = Vec::new();
    let mut plain = Vec::new();
    for i in 0..n {
        counted.push(CountedPair::new(i, -i));
        plain.push(PlainPair::new(i, -i));
    }
    let mut t = 0;
    for k in 0..n {
        let i = k as usize;
        t += counted[i].a - counted[i].b + plain[i].a - plain[i].b;
    }
    t
}

#[test]
fn blocks_of_one_size_return_to_their_allocators() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let (m0, f0) = (
        COUNT_MALLOC.load(Ordering::SeqCst),
        COUNT_FREE.load(Ordering::SeqCst),
    );
    assert_eq!(pairs_made_and_dropped(1000), 2 * 999 * 1000);
    assert_eq!(COUNT_MALLOC.load(Ordering::SeqCst) - m0, 1000);
    assert_eq!(COUNT_FREE.load(Ordering::SeqCst) - f0, 1000);
    assert!(crate::balanced_since(&before));
    // Returned to Rust and released there.
    let counted = counted_pairs(100);
    let plain = plain_pairs(100);
    assert_eq!(COUNT_MALLOC.load(Ordering::SeqCst) - m0, 1100);
    assert_eq!(jitclass::stats().since(&before).live_meminfos(), 200);
    assert_eq!(counted[99].a() + plain[99].b(), 0);
    drop(counted);
    drop(plain);
    assert_eq!(COUNT_FREE.load(Ordering::SeqCst) - f0, 1100);
    assert!(crate::balanced_since(&before));
    crate::assert_no_leaks();
}

/// A value whose `Drop` counts, for `PassThru` blocks released on another thread.
struct DropCounter(&'static AtomicUsize);

impl Drop for DropCounter {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn pass_thru_blocks_made_on_one_thread_are_released_on_another() {
    static DROPS: AtomicUsize = AtomicUsize::new(0);
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let values: Vec<_> = (0..100)
        .map(|_| jitclass::PassThru::new(DropCounter(&DROPS)))
        .collect();
    let copies = values.clone();
    assert_eq!(jitclass::stats().since(&before).live_meminfos(), 100);
    std::thread::spawn(move || drop(values)).join().unwrap();
    assert_eq!(DROPS.load(Ordering::SeqCst), 0);
    std::thread::spawn(move || drop(copies)).join().unwrap();
    assert_eq!(DROPS.load(Ordering::SeqCst), 100);
    assert!(crate::balanced_since(&before));
    crate::assert_no_leaks();
}

/// A bump allocator over a caller-owned arena: `free` is a no-op, the arena is reset
/// when everything in it is dead.
struct Arena {
    base: *mut u8,
    len: usize,
    used: AtomicUsize,
}

// SAFETY: the arena's memory is only handed out through the atomic bump pointer.
unsafe impl Sync for Arena {}
// SAFETY: as above; the memory is leaked, never freed.
unsafe impl Send for Arena {}

unsafe extern "C" fn arena_malloc(size: usize, opaque: *mut c_void) -> *mut c_void {
    // SAFETY: `opaque` is the `ARENA` below.
    let arena = unsafe { &*(opaque as *const Arena) };
    let size = size.next_multiple_of(16);
    let start = arena.used.fetch_add(size, Ordering::Relaxed);
    if start + size > arena.len {
        return std::ptr::null_mut();
    }
    arena.base.wrapping_add(start).cast()
}

unsafe extern "C" fn arena_realloc(_: *mut c_void, _: usize, _: *mut c_void) -> *mut c_void {
    std::ptr::null_mut()
}

unsafe extern "C" fn arena_free(_: *mut c_void, _: *mut c_void) {}

const ARENA_BYTES: usize = 80 << 20;

fn arena() -> &'static Arena {
    use std::sync::OnceLock;
    static ARENA: OnceLock<Arena> = OnceLock::new();
    ARENA.get_or_init(|| {
        let memory = vec![0u128; ARENA_BYTES / 16].leak();
        Arena {
            base: memory.as_mut_ptr().cast(),
            len: ARENA_BYTES,
            used: AtomicUsize::new(0),
        }
    })
}

unsafe extern "C" fn arena_malloc_lazy(size: usize, _: *mut c_void) -> *mut c_void {
    // SAFETY: forwards the arena itself as the opaque data.
    unsafe { arena_malloc(size, arena() as *const Arena as *mut c_void) }
}

// SAFETY: the arena hands out disjoint 16-aligned blocks (or null once full) from any
// thread, through its atomic bump pointer, and never reuses one.
static ARENA_TABLE: ExternalAllocator = unsafe {
    ExternalAllocator::new(
        arena_malloc_lazy,
        arena_realloc,
        arena_free,
        std::ptr::null_mut(),
    )
};

#[jitclass(allocator = ARENA_TABLE)]
pub struct Particle {
    x: f64,
    v: f64,
}

#[jitclass]
impl Particle {
    pub fn new(x: f64, v: f64) -> Particle {
        Particle { x, v }
    }
}

#[jit]
fn simulate(n: i64) -> f64 {
    let mut total = 0.0;
    for i in 0..n {
        let p = Particle::new(i as f64, 0.5);
        total += p.x * p.v;
    }
    total
}

#[test]
fn an_arena_allocator_serves_a_million_instances() {
    let _memory = crate::memory_test();
    let used_before = arena().used.load(Ordering::SeqCst);
    let n = 1_000_000i64;
    assert_eq!(simulate(n), (0..n).map(|i| i as f64 * 0.5).sum::<f64>());
    let used = arena().used.load(Ordering::SeqCst) - used_before;
    let block = used / n as usize;
    assert!(
        used > 0 && block * n as usize == used,
        "{used} bytes for {n} instances"
    );
    let p = Particle::new(1.0, 2.0);
    let q = p.clone();
    assert!(arena().used.load(Ordering::SeqCst) - used_before > used);
    drop((p, q));
    crate::assert_no_leaks();
}

// ---- raw pointers in jit code: an arena of payloads laid out by jit code -------------

/// Constructs `n` instances side by side in `base` and steps each.
#[jit]
fn fill_arena(base: *mut u8, n: usize) -> f64 {
    let size = sizeof::<Agg>();
    let mut total = 0.0;
    for i in 0..n {
        let p = base.wrapping_add(i * size);
        let mut a = unsafe { construct_at::<Agg>(p, Agg::new()) };
        a.step(i as f64);
        total += a.mean();
    }
    total
}

#[jit]
fn pointer_ops(p: *mut u8, q: *const u8) -> (bool, bool, bool, usize, bool) {
    let back = (p as usize) as *mut u8;
    (
        p.is_null(),
        back == p,
        p.wrapping_add(3) != p,
        p.wrapping_add(8) as usize - p as usize,
        q.is_null(),
    )
}

#[test]
fn raw_pointers_and_an_arena_in_jit_code() {
    let _memory = crate::memory_test();
    let n = 1000;
    let mut arena: Vec<MaybeUninit<Payload<Agg>>> = (0..n).map(|_| MaybeUninit::zeroed()).collect();
    let base: *mut u8 = arena.as_mut_ptr().cast();
    assert_eq!(fill_arena(base, n), (0..n).map(|i| i as f64).sum::<f64>());
    // SAFETY: jit code wrote valid payloads.
    let third = unsafe { arena[3].assume_init_ref() };
    assert_eq!((third.total, third.count), (3.0, 1));
    assert_eq!(
        pointer_ops(base, std::ptr::null()),
        (false, true, true, 8, true)
    );
    crate::assert_no_leaks();
}

// ---- BUG: jit `construct_at` refusing a null pointer leaks the value -----------------------

#[jitclass]
pub struct Leaf2 {
    v: i64,
}

#[jitclass]
impl Leaf2 {
    pub fn new(v: i64) -> Leaf2 {
        Leaf2 { v }
    }
}

#[jitclass]
pub struct Holder2 {
    leaf: Leaf2,
}

#[jitclass]
impl Holder2 {
    pub fn new(leaf: Leaf2) -> Holder2 {
        Holder2 { leaf }
    }
}

#[jit]
fn construct_at_null(v: i64) -> i64 {
    let p = 0 as *mut u8;
    let h = unsafe { construct_at::<Holder2>(p, Holder2::new(Leaf2::new(v))) };
    h.leaf.v
}

#[test]
fn fixed_construct_at_refusing_a_null_pointer_leaks_the_value() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let r = catch_unwind(|| construct_at_null(3));
    let msg = *r.unwrap_err().downcast::<String>().unwrap();
    assert!(msg.contains("null or misaligned"), "{msg}");
    let d = jitclass::stats().since(&before);
    assert!(d.is_balanced(), "the refused value was not released: {d:?}");
}
