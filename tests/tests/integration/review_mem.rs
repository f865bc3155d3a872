//! Adversarial review (s27) of the two-word block header (`memory/kind.rs`: a block's
//! count and its `&'static BlockKind`) and of `split_whitespace`'s byte scan: instances of
//! every kind made and freed in jit code and in Rust, on other threads, after panics, of
//! classes of one layout with different members or allocators, zero-sized and large
//! payloads, over-aligned `PassThru`s; words against std's `split_whitespace`.

use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate};
use jitclass::{
    ExternalAllocator, JitClass, PassThru, construct_at, destroy_at, jit, jitclass, sizeof,
};
use std::ffi::c_void;
use std::sync::atomic::{AtomicUsize, Ordering};

// ---- split_whitespace against std ------------------------------------------------------

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

twice!(words, words_rs, fn(s: &str) -> Vec<String> {
    let mut v = Vec::new();
    for w in s.split_whitespace() {
        v.push(w.to_string());
    }
    v
});

twice!(word_count, word_count_rs, fn(s: &str) -> (usize, usize) {
    let mut n = 0;
    let mut bytes = 0;
    for w in s.split_whitespace() {
        n += 1;
        bytes += w.len();
    }
    (n, bytes)
});

// Words of `String`s made in jit code (multi-byte chars next to the whitespace the
// case mapping keeps).
twice!(cased_words, cased_words_rs, fn(s: &str) -> (Vec<String>, Vec<String>) {
    let t = s.to_lowercase();
    let mut a = Vec::new();
    for w in t.split_whitespace() {
        a.push(w.to_string());
    }
    let u = s.to_uppercase();
    let mut b = Vec::new();
    for w in u.split_whitespace() {
        b.push(w.to_string());
    }
    (a, b)
});

/// Every char std calls whitespace, and neighbours it does not (U+00A0 is whitespace,
/// U+200B and U+FEFF are not, U+180E no longer is).
const SPACES: &[char] = &[
    '\t', '\n', '\u{b}', '\u{c}', '\r', ' ', '\u{85}', '\u{a0}', '\u{1680}', '\u{2000}',
    '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}',
    '\u{2009}', '\u{200a}', '\u{2028}', '\u{2029}', '\u{202f}', '\u{205f}', '\u{3000}', '\u{200b}',
    '\u{feff}', '\u{180e}', '\u{1c}', '\u{1f}', '\u{7f}', '\0',
];

fn tricky_texts() -> Vec<String> {
    let mut texts: Vec<String> = [
        "",
        " ",
        "\t\n\u{b}\u{c}\r ",
        "a",
        "é",
        "😀",
        "a\u{85}b",
        "\u{85}\u{85}",
        "é\u{3000}ß\u{2028}😀\u{a0}x",
        "\u{feff}word\u{feff} next",
        "x\u{200b} y",
        "Ā\u{1680}Ā",
        "\u{10ffff} \u{10ffff}",
        "tail space ",
        "  lead",
        "ascii then γάμμα\tand\u{a0}\u{a0}more\x0b",
        "İstanbul ΣΑΣ\u{2029}ǅ",
        "\u{1c}\u{1d}\u{1e}\u{1f}",
        "a\0b",
        "\u{7ff}\u{800}\u{ffff}\u{10000}",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Each candidate between and around multi-byte and ASCII words.
    for &c in SPACES {
        texts.push(format!("{c}é{c}{c}a{c}😀{c}"));
        texts.push(format!("ab{c}\u{7ff}{c}\u{800}x"));
        texts.push(c.to_string());
    }
    texts
}

#[test]
fn ok_split_whitespace_matches_std() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    for t in tricky_texts() {
        assert_eq!(words(&t), words_rs(&t), "{t:?}");
        assert_eq!(word_count(&t), word_count_rs(&t), "{t:?}");
        assert_eq!(cased_words(&t), cased_words_rs(&t), "{t:?}");
    }
    // Every char up to U+3100 and a sample above, each between two words.
    for cp in (0..0x3100).chain((0x3100..0x11_0000).step_by(97)) {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let t = format!("a{c}é{c}{c}z");
        assert_eq!(words(&t), words_rs(&t), "U+{cp:04X}");
    }
    assert!(crate::balanced_since(&before));
    crate::assert_no_leaks();
}

