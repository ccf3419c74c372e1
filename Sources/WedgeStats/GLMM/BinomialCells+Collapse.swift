// SPDX-License-Identifier: Apache-2.0

extension BinomialCells {
    /// Merges rows that share a cluster and an identical design row into one binomial cell.
    ///
    /// The binomial likelihood of the merged cell differs from the product of the Bernoulli (or
    /// binomial) likelihoods of its rows only by the constant `log C(n, y) − Σ log C(nᵢ, yᵢ)`, so every
    /// estimate, standard error and the site SD are unchanged; only ``GLMMFit/logLikelihood`` shifts by
    /// that constant (lme4 behaves the same way for `cbind(y, n − y)` against 0/1 rows).
    /// Rows keep the order in which each (cluster, design row) first appears. Design rows are compared
    /// exactly, bit for bit. With an ``offset`` only rows that also share the same offset value merge,
    /// and the merged cell keeps that offset.
    /// - Returns: The collapsed cells.
    public func collapsed() -> BinomialCells {
        let p = design.columns
        var index: [[Double]: Int] = [:]
        var ys: [Double] = [], ns: [Double] = [], cs: [Int] = [], rows: [Double] = [], offsets: [Double] = []
        for i in 0..<count {
            var key = Array(design.storage[(i * p)..<((i + 1) * p)])
            if let offset { key.append(offset[i]) }
            key.append(Double(cluster[i]))
            if let k = index[key] {
                ys[k] += successes[i]
                ns[k] += trials[i]
            } else {
                index[key] = ys.count
                ys.append(successes[i])
                ns.append(trials[i])
                cs.append(cluster[i])
                rows.append(contentsOf: key.prefix(p))
                if let offset { offsets.append(offset[i]) }
            }
        }
        var x = Matrix(rows: ys.count, columns: p)
        x.storage = rows
        return BinomialCells(successes: ys, trials: ns, cluster: cs, design: x, offset: offset == nil ? nil : offsets)
    }
}
