fn main() -> std::process::ExitCode {
    traject::cli::main()
}
