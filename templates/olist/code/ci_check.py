"""CI checks of the Olist splits before anything trains: a SageMaker processing-job script.

Reads train/validation/test as preprocess.py wrote them (XGBoost CSV: label first, no header) and
fails, naming the split and the problem, when a split is missing or empty, a label is not 0/1, a
value is missing or not a number, the splits disagree on the number of columns, or a split has a
single class. Writes ci-report.json (rows, columns, prevalence per split) to --output-dir.

  python3 ci_check.py --splits-dir /opt/ml/processing/input/splits --output-dir /opt/ml/processing/ci
"""

import argparse
import json
import os
import sys

SPLITS = ("train", "validation", "test")


def fail(message):
    print(f"ci_check: {message}", file=sys.stderr)
    failure = os.path.join(os.environ.get("SM_LOCAL_ROOT", "/opt/ml"), "output", "failure")
    try:
        os.makedirs(os.path.dirname(failure), exist_ok=True)
        with open(failure, "w") as f:
            f.write(f"AlgorithmError: ci_check: {message}")
    except OSError:
        pass
    sys.exit(1)


def check_split(splits_dir, name):
    path = os.path.join(splits_dir, name, f"{name}.csv")
    if not os.path.isfile(path):
        fail(f"{name}: {path} not found (run preprocess.py first; the input is OUTPUT/splits)")
    rows, columns, positives = 0, None, 0
    with open(path) as f:
        for line_no, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            cells = line.split(",")
            if columns is None:
                columns = len(cells)
            elif len(cells) != columns:
                fail(f"{name} line {line_no}: {len(cells)} columns, the first line has {columns}")
            if cells[0] not in ("0", "1", "0.0", "1.0"):
                fail(f"{name} line {line_no}: label {cells[0]!r} is not 0 or 1")
            for i, c in enumerate(cells[1:], 2):
                try:
                    v = float(c)
                except ValueError:
                    fail(f"{name} line {line_no} column {i}: {c!r} is not a number")
                if v != v:
                    fail(f"{name} line {line_no} column {i}: missing value (NaN)")
            positives += cells[0].startswith("1")
            rows += 1
    if rows == 0:
        fail(f"{name}: {path} has no rows")
    if positives in (0, rows):
        fail(f"{name}: every label is {positives and 1}; a classifier cannot be trained or evaluated")
    return {"rows": rows, "columns": columns, "prevalence": round(positives / rows, 4)}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--splits-dir", default="/opt/ml/processing/input/splits")
    p.add_argument("--output-dir", default="/opt/ml/processing/ci")
    args = p.parse_args(argv)
    report = {name: check_split(args.splits_dir, name) for name in SPLITS}
    widths = {r["columns"] for r in report.values()}
    if len(widths) != 1:
        fail(f"the splits disagree on the number of columns: {json.dumps({k: v['columns'] for k, v in report.items()})}")
    os.makedirs(args.output_dir, exist_ok=True)
    with open(os.path.join(args.output_dir, "ci-report.json"), "w") as f:
        json.dump(report, f, indent=1)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
