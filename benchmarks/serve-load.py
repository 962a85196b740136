#!/usr/bin/env python3
"""Load and accuracy check of a running `digitbench serve` (Python 3 standard library only).

Posts pictures of MNIST test digits to POST /api/predict, some requests at a time, and prints the
wall-clock time, requests per second, client-side latency percentiles, the HTTP statuses, and how
often the majority vote and each model gave the digit's true label.

Each picture is test digit i (from --first on) scaled 2, 3 or 4 times (56, 84 or 112 pixels), dark on
light for even i and light on dark for odd i, as a grey PNG.

    ./digitbench serve --run mine &
    python3 benchmarks/serve-load.py --mnist data/mnist --count 200 --parallel 50
"""
import argparse
import concurrent.futures
import gzip
import json
import os
import struct
import time
import urllib.error
import urllib.request
import zlib


def read_idx(path, header):
    with gzip.open(path) as f:
        return f.read()[header:]


def png(digit, scale, dark_on_light):
    side = 28 * scale
    rows = bytearray()
    for y in range(side):
        rows.append(0)  # PNG filter: none
        for x in range(side):
            v = digit[(y // scale) * 28 + x // scale]
            rows.append(255 - v if dark_on_light else v)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)  # 8-bit grey
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows))) + chunk(b"IEND", b"")


def post(url, body):
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "image/png"})
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=300) as r:
            answer = json.load(r)
            status = r.status
    except urllib.error.HTTPError as e:
        answer, status = None, e.code
    return status, time.perf_counter() - t0, answer


def percentile(sorted_values, p):
    return sorted_values[min(len(sorted_values) - 1, int(p / 100 * len(sorted_values)))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", default="http://127.0.0.1:7070/api/predict")
    ap.add_argument("--mnist", default=os.environ.get("DIGITBENCH_DATA", "data/mnist"), help="folder with MNIST's gzip files")
    ap.add_argument("--first", type=int, default=9000, help="first test digit")
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--parallel", type=int, default=50, help="requests at a time")
    ap.add_argument("--warmup", type=int, default=20, help="requests sent first, not counted")
    a = ap.parse_args()

    images = read_idx(os.path.join(a.mnist, "t10k-images-idx3-ubyte.gz"), 16)
    labels = read_idx(os.path.join(a.mnist, "t10k-labels-idx1-ubyte.gz"), 8)
    ids = list(range(a.first, a.first + a.count))
    pictures = [png(images[i * 784:(i + 1) * 784], 2 + i % 3, i % 2 == 0) for i in ids]

    for k in range(a.warmup):
        post(a.url, pictures[k % len(pictures)])
    t0 = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(a.parallel) as pool:
        results = list(pool.map(lambda p: post(a.url, p), pictures))
    wall = time.perf_counter() - t0

    statuses = {}
    for status, _, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    latencies = sorted(seconds * 1000 for _, seconds, _ in results)
    print(f"{a.count} requests, {a.parallel} at a time: {wall:.1f} s, {a.count / wall:.1f} requests/s; "
          f"HTTP statuses {statuses}")
    print(f"latency ms: p50 {percentile(latencies, 50):.0f}, p90 {percentile(latencies, 90):.0f}, "
          f"p99 {percentile(latencies, 99):.0f}, max {latencies[-1]:.0f}")
    answered = [(i, r) for i, (_, _, r) in zip(ids, results) if r is not None]
    votes = sum(1 for i, r in answered if r["vote"] == labels[i])
    print(f"majority vote right for {votes} of {len(answered)}")
    per_model = {}
    for i, r in answered:
        for m in r["models"]:
            per_model[m["pluginId"]] = per_model.get(m["pluginId"], 0) + (m["label"] == labels[i])
    for model, right in sorted(per_model.items(), key=lambda kv: -kv[1]):
        print(f"  {model:28s} right for {right} of {len(answered)}")


if __name__ == "__main__":
    main()
