"""Hyperparameter validation with the rules and messages of the sagemaker-xgboost:1.7-1 container.

hyperparameters.json holds strings only. Validation runs in the container's order: required
names, then parsing (unknown names rejected), then ranges, then cross-parameter dependencies.
"""

import ast

from errors import UserError

MAXIMIZE_METRICS = [
    "accuracy", "auc", "aucpr", "balanced_accuracy", "f1", "f1_binary", "f1_macro", "map", "ndcg",
    "precision", "r2", "recall", "precision_macro", "precision_micro", "recall_macro", "recall_micro",
]
MINIMIZE_METRICS = [
    "aft-nloglik", "cox-nloglik", "error", "gamma-deviance", "gamma-nloglik",
    "interval-regression-accuracy", "logloss", "mae", "mape", "merror", "mlogloss", "mphe", "mse",
    "poisson-nloglik", "rmse", "rmsle", "tweedie-nloglik",
]
ALL_METRICS = MAXIMIZE_METRICS + MINIMIZE_METRICS
TUNING_METRIC_NAMES = ["{}:{}".format(c, m) for c in ("train", "validation") for m in ALL_METRICS]

OBJECTIVES = [
    "aft_loss_distribution", "binary:logistic", "binary:logitraw", "binary:hinge", "count:poisson",
    "multi:softmax", "multi:softprob", "rank:pairwise", "rank:ndcg", "rank:map", "reg:linear",
    "reg:squarederror", "reg:logistic", "reg:gamma", "reg:pseudohubererror", "reg:squaredlogerror",
    "reg:tweedie", "survival:aft", "survival:cox",
]
UPDATERS = [
    "grow_colmaker", "distcol", "grow_histmaker", "grow_local_histmaker", "grow_skmaker", "sync",
    "refresh", "prune", "grow_quantile_histmaker", "shotgun", "coord_descent",
]
TREE_UPDATERS = [u for u in UPDATERS if u not in ("shotgun", "coord_descent")]
TREE_GROW_UPDATERS = ["grow_colmaker", "distcol", "grow_histmaker", "grow_local_histmaker",
                      "grow_quantile_histmaker"]
LINEAR_UPDATERS = ["shotgun", "coord_descent"]

# Hyperparameters the container consumes itself; never passed to xgboost.train params.
CONTAINER_ONLY = {
    "num_round", "csv_weights", "early_stopping_rounds", "_kfold", "_num_cv_round",
    "_tuning_objective_metric", "save_model_on_termination", "eval_metric", "use_dask_gpu_training",
}
ALIASES = {"learning_rate": "eta", "min_split_loss": "gamma", "reg_lambda": "lambda", "reg_alpha": "alpha"}


class Interval:
    """A numeric range printed like the toolkit does: [0, 1], (0, 1], [1, +inf)."""

    def __init__(self, lo=None, hi=None, lo_open=False, hi_open=False):
        self.lo, self.hi, self.lo_open, self.hi_open = lo, hi, lo_open, hi_open

    def __contains__(self, v):
        if self.lo is not None and (v <= self.lo if self.lo_open else v < self.lo):
            return False
        if self.hi is not None and (v >= self.hi if self.hi_open else v > self.hi):
            return False
        return True

    def __str__(self):
        left = "(-inf, " if self.lo is None else ("(" if self.lo_open else "[") + "{}, ".format(self.lo)
        right = "+inf)" if self.hi is None else "{}".format(self.hi) + (")" if self.hi_open else "]")
        return left + right


def _int(lo=None, hi=None, lo_open=False, hi_open=False, required=False):
    return {"kind": "int", "range": Interval(lo, hi, lo_open, hi_open), "required": required}


def _float(lo=None, hi=None, lo_open=False, hi_open=False):
    return {"kind": "float", "range": Interval(lo, hi, lo_open, hi_open), "required": False}


def _cat(values):
    return {"kind": "cat", "range": list(values), "required": False}


