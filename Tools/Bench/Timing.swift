import Foundation

/// The wall time of `body`, in seconds.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The best of `repeats` timings of `body`.
func bestTime(of repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<repeats { best = min(best, try seconds(body)) }
    return best
}

/// `12.3` — one decimal.
func oneDecimal(_ value: Double) -> String {
    String(format: "%.1f", value)
}

/// A ratio line: `engine 0.412 s, numpy 1.450 s → 0.28× (goal ≤ 0.5×)`.
func ratioLine(engine: Double, peer: Double?, peerName: String, goal: Double) -> String {
    let own = String(format: "engine %.3f s", engine)
    guard let peer else { return own + ", \(peerName) not run" }
    let ratio = engine / peer
    let verdict = ratio <= goal ? "met" : "NOT met"
    return own + String(format: ", %@ %.3f s → %.3f× (goal ≤ %.2f×: %@)", peerName, peer, ratio, goal, verdict)
}

/// The processor as `/proc/cpuinfo` names it, with its family and model (the same name covers
/// several generations), and whether it has AVX-512: `AMD EPYC (family 26, model 2), AVX-512`.
func processorDescription() -> String {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
    var fields = [String: String]()
    // The first processor's block, which ends at the first empty line.
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.isEmpty { break }
        let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2 { fields[parts[0]] = parts[1] }
    }
    let flags = Set((fields["flags"] ?? "").split(separator: " "))
    return "\(fields["model name"] ?? "unknown") (family \(fields["cpu family"] ?? "?"), model \(fields["model"] ?? "?")), "
        + (flags.contains("avx512f") ? "AVX-512" : flags.contains("avx2") ? "AVX2, no AVX-512" : "no AVX2")
}
