// The engine (and the modules built on it) are compiled with -O in every configuration, where
// `precondition` traps without printing its message. A shape mismatch must say which shapes
// did not fit, so checks go through these, which always print.

/// Stops the program with `message` when `condition` is false, in debug and release builds alike.
///
/// Use it for programming errors (a caller broke a documented rule); user input is validated
/// with errors that can be reported, before it reaches the engine.
@inline(__always)
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { programmingError(message()) }
}

/// Stops the program with `message`, printed even in optimized builds.
@inline(never)
public func programmingError(_ message: String) -> Never {
    fatalError(message)
}
