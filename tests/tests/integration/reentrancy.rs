use jitclass::jit;
use std::process::Command;
use std::time::{Duration, Instant};

#[jit]
fn negate<T>(x: T) -> T {
    -x
}

/// Runs in a child process: the panic hook is process-wide.
#[test]
fn reentrancy_child() {
    if std::env::var_os("JITCLASS_REENTRANCY_CHILD").is_none() {
        return;
    }
    // A hook that calls the same jit fn while its failed compilation is panicking.
    std::panic::set_hook(Box::new(|_| {
        assert_eq!(negate(1.5f32), -1.5);
    }));
    let failed = std::panic::catch_unwind(|| negate(true));
    assert!(failed.is_err(), "`-` on bool must not compile");
    let _ = std::panic::take_hook();
    assert_eq!(negate(2i64), -2);
}

#[test]
fn a_panic_hook_may_call_the_function_whose_compilation_failed() {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["reentrancy::reentrancy_child", "--exact", "--nocapture"])
        .env("JITCLASS_REENTRANCY_CHILD", "1")
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "child failed: {status}");
            return;
        }
        if start.elapsed() > Duration::from_secs(120) {
            child.kill().unwrap();
            panic!("deadlock: the child did not finish");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
