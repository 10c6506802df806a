"""`runtime.py train`: the algorithm-mode training of sagemaker-xgboost:1.7-1 on local files."""

import json
import logging
import os
import shutil
import tempfile

import data
import hyperparameters as hpv
import metrics as custom_metrics
from errors import AlgorithmError, UserError, xgboost_message

MODEL_NAME = "xgboost-model"
CHANNELS = ("train", "validation", "code")
# Messages from XGBoost that mean bad user input (ClientError rather than AlgorithmError).
CUSTOMER_ERRORS = [
    "label must be in [0,1] for logistic regression",
    "label must be in [0, num_class)",
    "Target is multiclass but average='binary'",
    "feature_names mismatch",
    "Check failed: preds.size() == info.labels_.size()",
    "Check failed: !auc_error AUC: the dataset only contains pos or neg samples",
    "base_score must be in (0,1) for logistic loss",
    "label must be nonnegative",
    "Parameter reg_lambda should be greater equal to 0",
]

log = logging.getLogger("xgboost-runtime")


def read_json(path, default):
    if not os.path.exists(path):
        return default
    try:
        with open(path) as f:
            return json.load(f)
    except ValueError as e:
        raise UserError("{} is not valid JSON: {}".format(os.path.basename(path), e))


def log_hyperparameters(raw):
    """The framework's environment parsing logs every value that is not JSON (cosmetic, as on AWS)."""
    for name, value in raw.items():
        try:
            json.loads(value)
        except (TypeError, ValueError):
            log.info("Failed to parse hyperparameter %s value %s to Json.\nReturning the value itself", name, value)


def validate_channels(data_config):
    if not isinstance(data_config, dict):
        raise UserError("inputdataconfig.json must hold a JSON object of channels")
    if "train" not in data_config:
        raise UserError("Missing required channel: train")
    for name, value in data_config.items():
        if name not in CHANNELS:
            raise UserError("Extraneous channel found: {}".format(name))
        if not isinstance(value, dict):
            raise UserError("Channel configuration for '{}' channel is not supported: {}".format(name, value))
        media = value.get("ContentType")
        if media is not None and data.parse_media_type(media)[0] not in data.ACCEPTED:
            raise UserError("Channel configuration for '{}' channel is not supported: {}".format(name, value))
    return data_config


def _channel_data(name, path, fmt, csv_weights, tmp_root):
    files = data.data_files(path) if os.path.exists(path) else []
    if not files or data.total_size(files) == 0:
        return None
    log.info("File path %s of input files", path)
    data.validate_files(files, fmt)
    return data.load_dmatrix(path, files, fmt, csv_weights if name == "train" else 0, tmp_root)


def _callbacks(hp, dval):
    """Per-round evaluation lines, plus early stopping exactly when the container enables it.

    XGBoost 1.7 keeps callbacks in a set and stops calling them once one asks to stop, so the
    container sometimes loses the last round line of an early-stopped job; here they run in order.
    """
    import xgboost as xgb

    callbacks = [xgb.callback.EvaluationMonitor()]
    rounds = hp.get("early_stopping_rounds")
    if rounds:
        # The container watches the tuning metric, else the last eval_metric, on the validation set only.
        metric = hpv.tuning_metric(hp) or (hp.get("eval_metric") or [None])[-1]
        if dval is None or metric is None:
            log.warning("early_stopping_rounds is ignored without a validation channel and an eval_metric "
                        "(as on SageMaker)")
        else:
            callbacks.append(xgb.callback.EarlyStopping(rounds=rounds, data_name="validation", metric_name=metric,
                                                        maximize=metric in hpv.MAXIMIZE_METRICS, save_best=True))
    return [_ordered(callbacks)]


def _ordered(callbacks):
    """One callback running the given ones in list order (every one sees every iteration)."""
    import xgboost as xgb

    class Ordered(xgb.callback.TrainingCallback):
        def before_training(self, model):
            for c in callbacks:
                model = c.before_training(model)
            return model

        def after_training(self, model):
            for c in callbacks:
                model = c.after_training(model)
            return model

        def before_iteration(self, model, epoch, evals_log):
            return any([c.before_iteration(model, epoch, evals_log) for c in callbacks])

        def after_iteration(self, model, epoch, evals_log):
            return any([c.after_iteration(model, epoch, evals_log) for c in callbacks])

    return Ordered()


