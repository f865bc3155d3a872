use quote::ToTokens;
fn body(kind: &str, n: usize) -> String {
    match kind {
        "sum" => format!("x {}", " + 1.5".repeat(n)),
        "unary" => format!("{}x", "-".repeat(n)),
        "parens" => format!("{}x{}", "(".repeat(n), " + 1.0)".repeat(n)),
        "elseif" => format!("{}{{ 0.0 }}", "if x > 1.0 { 1.0 } else ".repeat(n)),
        "blocks" => format!("{}x{}", "{ let y = x; ".repeat(n), " }".repeat(n)),
        "method" => format!("x{}", ".abs()".repeat(n)),
        _ => unreachable!(),
    }
}
fn works(kind: &str, n: usize, stack: usize) -> bool {
    let src = format!("fn f(x: f64) -> f64 {{ {} }}", body(kind, n));
    let tokens: proc_macro2::TokenStream = src.parse().unwrap();
    let t = std::thread::Builder::new().stack_size(stack).spawn(move || {
        let f: syn::ItemFn = syn::parse2(tokens).unwrap();
        let g = f.clone();
        let s = g.to_token_stream().to_string().len();
        drop(g);
        let span = syn::spanned::Spanned::span(&f.block);
        let _ = span;
        drop(f);
        s
    }).unwrap();
    t.join().is_ok()
}
fn main() {
    let n = 2000;
    for kind in ["sum", "unary", "parens", "elseif", "blocks", "method"] {
        let (mut lo, mut hi) = (16 * 1024usize, 512 * 1024 * 1024usize);
        while hi - lo > 4096 { let mid = (lo + hi) / 2; if works(kind, n, mid) { hi = mid } else { lo = mid } }
        println!("{kind}: {} bytes/level", hi / n);
    }
}
