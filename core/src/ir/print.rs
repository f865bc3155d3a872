//! The text form of the IR: `FnIr` and `ClassIr` as stable, readable text, optionally
//! annotated with what inference found (`Typed`), for snapshot tests and for reading
//! what the lowering made of a body.
//!
//! The form, in the style of cranelift's: entities print with short prefixes (`e12`
//! expressions, `v3` locals, `r0` items a body calls or names, `c0` classes, `o0` the
//! Rust types of `PassThru`s, `k0` constants rustc evaluates), listed with their names
//! under the signature. The body
//! prints in evaluation order, one expression per line (`e7 = add e5, e6`), an
//! expression's operands on the lines before it. Expressions with code that runs
//! conditionally or repeatedly (blocks, `if`, loops, the right operand of `&&`/`||`)
//! print their parts as indented regions in braces; a region names its value last
//! (`=> e9`), and a block in a region (a branch, a loop body) prints as the region
//! itself, its id after the keyword that introduces it (`then e5 {`). With `Typed`, each
//! id carries its type (`e7: f64 = ..`), locals theirs, and a line ends with what its
//! expression resolved to (`; builtin ..`, `; calls V::norm#0`, `; field #1`).
//!
//! Every desugaring of the lowering shows: `while let` as a `loop` around an `if let`,
//! `assert_eq!` as a block with `let`s and an `if` around a `panic` with its pieces,
//! `f64::sqrt(x)` as a method call on a `let`-bound receiver, a `match` on an `Option`
//! as an `if let`, ranges with their step and order.

use super::{
    ArrayInit, Block, ClassIr, ExprId, ExprKind, FnIr, RangeOrder, Receiver, Stmt, UnOp, VecInit,
};
use crate::infer::Typed;
use std::fmt::Write;

mod leaves;
mod names;
mod resolution;

use leaves::{binop_name, lit_text, pattern_text, shown_name};
use names::Names;

/// The text form of a function, annotated with the types and resolutions of `typed`
/// (the result of inferring this very IR) if given.
pub fn print_fn(ir: &FnIr, typed: Option<&Typed>) -> String {
    let mut p = Printer {
        ir,
        typed,
        out: String::new(),
        indent: 0,
    };
    p.function();
    p.out
}

/// The text form of a class's fields.
pub fn print_class(class: &ClassIr) -> String {
    let names = Names {
        generics: &[],
        classes: &class.classes,
        class_args: &class.class_args,
        opaques: &class.opaques,
    };
    let mut out = format!("class {} {{\n", class.name);
    consts(&class.consts, &mut |line| {
        let _ = writeln!(out, "    {line}");
    });
    for field in &class.fields {
        let _ = writeln!(out, "    {}: {}", field.name, names.ty(&field.ty));
    }
    out.push_str("}\n");
    out
}

/// The constants rustc evaluates, one line each: `k0: usize = N * 2`.
fn consts(consts: &[super::ConstDecl], line: &mut dyn FnMut(&str)) {
    for (i, c) in consts.iter().enumerate() {
        match c.ty {
            Some(t) => line(&format!("k{i}: {t} = {}", c.shown)),
            None => line(&format!("k{i} = {}", c.shown)),
        }
    }
}

impl std::fmt::Display for FnIr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&print_fn(self, None))
    }
}

impl std::fmt::Display for ClassIr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&print_class(self))
    }
}

struct Printer<'a> {
    ir: &'a FnIr,
    typed: Option<&'a Typed>,
    out: String,
    indent: usize,
}

