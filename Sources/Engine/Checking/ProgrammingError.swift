// The engine is compiled with -O in every configuration, where `precondition` traps without
// printing its message. A shape mismatch must say which shapes did not fit, so the engine's
// checks go through these, which always print.

/// Stops the program with `message` when `condition` is false.
@inline(__always)
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { programmingError(message()) }
}

/// Stops the program with `message`, printed even in optimized builds.
@inline(never)
func programmingError(_ message: String) -> Never {
    fatalError(message)
}
