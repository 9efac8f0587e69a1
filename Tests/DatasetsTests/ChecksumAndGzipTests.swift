import Testing
@testable import Datasets

@Suite struct ChecksumAndGzipTests {
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
