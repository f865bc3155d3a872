//! The block that lends an unmanaged instance's payload to a trait object.
//!
//! A trait object in jit code is `{meminfo, vtable}` (`compiler/types.rs`): a managed
//! instance's payload is at `memory::HEADER` from its meminfo, so the object needs no
//! third word for it. An unmanaged instance (null meminfo: `unsafe_cast`, `construct_at`,
//! SQLite's state) has its payload elsewhere, so its trait object holds a block of its
//! own instead: a managed block, counted like any, whose payload is the instance's
//! address, with the class's lending vtable (`compiler/vtables.rs`, `Receiver::Lent`),
//! whose slots hand the class's functions the instance itself. The block owns nothing
//! (an unmanaged instance never does), and lives no longer than the trait object, which
//! never leaves the call that made it.

use crate::memory::MemInfo;

/// The payload of a lending block: the address of the unmanaged instance's payload.
struct LentPayload(#[allow(dead_code)] *mut u8);

/// A new lending block for the unmanaged instance whose payload is at `data`; null if
/// allocation fails.
pub(crate) extern "C" fn jitclass_rt_lend_unmanaged(data: *mut u8) -> *mut MemInfo {
    MemInfo::allocate_value(LentPayload(data)).map_or(std::ptr::null_mut(), |b| b.as_ptr())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_payload_of_a_lending_block_is_the_lent_address() {
        let _serial = crate::memory::tests::SERIAL
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let before = crate::stats();
        let mut payload = [7u8; 16];
        let block = jitclass_rt_lend_unmanaged(payload.as_mut_ptr());
        assert!(!block.is_null());
        // SAFETY: a live block whose payload `allocate_value` wrote a `LentPayload` into.
        let lent = unsafe { MemInfo::data(block).cast::<*mut u8>().read() };
        assert_eq!(lent, payload.as_mut_ptr());
        // SAFETY: the one reference, made above.
        unsafe { crate::memory::jitclass_rt_decref(block) };
        let delta = crate::stats().since(&before);
        assert_eq!((delta.allocations, delta.frees), (1, 1));
        assert_eq!(
            payload, [7u8; 16],
            "releasing the block leaves the instance alone"
        );
    }
}
