use jitclass::ExternalAllocator;
use std::ffi::c_void;

unsafe extern "C" fn bogus_malloc(_: usize, _: *mut c_void) -> *mut c_void {
    16 as *mut c_void
}

unsafe extern "C" fn no_realloc(_: *mut c_void, _: usize, _: *mut c_void) -> *mut c_void {
    std::ptr::null_mut()
}

unsafe extern "C" fn no_free(_: *mut c_void, _: *mut c_void) {}

// The table's fields are private: only `new` (unsafe) and `from_global` make one.
static LITERAL: ExternalAllocator = ExternalAllocator {
    malloc: bogus_malloc,
    realloc: no_realloc,
    free: no_free,
    opaque_data: std::ptr::null_mut(),
};

fn main() {}
