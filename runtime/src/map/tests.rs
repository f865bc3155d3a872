//! Tests of the map runtime.

use super::*;
use jitclass_core::types::PrimTy;

fn key_of<K>(k: &K) -> *const u8 {
    (k as *const K).cast()
}

/// Blocks are counted process-wide: not while a memory test counts them.
fn serial() -> std::sync::MutexGuard<'static, ()> {
    crate::memory::tests::SERIAL
        .lock()
        .unwrap_or_else(|e| e.into_inner())
}

#[test]
fn churn_matches_std() {
    let _serial = serial();
    let info = map_info_for(&Type::Prim(PrimTy::U32), &Type::Prim(PrimTy::U32));
    // SAFETY: a valid info.
    let map = unsafe { jitclass_rt_map_new(info, 0) };
    let mut model = HashMap::new();
    let mut x = 12345u32;
    for step in 0..20_000u32 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let k = (x >> 8) % 300;
        let mut at = 0usize;
        if x.is_multiple_of(3) {
            let mut out = 0u32;
            // SAFETY: a live map, a key and room for a value.
            let removed =
                unsafe { jitclass_rt_map_remove(map, key_of(&k), 0, (&raw mut out).cast()) };
            assert_eq!(removed == 1, model.remove(&k) == Some(out), "step {step}");
        } else {
            // SAFETY: as above.
            let status = unsafe { jitclass_rt_map_insert(map, key_of(&k), &mut at) };
            // SAFETY: `at` is an entry; its value is a `u32`.
            unsafe {
                let v = header(map).entry(at).add(info.value_offset).cast::<u32>();
                assert_eq!(status == 0, model.contains_key(&k));
                v.write(step);
            }
            model.insert(k, step);
        }
        // SAFETY: a live map.
        assert_eq!(unsafe { header(map) }.entries.len, model.len());
    }
    for (k, v) in &model {
        // SAFETY: as above.
        let e = unsafe { jitclass_rt_map_find(map, key_of(k), 0) };
        assert_ne!(e, usize::MAX);
        // SAFETY: as above.
        assert_eq!(
            unsafe {
                header(map)
                    .entry(e)
                    .add(info.value_offset)
                    .cast::<u32>()
                    .read()
            },
            *v
        );
    }
    // SAFETY: a live map.
    unsafe { jitclass_rt_map_clear(map) };
    let k = 3u32;
    // SAFETY: as above.
    assert_eq!(
        unsafe { jitclass_rt_map_find(map, key_of(&k), 0) },
        usize::MAX
    );
    // SAFETY: ours.
    unsafe { MemInfo::decref_from_jit(map) };
}
