import ArgumentParser

import Foundation

/// Reports plainly that a command's capability has not landed yet, and exits with status 2.
///
/// The command names exist so that `--help` shows the whole tool; none of them prints
/// output it did not compute.
func notYetAvailable(_ command: String, needs capability: String) throws -> Never {
    var standardError = StandardError()
    print("lessons \(command): not available yet: \(capability) has not landed.", to: &standardError)
    throw ExitCode(2)
}

/// A `TextOutputStream` that writes to the process's standard error.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