// ---- allocators that catch a block freed by the wrong one ------------------------------

static SYSTEM: ExternalAllocator = ExternalAllocator::from_global(&std::alloc::System);
static MALLOCS: AtomicUsize = AtomicUsize::new(0);
static FREES: AtomicUsize = AtomicUsize::new(0);
/// Bytes `SHIFTED` puts before each block, with a tag: a block of the global allocator
/// freed here, or one of these freed by the global allocator, is an invalid free.
const SHIFT: usize = 16;
const TAG: usize = 0x5eed_b10c;

unsafe extern "C" fn shifted_malloc(size: usize, _: *mut c_void) -> *mut c_void {
    let p = SYSTEM.malloc(size + SHIFT).cast::<u8>();
    if p.is_null() {
        return p.cast();
    }
    MALLOCS.fetch_add(1, Ordering::SeqCst);
    // SAFETY: `p` has `size + SHIFT` bytes, 16-aligned.
    unsafe {
        p.cast::<usize>().write(TAG);
        p.add(8).cast::<usize>().write(size);
        p.add(SHIFT).cast()
    }
}

unsafe extern "C" fn shifted_realloc(_: *mut c_void, _: usize, _: *mut c_void) -> *mut c_void {
    panic!("blocks are never reallocated")
}

unsafe extern "C" fn shifted_free(p: *mut c_void, _: *mut c_void) {
    if p.is_null() {
        return;
    }
    // SAFETY: `p` came from `shifted_malloc` (checked by the tag).
    unsafe {
        let block = p.cast::<u8>().sub(SHIFT);
        assert_eq!(
            block.cast::<usize>().read(),
            TAG,
            "freed a block not made here"
        );
        block.cast::<usize>().write(0);
        FREES.fetch_add(1, Ordering::SeqCst);
        SYSTEM.free(block.cast());
    }
}

// SAFETY: the functions keep `malloc`/`free`'s contract over `SYSTEM`.
static SHIFTED: ExternalAllocator = unsafe {
    ExternalAllocator::new(
        shifted_malloc,
        shifted_realloc,
        shifted_free,
        std::ptr::null_mut(),
    )
};

fn mallocs_frees() -> (usize, usize) {
    (MALLOCS.load(Ordering::SeqCst), FREES.load(Ordering::SeqCst))
}

