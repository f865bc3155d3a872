// Generic parameters are `TypeExpr::Generic` by index; a cast to `T` stays written.
fn first<T>(xs: &[T], fallback: T) -> T {
    if xs.is_empty() {
        fallback
    } else {
        xs[0]
    }
}

fn convert<T, U>(x: T) -> U {
    x as U
}
