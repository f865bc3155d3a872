//! References into a map (`entry(k).or_insert(v)`, `get_mut(&k)`, a `for` loop over the
//! map) checked at each use: a reference is the entry's position with the map's
//! generation when it was made (`map_methods::entry_ref_type`, `runtime/src/map.rs`), and
//! each use compares that generation with the map's before touching the entry, so a
//! reference whose entry a removal or `clear` moved panics instead of naming another key.
//!
//! Why a check at the use rather than a lend at the mutation (as a `Vec` lent to a call,
//! `lends.rs`): a lend must end where the reference is last used, which rustc's
//! non-lexical lifetimes decide and jit code cannot see; a check at each use refuses
//! exactly the stale uses. rustc already refuses every such use in a non-generic body
//! through one handle; what remains is another handle of the same instance (instances are
//! shared), a reference across a change in a generic body, and a loop whose map another
//! handle changes. A reference used at once (`*m.entry(k).or_insert(0) += 1`, `*m
//! .get_mut(&k).unwrap()`) has nothing between its making and its use and is not checked.

use super::vecs::Header;
use super::{FnCx, Val};
use crate::compiler::CgResult;
use inkwell::AddressSpace;
use inkwell::IntPredicate;
use inkwell::values::{IntValue, PointerValue};
use jitclass_core::ir::{ExprId, ExprKind, LOOP_INDEX, LocId, LocalId};
use jitclass_core::map_methods::{entry_ref_type, hidden};

/// The panic of a use of a reference into a map whose entries moved since it was made.
pub(crate) const STALE_MAP_REFERENCE: &str = "already borrowed: a reference into a `HashMap` (`entry`, `get_mut` or a loop over it) was used after the map changed through another handle";

/// The panic of a loop over a set whose entries moved since it started: a set has no
/// `entry` or `get_mut`, and the user wrote a `HashSet`, not the map it is lowered to.
pub(crate) const STALE_SET_LOOP: &str = "already borrowed: a loop over a `HashSet` read it after the set changed through another handle";

