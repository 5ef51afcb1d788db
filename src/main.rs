use std::process::ExitCode;

fn main() -> ExitCode {
    // Time zero for the transcript and the start-up measurement.
    let start = std::time::Instant::now();
    tingjian::cli::main(start)
}
