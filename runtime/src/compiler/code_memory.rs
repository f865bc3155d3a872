//! Where the JIT puts machine code: near the executable.
//!
//! A call between code more than 2 GiB apart costs about 1.2 ns more on current x86
//! cores than the same call between neighbours (measured: an `extern "C"` add through a
//! function pointer, 2.8 ns from a page mapped anywhere vs 1.6 ns from a page near the
//! caller; the instructions are identical). MCJIT's default memory manager maps sections
//! wherever `mmap` likes, far from the Rust code that calls jit code and from the C
//! (SQLite) that jit code calls. This manager reserves one region wholly within
//! 1.75 GiB of this crate's code once and hands out page-aligned sections from it; if no
//! such region is free, or it is full, it maps sections anywhere, which is only slower.
//!
//! Code is position-independent of this choice (the engine keeps its default code
//! model), so placement is purely a performance matter.

use inkwell::memory_manager::McjitMemoryManager;

/// Bytes reserved up front (address space only; pages are committed when used).
const REGION: usize = 512 << 20;
/// How far any byte of the region may be from this crate's code: 2 GiB, less room for
/// the executable's own code around the anchor.
const REACH: usize = (2 << 30) - (256 << 20);

#[derive(Debug)]
pub(crate) struct NearMemoryManager {
    /// The reserved region and the next free byte in it (`None`: map anywhere).
    region: Option<(usize, usize)>,
    page: usize,
    /// Sections whose final protection is not applied yet: start, length, protection.
    unfinalized: Vec<(usize, usize, libc::c_int)>,
}

impl NearMemoryManager {
    pub(crate) fn new() -> NearMemoryManager {
        // SAFETY: `sysconf` has no preconditions.
        let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) })
            .ok()
            .filter(|p| p.is_power_of_two())
            .unwrap_or(4096);
        NearMemoryManager {
            region: reserve_near(NearMemoryManager::new as *const () as usize),
            page,
            unfinalized: Vec::new(),
        }
    }

    /// `size` bytes at `alignment`, read-write until `finalize_memory` gives them `final`.
    fn allocate(&mut self, size: usize, alignment: usize, protection: libc::c_int) -> *mut u8 {
        let alignment = alignment.max(self.page);
        let length = size.max(1).next_multiple_of(self.page);
        let start = match &mut self.region {
            Some((base, next)) if next.next_multiple_of(alignment) + length <= *base + REGION => {
                let start = next.next_multiple_of(alignment);
                *next = start + length;
                // SAFETY: `[start, start + length)` lies in our reservation and is not
                // handed out twice (the bump pointer only grows).
                let ok = unsafe {
                    libc::mprotect(
                        start as *mut libc::c_void,
                        length,
                        libc::PROT_READ | libc::PROT_WRITE,
                    )
                } == 0;
                if !ok {
                    return std::ptr::null_mut();
                }
                start
            }
            _ => {
                // Anywhere, aligned by over-allocating.
                let mapped = map(0, length + alignment, libc::PROT_READ | libc::PROT_WRITE);
                if mapped == 0 {
                    return std::ptr::null_mut();
                }
                mapped.next_multiple_of(alignment)
            }
        };
        self.unfinalized.push((start, length, protection));
        start as *mut u8
    }
}

impl McjitMemoryManager for NearMemoryManager {
    fn allocate_code_section(
        &mut self,
        size: libc::uintptr_t,
        alignment: libc::c_uint,
        _section_id: libc::c_uint,
        _section_name: &str,
    ) -> *mut u8 {
        self.allocate(size, alignment as usize, libc::PROT_READ | libc::PROT_EXEC)
    }

    fn allocate_data_section(
        &mut self,
        size: libc::uintptr_t,
        alignment: libc::c_uint,
        _section_id: libc::c_uint,
        _section_name: &str,
        is_read_only: bool,
    ) -> *mut u8 {
        let protection = if is_read_only {
            libc::PROT_READ
        } else {
            libc::PROT_READ | libc::PROT_WRITE
        };
        self.allocate(size, alignment as usize, protection)
    }

