"""Scores the trained Olist model on the test split: a SageMaker processing-job script.

Reads model.tar.gz (the built-in XGBoost algorithm's output: xgboost-model inside) from --model-dir
and test.csv (label first, no header) from --test-dir, predicts P(satisfied), and writes the
SageMaker model-quality report (the Model Monitor format the kit's evaluate action writes too)
to --output-dir/evaluation.json:

  {"binary_classification_metrics": {"confusion_matrix": {...}, "auc": {"value": 0.72,
   "standard_deviation": 0.004}, "accuracy": {...}, ...}, "dataset": {"item_count": N}}

Standard deviations follow Model Monitor: with at least 200 rows, the spread of the metric over 5
random 80 % samples; otherwise "NaN". A metric that cannot be computed (e.g. AUC on a single
class) is written as "NaN", so a quality gate on it fails instead of passing by accident.

  python3 evaluate.py --model-dir /opt/ml/processing/model --test-dir /opt/ml/processing/test \
      --output-dir /opt/ml/processing/evaluation [--threshold 0.5]
"""

import argparse
import glob
import json
import os
import sys
import tarfile

import numpy as np


def load_booster(model_dir):
    import xgboost as xgb

    archives = glob.glob(os.path.join(model_dir, "**", "model.tar.gz"), recursive=True)
    if not archives:
        sys.exit(f"evaluate: no model.tar.gz under {model_dir}")
    extract = os.path.join(model_dir, "extracted")
    with tarfile.open(archives[0]) as tar:
        tar.extractall(extract)
    path = os.path.join(extract, "xgboost-model")
    if not os.path.isfile(path):
        sys.exit(f"evaluate: {archives[0]} holds no xgboost-model file")
    booster = xgb.Booster()
    booster.load_model(path)
    return booster


def load_test(test_dir):
    import pandas as pd

    files = sorted(glob.glob(os.path.join(test_dir, "**", "*.csv"), recursive=True))
    if not files:
        sys.exit(f"evaluate: no CSV under {test_dir}")
    df = pd.concat([pd.read_csv(f, header=None) for f in files], ignore_index=True)
    return df.iloc[:, 1:].to_numpy(dtype=float), df.iloc[:, 0].to_numpy(dtype=int)


def metric_values(y, prob, threshold):
    from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score, roc_auc_score

    pred = (prob >= threshold).astype(int)
    majority = int(np.mean(y) >= 0.5)
    constant = np.full_like(y, majority)
    values = {
        "recall": recall_score(y, pred, zero_division=0),
        "precision": precision_score(y, pred, zero_division=0),
        "accuracy": accuracy_score(y, pred),
        "recall_best_constant_classifier": recall_score(y, constant, zero_division=0),
        "precision_best_constant_classifier": precision_score(y, constant, zero_division=0),
        "accuracy_best_constant_classifier": accuracy_score(y, constant),
        "auc": roc_auc_score(y, prob) if len(set(y.tolist())) == 2 else float("nan"),
        "f1": f1_score(y, pred, zero_division=0),
    }
    return {k: float(v) for k, v in values.items()}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model-dir", default="/opt/ml/processing/model")
    p.add_argument("--test-dir", default="/opt/ml/processing/test")
    p.add_argument("--output-dir", default="/opt/ml/processing/evaluation")
    p.add_argument("--threshold", type=float, default=0.5)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    import xgboost as xgb

    booster = load_booster(args.model_dir)
    x, y = load_test(args.test_dir)
    prob = booster.predict(xgb.DMatrix(x))
    values = metric_values(y, prob, args.threshold)
    spread = {k: "NaN" for k in values}
    if len(y) >= 200:
        rng = np.random.default_rng(args.seed)
        samples = [metric_values(y[idx], prob[idx], args.threshold)
                   for idx in (rng.choice(len(y), int(0.8 * len(y)), replace=False) for _ in range(5))]
        spread = {k: float(np.std([s[k] for s in samples])) for k in values}
    pred = (prob >= args.threshold).astype(int)
    confusion = {str(a): {str(b): int(np.sum((y == a) & (pred == b))) for b in (0, 1)} for a in (0, 1)}
    block = {"confusion_matrix": confusion}
    for k, v in values.items():
        sd = spread[k]
        block[k] = {"value": v if v == v else "NaN",
                    "standard_deviation": sd if sd == "NaN" or sd == sd else "NaN"}
    report = {"binary_classification_metrics": block, "dataset": {"item_count": int(len(y))}}
    os.makedirs(args.output_dir, exist_ok=True)
    with open(os.path.join(args.output_dir, "evaluation.json"), "w") as f:
        json.dump(report, f, indent=1)
    print(f"test rows {len(y)}  auc {values['auc']:.4f}  accuracy {values['accuracy']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
