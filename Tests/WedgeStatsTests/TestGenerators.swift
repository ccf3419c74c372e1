// SPDX-License-Identifier: Apache-2.0

/// Wraps a generator and counts its `next()` calls.
struct CountingGenerator<Base: RandomNumberGenerator>: RandomNumberGenerator {
    var base: Base
    var calls = 0

    mutating func next() -> UInt64 {
        calls += 1
        return base.next()
    }
}

/// Replays a fixed list of words, for exercising exact bit-level rules.
struct ScriptedGenerator: RandomNumberGenerator {
    var words: [UInt64]
    var position = 0

    mutating func next() -> UInt64 {
        defer { position += 1 }
        return words[position]
    }
}
