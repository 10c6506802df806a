#!/usr/bin/env python3
"""sagemaker-local runtime for the built-in XGBoost algorithm image (sagemaker-xgboost:1.7-1).

  runtime.py train                      SM_LOCAL_ROOT=<root> stands for /opt/ml
  runtime.py serve --model-dir DIR --host 127.0.0.1 --port P

Exit status: 0 on success; 1 on failure (train writes <root>/output/failure first).
"""

import argparse
import logging
import os
import signal
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# xgboost imports scikit-learn only for its sklearn-style wrappers, which this runtime never uses;
# skipping it saves about two seconds per process start (tests, endpoint start-up).
sys.modules.setdefault("sklearn", None)

from errors import AlgorithmError, RuntimeFailure  # noqa: E402

SIGTERM_EXIT = 143


def setup_logging():
    """Log lines like the container's: [2024-05-01:12:00:00:INFO] message (stdout, flushed per line)."""
    sys.stdout.reconfigure(line_buffering=True)
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("[%(asctime)s:%(levelname)s] %(message)s", "%Y-%m-%d:%H:%M:%S"))
    logger = logging.getLogger("xgboost-runtime")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return logger


def write_failure(root, reason):
    out = os.path.join(root, "output")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "failure"), "w") as f:
        f.write(reason)


def command_train(log):
    root = os.environ.get("SM_LOCAL_ROOT")
    if not root:
        sys.stderr.write("runtime.py train: set SM_LOCAL_ROOT to the directory standing for /opt/ml\n")
        return 2

    def on_sigterm(signo, frame):
        log.info("Received SIGTERM: stopping training")
        os._exit(SIGTERM_EXIT)

    signal.signal(signal.SIGTERM, on_sigterm)
    try:
        import train

        train.run(root)
    except RuntimeFailure as e:
        log.error("Reporting training FAILURE")
        log.error(e.message)
        write_failure(root, e.failure_reason())
        return 1
    except Exception as e:  # a bug or an unexpected XGBoost failure: keep the traceback in the log
        traceback.print_exc(file=sys.stdout)
        failure = AlgorithmError("framework error: {}: {}".format(type(e).__name__, e))
        log.error("Reporting training FAILURE")
        write_failure(root, failure.failure_reason())
        return 1
    return 0


def command_serve(args, log):
    import serve

    return serve.main(args.model_dir, args.host, args.port, log)


def main(argv):
    parser = argparse.ArgumentParser(prog="runtime.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("train", help="train with SM_LOCAL_ROOT as /opt/ml")
    serve_parser = sub.add_parser("serve", help="serve a model over HTTP")
    serve_parser.add_argument("--model-dir", required=True)
    serve_parser.add_argument("--host", default="127.0.0.1")
    serve_parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    log = setup_logging()
    if args.command == "train":
        return command_train(log)
    return command_serve(args, log)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
