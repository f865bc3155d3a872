// The memory-control functions on types they do not take.
struct R {
    v: f64,
}

fn size_of_slice_elem(xs: &[f64]) -> usize {
    sizeof::<(f64, Option<R>)>()
}

fn cast_to_float(p: *mut u8) -> f64 {
    unsafe { unsafe_cast::<f64>(p) }
}