    fn finalize_memory(&mut self) -> Result<(), String> {
        for (start, length, protection) in self.unfinalized.drain(..) {
            // SAFETY: each range is a section this manager mapped; the engine has
            // finished writing and relocating it.
            if unsafe { libc::mprotect(start as *mut libc::c_void, length, protection) } != 0 {
                return Err(format!(
                    "cannot protect JIT memory: {}",
                    std::io::Error::last_os_error()
                ));
            }
        }
        Ok(())
    }

    fn destroy(&mut self) {
        // The engine, and with it every compiled function, lives as long as the process.
    }
}

/// Maps `length` bytes with `protection` at `hint` if the kernel agrees (0: anywhere);
/// 0 on failure.
fn map(hint: usize, length: usize, protection: libc::c_int) -> usize {
    // SAFETY: an anonymous private mapping; without MAP_FIXED it never replaces one.
    let p = unsafe {
        libc::mmap(
            hint as *mut libc::c_void,
            length,
            protection,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED { 0 } else { p as usize }
}

/// Reserves `REGION` bytes (no access yet), every one of them within `REACH` of `anchor`.
fn reserve_near(anchor: usize) -> Option<(usize, usize)> {
    const STEP: usize = 64 << 20;
    let anchor = anchor & !(STEP - 1);
    let within_reach = |start: usize| {
        start.abs_diff(anchor) <= REACH && (start + REGION).abs_diff(anchor) <= REACH
    };
    // Above the executable first, then below; the kernel takes a hint only when the
    // whole range is free (another manager, the heap), else maps elsewhere.
    let tries = REACH / STEP;
    let above = (1..tries).map(|i| anchor.checked_add(i * STEP));
    let below = (1..tries).map(|i| anchor.checked_sub(i * STEP + REGION));
    for hint in above.chain(below).flatten() {
        if !within_reach(hint) {
            continue;
        }
        let start = map(hint, REGION, libc::PROT_NONE);
        if start == 0 {
            continue;
        }
        if within_reach(start) {
            return Some((start, start));
        }
        // SAFETY: the mapping just made, unused.
        unsafe { libc::munmap(start as *mut libc::c_void, REGION) };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_lands_near_this_crate_and_runs_after_finalisation() {
        let mut manager = NearMemoryManager::new();
        let anchor = NearMemoryManager::new as *const () as usize;
        let code = manager.allocate_code_section(6, 16, 0, ".text");
        let data = manager.allocate_data_section(100, 64, 1, ".rodata", true);
        assert!(!code.is_null() && !data.is_null());
        assert_eq!(code as usize % 16, 0);
        assert_eq!(data as usize % 64, 0);
        assert!(
            (code as usize).abs_diff(anchor) < REACH,
            "code at {code:p}, this crate at {anchor:#x}"
        );
        // mov eax, 42; ret
        let bytes = [0xb8u8, 42, 0, 0, 0, 0xc3];
        // SAFETY: the section is writable until finalisation and holds 6 bytes.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), code, bytes.len()) };
        manager.finalize_memory().expect("protections apply");
        // SAFETY: the bytes are a complete function returning 42 under the C ABI, now
        // executable.
        let f: extern "C" fn() -> i32 = unsafe { std::mem::transmute(code) };
        assert_eq!(f(), 42);
    }

    #[test]
    fn several_managers_all_find_room_near_this_crate() {
        let anchor = NearMemoryManager::new as *const () as usize;
        let managers: Vec<NearMemoryManager> = (0..3).map(|_| NearMemoryManager::new()).collect();
        for m in &managers {
            let (start, _) = m.region.expect("a region near the executable");
            assert!(start.abs_diff(anchor) <= REACH && (start + REGION).abs_diff(anchor) <= REACH);
        }
    }
}
