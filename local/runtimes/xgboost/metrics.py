"""Container-defined evaluation metrics (those XGBoost does not implement natively).

The 1.7-1 container evaluates these through xgboost.train's ``feval``, which receives raw
margins: a binary prediction is class 1 when its margin is > 0, a multiclass prediction is
the arg-max over classes. Regression metrics use the raw values.
"""

import numpy as np

from errors import UserError

CLASSIFICATION = {
    "accuracy", "balanced_accuracy", "f1", "f1_binary", "f1_macro", "precision", "precision_macro",
    "precision_micro", "recall", "recall_macro", "recall_micro",
}
REGRESSION = {"mse", "r2"}
CUSTOM_METRICS = CLASSIFICATION | REGRESSION


def split_metrics(metrics):
    """(xgboost-native metrics, container-defined metrics), each in the user's order."""
    native = [m for m in metrics if m not in CUSTOM_METRICS]
    custom = [m for m in metrics if m in CUSTOM_METRICS]
    return native, custom


def _class_labels(preds):
    preds = np.asarray(preds)
    if preds.ndim > 1 and preds.shape[1] > 1:
        return np.argmax(preds, axis=1)
    return (preds.reshape(-1) > 0.0).astype(np.int64)


def _binary_counts(y_true, y_pred):
    if len(np.union1d(np.unique(y_true), np.unique(y_pred))) > 2:
        raise UserError("Target is multiclass but average='binary'. Please choose another average setting, "
                        "one of [None, 'micro', 'macro', 'weighted'].")
    tp = float(np.sum((y_pred == 1) & (y_true == 1)))
    fp = float(np.sum((y_pred == 1) & (y_true != 1)))
    fn = float(np.sum((y_pred != 1) & (y_true == 1)))
    return tp, fp, fn


def _ratio(a, b):
    return a / b if b > 0 else 0.0


def _f1(p, r):
    return _ratio(2 * p * r, p + r)


def _per_class(y_true, y_pred):
    rows = []
    for c in np.union1d(np.unique(y_true), np.unique(y_pred)):
        tp = float(np.sum((y_pred == c) & (y_true == c)))
        rows.append((_ratio(tp, float(np.sum(y_pred == c))), _ratio(tp, float(np.sum(y_true == c)))))
    return rows


def classification_metric(name, y_true, y_pred):
    """Value of a container-defined classification metric over integer class labels."""
    if name == "accuracy" or name in ("precision_micro", "recall_micro"):
        return float(np.mean(y_true == y_pred))
    if name == "balanced_accuracy":
        classes = np.unique(y_true)
        return float(np.mean([np.mean(y_pred[y_true == c] == c) for c in classes]))
    if name in ("f1", "f1_binary", "precision", "recall"):
        tp, fp, fn = _binary_counts(y_true, y_pred)
        p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        return {"precision": p, "recall": r}.get(name, _f1(p, r))
    rows = _per_class(y_true, y_pred)
    if name == "precision_macro":
        return float(np.mean([p for p, _ in rows]))
    if name == "recall_macro":
        return float(np.mean([r for _, r in rows]))
    if name == "f1_macro":
        return float(np.mean([_f1(p, r) for p, r in rows]))
    raise ValueError("unknown metric " + name)


def regression_metric(name, y_true, y_pred):
    err = float(np.sum((y_true - y_pred) ** 2))
    if name == "mse":
        return err / len(y_true)
    total = float(np.sum((y_true - np.mean(y_true)) ** 2))
    if total == 0.0:
        return 1.0 if err == 0.0 else 0.0
    return 1.0 - err / total


def make_feval(custom):
    """An xgboost ``feval`` returning [(name, value), ...] for the given metric names."""

    def feval(preds, dmatrix):
        labels = dmatrix.get_label()
        out = []
        for name in custom:
            if name in CLASSIFICATION:
                value = classification_metric(name, labels.astype(np.int64), _class_labels(preds))
            else:
                value = regression_metric(name, labels.astype(np.float64),
                                          np.asarray(preds, dtype=np.float64).reshape(-1))
            out.append((name, value))
        return out

    return feval
