//! Trait objects: `{meminfo, vtable}`, two words as in Rust; a call passes its slot the
//! receiver `{meminfo, meminfo + 16}`; only an instance that may be unmanaged is tested
//! for a null meminfo, and then lent through a block of its own (`unmanaged_dyn.rs`).

use super::*;

#[jit]
pub trait Area {
    fn area(&self) -> f64;
}

#[jitclass]
pub struct Sq {
    s: f64,
}

#[jitclass]
impl Area for Sq {
    fn area(&self) -> f64 {
        self.s * self.s
    }
}

/// A struct literal's block, just allocated (its null check is the allocation's), goes
/// into the trait object with the managed vtable, untested; the call's receiver is the
/// meminfo and the payload 16 bytes on.
#[jit]
fn boxed_literal(x: f64) -> f64 {
    let b: Box<dyn Area> = Box::new(Sq { s: x });
    b.area()
}

#[test]
fn a_trait_object_of_a_literal_is_its_meminfo_and_vtable() {
    check(
        boxed_literal::dispatcher(),
        expect![[r#"
        ; Function Attrs: nounwind
        define internal { i1, double } @jc_boxed_literal_0(double %0) {
        entry:
          %x = alloca double, align 8
          store double 0.000000e+00, double* %x, align 8
          %b = alloca { i8*, i8* }, align 8
          store { i8*, i8* } zeroinitializer, { i8*, i8* }* %b, align 8
          %panic.args = alloca [2 x { i8, i64 }], align 8
          %ret = alloca double, align 8
          br label %body

        body:                                             ; preds = %entry
          store double %0, double* %x, align 8
          %load = load double, double* %x, align 8
          %meminfo = call i8* @jitclass_rt_alloc_block(i8* @jc_kind.0)
          %oom = icmp eq i8* %meminfo, null
          br i1 %oom, label %check.fail, label %check.ok, !prof !0

        return:                                           ; preds = %call.ok
          %drop = load { i8*, i8* }, { i8*, i8* }* %b, align 8
          %meminfo9 = extractvalue { i8*, i8* } %drop, 0
          %unmanaged10 = icmp eq i8* %meminfo9, null
          br i1 %unmanaged10, label %counted.done12, label %counted11

        check.fail:                                       ; preds = %body
          %args = bitcast [2 x { i8, i64 }]* %panic.args to i8*
          call void @jitclass_rt_panic(i8* @jc_panic_site.1, i8* %args, i64 0)
          br label %panicked

        check.ok:                                         ; preds = %body
          %data = getelementptr i8, i8* %meminfo, i64 16
          call void @llvm.memset.p0i8.i64(i8* align 8 %data, i8 0, i64 8, i1 false)
          %inst = insertvalue { i8*, i8* } undef, i8* %meminfo, 0
          %inst1 = insertvalue { i8*, i8* } %inst, i8* %data, 1
          %data2 = extractvalue { i8*, i8* } %inst1, 1
          %payload = bitcast i8* %data2 to { double }*
          %field = getelementptr inbounds { double }, { double }* %payload, i32 0, i32 0
          store double %load, double* %field, align 8
          %meminfo3 = extractvalue { i8*, i8* } %inst1, 0
          %dyn = insertvalue { i8*, i8* } undef, i8* %meminfo3, 0
          %dyn4 = insertvalue { i8*, i8* } %dyn, i8* bitcast ([1 x i8*]* @jc_vtable.Sq.Area.0 to i8*), 1
          %old = load { i8*, i8* }, { i8*, i8* }* %b, align 8
          store { i8*, i8* } %dyn4, { i8*, i8* }* %b, align 8
          %meminfo5 = extractvalue { i8*, i8* } %old, 0
          %unmanaged = icmp eq i8* %meminfo5, null
          br i1 %unmanaged, label %counted.done, label %counted

        panicked:                                         ; preds = %counted.done, %check.fail
          %drop14 = load { i8*, i8* }, { i8*, i8* }* %b, align 8
          %meminfo15 = extractvalue { i8*, i8* } %drop14, 0
          %unmanaged16 = icmp eq i8* %meminfo15, null
          br i1 %unmanaged16, label %counted.done18, label %counted17

        counted:                                          ; preds = %check.ok
          call void @jitclass_rt_decref(i8* %meminfo5)
          br label %counted.done

        counted.done:                                     ; preds = %counted, %check.ok
          %borrow = load { i8*, i8* }, { i8*, i8* }* %b, align 8
          %vtable = extractvalue { i8*, i8* } %borrow, 1
          %slots = bitcast i8* %vtable to { i1, double } ({ i8*, i8* })**
          %slot = getelementptr inbounds { i1, double } ({ i8*, i8* })*, { i1, double } ({ i8*, i8* })** %slots, i64 0
          %method = load { i1, double } ({ i8*, i8* })*, { i1, double } ({ i8*, i8* })** %slot, align 8, !invariant.load !1
          %meminfo6 = extractvalue { i8*, i8* } %borrow, 0
          %data7 = getelementptr inbounds i8, i8* %meminfo6, i64 16
          %self = insertvalue { i8*, i8* } undef, i8* %meminfo6, 0
          %self8 = insertvalue { i8*, i8* } %self, i8* %data7, 1
          %call = call { i1, double } %method({ i8*, i8* } %self8)
          %status = extractvalue { i1, double } %call, 0
          br i1 %status, label %panicked, label %call.ok, !prof !0

        call.ok:                                          ; preds = %counted.done
          %value = extractvalue { i1, double } %call, 1
          store double %value, double* %ret, align 8
          br label %return

        counted11:                                        ; preds = %return
          call void @jitclass_rt_decref(i8* %meminfo9)
          br label %counted.done12

        counted.done12:                                   ; preds = %counted11, %return
          %ret13 = load double, double* %ret, align 8
          %r = insertvalue { i1, double } { i1 false, double undef }, double %ret13, 1
          ret { i1, double } %r

        counted17:                                        ; preds = %panicked
          call void @jitclass_rt_decref(i8* %meminfo15)
          br label %counted.done18

        counted.done18:                                   ; preds = %counted17, %panicked
          ret { i1, double } { i1 true, double 0.000000e+00 }
        }
    "#]],
    );
}

/// A parameter may be an unmanaged instance: a null meminfo takes the lending block and
/// the lending vtable (the allocation checked), a managed one its own meminfo.
#[jit]
fn boxed_param(q: Sq) -> f64 {
    let b: Box<dyn Area> = Box::new(q);
    b.area()
}

#[test]
fn a_trait_object_of_a_parameter_lends_an_unmanaged_instance() {
    check(
        boxed_param::dispatcher(),
        expect![[r#"
        ; Function Attrs: nounwind
        define internal { i1, double } @jc_boxed_param_0({ i8*, i8* } %0) {
        entry:
          %q = alloca { i8*, i8* }, align 8
          store { i8*, i8* } zeroinitializer, { i8*, i8* }* %q, align 8
          %b = alloca { i8*, i8* }, align 8
          store { i8*, i8* } zeroinitializer, { i8*, i8* }* %b, align 8
          %panic.args = alloca [2 x { i8, i64 }], align 8
          %ret = alloca double, align 8
          br label %body

        body:                                             ; preds = %entry
          store { i8*, i8* } %0, { i8*, i8* }* %q, align 8
          %load = load { i8*, i8* }, { i8*, i8* }* %q, align 8
          %meminfo = extractvalue { i8*, i8* } %load, 0
          %unmanaged = icmp eq i8* %meminfo, null
          br i1 %unmanaged, label %counted.done, label %counted

        return:                                           ; preds = %call.ok
          %drop = load { i8*, i8* }, { i8*, i8* }* %b, align 8
          %meminfo11 = extractvalue { i8*, i8* } %drop, 0
          %unmanaged12 = icmp eq i8* %meminfo11, null
          br i1 %unmanaged12, label %counted.done14, label %counted13

        counted:                                          ; preds = %body
          %count = bitcast i8* %meminfo to i64*
          %1 = atomicrmw add i64* %count, i64 1 monotonic, align 8
          br label %counted.done

        counted.done:                                     ; preds = %counted, %body
          %meminfo1 = extractvalue { i8*, i8* } %load, 0
          %unmanaged2 = icmp eq i8* %meminfo1, null
          br i1 %unmanaged2, label %dyn.unmanaged, label %dyn.managed, !prof !0

        dyn.managed:                                      ; preds = %counted.done
          br label %dyn.done

        dyn.unmanaged:                                    ; preds = %counted.done
          %data = extractvalue { i8*, i8* } %load, 1
          %lender = call i8* @jitclass_rt_lend_unmanaged(i8* %data)
          %oom = icmp eq i8* %lender, null
          br i1 %oom, label %check.fail, label %check.ok, !prof !0

        dyn.done:                                         ; preds = %dyn.managed, %check.ok
          %dyn.meminfo = phi i8* [ %meminfo1, %dyn.managed ], [ %lender, %check.ok ]
          %dyn.vtable = phi i8* [ bitcast ([1 x i8*]* @jc_vtable.Sq.Area.0 to i8*), %dyn.managed ], [ bitcast ([1 x i8*]* @jc_vtable.Sq.Area.1 to i8*), %check.ok ]
          %dyn = insertvalue { i8*, i8* } undef, i8* %dyn.meminfo, 0
          %dyn3 = insertvalue { i8*, i8* } %dyn, i8* %dyn.vtable, 1
          %old = load { i8*, i8* }, { i8*, i8* }* %b, align 8
          store { i8*, i8* } %dyn3, { i8*, i8* }* %b, align 8
          %meminfo4 = extractvalue { i8*, i8* } %old, 0
          %unmanaged5 = icmp eq i8* %meminfo4, null
          br i1 %unmanaged5, label %counted.done7, label %counted6

        check.fail:                                       ; preds = %dyn.unmanaged
          %args = bitcast [2 x { i8, i64 }]* %panic.args to i8*
          call void @jitclass_rt_panic(i8* @jc_panic_site.0, i8* %args, i64 0)
          br label %panicked

        check.ok:                                         ; preds = %dyn.unmanaged
          br label %dyn.done

        panicked:                                         ; preds = %counted.done7, %check.fail
          %drop16 = load { i8*, i8* }, { i8*, i8* }* %b, align 8
          %meminfo17 = extractvalue { i8*, i8* } %drop16, 0
          %unmanaged18 = icmp eq i8* %meminfo17, null
          br i1 %unmanaged18, label %counted.done20, label %counted19

        counted6:                                         ; preds = %dyn.done
          call void @jitclass_rt_decref(i8* %meminfo4)
          br label %counted.done7

        counted.done7:                                    ; preds = %counted6, %dyn.done
          %borrow = load { i8*, i8* }, { i8*, i8* }* %b, align 8
          %vtable = extractvalue { i8*, i8* } %borrow, 1
          %slots = bitcast i8* %vtable to { i1, double } ({ i8*, i8* })**
          %slot = getelementptr inbounds { i1, double } ({ i8*, i8* })*, { i1, double } ({ i8*, i8* })** %slots, i64 0
          %method = load { i1, double } ({ i8*, i8* })*, { i1, double } ({ i8*, i8* })** %slot, align 8, !invariant.load !1
          %meminfo8 = extractvalue { i8*, i8* } %borrow, 0
          %data9 = getelementptr inbounds i8, i8* %meminfo8, i64 16
          %self = insertvalue { i8*, i8* } undef, i8* %meminfo8, 0
          %self10 = insertvalue { i8*, i8* } %self, i8* %data9, 1
          %call = call { i1, double } %method({ i8*, i8* } %self10)
          %status = extractvalue { i1, double } %call, 0
          br i1 %status, label %panicked, label %call.ok, !prof !0

        call.ok:                                          ; preds = %counted.done7
          %value = extractvalue { i1, double } %call, 1
          store double %value, double* %ret, align 8
          br label %return

        counted13:                                        ; preds = %return
          call void @jitclass_rt_decref(i8* %meminfo11)
          br label %counted.done14

        counted.done14:                                   ; preds = %counted13, %return
          %ret15 = load double, double* %ret, align 8
          %r = insertvalue { i1, double } { i1 false, double undef }, double %ret15, 1
          ret { i1, double } %r

        counted19:                                        ; preds = %panicked
          call void @jitclass_rt_decref(i8* %meminfo17)
          br label %counted.done20

        counted.done20:                                   ; preds = %counted19, %panicked
          ret { i1, double } { i1 true, double 0.000000e+00 }
        }
    "#]],
    );
}
