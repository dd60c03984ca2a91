#!/usr/bin/env python3
"""Load test for `nuan serve` (not run in CI; see BENCHMARKS.md, "nuan serve").

For each number of concurrent clients, every client posts the same record to /v1/decide over
one kept-alive connection, as fast as answers come back, for --seconds; prints requests per
second and the latency distribution. Standard library only.

    scripts/load-serve.py --url http://127.0.0.1:8080 --rules bengbu-2022 \
        --record Rules/examples/bengbu-deep-national.json --clients 1,8,64 --seconds 10
"""
import argparse
import http.client
import threading
import time
import urllib.parse


def client(host, port, path, body, until, latencies, errors, lock):
    mine, bad = [], 0
    conn = http.client.HTTPConnection(host, port, timeout=30)
    headers = {"Content-Type": "application/json"}
    while time.perf_counter() < until:
        t0 = time.perf_counter()
        try:
            conn.request("POST", path, body=body, headers=headers)
            r = conn.getresponse()
            r.read()
            if r.status != 200:
                bad += 1
        except Exception:
            bad += 1
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=30)
            continue
        mine.append(time.perf_counter() - t0)
    conn.close()
    with lock:
        latencies.extend(mine)
        errors[0] += bad


def pct(xs, p):
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:8080")
    ap.add_argument("--rules", default="bengbu-2022")
    ap.add_argument("--record", default="Rules/examples/bengbu-deep-national.json")
    ap.add_argument("--explain", default="full", choices=["none", "brief", "full"])
    ap.add_argument("--clients", default="1,8,64")
    ap.add_argument("--seconds", type=float, default=10)
    a = ap.parse_args()
    u = urllib.parse.urlparse(a.url)
    path = "/v1/decide?" + urllib.parse.urlencode({"rules": a.rules, "explain": a.explain})
    body = open(a.record, "rb").read()
    print("| clients | requests | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in [int(x) for x in a.clients.split(",")]:
        latencies, errors, lock = [], [0], threading.Lock()
        start = time.perf_counter()
        until = start + a.seconds
        threads = [threading.Thread(target=client, args=(u.hostname, u.port or 80, path, body, until, latencies, errors, lock))
                   for _ in range(n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - start
        latencies.sort()
        if not latencies:
            print(f"| {n} | 0 | 0 | – | – | – | – | {errors[0]} |")
            continue
        print(f"| {n} | {len(latencies)} | {len(latencies) / elapsed:.0f} | {pct(latencies, 50):.1f} | {pct(latencies, 90):.1f} "
              f"| {pct(latencies, 99):.1f} | {latencies[-1] * 1000:.1f} | {errors[0]} |", flush=True)


if __name__ == "__main__":
    main()
