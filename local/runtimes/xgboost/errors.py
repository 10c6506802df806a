"""Error classes mirroring the SageMaker algorithm toolkit.

The real container writes ``ClientError: <message>`` to /opt/ml/output/failure for
problems the user can fix (data, hyperparameters) and ``AlgorithmError: <message>``
for failures inside training.
"""

FAILURE_LIMIT = 1024


class RuntimeFailure(Exception):
    """Base class: an error that ends the job with a FailureReason."""

    prefix = "AlgorithmError"

    def __init__(self, message, caused_by=None):
        if caused_by is not None:
            message = "{} (caused by {})".format(message, type(caused_by).__name__)
        super().__init__(message)
        self.message = message

    def failure_reason(self):
        """One paragraph, at most FAILURE_LIMIT characters, as the service shows it."""
        text = "{}: {}".format(self.prefix, " ".join(self.message.split()))
        return text[:FAILURE_LIMIT]


class UserError(RuntimeFailure):
    """Caused by user input: bad hyperparameters, bad data, bad channel configuration."""

    prefix = "ClientError"


class AlgorithmError(RuntimeFailure):
    """An unexpected failure while training."""

    prefix = "AlgorithmError"


def xgboost_message(error):
    """An XGBoost error without its native stack trace ('Stack trace:' and the [bt] lines)."""
    text = str(error)
    cut = text.find("Stack trace:")
    return (text[:cut] if cut >= 0 else text).strip()
