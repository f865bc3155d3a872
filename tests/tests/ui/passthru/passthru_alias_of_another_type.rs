use jitclass::{PassThru, jit, objmode};

pub struct Document;
pub struct Image;
pub type Picture = Image;

#[jit]
fn describe(d: PassThru<Document>) -> i64 {
    objmode!(|d: PassThru<Picture>| -> i64 { 1 })
}

fn main() {}
