//! The side-by-side performance report: every figure is measured in this one run, next
//! to its baseline, so ratios hold on a noisy shared machine.
//!
//! Run: `cargo run --release -p jitclass-examples --example report` (`-- --sorting`,
//! `-- --median`, `-- --text`, `-- --traits` or `-- --generics` for one section alone)

mod arrays;
mod generics;
mod median;
mod text;
mod traits;
mod vecs;

use jitclass::{jit, jitclass};
use jitclass_examples::classes::{MyAvg, NativeAvg, avg_loop, avg_loop_native};
use jitclass_examples::kernels::{
    add, add_c, add_c_native, add_native, dot, dot_native, sum, sum_native,
};
use jitclass_examples::{median_pair, random_f64s};
use std::hint::black_box;
use std::time::{Duration, Instant};

// ---- (b) cold first-call latency: 10-line functions, each compiled at its first call --

macro_rules! ten_line_fn {
    ($name:ident) => {
        #[jit]
        fn $name(x: f64, n: i64) -> f64 {
            let mut acc = 0.0;
            let mut i = 0;
            while i < n {
                let t = x * i as f64;
                if t > 100.0 {
                    acc -= t.sqrt();
                } else {
                    acc += t * 0.5;
                }
                i += 1;
            }
            acc
        }
    };
}

ten_line_fn!(cold_first);
ten_line_fn!(cold_second);
ten_line_fn!(cold_3);
ten_line_fn!(cold_4);
ten_line_fn!(cold_5);
ten_line_fn!(cold_6);
ten_line_fn!(cold_7);

fn first_call(f: fn(f64, i64) -> f64) -> Duration {
    let t = Instant::now();
    black_box(f(black_box(1.5), black_box(10)));
    t.elapsed()
}

// ---- (d) first use of a class in a fresh process --------------------------------------

/// A class used nowhere else: its constructor and three methods compile at first use.
#[jitclass]
pub struct Account {
    balance: f64,
    operations: i64,
}

#[jitclass]
impl Account {
    pub fn new(opening: f64) -> Account {
        Account {
            balance: opening,
            operations: 0,
        }
    }

    pub fn deposit(&mut self, amount: f64) {
        self.balance += amount;
        self.operations += 1;
    }

    pub fn withdraw(&mut self, amount: f64) -> bool {
        if amount > self.balance {
            false
        } else {
            self.balance -= amount;
            self.operations += 1;
            true
        }
    }

    pub fn summary(&self) -> f64 {
        self.balance / (self.operations + 1) as f64
    }
}

/// Run in a child process: the time from nothing compiled to a constructor and three
/// methods called, LLVM's start-up included.
fn first_use_in_this_process() -> Duration {
    let t = Instant::now();
    let mut a = Account::new(black_box(10.0));
    a.deposit(black_box(5.0));
    black_box(a.withdraw(black_box(3.0)));
    black_box(a.summary());
    t.elapsed()
}

fn first_use_in_a_fresh_process() -> Option<Duration> {
    let exe = std::env::current_exe().ok()?;
    let out = std::process::Command::new(exe)
        .arg("--first-use")
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let micros: u64 = text.trim().parse().ok()?;
    Some(Duration::from_micros(micros))
}

// ---- (a) call overhead ----------------------------------------------------------------

/// ns per call of `jit` and `native`, measured alternately.
fn ns_per_call(
    calls: u64,
    jit: impl Fn(i64, i64) -> i64,
    native: impl Fn(i64, i64) -> i64,
) -> (f64, f64) {
    let run = |f: &dyn Fn(i64, i64) -> i64| {
        let mut acc = 0i64;
        for i in 0..calls {
            acc = f(black_box(acc), black_box(i as i64));
        }
        black_box(acc);
    };
    let (a, b) = median_pair(9, || run(&jit), || run(&native));
    let per = |d: Duration| d.as_secs_f64() * 1e9 / calls as f64;
    (per(a), per(b))
}

/// ns per element of `jit` and `native`, measured alternately.
fn ns_per_element(n: usize, jit: impl Fn() -> f64, native: impl Fn() -> f64) -> (f64, f64) {
    let (a, b) = median_pair(
        11,
        || {
            black_box(jit());
        },
        || {
            black_box(native());
        },
    );
    let per = |d: Duration| d.as_secs_f64() * 1e9 / n as f64;
    (per(a), per(b))
}