/// A Rust value whose drops are counted.
pub struct Drops(&'static AtomicUsize);

impl Drop for Drops {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

// ---- classes of one payload size, different members and allocators --------------------

/// Three classes with 16-byte payloads: numbers, a `PassThru` (one managed member), and
/// numbers from `SHIFTED`. A block released with another's kind would drop a number as a
/// `PassThru`, or free through the wrong allocator.
#[jitclass]
pub struct Nums {
    a: i64,
    b: i64,
}

#[jitclass]
pub struct Owns {
    held: PassThru<Drops>,
}

#[jitclass(allocator = SHIFTED)]
pub struct Shifted {
    a: i64,
    b: i64,
}

#[jitclass(allocator = SHIFTED)]
pub struct ShiftedOwner {
    items: Vec<f64>,
    name: String,
    next: Option<ShiftedOwner>,
    other: Option<Owns>,
}

#[jitclass]
impl ShiftedOwner {
    pub fn new(n: i64, next: Option<ShiftedOwner>, other: Option<Owns>) -> ShiftedOwner {
        let mut items = Vec::new();
        for i in 0..n {
            items.push(i as f64);
        }
        ShiftedOwner {
            items,
            name: format!("owner {n}"),
            next,
            other,
        }
    }
}

/// A generic class over an allocator: each instantiation a kind of its own.
#[jitclass(allocator = SHIFTED)]
pub struct Cell2<T> {
    value: T,
    tag: i64,
}

#[jitclass]
impl<T> Cell2<T> {
    pub fn new(value: T, tag: i64) -> Self {
        Cell2 { value, tag }
    }
}

#[jit]
fn interleaved(n: i64, d: PassThru<Drops>) -> (i64, Vec<Owns>, Vec<Shifted>) {
    let mut nums = Vec::new();
    let mut owns = Vec::new();
    let mut shifted = Vec::new();
    for i in 0..n {
        nums.push(Nums { a: i, b: -i });
        owns.push(Owns { held: d.clone() });
        shifted.push(Shifted { a: i, b: 2 * i });
    }
    let mut t = 0;
    for k in 0..nums.len() {
        t += nums[k].a - nums[k].b + shifted[k].b;
    }
    // Half of each released here, half handed to Rust.
    let keep = (n / 2) as usize;
    owns.truncate(keep);
    shifted.truncate(keep);
    (t, owns, shifted)
}

#[jit]
fn owners(n: i64, d: PassThru<Drops>) -> ShiftedOwner {
    let mut head = ShiftedOwner::new(0, None, None);
    for i in 1..n {
        let other = if i % 2 == 0 {
            Some(Owns { held: d.clone() })
        } else {
            None
        };
        head = ShiftedOwner::new(i, Some(head), other);
    }
    head
}

#[jit]
#[allow(clippy::type_complexity)] // the four results the probe compares
fn cells(d: PassThru<Drops>) -> (Cell2<i64>, Cell2<PassThru<Drops>>, Cell2<Vec<f64>>, i64) {
    let a = Cell2::<i64>::new(7, 1);
    let b = Cell2::<PassThru<Drops>>::new(d, 2);
    let c = Cell2::<Vec<f64>>::new(vec![1.5, 2.5], 3);
    let x = Cell2::<Cell2<String>>::new(Cell2::<String>::new(String::from("inner"), 4), 5);
    (a, b, c, x.tag + x.value.tag)
}

#[test]
fn ok_blocks_of_one_size_keep_their_members_and_allocators() {
    static DROPS: AtomicUsize = AtomicUsize::new(0);
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let (m0, f0) = mallocs_frees();
    let d = PassThru::new(Drops(&DROPS));
    let (t, owns, shifted) = interleaved(100, d.clone());
    assert_eq!(t, (0..100).map(|i| 4 * i).sum::<i64>());
    assert_eq!((owns.len(), shifted.len()), (50, 50));
    assert_eq!(PassThru::strong_count(&d), 51);
    assert_eq!(mallocs_frees(), (m0 + 100, f0 + 50));
    drop((owns, shifted));
    assert_eq!(PassThru::strong_count(&d), 1);
    assert_eq!(mallocs_frees(), (m0 + 100, f0 + 100));

    let head = owners(50, d.clone());
    assert_eq!(PassThru::strong_count(&d), 25);
    assert_eq!(mallocs_frees(), (m0 + 150, f0 + 100));
    assert_eq!(head.name(), "owner 49");
    drop(head);
    assert_eq!(mallocs_frees(), (m0 + 150, f0 + 150));
    assert_eq!(PassThru::strong_count(&d), 1);

    let (a, b, c, tags) = cells(d.clone());
    assert_eq!(
        (a.value(), b.tag(), c.value(), tags),
        (7, 2, vec![1.5, 2.5], 9)
    );
    assert_eq!(mallocs_frees(), (m0 + 155, f0 + 152));
    assert_eq!(PassThru::strong_count(&d), 2);
    drop((a, b, c));
    assert_eq!(mallocs_frees(), (m0 + 155, f0 + 155));
    assert_eq!(PassThru::strong_count(&d), 1);
    assert_eq!(DROPS.load(Ordering::SeqCst), 0);
    drop(d);
    assert_eq!(DROPS.load(Ordering::SeqCst), 1);
    assert!(
        crate::balanced_since(&before),
        "{:?}",
        jitclass::stats().since(&before)
    );
    crate::assert_no_leaks();
}

// ---- exact counts ----------------------------------------------------------------------

#[jitclass]
pub struct Mixed {
    xs: Vec<f64>,
    s: String,
    m: std::collections::HashMap<i64, String>,
    next: Option<Nums>,
    p: PassThru<Drops>,
}

#[jit]
fn mixed(d: PassThru<Drops>) -> Mixed {
    let mut m = std::collections::HashMap::new();
    m.insert(1, String::from("one"));
    Mixed {
        xs: vec![1.0, 2.0],
        s: String::from("text"),
        m,
        next: Some(Nums { a: 1, b: 2 }),
        p: d,
    }
}

/// The counts `stats()` gives are what they were with the old header: one meminfo per
/// block, buffers counted as allocations without a meminfo.
#[test]
fn ok_stats_count_blocks_and_buffers_as_before() {
    static DROPS: AtomicUsize = AtomicUsize::new(0);
    let _memory = crate::memory_test();
    let d = PassThru::new(Drops(&DROPS));
    let before = jitclass::stats();
    let m = mixed(d.clone());
    let live = jitclass::stats().since(&before);
    // Blocks: Mixed, xs, s, m, the map's "one", Nums (the PassThru was made before);
    // buffers: xs's, s's, "one"'s, the map's entries and index.
    assert_eq!(live.live_meminfos(), 6, "{live:?}");
    assert_eq!(live.live_allocations(), 11, "{live:?}");
    drop(m);
    assert!(
        crate::balanced_since(&before),
        "{:?}",
        jitclass::stats().since(&before)
    );
    drop(d);
    assert_eq!(DROPS.load(Ordering::SeqCst), 1);
    crate::assert_no_leaks();
}

// ---- zero-sized and large payloads, over-aligned `PassThru`s ---------------------------

#[jitclass]
pub struct Empty {}

#[jitclass(allocator = SHIFTED)]
pub struct EmptyShifted {}

#[jitclass]
pub struct Big {
    xs: [f64; 8192],
    n: i64,
}

#[jitclass(allocator = SHIFTED)]
pub struct BigShifted {
    xs: [f64; 8192],
    next: Option<BigShifted>,
}

#[jit]
fn empties(n: i64) -> (Vec<Empty>, Vec<EmptyShifted>) {
    let mut a = Vec::new();
    let mut b = Vec::new();
    for _ in 0..n {
        a.push(Empty {});
        b.push(EmptyShifted {});
    }
    (a, b)
}

#[jit]
fn bigs(n: i64) -> (f64, Big, BigShifted) {
    let mut big = Big { xs: [0.0; 8192], n };
    big.xs[8191] = 1.5;
    let mut chain = BigShifted {
        xs: [1.0; 8192],
        next: None,
    };
    for i in 0..n {
        let mut x = [0.0; 8192];
        x[i as usize] = i as f64;
        chain = BigShifted {
            xs: x,
            next: Some(chain),
        };
    }
    let mut t = 0.0;
    for k in 0..8192 {
        t += big.xs[k] + chain.xs[k];
    }
    (t, big, chain)
}

#[repr(align(64))]
pub struct Wide(u8, [u64; 3]);

#[repr(align(16))]
pub struct Sixteen(u128);

#[jit]
fn through(
    a: PassThru<Wide>,
    b: PassThru<Sixteen>,
    c: PassThru<()>,
) -> (PassThru<Wide>, PassThru<Sixteen>, PassThru<()>, Empty) {
    (a, b.clone(), c, Empty {})
}

#[test]
fn ok_zero_sized_large_and_over_aligned_payloads() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let (m0, f0) = mallocs_frees();
    let (a, b) = empties(300);
    assert_eq!((a.len(), b.len()), (300, 300));
    assert_eq!(mallocs_frees(), (m0 + 300, f0));
    drop((a, b));
    assert_eq!(mallocs_frees(), (m0 + 300, f0 + 300));

    let (t, big, chain) = bigs(20);
    // rustc: the big one's last 1.5, and the chain head's one non-zero element.
    assert_eq!(t, 1.5 + 19.0);
    assert_eq!(big.n(), 20);
    assert_eq!(mallocs_frees(), (m0 + 321, f0 + 300));
    drop((big, chain));
    assert_eq!(mallocs_frees(), (m0 + 321, f0 + 321));

    let (w, s, u, e) = through(
        PassThru::new(Wide(3, [1, 2, 3])),
        PassThru::new(Sixteen(u128::MAX - 5)),
        PassThru::new(()),
    );
    assert_eq!((&*w as *const Wide as usize) % 64, 0);
    assert_eq!((&*s as *const Sixteen as usize) % 16, 0);
    assert_eq!((w.0, w.1, s.0), (3, [1, 2, 3], u128::MAX - 5));
    drop(e);
    // The `Send` ones released on another thread.
    std::thread::spawn(move || drop((w, s, u))).join().unwrap();
    assert!(
        crate::balanced_since(&before),
        "{:?}",
        jitclass::stats().since(&before)
    );
    crate::assert_no_leaks();
}

// ---- panics mid-construction, threads racing to make a class's first block -------------

#[jit]
fn panics_half_way(n: i64, d: PassThru<Drops>) -> ShiftedOwner {
    let first = ShiftedOwner::new(n, None, Some(Owns { held: d.clone() }));
    let big = BigShifted {
        xs: [2.0; 8192],
        next: None,
    };
    let v = vec![Owns { held: d.clone() }, Owns { held: d.clone() }];
    assert!(n < 3, "too many: {} {} {}", n, big.xs[0], v.len());
    ShiftedOwner::new(n + 1, Some(first), None)
}

#[test]
fn ok_a_panic_mid_construction_releases_every_block() {
    static DROPS: AtomicUsize = AtomicUsize::new(0);
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let (m0, f0) = mallocs_frees();
    let d = PassThru::new(Drops(&DROPS));
    let msg = crate::panic_message(|| panics_half_way(5, d.clone()));
    assert!(msg.starts_with("too many: 5 2 2\n"), "{msg}");
    assert_eq!(PassThru::strong_count(&d), 1);
    let (m1, f1) = mallocs_frees();
    assert_eq!(m1 - m0, f1 - f0);
    let ok = panics_half_way(1, d.clone());
    assert_eq!(ok.next().unwrap().items().len(), 1);
    drop(ok);
    drop(d);
    assert_eq!(DROPS.load(Ordering::SeqCst), 1);
    assert!(
        crate::balanced_since(&before),
        "{:?}",
        jitclass::stats().since(&before)
    );
    crate::assert_no_leaks();
}

/// Used only by the racing threads: its first block (and its kind) is made by whichever
/// thread gets there first.
#[jitclass(allocator = SHIFTED)]
pub struct Racer {
    xs: Vec<i64>,
    id: i64,
}

#[jitclass]
pub struct RacerPlain {
    id: i64,
    other: Option<Racer>,
}

#[jit]
fn race(id: i64, n: i64) -> Vec<RacerPlain> {
    let mut v = Vec::new();
    for i in 0..n {
        let r = Racer { xs: vec![i; 3], id };
        v.push(RacerPlain {
            id: i,
            other: Some(r),
        });
    }
    v
}

#[test]
fn ok_threads_racing_to_the_first_block_of_a_class() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let (m0, f0) = mallocs_frees();
    // Handles are not `Send`: each thread makes and drops its own, all at once.
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(4));
    let dropping: Vec<_> = (0..4)
        .map(|id| {
            let b = barrier.clone();
            std::thread::spawn(move || {
                b.wait();
                let v = race(id, 200);
                let t: i64 = v.iter().map(|r| r.other().unwrap().id()).sum();
                drop(v);
                t
            })
        })
        .collect();
    let ids: i64 = dropping.into_iter().map(|t| t.join().unwrap()).sum();
    assert_eq!(ids, 200 * (1 + 2 + 3)); // ids 0..4
    assert_eq!(mallocs_frees(), (m0 + 800, f0 + 800));
    assert!(
        crate::balanced_since(&before),
        "{:?}",
        jitclass::stats().since(&before)
    );
    crate::assert_no_leaks();
}

