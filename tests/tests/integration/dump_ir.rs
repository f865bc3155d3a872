use jitclass::jit;
use std::process::Command;

#[jit]
fn dumped(x: i32) -> i32 {
    x * 3
}

/// Runs in a child process (see below) with `JITCLASS_DUMP_IR=1` in its environment.
#[test]
fn dump_ir_child() {
    if std::env::var_os("JITCLASS_DUMP_IR_CHILD").is_none() {
        return;
    }
    assert_eq!(dumped(2), 6);
}

#[test]
fn jitclass_dump_ir_prints_the_llvm_ir_of_each_compilation() {
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["dump_ir::dump_ir_child", "--exact", "--nocapture"])
        .env("JITCLASS_DUMP_IR", "1")
        .env("JITCLASS_DUMP_IR_CHILD", "1")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("; jitclass: LLVM IR of `dumped` fn(i32) -> i32"),
        "{stderr}"
    );
    assert!(stderr.contains("define i32 @"), "{stderr}");
    assert!(stderr.contains("mul i32"), "{stderr}");
}
