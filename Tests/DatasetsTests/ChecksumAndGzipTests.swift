import Testing
@testable import Datasets

@Suite struct ChecksumAndGzipTests {
    /// The example vectors of NIST's FIPS 180-4 (SHA-256 examples and the long-message test).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func nistVectors(message: String, digest: String) {
        #expect(SHA256.hexDigest(of: Array(message.utf8)) == digest)
    }

    @Test func oneMillionAs() {
        #expect(SHA256.hexDigest(of: Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func piecewiseUpdatesGiveTheSameDigest() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        var hasher = SHA256()
        for size in [1, 63, 64, 65, 200, 607] {
            let start = [1, 63, 64, 65, 200, 607].prefix { $0 != size }.reduce(0, +)
            hasher.update(Array(bytes[start..<(start + size)]))
        }
        #expect(hasher.finalizeHex() == SHA256.hexDigest(of: bytes))
    }

    @Test func gzipRoundTrip() throws {
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let compressed = Gzip.compress(bytes)
        #expect(Gzip.isCompressed(compressed))
        #expect(compressed.count < bytes.count / 10)
        #expect(try Gzip.decompress(compressed) == bytes)
    }

    @Test func outputPiecesArriveInOrderAndAddUpToTheContent() throws {
        let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        var pieces = [[UInt8]]()
        let content = try Gzip.decompress(Gzip.compress(bytes, level: 1)) { pieces.append(Array($0)) }
        #expect(content == bytes)
        #expect(pieces.count >= 3 && pieces.allSatisfy { $0.count <= 1 << 20 })
        #expect(pieces.flatMap { $0 } == bytes)
    }

    @Test func backgroundDigestEqualsTheDirectOne() throws {
        let location = TestSupport.sharedMNIST.appendingPathComponent("t10k-images-idx3-ubyte.gz")
        let (content, digest) = try MNISTDirectory.decompressedContentAndDigest(of: location)
        #expect(digest == MNISTFile.testImages.sha256)
        #expect(SHA256.hexDigest(of: content) == digest)
    }

    @Test func concatenatedMembersDecompressToTheConcatenation() throws {
        let first = Array("first ".utf8), second = Array("second".utf8)
        #expect(try Gzip.decompress(Gzip.compress(first) + Gzip.compress(second)) == first + second)
    }

    @Test func garbageAfterTheStreamIsRejected() {
        #expect(throws: Gzip.Failure.corrupt("2 bytes of data follow the end of the stream")) {
            try Gzip.decompress(Gzip.compress([1, 2, 3]) + [0, 0])
        }
    }
}