def _train(hp, dtrain, dval):
    import xgboost as xgb

    metric_names = list(hp.get("eval_metric") or [])
    tuning = hpv.tuning_metric(hp)
    if tuning:
        log.info("Setting up HPO optimized metric to be : %s", tuning)
        if tuning not in metric_names:
            metric_names.append(tuning)
    native, custom = custom_metrics.split_metrics(metric_names)
    params = hpv.xgboost_params(hp, os.cpu_count() or 1)
    if native:
        params["eval_metric"] = native
    watchlist = [(dtrain, "train")] + ([(dval, "validation")] if dval is not None else [])
    try:
        return xgb.train(params, dtrain, num_boost_round=hp["num_round"], evals=watchlist,
                         feval=custom_metrics.make_feval(custom) if custom else None,
                         callbacks=_callbacks(hp, dval), verbose_eval=False)
    except UserError:
        raise
    except Exception as e:
        text = xgboost_message(e)
        if any(known in text for known in CUSTOMER_ERRORS):
            raise UserError(text)
        raise AlgorithmError("XGB train call failed with exception:\n {}".format(text))


def run(root):
    """Train from <root>/input into <root>/model/xgboost-model."""
    config_dir = os.path.join(root, "input", "config")
    raw_hp = read_json(os.path.join(config_dir, "hyperparameters.json"), {})
    data_config = read_json(os.path.join(config_dir, "inputdataconfig.json"), None)
    resources = read_json(os.path.join(config_dir, "resourceconfig.json"), {})
    data_root = os.path.join(root, "input", "data")
    if data_config is None:
        present = sorted(os.listdir(data_root)) if os.path.isdir(data_root) else []
        data_config = {name: {"TrainingInputMode": "File"} for name in present}

    if isinstance(raw_hp, dict):
        log_hyperparameters(raw_hp)
    log.info("Running XGBoost Sagemaker in algorithm mode")
    hp = hpv.validate(raw_hp)
    channels = validate_channels(data_config)
    if "_kfold" in hp:
        raise UserError("Hyperparameter _kfold (k-fold cross validation) is not emulated by sagemaker-local; "
                        "remove it to train locally.")
    if hp.get("use_dask_gpu_training") == "true":
        raise UserError("use_dask_gpu_training=true needs GPU instances; sagemaker-local trains on CPU only.")
    fmt = data.content_format(channels["train"].get("ContentType"))
    if fmt == data.LIBSVM and channels["train"].get("TrainingInputMode") == "Pipe":
        raise UserError("Pipe mode not supported for LibSVM.")

    hosts = resources.get("hosts") or ["algo-1"]
    if len(hosts) > 1:
        log.warning("Distributed training over %d hosts is not emulated; training on %s's data only.",
                    len(hosts), resources.get("current_host", "algo-1"))

    # Inside the job root, so the emulator's clean-up also removes it after a SIGTERM.
    os.makedirs(os.path.join(root, "tmp"), exist_ok=True)
    tmp_root = tempfile.mkdtemp(prefix="sagemaker-xgboost-", dir=os.path.join(root, "tmp"))
    try:
        train_path = os.path.join(data_root, "train")
        val_path = os.path.join(data_root, "validation")
        dtrain = _channel_data("train", train_path, fmt, hp.get("csv_weights", 0), tmp_root)
        dval = _channel_data("validation", val_path, fmt, 0, tmp_root) if "validation" in channels else None
        if dtrain is None:
            raise UserError("No data in training channel path {}".format(train_path))
        if "validation" in channels and dval is None:
            raise UserError("No data in validation channel path {}".format(val_path))
        log.info("Single node training.")
        log.info("Train matrix has %d rows and %d columns", dtrain.num_row(), dtrain.num_col())
        if dval is not None:
            log.info("Validation matrix has %d rows", dval.num_row())
        booster = _train(hp, dtrain, dval)
    finally:
        shutil.rmtree(tmp_root, ignore_errors=True)

    model_dir = os.path.join(root, "model")
    os.makedirs(model_dir, exist_ok=True)
    booster.save_model(os.path.join(model_dir, MODEL_NAME))
    log.debug("Stored trained model at %s", os.path.join(model_dir, MODEL_NAME))
