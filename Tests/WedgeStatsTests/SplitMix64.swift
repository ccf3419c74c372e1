// SPDX-License-Identifier: Apache-2.0

/// SplitMix64 (Steele, Lea & Flood 2014), a tiny seeded generator for deterministic tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

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
