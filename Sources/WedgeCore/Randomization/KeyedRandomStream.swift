// SPDX-License-Identifier: Apache-2.0

import Foundation
internal import Crypto

/// A deterministic stream of 64-bit words from HMAC-SHA256, keyed by a seed.
///
/// Block `c` (c = 0, 1, 2, …) is `HMAC-SHA256(key: UTF-8(seed), message: UTF-8(label) ‖ 0x00 ‖ UInt64BE(c))`.
/// Each 32-byte block yields four words, read as big-endian `UInt64`s in order. ``next()`` returns the words
/// of block 0, then block 1, and so on. The label separates independent streams drawn from one seed
/// (`"randomize"` for the allocation, `"simulate"` for synthetic data).
///
/// `docs/randomization.md` specifies this byte by byte, with test vectors, so that anyone can reproduce an
/// allocation in a few lines of Python or R.
public struct KeyedRandomStream: RandomNumberGenerator, Sendable {
    private let key: SymmetricKey
    private let label: [UInt8]
    private var counter: UInt64 = 0
    private var buffer: [UInt64] = []
    private var position = 0

    /// Creates the stream for `seed` and `label`.
    public init(seed: String, label: String) {
        self.key = SymmetricKey(data: Data(seed.utf8))
        self.label = Array(label.utf8) + [0]
    }

    /// The next 64-bit word.
    public mutating func next() -> UInt64 {
        if position == buffer.count { refill() }
        defer { position += 1 }
        return buffer[position]
    }

    /// An integer uniform on `0..<n`, by rejection: draw a word `w`; accept when
    /// `w < 2^64 − (2^64 mod n)` and return `w mod n`, else draw again.
    public mutating func uniform(below n: Int) -> Int {
        precondition(n > 0, "uniform(below:) needs n > 0")
        let n = UInt64(n)
        let remainder = (UInt64.max % n &+ 1) % n  // 2^64 mod n
        while true {
            let word = next()
            if remainder == 0 || word < 0 &- remainder { return Int(word % n) }
        }
    }

    /// Shuffles `items` in place by Fisher–Yates: for `i` from `count − 1` down to 1, swap item `i` with
    /// item `uniform(below: i + 1)`.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, through: 1, by: -1) {
            items.swapAt(i, uniform(below: i + 1))
        }
    }

    private mutating func refill() {
        var message = label
        withUnsafeBytes(of: counter.bigEndian) { message.append(contentsOf: $0) }
        let mac = Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        buffer = (0..<4).map { w in mac[(8 * w)..<(8 * w + 8)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        position = 0
        counter += 1
    }
}
