"""Script-mode inference server (the SageMaker inference toolkit's handler contract).

The user module (SAGEMAKER_PROGRAM, found in the code directory) may define model_fn(model_dir),
input_fn(body, content_type), predict_fn(data, model), output_fn(prediction, accept) or
transform_fn(model, body, content_type, accept). Missing handlers fall back to defaults: CSV or
JSON in, model.predict(data), JSON or CSV out. GET /ping, POST /invocations; an exception in user
code answers 500 with its message, as the toolkit does.
"""

import argparse
import importlib.util
import io
import json
import os
import signal
import sys
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def load_module(code_dir, program):
    sys.path.insert(0, code_dir)
    name = os.path.splitext(os.path.basename(program))[0]
    spec = importlib.util.spec_from_file_location(name, os.path.join(code_dir, program))
    if spec is None or spec.loader is None:
        raise RuntimeError("cannot load {} from {}".format(program, code_dir))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def default_input_fn(body, content_type):
    ct = (content_type or "").split(";")[0].strip().lower()
    text = body.decode("utf-8")
    if ct == "application/json":
        return json.loads(text)
    if ct == "text/csv":
        import numpy as np
        return np.atleast_2d(np.loadtxt(io.StringIO(text), delimiter=",", ndmin=2))
    raise ValueError("Content type {} is not supported by the default input_fn".format(content_type))


def default_output_fn(prediction, accept):
    ct = (accept or "application/json").split(";")[0].strip().lower()
    if hasattr(prediction, "tolist"):
        prediction = prediction.tolist()
    if ct in ("application/json", "*/*"):
        return json.dumps(prediction).encode(), "application/json"
    if ct == "text/csv":
        rows = prediction if isinstance(prediction, list) else [prediction]
        lines = [",".join(str(v) for v in r) if isinstance(r, list) else str(r) for r in rows]
        return ("\n".join(lines) + "\n").encode(), "text/csv"
    raise ValueError("Accept {} is not supported by the default output_fn".format(accept))


class Handlers:
    def __init__(self, module, model_dir):
        self.module = module
        model_fn = getattr(module, "model_fn", None)
        if model_fn is None:
            raise RuntimeError("the inference script defines no model_fn(model_dir)")
        self.model = model_fn(model_dir)

    def invoke(self, body, content_type, accept):
        m = self.module
        if hasattr(m, "transform_fn"):
            out = m.transform_fn(self.model, body, content_type, accept)
            if isinstance(out, tuple):
                return (out[0].encode() if isinstance(out[0], str) else out[0]), out[1]
            return (out.encode() if isinstance(out, str) else out), accept or "application/json"
        data = (getattr(m, "input_fn", None) or default_input_fn)(body, content_type)
        predict = getattr(m, "predict_fn", None)
        prediction = predict(data, self.model) if predict else self.model.predict(data)
        output_fn = getattr(m, "output_fn", None)
        if output_fn is None:
            return default_output_fn(prediction, accept)
        out = output_fn(prediction, accept)
        if isinstance(out, tuple):
            return (out[0].encode() if isinstance(out[0], str) else out[0]), out[1]
        return (out.encode() if isinstance(out, str) else out), accept or "application/json"


def make_handler(handlers):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):
            pass

        def _send(self, status, body=b"", content_type="text/plain"):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            if self.path.split("?", 1)[0] == "/ping":
                self._send(200)
            else:
                self._send(404, b"Not Found")

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length > 0 else b""
            if self.path.split("?", 1)[0] != "/invocations":
                self._send(404, b"Not Found")
                return
            try:
                out, ct = handlers.invoke(body, self.headers.get("Content-Type"), self.headers.get("Accept"))
                self._send(200, out, ct)
            except Exception as e:  # the toolkit answers 500 with the error
                sys.stderr.write(traceback.format_exc())
                sys.stderr.flush()
                self._send(500, str(e).encode())

    return Handler


def main(argv):
    parser = argparse.ArgumentParser(prog="serve.py")
    parser.add_argument("--code-dir", required=True)
    parser.add_argument("--program", required=True)
    parser.add_argument("--model-dir", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    try:
        handlers = Handlers(load_module(args.code_dir, args.program), args.model_dir)
    except Exception:
        sys.stderr.write(traceback.format_exc())
        return 1
    server = ThreadingHTTPServer((args.host, args.port), make_handler(handlers))
    server.daemon_threads = True
    signal.signal(signal.SIGTERM, lambda s, f: threading.Thread(target=server.shutdown, daemon=True).start())
    print("serving on http://{}:{}".format(args.host, args.port), flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
