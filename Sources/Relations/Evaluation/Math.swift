#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The C library's `exp`, `log` and `pow`, under names that do not clash with `Function.exp` and `.log`.

func elementaryExp(_ x: Double) -> Double { exp(x) }
func elementaryLog(_ x: Double) -> Double { log(x) }
func elementarySquareRoot(_ x: Double) -> Double { x.squareRoot() }
func elementaryPower(_ x: Double, _ y: Double) -> Double { pow(x, y) }
func elementaryTanh(_ x: Double) -> Double { tanh(x) }
