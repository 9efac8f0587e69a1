extension MNISTSet {
    /// The images in the IDX3 format (magic 2051, count, 28, 28, then the pixels).
    public var idxImages: [UInt8] {
        Self.header([IDXReader.imageMagic, UInt32(count), UInt32(Self.side), UInt32(Self.side)]) + pixels
    }

    /// The labels in the IDX1 format (magic 2049, count, then one byte per label).
    public var idxLabels: [UInt8] {
        Self.header([IDXReader.labelMagic, UInt32(count)]) + labels.map { UInt8($0) }
    }

    private static func header(_ words: [UInt32]) -> [UInt8] {
        words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) } }
    }
}
