// The memory-control functions, with their type argument; the unsafe ones only in an
// `unsafe` block (which the item references record).
struct P {
    v: f64,
}

fn place(p: *mut u8, q: P) -> usize {
    let size = sizeof::<P>();
    let align = jitclass::alignof::<f64>();
    unsafe {
        construct_at::<P>(p, q);
        let view = unsafe_cast::<P>(p);
        destroy_at::<P>(p);
    }
    size + align
}
