// SPDX-License-Identifier: Apache-2.0

public import Foundation
internal import Crypto

/// SHA-256 digests, as lowercase hex, for identifying protocols and data files.
public enum Digest {
    /// SHA-256 of `data` (FIPS 180-4), as 64 lowercase hex digits.
    public static func sha256Hex(of data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        let digest = SHA256.hash(data: data)
        return String(unsafeUninitializedCapacity: 2 * SHA256.byteCount) { buffer in
            var index = 0
            for byte in digest {
                buffer[index] = digits[Int(byte >> 4)]
                buffer[index + 1] = digits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }
}
