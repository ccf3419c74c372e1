#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Independent reference implementation of Wedge's randomization (docs/randomization.md).

Standard library only. Run `python3 docs/randomization.py` to print the test vectors that
Tests/WedgeCoreTests/RandomizationTests.swift checks.
"""
import hashlib, hmac, math, struct


def stream(seed: str, label: str):
    """64-bit words: block c = HMAC-SHA256(key=UTF-8(seed), msg=UTF-8(label) || 0x00 || uint64_be(c))."""
    counter = 0
    while True:
        mac = hmac.new(seed.encode(), label.encode() + b"\x00" + struct.pack(">Q", counter), hashlib.sha256).digest()
        for w in range(4):
            yield struct.unpack(">Q", mac[8 * w:8 * w + 8])[0]
        counter += 1


def uniform_below(words, n):
    """Unbiased integer in [0, n): reject words >= 2^64 - (2^64 mod n)."""
    limit = 2**64 - (2**64 % n)
    while True:
        w = next(words)
        if w < limit:
            return w % n


def shuffle(words, items):
    """Fisher-Yates: for i = n-1 down to 1, swap items[i] with items[uniform_below(i+1)]."""
    items = list(items)
    for i in range(len(items) - 1, 0, -1):
        j = uniform_below(words, i + 1)
        items[i], items[j] = items[j], items[i]
    return items


def slots_of(multiplicities):
    return [s for s, m in enumerate(multiplicities) for _ in range(m)]


def simple(seed, n_sites, multiplicities):
    """Allocation (sequence index per site, protocol order) by simple randomization."""
    slots = slots_of(multiplicities)
    order = shuffle(stream(seed, "randomize"), range(n_sites))
    allocation = [0] * n_sites
    for k, site in enumerate(order):
        allocation[site] = slots[k]
    return allocation


def multiset_permutations(items):
    a = sorted(items)
    while True:
        yield list(a)
        i = len(a) - 2
        while i >= 0 and a[i] >= a[i + 1]:
            i -= 1
        if i < 0:
            return
        j = len(a) - 1
        while a[j] <= a[i]:
            j -= 1
        a[i], a[j] = a[j], a[i]
        a[i + 1:] = reversed(a[i + 1:])


def score(allocation, z, off_control):
    """B = sum over covariates c and mixed periods p of (mean z off control - mean z on control)^2."""
    total = 0.0
    for zc in z:
        for p in range(len(off_control[0])):
            s_on = n_on = s_off = n_off = 0
            s_on = s_off = 0.0
            for site, seq in enumerate(allocation):
                if off_control[seq][p]:
                    s_off += zc[site]; n_off += 1
                else:
                    s_on += zc[site]; n_on += 1
            if n_on and n_off:
                d = s_off / n_off - s_on / n_on
                total += d * d
    return math.floor(total * 1e9 + 0.5) / 1e9


def standardize(x):
    mean = sum(x) / len(x)
    var = sum((v - mean) * (v - mean) for v in x) / (len(x) - 1) if len(x) > 1 else 0.0
    sd = math.sqrt(var)
    return [(v - mean) / sd if sd > 0 else 0.0 for v in x]


def constrained(seed, covariates, sequences, multiplicities, control, fraction,
                enumeration_limit=1_000_000, sample_size=100_000):
    slots = slots_of(multiplicities)
    count = math.factorial(len(slots))
    for m in multiplicities:
        count //= math.factorial(m)
    if count <= enumeration_limit:
        candidates = list(multiset_permutations(slots))
    else:
        words = stream(seed, "candidates")
        candidates = sorted({tuple(shuffle(words, slots)) for _ in range(sample_size)})
        candidates = [list(c) for c in candidates]
    z = [standardize(x) for x in covariates]
    off_control = [[c != control for c in seq] for seq in sequences]
    scores = [score(a, z, off_control) for a in candidates]
    k = max(1, math.ceil(fraction * len(candidates) - 1e-9))
    cutoff = sorted(scores)[min(k, len(scores)) - 1]
    admissible = [a for a, s in zip(candidates, scores) if s <= cutoff]
    pick = uniform_below(stream(seed, "randomize"), len(admissible))
    return admissible[pick], len(candidates), len(admissible), cutoff


def main_allocations(seeds):
    """`--allocations SEED...`: simple allocations of the ctn-0097 design, one JSON line per seed."""
    import json
    for seed in seeds:
        print(json.dumps({"seed": seed, "allocation": simple(seed, 6, [1] * 6)}))


if __name__ == "__main__":
    import sys
    if len(sys.argv) > 1 and sys.argv[1] == "--allocations":
        main_allocations(sys.argv[2:])
        sys.exit(0)
    swift = ["RRRRR", "SRRRR", "SSRRR", "SSSRR", "SSSSR", "SSSSS"]
    for seed in ["20210316", "swift-129", "wedge"]:
        s = stream(seed, "randomize")
        words = ["%016x" % next(s) for _ in range(5)]
        print(f"simple  seed={seed!r:12} words={words} allocation={simple(seed, 6, [1] * 6)}")
    enrollment6 = [[95, 80, 70, 65, 55, 50]]
    a, n, m, cut = constrained("20210316", enrollment6, swift, [1] * 6, "S", 0.1)
    print(f"constrained ctn-0097 q=0.1 seed='20210316' candidates={n} admissible={m} cutoff={cut!r} allocation={a}")
    classic12 = ["S" * (1 + s) + "R" * (6 - s) for s in range(6)]
    enrollment12 = [[40, 55, 70, 45, 60, 35, 80, 50, 65, 30, 75, 45]]
    a, n, m, cut = constrained("7", enrollment12, classic12, [2] * 6, "S", 0.1)
    print(f"constrained general-sw-12x7 q=0.1 seed='7' candidates={n} admissible={m} cutoff={cut!r} allocation={a}")