impl<'a> Printer<'a> {
    fn names(&self) -> Names<'a> {
        let ir = self.ir;
        Names {
            generics: &ir.generics,
            classes: &ir.classes,
            class_args: &ir.class_args,
            opaques: &ir.opaques,
        }
    }

    fn line(&mut self, text: &str) {
        self.begin_line();
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn begin_line(&mut self) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
    }

    /// An expression's id, with its type when typed.
    fn id(&self, e: ExprId) -> String {
        match self.typed.and_then(|t| t.expr_types.get(e.index())) {
            Some(t) => format!("e{}: {t}", e.0),
            None => format!("e{}", e.0),
        }
    }

    fn function(&mut self) {
        let ir = self.ir;
        let names = self.names();
        let generics = if ir.generics.is_empty() {
            String::new()
        } else {
            format!("<{}>", ir.generics.join(", "))
        };
        let params: Vec<String> = ir
            .params
            .iter()
            .map(|p| format!("v{}: {}", p.local.0, names.ty(&p.ty)))
            .collect();
        let ret = names.ty(&ir.ret);
        let mut header = format!("fn {}{generics}({}) -> {ret}", ir.name, params.join(", "));
        if let Some(typed) = self.typed
            && !ir.generics.is_empty()
        {
            let params: Vec<String> = typed.params.iter().map(ToString::to_string).collect();
            let _ = write!(
                header,
                " ; instance ({}) -> {}",
                params.join(", "),
                typed.ret
            );
        }
        self.line(&header);
        self.indent += 1;
        match ir.receiver {
            Some(Receiver::Ref) => self.line("receiver &self"),
            Some(Receiver::RefMut) => self.line("receiver &mut self"),
            Some(Receiver::Value) => self.line("receiver self"),
            None => {}
        }
        if let Some(foreign) = &ir.foreign {
            let safe = if foreign.safe { " safe" } else { "" };
            self.line(&format!("foreign {:?}{safe}", foreign.symbol));
        }
        for (i, local) in ir.locals.iter().enumerate() {
            let mutable = if local.mutable { "mut " } else { "" };
            let ty = match self.typed.and_then(|t| t.local_types.get(i)) {
                Some(t) => format!(": {t}"),
                None => String::new(),
            };
            let elem_ref = if local.elem_ref {
                " (element reference)"
            } else {
                ""
            };
            self.line(&format!(
                "v{i} {mutable}{}{ty}{elem_ref}",
                shown_name(&local.name)
            ));
        }
        for (i, item) in ir.refs.iter().enumerate() {
            let in_unsafe = if item.in_unsafe { " (in unsafe)" } else { "" };
            self.line(&format!("r{i} {}{in_unsafe}", item.path));
        }
        for i in 0..ir.classes.len() {
            let class = self.names().class(i);
            self.line(&format!("c{i} {class}"));
        }
        for (i, opaque) in ir.opaques.iter().enumerate() {
            self.line(&format!("o{i} {opaque}"));
        }
        consts(&ir.consts, &mut |line| self.line(line));
        if ir.objmodes > 0 {
            self.line(&format!("objmode blocks: {}", ir.objmodes));
        }
        if let Some(typed) = self.typed
            && !typed.opaque_equalities.is_empty()
        {
            let pairs: Vec<String> = typed
                .opaque_equalities
                .iter()
                .map(|(a, b)| format!("o{a} = o{b}"))
                .collect();
            self.line(&format!("same opaque types: {}", pairs.join(", ")));
        }
        self.indent -= 1;
        self.begin_line();
        self.out.push_str("body");
        self.branch(ir.body);
        self.out.push('\n');
    }

    /// The tree of `id`: its operands' lines, then its own.
    fn expr(&mut self, id: ExprId) {
        crate::stack::deep(|| self.expr_unguarded(id))
    }

    fn expr_unguarded(&mut self, id: ExprId) {
        let ir = self.ir;
        let names = self.names();
        let e = |id: &ExprId| format!("e{}", id.0);
        let list = |ids: &[ExprId]| ids.iter().map(e).collect::<Vec<_>>().join(", ");
        // The generic arguments written on a call, `::<T, U>`.
        let explicit = match ir.explicit_generics_of(id) {
            Some(types) => {
                let shown: Vec<String> = types.iter().map(|t| names.ty(t)).collect();
                format!("::<{}>", shown.join(", "))
            }
            None => String::new(),
        };
        let text = match &ir.expr(id).kind {
            // Regions: they print themselves.
            ExprKind::Block(block) => {
                self.begin_line();
                let _ = writeln!(self.out, "{} = block {{", self.id(id));
                self.block_contents(block);
                self.line("}");
                return;
            }
            ExprKind::If {
                cond,
                then_branch,
                else_branch,
            } => {
                self.expr(*cond);
                self.begin_line();
                let _ = write!(self.out, "{} = if e{} then", self.id(id), cond.0);
                self.branches(*then_branch, *else_branch);
                return;
            }
            ExprKind::IfLetSome {
                pattern,
                scrutinee,
                then_branch,
                else_branch,
            } => {
                self.expr(*scrutinee);
                self.begin_line();
                let _ = write!(
                    self.out,
                    "{} = if let Some({}) = e{} then",
                    self.id(id),
                    pattern_text(pattern),
                    scrutinee.0
                );
                self.branches(*then_branch, *else_branch);
                return;
            }
            ExprKind::While { cond, body } => {
                self.begin_line();
                let _ = write!(self.out, "{} = while", self.id(id));
                self.region(*cond);
                self.out.push_str(" do");
                self.branch(*body);
                self.out.push('\n');
                return;
            }
            ExprKind::Loop { body } => {
                self.begin_line();
                let _ = write!(self.out, "{} = loop", self.id(id));
                self.branch(*body);
                self.out.push('\n');
                return;
            }
            ExprKind::ForRange {
                var,
                start,
                end,
                inclusive,
                step,
                order,
                body,
            } => {
                self.expr(*start);
                self.expr(*end);
                if let Some(step) = step {
                    self.expr(*step);
                }
                let dots = if *inclusive { "..=" } else { ".." };
                let range = format!("e{}{dots}e{}", start.0, end.0);
                let step_by = |k: &ExprId| format!(".step_by(e{})", k.0);
                let iter = match (order, step) {
                    (RangeOrder::Up, None) => range,
                    (RangeOrder::Up, Some(k)) => format!("({range}){}", step_by(k)),
                    (RangeOrder::Down, None) => format!("({range}).rev()"),
                    (RangeOrder::Down, Some(k)) => format!("({range}).rev(){}", step_by(k)),
                    (RangeOrder::DownFromLastStep(_), Some(k)) => {
                        format!("({range}){}.rev()", step_by(k))
                    }
                    // Not made by the lowering: said as it is.
                    (RangeOrder::DownFromLastStep(_), None) => {
                        format!("({range}).step_by(?).rev()")
                    }
                };
                self.begin_line();
                let _ = write!(self.out, "{} = for v{} in {iter} do", self.id(id), var.0);
                self.branch(*body);
                self.out.push('\n');
                return;
            }
            ExprKind::ForEach {
                var,
                iterable,
                body,
            } => {
                self.expr(*iterable);
                self.begin_line();
                let _ = write!(
                    self.out,
                    "{} = for v{} in each e{} do",
                    self.id(id),
                    var.0,
                    iterable.0
                );
                self.branch(*body);
                self.out.push('\n');
                return;
            }
            ExprKind::Binary(op @ (super::BinOp::And | super::BinOp::Or), lhs, rhs) => {
                self.expr(*lhs);
                self.begin_line();
                let name = if *op == super::BinOp::And {
                    "and"
                } else {
                    "or"
                };
                let _ = write!(self.out, "{} = {name} e{},", self.id(id), lhs.0);
                self.region(*rhs);
                self.out.push('\n');
                return;
            }
            // One line each, after the lines of their operands.
            ExprKind::Lit(lit) => format!("lit {}", lit_text(lit)),
            ExprKind::Const(c) => format!("const k{}", c.0),
            ExprKind::Local(l) => format!("local v{}", l.0),
            ExprKind::Unary(op, a) => {
                let name = match op {
                    UnOp::Neg => "neg",
                    UnOp::Not => "not",
                };
                format!("{name} e{}", a.0)
            }
            ExprKind::Binary(op, a, b) => format!("{} e{}, e{}", binop_name(*op), a.0, b.0),
            ExprKind::Assign(place, value) => format!("assign e{}, e{}", place.0, value.0),
            ExprKind::CompoundAssign(op, place, value) => {
                format!("{}_assign e{}, e{}", binop_name(*op), place.0, value.0)
            }
            ExprKind::Cast(a, ty) => format!("cast e{} as {}", a.0, names.ty(ty)),
            ExprKind::Break { target, value } => match value {
                Some(v) => format!("break e{} with e{}", target.0, v.0),
                None => format!("break e{}", target.0),
            },
            ExprKind::Continue { target } => format!("continue e{}", target.0),
            ExprKind::Return(value) => match value {
                Some(v) => format!("return e{}", v.0),
                None => "return".to_string(),
            },
            ExprKind::Tuple(parts) => format!("tuple ({})", list(parts)),
            ExprKind::Array(ArrayInit::List(es)) => format!("array [{}]", list(es)),
            ExprKind::Array(ArrayInit::Repeat { value, len }) => {
                format!("array_repeat e{}, {len}", value.0)
            }
            ExprKind::TupleField(a, i) => format!("tuple_field e{}.{i}", a.0),
            ExprKind::Index(a, i) => format!("index e{}[e{}]", a.0, i.0),
            ExprKind::Call { callee, args } => {
                format!("call r{}{explicit}({})", callee.0, list(args))
            }
            ExprKind::CallIndirect { callee, args } => {
                format!("call_indirect e{}({})", callee.0, list(args))
            }
            ExprKind::FnRef(r) => format!("fn_ref r{}", r.0),
            ExprKind::MethodCall {
                receiver,
                method,
                args,
            } => format!("method e{}.{method}{explicit}({})", receiver.0, list(args)),
            ExprKind::Field(base, name) => format!("field e{}.{name}", base.0),
            ExprKind::StructLit { class, fields } => {
                let fields: Vec<String> = fields
                    .iter()
                    .map(|(name, value)| format!("{name}: e{}", value.0))
                    .collect();
                format!("struct c{} {{ {} }}", class.0, fields.join(", "))
            }
            ExprKind::AddrOf { place, mutable } => {
                format!(
                    "addr_of &{}e{}",
                    if *mutable { "mut " } else { "" },
                    place.0
                )
            }
            ExprKind::ObjMode {
                index,
                args,
                inputs,
                output,
            } => {
                let inputs: Vec<String> = args
                    .iter()
                    .zip(inputs)
                    .map(|(a, t)| format!("e{}: {}", a.0, names.ty(t)))
                    .collect();
                format!(
                    "objmode #{index}({}) -> {}",
                    inputs.join(", "),
                    names.ty(output)
                )
            }
            ExprKind::Intrinsic { which, ty, args } => {
                format!("{}::<{}>({})", which.name(), names.ty(ty), list(args))
            }
            ExprKind::AssocCall { class, name, args } => {
                format!("assoc c{}::{name}{explicit}({})", class.0, list(args))
            }
            ExprKind::TraitCall {
                class,
                param,
                traits,
                name,
                args,
            } => {
                let traits: Vec<String> = traits.iter().map(|t| format!("t{}", t.0)).collect();
                let class = match (class, param) {
                    (Some(c), _) => format!("c{} as ", c.0),
                    (None, Some(g)) => format!("g{g} as "),
                    (None, None) => String::new(),
                };
                format!(
                    "trait <{class}{}>::{name}({})",
                    traits.join("+"),
                    list(args)
                )
            }
            ExprKind::SubSlice {
                base,
                start,
                end,
                inclusive,
                mutable,
            } => {
                let bound = |b: &Option<ExprId>| b.map(|e| format!("e{}", e.0)).unwrap_or_default();
                format!(
                    "slice &{}e{}[{}{}{}]",
                    if *mutable { "mut " } else { "" },
                    base.0,
                    bound(start),
                    if *inclusive { "..=" } else { ".." },
                    bound(end)
                )
            }
            ExprKind::VecNew { elem, init } => {
                let elem = names.ty(elem);
                match init {
                    VecInit::Empty => format!("vec_new<{elem}>"),
                    VecInit::WithCapacity(n) => format!("vec_with_capacity<{elem}> e{}", n.0),
                    VecInit::Repeat { value, count } => {
                        format!("vec_repeat<{elem}> e{}, e{}", value.0, count.0)
                    }
                    VecInit::List(es) => format!("vec_list<{elem}> [{}]", list(es)),
                }
            }
            ExprKind::Panic(message) => {
                let mut parts = Vec::new();
                for (i, piece) in message.pieces.iter().enumerate() {
                    parts.push(format!("{piece:?}"));
                    if let Some(arg) = message.args.get(i) {
                        let debug = if message.debug.get(i) == Some(&true) {
                            ":?"
                        } else {
                            ""
                        };
                        parts.push(format!("e{}{debug}", arg.0));
                    }
                }
                format!("panic({})", parts.join(", "))
            }
            ExprKind::Some(a) => format!("some e{}", a.0),
            ExprKind::BoxNew(a) => format!("box e{}", a.0),
            ExprKind::DefaultOf(ty) => format!("default::<{}>()", names.ty(ty)),
            ExprKind::None => "none".to_string(),
        };
        let mut operands = Vec::new();
        ir.expr(id).kind.for_each_child(|c| operands.push(c));
        for operand in operands {
            self.expr(operand);
        }
        let resolution = self.resolution(id);
        self.line(&format!("{} = {text}{resolution}", self.id(id)));
    }

    /// The statements of a block, then `=> tail`.
    fn block_contents(&mut self, block: &Block) {
        self.indent += 1;
        for stmt in &block.stmts {
            match stmt {
                Stmt::Let {
                    pattern, ty, init, ..
                } => {
                    if let Some(init) = init {
                        self.expr(*init);
                    }
                    let ty = match ty {
                        Some(t) => format!(": {}", self.names().ty(t)),
                        None => String::new(),
                    };
                    let init = match init {
                        Some(i) => format!(" = e{}", i.0),
                        None => String::new(),
                    };
                    self.line(&format!("let {}{ty}{init}", pattern_text(pattern)));
                }
                Stmt::Expr(e) => self.expr(*e),
            }
        }
        if let Some(tail) = block.tail {
            self.expr(tail);
            self.line(&format!("=> e{}", tail.0));
        }
        self.indent -= 1;
    }

    /// ` {` .. `}` on the current line: the tree of `id`, then `=> id`.
    fn region(&mut self, id: ExprId) {
        self.out.push_str(" {\n");
        self.indent += 1;
        self.expr(id);
        self.line(&format!("=> e{}", id.0));
        self.indent -= 1;
        self.begin_line();
        self.out.push('}');
    }

    /// A region on the current line whose block (a branch, a loop body) prints as the
    /// region itself: ` e5 {` .. `}`.
    fn branch(&mut self, id: ExprId) {
        match &self.ir.expr(id).kind {
            ExprKind::Block(block) => {
                let _ = writeln!(self.out, " {} {{", self.id(id));
                self.block_contents(block);
                self.begin_line();
                self.out.push('}');
            }
            _ => self.region(id),
        }
    }

    fn branches(&mut self, then_branch: ExprId, else_branch: Option<ExprId>) {
        self.branch(then_branch);
        if let Some(e) = else_branch {
            self.out.push_str(" else");
            self.branch(e);
        }
        self.out.push('\n');
    }
}
