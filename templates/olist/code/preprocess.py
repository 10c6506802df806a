"""Olist customer-satisfaction preprocessing: a SageMaker processing-job script.

Reads the Kaggle Olist CSVs (found by file name anywhere under --input-dir, so both a flat folder and
the data-lake layout raw/<table>/<file>.csv work), builds one row per reviewed order, splits the rows
chronologically train -> validation -> test -> production (40/10/10/40 by purchase time), fits
imputation and one-hot encodings on train only, and writes (under --output-dir):

  splits/{train,validation,test,production}/<split>.csv   XGBoost CSV: label first, no header
  splits/baseline/baseline.csv        train features with a header and no label (monitoring baseline)
  splits/production-labels/production-labels.csv   record_id,label,event_time (ground truth)
  splits/index.csv                    record_id,split,row,event_time,label (row order of each split)
  splits/manifest.json                per split: rows, first/last purchase, label prevalence
  features/features.json              ordered feature names and the fitted encodings
  features/order_features.csv         the order-level feature table before imputation (data lake)
  eda/report.md + eda/*.svg           data profile report

Fixes three bugs of the reference notebooks: test came before validation in time, medians were
computed on all rows (leaking the future into train), and the monitoring baseline kept the label.
Needs pandas and numpy only. Ship the whole code/ folder with the job: the EDA report lives in
olist_eda.py next to this file (--no-eda runs without it). Where the OS can fork (Linux, as in
the processing containers), a second process writes the order-level tables and the EDA report
while the first writes the splits.
"""

import argparse
import json
import os
import sys
import traceback

import numpy as np
import pandas as pd

FILES = {
    "orders": "olist_orders_dataset.csv",
    "order_items": "olist_order_items_dataset.csv",
    "order_payments": "olist_order_payments_dataset.csv",
    "order_reviews": "olist_order_reviews_dataset.csv",
    "customers": "olist_customers_dataset.csv",
    "products": "olist_products_dataset.csv",
    "product_category_name_translation": "product_category_name_translation.csv",
}
OPTIONAL = {"product_category_name_translation"}
TIMESTAMPS = [
    "order_purchase_timestamp",
    "order_approved_at",
    "order_delivered_carrier_date",
    "order_delivered_customer_date",
    "order_estimated_delivery_date",
]
NUMERIC = [
    "total_items",
    "total_price",
    "total_freight",
    "product_count_distinct",
    "seller_count",
    "freight_ratio",
    "payment_value_sum",
    "payment_installments_max",
    "delivery_time_days",
    "estimated_time_days",
    "delivered_late",
    "not_delivered",
    "purchase_dow",
    "purchase_hour",
]
CATEGORICAL = ["customer_state", "payment_types", "product_category"]
LABEL = "label_satisfied"
SPLITS = ["train", "validation", "test", "production"]


class InputError(Exception):
    pass


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--input-dir", default="/opt/ml/processing/input")
    p.add_argument("--output-dir", default="/opt/ml/processing/output")
    p.add_argument("--fractions", default="0.4,0.1,0.1,0.4",
                   help="train,validation,test,production fractions by purchase time (sum 1)")
    p.add_argument("--min-category-count", type=int, default=30,
                   help="categories seen fewer times in train get no one-hot column")
    p.add_argument("--no-eda", action="store_true", help="skip the eda/ report")
    args = p.parse_args(argv)
    try:
        fr = [float(x) for x in args.fractions.split(",")]
    except ValueError:
        p.error(f"--fractions {args.fractions!r}: expected four numbers such as 0.4,0.1,0.1,0.4")
    if len(fr) != 4 or any(f <= 0 for f in fr) or abs(sum(fr) - 1) > 1e-6:
        p.error(f"--fractions {args.fractions!r}: expected four positive numbers summing to 1, e.g. 0.4,0.1,0.1,0.4")
    args.fractions = fr
    return args