SPECS = {
    "num_round": _int(1, required=True),
    "csv_weights": _int(0, 1),
    "early_stopping_rounds": _int(1),
    "booster": _cat(["gbtree", "gblinear", "dart"]),
    "verbosity": _int(0, 3),
    "nthread": _int(1),
    "eta": _float(0, 1),
    "gamma": _float(0),
    "max_depth": _int(0),
    "min_child_weight": _float(0),
    "max_delta_step": _float(0),
    "subsample": _float(0, 1, lo_open=True),
    "colsample_bytree": _float(0, 1, lo_open=True),
    "colsample_bylevel": _float(0, 1, lo_open=True),
    "colsample_bynode": _float(0, 1, lo_open=True),
    "lambda": _float(0),
    "alpha": _float(0),
    "tree_method": _cat(["auto", "exact", "approx", "hist", "gpu_hist"]),
    "sketch_eps": _float(0, 1, lo_open=True, hi_open=True),
    "scale_pos_weight": _float(0, lo_open=True),
    "updater": {"kind": "list", "range": UPDATERS, "required": False},
    "dsplit": _cat(["row", "col"]),
    "refresh_leaf": _int(0, 1),
    "process_type": _cat(["default", "update"]),
    "grow_policy": _cat(["depthwise", "lossguide"]),
    "max_leaves": _int(0),
    "max_bin": _int(0),
    "predictor": _cat(["auto", "cpu_predictor", "gpu_predictor"]),
    "monotone_constraints": {"kind": "tuple", "range": [-1, 0, 1], "required": False},
    "interaction_constraints": {"kind": "nested", "range": Interval(1), "required": False},
    "sample_type": _cat(["uniform", "weighted"]),
    "normalize_type": _cat(["tree", "forest"]),
    "rate_drop": _float(0, 1),
    "one_drop": _int(0, 1),
    "skip_drop": _float(0, 1),
    "lambda_bias": _float(0, 1),
    "tweedie_variance_power": _float(1, 2, lo_open=True, hi_open=True),
    "objective": _cat(OBJECTIVES),
    "num_class": _int(2),
    "base_score": _float(0),
    "_kfold": _int(2),
    "_num_cv_round": _int(1),
    "_tuning_objective_metric": _cat(TUNING_METRIC_NAMES),
    "eval_metric": {"kind": "metrics", "range": ALL_METRICS, "required": False},
    "seed": _int(-(2 ** 31), 2 ** 31 - 1, lo_open=True, hi_open=True),
    "num_parallel_tree": _int(1),
    "save_model_on_termination": _cat(["true", "false"]),
    "aft_loss_distribution": _cat(["normal", "logistic", "extreme"]),
    "aft_loss_distribution_scale": _float(0),
    "single_precision_histogram": _cat(["true", "false"]),
    "deterministic_histogram": _cat(["true", "false"]),
    "sampling_method": _cat(["uniform", "gradient_based"]),
    "prob_buffer_row": _int(1.0, lo_open=True),
    "use_dask_gpu_training": _cat(["true", "false"]),
}


def _spec(name):
    return SPECS.get(ALIASES.get(name, name))


def _parse(kind, value):
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind in ("list", "metrics"):
        return value.split(",")
    if kind in ("tuple", "nested"):
        try:
            parsed = ast.literal_eval(value)
        except (SyntaxError, ValueError) as e:
            raise ValueError(str(e))
        if kind == "tuple":
            if isinstance(parsed, int):
                parsed = (parsed,)
            if not isinstance(parsed, (tuple, list)):
                raise ValueError("expected a tuple such as (1,0,-1)")
            return tuple(parsed)
        if not isinstance(parsed, list) or not all(isinstance(x, list) for x in parsed):
            raise ValueError("expected a nested list such as [[0,1],[2,3]]")
        return parsed
    return value


def _metric_in_range(metric):
    if "<function" in metric:
        raise UserError("User defined evaluation metric {} is not supported yet.".format(metric))
    if "@" in metric:
        name, threshold = (part.strip() for part in metric.split("@", 1))
        if name not in ("error", "ndcg", "map"):
            raise UserError(
                "Metric '{}' is not supported. Parameter 'eval_metric' with customized threshold should "
                "be one of these options: 'error', 'ndcg', 'map'.".format(metric))
        try:
            float(threshold)
        except ValueError:
            raise UserError("Threshold value 't' in '{}@t' expects float input.".format(name))
        return True
    return metric in ALL_METRICS


def _check_range(name, spec, value):
    kind, rng = spec["kind"], spec["range"]
    if kind in ("int", "float", "cat"):
        if value not in rng:
            raise UserError("Hyperparameter {}: {} is not in {}".format(name, value, rng))
    elif kind == "list":
        if any(v not in rng for v in value):
            raise UserError("Hyperparameter {}: value {} not in range {}".format(name, value, rng))
    elif kind == "metrics":
        if not all(_metric_in_range(v) for v in value):
            raise UserError("Hyperparameter {}: value {} not in range {}".format(name, value, rng))
    elif kind == "tuple":
        if any(v not in rng for v in value):
            raise UserError("Hyperparameter {}: value {} not in range {}".format(name, value, rng))
    elif kind == "nested":
        if any(not isinstance(v, int) or v not in rng for outer in value for v in outer):
            raise UserError("Hyperparameter {}: value {} not in range {}".format(name, value, rng))


