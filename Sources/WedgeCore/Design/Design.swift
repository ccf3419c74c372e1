// SPDX-License-Identifier: Apache-2.0

/// A site × period matrix of conditions, built from sequences.
///
/// Sites are randomized to *sequence slots*: a sequence of multiplicity `m` has `m` slots. ``slots`` lists
/// the sequence index of every slot in order; an allocation is a permutation of the sites over these slots.
public struct Design: Sendable, Equatable {
    /// The family of the design.
    public var kind: DesignKind
    /// The sequences, in the order given or generated.
    public var sequences: [DesignSequence]

    /// Creates a design without validating it; see ``DesignValidator``.
    public init(kind: DesignKind, sequences: [DesignSequence]) {
        self.kind = kind
        self.sequences = sequences
    }

    /// The number of periods (the length of the first sequence).
    public var periodCount: Int { sequences.first?.conditions.count ?? 0 }

    /// The number of site slots: the sum of multiplicities.
    public var slotCount: Int { sequences.reduce(0) { $0 + $1.multiplicity } }

    /// The sequence index of each slot, in order.
    public var slots: [Int] {
        sequences.indices.flatMap { Array(repeating: $0, count: sequences[$0].multiplicity) }
    }

    /// A classic stepped wedge: `steps` sequences of `sitesPerStep` sites each.
    ///
    /// Sequence `s` (0-based) runs `control` for the first `leadingControlPeriods + s` periods and
    /// `intervention` after that; `trailingPeriods` all-intervention periods follow the last step. So the
    /// design has `leadingControlPeriods + steps + trailingPeriods` periods. With one leading period this is
    /// the design of Hussey & Hughes (2007), Contemp Clin Trials 28:182–191.
    public static func steppedWedge(
        steps: Int, sitesPerStep: Int, leadingControlPeriods: Int, trailingPeriods: Int,
        control: String, intervention: String
    ) -> Design {
        let periods = leadingControlPeriods + steps + trailingPeriods
        let sequences = (0..<steps).map { s in
            DesignSequence(
                conditions: (0..<periods).map { $0 < leadingControlPeriods + s ? control : intervention },
                multiplicity: sitesPerStep)
        }
        return Design(kind: .steppedWedge, sequences: sequences)
    }
}
