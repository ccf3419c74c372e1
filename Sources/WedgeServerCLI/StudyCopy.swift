// SPDX-License-Identifier: Apache-2.0

import WedgeStore

/// Copies a study between engines and proves the copy: the target, read back, equals the source row for row, and
/// its audit chain verifies.
enum StudyCopy {
    /// Copies the study at `source` to `target` and returns a summary.
    ///
    /// - Throws: ``CopyError`` when the source does not verify or the copy differs; a ``WedgeStore/StoreError``.
    static func copy(from source: StudyAddress, to target: StudyAddress) async throws -> String {
        let origin = try await source.open()
        let dump: StudyDump
        do {
            dump = try await origin.dump()
        } catch {
            await origin.close()
            throw error
        }
        await origin.close()
        let verification = AuditChainVerifier.verify(dump)
        guard verification.isIntact else { throw CopyError.sourceBroken(problems: verification.problems.count) }
        let copy = try await target.restore(dump)
        let back: StudyDump, check: AuditVerification
        do {
            back = try await copy.dump()
            check = try await copy.verifyAuditChain()
        } catch {
            await copy.close()
            throw error
        }
        await copy.close()
        guard back == dump, check.isIntact, check.headHash == verification.headHash else { throw CopyError.copyDiffers }
        return """
            Copied study '\(dump.study.id)' from \(origin.location) to \(copy.location): \(dump.participants.count) \
            participant(s), \(dump.adverseEvents.count) adverse event(s), \(dump.auditLog.count) audit entries.
            The copy was read back, equals the source row for row, and its audit trail verifies \
            (head hash \(check.headHash)).

            """
    }
}
