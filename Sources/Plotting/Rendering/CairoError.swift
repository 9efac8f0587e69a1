import CCairo

/// A failure reported by Cairo: creating a surface, drawing, or writing a PNG.
public struct CairoError: Error, CustomStringConvertible, Sendable {
    /// Cairo's status code (`cairo_status_t`).
    public let status: UInt32
    /// What the library was doing when Cairo failed.
    public let operation: String
    /// Cairo's own description of the status (`cairo_status_to_string`).
    public let message: String

    init(_ status: cairo_status_t, operation: String) {
        self.status = status.rawValue
        self.operation = operation
        self.message = String(cString: cairo_status_to_string(status))
    }

    /// Throws if `status` is not `CAIRO_STATUS_SUCCESS`.
    static func check(_ status: cairo_status_t, _ operation: @autoclosure () -> String) throws(CairoError) {
        if status != CAIRO_STATUS_SUCCESS { throw CairoError(status, operation: operation()) }
    }

    /// `cairo: <operation>: <message>`.
    public var description: String { "cairo: \(operation): \(message)" }
}
