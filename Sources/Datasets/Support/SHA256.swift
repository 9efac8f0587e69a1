import CSHA256
import Foundation

/// SHA-256 (FIPS 180-4), used to verify the MNIST files against their published sums and, by
/// the chapter cache, every file a chapter wrote.
///
/// The padding and the partial block are kept here; whole 64-byte blocks go to the C target
/// `CSHA256` straight from the caller's buffer, which runs them on the x86 SHA extensions
/// when the machine has them (`LESSONS_SHA256=portable` forces plain C). Checked in the tests
/// against the NIST example vectors (including the one-million-`a` message), Python's
/// `hashlib` and the four MNIST sums. It exists so that the package needs no cryptography
/// dependency for one checksum; it is not meant for secrets (it makes no attempt at constant time).
public struct SHA256: Sendable {
    /// Which version of the block compression a hasher runs.
    enum Compression: Sendable, CaseIterable, CustomStringConvertible {
        /// The one `CSHA256` chose for this process: SHA-NI when the machine has it, unless
        /// `LESSONS_SHA256=portable`.
        case chosen
        /// Plain C.
        case portable
        /// The x86 SHA extensions (plain C on a machine without them).
        case shaNI

        /// Whether this machine has the SHA extensions, so that `.shaNI` runs them.
        static var machineHasSHANI: Bool { csha256_machine_has_sha_ni() != 0 }

        /// Whether `.chosen` runs the SHA extensions.
        static var chosenRunsSHANI: Bool { csha256_chosen_version() == CSHA256_SHA_NI }

        var description: String {
            switch self {
            case .chosen: "chosen"
            case .portable: "portable"
            case .shaNI: "SHA-NI"
            }
        }
    }

    private var state = csha256_initial_state()
    /// The bytes after the last whole block, fewer than 64.
    private var pending: [UInt8] = []
    private var length: UInt64 = 0
    private let compression: Compression

    /// Creates a hasher with nothing hashed yet.
    public init() {
        self.init(compression: .chosen)
    }

    /// Creates a hasher that runs `compression`; the tests check each version with it.
    init(compression: Compression) {
        self.compression = compression
        pending.reserveCapacity(64)
    }

    /// The lowercase hexadecimal SHA-256 of `bytes`.
    public static func hexDigest(of bytes: UnsafeRawBufferPointer) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// The lowercase hexadecimal SHA-256 of `bytes`.
    public static func hexDigest(of bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hexDigest(of: $0) }
    }

    /// The lowercase hexadecimal SHA-256 of `data`, read in place.
    public static func hexDigest(of data: Data) -> String {
        data.withUnsafeBytes { hexDigest(of: $0) }
    }

    /// Adds `bytes` to the message; whole blocks are hashed where they are, without a copy.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        length &+= UInt64(bytes.count)
        var start = 0
        if !pending.isEmpty {
            start = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[0..<start]))
            guard pending.count == 64 else { return }
            pending.withUnsafeBytes { Self.compress(&state, $0.baseAddress!, blocks: 1, with: compression) }
            pending.removeAll(keepingCapacity: true)
        }
        let wholeBlocks = (bytes.count - start) / 64
        if wholeBlocks > 0 {
            Self.compress(&state, base + start, blocks: wholeBlocks, with: compression)
        }
        pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[(start + wholeBlocks * 64)...]))
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Adds `data` to the message, read in place.
    public mutating func update(_ data: Data) {
        data.withUnsafeBytes { update($0) }
    }

    /// The digest of everything added, as 32 bytes.
    public consuming func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBytes { Self.compress(&state, $0.baseAddress!, blocks: tail.count / 64, with: compression) }
        let words = withUnsafeBytes(of: state.words) { Array($0.bindMemory(to: UInt32.self)) }
        return words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) } }
    }

    /// The digest of everything added, as 64 lowercase hexadecimal digits.
    public consuming func finalizeHex() -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: finalize().flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] }, as: UTF8.self)
    }

    /// Compresses `count` 64-byte blocks at `blocks` into `state` with `compression`.
    private static func compress(
        _ state: inout csha256_state, _ blocks: UnsafeRawPointer, blocks count: Int, with compression: Compression
    ) {
        switch compression {
        case .chosen: csha256_compress(&state, blocks, count)
        case .portable: csha256_compress_with(CSHA256_PORTABLE, &state, blocks, count)
        case .shaNI: csha256_compress_with(CSHA256_SHA_NI, &state, blocks, count)
        }
    }
}
