// A plain tuple struct's constructor called in jit code (a name with a type, which the
// callee's stand-in does not reach): refused at the call naming `Meters`, and rustc's help
// at the struct names the trait without the macros' private module.
use jitclass::jit;

pub struct Meters(pub i64);

#[jit]
fn wrap(a: i64) -> i64 {
    Meters(a).0
}

#[jit]
fn wrap_twice(a: i64) -> i64 {
    Meters(a).0 + Meters(1).0
}

fn main() {}