def _check_updater(value, booster, process_type):
    if booster == "gblinear":
        if not (len(value) == 1 and value[0] in LINEAR_UPDATERS):
            raise UserError("Linear updater should be one of these options: 'shotgun', 'coord_descent'.")
    elif process_type == "update":
        if not all(v in ("refresh", "prune") for v in value):
            raise UserError("process_type 'update' can only be used with updater 'refresh' and 'prune'")
    else:
        if not all(v in TREE_UPDATERS for v in value):
            raise UserError(
                "Tree updater should be selected from these options: 'grow_colmaker', 'distcol', "
                "'grow_histmaker', 'grow_local_histmaker', 'grow_skmaker', 'grow_quantile_histmaker', "
                "'sync', 'refresh', 'prune', 'shortgun', 'coord_descent'.")
        if sum(1 for v in value if v in TREE_GROW_UPDATERS) > 1:
            raise UserError(
                "Only one tree grow plugin can be selected. Choose one from the following: "
                "'grow_colmaker', 'distcol', 'grow_histmaker', 'grow_local_histmaker', 'grow_skmaker'")


def _check_dependencies(hp):
    objective = hp.get("objective", "reg:squarederror")
    if objective in ("multi:softmax", "multi:softprob") and "num_class" not in hp:
        raise UserError("Require input for parameter 'num_class' for multi-classification")
    metrics = hp.get("eval_metric")
    if metrics is not None:
        if "auc" in metrics and not (objective.startswith("binary:") or objective.startswith("rank:")):
            raise UserError("Metric 'auc' can only be applied for classification and ranking problems.")
        if "aft-nloglik" in metrics and objective != "survival:aft":
            raise UserError("Metric 'aft-nloglik' can only be applied for 'survival:aft' objective.")
    tree_method = hp.get("tree_method")
    if "monotone_constraints" in hp and tree_method not in ("exact", "hist"):
        raise UserError("monotone_constraints can be used only when the tree_method parameter is set to "
                        "either 'exact' or 'hist'.")
    if "interaction_constraints" in hp and tree_method not in ("exact", "hist", "approx"):
        raise UserError("interaction_constraints can be used only when the tree_method parameter is set to "
                        "either 'exact', 'hist' or 'approx'.")
    if "updater" in hp:
        _check_updater(hp["updater"], hp.get("booster"), hp.get("process_type"))


def validate(raw):
    """Validate the hyperparameters.json mapping; returns a dict of typed values."""
    if not isinstance(raw, dict):
        raise UserError("hyperparameters.json must hold a JSON object, got {}".format(type(raw).__name__))
    for name, spec in SPECS.items():
        if spec["required"] and name not in raw:
            raise UserError("Missing required hyperparameter: {}".format(name))
    parsed = {}
    for name, value in raw.items():
        spec = _spec(name)
        if spec is None:
            raise UserError("Extraneous hyperparameter found: {}".format(name))
        try:
            parsed[name] = _parse(spec["kind"], value if isinstance(value, str) else str(value))
        except ValueError as e:
            raise UserError("Hyperparameter {}: could not parse value".format(name), caused_by=e)
    for name, value in parsed.items():
        _check_range(name, _spec(name), value)
    _check_dependencies(parsed)
    return parsed


def tuning_metric(hp):
    """The metric named by _tuning_objective_metric ('validation:auc' -> 'auc'), or None."""
    value = hp.get("_tuning_objective_metric")
    return value.split(":", 1)[1] if value else None


def xgboost_params(hp, cpu_count):
    """The params dict handed to xgboost.train (container-only names removed)."""
    params = {}
    for name, value in hp.items():
        if name in CONTAINER_ONLY:
            continue
        if name == "updater":
            value = ",".join(value)
        elif name == "monotone_constraints":
            value = "(" + ",".join(str(v) for v in value) + ")"
        elif name == "interaction_constraints":
            value = str(value)
        params[name] = value
    params.setdefault("nthread", cpu_count)
    return params