fn row(what: &str, jit: f64, native: f64, unit: &str, target: &str) {
    println!(
        "{what:<34} {jit:>10.3} {native:>10.3} {unit:<6} {:>7.3}x   {target}",
        jit / native
    );
}

fn main() {
    if std::env::args().any(|a| a == "--sorting") {
        vecs::sorting();
        return;
    }
    if std::env::args().any(|a| a == "--median") {
        median::median();
        return;
    }
    if std::env::args().any(|a| a == "--text") {
        text::text();
        return;
    }
    if std::env::args().any(|a| a == "--traits") {
        traits::traits();
        return;
    }
    if std::env::args().any(|a| a == "--generics") {
        generics::generics();
        return;
    }
    if std::env::args().any(|a| a == "--first-use") {
        println!("{}", first_use_in_this_process().as_micros());
        return;
    }
    println!("jitclass report (one run; every ratio is against a baseline measured in this run)\n");

    // Must come first: the first jit compilation in the process includes LLVM's start-up.
    let first = first_call(cold_first);
    let second = first_call(cold_second);
    let mut rest: Vec<Duration> = [cold_3, cold_4, cold_5, cold_6, cold_7]
        .into_iter()
        .map(first_call)
        .collect();
    rest.sort();
    println!("(b) cold first call of a 10-line #[jit] fn (decode IR + infer + LLVM -O3 + JIT)");
    println!(
        "    first function in the process   {:>8.2} ms   target < 20 ms",
        first.as_secs_f64() * 1e3
    );
    println!(
        "    second function                 {:>8.2} ms   target <  5 ms",
        second.as_secs_f64() * 1e3
    );
    println!(
        "    median of the next five         {:>8.2} ms   target <  5 ms",
        rest[2].as_secs_f64() * 1e3
    );
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    for (what, stats) in [
        ("first", cold_first::dispatcher()),
        ("second", cold_second::dispatcher()),
    ] {
        let s = &stats.compile_stats()[0];
        println!(
            "    {what:<6} = {:.2} ms front end (decode IR, infer, emit LLVM IR) + {:.2} ms LLVM -O3 + {:.2} ms machine code + {:.2} ms start-up and locking",
            ms(s.frontend),
            ms(s.optimise),
            ms(s.machine_code),
            ms(s.total - s.frontend - s.optimise - s.machine_code),
        );
    }
    arrays::first_calls();
    println!("    (Numba 0.68: 100-500 ms for a first function)\n");

    assert_eq!(add(1, 2), 3); // compile outside the timed loop
    let calls = 50_000_000;
    let (jit_call, native_call) = ns_per_call(calls, add, add_native);
    println!(
        "{:<34} {:>10} {:>10} {:<6} {:>8}",
        "", "jit", "native", "", "ratio"
    );
    println!("(a) call overhead");
    row(
        "    add(i64, i64) from Rust",
        jit_call,
        native_call,
        "ns",
        "target: within 2 ns of native",
    );
    println!(
        "    difference: {:+.3} ns per call   (Numba's dispatcher: ~100 ns per call)",
        jit_call - native_call
    );
    // Both through a function pointer the optimiser cannot see through, as C would call.
    let cfunc: extern "C" fn(i64, i64) -> i64 = black_box(add_c::cfunc_ptr());
    let native_c: extern "C" fn(i64, i64) -> i64 = black_box(add_c_native);
    let (jit_c, native_c) = ns_per_call(calls, |a, b| cfunc(a, b), |a, b| native_c(a, b));
    row(
        "    add via cfunc_ptr() (C pointer)",
        jit_c,
        native_c,
        "ns",
        "a Rust extern \"C\" fn pointer",
    );
    println!();

    let n = 10_000_000;
    let xs = random_f64s(n, 1);
    let ys = random_f64s(n, 2);
    assert_eq!(sum(&xs), sum_native(&xs));
    assert_eq!(dot(&xs, &ys), dot_native(&xs, &ys));
    println!("(c) kernels over {n} f64");
    let (jit_sum, native_sum) = ns_per_element(n, || sum(&xs), || sum_native(&xs));
    row(
        "    sum",
        jit_sum,
        native_sum,
        "ns/el",
        "target: within 1.1x of native",
    );
    let (jit_dot, native_dot) = ns_per_element(n, || dot(&xs, &ys), || dot_native(&xs, &ys));
    row(
        "    dot product",
        jit_dot,
        native_dot,
        "ns/el",
        "target: within 1.1x of native",
    );

    classes(n, &xs);
    allocators();
    sqlite();
    passthru();
    dispatch(&xs);
    vecs::vecs(n, &xs);
    vecs::sorting();
    median::median();
    text::text();
    traits::traits();
    generics::generics();
}

