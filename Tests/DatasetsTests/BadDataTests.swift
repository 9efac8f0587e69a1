import Engine
import Foundation
import Testing
@testable import Datasets

/// Damaged data that the MNIST and CSV suites beside this one do not already cover, each
/// with its exact message.
@Suite struct BadCSVTests {
    private func message(_ text: String, label: String = "label") -> String? {
        csvMessage(text, label: label)
    }

    @Test func aMissingValueIsAnEmptyField() {
        #expect(message("x1,x2,label\n1,2,0\n3,,1\n") == "points.csv: row 3, column 2 (x2): the field is empty; expected a number")
        #expect(message("x1,x2,label\n1,2,\n") == "points.csv: row 2, column 3 (label): \"\" is not a class index (0, 1, 2, …)")
    }

    @Test func raggedRowsInBothDirections() {
        #expect(message("x1,x2,label\n1,2,0\n3,4,1,9\n") == "points.csv: row 3: 4 fields, but the header names 3 columns")
        #expect(message("x1,x2,label\n1,2,0\n3,4\n") == "points.csv: row 3: 2 fields, but the header names 3 columns")
        #expect(message("x1,x2,label\n1\n") == "points.csv: row 2: 1 field, but the header names 3 columns")
    }

    @Test func numbersThatAreNotFiniteAreRefused() {
        #expect(message("x1,label\nnan,0\n") == "points.csv: row 2, column 1 (x1): \"nan\" is not a finite number")
        #expect(message("x1,label\n-inf,0\n") == "points.csv: row 2, column 1 (x1): \"-inf\" is not a finite number")
        #expect(message("x1,label\n1e999,0\n") == "points.csv: row 2, column 1 (x1): \"1e999\" is not a finite number")
        #expect(message("x1,label\n1.5.2,0\n") == "points.csv: row 2, column 1 (x1): \"1.5.2\" is not a number")
        #expect(message("x1,label\n0x1p3,0\n") == nil)  // Swift reads hexadecimal floats; harmless
    }

    @Test func aHugeClassIndexIsRefusedBeforeItsOneHotTargetsAreBuilt() {
        // Class 999,999,999 would make a one-hot target row of a billion doubles (8 GB a sample).
        #expect(message("x1,label\n1,0\n2,999999999\n") == """
            points.csv: row 3, column 2 (label): class 999999999 is too large; a data set may have at most 1000 classes (0 to 999)
            """)
        #expect(message("x1,label\n1,1e12\n") == "points.csv: row 2, column 2 (label): \"1e12\" is not a class index (0, 1, 2, …)")
        let widest = try? Dataset.csv(text: "x1,label\n1,0\n2,999\n", file: "p.csv", labelColumn: "label", name: "p")
        #expect(widest?.classCount == 1000)
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstColumnsName() throws {
        let data = try Dataset.csv(text: "\u{FEFF}label,x1\r\n1,0.5\r\n0,0.25\r\n", file: "excel.csv", labelColumn: "label", name: "excel")
        #expect(data.featureNames == ["x1"])
        #expect(data.labels == [1, 0])
    }

    @Test func emptyDataSets() {
        #expect(message("\n\n  \n") == "points.csv: the file is empty; expected a header row naming the columns")
        #expect(message("x1,label\n\n\n") == "points.csv: no data rows after the header")
    }
}

@Suite struct BadMNISTFileTests {
    private func message(_ body: () throws -> Void) -> String? {
        mnistMessage(body)
    }

    private func read(_ bytes: [UInt8], name: String) throws -> String? {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return message { _ = try MNISTDirectory.decompressedContent(of: url) }
    }

    @Test func anEmptyFile() throws {
        #expect(try read([], name: "train-labels-idx1-ubyte.gz")
            == "train-labels-idx1-ubyte.gz: not a valid gzip stream: it does not start with the gzip signature 1f 8b")
        #expect(message { _ = try IDXReader.labels([], file: "train-labels-idx1-ubyte") }
            == "train-labels-idx1-ubyte: truncated: the header needs 8 bytes, file holds 0")
    }

    @Test func garbageAfterTheGzipStream() throws {
        #expect(try read(Gzip.compress([1, 2, 3]) + Array("junk".utf8), name: "t10k-labels-idx1-ubyte.gz")
            == "t10k-labels-idx1-ubyte.gz: not a valid gzip stream: 4 bytes of data follow the end of the stream")
    }

    @Test func aHeaderThatAnnouncesFourBillionImagesAllocatesNothing() {
        let bytes = TestSupport.header([2051, UInt32.max, 28, 28]) + Array(repeating: 0, count: 784)
        #expect(message { _ = try IDXReader.images(bytes, file: "train-images-idx3-ubyte.gz") }
            == "train-images-idx3-ubyte.gz: truncated: header says 4294967295 images, file holds 1")
    }

    @Test func aGzipBombIsRefusedBeforeItFillsMemory() throws {
        // 60 MB of zeros compress to about 60 kB; no MNIST file decompresses to more than 47 MB.
        let bomb = Gzip.compress(Array(repeating: 0, count: 60_000_000), level: 1)
        #expect(bomb.count < 1_000_000)
        #expect(try read(bomb, name: "train-images-idx3-ubyte.gz")
            == "train-images-idx3-ubyte.gz: more than 50000000 bytes of content, more than any MNIST file holds; replace it")
        #expect(throws: Gzip.Failure.tooLarge(limit: 1000)) { try Gzip.decompress(bomb, limit: 1000) }
        #expect(throws: Gzip.Failure.tooLarge(limit: 99_999)) {
            try Gzip.decompress(Gzip.compress(Array(repeating: 7, count: 100_000)), limit: 99_999)
        }
        #expect(try Gzip.decompress(Gzip.compress(Array(repeating: 7, count: 100_000)), limit: 100_000).count == 100_000)
    }

    @Test func aTrailerThatClaimsFourGigabytesDoesNotReserveThem() throws {
        var compressed = Gzip.compress(Array(repeating: 5, count: 1000))
        compressed.replaceSubrange((compressed.count - 4)..., with: [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(throws: Gzip.Failure.corrupt("incorrect length check")) { try Gzip.decompress(compressed, limit: 10_000) }
    }

    @Test func anUncompressedFileLargerThanAnyMNISTFileIsNotRead() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("train-images-idx3-ubyte")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 50_000_001)  // sparse: no disk space used
        try handle.close()
        #expect(message { _ = try MNISTDirectory.decompressedContent(of: url) }
            == "train-images-idx3-ubyte: more than 50000000 bytes of content, more than any MNIST file holds; replace it")
    }
}
