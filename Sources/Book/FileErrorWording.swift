import Datasets
import Foundation

/// Plain words for a file system error, for messages a user reads.
///
/// Foundation's own descriptions can end in "(NSCocoaErrorDomain error 512.)", which says
/// nothing to a student; this says what happened ("no space left on device", "is a
/// directory") from the operating system's error number, and never shows a domain or a code.
public enum FileErrorWording {
    /// What went wrong in `error`, in a few lower-case words.
    public static func reason(_ error: any Error) -> String {
        if let error = error as? BookWriter.WriteError { return error.description }
        if let number = errorNumber(error) { return TextFile.systemMessage(number) }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "there is no such file or folder"
            case .fileWriteOutOfSpace: return "the disk is full"
            case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
            case .fileWriteVolumeReadOnly: return "the disk is read-only"
            case .fileWriteFileExists: return "something is already in the way"
            case .fileReadInapplicableStringEncoding, .fileReadCorruptFile: return "the file is not UTF-8 text"
            default: break
            }
        }
        let text = error.localizedDescription
        return text.contains("Domain") || text.contains("could not be completed") ? "the file system refused the operation" : text
    }

    /// The operating system's error number behind `error`, if it carries one.
    static func errorNumber(_ error: any Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return errorNumber(underlying)
        }
        return nil
    }
}