impl FnCx<'_> {
    /// The map's generation field.
    fn generation_ptr(&mut self, h: &Header) -> CgResult<PointerValue<'static>> {
        let i8p = self.ctx.i8_type().ptr_type(AddressSpace::default());
        let data = self.b().build_bit_cast(h.len, i8p, "map.data")?;
        let offset = self
            .ctx
            .i64_type()
            .const_int(crate::map::GENERATION_OFFSET as u64, false);
        // SAFETY: the offset is within the map's header, which `data` points at.
        let at = unsafe {
            self.b()
                .build_in_bounds_gep(data.into_pointer_value(), &[offset], "map.gen")?
        };
        let i64p = self.ctx.i64_type().ptr_type(AddressSpace::default());
        Ok(self
            .b()
            .build_bit_cast(at, i64p, "map.gen")?
            .into_pointer_value())
    }

    /// The map's current generation.
    pub(super) fn map_generation(&mut self, h: &Header) -> CgResult<IntValue<'static>> {
        let at = self.generation_ptr(h)?;
        self.load_int(at, "generation")
    }

    /// A reference to entry `pos` of the map `h`, made now.
    pub(super) fn entry_ref(&mut self, h: &Header, pos: IntValue<'static>) -> CgResult<Val> {
        let generation = self.map_generation(h)?;
        self.make_value(&entry_ref_type(), &[pos.into(), generation.into()])
    }

    /// Panics if the map's generation is no longer `made_in`.
    fn check_generation(
        &mut self,
        h: &Header,
        made_in: IntValue<'static>,
        loc: LocId,
        message: &str,
    ) -> CgResult<()> {
        let now = self.map_generation(h)?;
        let stale = self
            .b()
            .build_int_compare(IntPredicate::NE, now, made_in, "stale")?;
        self.check(stale, loc, message)
    }

    /// The entry position the reference `r` (the value of `index`) names in the map `h`,
    /// after checking it is not stale unless it was made at once by `index` itself.
    pub(super) fn entry_ref_position(
        &mut self,
        h: &Header,
        index: ExprId,
        r: Val,
        loc: LocId,
    ) -> CgResult<IntValue<'static>> {
        let r = r.into_struct_value();
        let pos = self
            .b()
            .build_extract_value(r, 0, "entry.pos")?
            .into_int_value();
        if !self.made_at_once(index) {
            let made_in = self
                .b()
                .build_extract_value(r, 1, "entry.gen")?
                .into_int_value();
            self.check_generation(h, made_in, loc, STALE_MAP_REFERENCE)?;
        }
        Ok(pos)
    }

    /// Whether the reference `index` is an operation on the map evaluated right before
    /// the entry is used, with no call in its operands that could change the map (or
    /// replace it, through another handle) in between.
    fn made_at_once(&self, index: ExprId) -> bool {
        let (receiver, args) = match &self.ir.expr(index).kind {
            ExprKind::MethodCall {
                receiver,
                method,
                args,
            } if method == hidden::ENTRY_SLOT => (*receiver, args.clone()),
            ExprKind::MethodCall {
                receiver, method, ..
            } if method == "unwrap" || method == "expect" => match &self.ir.expr(*receiver).kind {
                ExprKind::MethodCall {
                    receiver,
                    method,
                    args,
                } if method == hidden::FIND_SLOT => (*receiver, args.clone()),
                _ => return false,
            },
            _ => return false,
        };
        std::iter::once(receiver)
            .chain(args)
            .all(|e| self.calls_nothing(e))
    }

    /// Whether evaluating `e` calls no function or method (which might reach the map).
    fn calls_nothing(&self, e: ExprId) -> bool {
        let kind = &self.ir.expr(e).kind;
        let operator_call = matches!(
            self.typed.resolutions[e.index()],
            Some(jitclass_core::infer::Resolution::ClassOp(_))
        );
        if !operator_call
            && matches!(
                kind,
                ExprKind::Lit(_)
                    | ExprKind::Const(_)
                    | ExprKind::Local(_)
                    | ExprKind::Field(..)
                    | ExprKind::TupleField(..)
                    | ExprKind::AddrOf { .. }
                    | ExprKind::Unary(..)
                    | ExprKind::Binary(..)
                    | ExprKind::Cast(..)
                    | ExprKind::Tuple(_)
                    // An element read (`keys[i]`); a class's `Index` is an operator call.
                    | ExprKind::Index(..)
            )
        {
            let mut all = true;
            kind.for_each_child(|c| all &= self.calls_nothing(c));
            all
        } else {
            false
        }
    }

    /// Before a `for` loop's bounds are evaluated: a loop over a map's entries (`for (k,
    /// v) in &m`, `m.values_mut()`, ..., lowered to `for i in 0..m.len()`) records the
    /// map's generation when the map's `len` is read, so each entry access checks it.
    pub(super) fn expect_map_loop(&mut self, var: LocalId, end: ExprId) {
        if self.ir.local(var).name != LOOP_INDEX {
            return;
        }
        if let ExprKind::MethodCall {
            receiver, method, ..
        } = &self.ir.expr(end).kind
            && method == "len"
            && matches!(self.ty(*receiver), crate::Type::Map { .. })
        {
            self.pending_map_loop = Some(var);
        }
    }

    /// At a map's `len`: records its generation for the loop expecting it, if any.
    pub(super) fn note_map_loop(&mut self, h: &Header) -> CgResult<()> {
        let Some(var) = self.pending_map_loop.take() else {
            return Ok(());
        };
        let slot = self.slot(self.ctx.i64_type().into(), "map_loop.gen")?;
        let generation = self.map_generation(h)?;
        self.b().build_store(slot, generation)?;
        self.map_loop_generations.insert(var, slot);
        Ok(())
    }

    /// At an entry access `m[i]` of the loop whose index is `var`: panics if the map (a
    /// set if `set`) changed since the loop started.
    pub(super) fn check_map_loop(
        &mut self,
        h: &Header,
        var: LocalId,
        set: bool,
        loc: LocId,
    ) -> CgResult<()> {
        let Some(slot) = self.map_loop_generations.get(&var).copied() else {
            return Ok(());
        };
        let made_in = self.load_int(slot, "map_loop.gen")?;
        let message = if set {
            STALE_SET_LOOP
        } else {
            STALE_MAP_REFERENCE
        };
        self.check_generation(h, made_in, loc, message)
    }
}
