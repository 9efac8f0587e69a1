extension String {
    /// The string with `&`, `<`, `>` and `"` replaced by `&amp;`, `&lt;`, `&gt;` and `&quot;`.
    ///
    /// The result is safe as element text and as a double-quoted attribute value, in XML (the
    /// converter's MathML) and in HTML (the report's pages). This is the project's only escaper.
    ///
    /// It works on UTF-8 bytes: the four characters are ASCII, and no byte of a longer UTF-8
    /// sequence is, so each is escaped wherever it stands, a `<` followed by a combining mark too.
    public var xmlEscaped: String {
        // Most text needs no escaping, and this is the converter's hot path.
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return self }
        var bytes = [UInt8]()
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: bytes += "&amp;".utf8
            case 0x3C: bytes += "&lt;".utf8
            case 0x3E: bytes += "&gt;".utf8
            case 0x22: bytes += "&quot;".utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
