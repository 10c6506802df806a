"""EDA report for the Olist preprocessing job: eda/report.md with hand-written SVG charts.

No plotting library is needed (processing images rarely have one); the charts are plain SVG 1.1.
"""

import os
from xml.sax.saxutils import escape
W, H = 720, 360
PAD_L, PAD_R, PAD_T, PAD_B = 70, 20, 44, 80
SPLIT_COLOURS = {"train": "#4c78a8", "validation": "#f58518", "test": "#54a24b", "production": "#b279a2"}


def _svg(title, body):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
            f'font-family="sans-serif" font-size="11">\n'
            f'<title>{escape(title)}</title>\n<rect width="{W}" height="{H}" fill="white"/>\n'
            f'<text x="{W / 2}" y="22" text-anchor="middle" font-size="15">{escape(title)}</text>\n'
            f'{body}</svg>\n')


def bar_chart(title, labels, values, colours=None, ylabel="", fmt="{:,.0f}", rotate=False):
    """Vertical bars; `colours` optionally gives one fill per bar."""
    n = max(1, len(values))
    top = max([v for v in values if v == v] + [1e-9])
    pw, ph = W - PAD_L - PAD_R, H - PAD_T - PAD_B
    bw = pw / n
    parts = [f'<line x1="{PAD_L}" y1="{PAD_T + ph}" x2="{W - PAD_R}" y2="{PAD_T + ph}" stroke="black"/>',
             f'<line x1="{PAD_L}" y1="{PAD_T}" x2="{PAD_L}" y2="{PAD_T + ph}" stroke="black"/>']
    for k in range(5):
        v = top * k / 4
        y = PAD_T + ph - ph * k / 4
        parts.append(f'<text x="{PAD_L - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(fmt.format(v))}</text>')
    for i, (lab, v) in enumerate(zip(labels, values)):
        v = 0 if v != v else v
        h = ph * v / top
        x = PAD_L + i * bw
        fill = colours[i] if colours else "#4c78a8"
        parts.append(f'<rect x="{x + bw * 0.1:.1f}" y="{PAD_T + ph - h:.1f}" width="{bw * 0.8:.1f}" '
                     f'height="{h:.1f}" fill="{fill}"><title>{escape(str(lab))}: {escape(fmt.format(v))}</title></rect>')
        tx, ty = x + bw / 2, PAD_T + ph + 14
        if rotate:
            parts.append(f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="end" '
                         f'transform="rotate(-60 {tx:.1f} {ty:.1f})">{escape(str(lab))}</text>')
        else:
            parts.append(f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="middle">{escape(str(lab))}</text>')
    if ylabel:
        parts.append(f'<text x="16" y="{PAD_T + ph / 2}" transform="rotate(-90 16 {PAD_T + ph / 2})" '
                     f'text-anchor="middle">{escape(ylabel)}</text>')
    return _svg(title, "\n".join(parts) + "\n")


def legend(items):
    out = []
    for i, (name, colour) in enumerate(items):
        x = PAD_L + 10 + i * 110
        # Between the title (baseline y=22) and the plot area (from y=PAD_T).
        out.append(f'<rect x="{x}" y="27" width="10" height="10" fill="{colour}"/>'
                   f'<text x="{x + 14}" y="36">{escape(name)}</text>')
    return "\n".join(out)


def write_eda_report(eda_dir, tables, order_features, splits, manifest):
    os.makedirs(eda_dir, exist_ok=True)
    charts = {}
    orders = tables["orders"]

    month = orders["order_purchase_timestamp"].dt.strftime("%Y-%m")
    per_month = month.value_counts().sort_index()
    charts["orders_per_month.svg"] = bar_chart("Orders per month (all orders)", list(per_month.index),
                                               per_month.tolist(), ylabel="orders", rotate=True)

    scores = tables["order_reviews"]["review_score"].value_counts().reindex([1, 2, 3, 4, 5], fill_value=0)
    charts["review_scores.svg"] = bar_chart("Review score distribution", [str(s) for s in scores.index],
                                            scores.tolist(), ylabel="reviews")

    of = order_features
    groups = [("on time", of[(of.not_delivered == 0) & (of.delivered_late == 0)]),
              ("late", of[of.delivered_late == 1]), ("not delivered", of[of.not_delivered == 1])]
    means = [float(g.review_score_mean.mean()) if len(g) else 0.0 for _, g in groups]
    charts["score_by_late.svg"] = bar_chart("Mean review score: on time vs late vs not delivered",
                                            [f"{n} (n={len(g):,})" for n, g in groups], means,
                                            colours=["#54a24b", "#e45756", "#9d755d"], ylabel="mean score",
                                            fmt="{:.2f}")

    missing = []
    for name, df in tables.items():
        for col, frac in df.isna().mean().items():
            if frac > 0:
                missing.append((f"{name}.{col}", 100 * float(frac)))
    missing.sort(key=lambda x: -x[1])
    charts["missing_values.svg"] = bar_chart("Missing values per column (%)", [m[0] for m in missing],
                                             [m[1] for m in missing], ylabel="% missing", fmt="{:.1f}",
                                             rotate=True)

    labelled_month = []  # splits are chronological, so (split, month) order is time order
    for name in manifest["split_order"]:
        m = splits[name]["event_time"].dt.strftime("%Y-%m")
        for k, v in m.value_counts().sort_index().items():
            labelled_month.append((k, name, v))
    split_svg = bar_chart("Split boundaries: reviewed orders per month, coloured by split",
                          [f"{m} {s[:3]}" for m, s, _ in labelled_month], [v for _, _, v in labelled_month],
                          colours=[SPLIT_COLOURS[s] for _, s, _ in labelled_month], ylabel="orders", rotate=True)
    charts["split_boundaries.svg"] = split_svg.replace("</svg>", legend(SPLIT_COLOURS.items()) + "\n</svg>")

    for fname, svg in charts.items():
        with open(os.path.join(eda_dir, fname), "w", encoding="utf-8") as f:
            f.write(svg)

    lines = ["# Olist data profile", "", "## Tables", "", "| table | rows | columns |", "|---|---:|---:|"]
    lines += [f"| {n} | {len(df):,} | {df.shape[1]} |" for n, df in tables.items()]
    lines += ["", f"Reviewed orders (one row each after the inner join with reviews): {len(of):,}.", "",
              "## Orders per month", "", "![orders per month](orders_per_month.svg)", "",
              "## Review scores", "", "![review scores](review_scores.svg)", "",
              "| group | orders | mean score | satisfied (mean >= 4) |", "|---|---:|---:|---:|"]
    for (n, g), mean in zip(groups, means):
        sat = float(g.label_satisfied.mean()) if len(g) else 0.0
        lines.append(f"| {n} | {len(g):,} | {mean:.2f} | {sat:.3f} |")
    lines += ["", "![score by late](score_by_late.svg)", "", "## Missing values", "",
              "| column | missing % |", "|---|---:|"]
    lines += [f"| {c} | {p:.2f} |" for c, p in missing]
    lines += ["", "![missing values](missing_values.svg)", "", "## Chronological split", "",
              "| split | rows | first purchase | last purchase | satisfied |", "|---|---:|---|---|---:|"]
    for name in manifest["split_order"]:
        s = manifest["splits"][name]
        lines.append(f"| {name} | {s['rows']:,} | {s['first_purchase']} | {s['last_purchase']} | "
                     f"{s['label_prevalence']} |")
    lines += ["", "![split boundaries](split_boundaries.svg)", ""]
    with open(os.path.join(eda_dir, "report.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
