//! Block kinds: what every managed block of one kind shares (size, members, allocator,
//! destructor), kept once per kind so that a block's header is two words.

use super::{DropInfo, HEADER, MAX_ALIGN};
use crate::allocator::ExternalAllocator;
use std::alloc::Layout;
use std::fmt;

/// What the blocks of one kind share: a class's instances, the `Vec`s of one element
/// type, the maps of one entry type, the `PassThru`s of one Rust type. A block's
/// [`MemInfo`](super::MemInfo) points at its kind, which is `'static`, so that the header
/// itself is only the count and this pointer.
pub struct BlockKind {
    /// Size of the whole block (header and payload); a valid size for a layout aligned
    /// to [`MAX_ALIGN`] (checked by the constructors).
    pub(super) block_size: usize,
    /// Size of the payload, zeroed at each allocation.
    pub(super) payload_size: usize,
    /// The alignment the block's start needs: its header's, or the payload's if larger
    /// (what an external allocator's block is checked against).
    pub(super) align: usize,
    /// What the payload holds references to; `None`: nothing.
    pub(super) drop_info: Option<&'static DropInfo>,
    /// `None`: the Rust global allocator.
    pub(super) allocator: Option<&'static ExternalAllocator>,
    /// Drops the payload as a Rust value (a `PassThru`'s `T`, a map's index) before the
    /// block is freed.
    pub(super) dtor: Option<unsafe fn(*mut u8)>,
    /// Releasing a block of this kind is only freeing it: no `dtor`, no members, no
    /// elements (the common instance, of a class of numbers).
    pub(super) leaf: bool,
}

impl BlockKind {
    /// The kind of blocks with a payload of `payload` layout; `None` if the alignment
    /// exceeds [`MAX_ALIGN`] or the block would be too large.
    ///
    /// # Safety
    /// Each offset of `drop_info` is a multiple of 8 with 8 bytes of `payload` from it:
    /// releasing a block reads a `*mut MemInfo` there (null while zeroed) and drops it.
    /// If `drop_info` has `elements`, the payload is a [`VecHeader`](super::VecHeader)
    /// over a buffer of those elements. `dtor` is sound to call once on a payload the
    /// block's maker initialised.
    pub unsafe fn new(
        payload: Layout,
        drop_info: Option<&'static DropInfo>,
        allocator: Option<&'static ExternalAllocator>,
        dtor: Option<unsafe fn(*mut u8)>,
    ) -> Option<BlockKind> {
        if payload.align() > MAX_ALIGN {
            return None;
        }
        let block_size = HEADER.checked_add(payload.size())?;
        Layout::from_size_align(block_size, MAX_ALIGN).ok()?;
        let leaf = dtor.is_none()
            && drop_info.is_none_or(|d| d.managed_offsets.is_empty() && d.elements.is_none());
        Some(BlockKind {
            block_size,
            payload_size: payload.size(),
            align: block_align(payload),
            drop_info,
            allocator,
            dtor,
            leaf,
        })
    }

    /// The kind of the blocks [`MemInfo::allocate_value`](super::MemInfo::allocate_value)
    /// makes for a `T` (its `dtor` drops the `T`), as a constant; `None` if `T` needs more
    /// than [`MAX_ALIGN`] or is too large.
    pub(super) const fn of_value<T>() -> Option<BlockKind> {
        unsafe fn drop_value<T>(data: *mut u8) {
            // SAFETY: `release` passes the payload `allocate_value` wrote a `T` into.
            unsafe { data.cast::<T>().drop_in_place() }
        }
        let payload = Layout::new::<T>();
        if payload.align() > MAX_ALIGN {
            return None;
        }
        let Some(block_size) = HEADER.checked_add(payload.size()) else {
            return None;
        };
        if Layout::from_size_align(block_size, MAX_ALIGN).is_err() {
            return None;
        }
        Some(BlockKind {
            block_size,
            payload_size: payload.size(),
            align: block_align(payload),
            drop_info: None,
            allocator: None,
            dtor: Some(drop_value::<T>),
            leaf: false,
        })
    }

    /// The size of a block's payload (what [`MemInfo::allocate`](super::MemInfo::allocate)
    /// zeroes).
    pub(crate) fn payload_size(&self) -> usize {
        self.payload_size
    }

    /// The layout of a block of this kind from the global allocator.
    pub(super) fn global_layout(&self) -> Layout {
        // SAFETY: the constructors checked that this layout is valid.
        unsafe { Layout::from_size_align_unchecked(self.block_size, MAX_ALIGN) }
    }
}

/// The drop info by address: a drop info keeps its kind (`DropInfo::kind`), so printing
/// it here would print this kind again, without end.
impl fmt::Debug for BlockKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BlockKind")
            .field("block_size", &self.block_size)
            .field("payload_size", &self.payload_size)
            .field("align", &self.align)
            .field("drop_info", &self.drop_info.map(|d| d as *const DropInfo))
            .field(
                "allocator",
                &self.allocator.map(|a| a as *const ExternalAllocator),
            )
            .field("dtor", &self.dtor.is_some())
            .field("leaf", &self.leaf)
            .finish()
    }
}

/// The alignment a block's start needs for its header and a payload of `payload` layout
/// `HEADER` bytes in (a multiple of [`MAX_ALIGN`], so of the payload's alignment).
const fn block_align(payload: Layout) -> usize {
    let header = align_of::<super::MemInfo>();
    if payload.align() > header {
        payload.align()
    } else {
        header
    }
}

impl DropInfo {
    /// The kind of every block this drop info describes, made by `make` at the first
    /// call and kept: every block allocated with one drop info is of one kind (a class's
    /// drop info is its instances', a `Vec` element type's its `Vec`s'). `None` (and
    /// nothing kept) if `make` returns `None`.
    pub(crate) fn kind(
        &'static self,
        make: impl FnOnce() -> Option<BlockKind>,
    ) -> Option<&'static BlockKind> {
        if let Some(kind) = self.kind.get() {
            return Some(kind);
        }
        let made = make()?;
        Some(self.kind.get_or_init(|| made))
    }
}
