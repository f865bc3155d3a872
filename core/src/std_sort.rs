//! The sorts jit code hands to std's own algorithms: those whose result is fully
//! determined by the elements, so std's algorithm gives exactly rustc's result.
//!
//! `lower/sort.rs` recognises them (`sort()` and `sort_by(|a, b| a.cmp(b))` on integers
//! and `bool`, `sort_by(|a, b| a.total_cmp(b))` on floats, each also reversed, unstable
//! and as a selection) and lowers the call to a method users cannot name (its name starts
//! with a space); codegen calls the runtime's helper for the element type, which runs
//! std's method on the buffer (`runtime/src/std_sort.rs`).

/// Which of std's algorithms a recognised sort runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StdAlgorithm {
    /// `sort` (driftsort, stable).
    Stable,
    /// `sort_unstable` (ipnsort).
    Unstable,
    /// `select_nth_unstable(k)` (introselect); `k < len` is checked by jit code first.
    Select,
}

/// A sort run by std: the algorithm, and whether the order is reversed (`b.cmp(a)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StdSort {
    /// The algorithm.
    pub algorithm: StdAlgorithm,
    /// Descending (`|a, b| b.cmp(a)`, `|a, b| b.total_cmp(a)`).
    pub descending: bool,
}

impl StdSort {
    /// Every sort std runs for jit code.
    pub const ALL: [StdSort; 6] = {
        use StdAlgorithm::*;
        [
            StdSort {
                algorithm: Stable,
                descending: false,
            },
            StdSort {
                algorithm: Stable,
                descending: true,
            },
            StdSort {
                algorithm: Unstable,
                descending: false,
            },
            StdSort {
                algorithm: Unstable,
                descending: true,
            },
            StdSort {
                algorithm: Select,
                descending: false,
            },
            StdSort {
                algorithm: Select,
                descending: true,
            },
        ]
    };

    /// The method's name in the IR, which users cannot write.
    pub const fn method_name(self) -> &'static str {
        use StdAlgorithm::*;
        match (self.algorithm, self.descending) {
            (Stable, false) => " std sort",
            (Stable, true) => " std sort descending",
            (Unstable, false) => " std sort_unstable",
            (Unstable, true) => " std sort_unstable descending",
            (Select, false) => " std select_nth_unstable",
            (Select, true) => " std select_nth_unstable descending",
        }
    }

    /// The sort a method name of [`StdSort::method_name`] stands for.
    pub fn from_method_name(name: &str) -> Option<StdSort> {
        StdSort::ALL.into_iter().find(|s| s.method_name() == name)
    }

    /// The operands after the receiver: `k` for a selection.
    pub fn arity(self) -> usize {
        usize::from(self.algorithm == StdAlgorithm::Select)
    }
}
