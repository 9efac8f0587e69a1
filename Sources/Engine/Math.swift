#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The C library's elementary functions, under names that do not clash with the engine's own
// (`Activation.tanh`, `Loss.log`…). The engine imports nothing else from the platform.

@inline(__always) func _exp(_ x: Double) -> Double { exp(x) }
@inline(__always) func _log(_ x: Double) -> Double { log(x) }
@inline(__always) func _log1p(_ x: Double) -> Double { log1p(x) }
@inline(__always) func _tanh(_ x: Double) -> Double { tanh(x) }
@inline(__always) func _cos(_ x: Double) -> Double { cos(x) }
@inline(__always) func _expm1(_ x: Double) -> Double { expm1(x) }
