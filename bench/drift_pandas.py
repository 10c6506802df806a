"""The pandas side of bench/drift-vs-pandas.mjs: read the same data-capture JSON Lines, take the
CSV payloads, and compute the same per-feature statistics (count, mean, std, min, max, median;
distinct values for the categorical features). Prints one JSON line."""
import io
import json
import os
import sys
import time

import pandas as pd


def main():
    capture_dir, names = sys.argv[1], sys.argv[2].split(",")
    t0 = time.perf_counter()
    frames = []
    nbytes = 0
    for root, _dirs, files in os.walk(capture_dir):
        for f in sorted(files):
            p = os.path.join(root, f)
            nbytes += os.path.getsize(p)
            records = pd.read_json(p, lines=True)
            payload = "".join(d["endpointInput"]["data"] for d in records["captureData"])
            frames.append(pd.read_csv(io.StringIO(payload), header=None, names=names))
    df = pd.concat(frames, ignore_index=True)
    features = {}
    for c in names:
        s = df[c]
        if pd.api.types.is_numeric_dtype(s):
            features[c] = {"count": int(s.count()), "mean": float(s.mean()), "std": float(s.std(ddof=0)),
                           "min": float(s.min()), "max": float(s.max()), "median": float(s.median())}
        else:
            features[c] = {"count": int(s.count()), "distinct": int(s.nunique())}
    print(json.dumps({"bytes": nbytes, "rows": int(len(df)), "seconds": time.perf_counter() - t0, "features": features}))


if __name__ == "__main__":
    main()
