#!/usr/bin/env python3
"""Benchmark: N CSV rows through POST /invocations in 6 MB batches, against XGBoost alone.

  /usr/bin/python3 local/runtimes/xgboost/bench_invocations.py [--rows 1000000] [--features 20]

Trains a 100-round depth-6 binary model on synthetic data, starts `runtime.py serve` on a free
loopback port, posts the rows in batches of at most 6 MB (--concurrency connections, like a batch
transform's MaxConcurrentTransforms) and compares the wall time with Booster.inplace_predict on the
same rows, and with the runtime's CSV parsing and response encoding measured alone.
"""

import argparse
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import xgboost as xgb

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_BATCH = 6 * 1024 * 1024


def batches(lines):
    current, size = [], 0
    for line in lines:
        if size + len(line) > MAX_BATCH and current:
            yield b"".join(current)
            current, size = [], 0
        current.append(line)
        size += len(line)
    if current:
        yield b"".join(current)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--features", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=1, help="parallel connections (MaxConcurrentTransforms)")
    args = parser.parse_args()

    rng = np.random.default_rng(0)
    x_train = rng.normal(size=(20_000, args.features)).astype(np.float32)
    y_train = (x_train[:, 0] + x_train[:, 1] * x_train[:, 2] > 0).astype(np.float32)
    booster = xgb.train({"objective": "binary:logistic", "max_depth": 6}, xgb.DMatrix(x_train, label=y_train), 100)
    model_dir = tempfile.mkdtemp(prefix="xgb-bench-")
    booster.save_model(os.path.join(model_dir, "xgboost-model"))

    x = np.round(rng.normal(size=(args.rows, args.features)), 4).astype(np.float32)
    lines = [(",".join(row) + "\n").encode() for row in x.astype(str)]
    chunks = list(batches(lines))
    print("{} rows, {} features, {} batches of <= 6 MB ({:.1f} MB)".format(
        args.rows, args.features, len(chunks), sum(map(len, chunks)) / 1e6))

    def timed(fn):
        wall, cpu = time.perf_counter(), time.process_time()
        value = fn()
        return value, time.perf_counter() - wall, time.process_time() - cpu

    direct, wall, cpu = timed(lambda: booster.inplace_predict(x))
    print("xgboost inplace_predict alone:     {:6.2f} s wall, {:6.2f} s CPU".format(wall, cpu))

    sys.path.insert(0, HERE)
    import payload

    parsed, wall, cpu = timed(lambda: [payload.parse_csv(chunk) for chunk in chunks])
    print("runtime CSV parsing alone:         {:6.2f} s wall, {:6.2f} s CPU".format(wall, cpu))
    offsets = np.cumsum([0] + [len(rows) for rows in parsed])
    _, wall, cpu = timed(lambda: [payload.encode(direct[a:b], payload.CSV) for a, b in zip(offsets, offsets[1:])])
    print("runtime response encoding alone:   {:6.2f} s wall, {:6.2f} s CPU".format(wall, cpu))

    port = free_port()
    server = subprocess.Popen([sys.executable, os.path.join(HERE, "runtime.py"), "serve", "--model-dir", model_dir,
                               "--port", str(port)], stdout=subprocess.PIPE, text=True)
    try:
        while "serving on" not in server.stdout.readline():
            pass
        local = threading.local()

        def post(chunk):
            if not hasattr(local, "conn"):
                local.conn = http.client.HTTPConnection("127.0.0.1", port)
            local.conn.request("POST", "/invocations", body=chunk, headers={"Content-Type": "text/csv"})
            response = local.conn.getresponse()
            body = response.read()
            if response.status != 200:
                raise SystemExit("HTTP {}: {}".format(response.status, body[:200]))
            return body

        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            out = list(pool.map(post, chunks))
        elapsed = time.perf_counter() - start
        served = np.array(b"".join(out).split(), dtype=np.float64)
        print("runtime /invocations end to end:   {:6.2f} s wall ({} connection(s), {:.0f} rows/s)".format(
            elapsed, args.concurrency, args.rows / elapsed))
        print("max |served - direct| = {:.2e}".format(float(np.max(np.abs(served - direct)))))
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
