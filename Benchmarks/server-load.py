#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Load generator for wedge-server (issue 16): N concurrent clients on loopback, each with its own API token, make
enrollments and outcome recordings (some deliberately conflicting: a stale If-Match), then check that every write
acknowledged with a 2xx is in the database, that nothing unacknowledged is half there, and that the audit chain
verifies. Prints one JSON line: throughput of acknowledged writes and p50/p99 latency of every write request.

    Benchmarks/server-load.py --accounts FILE --url http://127.0.0.1:8080 [--url http://127.0.0.1:8081]
                              [--clients 50] [--writes 10000]

Standard library only (asyncio streams, HTTP/1.1 keep-alive), so it runs anywhere Python 3.9+ does. With several
--url, clients are spread over them (two server instances sharing one PostgreSQL database).
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


async def client(index, url, token, site, writes, admission, results):
    """Enrolls participants and records their induction start; every fifth, also a stale write (expected 409)."""
    conn = Connection(url)
    made = 0
    k = 0
    try:
        while made < writes:
            pid = f"L{index:03d}-{k:05d}"
            k += 1
            start = time.perf_counter()
            status, headers, _ = await conn.request("POST", "/api/v1/participants", token, {
                "id": pid, "site": site, "admission_date": admission,
                "baseline": {"age": "40", "sex": "female", "insured": "yes", "opioid_days_30": "20"}},
                {"Idempotency-Key": f"enroll-{pid}"} if k % 4 == 0 else None)
            results["latency"].append(time.perf_counter() - start)
            made += 1
            if status != 201:
                results["unexpected"].append(("enroll", status))
                continue
            results["enrolled"].add(pid)
            etag = headers["etag"]
            if made >= writes:
                break
            start = time.perf_counter()
            status, headers, _ = await conn.request("POST", f"/api/v1/participants/{pid}/outcomes", token,
                                                    {"induction_start_date": admission}, {"If-Match": etag})
            results["latency"].append(time.perf_counter() - start)
            made += 1
            if status == 200:
                results["recorded"].add(pid)
            else:
                results["unexpected"].append(("record", status))
            if k % 5 == 0 and made < writes:
                # A second writer with the version read before the first change: must be refused, writing nothing.
                start = time.perf_counter()
                status, _, _ = await conn.request("POST", f"/api/v1/participants/{pid}/outcomes", token,
                                                  {"procedure_received": "rapid"}, {"If-Match": etag})
                results["latency"].append(time.perf_counter() - start)
                made += 1
                if status == 409:
                    results["conflicts"] += 1
                    results["stale"].add(pid)
                else:
                    results["unexpected"].append(("stale", status))
    except (ConnectionError, OSError, asyncio.IncompleteReadError) as error:
        results["transport_errors"].append(f"client {index}: {error}")
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
    results = {"latency": [], "enrolled": set(), "recorded": set(), "stale": set(), "conflicts": 0,
               "unexpected": [], "transport_errors": []}
    per_client = [args.writes // args.clients + (1 if i < args.writes % args.clients else 0) for i in range(args.clients)]
    started = time.perf_counter()
    await asyncio.gather(*(client(i, args.url[i % len(args.url)], token, site, per_client[i], args.admission, results)
                           for i, (token, site) in enumerate(clients)))
    elapsed = time.perf_counter() - started
    # Check: every acknowledged write is stored; nothing refused or unacknowledged is half there; the chain verifies.
    status, _, body = await setup.request("GET", "/api/v1/participants", manager)
    stored = {p["id"]: p for p in json.loads(body)["participants"] if p["id"].startswith("L")}
    lost_enrollments = sorted(results["enrolled"] - stored.keys())
    lost_records = sorted(p for p in results["recorded"] if stored.get(p, {}).get("outcomes", {}).get("induction_start_date") != args.admission)
    unacknowledged = sorted(stored.keys() - results["enrolled"])
    stale_written = sorted(p for p in results["stale"] if stored.get(p, {}).get("outcomes", {}).get("procedure_received"))
    status, _, body = await setup.request("GET", "/api/v1/audit/verification", manager)
    verification = json.loads(body)
    setup.close()
    latencies = sorted(results["latency"])
    acknowledged = len(results["enrolled"]) + len(results["recorded"])
    report = {
        "label": args.label, "servers": len(args.url), "clients": args.clients, "requests": len(latencies),
        "acknowledged_writes": acknowledged, "deliberate_conflicts_refused": results["conflicts"],
        "seconds": round(elapsed, 3), "writes_per_second": round(acknowledged / elapsed, 1),
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 2),
        "p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000, 2),
        "lost_enrollments": len(lost_enrollments), "lost_records": len(lost_records),
        "unacknowledged_stored": len(unacknowledged), "stale_writes_stored": len(stale_written),
        "unexpected_statuses": len(results["unexpected"]), "transport_errors": len(results["transport_errors"]),
        "audit_valid": verification.get("valid"), "audit_entries": verification.get("entries"),
    }
    print(json.dumps(report))
    ok = (not lost_enrollments and not lost_records and not unacknowledged and not stale_written
          and not results["unexpected"] and verification.get("valid") is True)
    if results["unexpected"]:
        print("unexpected:", results["unexpected"][:10], file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    asyncio.run(main())