def find_files(input_dir):
    """Maps table -> path by file name, searching input_dir recursively."""
    if not os.path.isdir(input_dir):
        raise InputError(f"--input-dir {input_dir!r} is not a directory; pass the folder holding the Olist CSVs")
    found = {}
    for root, _dirs, names in os.walk(input_dir):
        for table, fname in FILES.items():
            if fname in names and table not in found:
                found[table] = os.path.join(root, fname)
    missing = [FILES[t] for t in FILES if t not in found and t not in OPTIONAL]
    if missing:
        raise InputError(f"--input-dir {input_dir!r} lacks {', '.join(missing)}; generate them with "
                         "`npm run olist:generate -- --out DIR` or use the Kaggle Olist CSVs")
    return found


def read_csv(path, **kw):
    # utf-8-sig: some copies of the Kaggle files start with a byte-order mark.
    return pd.read_csv(path, encoding="utf-8-sig", **kw)


# The columns preprocess.py uses, per table: checked up front so a wrong file gives a clear error.
REQUIRED_COLUMNS = {
    "orders": ["order_id", "customer_id", *TIMESTAMPS],
    "order_items": ["order_id", "order_item_id", "product_id", "seller_id", "price", "freight_value"],
    "order_payments": ["order_id", "payment_type", "payment_installments", "payment_value"],
    "order_reviews": ["order_id", "review_score"],
    "customers": ["customer_id", "customer_state"],
    "products": ["product_id", "product_category_name"],
    "product_category_name_translation": ["product_category_name", "product_category_name_english"],
}


def load_tables(paths):
    ids = {c: str for c in ["order_id", "customer_id", "product_id", "seller_id", "review_id", "customer_unique_id"]}
    t = {}
    for name, path in paths.items():
        try:
            t[name] = read_csv(path, dtype=ids)
        except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as e:
            raise InputError(f"{path}: not a readable CSV ({str(e).splitlines()[0]})")
        missing = [c for c in REQUIRED_COLUMNS[name] if c not in t[name].columns]
        if missing:
            raise InputError(f"{path}: missing column(s) {', '.join(missing)}; expected the Kaggle Olist header "
                             f"({', '.join(REQUIRED_COLUMNS[name])}, ...)")
    for col in TIMESTAMPS:
        t["orders"][col] = pd.to_datetime(t["orders"][col], format="%Y-%m-%d %H:%M:%S", errors="coerce")
    return t


def payment_types(pays):
    """Sorted distinct payment types per order, e.g. "credit_card,voucher" (as the reference did).

    Joining strings group by group is slow in pandas (a Python call per order); there are only a
    handful of payment types, so each order's set of types is summed as a bit mask instead (one
    bit per type, in sorted order) and each distinct mask is spelled out once.
    """
    pairs = pays[["order_id", "payment_type"]].dropna().drop_duplicates()
    kinds = sorted(pairs["payment_type"].astype(str).unique())
    if len(kinds) > 62:  # too many for one int64 mask: the plain (slow) way
        pairs = pairs.assign(payment_type=pairs["payment_type"].astype(str)).sort_values(["order_id", "payment_type"])
        return pairs.groupby("order_id")["payment_type"].agg(",".join)
    codes = pd.Categorical(pairs["payment_type"].astype(str), categories=kinds).codes.astype(np.int64)
    masks = pd.Series(np.left_shift(np.int64(1), codes), index=pairs.index).groupby(pairs["order_id"], sort=False).sum()
    names = {int(m): ",".join(k for i, k in enumerate(kinds) if int(m) >> i & 1) for m in np.unique(masks.to_numpy())}
    return masks.map(names)


