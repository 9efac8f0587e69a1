// SHA256 against NIST's example vectors and Python's hashlib, in each version of the block
// compression this machine can run, and fed whole or in pieces of every size.
import Engine
import Foundation
import Testing
@testable import Datasets

@Suite struct SHA256Tests {
    /// Every version this machine runs: plain C, the one chosen for the process and, when the
    /// machine has the SHA extensions, those (asked for on a machine without them, `.shaNI`
    /// would run plain C and prove nothing).
    static let compressions: [SHA256.Compression] =
        SHA256.Compression.machineHasSHANI ? [.portable, .shaNI, .chosen] : [.portable, .chosen]

    static func hexDigest(of bytes: [UInt8], with compression: SHA256.Compression) -> String {
        var hasher = SHA256(compression: compression)
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// The example vectors of NIST's FIPS 180-4 (SHA-256 examples): empty, one block, the
    /// 448-bit message (the length field needs a block of its own) and the 896-bit one.
    @Test(arguments: compressions, [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func nistVectors(compression: SHA256.Compression, vector: (message: String, digest: String)) {
        #expect(Self.hexDigest(of: Array(vector.message.utf8), with: compression) == vector.digest)
    }

    /// NIST's long message: one million `a`, 15,625 blocks in one call.
    @Test(arguments: compressions)
    func oneMillionAs(compression: SHA256.Compression) {
        #expect(Self.hexDigest(of: Array(repeating: UInt8(ascii: "a"), count: 1_000_000), with: compression)
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Each length from 0 to 200 bytes against hashlib: every case of the padding.
    @Test(arguments: compressions)
    func everyLengthUpTo200BytesAgreesWithHashlib(compression: SHA256.Compression) {
        #expect(SHA256HashlibDigests.digests.count == 201)
        for length in 0...200 {
            let digest = Self.hexDigest(of: Array(SHA256HashlibDigests.message.prefix(length)), with: compression)
            #expect(digest == SHA256HashlibDigests.digests[length], "\(length) bytes")
        }
    }

    /// 10,000 bytes fed in pieces of random sizes (empty ones too, and pieces that end inside,
    /// at and past a block's end), through each overload, give hashlib's digest of the whole.
    @Test(arguments: compressions)
    func piecesOfAnySizeGiveTheDigestOfTheWhole(compression: SHA256.Compression) {
        let bytes = (0..<10_000).map { (i: Int) in UInt8((i * i + 11 * i) % 256) }
        let hashlib = "544357b74cf0644b8d94352e5a860e00f4cd8a5aa944ee8b9878a14eb55c792b"
        #expect(Self.hexDigest(of: bytes, with: compression) == hashlib)
        for seed in UInt64(1)...20 {
            var random = SeededGenerator(seed: seed)
            let largest = [1, 3, 64, 130, 700, 3000][Int(seed) % 6]
            var hasher = SHA256(compression: compression)
            var start = 0, pieces = 0
            while start < bytes.count {
                let end = min(bytes.count, start + Int.random(in: 0...largest, using: &random))
                switch pieces % 3 {
                case 0: hasher.update(Array(bytes[start..<end]))
                case 1: hasher.update(Data(bytes[start..<end]))
                default: bytes[start..<end].withUnsafeBytes { hasher.update($0) }
                }
                start = end
                pieces += 1
            }
            #expect(hasher.finalizeHex() == hashlib, "seed \(seed), \(pieces) pieces of at most \(largest) bytes")
        }
    }

    /// The one-call forms read `Data` and raw bytes in place, with the same digest.
    @Test func dataAndRawBytesGiveTheDigestOfTheArray() {
        let bytes = Array(SHA256HashlibDigests.message.prefix(130))
        #expect(SHA256.hexDigest(of: Data(bytes)) == SHA256HashlibDigests.digests[130])
        #expect(bytes.withUnsafeBytes { SHA256.hexDigest(of: $0) } == SHA256HashlibDigests.digests[130])
        #expect(SHA256.hexDigest(of: Data()) == SHA256HashlibDigests.digests[0])
        // A slice of a larger `Data` starts at an index other than zero.
        let slice = Data([0xFF] + bytes)[1...]
        #expect(SHA256.hexDigest(of: slice) == SHA256HashlibDigests.digests[130])
    }

    /// `finalize` gives the digest's 32 bytes, most significant first.
    @Test func finalizeGivesTheBytesOfTheHexDigest() {
        var hasher = SHA256()
        hasher.update(Array("abc".utf8))
        #expect(hasher.finalize().prefix(4) == [0xBA, 0x78, 0x16, 0xBF])
    }

    /// On a machine with the SHA extensions, the process runs them unless told not to.
    @Test func theChosenVersionIsSHANIWhereTheMachineHasIt() {
        let forcedPortable = ProcessInfo.processInfo.environment["LESSONS_SHA256"] == "portable"
        #expect(SHA256.Compression.chosenRunsSHANI == (SHA256.Compression.machineHasSHANI && !forcedPortable))
    }
}
