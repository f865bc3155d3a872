//! The comment ending a typed line: what inference resolved its expression to.

use super::Printer;
use crate::infer::{ClassCall, ClassOp, Resolution};
use crate::ir::ExprId;

impl Printer<'_> {
    /// What inference resolved the expression to, as a comment at the end of its line.
    pub(super) fn resolution(&self, id: ExprId) -> String {
        let Some(typed) = self.typed else {
            return String::new();
        };
        let mut notes = Vec::new();
        if let Some(adjustment) = typed.adjustment(id) {
            notes.push(format!("as {}", adjustment.target()));
        }
        match typed.resolution(id) {
            None | Some(Resolution::Call { .. }) => {}
            Some(Resolution::Builtin(builtin)) => notes.push(format!("builtin {builtin:?}")),
            Some(Resolution::ClassCall { call, .. }) => {
                notes.push(format!("calls {}", class_call(call)))
            }
            Some(Resolution::ClassOp(op)) => notes.push(match op {
                ClassOp::Call(c) => format!("calls {}", class_call(c)),
                ClassOp::Negated(c) => format!("calls {} negated", class_call(c)),
                ClassOp::ByPartialCmp { lt, eq, accepts } => {
                    let names = [
                        (accepts.less, "Less"),
                        (accepts.equal, "Equal"),
                        (accepts.greater, "Greater"),
                    ];
                    let accepted: Vec<&str> =
                        names.iter().filter(|(a, _)| *a).map(|(_, n)| *n).collect();
                    format!(
                        "calls {} and {} as partial_cmp, true if {}",
                        class_call(lt),
                        class_call(eq),
                        accepted.join(" or ")
                    )
                }
                ClassOp::Structural(impls) => {
                    let calls: Vec<String> = impls
                        .iter()
                        .map(|e| match &e.ne {
                            Some(ne) => format!("{} or {}", class_call(&e.eq), class_call(ne)),
                            None => class_call(&e.eq),
                        })
                        .collect();
                    format!("compares elements, calls {}", calls.join(", "))
                }
            }),
            Some(Resolution::Field(index)) => notes.push(format!("field #{index}")),
            Some(Resolution::DynCall(call)) => notes.push(format!(
                "calls dyn {}::{} slot {}",
                call.key.name, call.method, call.slot
            )),
            Some(Resolution::Literal(indices)) => {
                let indices: Vec<String> = indices.iter().map(|i| format!("#{i}")).collect();
                notes.push(format!("fields {}", indices.join(", ")));
            }
        }
        if let Some(args) = typed.resolution(id).map(Resolution::type_args)
            && !args.is_empty()
        {
            let args: Vec<String> = args.iter().map(ToString::to_string).collect();
            notes.push(format!("type args <{}>", args.join(", ")));
        }
        if notes.is_empty() {
            String::new()
        } else {
            format!(" ; {}", notes.join("; "))
        }
    }
}

fn class_call(call: &ClassCall) -> String {
    format!("{}::{}#{}", call.class.name, call.method, call.candidate)
}
