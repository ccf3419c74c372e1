// SPDX-License-Identifier: Apache-2.0

public import Foundation
internal import Crypto

/// SHA-256 digests, as lowercase hex, for identifying protocols and data files.
public enum Digest {
    /// SHA-256 of `data` (FIPS 180-4), as 64 lowercase hex digits.
    public static func sha256Hex(of data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
