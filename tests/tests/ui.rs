//! Compile-fail tests: every misuse of `#[jit]` gets a clear message at the right token.
//!
//! The cases live in one directory per area (`tests/ui/<area>/<case>.rs`, beside the
//! `<case>.stderr` rustc must print), named after the book's sections and the integration
//! modules, so that the rejections of an area sit together.

/// The areas, one directory each under `tests/ui/`.
const AREAS: &[&str] = &[
    // `#[jit]`/`#[jitclass]` on the wrong item, fn qualifiers, parameter forms.
    "attributes",
    // Statements and expressions jit code lacks, and the rules of bindings.
    "statements",
    // Types jit code lacks, and type errors in bodies.
    "types",
    "control_flow",
    "options",
    "ranges",
    "slices",
    "calls",
    "generics",
    "classes",
    // Operator traits and `Index`/`IndexMut` of classes.
    "operators",
    "memory_control",
    "objmode",
    "passthru",
    // C function pointers and foreign blocks.
    "fn_values",
    // `extern "C"` jit fns.
    "cfunc",
    "sqlite",
    "limits",
    // `Vec<T>`: its methods, element types, mutability, loops, crossing to Rust.
    "vecs",
    // Sorting and selection, and the closures they take.
    "sorting",
    // Fixed arrays `[T; N]`: lengths, indexes, element types, mutability.
    "arrays",
    // `char`, and the text types (`&str`, `String`) jit code does not have yet.
    "text",
    // `&str`: where it lives, its methods and loops, `parse`, `&s[a..b]`.
    "strings",
    // `format!`: format strings, their arguments, and the traits their values need.
    "formatting",
    // `HashMap<K, V>`: its methods, key types, references into it, mutability.
    "maps",
    // `HashSet<K>`: a map whose values never exist.
    "sets",
];

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    for area in AREAS {
        t.compile_fail(format!("tests/ui/{area}/*.rs"));
    }
}

/// A case outside the listed areas would never run: there is none.
#[test]
fn every_case_is_in_an_area() {
    let ui = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui");
    let mut strays = Vec::new();
    for entry in std::fs::read_dir(&ui).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        // `pass/` holds programs that must compile, `known_bugs/` cases whose output is
        // still wrong (each run by its own test below).
        let known = AREAS.contains(&name.as_str()) || name == "pass" || name == "known_bugs";
        if !(entry.file_type().unwrap().is_dir() && known) {
            strays.push(name);
        }
    }
    assert!(
        strays.is_empty(),
        "not in an area listed in tests/ui.rs: {strays:?}"
    );
}

/// `Option`s nested as deep as `MAX_TYPE_DEPTH` allows build: the glue's reprs cost rustc
/// one level per type level, as tuples do (review of issue 12).
#[test]
fn review_options_nested_within_the_limit_compile() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/review_deep_option.rs");
}

/// Programs using classes in non-generic bodies in the ways Rust allows keep compiling
/// with the shadow rustc checks (review of issue 14).
#[test]
fn review14_shadow_accepts_valid_class_code() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/review14_classes_in_bodies.rs");
    t.pass("tests/ui/pass/review14_paths_and_crates.rs");
    // Also held: a class named like a prelude derive (`Hash`) beside `#[derive(Hash)]`,
    // and an impl block placed before its struct, used from a child module's glob import.
    t.pass("tests/ui/pass/review14_names_and_order.rs");
    t.pass("tests/ui/pass/review14_ufcs_self_receiver.rs");
    t.pass("tests/ui/pass/review14_getter_value_then_mut.rs");
    t.pass("tests/ui/pass/review14_index_inference.rs");
}

/// `v.extend_from_slice(&instance.field)` into a local `Vec` compiles as in Rust (review
/// of issue 15a).
#[test]
fn review15_extend_from_a_field() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/review15_extend_from_field.rs");
}

/// A SQLite state may keep a `Vec` of tuples as a field (review of issue 15d: it was
/// refused until `Vec`s crossed for every element type).
#[test]
fn review15d_state_with_vec_of_pairs() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/sqlite_state_vec_of_pairs.rs");
}