def build_order_features(t):
    """One row per reviewed order: record id, event time, raw features (NaN where unknown) and label."""
    orders, items, pays = t["orders"], t["order_items"], t["order_payments"]
    products = t["products"][["product_id", "product_category_name"]]
    if "product_category_name_translation" in t:
        tr = t["product_category_name_translation"]
        products = products.merge(tr, on="product_category_name", how="left")
        products["product_category"] = products["product_category_name_english"].fillna(products["product_category_name"])
    else:
        products = products.assign(product_category=products["product_category_name"])
    items = items.merge(products[["product_id", "product_category"]], on="product_id", how="left")
    # The per-order tables are joined to the orders by their order_id index, so they need not be
    # sorted (sort=False): sorting 100k string ids costs more than the aggregation itself.
    item_agg = items.groupby("order_id", sort=False).agg(
        total_items=("order_item_id", "count"),
        total_price=("price", "sum"),
        total_freight=("freight_value", "sum"),
        product_count_distinct=("product_id", "nunique"),
        seller_count=("seller_id", "nunique"),
    )
    # Category of the order's most expensive item (the first listed among equally priced ones).
    top = items.sort_values("price", ascending=False, kind="mergesort").drop_duplicates("order_id")
    item_agg["product_category"] = top.set_index("order_id")["product_category"]
    pay_agg = pays.groupby("order_id", sort=False).agg(
        payment_value_sum=("payment_value", "sum"),
        payment_installments_max=("payment_installments", "max"),
    )
    pay_agg["payment_types"] = payment_types(pays)
    reviews = (t["order_reviews"].groupby("order_id", sort=False)["review_score"].mean()
               .rename("review_score_mean"))

    df = orders.merge(reviews, left_on="order_id", right_index=True, how="inner")
    df = df.merge(item_agg, left_on="order_id", right_index=True, how="left")
    df = df.merge(pay_agg, left_on="order_id", right_index=True, how="left")
    df = df.merge(t["customers"][["customer_id", "customer_state"]], on="customer_id", how="left")

    purchase = df["order_purchase_timestamp"]
    day = np.timedelta64(1, "D")
    delivered = df["order_delivered_customer_date"]
    out = pd.DataFrame({
        "record_id": df["order_id"],
        "event_time": purchase,
        "total_items": df["total_items"],
        "total_price": df["total_price"],
        "total_freight": df["total_freight"],
        "product_count_distinct": df["product_count_distinct"],
        "seller_count": df["seller_count"],
        "freight_ratio": df["total_freight"] / (df["total_price"] + df["total_freight"]).replace(0, np.nan),
        "payment_value_sum": df["payment_value_sum"],
        "payment_installments_max": df["payment_installments_max"],
        "delivery_time_days": (delivered - purchase) / day,
        "estimated_time_days": (df["order_estimated_delivery_date"] - purchase) / day,
        # Late only when delivered after the estimate; an undelivered order is flagged by not_delivered.
        "delivered_late": (delivered > df["order_estimated_delivery_date"]).astype(int),
        "not_delivered": delivered.isna().astype(int),
        "purchase_dow": purchase.dt.dayofweek,
        "purchase_hour": purchase.dt.hour,
        "customer_state": df["customer_state"],
        "payment_types": df["payment_types"],
        "product_category": df["product_category"],
        "review_score_mean": df["review_score_mean"],
        LABEL: (df["review_score_mean"] >= 4).astype(int),
    })
    bad_time = out["event_time"].isna().sum()
    if bad_time:
        raise InputError(f"{bad_time} orders have no parseable order_purchase_timestamp (expected YYYY-MM-DD HH:MM:SS)")
    return out


def chronological_split(df, fractions):
    """Sorts by purchase time (order id breaks ties) and slices train -> validation -> test -> production."""
    df = df.sort_values(["event_time", "record_id"], kind="mergesort").reset_index(drop=True)
    n = len(df)
    cuts = np.floor(np.cumsum(fractions[:3]) * n).astype(int)
    bounds = [0, *cuts.tolist(), n]
    return {name: df.iloc[bounds[i]:bounds[i + 1]].reset_index(drop=True) for i, name in enumerate(SPLITS)}


def column_name(col, category):
    """One-hot column name, safe in a CSV header: payment_types=credit_card+voucher."""
    safe = "".join(ch if ch.isalnum() or ch in "_-." else "+" if ch == "," else "_" for ch in category)
    return f"{col}={safe}"


