"""Trains XGBoost in-process on preprocess.py's splits and prints test metrics.

Uses the kit's reference hyperparameters (max_depth 5, eta 0.2, gamma 4, min_child_weight 6,
subsample 0.8, binary:logistic, 50 rounds, eval_metric auc, tree_method hist), read from
sagemaker-actions.yml when PyYAML is available. Reference on the real Olist data: test ROC-AUC
0.730, accuracy 0.810, always-satisfied accuracy 0.756.

  /usr/bin/python3 templates/olist/code/check_auc.py --splits-dir OUT/splits [--json]
"""

import argparse
import json
import os
import sys

import numpy as np
import pandas as pd

DEFAULTS = {"max_depth": 5, "eta": 0.2, "gamma": 4, "min_child_weight": 6, "subsample": 0.8,
            "objective": "binary:logistic", "num_round": 50, "eval_metric": "auc", "tree_method": "hist"}
CONFIG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sagemaker-actions.yml")


def hyperparameters():
    try:
        import yaml
        with open(CONFIG) as f:
            hp = yaml.safe_load(f)["train"]["hyperparameters"]
        return {**DEFAULTS, **hp}
    except (ImportError, OSError, KeyError, TypeError):
        return dict(DEFAULTS)


def load(splits_dir, name):
    path = os.path.join(splits_dir, name, f"{name}.csv")
    if not os.path.isfile(path):
        sys.exit(f"check_auc: {path} not found; run preprocess.py first (--splits-dir is OUTPUT/splits)")
    df = pd.read_csv(path, header=None)
    return df.iloc[:, 1:].to_numpy(dtype=float), df.iloc[:, 0].to_numpy(dtype=int)


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--splits-dir", required=True)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    import xgboost as xgb
    from sklearn.metrics import accuracy_score, f1_score, roc_auc_score

    hp = hyperparameters()
    rounds = int(hp.pop("num_round"))
    params = {k: (float(v) if isinstance(v, (int, float)) else v) for k, v in hp.items()}
    params["max_depth"] = int(params["max_depth"])
    params["seed"] = args.seed
    data = {n: load(args.splits_dir, n) for n in ("train", "validation", "test")}
    dtrain = xgb.DMatrix(*data["train"])
    dval = xgb.DMatrix(*data["validation"])
    booster = xgb.train(params, dtrain, rounds, evals=[(dtrain, "train"), (dval, "validation")], verbose_eval=False)
    x_test, y_test = data["test"]
    prob = booster.predict(xgb.DMatrix(x_test))
    pred = (prob >= 0.5).astype(int)
    result = {
        "test_rows": int(len(y_test)),
        "roc_auc": round(float(roc_auc_score(y_test, prob)), 4),
        "accuracy": round(float(accuracy_score(y_test, pred)), 4),
        "f1": round(float(f1_score(y_test, pred)), 4),
        "always_satisfied_accuracy": round(float(np.mean(y_test == 1)), 4),
        "validation_auc": round(float(roc_auc_score(data["validation"][1], booster.predict(dval))), 4),
        "reference_real_data": {"roc_auc": 0.730, "accuracy": 0.810, "f1": 0.886, "always_satisfied_accuracy": 0.756},
    }
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:28} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
