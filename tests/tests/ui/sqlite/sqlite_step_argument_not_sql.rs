use jitclass::jitclass;
use jitclass::sqlite::{Connection, FunctionFlags, register_aggregate};

#[jitclass]
pub struct Tag {
    id: i64,
}

#[jitclass]
pub struct Tags {
    last: Option<Tag>,
}

#[jitclass]
impl Tags {
    pub fn new() -> Self {
        Tags { last: None }
    }

    pub fn step(&mut self, tag: Tag) {
        self.last = Some(tag);
    }

    pub fn finalize(&self) -> i64 {
        0
    }
}

fn main() {
    let conn = Connection::open_in_memory().unwrap();
    register_aggregate::<Tags>(&conn, "tags", FunctionFlags::SQLITE_UTF8).unwrap();
}