/// (h) first-class functions and local subtyping.
fn dispatch(xs: &[f64]) {
    use jitclass::{Supertype, type_of};
    use jitclass_examples::dispatch::{
        Point1, Point2, affine, map_sum_direct, map_sum_indirect, map_sum_indirect_native,
        weighted_a,
    };
    println!("\n(h) first-class functions and local subtyping");
    let n = xs.len();
    // The JIT-compiled C entry point (the Rust glue `affine` would add a hop).
    let f: extern "C" fn(f64) -> f64 = black_box(affine::cfunc_ptr());
    assert_eq!(map_sum_direct(xs), map_sum_indirect(f, xs));
    let (indirect, direct) = ns_per_element(n, || map_sum_indirect(f, xs), || map_sum_direct(xs));
    row(
        "    f(x) through a pointer, per el",
        indirect,
        direct,
        "ns/el",
        "vs affine(x) called by name (inlined)",
    );
    let (indirect, native) = ns_per_element(
        n,
        || map_sum_indirect(f, xs),
        || map_sum_indirect_native(f, xs),
    );
    row(
        "    f(x) through a pointer, per el",
        indirect,
        native,
        "ns/el",
        "vs the native loop through the pointer",
    );

    let d = weighted_a::dispatcher();
    d.define_supertype(Supertype::nominal(
        "points",
        [vec![type_of::<Point1>()], vec![type_of::<Point2>()]],
    ));
    let start = Instant::now();
    d.compile(&[type_of::<Point1>()]).expect("compiles");
    let compiling = start.elapsed();
    let start = Instant::now();
    d.compile(&[type_of::<Point2>()])
        .expect("served by Point1's code");
    let serving = start.elapsed();
    assert_eq!(d.compile_count(), 1);
    assert_eq!(weighted_a(Point2::new(4.0, 0.0), 1.0), 3.0);
    assert_eq!(weighted_a(Point1::new(4.0), 1.0), 3.0);
    println!(
        "    new subtype served from compiled code {:>8.1} us   vs compiling it {:>8.1} us   ({:.0}x faster)",
        serving.as_secs_f64() * 1e6,
        compiling.as_secs_f64() * 1e6,
        compiling.as_secs_f64() / serving.as_secs_f64()
    );
}

