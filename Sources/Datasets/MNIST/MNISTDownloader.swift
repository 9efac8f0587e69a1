import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads MNIST files from a mirror and keeps only files that verify.
///
/// Each file is written to a hidden temporary file in the destination directory, checked
/// (gzip stream and SHA-256 of its content), and only then renamed to its real name, so an
/// interrupted or corrupted download never leaves a file that looks complete.
public struct MNISTDownloader: Sendable {
    /// The base URLs to try, in order; a file's URL is the base plus its `.gz` name.
    public var mirrors: [URL]
    /// The expected SHA-256 of each decompressed file, keyed by its name without `.gz`.
    public var checksums: [String: String]
    /// Where the progress bar goes, or `nil` for none.
    public var progressOutput: ProgressBar.Output?
    /// The seconds to wait for data before giving up on a mirror.
    public var timeout: TimeInterval

    /// Creates a downloader.
    public init(
        mirrors: [URL], checksums: [String: String] = MNISTFile.publishedSums,
        progressOutput: ProgressBar.Output? = ProgressBar.standardError, timeout: TimeInterval = 30
    ) {
        self.mirrors = mirrors
        self.checksums = checksums
        self.progressOutput = progressOutput
        self.timeout = timeout
    }

    /// Downloads `files` into `directory` (created if needed) and returns the mirror of the
    /// last file fetched.
    ///
    /// - Throws: `MNISTError.downloadFailed` for the first file no mirror could provide,
    ///   with the first mirror's reason. Files already fetched stay; nothing else is left.
    @discardableResult
    public func download(_ files: [MNISTFile], into directory: URL) throws(MNISTError) -> URL {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .unreadable(file: directory.path, reason: error.localizedDescription)
        }
        var used = mirrors.first ?? directory
        for file in files {
            var firstFailure: MNISTError?
            for mirror in mirrors {
                do {
                    try download(file, from: mirror, into: directory)
                    used = mirror
                    firstFailure = nil
                    break
                } catch {
                    firstFailure = firstFailure ?? error
                }
            }
            if let firstFailure { throw firstFailure }
        }
        return used
    }

    private func download(_ file: MNISTFile, from mirror: URL, into directory: URL) throws(MNISTError) {
        let name = file.compressedName
        let url = mirror.appendingPathComponent(name)
        let temporary = directory.appendingPathComponent(".\(name).\(UUID().uuidString).part")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let failed = { (reason: String) in MNISTError.downloadFailed(file: name, url: url.absoluteString, reason: reason) }

        let bar = progressOutput.map { output in (ProgressBar(label: name), output) }
        if let reason = HTTPFileTransfer(url: url, destination: temporary, timeout: timeout, progress: bar).run() {
            throw failed(reason)
        }
        do {
            let content = try MNISTDirectory.decompressedContent(of: temporary)
            try MNISTDirectory.verify(content, name: name, checksums: checksums)
        } catch {
            // The inner message starts with the temporary file's name or `name`; keep what follows.
            let message = error.description
            throw failed(message.firstRange(of: ": ").map { String(message[$0.upperBound...]) } ?? message)
        }
        guard rename(temporary.path, directory.appendingPathComponent(name).path) == 0 else {
            throw failed("cannot rename the downloaded file: \(String(cString: strerror(errno)))")
        }
    }
}