/// `for e in a` over an array, then `a[i] = ..` in the body: rustc accepts it (the loop
/// iterates a copy), jitclass's shadow check refuses it with E0506 / E0502 as if the loop
/// borrowed `a`. The jit code itself iterates a copy: the same body in a generic fn (which
/// the shadow does not check) gives rustc's result (`review_arrays_sorting.rs`,
/// `arr_for_by_value_mutating`).
#[test]
#[ignore = "BUG: `for e in a { a[i] = .. }` over an array (and over `self.a`) is refused with E0506/E0502; rustc accepts it"]
fn review15b_for_array_by_value_then_assign() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/review15b_for_array_by_value_then_assign.rs");
}

/// `[1, 2, 2].binary_search(&x)` with `x: i64`: rustc infers the literals' type from `&x`,
/// and so does jitclass (it once refused it as "can't call method ` Ord::cmp` on ambiguous
/// numeric type `{integer}`").
#[test]
fn review15b_binary_search_array_literal() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/review15b_binary_search_array_literal.rs");
}

/// A non-jit function (`std::mem::take`) called in two jit bodies of one crate: rustc
/// names the macro's stand-in for it by its full path
/// (`__JITCLASS_Median_value::__jitclass_callee_dispatcher::__jitclass_fallback::not_jit::take`),
/// because the crate then has two items named `take` and rustc trims a path only when its
/// name is unique. One call gets the clear `take` (`calls/call_std_function.rs`).
#[test]
#[ignore = "BUG: the second call of the same non-jit fn names internal items (`__JITCLASS_*::__jitclass_fallback::not_jit::take`)"]
fn review15d_call_std_fn_in_two_methods() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/known_bugs/call_std_fn_in_two_methods.rs");
}

/// In generic bodies the element of `for w in &v` and the binding of `if let Some(w) = o`
/// over a borrowed `Option<Vec<T>>` are held as the `Vec` itself, not as a `&Vec<T>`: moved
/// into a `mut` local or passed by value, they change the borrowed `Vec` (the caller's
/// `v` comes back with the pushes), where rustc refuses the code (E0596, E0308). Non-generic
/// bodies are safe: rustc checks them through the shadow (review of issue 15v).
#[test]
#[ignore = "BUG: a &Vec<T> loop element or match binding moved into a mut local or a by-value parameter changes the borrowed Vec in generic bodies (rustc: E0596/E0308)"]
fn review15v_generic_change_through_borrowed_element() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/known_bugs/generic_change_through_borrowed_element.rs");
}

/// In generic bodies, `v.sort()` and `for x in v.iter_mut()` while a reference into `v` is
/// live are refused (rightly) but as "cannot assign to `v[_]`" at the element writes their
/// lowering makes, not as rustc's E0502 at the call (review of issue 15v).
#[test]
#[ignore = "BUG: sort / iter_mut while a reference into the Vec is live: 'cannot assign to `v[_]`' instead of rustc's E0502 wording at the call"]
fn review15v_generic_sort_while_referenced() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/known_bugs/generic_sort_while_referenced.rs");
}

/// `for x in w` with `w` bound by `if let Some(w) = o` over a borrowed `Option<Vec<f64>>`:
/// rustc needs `*x` (an `&f64`), jitclass refuses the `*x` (review of issue 15v).
#[test]
#[ignore = "BUG: `*x` of a loop over a match-bound &Vec is refused ('dereferencing (`*x`) is not supported here'); rustc requires it"]
fn review15v_deref_match_bound_loop_element() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/review15v_deref_match_bound_loop_element.rs");
}

/// A refused parameter type (`&mut Holder`) makes every call of the function fail with
/// false errors ("does not take 2 argument(s)", "only `#[jit]` functions can be called")
/// after the true one (review of issue 15v).
#[test]
#[ignore = "BUG: after a refused parameter type, calls of the fn get false errors ('`upd` does not take 2 argument(s)', 'only `#[jit]` functions can be called')"]
fn review15v_class_reference_param_cascade() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/known_bugs/class_reference_param_cascade.rs");
}
