#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Load generator for wedge-server (issue 16): N concurrent clients on loopback, each with its own API token, make
enrollments and outcome recordings (some deliberately conflicting: a stale If-Match), then check that every write
acknowledged with a 2xx is in the database, that nothing unacknowledged is half there, and that the audit chain
verifies. Prints one JSON line: throughput of acknowledged writes and p50/p99 latency of every write request, and by kind
(enroll, enroll-keyed: with an Idempotency-Key, record, stale: the deliberate conflict).

    Benchmarks/server-load.py --accounts FILE --url http://127.0.0.1:8080 [--url http://127.0.0.1:8081]
                              [--clients 50] [--writes 10000] [--warmup N] [--timeline SECONDS]

--warmup N: each client first makes N reads of a participant that does not exist (each checks its token and reads the
database; they are not counted), so that the figures are those of a running server rather than of its first half
second. --timeline SECONDS adds "timeline": requests and p50/p99 latency in windows of that length, by start time.

Standard library only (asyncio streams, HTTP/1.1 keep-alive), so it runs anywhere Python 3.9+ does. With several
--url, clients are spread over them (two server instances sharing one PostgreSQL database).

Faults: with --fault-after SECONDS and --fault-cmd CMD, the command runs that long into the load (kill -9 the
server and start it again, or restart PostgreSQL). Clients treat a lost connection or a 503 as "outcome unknown",
wait for /healthz and go on with the next participant. Afterwards every acknowledged write must be stored; a
participant stored without an acknowledgement must be one whose request's outcome was unknown; and the chain must
verify. The report counts the 503 answers seen.
"""
import argparse
import asyncio
import json
import sys
import time
from urllib.parse import urlparse


class Connection:
    """One keep-alive HTTP/1.1 connection."""

    def __init__(self, url):
        parsed = urlparse(url)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.reader = self.writer = None

    async def request(self, method, path, token=None, body=None, headers=None):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        data = json.dumps(body).encode() if body is not None else b""
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}", f"Content-Length: {len(data)}"]
        if body is not None:
            lines.append("Content-Type: application/json")
        if token:
            lines.append(f"Authorization: Bearer {token}")
        for key, value in (headers or {}).items():
            lines.append(f"{key}: {value}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + data)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("connection closed")
        status = int(status_line.split()[1])
        response_headers = {}
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            key, _, value = line.decode().partition(":")
            response_headers[key.strip().lower()] = value.strip()
        length = int(response_headers.get("content-length", "0"))
        payload = await self.reader.readexactly(length) if length else b""
        return status, response_headers, payload

    def close(self):
        if self.writer:
            self.writer.close()


async def healthy(url, deadline=120):
    """Waits until /healthz answers 200."""
    start = time.perf_counter()
    while time.perf_counter() - start < deadline:
        conn = Connection(url)
        try:
            status, _, _ = await conn.request("GET", "/healthz")
            if status == 200:
                return
        except (ConnectionError, OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            pass
        finally:
            conn.close()
        await asyncio.sleep(0.2)
    raise RuntimeError(f"{url} did not come back within {deadline} s")


async def client(index, url, token, site, writes, admission, results):
    """Enrolls participants and records their induction start; every fifth, also a stale write (expected 409).
    A lost connection or a 503 makes the request's outcome unknown: the client waits for the server and goes on."""
    conn = Connection(url)
    made = 0
    k = 0

    async def send(kind, pid, method, path, body, headers):
        nonlocal conn
        start = time.perf_counter()
        try:
            status, response_headers, _ = await conn.request(method, path, token, body, headers)
        except (ConnectionError, OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            status, response_headers = None, {}
        elapsed = time.perf_counter() - start
        results["latency"].append(elapsed)
        results["timeline"].append((start, elapsed))
        results["by_kind"].setdefault(kind, []).append(elapsed)
        if status is None or status == 503:
            results["unknown"].add(pid)
            results["unavailable" if status == 503 else "transport_errors"] += 1
            conn.close()
            await healthy(url)
            conn = Connection(url)
        return status, response_headers

    try:
        while made < writes:
            pid = f"L{index:03d}-{k:05d}"
            k += 1
            keyed = k % 4 == 0
            status, headers = await send("enroll-keyed" if keyed else "enroll", pid, "POST", "/api/v1/participants", {
                "id": pid, "site": site, "admission_date": admission,
                "baseline": {"age": "40", "sex": "female", "insured": "yes", "opioid_days_30": "20"}},
                {"Idempotency-Key": f"enroll-{pid}"} if keyed else None)
            made += 1
            if status != 201:
                if status not in (None, 503):
                    results["unexpected"].append(("enroll", status))
                continue
            results["enrolled"].add(pid)
            etag = headers["etag"]
            if made >= writes:
                break
            status, _ = await send("record", pid, "POST", f"/api/v1/participants/{pid}/outcomes",
                                   {"induction_start_date": admission}, {"If-Match": etag})
            made += 1
            if status == 200:
                results["recorded"].add(pid)
            elif status not in (None, 503):
                results["unexpected"].append(("record", status))
            if k % 5 == 0 and made < writes and status == 200:
                # A second writer with the version read before the first change: must be refused, writing nothing.
                status, _ = await send("stale", pid, "POST", f"/api/v1/participants/{pid}/outcomes",
                                       {"procedure_received": "rapid"}, {"If-Match": etag})
                made += 1
                if status == 409:
                    results["conflicts"] += 1
                    results["stale"].add(pid)
                elif status not in (None, 503):
                    results["unexpected"].append(("stale", status))
    finally:
        conn.close()


async def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--accounts", required=True, help="the accounts file of wedge-server demo")
    parser.add_argument("--url", action="append", required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--writes", type=int, default=10_000)
    parser.add_argument("--admission", default="2022-06-01", help="admission date of the new participants")
    parser.add_argument("--label", default="")
    parser.add_argument("--warmup", type=int, default=0, metavar="N",
                        help="each client first makes N reads (not counted)")
    parser.add_argument("--timeline", type=float, metavar="SECONDS",
                        help="also report request count and p50/p99 latency in windows of this many seconds")
    parser.add_argument("--fault-after", type=float, help="run --fault-cmd this many seconds into the load")
    parser.add_argument("--fault-cmd", help="a shell command: kill -9 and restart the server, or restart PostgreSQL")
    args = parser.parse_args()
    accounts = {a["username"]: a for a in json.load(open(args.accounts))}
    admin, manager = accounts["admin"]["token"], accounts["datamanager"]["token"]
    # Each client gets a token of its own: data managers (any site) and the two coordinators (their site).
    setup = Connection(args.url[0])
    owners = [("datamanager", None), ("coord-unit-a", "unit-a"), ("coord-unit-b", "unit-b")]
    sites = ["unit-a", "unit-b", "unit-c", "unit-d", "unit-e", "unit-f"]
    clients = []
    for i in range(args.clients):
        user, site = owners[i % len(owners)]
        status, _, body = await setup.request("POST", "/api/v1/tokens", admin,
                                              {"username": user, "label": f"load client {i}", "days": 1})
        if status != 201:
            sys.exit(f"cannot issue a token: {status} {body[:200]}")
        clients.append((json.loads(body)["token"], site or sites[i % len(sites)]))
    results = {"latency": [], "enrolled": set(), "recorded": set(), "stale": set(), "unknown": set(), "conflicts": 0,
               "unexpected": [], "transport_errors": 0, "unavailable": 0, "by_kind": {}, "timeline": []}
    per_client = [args.writes // args.clients + (1 if i < args.writes % args.clients else 0) for i in range(args.clients)]
    started = time.perf_counter()
    setup.close()

    async def fault():
        await asyncio.sleep(args.fault_after)
        process = await asyncio.create_subprocess_shell(args.fault_cmd)
        await process.wait()

    if args.warmup:
        async def warm(url, token):
            conn = Connection(url)
            for _ in range(args.warmup):
                status, _, body = await conn.request("GET", "/api/v1/participants/warm-up-none", token)
                if status != 404:
                    sys.exit(f"warm-up read: expected 404, got {status} {body[:200]}")
            conn.close()
        await asyncio.gather(*[warm(args.url[i % len(args.url)], token) for i, (token, _) in enumerate(clients)])
        started = time.perf_counter()
    tasks = [client(i, args.url[i % len(args.url)], token, site, per_client[i], args.admission, results)
             for i, (token, site) in enumerate(clients)]
    if args.fault_cmd:
        tasks.append(fault())
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - started
    for url in args.url:
        await healthy(url)
    setup = Connection(args.url[0])
    # Check: every acknowledged write is stored; nothing refused or unacknowledged is half there; the chain verifies.
    status, _, body = await setup.request("GET", "/api/v1/participants", manager)
    stored = {p["id"]: p for p in json.loads(body)["participants"] if p["id"].startswith("L")}
    lost_enrollments = sorted(results["enrolled"] - stored.keys())
    lost_records = sorted(p for p in results["recorded"] if stored.get(p, {}).get("outcomes", {}).get("induction_start_date") != args.admission)
    # A participant stored without an acknowledgement is allowed only where the outcome was unknown (a lost answer).
    unacknowledged = sorted(stored.keys() - results["enrolled"] - results["unknown"])
    stale_written = sorted(p for p in results["stale"] if stored.get(p, {}).get("outcomes", {}).get("procedure_received"))
    status, _, body = await setup.request("GET", "/api/v1/audit/verification", manager)
    verification = json.loads(body)
    setup.close()
    latencies = sorted(results["latency"])

    def percentiles(values):
        values = sorted(values)
        return {"n": len(values), "p50_ms": round(values[len(values) // 2] * 1000, 2),
                "p99_ms": round(values[min(len(values) - 1, int(len(values) * 0.99))] * 1000, 2)}
    acknowledged = len(results["enrolled"]) + len(results["recorded"])
    report = {
        "label": args.label, "servers": len(args.url), "clients": args.clients, "warmup_reads": args.warmup,
        "requests": len(latencies),
        "acknowledged_writes": acknowledged, "deliberate_conflicts_refused": results["conflicts"],
        "seconds": round(elapsed, 3), "writes_per_second": round(acknowledged / elapsed, 1),
        "requests_per_second": round(len(latencies) / elapsed, 1),
        **{key: value for key, value in percentiles(latencies).items() if key != "n"},
        "lost_enrollments": len(lost_enrollments), "lost_records": len(lost_records),
        "unacknowledged_stored": len(unacknowledged), "stale_writes_stored": len(stale_written),
        "unexpected_statuses": len(results["unexpected"]), "transport_errors": results["transport_errors"],
        "answered_503": results["unavailable"], "outcome_unknown": len(results["unknown"]),
        "unknown_stored": len(stored.keys() & (results["unknown"] - results["enrolled"])),
        "audit_valid": verification.get("valid"), "audit_entries": verification.get("entries"),
        "by_kind": {kind: percentiles(values) for kind, values in sorted(results["by_kind"].items())},
    }
    if args.timeline:
        windows = {}
        for start, latency in results["timeline"]:
            windows.setdefault(int((start - started) / args.timeline), []).append(latency)
        report["timeline"] = [{"from_s": round(w * args.timeline, 3), **percentiles(values)}
                              for w, values in sorted(windows.items())]
    print(json.dumps(report))
    ok = (not lost_enrollments and not lost_records and not unacknowledged and not stale_written
          and not results["unexpected"] and verification.get("valid") is True)
    if results["unexpected"]:
        print("unexpected:", results["unexpected"][:10], file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    asyncio.run(main())
