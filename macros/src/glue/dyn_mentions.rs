//! The trait objects a failed body writes (`let s: Box<dyn Shape>`), repeated in its
//! fallback so that rustc checks the trait can be one (E0038 "the trait `Shape` is not dyn
//! compatible", at the user's `dyn Shape`), as it does for a signature's.

use syn::visit::Visit;

/// Every `dyn ..` type written in `block`, outside nested items (which are not the
/// body's), in the order written.
pub(crate) fn trait_objects_in(block: &syn::Block) -> Vec<syn::TypeTraitObject> {
    struct Objects(Vec<syn::TypeTraitObject>);
    impl Visit<'_> for Objects {
        fn visit_type_trait_object(&mut self, object: &syn::TypeTraitObject) {
            self.0.push(object.clone());
            syn::visit::visit_type_trait_object(self, object);
        }
        fn visit_item(&mut self, _: &syn::Item) {}
    }
    let mut objects = Objects(Vec::new());
    objects.visit_block(block);
    objects.0
}
