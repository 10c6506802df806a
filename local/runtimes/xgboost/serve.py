"""`runtime.py serve`: the inference server of sagemaker-xgboost:1.7-1 on the standard library.

GET /ping, GET /execution-parameters, POST /invocations; threaded, HTTP/1.1 keep-alive.
"""

import json
import os
import pickle
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import xgboost as xgb

import payload
from errors import xgboost_message

MODEL_PREFIX = "xgboost-model"


def model_files(model_dir):
    """xgboost-model (or xgboost-model-<fold> files), else the directory's single file."""
    if not os.path.isdir(model_dir):
        raise RuntimeError("Model directory {} does not exist".format(model_dir))
    files = sorted(f for f in os.listdir(model_dir)
                   if os.path.isfile(os.path.join(model_dir, f)) and not f.startswith("."))
    if MODEL_PREFIX in files:
        return [os.path.join(model_dir, MODEL_PREFIX)]
    named = [f for f in files if f.startswith(MODEL_PREFIX)]
    if named:
        return [os.path.join(model_dir, f) for f in named]
    if len(files) == 1:
        return [os.path.join(model_dir, files[0])]
    raise RuntimeError("Model directory {} holds no {} file (found: {})".format(
        model_dir, MODEL_PREFIX, ", ".join(files) or "nothing"))


def load_booster(path):
    booster = xgb.Booster()
    try:
        booster.load_model(path)
        return booster
    except xgb.core.XGBoostError as xgb_error:
        try:  # models of the 0.90 containers were pickled Boosters
            with open(path, "rb") as f:
                loaded = pickle.load(f)
        except Exception:
            raise RuntimeError("Unable to load model {}: {}".format(path, xgb_error))
        if not isinstance(loaded, xgb.Booster):
            raise RuntimeError("Unable to load model {}: not an XGBoost model".format(path))
        return loaded


class Model:
    """One or more boosters (k-fold models are averaged); predict is serialized by a lock."""

    def __init__(self, paths):
        self.boosters = [load_booster(p) for p in paths]
        config = json.loads(self.boosters[0].save_config())
        learner = config["learner"]
        self.objective = learner["objective"]["name"]
        self.booster_type = learner["gradient_booster"]["name"]
        self.num_features = self.boosters[0].num_features()
        self.inplace = self.booster_type in ("gbtree", "dart")  # gblinear has no in-place prediction
        self.lock = threading.Lock()

    def _iteration_range(self, booster):
        best = booster.attr("best_iteration")
        if best is None or self.booster_type == "gblinear":
            return (0, 0)
        return (0, int(best) + 1)

    def predict(self, data):
        columns = data.shape[1]
        if columns > self.num_features:
            raise ValueError("Feature size of inference data {} is larger than feature size of trained model {}."
                             .format(columns, self.num_features))
        if isinstance(data, np.ndarray) and columns < self.num_features:
            # Trailing features absent from the request are missing values, as with a DMatrix.
            pad = np.full((data.shape[0], self.num_features - columns), np.nan, dtype=data.dtype)
            data = np.hstack([data, pad])
        outputs = []
        with self.lock:
            for booster in self.boosters:
                if self.inplace and isinstance(data, np.ndarray):
                    outputs.append(booster.inplace_predict(data, iteration_range=self._iteration_range(booster),
                                                           validate_features=False))
                else:
                    matrix = xgb.DMatrix(data)
                    outputs.append(booster.predict(matrix, iteration_range=self._iteration_range(booster),
                                                   validate_features=False))
        return outputs[0] if len(outputs) == 1 else np.mean(outputs, axis=0)


def execution_parameters():
    return {"MaxConcurrentTransforms": os.cpu_count() or 1, "BatchStrategy": "MULTI_RECORD", "MaxPayloadInMB": 6}


def make_handler(model, log):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "sagemaker-local-xgboost"

        def log_message(self, fmt, *args):  # access logs would flood the endpoint log
            pass

        def _send(self, status, body=b"", content_type="text/plain"):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _body(self):
            if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
                chunks = []
                while True:
                    size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                    if size == 0:
                        self.rfile.readline()
                        return b"".join(chunks)
                    chunks.append(self.rfile.read(size))
                    self.rfile.readline()
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length > 0 else b""

        def do_GET(self):
            path = self.path.split("?", 1)[0]
            if path == "/ping":
                self._send(200)
            elif path == "/execution-parameters":
                self._send(200, json.dumps(execution_parameters()).encode(), "application/json")
            else:
                self._send(404, b"Not Found")

        def do_POST(self):
            path = self.path.split("?", 1)[0]
            body = self._body()
            if path != "/invocations":
                self._send(404, b"Not Found")
                return
            if not body.strip():
                self._send(204)
                return
            try:
                accept = payload.response_content_type(self.headers.get("Accept"))
            except payload.AcceptError as e:
                self._send(406, str(e).encode())
                return
            try:
                content_type = payload.request_content_type(self.headers.get("Content-Type"))
                if content_type == payload.CSV:
                    data = payload.parse_csv(body)
                else:
                    data = payload.parse_libsvm(body)
            except payload.PayloadError as e:
                log.error(str(e))
                self._send(415, str(e).encode())
                return
            try:
                preds = model.predict(data)
            except Exception as e:
                message = "Unable to evaluate payload provided: {}".format(xgboost_message(e))
                log.error(message)
                self._send(400, message.encode())
                return
            self._send(200, payload.encode(preds, accept), accept)

    return Handler


def main(model_dir, host, port, log):
    try:
        model = Model(model_files(model_dir))
    except Exception as e:
        log.error("Unable to load model: %s", e)
        return 1
    log.info("Model loaded successfully (objective %s, %d features)", model.objective, model.num_features)
    server = ThreadingHTTPServer((host, port), make_handler(model, log))
    server.daemon_threads = True

    def stop(signo, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    bound_host, bound_port = server.server_address[:2]
    sys.stdout.write("serving on http://{}:{}\n".format(bound_host, bound_port))
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
    log.info("Server stopped")
    return 0
