//! The `dpxla` command-line tool. All argument parsing lives in `cli/`.

mod cli;

fn main() {
    std::process::exit(cli::main());
}