// ---- states in SQLite's memory and in a Rust buffer, members from `SHIFTED` ------------

/// An aggregate whose state (in SQLite's aggregate context, unmanaged) owns blocks of
/// several kinds, one from `SHIFTED`.
#[jitclass]
pub struct KeepAll {
    values: Vec<f64>,
    last: Option<Shifted>,
    chain: Option<ShiftedOwner>,
}

#[jitclass]
impl KeepAll {
    pub fn new() -> KeepAll {
        KeepAll {
            values: Vec::new(),
            last: None,
            chain: None,
        }
    }

    pub fn step(&mut self, x: f64) {
        self.values.push(x);
        self.last = Some(Shifted { a: x as i64, b: 1 });
        let prev = self.chain.clone();
        self.chain = Some(ShiftedOwner::new(x as i64, prev, None));
    }

    pub fn finalize(&mut self) -> f64 {
        let mut t = 0.0;
        for v in &self.values {
            t += *v;
        }
        assert!(t < 100.0, "total {}", t);
        t + self.last.clone().unwrap().b as f64
    }
}

#[test]
fn ok_states_outside_the_runtime_release_their_members() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    let (m0, f0) = mallocs_frees();
    let conn = Connection::open_in_memory().unwrap();
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    register_aggregate::<KeepAll>(&conn, "keep_all", flags).unwrap();
    conn.execute_batch(
        "CREATE TABLE t(g, x);
         INSERT INTO t VALUES (1, 1.0), (1, 2.0), (2, 500.0), (2, 4.0), (3, 5.0);",
    )
    .unwrap();
    let mut stmt = conn
        .prepare("SELECT keep_all(x) FROM t GROUP BY g")
        .unwrap();
    let got: Vec<Result<f64, String>> = stmt
        .query_map([], |r| r.get::<_, f64>(0))
        .unwrap()
        .map(|r| r.map_err(|e| e.to_string()))
        .collect();
    assert_eq!(got[0], Ok(4.0));
    assert!(
        got[1].as_ref().unwrap_err().contains("total 504"),
        "{got:?}"
    );
    assert_eq!(got.len(), 2, "{got:?}");
    drop(stmt);
    drop(conn);
    let (m1, f1) = mallocs_frees();
    assert_eq!(m1 - m0, f1 - f0);
    assert_eq!(m1 - m0, 8, "a `Shifted` and a `ShiftedOwner` per row");

    // A state in a Rust buffer, with members of both allocators.
    let mut buf = vec![0u64; sizeof::<KeepAll>() / 8];
    let p = buf.as_mut_ptr().cast::<u8>();
    // SAFETY: `buf` is aligned and large enough, and dies after `destroy_at`.
    let mut state = unsafe { construct_at::<KeepAll>(p, KeepAll::new()) };
    state.step(3.0);
    state.step(4.0);
    assert_eq!(state.finalize(), 8.0);
    drop(state);
    // SAFETY: constructed above; no instance over it is used afterwards.
    unsafe { destroy_at::<KeepAll>(p) };
    assert_eq!(mallocs_frees(), (m1 + 4, f1 + 4));
    assert!(
        crate::balanced_since(&before),
        "{:?}",
        jitclass::stats().since(&before)
    );
    crate::assert_no_leaks();
}

// ---- `Debug` of a header ---------------------------------------------------------------

#[jit]
fn nums(a: i64) -> (Nums, Vec<f64>) {
    (Nums { a, b: a }, vec![1.0])
}

/// A drop info keeps its block kind, and the kind names its drop info: their derived
/// `Debug` printed one inside the other without end (a stack overflow, aborting the
/// process) for any live block of a class or a `Vec`.
#[test]
fn fixed_debug_of_a_block_header_ends() {
    let _memory = crate::memory_test();
    let (n, v) = nums(3);
    let raw = n.handle().raw();
    // SAFETY: `n` keeps the block alive while it is printed.
    let text = format!("{:?}", unsafe { &*raw.meminfo });
    assert!(text.contains("BlockKind"), "{text}");
    assert!(text.len() < 1000, "{text}");
    drop((n, v));
    crate::assert_no_leaks();
}
