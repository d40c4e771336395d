//! The start-up floor of the benchmarks: a hello-world Rust binary built with the same profile
//! as stackfit. A cargo example (`cargo build --release --example hello`), never shipped.

fn main() {
    println!("hello, world");
}
