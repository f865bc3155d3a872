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

use super::ModuleCx;
use crate::error::Error;
use inkwell::AddressSpace;
use inkwell::module::Linkage;
use inkwell::values::PointerValue;
use jitclass_core::{ClassKey, TraitKey};

impl ModuleCx {
    /// The address (an `i8*`) of `class`'s vtable for `key`, made on first use; its
    /// functions are declared (and their bodies queued) like a called function's.
    pub fn vtable(
        &mut self,
        class: &ClassKey,
        key: &TraitKey,
    ) -> Result<PointerValue<'static>, Error> {
        if let Some(v) = self.vtables.get(&(class.clone(), key.clone())) {
            return Ok(*v);
        }
        let internal = |what: String| Error::internal(&class.name, what);
        let info = crate::class::lookup(class).map_err(internal)?;
        let trait_info = crate::trait_info::by_key(key)
            .ok_or_else(|| internal(format!("the trait `{}` has no descriptor", key.name)))?;
        let sig = trait_info.signature().map_err(internal)?;
        let i8p = self.ctx.i8_type().ptr_type(AddressSpace::default());
        let mut slots = Vec::new();
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
            let f = self.instances[target].func;
            slots.push(f.as_global_value().as_pointer_value().const_cast(i8p));
        }
        let array = i8p.const_array(&slots);
        let name = format!(
            "{}_vtable_{}_{}_{}",
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
        self.vtables.insert((class.clone(), key.clone()), address);
        Ok(address)
    }
}