def fit_encoding(train, min_count):
    """Imputation medians and one-hot vocabularies, from the train split only."""
    numeric = {}
    for col in NUMERIC:
        med = train[col].median()
        numeric[col] = {"impute": float(med) if pd.notna(med) else 0.0}
    categorical = {}
    for col in CATEGORICAL:
        counts = train[col].fillna("UNK").value_counts()
        cats = sorted(str(c) for c, k in counts.items() if k >= min_count)
        categorical[col] = {"categories": cats, "columns": [column_name(col, c) for c in cats],
                            "unknown": "all zeros", "missing": "UNK"}
    features = list(NUMERIC) + [name for col in CATEGORICAL for name in categorical[col]["columns"]]
    return {"numeric": numeric, "categorical": categorical, "features": features}


def transform(df, enc):
    cols = {}
    for col in NUMERIC:
        cols[col] = df[col].astype(float).fillna(enc["numeric"][col]["impute"]).round(6)
    for col in CATEGORICAL:
        spec = enc["categorical"][col]
        # Each value's position among the categories (-1: none of them), compared as numbers.
        codes = pd.Categorical(df[col].fillna("UNK").astype(str), categories=spec["categories"]).codes
        for i, name in enumerate(spec["columns"]):
            cols[name] = pd.Series((codes == i).astype(np.int8), index=df.index)
    return pd.DataFrame(cols, index=df.index)[enc["features"]]


def ts(x):
    return pd.Timestamp(x).strftime("%Y-%m-%d %H:%M:%S")


def write_lines(path, lines, header=""):
    """A text file of `header` (a line with its newline, or nothing) and then one line per item."""
    with open(path, "w", newline="") as f:
        f.write(header)
        for line in lines:
            f.write(line)
            f.write("\n")


def build_manifest(order_features, splits, enc, tables):
    """manifest.json: per split its rows, first/last purchase and label prevalence."""
    manifest = {"label": LABEL, "label_definition": "mean review score >= 4", "record_id": "record_id",
                "split_order": SPLITS, "feature_count": len(enc["features"]), "splits": {},
                "input_rows": {name: int(len(df)) for name, df in tables.items()},
                "reviewed_orders": int(len(order_features))}
    for name in SPLITS:
        part = splits[name]
        manifest["splits"][name] = {
            "rows": int(len(part)),
            "first_purchase": ts(part["event_time"].min()) if len(part) else None,
            "last_purchase": ts(part["event_time"].max()) if len(part) else None,
            "label_prevalence": round(float(part[LABEL].mean()), 6) if len(part) else None,
            "path": f"splits/{name}/{name}.csv",
        }
    return manifest


