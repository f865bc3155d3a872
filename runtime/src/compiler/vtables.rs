//! The vtables of trait objects in jit code: for a class and a `#[jit] trait` it
//! implements, a module-internal constant array of the class's compiled functions in
//! the trait's vtable slot order (`TraitIr::vtable`), each found by THE lookup "function
//! `name` of trait `T` for class `C`" (`trait_methods::trait_method`: the impl's own or
//! the trait's default method compiled for the class).
//!
//! Every class instance has the LLVM type `{i8*, i8*}` (`types::instance_type`), so the
//! function of any class for one trait method has one LLVM signature, and the slots hold
//! the instances' functions themselves, no wrappers. A trait object never leaves the
//! module that made it (none crosses between Rust and jit code), so a vtable is the
//! module's own constant, made once per (class, trait).
//!
//! A trait object is `{meminfo, vtable}` (`types::trait_object_type`), and a call passes
//! its slot the receiver `{meminfo, meminfo + HEADER}`. An unmanaged instance (null
//! meminfo) has no block of its own, so its trait object holds a lending block whose
//! payload is the instance's address (`unmanaged_dyn.rs`), and a second vtable,
//! [`Receiver::Lent`]: each of its slots is a small function that turns the receiver it
//! gets, the lending block, back into the unmanaged instance `{null, data}` and calls
//! the class's function, so the callee sees the instance it would have seen in Rust.

use super::ModuleCx;
use super::types::instance_type;
use crate::error::Error;
use inkwell::AddressSpace;
use inkwell::module::Linkage;
use inkwell::values::{BasicMetadataValueEnum, FunctionValue, PointerValue};
use jitclass_core::{ClassKey, TraitKey};

/// What the slots of a vtable receive: which of a class's two vtables for a trait.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Receiver {
    /// A managed instance: the slots are the class's functions.
    Managed,
    /// A block lending an unmanaged instance's payload: the slots unwrap it first.
    Lent,
}

impl ModuleCx {
    /// The address (an `i8*`) of `class`'s vtable for `key` whose slots receive
    /// `receiver`, made on first use; its functions are declared (and their bodies
    /// queued) like a called function's.
    pub fn vtable(
        &mut self,
        class: &ClassKey,
        key: &TraitKey,
        receiver: Receiver,
    ) -> Result<PointerValue<'static>, Error> {
        let cache_key = (class.clone(), key.clone(), receiver);
        if let Some(v) = self.vtables.get(&cache_key) {
            return Ok(*v);
        }
        let i8p = self.ctx.i8_type().ptr_type(AddressSpace::default());
        let mut slots = Vec::new();
        for f in self.vtable_functions(class, key)? {
            let f = match receiver {
                Receiver::Managed => f,
                Receiver::Lent => self
                    .unwrapping_lent(f)
                    .map_err(|what| Error::internal(&class.name, what))?,
            };
            slots.push(f.as_global_value().as_pointer_value().const_cast(i8p));
        }
        let array = i8p.const_array(&slots);
        let name = format!(
            // `.` as in `mapped_symbol_name`: never a jit function's symbol.
            "{}_vtable.{}.{}.{}",
            self.prefix,
            class.name,
            key.name,
            self.vtables.len()
        );
        let global = self.module.add_global(array.get_type(), None, &name);
        global.set_initializer(&array);
        global.set_constant(true);
        global.set_linkage(Linkage::Internal);
        global.set_unnamed_addr(true);
        let address = global.as_pointer_value().const_cast(i8p);
        self.vtables.insert(cache_key, address);
        Ok(address)
    }

    /// The class's function for each vtable slot of the trait, in slot order.
    fn vtable_functions(
        &mut self,
        class: &ClassKey,
        key: &TraitKey,
    ) -> Result<Vec<FunctionValue<'static>>, Error> {
        let internal = |what: String| Error::internal(&class.name, what);
        let info = crate::class::lookup(class).map_err(internal)?;
        let trait_info = crate::trait_info::by_key(key)
            .ok_or_else(|| internal(format!("the trait `{}` has no descriptor", key.name)))?;
        let sig = trait_info.signature().map_err(internal)?;
        let mut functions = Vec::new();
        for method in sig.ir.vtable() {
            let entry = crate::trait_methods::trait_method(info, trait_info.id, &method.name)
                .ok_or_else(|| {
                    internal(format!(
                        "`{}` has no function `{}` of the trait `{}` for its vtable",
                        class.name, method.name, key.name
                    ))
                })?;
            // A trait's functions have no generics of their own: the class's are all.
            let target = self.instance(entry.dispatcher, info.type_args())?;
            functions.push(self.instances[target].func);
        }
        Ok(functions)
    }

    /// A function of `f`'s type that calls `f` with its receiver, a lending block
    /// `{meminfo, payload}` whose payload holds the address of an unmanaged instance's
    /// data, replaced by that instance, `{null, data}`: a slot of a
    /// [`Receiver::Lent`] vtable.
    fn unwrapping_lent(&self, f: FunctionValue<'static>) -> Result<FunctionValue<'static>, String> {
        let ctx = self.ctx;
        let name = format!("{}_lent", f.get_name().to_string_lossy());
        if let Some(done) = self.module.get_function(&name) {
            return Ok(done);
        }
        // The receiver is the first instance among the parameters: only an indirect
        // result's out pointer (not an instance) comes before it.
        let instance = instance_type(ctx);
        let at = f
            .get_params()
            .iter()
            .position(|p| p.get_type() == instance.into())
            .ok_or_else(|| format!("the vtable method `{name}` has no receiver"))?;
        let wrapper = self
            .module
            .add_function(&name, f.get_type(), Some(Linkage::Internal));
        let b = ctx.create_builder();
        b.position_at_end(ctx.append_basic_block(wrapper, "entry"));
        let build = || -> Result<(), inkwell::builder::BuilderError> {
            let mut args: Vec<BasicMetadataValueEnum<'static>> =
                wrapper.get_params().into_iter().map(Into::into).collect();
            let lender = wrapper.get_params()[at].into_struct_value();
            let payload = b
                .build_extract_value(lender, 1, "lender")?
                .into_pointer_value();
            let i8p = ctx.i8_type().ptr_type(AddressSpace::default());
            let slot = b
                .build_bit_cast(payload, i8p.ptr_type(AddressSpace::default()), "lent")?
                .into_pointer_value();
            let data = b.build_load(slot, "data")?;
            let receiver = b.build_insert_value(instance.const_zero(), data, 1, "self")?;
            args[at] = receiver.into_struct_value().into();
            let call = b.build_call(f, &args, "call")?;
            call.set_tail_call(true);
            match call.try_as_basic_value().basic() {
                Some(result) => b.build_return(Some(&result))?,
                None => b.build_return(None)?,
            };
            Ok(())
        };
        build().map_err(|e| e.to_string())?;
        Ok(wrapper)
    }
}
