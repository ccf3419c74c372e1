# SPDX-License-Identifier: Apache-2.0
"""Writes published.csv: 415 participants with CTN-0097's published initiation counts, 141/225 rapid and 68/190
standard (Shulman et al., JAMA Netw Open 2024), spread over the bookend design (6 sites x 5 periods).

Deterministic, standard library only:  python3 generate-published.py > published.csv

Rapid cells (15 of them) hold 15 participants each; standard cells hold 13 (the first ten) or 12. Events are
spread by largest remainder over site-specific rates (site effects), so the totals are exact. Second and third
injections: 71 and 50 of the 141 rapid initiators, 40 and 28 of the 68 standard initiators (the published second
injection, 31.7% vs 21.3% of all, rounds to 71/225 and 40/190); a third injection only after a second. Non-initiators
have BLANK second_injection and third_injection cells, the case the analysis CSV rule is about.
"""
import sys

sequences = ["RRRRR", "SRRRR", "SSRRR", "SSSRR", "SSSSR", "SSSSS"]
site_rate = [0.9, 1.1, 0.8, 1.2, 1.0, 0.95]

def spread(total, weights):
    raw = [total * w / sum(weights) for w in weights]
    counts = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda k: (-(raw[k] - counts[k]), k))
    for k in order[: total - sum(counts)]:
        counts[k] += 1
    return counts

cells = []  # (site, period, condition, size)
standard_k = 0
for s, seq in enumerate(sequences):
    for p, c in enumerate(seq):
        if c == "R":
            cells.append((s, p + 1, "rapid", 15))
        else:
            cells.append((s, p + 1, "standard", 13 if standard_k < 10 else 12))
            standard_k += 1

rows = []
for condition, events, second, third in [("rapid", 141, 71, 50), ("standard", 68, 40, 28)]:
    mine = [c for c in cells if c[2] == condition]
    weights = [c[3] * site_rate[c[0]] * (1 + 0.05 * c[1]) for c in mine]
    per_cell = spread(events, weights)
    seconds = spread(second, [float(e) for e in per_cell])
    thirds = spread(third, [float(e) for e in seconds])
    for (s, p, cond, size), e, s2, s3 in zip(mine, per_cell, seconds, thirds):
        assert e <= size and s2 <= e and s3 <= s2
        for k in range(size):
            initiated = k < e
            if initiated:
                second_injection = "1" if k < s2 else "0"
                third_injection = "1" if k < s3 else "0"
            else:
                second_injection = third_injection = ""
            rows.append((f"unit-{'abcdef'[s]}", p, cond, "1" if initiated else "0", second_injection, third_injection))

rows.sort(key=lambda r: (r[0], r[1]))
out = sys.stdout
out.write("site,period,condition,initiated,second_injection,third_injection\n")
for r in rows:
    out.write(",".join(str(v) for v in r) + "\n")
