"""Training data: channel content types, file discovery, format checks and DMatrix loading.

Like the real container, every data file of a channel (nested folders included; names starting
with '.' or '_' skipped) is linked into one temporary folder that XGBoost's own CSV/LIBSVM
parser reads, with the CSV delimiter sniffed from the first line.
"""

import csv
import logging
import os
import tempfile

import xgboost as xgb

from errors import UserError

CSV = "csv"
LIBSVM = "libsvm"
ACCEPTED = [
    "csv", "libsvm", "parquet", "recordio-protobuf", "text/csv", "text/libsvm", "text/x-libsvm",
    "application/x-parquet", "application/x-recordio-protobuf",
]
NOT_EMULATED = {"parquet", "recordio-protobuf", "application/x-parquet", "application/x-recordio-protobuf"}

log = logging.getLogger("xgboost-runtime")


def parse_media_type(value):
    """('text/csv', {'label_size': '1'}) from 'text/csv;label_size=1' (lower-cased)."""
    parts = [p.strip() for p in value.lower().split(";")]
    params = {}
    for p in parts[1:]:
        if "=" in p:
            k, v = p.split("=", 1)
            params[k.strip()] = v.strip().strip('"')
    return parts[0], params


def content_format(content_type):
    """'csv' or 'libsvm' for a channel ContentType (missing -> libsvm, as the real container)."""
    if content_type is None:
        return LIBSVM
    media, params = parse_media_type(content_type)
    if media in ("csv", "text/csv"):
        if "label_size" in params and params["label_size"] != "1":
            raise UserError("{} is not an accepted csv ContentType. Optional parameter label_size must be "
                            "equal to 1".format(content_type))
        return CSV
    if media in ("libsvm", "text/libsvm", "text/x-libsvm"):
        return LIBSVM
    if media in NOT_EMULATED:
        raise UserError("{} is accepted by the real container but not emulated by sagemaker-local; convert the "
                        "channel to text/csv or text/libsvm.".format(content_type))
    raise UserError("{} is not an accepted ContentType: {}.".format(content_type, ", ".join(ACCEPTED)))


def data_files(path):
    """Every data file under path (a file or a folder, searched recursively), sorted."""
    if os.path.isfile(path):
        return [path]
    found = []
    for root, dirs, files in os.walk(path, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.startswith("_"):
                continue
            if ".cache" in name and ("dtrain" in name or "dval" in name):
                continue
            full = os.path.join(root, name)
            if os.path.isfile(full):
                found.append(full)
    return found


def total_size(files):
    return sum(os.path.getsize(f) for f in files)


def sniff_delimiter(line):
    """The delimiter of one CSV line, as csv.Sniffer finds it (a lone value -> ',')."""
    try:
        delimiter = csv.Sniffer().sniff(line).delimiter
    except Exception as e:
        raise UserError("Could not determine delimiter on line {}:\n{}".format(line[:50], e))
    if delimiter.isalnum() or delimiter in ".-+":
        # One column: the sniffer picks a character of the number itself.
        delimiter = ","
    log.info("Determined delimiter of CSV input is '%s'", delimiter)
    return delimiter


def _first_line(path):
    with open(path, "r", errors="ignore") as f:
        return f.readline()


def _valid_libsvm_label(token):
    parts = token.split(":")
    if len(parts) > 2:
        return False
    try:
        for p in parts:
            float(p)
    except ValueError:
        return False
    return True


def _libsvm_feature_count(line):
    """Number of index:value features, or -1 if the line is not LIBSVM."""
    tokens = line.split()
    if not _valid_libsvm_label(tokens[0]):
        return -1
    for token in tokens[1:]:
        if len(token.split(":")) != 2:
            return -1
    return len(tokens) - 1


def validate_files(files, fmt):
    """First-line format checks of the real container (XGBoost's parser checks the rest)."""
    for path in files:
        name = os.path.basename(path)
        if fmt == CSV:
            sniff_delimiter(_first_line(path))
            continue
        with open(path, "r", errors="ignore") as f:
            for line in f:
                if not line.strip():
                    continue
                count = _libsvm_feature_count(line)
                if count < 0:
                    raise UserError(
                        "First line '{}...' of file '{}' is not 'LIBSVM' format. Please ensure the file is in "
                        "'LIBSVM' format.".format(line[:50].rstrip("\n"), name))
                if count > 0:
                    break
            else:
                log.warning("File %s is not an invalid LIBSVM file but has no features. Accepting simple "
                            "validation.", name)


def _link_folder(channel_path, files, tmp_root):
    """A folder holding symlinks to all data files, so XGBoost reads them as one data set."""
    folder = tempfile.mkdtemp(prefix="sagemaker_xgboost_input_data_", dir=tmp_root)
    log.info("Making smlinks from folder %s to folder %s", channel_path, folder)
    for i, path in enumerate(files):
        dest = os.path.join(folder, "{:05d}-{}".format(i, os.path.basename(path)))
        os.symlink(os.path.abspath(path), dest)
    return folder


def load_dmatrix(channel_path, files, fmt, csv_weights, tmp_root):
    """An xgboost.DMatrix over all files of a channel."""
    source = files[0] if len(files) == 1 else _link_folder(channel_path, files, tmp_root)
    log.info("files path: %s", source)
    if fmt == CSV:
        delimiter = sniff_delimiter(_first_line(files[0]))
        uri = "{}?format=csv&label_column=0&delimiter={}".format(source, delimiter)
        if csv_weights == 1:
            uri += "&weight_column=1"
        try:
            return xgb.DMatrix(uri)
        except Exception as e:
            raise UserError("Failed to load csv data with exception:\n{}".format(e))
    try:
        return xgb.DMatrix("{}?format=libsvm".format(source))
    except Exception as e:
        raise UserError("Failed to load libsvm data with exception:\n{}".format(e))
