use jitclass::jitclass;

static NOT_AN_ALLOCATOR: usize = 0;

#[jitclass(allocator = NOT_AN_ALLOCATOR)]
struct Node {
    value: i64,
}

fn main() {}
