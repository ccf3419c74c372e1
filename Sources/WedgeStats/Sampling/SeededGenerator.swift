// SPDX-License-Identifier: Apache-2.0

/// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators", OOPSLA),
/// the seeded generator behind ``PermutationOptions/seed``, and the one every seeded test uses. Its
/// output is fully specified, so a seed reproduces the same draws on every platform.
///
/// Not cryptographic: schedules use ``WedgeCore``'s keyed HMAC stream instead.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    /// The internal state; the next output mixes `state + 0x9E3779B97F4A7C15`.
    public var state: UInt64

    /// A generator whose first output is the SplitMix64 output for `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
