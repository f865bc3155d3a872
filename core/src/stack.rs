//! Deep recursion on a stack that grows on the heap, so that a deeply nested program
//! cannot overflow the native stack of the thread that lowers, checks or compiles it.
//!
//! Every recursive walk over expressions (lowering, the definite-initialisation check,
//! inference, codegen) enters each level through [`deep`]: when less than [`RED_ZONE`]
//! bytes are left, the level runs on a new segment. Recursions over types need no such
//! entry point: types are at most `limits::MAX_TYPE_DEPTH` levels deep, well within the
//! red zone.

/// Stack every step of a recursive walk may use before it reaches the next [`deep`]:
/// one level of an expression walk, with the recursions over types it makes.
pub const RED_ZONE: usize = 256 * 1024;

/// The size of each new segment.
const SEGMENT: usize = 4 * 1024 * 1024;

/// Runs `f`, on a new stack segment if less than [`RED_ZONE`] bytes are left.
#[inline]
pub fn deep<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, f)
}

/// Runs `f` on a new stack of at least `size` bytes, for code that recurses without
/// entry points of its own (syn's parser, printer and destructors). The memory is
/// reserved, and taken only as the stack reaches it.
pub fn with_stack_of<R>(size: usize, f: impl FnOnce() -> R) -> R {
    stacker::grow(size, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(n: u64) -> u64 {
        // A frame that would overflow a small thread stack a few thousand levels down.
        let pad = std::hint::black_box([n; 64]);
        if n == 0 {
            0
        } else {
            deep(|| depth(n - 1)) + 1 + (pad[63] - n)
        }
    }

    #[test]
    fn deep_recursion_grows_the_stack() {
        // 100_000 levels of ~600 bytes on a 256 KiB thread.
        let t = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| depth(100_000))
            .unwrap();
        assert_eq!(t.join().unwrap(), 100_000);
    }
}