def write_splits(out_dir, splits, enc, manifest):
    """splits/<split>/<split>.csv, baseline/, production-labels/ and manifest.json."""
    sdir = os.path.join(out_dir, "splits")
    for name in SPLITS:
        part = splits[name]
        x = transform(part, enc)
        d = os.path.join(sdir, name)
        os.makedirs(d, exist_ok=True)
        # The features are formatted once (the slow part of writing a CSV) for both files that hold them.
        rows = x.to_csv(header=False, index=False).splitlines()
        write_lines(os.path.join(d, f"{name}.csv"), (f"{y},{r}" for y, r in zip(part[LABEL].tolist(), rows)))
        if name == "train":
            os.makedirs(os.path.join(sdir, "baseline"), exist_ok=True)
            write_lines(os.path.join(sdir, "baseline", "baseline.csv"), rows, header=x.head(0).to_csv(index=False))
        if name == "production":
            os.makedirs(os.path.join(sdir, "production-labels"), exist_ok=True)
            labels = pd.DataFrame({"record_id": part["record_id"], "label": part[LABEL],
                                   "event_time": part["event_time"].dt.strftime("%Y-%m-%d %H:%M:%S")})
            labels.to_csv(os.path.join(sdir, "production-labels", "production-labels.csv"), index=False)
    with open(os.path.join(sdir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)


def write_order_tables(out_dir, order_features, splits, enc):
    """splits/index.csv, features/features.json and features/order_features.csv."""
    sdir, fdir = os.path.join(out_dir, "splits"), os.path.join(out_dir, "features")
    os.makedirs(sdir, exist_ok=True)
    os.makedirs(fdir, exist_ok=True)
    index_parts = [pd.DataFrame({"record_id": splits[name]["record_id"], "split": name,
                                 "row": np.arange(len(splits[name])),
                                 "event_time": splits[name]["event_time"].dt.strftime("%Y-%m-%d %H:%M:%S"),
                                 "label": splits[name][LABEL]}) for name in SPLITS]
    pd.concat(index_parts).to_csv(os.path.join(sdir, "index.csv"), index=False)
    features_doc = {"label": LABEL, "label_position": "first column of the split CSVs, no header",
                    "features": enc["features"], "numeric": enc["numeric"], "categorical": enc["categorical"],
                    "fitted_on": "train", "fitted_rows": int(len(splits["train"]))}
    with open(os.path.join(fdir, "features.json"), "w") as f:
        json.dump(features_doc, f, indent=2)
    of = order_features.assign(event_time=order_features["event_time"].dt.strftime("%Y-%m-%d %H:%M:%S"))
    of.round(6).to_csv(os.path.join(fdir, "order_features.csv"), index=False)


def failure_code(e):
    """Prints what went wrong; returns the exit status (2: bad input, 1: cannot read or write)."""
    if isinstance(e, InputError):
        print(f"preprocess: {e}", file=sys.stderr)
        return 2
    print(f"preprocess: {e.strerror or e}: {e.filename or ''} (check --input-dir/--output-dir)", file=sys.stderr)
    return 1


def in_background(work):
    """Runs work() in a forked child process, so that writing the outputs uses a second core (the
    processing instances have 4); returns wait(), which gives its exit status. Where the OS cannot
    fork, work() runs at once."""
    if not hasattr(os, "fork"):
        try:
            work()
            code = 0
        except (InputError, OSError) as e:
            code = failure_code(e)
        return lambda: code
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        code = 1
        try:
            work()
            code = 0
        except (InputError, OSError) as e:
            code = failure_code(e)
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)

    def wait():
        _, status = os.waitpid(pid, 0)
        return os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1
    return wait


def load_eda():
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    try:
        from olist_eda import write_eda_report
    except ImportError as e:
        raise InputError(f"cannot load olist_eda.py ({e}); ship it next to preprocess.py or pass --no-eda")
    return write_eda_report


def main(argv=None):
    args = parse_args(argv)
    try:
        paths = find_files(args.input_dir)
        tables = load_tables(paths)
        order_features = build_order_features(tables)
        if len(order_features) < 20:
            raise InputError(f"only {len(order_features)} reviewed orders in --input-dir; need at least 20 to split")
        splits = chronological_split(order_features, args.fractions)
        enc = fit_encoding(splits["train"], args.min_category_count)
        manifest = build_manifest(order_features, splits, enc, tables)
        write_eda_report = None if args.no_eda else load_eda()

        def order_tables_and_eda():
            write_order_tables(args.output_dir, order_features, splits, enc)
            if write_eda_report:
                write_eda_report(os.path.join(args.output_dir, "eda"), tables, order_features, splits, manifest)

        # The order-level tables and the EDA report are written by a second process meanwhile.
        wait = in_background(order_tables_and_eda)
        try:
            write_splits(args.output_dir, splits, enc, manifest)
        finally:
            background = wait()
        if background:
            return background
    except (InputError, OSError) as e:
        return failure_code(e)
    for name in SPLITS:
        s = manifest["splits"][name]
        print(f"preprocess: {name:<10} {s['rows']:>7} rows  {s['first_purchase']} .. {s['last_purchase']}"
              f"  satisfied {s['label_prevalence']}")
    print(f"preprocess: {manifest['feature_count']} features -> {args.output_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
