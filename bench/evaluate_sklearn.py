#!/usr/bin/python3
"""Baseline for bench/evaluate-vs-sklearn.mjs: pandas.read_csv + scikit-learn metrics.

usage: /usr/bin/python3 bench/evaluate_sklearn.py TEST_CSV PREDICTIONS [THRESHOLD] [--usecols]
Prints one JSON line: {"seconds": <read + metrics, in-process wall>, "cpu_seconds": <same, CPU>,
"process_cpu_seconds": <whole process CPU incl. imports>, "metrics": {...}}.
--usecols reads only the label column of TEST_CSV (pandas still tokenises every field).
"""
import json
import resource
import sys
import time

t0 = time.perf_counter()
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn import metrics as M  # noqa: E402

t_import = time.perf_counter() - t0


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    test_csv, predictions = args[0], args[1]
    threshold = float(args[2]) if len(args) > 2 else 0.5
    usecols = [0] if '--usecols' in sys.argv else None
    t = time.perf_counter()
    c = time.process_time()
    y = pd.read_csv(test_csv, header=None, usecols=usecols).iloc[:, 0].to_numpy()
    s = pd.read_csv(predictions, header=None).iloc[:, 0].to_numpy(dtype=np.float64)
    t_read = time.perf_counter() - t
    pred = (s >= threshold).astype(np.int64)
    out = {
        'accuracy': M.accuracy_score(y, pred),
        'precision': M.precision_score(y, pred, zero_division=0),
        'recall': M.recall_score(y, pred, zero_division=0),
        'f1': M.f1_score(y, pred, zero_division=0),
        'f0_5': M.fbeta_score(y, pred, beta=0.5, zero_division=0),
        'f2': M.fbeta_score(y, pred, beta=2, zero_division=0),
        'auc': M.roc_auc_score(y, s),
        'pr_auc': M.average_precision_score(y, s),
        'log_loss': M.log_loss(y, s, labels=[0, 1]),
    }
    tn, fp, fn, tp = M.confusion_matrix(y, pred, labels=[0, 1]).ravel()
    out.update({'tn': int(tn), 'fp': int(fp), 'fn': int(fn), 'tp': int(tp)})
    seconds = time.perf_counter() - t
    cpu = time.process_time() - c
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({'seconds': seconds, 'cpu_seconds': cpu, 'process_cpu_seconds': ru.ru_utime + ru.ru_stime,
                      'read_seconds': t_read, 'import_seconds': t_import,
                      'metrics': {k: float(v) for k, v in out.items()}}))


if __name__ == '__main__':
    main()
