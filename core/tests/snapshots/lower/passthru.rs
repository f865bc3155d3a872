// `PassThru<T>` names a Rust type the function only passes along (an `o` item).
fn same(a: PassThru<String>, b: PassThru<std::string::String>) -> bool {
    a == b
}