/// (d) classes: construction, method calls, a loop over an instance, first use.
fn classes(n: usize, xs: &[f64]) {
    println!("\n(d) #[jitclass] instances");
    let mut firsts: Vec<Duration> = (0..5)
        .filter_map(|_| first_use_in_a_fresh_process())
        .collect();
    firsts.sort();
    if let Some(median) = firsts.get(firsts.len() / 2) {
        println!(
            "    first use of a class (constructor + 3 methods) in a fresh process: {:.2} ms   target < 30 ms (Numba: 260-480 ms)",
            median.as_secs_f64() * 1e3
        );
    }

    let count = 2_000_000;
    drop(MyAvg::new()); // compile outside the timed loop
    let (jit, native) = median_pair(
        9,
        || {
            for _ in 0..count {
                drop(black_box(MyAvg::new()));
            }
        },
        || {
            for _ in 0..count {
                drop(black_box(Box::new(NativeAvg::new())));
            }
        },
    );
    let per = |d: Duration, k: usize| d.as_secs_f64() * 1e9 / k as f64;
    row(
        "    construct + drop, from Rust",
        per(jit, count),
        per(native, count),
        "ns",
        "target: within 2x of Box::new (Numba: ~4 us)",
    );

    let calls = 20_000_000;
    let mut a = MyAvg::new();
    a.step(1.0);
    let mut b = NativeAvg::new();
    let (jit, native) = median_pair(
        9,
        || {
            for i in 0..calls {
                a.step(black_box(i as f64));
            }
        },
        || {
            for i in 0..calls {
                b.step_not_inlined(black_box(i as f64));
            }
        },
    );
    row(
        "    method call a.step(x), from Rust",
        per(jit, calls),
        per(native, calls),
        "ns",
        "target: within 2 ns of #[inline(never)] native (Numba: ~400 ns)",
    );
    println!(
        "    difference: {:+.3} ns per call",
        per(jit, calls) - per(native, calls)
    );

    assert_eq!(avg_loop(xs), avg_loop_native(xs));
    let (jit, native) = ns_per_element(
        n,
        || avg_loop(xs).unwrap_or(0.0),
        || avg_loop_native(xs).unwrap_or(0.0),
    );
    row(
        "    MyAvg step loop in #[jit] code",
        jit,
        native,
        "ns/el",
        "target: within 1.2x of native (Numba: 3.1 ns/el)",
    );
}

/// (e) where instances come from: 1,000,000 constructions through a bump arena
/// (`#[jitclass(allocator = ..)]`), through the default allocator, and `Box::new` of the
/// same `#[repr(C)]` struct, each dropped at once.
fn allocators() {
    use jitclass_examples::arena::{self, ArenaAvg};
    let count = 1_000_000;
    drop(ArenaAvg::new());
    let mut arena_times = Vec::new();
    let mut default_times = Vec::new();
    let mut box_times = Vec::new();
    for _ in 0..7 {
        // SAFETY: every arena instance of the last round was dropped.
        unsafe { arena::reset() };
        let t = Instant::now();
        for _ in 0..count {
            drop(black_box(ArenaAvg::new()));
        }
        arena_times.push(t.elapsed());
        let t = Instant::now();
        for _ in 0..count {
            drop(black_box(MyAvg::new()));
        }
        default_times.push(t.elapsed());
        let t = Instant::now();
        for _ in 0..count {
            drop(black_box(Box::new(NativeAvg::new())));
        }
        box_times.push(t.elapsed());
    }
    assert!(arena::used() >= count * jitclass::sizeof::<ArenaAvg>());
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2].as_secs_f64() * 1e9 / count as f64
    };
    let (a, d, b) = (
        median(arena_times),
        median(default_times),
        median(box_times),
    );
    println!("\n(e) 1,000,000 constructions + drops, from Rust (ns each; ratio to Box::new)");
    println!(
        "    bump arena allocator            {a:>8.3} ns   {:>6.3}x",
        a / b
    );
    println!(
        "    default allocator               {d:>8.3} ns   {:>6.3}x",
        d / b
    );
    println!(
        "    Box::new of the payload struct  {b:>8.3} ns   {:>6.3}x",
        1.0
    );
}

