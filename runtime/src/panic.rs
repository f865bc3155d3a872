//! Panics raised by JIT code.
//!
//! JIT code never unwinds. A failing check calls [`jitclass_rt_panic`], which records the
//! formatted message in a thread-local and returns; the JIT function then returns a
//! non-zero status up its call chain, and the Rust glue turns the recorded message into
//! an ordinary Rust panic in the caller ([`raise_pending_panic`]).

use std::cell::RefCell;

/// A panic site in compiled code: the message template and where it is in the DSL source.
/// Sites live as long as the compiled code that points at them (forever).
#[derive(Debug)]
pub(crate) struct PanicSite {
    pub pieces: Vec<String>,
    pub debug: Vec<bool>,
    pub location: String,
    pub function: String,
}

/// One formatted argument, as JIT code passes it.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub(crate) struct PanicArg {
    pub kind: u8,
    pub bits: u64,
}

pub(crate) const ARG_SIGNED: u8 = 0;
pub(crate) const ARG_UNSIGNED: u8 = 1;
pub(crate) const ARG_F32: u8 = 2;
pub(crate) const ARG_F64: u8 = 3;
pub(crate) const ARG_BOOL: u8 = 4;
pub(crate) const ARG_CHAR: u8 = 5;
/// The text a helper recorded just before (`set_panic_text`): a message std would make
/// from the helper's operands (`&s[a..b]`'s char-boundary panic, a `parse` error).
pub(crate) const ARG_TEXT: u8 = 6;

thread_local! {
    static PENDING: RefCell<Option<String>> = const { RefCell::new(None) };
    static TEXT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Records the text of the panic a helper's caller raises next (see [`ARG_TEXT`]).
pub(crate) fn set_panic_text(text: String) {
    // Never panics (its callers are `extern "C"`).
    let _ = TEXT.try_with(|t| *t.borrow_mut() = text);
}

fn format_arg(arg: PanicArg, debug: bool) -> String {
    match arg.kind {
        ARG_SIGNED => (arg.bits as i64).to_string(),
        ARG_UNSIGNED => arg.bits.to_string(),
        ARG_F32 => {
            let v = f32::from_bits(arg.bits as u32);
            if debug {
                format!("{v:?}")
            } else {
                v.to_string()
            }
        }
        ARG_F64 => {
            let v = f64::from_bits(arg.bits);
            if debug {
                format!("{v:?}")
            } else {
                v.to_string()
            }
        }
        ARG_TEXT => TEXT
            .try_with(|t| std::mem::take(&mut *t.borrow_mut()))
            .unwrap_or_default(),
        ARG_CHAR => {
            // Jit code's `char`s are scalar values; the fallback never shows otherwise.
            let c = u32::try_from(arg.bits)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            if debug {
                format!("{c:?}")
            } else {
                c.to_string()
            }
        }
        _ => (arg.bits != 0).to_string(),
    }
}

impl PanicSite {
    fn message(&self, args: &[PanicArg]) -> String {
        let mut msg = self.pieces[0].clone();
        for (i, arg) in args.iter().enumerate() {
            msg.push_str(&format_arg(
                *arg,
                self.debug.get(i).copied().unwrap_or(false),
            ));
            msg.push_str(&self.pieces[i + 1]);
        }
        format!(
            "{msg}\n  --> {} (in jit fn `{}`)",
            self.location, self.function
        )
    }
}

/// Called by JIT code at a failing check. Never unwinds.
///
/// # Safety
/// `site` points to a live `PanicSite` and `args` to `nargs` initialised `PanicArg`s.
pub(crate) unsafe extern "C" fn jitclass_rt_panic(
    site: *const PanicSite,
    args: *const PanicArg,
    nargs: usize,
) {
    // SAFETY: guaranteed by the caller (codegen passes a leaked site and a stack array).
    let (site, args) = unsafe {
        (
            &*site,
            if nargs == 0 {
                &[][..]
            } else {
                std::slice::from_raw_parts(args, nargs)
            },
        )
    };
    set_pending_panic(site.message(args));
}

/// Called by the C entry point of an `extern "C"` jit fn after a panic, which cannot
/// unwind into its C caller: prints the message and aborts, as Rust does when a panic
/// reaches an `extern "C"` boundary.
pub(crate) extern "C" fn jitclass_rt_cfunc_panicked() -> ! {
    let message = take_pending_panic().unwrap_or_else(|| "(no message)".to_string());
    eprintln!(
        "jitclass: a panic cannot unwind out of an `extern \"C\"` jit fn, aborting:\n{message}"
    );
    std::process::abort()
}

/// The message of a caught panic (`panic!` makes a `&str` or a `String`), consuming the
/// payload without unwinding: a payload whose `Drop` panics too is forgotten, since the
/// callers are `extern "C"` or must finish what they were doing.
pub(crate) fn into_message(payload: Box<dyn std::any::Any + Send>) -> String {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic with a non-string payload".to_string());
    let dropped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || drop(payload)));
    if let Err(second) = dropped {
        std::mem::forget(second);
    }
    message
}

/// Records `message` as this thread's pending jit panic (an `objmode!` block's).
pub(crate) fn set_pending_panic(message: String) {
    // Never panics (its callers are `extern "C"`): during thread-local teardown the
    // message is lost, and the glue reports a panic without one.
    let _ = PENDING.try_with(|p| *p.borrow_mut() = Some(message));
}

/// Takes the message JIT code recorded on this thread, if any.
pub fn take_pending_panic() -> Option<String> {
    PENDING.try_with(|p| p.borrow_mut().take()).ok().flatten()
}

/// Panics with the message JIT code recorded; called by the glue on a non-zero status.
#[cold]
#[inline(never)]
#[track_caller]
pub fn raise_pending_panic() -> ! {
    match take_pending_panic() {
        Some(message) => panic!("{message}"),
        None => panic!("jit code reported a panic but left no message (a bug in jitclass)"),
    }
}
