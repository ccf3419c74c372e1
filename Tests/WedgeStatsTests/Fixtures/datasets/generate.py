#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the synthetic validation datasets null.csv, sparse.csv, twelve.csv and large.csv.

Run from the package root (any Python 3.8+; standard library only, so the bytes do not depend on
NumPy's generator versions):

    python3 Tests/WedgeStatsTests/Fixtures/datasets/generate.py Tests/WedgeStatsTests/Fixtures/datasets

swift.csv is not made here: it is the committed sample trial (SampleData/), exported by Wedge itself,
see README.md in this folder.

Every file has the columns of `wedge export` (docs/export-format.md) that the analyses use:

    site,period,condition,initiated,second_injection,retention_days,retention_event

one row per participant, sorted by site then period; `period` is 1-based; `condition` is `standard`
or `rapid`; retention is defined only for initiators (blank otherwise), as in the export.

Data-generating model, per dataset (all seeded, so the output is byte-identical on every run):
    site effect      u_s ~ N(0, tau^2)
    cell size        m_sp ~ Poisson(mean_size) (site s, period p; may be 0 only where allowed)
    initiation       logit P = b0 + period_eff[p] + theta * rapid + u_s
    second injection P = p2[condition] among initiators, 0 otherwise
    retention        dropout day ~ ceil(Exp(rate[condition] * exp(v_s))), v_s ~ N(0, 0.3^2);
                     censored at min(60, ceil(Uniform(5, 300))) days (loss to follow-up, end of
                     follow-up at 60 days), so whole days with many ties, as in the real export
"""

import math
import random
import sys
from pathlib import Path


def poisson(rng, mean):
    """Knuth's multiplication method (exact, fine for means up to ~100)."""
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def simulate(seed, switch, periods, mean_size, b0, period_eff, theta, tau, p2, rate):
    """One stepped-wedge trial. switch[s] is the first rapid period of site s (1-based; > periods = never)."""
    rng = random.Random(seed)
    sites = len(switch)
    u = [rng.gauss(0, tau) for _ in range(sites)]
    v = [rng.gauss(0, 0.3) for _ in range(sites)]
    rows = []
    for s in range(sites):
        for p in range(1, periods + 1):
            rapid = 1 if p >= switch[s] else 0
            condition = "rapid" if rapid else "standard"
            m = poisson(rng, mean_size)
            eta = b0 + period_eff[p - 1] + theta * rapid + u[s]
            prob = 1 / (1 + math.exp(-eta))
            for _ in range(m):
                initiated = 1 if rng.random() < prob else 0
                second, days, event = 0, "", ""
                if initiated:
                    second = 1 if rng.random() < p2[rapid] else 0
                    dropout = math.ceil(rng.expovariate(rate[rapid] * math.exp(v[s])))
                    censor = min(60, math.ceil(rng.uniform(5, 300)))
                    days, event = (dropout, 1) if dropout <= censor else (censor, 0)
                rows.append((f"site-{s + 1:02d}", p, condition, initiated, second, days, event))
    return rows


def write(folder, name, rows):
    lines = ["site,period,condition,initiated,second_injection,retention_days,retention_event"]
    lines += [",".join(str(x) for x in row) for row in rows]
    (folder / f"{name}.csv").write_text("\n".join(lines) + "\n")
    initiated = sum(r[3] for r in rows)
    print(f"{name}: {len(rows)} participants, {initiated} initiated")


def zero_event_cells(rows):
    cells = {}
    for r in rows:
        key = (r[0], r[1])
        cells[key] = cells.get(key, 0) + r[3]
    return sorted(k for k, events in cells.items() if events == 0)


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    bookend = [1, 2, 3, 4, 5, 6]  # SWIFT: RRRRR, SRRRR, ..., SSSSS (site 6 never crosses)
    flat5 = [0.0, 0.1, 0.2, 0.15, 0.3]

    # null: SWIFT-sized, no effect of condition on initiation, second injection or retention.
    write(folder, "null", simulate(
        seed=20260101, switch=bookend, periods=5, mean_size=14, b0=-0.2, period_eff=flat5,
        theta=0.0, tau=0.5, p2=(0.5, 0.5), rate=(0.02, 0.02)))

    # sparse: small cells and a rare outcome; at least one site-period has no initiation at all.
    sparse = simulate(
        seed=20260202, switch=bookend, periods=5, mean_size=7, b0=-1.7, period_eff=flat5,
        theta=0.9, tau=0.4, p2=(0.4, 0.5), rate=(0.03, 0.02))
    empty = zero_event_cells(sparse)
    assert empty, "sparse must have a site-period with zero events"
    print(f"sparse: site-periods with zero initiations: {empty}")
    write(folder, "sparse", sparse)

    # twelve: 12 sites crossing two per step, 7 periods (period 1 all standard, period 7 all rapid).
    write(folder, "twelve", simulate(
        seed=20260303, switch=[2 + s // 2 for s in range(12)], periods=7, mean_size=12, b0=-0.4,
        period_eff=[0.0, -0.1, 0.1, 0.2, 0.0, 0.3, 0.15], theta=0.7, tau=0.4, p2=(0.35, 0.45),
        rate=(0.025, 0.018)))

    # large: 20 sites x 21 periods, one site per step, about 20,000 participants.
    write(folder, "large", simulate(
        seed=20260404, switch=[2 + s for s in range(20)], periods=21, mean_size=47.6, b0=-0.3,
        period_eff=[0.3 * math.sin(p / 3) for p in range(21)], theta=0.5, tau=0.35, p2=(0.35, 0.45),
        rate=(0.025, 0.018)))


if __name__ == "__main__":
    main()