/// (f) SQLite aggregates over 10,000,000 random doubles: each query several times,
/// interleaved, medians; ratios to the builtin `avg`.
fn sqlite() {
    use jitclass::sqlite::Connection;
    use jitclass_examples::sqlite::{aggregate, grouped, populate, register_all};
    let rows = 10_000_000;
    let conn = Connection::open_in_memory().expect("SQLite opens");
    populate(&conn, rows).expect("the table fills");
    register_all(&conn).expect("the functions register");
    let functions = ["avg", "my_avg", "c_avg", "rs_avg"];
    let labels = [
        "builtin avg",
        "jitclass aggregate (my_avg)",
        "hand-written C-API callback",
        "rusqlite Aggregate trait",
    ];
    let measure = |query: &dyn Fn(&str) -> f64, rounds: usize| {
        let mut times = vec![Vec::new(); functions.len()];
        let mut results = vec![0.0; functions.len()];
        for _ in 0..rounds {
            for (i, f) in functions.iter().enumerate() {
                let t = Instant::now();
                results[i] = black_box(query(f));
                times[i].push(t.elapsed());
            }
        }
        let medians: Vec<f64> = times
            .into_iter()
            .map(|mut v| {
                v.sort();
                v[v.len() / 2].as_secs_f64() * 1e3
            })
            .collect();
        (medians, results)
    };
    println!("\n(f) SQLite over {rows} rows of random doubles (median of 7, interleaved)");
    let (plain, results) = measure(&|f| aggregate(&conn, f).unwrap().unwrap_or(0.0), 7);
    for i in 1..results.len() {
        assert!(
            (results[i] - results[0]).abs() < 1e-9,
            "{} differs from avg",
            functions[i]
        );
    }
    let (groups, _) = measure(&|f| grouped(&conn, f).unwrap(), 7);
    println!(
        "    {:<30} {:>10} {:>8}   {:>14} {:>8}",
        "SELECT f(x) FROM t", "ms", "vs avg", "GROUP BY g (1k)", "vs avg"
    );
    for (i, label) in labels.iter().enumerate() {
        println!(
            "    {label:<30} {:>10.2} {:>7.3}x   {:>14.2} {:>7.3}x",
            plain[i],
            plain[i] / plain[0],
            groups[i],
            groups[i] / groups[0]
        );
    }
    println!(
        "    jitclass vs the hand-written callback: {:.3}x (target: within 1.03x); Numba cfunc ~0.97x avg, Python ~5.5x",
        plain[1] / plain[2]
    );
}

/// (g) crossing between jit code and Rust: an `objmode!` block per call, and a
/// `PassThru` handle into and out of a jit fn, each next to a plain jit call.
fn passthru() {
    use jitclass::PassThru;
    use jitclass_examples::passthru::{
        Session, add_in_objmode, add_with_empty_objmode, pass_through, pass_through_native,
    };
    use std::sync::Arc;
    println!("\n(g) PassThru handles and objmode! blocks, per call");
    println!(
        "    {:<40} {:>10} {:>10} {:>8}",
        "", "ns", "plain jit", "ratio"
    );
    let calls = 5_000_000;
    assert_eq!(add_with_empty_objmode(1, 2), 3);
    assert_eq!(add_in_objmode(1, 2), 3);
    for (what, f) in [
        (
            "add + an empty objmode! block",
            add_with_empty_objmode as fn(i64, i64) -> i64,
        ),
        ("add computed inside objmode!", add_in_objmode),
    ] {
        let (with_block, plain) = ns_per_call(calls, f, add);
        println!(
            "    {what:<40} {with_block:>10.2} {plain:>10.2} {:>7.2}x",
            with_block / plain
        );
    }
    let session = PassThru::new(Session {
        name: "report".into(),
    });
    assert!(PassThru::ptr_eq(&pass_through(session.clone()), &session));
    let native = Arc::new(Session {
        name: "report".into(),
    });
    let per = |d: Duration| d.as_secs_f64() * 1e9 / calls as f64;
    let (jit, plain) = median_pair(
        9,
        || {
            let mut s = session.clone();
            for _ in 0..calls {
                s = pass_through(black_box(s));
            }
            black_box(s);
        },
        || {
            let mut acc = 0i64;
            for i in 0..calls {
                acc = add(black_box(acc), black_box(i as i64));
            }
            black_box(acc);
        },
    );
    let (arc, _) = median_pair(
        9,
        || {
            let mut s = native.clone();
            for _ in 0..calls {
                s = pass_through_native(black_box(&s));
            }
            black_box(s);
        },
        || {},
    );
    println!(
        "    {:<40} {:>10.2} {:>10.2} {:>7.2}x",
        "PassThru into and out of a jit fn",
        per(jit),
        per(plain),
        per(jit) / per(plain)
    );
    println!(
        "    {:<40} {:>10.2} {:>10} {:>7.2}x   (native: Arc::clone of the argument, the old one dropped)",
        "    the same counting on an Arc, natively",
        per(arc),
        "",
        per(jit) / per(arc)
    );
    assert_eq!(PassThru::strong_count(&session), 1);
    assert_eq!(session.name, native.name);
    println!("    (Numba: a trivial objmode block makes a call 523 ns instead of 84 ns, 6.2x)");
}
