use jitclass::ExternalAllocator;
use std::ffi::c_void;

unsafe extern "C" fn bogus_malloc(_: usize, _: *mut c_void) -> *mut c_void {
    16 as *mut c_void
}

unsafe extern "C" fn no_realloc(_: *mut c_void, _: usize, _: *mut c_void) -> *mut c_void {
    std::ptr::null_mut()
}

unsafe extern "C" fn no_free(_: *mut c_void, _: *mut c_void) {}

// jitclass writes instances into what `malloc` returns: a table is a promise.
static TABLE: ExternalAllocator =
    ExternalAllocator::new(bogus_malloc, no_realloc, no_free, std::ptr::null_mut());

fn main() {}
