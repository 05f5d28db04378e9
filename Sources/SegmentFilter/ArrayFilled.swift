extension Array {
    /// `count` copies of `value`, as `init(repeating:count:)` makes them, but allocated through
    /// the specialised growth path: the standard library's `init(repeating:count:)` allocates
    /// through an unspecialised function that looks up the storage class's generic metadata on
    /// every call (some 400 instructions), and the scoring makes many small arrays per
    /// document. (The fill goes element by element: for large arrays of wide elements the
    /// library's initializer is the cheaper one.)
    @inline(__always)
    init(filled value: Element, count: Int) {
        self.init()
        append(contentsOf: repeatElement(value, count: count))
    }
}
