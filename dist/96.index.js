export const id = 96;
export const ids = [96];
export const modules = {

/***/ 6433:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   En: () => (/* binding */ paginate),
/* harmony export */   _U: () => (/* binding */ collectAll),
/* harmony export */   i8: () => (/* binding */ findFirst)
/* harmony export */ });
/** Yields items page by page until the token runs out (or repeats, or maxPages is reached). */
async function* paginate(fetch, opts = {}) {
    const maxPages = opts.maxPages ?? 1000;
    let token;
    for (let page = 0; page < maxPages; page++) {
        const res = await fetch(token);
        yield* res.items;
        if (!res.next || res.next === token)
            return;
        token = res.next;
    }
}
/** The first item that matches, reading only as many pages as needed. */
async function findFirst(fetch, match = () => true, opts = {}) {
    for await (const item of paginate(fetch, opts))
        if (match(item))
            return item;
    return undefined;
}
/** Every item of every page. */
async function collectAll(fetch, opts = {}) {
    const out = [];
    for await (const item of paginate(fetch, opts))
        out.push(item);
    return out;
}


/***/ }),

/***/ 1075:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EK: () => (/* binding */ objectExists),
/* harmony export */   QM: () => (/* binding */ uploadFile),
/* harmony export */   TH: () => (/* binding */ listKeys),
/* harmony export */   TQ: () => (/* binding */ getObjectText),
/* harmony export */   _n: () => (/* binding */ downloadObject),
/* harmony export */   rb: () => (/* binding */ putText)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9378);
/* harmony import */ var _paging_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6433);








/** Every key under the prefix (paginated), sorted as S3 lists them (UTF-8 binary order). */
async function listKeys(s3, bucket, prefix) {
    const { ListObjectsV2Command } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const objects = await (0,_paging_js__WEBPACK_IMPORTED_MODULE_7__/* .collectAll */ ._U)(async (token) => {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
        return { items: page.Contents ?? [], next: page.IsTruncated ? page.NextContinuationToken : undefined };
    });
    return objects.flatMap((o) => (o.Key !== undefined ? [{ key: o.Key, size: o.Size ?? 0 }] : []));
}
/** True when the exact object exists. */
async function objectExists(s3, bucket, key) {
    if (key === '' || key.endsWith('/'))
        return false;
    const { HeadObjectCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    try {
        await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
    }
    catch (err) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .isNotFound */ .c4)(err) || (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .awsErrorName */ .ZH)(err) === 'Forbidden')
            return false;
        throw err;
    }
}
async function downloadObject(s3, bucket, key, file) {
    const { GetObjectCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(file), { recursive: true });
    const body = res.Body;
    if (!body)
        throw new Error(`s3://${bucket}/${key}: empty response body`);
    const stream = body instanceof node_stream__WEBPACK_IMPORTED_MODULE_4__.Readable ? body : node_stream__WEBPACK_IMPORTED_MODULE_4__.Readable.from(await body.transformToByteArray());
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(stream, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(file));
}
async function getObjectText(s3, bucket, key) {
    const { GetObjectCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return (await res.Body?.transformToString('utf8')) ?? '';
}
async function uploadFile(s3, bucket, key, file, contentType) {
    const { PutObjectCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const { size } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file);
    await s3.send(new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(file),
        ContentLength: size,
        ContentType: contentType,
    }));
}
async function putText(s3, bucket, key, text, contentType) {
    const { PutObjectCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: text, ContentType: contentType }));
}


/***/ }),

/***/ 549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ GateConfigError)
/* harmony export */ });
/**
 * A gate was given a rule it cannot apply (an unknown metric, a malformed condition, a negative
 * allowed drop). The gates layer never knows about action inputs: the stage's settings layer
 * catches this error and turns it into a ConfigurationError naming the input.
 */
class GateConfigError extends Error {
    name = 'GateConfigError';
}


/***/ }),

/***/ 2130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ parseThresholds),
/* harmony export */   S$: () => (/* binding */ evaluateThresholds)
/* harmony export */ });
/* unused harmony exports THRESHOLD_OPS, formatMetricValue */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(549);
/* harmony import */ var _metrics_report_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4499);
/** The `thresholds` gate: metric -> condition (">= 0.70"), evaluated fail-closed. */


const THRESHOLD_OPS = ['>=', '>', '<=', '<', '=='];
const CONDITION_RE = /^\s*(>=|<=|==|>|<)\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*$/;
/** Metrics that cannot leave [0, 1]: a threshold outside it is a typo (e.g. 70 for 0.70). */
const UNBOUNDED = new Set(['log_loss', 'mae', 'mse', 'rmse', 'r2']);
function show(v) {
    try {
        return JSON.stringify(v) ?? String(v);
    }
    catch {
        return String(v);
    }
}
function parseThresholds(map, problemType) {
    const valid = (0,_metrics_report_js__WEBPACK_IMPORTED_MODULE_0__/* .metricNames */ .Zv)(problemType);
    if (typeof map !== 'object' || map === null || Array.isArray(map)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateConfigError */ .a(`${show(map)} is not a map; expected metric: condition pairs such as {auc: ">= 0.70"}`);
    }
    const rules = [];
    for (const [metric, condition] of Object.entries(map)) {
        if (!valid.includes(metric)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateConfigError */ .a(`unknown metric ${show(metric)} for ${problemType}; valid metrics: ${valid.join(', ')}`);
        }
        const m = typeof condition === 'string' ? CONDITION_RE.exec(condition) : null;
        if (!m) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateConfigError */ .a(`condition ${show(condition)} for ${metric} is not valid; write an operator (${THRESHOLD_OPS.join(', ')}) and a number, quoted, e.g. ${metric}: ">= 0.70"`);
        }
        const op = m[1];
        const value = Number(m[2]);
        if (!Number.isFinite(value)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateConfigError */ .a(`${show(condition)} for ${metric}: the number is not finite`);
        }
        if (!UNBOUNDED.has(metric) && (value < 0 || value > 1)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .GateConfigError */ .a(`${metric} ${show(condition)} can never be meaningful, ${metric} lies in [0, 1]; write a fraction, e.g. ${metric}: ">= 0.70"`);
        }
        rules.push({ metric, op, value, text: `${metric} ${op} ${m[2]}` });
    }
    return rules;
}
function holds(actual, op, value) {
    switch (op) {
        case '>=':
            return actual >= value;
        case '>':
            return actual > value;
        case '<=':
            return actual <= value;
        case '<':
            return actual < value;
        case '==':
            return actual === value;
    }
}
function formatMetricValue(v) {
    if (!Number.isFinite(v))
        return String(v);
    return Math.abs(v) >= 1000 || v === Math.trunc(v)
        ? String(v)
        : v.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}
/** Every rule against the metrics; a missing or NaN metric fails its rule (fail closed). */
function evaluateThresholds(rules, metrics) {
    return rules.map((rule) => {
        const actual = Object.prototype.hasOwnProperty.call(metrics, rule.metric)
            ? metrics[rule.metric]
            : undefined;
        if (actual === undefined || typeof actual !== 'number' || Number.isNaN(actual)) {
            return {
                rule: rule.text,
                metric: rule.metric,
                actual: actual === undefined ? undefined : NaN,
                passed: false,
                message: `${rule.text}: failed, ${rule.metric} is ${actual === undefined ? 'missing' : 'NaN (undefined for this data, e.g. AUC with only one class)'}; the gate fails closed. Fix: evaluate on data where ${rule.metric} is defined, or remove the threshold`,
            };
        }
        const passed = holds(actual, rule.op, rule.value);
        return {
            rule: rule.text,
            metric: rule.metric,
            actual,
            passed,
            message: passed
                ? `${rule.text}: passed (${rule.metric} = ${formatMetricValue(actual)})`
                : `${rule.text}: failed (${rule.metric} = ${formatMetricValue(actual)})`,
        };
    });
}


/***/ }),

/***/ 7648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ql: () => (/* binding */ commentMarker),
/* harmony export */   o4: () => (/* binding */ truncateMarkdown),
/* harmony export */   qD: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* unused harmony exports commentBody, ACTIONS_BOT_LOGIN, tokenLogin, MAX_COMMENT_CHARS */
/** The hidden marker that finds our comment again: `<!-- sagemaker-actions:<action>:<identifier> -->`. */
function commentMarker(action, identifier) {
    const id = identifier.replace(/[^a-zA-Z0-9_.:/-]+/g, '-').slice(0, 200) || 'default';
    return `<!-- sagemaker-actions:${action}:${id} -->`;
}
/** Body = marker line + markdown, at most 65,536 characters in total. */
function commentBody(marker, markdown) {
    return `${marker}\n${truncateMarkdown(markdown, MAX_COMMENT_CHARS - marker.length - 1)}`;
}
/** The login of the GITHUB_TOKEN's identity: GET /user is not open to an installation token. */
const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
/**
 * The login that comments made with this token carry: GET /user for a personal/user token; the
 * GITHUB_TOKEN (an installation token) answers 403 "Resource not accessible by integration"
 * there, and its comments are written by github-actions[bot].
 */
async function tokenLogin(octokit) {
    try {
        const res = await octokit.rest.users.getAuthenticated();
        return res.data.login;
    }
    catch (err) {
        const e = err;
        if (e.status === 403 && /Resource not accessible by integration/i.test(String(e.message)))
            return ACTIONS_BOT_LOGIN;
        throw err;
    }
}
/**
 * Creates the comment, or updates the one that carries the marker, searching all pages but only
 * among comments written by the token's own identity (a comment anyone else wrote with our marker
 * in it is never taken over), so a PR never gets a second copy.
 */
async function upsertStickyComment(octokit, ref, marker, markdown) {
    const body = commentBody(marker, markdown);
    const params = { owner: ref.owner, repo: ref.repo, issue_number: ref.issueNumber, per_page: 100 };
    const login = await tokenLogin(octokit);
    let existing;
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, params)) {
        existing = page.data.find((c) => c.user?.login === login && typeof c.body === 'string' && c.body.startsWith(`${marker}\n`));
        if (existing)
            break;
    }
    if (existing) {
        const res = await octokit.rest.issues.updateComment({
            owner: ref.owner,
            repo: ref.repo,
            comment_id: existing.id,
            body,
        });
        return { action: 'updated', id: res.data.id, url: res.data.html_url };
    }
    const res = await octokit.rest.issues.createComment({
        owner: ref.owner,
        repo: ref.repo,
        issue_number: ref.issueNumber,
        body,
    });
    return { action: 'created', id: res.data.id, url: res.data.html_url };
}
const MAX_COMMENT_CHARS = 65_536;
/** Cuts markdown to `max` characters (a PR comment's limit), closing an open code fence and saying so. */
function truncateMarkdown(text, max = MAX_COMMENT_CHARS) {
    if (text.length <= max)
        return text;
    const note = '\n\n_… truncated: the full report is in the job summary of the run._';
    let cut = text.slice(0, max - note.length - 8);
    const cutAt = cut.lastIndexOf('\n');
    if (cutAt > 0)
        cut = cut.slice(0, cutAt);
    const fences = (cut.match(/^```/gm) ?? []).length;
    if (fences % 2 === 1)
        cut += '\n```';
    return cut + note;
}


/***/ }),

/***/ 532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m8: () => (/* binding */ fullBinaryPass),
  e2: () => (/* binding */ fusedBinaryPasses)
});

// UNUSED EXPORTS: HISTOGRAM_BINS

// EXTERNAL MODULE: ./src/metrics/binary.ts
var binary = __webpack_require__(9244);
;// CONCATENATED MODULE: ./src/metrics/curves.ts
/**
 * ROC (x = FPR, y = TPR, from (0,0); first threshold = max score + 1 as in sklearn 1.2) and PR
 * (x = recall, y = precision, from (0,1)), at most maxPoints points each, chosen at the same
 * thresholds: evenly along the ROC path (FPR + TPR grows monotonically from 0 to 2), both ends
 * kept. Point j >= 1 is the (j-1)-th distinct threshold, descending.
 */
function binaryCurves(p, maxPoints = 200) {
    const c = p.curve;
    if (!c)
        throw new Error('binaryCurves needs a pass with wantCurve');
    const { tps, fps, thresholds } = c;
    const m = c.length + 1;
    const { pos, neg } = p;
    let keep;
    if (m <= maxPoints) {
        keep = Array.from({ length: m }, (_, i) => i);
    }
    else if (pos > 0 && neg > 0) {
        const step = 2 / (maxPoints - 1);
        keep = [0];
        for (let j = 1; j < m - 1; j++) {
            if (fps[j - 1] / neg + tps[j - 1] / pos >= step * keep.length)
                keep.push(j);
        }
        keep.push(m - 1);
    }
    else {
        keep = [0];
        for (let j = 1; j < m - 1; j++)
            if (j * (maxPoints - 1) >= m * keep.length)
                keep.push(j);
        keep.push(m - 1);
    }
    if (keep.length > maxPoints) {
        const even = [];
        for (let j = 0; j < maxPoints; j++)
            even.push(keep[Math.round((j * (keep.length - 1)) / (maxPoints - 1))]);
        keep = even;
    }
    const first = m > 1 ? thresholds[0] + 1 : 1;
    const t = (j) => (j === 0 ? first : thresholds[j - 1]);
    const fpr = (j) => (j === 0 ? 0 : neg > 0 ? fps[j - 1] / neg : NaN);
    const tpr = (j) => (j === 0 ? 0 : pos > 0 ? tps[j - 1] / pos : NaN);
    const recall = (j) => (j === 0 ? 0 : pos > 0 ? tps[j - 1] / pos : 1);
    const precision = (j) => {
        if (j === 0)
            return 1;
        const d = tps[j - 1] + fps[j - 1];
        return d > 0 ? tps[j - 1] / d : 0;
    };
    const ts = keep.map(t);
    return {
        roc: { x: keep.map(fpr), y: keep.map(tpr), thresholds: ts },
        pr: { x: keep.map(recall), y: keep.map(precision), thresholds: [...ts] },
    };
}
/**
 * Chooses the chart points online, exactly as binaryCurves does on the full list: every point
 * when there are at most maxPoints, else the points where FPR + TPR crosses the next multiple of
 * 2 / (maxPoints - 1), plus the last one. Keeps O(maxPoints) memory instead of O(n).
 */
class CurveSampler {
    pos;
    neg;
    maxPoints;
    all = []; // tp, fp, threshold triples while count <= maxPoints
    picked = []; // triples chosen by the arc rule
    count = 1; // point 0 is (0, 0) / (0, 1)
    lastTp = 0;
    lastFp = 0;
    lastThreshold = 0;
    step;
    /** Both classes present (otherwise there is no meaningful curve). */
    both;
    /** The arc length (FPR + TPR) the next picked point must reach. */
    target;
    constructor(pos, neg, maxPoints) {
        this.pos = pos;
        this.neg = neg;
        this.maxPoints = maxPoints;
        this.step = 2 / (maxPoints - 1);
        this.target = this.step;
        this.both = pos > 0 && neg > 0;
    }
    // The rule, per point j >= 1 (inlined in binary-fused.ts's full pass, where a call with double
    // arguments would box them): early() while j < maxPoints; with both classes, pick() the previous
    // point when its FPR + TPR reached target; the last point is passed to finishWith().
    /** Records one of the first maxPoints - 1 points (used when the curve turns out small). */
    early(tp, fp, threshold) {
        this.all.push(tp, fp, threshold);
    }
    /** Keeps a point chosen by the arc rule and moves the target on. */
    pick(tp, fp, threshold) {
        this.picked.push(tp, fp, threshold);
        this.target = this.step * (this.picked.length / 3 + 1);
    }
    /** The curves: count = points added + 1, and the last point. */
    finishWith(count, lastTp, lastFp, lastThreshold) {
        this.count = count;
        this.lastTp = lastTp;
        this.lastFp = lastFp;
        this.lastThreshold = lastThreshold;
        return this.finish();
    }
    finish() {
        const m = this.count;
        let triples;
        if (m <= this.maxPoints)
            triples = this.all;
        else if (this.pos > 0 && this.neg > 0)
            triples = [...this.picked, this.lastTp, this.lastFp, this.lastThreshold];
        else
            triples = [
                ...this.all.slice(0, 3 * (this.maxPoints - 2)),
                this.lastTp,
                this.lastFp,
                this.lastThreshold,
            ]; // one class only: no meaningful curve
        const k = triples.length / 3;
        const tps = new Float64Array(k);
        const fps = new Float64Array(k);
        const thresholds = new Float64Array(k);
        for (let i = 0; i < k; i++) {
            tps[i] = triples[3 * i];
            fps[i] = triples[3 * i + 1];
            thresholds[i] = triples[3 * i + 2];
        }
        const first = m > 1 ? (this.all[2] ?? 0) + 1 : 1;
        const { roc, pr } = binaryCurves({
            tp: 0,
            fp: 0,
            fn: 0,
            tn: 0,
            pos: this.pos,
            neg: this.neg,
            auc2: 0,
            apSum: 0,
            logLossSum: 0,
            curve: { tps, fps, thresholds, length: k },
        }, Infinity);
        roc.thresholds[0] = first;
        pr.thresholds[0] = first;
        if (roc.x.length <= this.maxPoints)
            return { roc, pr };
        // As binaryCurves: more points than allowed after the arc rule -> evenly spaced among them.
        const idx = Array.from({ length: this.maxPoints }, (_, j) => Math.round((j * (roc.x.length - 1)) / (this.maxPoints - 1)));
        const pick = (c) => ({
            x: idx.map((i) => c.x[i]),
            y: idx.map((i) => c.y[i]),
            thresholds: idx.map((i) => c.thresholds[i]),
        });
        return { roc: pick(roc), pr: pick(pr) };
    }
}

;// CONCATENATED MODULE: ./src/metrics/binary-fused.ts
/**
 * The binary hot path of computeMetrics over the sorted scores: per-row log-loss terms once, the
 * full-data pass (chart points chosen online, no O(n) curve arrays) and the five monitor
 * resamples in one packed pass (bit r of packed[k] = row k is in resample r). Same definitions as
 * binaryPass. (A single pass with all six accumulator sets unrolled measured slower.)
 */


/** Score histogram: 20 equal bins on [0, 1] (a score of 1 falls in the last bin). */
const HISTOGRAM_BINS = 20;
function fusedBinaryPasses(s, y, packed, threshold, maxCurvePoints = 200, 
/** Optional scratch space of n doubles for the per-row log-loss terms (overwritten). */
scratch, 
/** The number of 1s in y, when the caller knows it (saves a pass). */
positives = countOnes(y)) {
    const losses = scratch && scratch.length === s.length ? scratch : new Float64Array(s.length);
    const pass = fullBinaryPass(s, y, threshold, maxCurvePoints, losses, positives);
    const resamples = (0,binary/* binaryPassPacked */.Vg)(s, y, packed, 5, threshold, losses);
    return { ...pass, resamples };
}
/**
 * The full-data pass alone (chart points chosen online, score histogram); writes each row's
 * log-loss term into `losses` (n doubles) for a later binaryPassPacked over the same rows.
 */
function fullBinaryPass(s, y, threshold, maxCurvePoints, losses, positives = countOnes(y), 
/** `losses` already holds logLossTerms(s, y) (read, not written). */
lossesGiven = false) {
    const n = s.length;
    const sampler = new CurveSampler(positives, n - positives, maxCurvePoints);
    const bins = new Float64Array(2 * HISTOGRAM_BINS);
    const { curves, ...full } = fullPass(s, y, threshold, sampler, losses, bins, lossesGiven);
    return {
        full,
        curves,
        histogram: {
            edges: Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => i / HISTOGRAM_BINS),
            positives: Array.from(bins.subarray(HISTOGRAM_BINS)),
            negatives: Array.from(bins.subarray(0, HISTOGRAM_BINS)),
        },
    };
}
function countOnes(y) {
    let ones = 0;
    for (let k = 0; k < y.length; k++)
        ones += y[k];
    return ones;
}
/**
 * binaryPass without weights, specialised: also writes each row's log-loss term into `losses`
 * (for the resample pass; or reads them from there when `lossesGiven`) and counts the score
 * histogram into bins (negatives, then positives).
 */
function fullPass(s, y, threshold, sampler, losses, bins, lossesGiven) {
    const n = s.length;
    let tp = 0;
    let fp = 0;
    let tpPrev = 0;
    let fpPrev = 0;
    // auc2 and apSum, summed at group ends: a typed array, because a double local updated inside
    // that branch is boxed (a heap number per group) by V8.
    const sums = new Float64Array(2);
    let tpAt = 0;
    let fpAt = 0;
    let ll = 0;
    let llc = 0; // Neumaier compensation (terms are >= 0)
    let kThr = 0;
    while (kThr < n && s[kThr] >= threshold)
        kThr++;
    const nBins = bins.length / 2; // a local: module constants become mutable `var`s in bundles
    // The chart sampler's rule, inlined (see CurveSampler).
    const { pos, neg, both, maxPoints } = sampler;
    let count = 1;
    let lastTp = 0;
    let lastFp = 0;
    let lastK = -1; // row of the last point (its score is the threshold; an index boxes nothing)
    let target = sampler.target;
    for (let k = 0; k < n; k++) {
        const score = s[k];
        const label = y[k];
        let term;
        if (lossesGiven)
            term = losses[k];
        else {
            term = (0,binary/* logLossTerm */.c3)(score, label);
            losses[k] = term;
        }
        let bin = (score * nBins) | 0;
        if (bin >= nBins)
            bin = nBins - 1;
        bins[label * nBins + bin]++;
        const t = ll + term;
        // (big - t) + small, without a float-valued ?: (it would box a heap number per row in V8).
        llc += Math.max(ll, term) - t + Math.min(ll, term);
        ll = t;
        if (label === 1)
            tp++;
        else
            fp++;
        if (k === n - 1 || s[k + 1] !== score) {
            // End of a group of equal scores (usually a single row).
            sums[0] += (fp - fpPrev) * (tp + tpPrev);
            if (tp !== tpPrev)
                sums[1] += (tp - tpPrev) * (tp / (tp + fp));
            const j = count++;
            if (j < maxPoints)
                sampler.early(tp, fp, score);
            if (j >= 2 && both && lastFp / neg + lastTp / pos >= target) {
                sampler.pick(lastTp, lastFp, s[lastK]);
                target = sampler.target;
            }
            lastTp = tp;
            lastFp = fp;
            lastK = k;
            tpPrev = tp;
            fpPrev = fp;
        }
        if (k === kThr - 1) {
            tpAt = tp;
            fpAt = fp;
        }
    }
    return {
        tp: tpAt,
        fp: fpAt,
        fn: tp - tpAt,
        tn: fp - fpAt,
        pos: tp,
        neg: fp,
        auc2: sums[0],
        apSum: sums[1],
        logLossSum: ll + llc,
        curves: sampler.finishWith(count, lastTp, lastFp, s[lastK]), // n >= 1: lastK >= 0
    };
}


/***/ }),

/***/ 9244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D2: () => (/* binding */ fbeta),
/* harmony export */   HD: () => (/* binding */ logLossTerms),
/* harmony export */   Ns: () => (/* binding */ binaryMetrics),
/* harmony export */   Vg: () => (/* binding */ binaryPassPacked),
/* harmony export */   c3: () => (/* binding */ logLossTerm),
/* harmony export */   rf: () => (/* binding */ binaryPass)
/* harmony export */ });
/* unused harmony exports FLOAT64_EPS, confusionMetrics */
/**
 * Binary-classification metrics in one pass over scores sorted descending (see sort.ts), with
 * optional integer sample weights (a subsample mask or bootstrap counts). Definitions follow
 * scikit-learn 1.2: roc_auc_score (trapezoid over distinct thresholds, computed exactly in
 * integers), average_precision_score (sum over distinct thresholds of (R_n - R_{n-1}) P_n),
 * log_loss (clip to [eps, 1-eps] with eps = float64 machine epsilon, then renormalise),
 * precision/recall/fbeta with zero_division = 0. Predicted positive means score >= threshold.
 */
/** Local bindings: hot loops avoid global lookups (slow inside vm contexts such as jest). */
const { abs } = Math;
const FLOAT64_EPS = 2.220446049250313e-16;
/**
 * sklearn's per-row log loss: clip to [eps, 1 - eps], renormalise the pair (1 - p, p), -log of the
 * true class. Written without float-valued ?: (min/max clip; r / sum even when sum === 1, where it
 * is exact): in V8 such a merge of doubles inside a hot loop boxes a heap number per row. Literals,
 * not FLOAT64_EPS: bundlers turn module constants into mutable `var`s, which the JIT cannot fold.
 */
function logLossTerm(score, label) {
    const p = Math.min(Math.max(score, 2.220446049250313e-16), 0.9999999999999998); // eps, 1 - eps
    const q = 1 - p;
    return -Math.log((label === 1 ? p : q) / (q + p));
}
function logLossTerms(s, y, out = new Float64Array(s.length)) {
    for (let k = 0; k < s.length; k++)
        out[k] = logLossTerm(s[k], y[k]);
    return out;
}
/**
 * s: scores sorted descending; y: labels (0/1) in the same order; w: optional weights in the same
 * order (null = all 1); losses: optional precomputed logLossTerms(s, y), reused across resamples.
 */
function binaryPass(s, y, w, threshold, wantCurve = false, losses = null) {
    const n = s.length;
    let tp = 0;
    let fp = 0;
    let tpPrev = 0;
    let fpPrev = 0;
    let auc2 = 0;
    let apSum = 0;
    let tpAt = 0;
    let fpAt = 0;
    let ll = 0;
    let llc = 0; // Neumaier compensation
    let curve;
    if (wantCurve) {
        curve = {
            tps: new Float64Array(n),
            fps: new Float64Array(n),
            thresholds: new Float64Array(n),
            length: 0,
        };
    }
    for (let k = 0; k < n; k++) {
        const score = s[k];
        const wk = w === null ? 1 : w[k];
        if (wk !== 0) {
            const label = y[k];
            const term = (losses === null ? logLossTerm(score, label) : losses[k]) * wk;
            const t = ll + term;
            llc += abs(ll) >= abs(term) ? ll - t + term : term - t + ll;
            ll = t;
            if (label === 1)
                tp += wk;
            else
                fp += wk;
        }
        // End of a group of equal scores?
        if (k === n - 1 || s[k + 1] !== score) {
            if (tp !== tpPrev || fp !== fpPrev) {
                auc2 += (fp - fpPrev) * (tp + tpPrev);
                if (tp !== tpPrev)
                    apSum += (tp - tpPrev) * (tp / (tp + fp));
                if (score >= threshold) {
                    tpAt = tp;
                    fpAt = fp;
                }
                if (curve) {
                    const j = curve.length++;
                    curve.tps[j] = tp;
                    curve.fps[j] = fp;
                    curve.thresholds[j] = score;
                }
                tpPrev = tp;
                fpPrev = fp;
            }
        }
    }
    return {
        tp: tpAt,
        fp: fpAt,
        fn: tp - tpAt,
        tn: fp - fpAt,
        pos: tp,
        neg: fp,
        auc2,
        apSum,
        logLossSum: ll + llc,
        ...(curve ? { curve } : {}),
    };
}
/**
 * Up to 8 resamples in one pass: bit r of packed[k] says whether sorted row k is in resample r.
 * Same definitions and results as binaryPass with 0/1 weights (without curves); losses =
 * logLossTerms(s, y). Rows whose score is unique (the usual case) take a short path: a negative
 * adds 2 tp to auc2, a positive adds its precision to apSum; tied rows use the group formulas.
 */
function binaryPassPacked(s, y, packed, resamples, threshold, losses) {
    const R = resamples;
    const n = s.length;
    const tp = new Float64Array(R);
    const fp = new Float64Array(R);
    const tpPrev = new Float64Array(R);
    const fpPrev = new Float64Array(R);
    const auc2 = new Float64Array(R);
    const apSum = new Float64Array(R);
    const tpAt = new Float64Array(R);
    const fpAt = new Float64Array(R);
    const ll = new Float64Array(R);
    // Rows 0..kThr-1 have score >= threshold (descending order).
    let kThr = 0;
    while (kThr < n && s[kThr] >= threshold)
        kThr++;
    for (let k = 0; k < n; k++) {
        const bitsK = packed[k];
        const score = s[k];
        const groupStart = k === 0 || s[k - 1] !== score;
        const groupEnd = k === n - 1 || s[k + 1] !== score;
        if (bitsK !== 0) {
            const loss = losses[k];
            const positive = y[k] === 1;
            if (groupStart && groupEnd) {
                for (let r = 0; r < R; r++) {
                    if ((bitsK >> r) & 1) {
                        ll[r] += loss;
                        if (positive) {
                            const t = tp[r] + 1;
                            tp[r] = t;
                            apSum[r] += t / (t + fp[r]);
                        }
                        else {
                            fp[r]++;
                            auc2[r] += 2 * tp[r];
                        }
                    }
                }
            }
            else {
                if (groupStart) {
                    tpPrev.set(tp);
                    fpPrev.set(fp);
                }
                for (let r = 0; r < R; r++) {
                    if ((bitsK >> r) & 1) {
                        ll[r] += loss;
                        if (positive)
                            tp[r]++;
                        else
                            fp[r]++;
                    }
                }
            }
        }
        else if (groupStart && !groupEnd) {
            tpPrev.set(tp);
            fpPrev.set(fp);
        }
        if (groupEnd && !groupStart) {
            for (let r = 0; r < R; r++) {
                const t = tp[r];
                const f = fp[r];
                const tP = tpPrev[r];
                auc2[r] += (f - fpPrev[r]) * (t + tP);
                if (t !== tP)
                    apSum[r] += (t - tP) * (t / (t + f));
            }
        }
        if (k === kThr - 1) {
            tpAt.set(tp);
            fpAt.set(fp);
        }
    }
    return Array.from({ length: R }, (_, r) => ({
        tp: tpAt[r],
        fp: fpAt[r],
        fn: tp[r] - tpAt[r],
        tn: fp[r] - fpAt[r],
        pos: tp[r],
        neg: fp[r],
        auc2: auc2[r],
        apSum: apSum[r],
        logLossSum: ll[r],
    }));
}
function fbeta(precision, recall, beta) {
    const b2 = beta * beta;
    let denom = b2 * precision + recall;
    if (denom === 0)
        denom = 1;
    return ((1 + b2) * precision * recall) / denom;
}
function div0(a, b) {
    return b === 0 ? 0 : a / b;
}
/** The threshold metrics of a confusion matrix (sklearn zero_division = 0). */
function confusionMetrics(tp, fp, fn, tn, suffix = '') {
    const n = tp + fp + fn + tn;
    const precision = div0(tp, tp + fp);
    const recall = div0(tp, tp + fn);
    const fpr = div0(fp, fp + tn);
    const out = {
        accuracy: div0(tp + tn, n),
        precision,
        recall,
        f0_5: fbeta(precision, recall, 0.5),
        f1: fbeta(precision, recall, 1),
        f2: fbeta(precision, recall, 2),
    };
    if (suffix) {
        const renamed = {};
        for (const [k, v] of Object.entries(out))
            renamed[k + suffix] = v;
        return renamed;
    }
    out.true_positive_rate = recall;
    out.false_negative_rate = 1 - recall;
    out.false_positive_rate = fpr;
    out.true_negative_rate = 1 - fpr;
    return out;
}
/** Every binary metric (flat) from one pass. AUC and pr_auc are NaN without both classes. */
function binaryMetrics(p) {
    const n = p.pos + p.neg;
    const both = p.pos > 0 && p.neg > 0;
    return {
        ...confusionMetrics(p.tp, p.fp, p.fn, p.tn),
        // The best constant classifier (as in the model-quality monitor's reference output) always predicts 1.
        ...confusionMetrics(p.pos, p.neg, 0, 0, '_best_constant_classifier'),
        auc: both ? p.auc2 / (2 * p.pos * p.neg) : NaN,
        pr_auc: both ? p.apSum / p.pos : NaN,
        log_loss: n > 0 ? p.logLossSum / n : NaN,
    };
}



/***/ }),

/***/ 2624:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fy: () => (/* binding */ binaryResult),
/* harmony export */   _6: () => (/* binding */ sortBinary),
/* harmony export */   pH: () => (/* binding */ computeMetrics),
/* harmony export */   wy: () => (/* binding */ checkThreshold)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _binary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9244);
/* harmony import */ var _binary_fused_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(532);
/* harmony import */ var _data_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6182);
/* harmony import */ var _multiclass_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9254);
/* harmony import */ var _regression_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1788);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4499);
/* harmony import */ var _resample_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9866);
/* harmony import */ var _sort_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5357);
/**
 * computeMetrics: validates labels and predictions (fail closed, DataError naming the row and the
 * fix), then computes every model-quality metric for the problem type, the monitor-style
 * standard deviations, the confusion matrix, the charts' curves and histogram, and the report.
 * Binary: one radix sort of the scores (labels carried along), reused for AUC, AP, ROC/PR curves
 * and every resample. Multiclass: probabilities[k] is the column of class k, so labels must be the
 * class indices 0..K-1 when probabilities are given.
 */









function validate(problemType, labels, predictions) {
    const n = labels.length;
    const m = predictions.scores.length;
    if (n !== m) {
        throw new _data_error_js__WEBPACK_IMPORTED_MODULE_2__/* .DataError */ .f(`row-count mismatch: the test data has ${n} labelled row(s) but there are ${m} prediction(s); fix: score every test row exactly once, in order (for a batch transform: SplitType Line, AssembleWith Line, same input files)`);
    }
    if (n === 0)
        throw new _data_error_js__WEBPACK_IMPORTED_MODULE_2__/* .DataError */ .f('no rows to evaluate; fix: provide a non-empty test data set');
    const binary = problemType === 'binary-classification';
    for (let i = 0; i < n; i++) {
        const y = labels[i];
        if (!Number.isFinite(y) || (binary && y !== 0 && y !== 1)) {
            throw new _data_error_js__WEBPACK_IMPORTED_MODULE_2__/* .DataError */ .f(`row ${i + 1}: label ${y} is not ${binary ? '0 or 1' : 'a finite number'}; fix: ${binary ? 'encode the binary label as 0/1' : 'clean the label column'}, or check label-column`);
        }
        const s = predictions.scores[i];
        if (!Number.isFinite(s) || (binary && !(s >= 0 && s <= 1))) {
            throw new _data_error_js__WEBPACK_IMPORTED_MODULE_2__/* .DataError */ .f(`row ${i + 1}: prediction ${s} is not ${binary ? 'a probability in [0, 1]' : 'a finite number'}; fix: ${binary ? 'output the probability of class 1 (e.g. XGBoost binary:logistic)' : 'check the model output'}`);
        }
    }
    for (const [k, col] of (predictions.probabilities ?? []).entries()) {
        if (col.length !== n) {
            throw new _data_error_js__WEBPACK_IMPORTED_MODULE_2__/* .DataError */ .f(`row-count mismatch: class ${k} has ${col.length} probabilities for ${n} rows; fix: one probability row per test row`);
        }
    }
}
function label(v) {
    return String(v);
}
/**
 * Binary: scores sorted descending with their labels (sort.ts), after the binary contract is
 * checked (throws a DataError naming the first bad row). `shared`: s and y on SharedArrayBuffers,
 * for a worker thread to read (compute-parallel.ts).
 */
function sortBinary(labels, predictions, shared = false) {
    const problemType = 'binary-classification';
    const n = labels.length;
    if (predictions.scores.length !== n || n === 0)
        validate(problemType, labels, predictions); // throws
    // One sort: scores descending with labels alongside, reused by AUC, AP, curves and every resample.
    const sorted = (0,_sort_js__WEBPACK_IMPORTED_MODULE_3__/* .sortScoresWithLabels */ .VY)(predictions.scores, labels, undefined, shared);
    if (sorted.invalidRow >= 0)
        validate(problemType, labels, predictions); // throws, naming the row
    return sorted;
}
/** The binary result from the full-data pass and the monitor's resamples (null below STD_MIN_ROWS). */
function binaryResult(n, names, pass, resamples) {
    const problemType = 'binary-classification';
    const { full, curves, histogram } = pass;
    const metrics = (0,_binary_js__WEBPACK_IMPORTED_MODULE_4__/* .binaryMetrics */ .Ns)(full);
    const { roc, pr } = curves;
    const standardDeviations = resamples
        ? (0,_resample_js__WEBPACK_IMPORTED_MODULE_5__/* .stdOfSamples */ .oY)(names, resamples.map(_binary_js__WEBPACK_IMPORTED_MODULE_4__/* .binaryMetrics */ .Ns))
        : Object.fromEntries(names.map((name) => [name, 'NaN']));
    const confusionMatrix = { '0': { '0': full.tn, '1': full.fp }, '1': { '0': full.fn, '1': full.tp } };
    return {
        problemType,
        rows: n,
        metrics,
        standardDeviations,
        confusionMatrix,
        roc,
        pr,
        scoreHistogram: histogram,
        report: (0,_report_js__WEBPACK_IMPORTED_MODULE_1__/* .buildReport */ .FK)(problemType, metrics, standardDeviations, { confusionMatrix, roc, pr }),
    };
}
function computeBinary(labels, predictions, threshold, seed, names) {
    const n = labels.length;
    const { s, y, positives, spare } = sortBinary(labels, predictions);
    // Then the full-data pass (chart points chosen online) and one packed pass for the monitor's
    // five 80% resamples.
    const enough = n >= _resample_js__WEBPACK_IMPORTED_MODULE_5__/* .STD_MIN_ROWS */ .XI;
    const packed = enough ? (0,_resample_js__WEBPACK_IMPORTED_MODULE_5__/* .monitorMasks */ .cw)(n, seed) : new Uint8Array(n);
    const { resamples, ...pass } = (0,_binary_fused_js__WEBPACK_IMPORTED_MODULE_6__/* .fusedBinaryPasses */ .e2)(s, y, packed, threshold, 200, spare, positives);
    return binaryResult(n, names, pass, enough ? resamples : null);
}
/** A probability threshold in [0, 1], else a configuration error. */
function checkThreshold(threshold) {
    if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`probability threshold ${threshold} is not valid; fix: use a number in [0, 1] such as 0.5`);
    }
}
function computeMetrics(problemType, labels, predictions, opts) {
    const { threshold } = opts;
    checkThreshold(threshold);
    const seed = opts.seed ?? _resample_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_SEED */ .KP;
    const n = labels.length;
    const names = (0,_report_js__WEBPACK_IMPORTED_MODULE_1__/* .metricNames */ .Zv)(problemType);
    if (problemType === 'binary-classification') {
        return computeBinary(labels, predictions, threshold, seed, names);
    }
    validate(problemType, labels, predictions);
    if (problemType === 'multiclass-classification') {
        const predicted = predictions.probabilities?.length
            ? (0,_multiclass_js__WEBPACK_IMPORTED_MODULE_7__/* .argmaxLabels */ .iY)(predictions.probabilities, n)
            : predictions.scores;
        const ix = (0,_multiclass_js__WEBPACK_IMPORTED_MODULE_7__/* .indexClasses */ .xY)(labels, predicted);
        const k = ix.classes.length;
        const counts = (0,_multiclass_js__WEBPACK_IMPORTED_MODULE_7__/* .confusionCounts */ .Vl)(ix, null);
        const metrics = (0,_multiclass_js__WEBPACK_IMPORTED_MODULE_7__/* .multiclassMetrics */ .zU)(counts, k);
        const standardDeviations = (0,_resample_js__WEBPACK_IMPORTED_MODULE_5__/* .resampledStd */ .xl)(n, names, (0,_resample_js__WEBPACK_IMPORTED_MODULE_5__/* .eachSubsample */ .oR)((mask) => (0,_multiclass_js__WEBPACK_IMPORTED_MODULE_7__/* .multiclassMetrics */ .zU)((0,_multiclass_js__WEBPACK_IMPORTED_MODULE_7__/* .confusionCounts */ .Vl)(ix, mask), k)), seed);
        const confusionMatrix = {};
        ix.classes.forEach((actual, t) => {
            const row = {};
            ix.classes.forEach((pred, p) => (row[label(pred)] = counts[t * k + p]));
            confusionMatrix[label(actual)] = row;
        });
        return {
            problemType,
            rows: n,
            metrics,
            standardDeviations,
            confusionMatrix,
            report: (0,_report_js__WEBPACK_IMPORTED_MODULE_1__/* .buildReport */ .FK)(problemType, metrics, standardDeviations, { confusionMatrix }),
        };
    }
    const metrics = (0,_regression_js__WEBPACK_IMPORTED_MODULE_8__/* .regressionMetrics */ .N)(labels, predictions.scores);
    const standardDeviations = (0,_resample_js__WEBPACK_IMPORTED_MODULE_5__/* .resampledStd */ .xl)(n, names, (0,_resample_js__WEBPACK_IMPORTED_MODULE_5__/* .eachSubsample */ .oR)((mask) => (0,_regression_js__WEBPACK_IMPORTED_MODULE_8__/* .regressionMetrics */ .N)(labels, predictions.scores, mask)), seed);
    return {
        problemType,
        rows: n,
        metrics,
        standardDeviations,
        report: (0,_report_js__WEBPACK_IMPORTED_MODULE_1__/* .buildReport */ .FK)(problemType, metrics, standardDeviations, {}),
    };
}


/***/ }),

/***/ 6182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ DataError)
/* harmony export */ });
/** Bad data (not a user configuration mistake): the message names the file/line or member and the fix. */
class DataError extends Error {
    name = 'DataError';
}


/***/ }),

/***/ 9254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vl: () => (/* binding */ confusionCounts),
/* harmony export */   iY: () => (/* binding */ argmaxLabels),
/* harmony export */   xY: () => (/* binding */ indexClasses),
/* harmony export */   zU: () => (/* binding */ multiclassMetrics)
/* harmony export */ });
/* unused harmony export weightedMetrics */
/* harmony import */ var _binary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9244);
/**
 * Multiclass metrics as scikit-learn 1.2 defines them: labels = sorted union of true and
 * predicted classes; per-class precision/recall/fbeta with zero_division = 0, averaged with
 * average='weighted' (weights = true counts); accuracy. The best constant classifier predicts the
 * most frequent true class (the first one on ties).
 */

function indexClasses(labels, predicted) {
    const seen = new Set();
    for (let i = 0; i < labels.length; i++)
        seen.add(labels[i]);
    for (let i = 0; i < predicted.length; i++)
        seen.add(predicted[i]);
    if (seen.size > 65535)
        throw new RangeError('too many classes');
    const classes = [...seen].sort((a, b) => a - b);
    const pos = new Map();
    classes.forEach((c, i) => pos.set(c, i));
    const map = (a) => {
        const out = new Uint16Array(a.length);
        for (let i = 0; i < a.length; i++)
            out[i] = pos.get(a[i]);
        return out;
    };
    return { classes, truth: map(labels), pred: map(predicted) };
}
/** counts[t * K + p] (weighted). */
function confusionCounts(ix, w) {
    const k = ix.classes.length;
    const counts = new Float64Array(k * k);
    const { truth, pred } = ix;
    for (let i = 0; i < truth.length; i++) {
        const wi = w === null ? 1 : w[i];
        counts[truth[i] * k + pred[i]] += wi;
    }
    return counts;
}
/** Weighted precision/recall/fbeta and accuracy from a K x K confusion matrix (sklearn semantics). */
function weightedMetrics(counts, k, suffix = '') {
    let n = 0;
    let correct = 0;
    const trueSum = new Float64Array(k);
    const predSum = new Float64Array(k);
    for (let t = 0; t < k; t++) {
        for (let p = 0; p < k; p++) {
            const c = counts[t * k + p];
            n += c;
            trueSum[t] += c;
            predSum[p] += c;
            if (t === p)
                correct += c;
        }
    }
    let wp = 0;
    let wr = 0;
    const wf = { f0_5: 0, f1: 0, f2: 0 };
    const betas = [
        ['f0_5', 0.5],
        ['f1', 1],
        ['f2', 2],
    ];
    for (let c = 0; c < k; c++) {
        const tp = counts[c * k + c];
        const precision = predSum[c] === 0 ? 0 : tp / predSum[c];
        const recall = trueSum[c] === 0 ? 0 : tp / trueSum[c];
        const weight = trueSum[c];
        wp += precision * weight;
        wr += recall * weight;
        for (const [name, beta] of betas)
            wf[name] += (0,_binary_js__WEBPACK_IMPORTED_MODULE_0__/* .fbeta */ .D2)(precision, recall, beta) * weight;
    }
    const out = {
        accuracy: n === 0 ? NaN : correct / n,
        weighted_recall: n === 0 ? 0 : wr / n,
        weighted_precision: n === 0 ? 0 : wp / n,
        weighted_f0_5: n === 0 ? 0 : wf.f0_5 / n,
        weighted_f1: n === 0 ? 0 : wf.f1 / n,
        weighted_f2: n === 0 ? 0 : wf.f2 / n,
    };
    if (!suffix)
        return out;
    return Object.fromEntries(Object.entries(out).map(([name, v]) => [name + suffix, v]));
}
/** All multiclass metrics (flat), including the best constant classifier's. */
function multiclassMetrics(counts, k) {
    // Best constant classifier: predict the most frequent true class.
    const trueSum = new Float64Array(k);
    for (let t = 0; t < k; t++)
        for (let p = 0; p < k; p++)
            trueSum[t] += counts[t * k + p];
    let major = 0;
    for (let c = 1; c < k; c++)
        if (trueSum[c] > trueSum[major])
            major = c;
    const constant = new Float64Array(k * k);
    for (let t = 0; t < k; t++)
        constant[t * k + major] = trueSum[t];
    return { ...weightedMetrics(counts, k), ...weightedMetrics(constant, k, '_best_constant_classifier') };
}
/** Predicted class label per row from column-major probabilities (first maximum wins). */
function argmaxLabels(probabilities, rows) {
    const out = new Float64Array(rows);
    const best = new Float64Array(rows).fill(-Infinity);
    probabilities.forEach((col, k) => {
        for (let i = 0; i < rows; i++) {
            if (col[i] > best[i]) {
                best[i] = col[i];
                out[i] = k;
            }
        }
    });
    return out;
}


/***/ }),

/***/ 9354:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ parseNumberText),
/* harmony export */   o: () => (/* binding */ parseNumberBytes)
/* harmony export */ });
/**
 * Exact number parsing straight from bytes (no per-line strings). The fast path is Clinger's:
 * at most 15 significant digits and a decimal exponent within ±22 give the correctly rounded
 * double with one multiplication or division (both operands exact). Anything else (long
 * mantissas, big exponents) falls back to the platform's Number() on the validated text, so the
 * result always equals Number(text). Returns NaN for anything that is not a decimal number
 * (empty, "nan", "inf", hex, junk); callers turn NaN into a DataError.
 */
const POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10)
    POW10[i] = p; // 1e0..1e22 are exact doubles
const NUMBER_TEXT_RE = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
function isSpace(c) {
    return c === 32 || c === 9 || c === 13;
}
function parseNumberText(text) {
    const t = text.trim();
    return NUMBER_TEXT_RE.test(t) ? Number(t) : NaN;
}
function slowParse(buf, start, end) {
    return parseNumberText(Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1'));
}
function parseNumberBytes(buf, start, end) {
    while (start < end && isSpace(buf[start]))
        start++;
    while (end > start && isSpace(buf[end - 1]))
        end--;
    if (start === end)
        return NaN;
    let i = start;
    let neg = false;
    let c = buf[i];
    if (c === 45) {
        neg = true;
        i++;
    }
    else if (c === 43)
        i++;
    let m = 0;
    let sig = 0;
    let exp = 0;
    let sawDigit = false;
    while (i < end) {
        c = buf[i];
        if (c < 48 || c > 57)
            break;
        sawDigit = true;
        if (m !== 0 || c !== 48) {
            m = m * 10 + (c - 48);
            sig++;
        }
        i++;
    }
    if (i < end && buf[i] === 46) {
        i++;
        while (i < end) {
            c = buf[i];
            if (c < 48 || c > 57)
                break;
            sawDigit = true;
            if (m !== 0 || c !== 48) {
                m = m * 10 + (c - 48);
                sig++;
            }
            exp--;
            i++;
        }
    }
    if (!sawDigit)
        return NaN;
    if (i < end) {
        c = buf[i];
        if (c !== 101 && c !== 69)
            return slowParse(buf, start, end);
        i++;
        let eneg = false;
        if (i < end && (buf[i] === 45 || buf[i] === 43)) {
            eneg = buf[i] === 45;
            i++;
        }
        if (i === end)
            return NaN;
        let e = 0;
        const first = i;
        while (i < end) {
            c = buf[i];
            if (c < 48 || c > 57)
                return NaN;
            e = e * 10 + (c - 48);
            i++;
        }
        if (i - first > 5)
            return slowParse(buf, start, end);
        exp += eneg ? -e : e;
    }
    if (sig > 15)
        return slowParse(buf, start, end);
    let v;
    if (m === 0)
        v = 0;
    else if (exp === 0)
        v = m;
    else if (exp > 0 && exp <= 22)
        v = m * POW10[exp];
    else if (exp < 0 && exp >= -22)
        v = m / POW10[-exp];
    else
        return slowParse(buf, start, end);
    return neg ? -v : v;
}


/***/ }),

/***/ 1788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ regressionMetrics)
/* harmony export */ });
/** Regression metrics as scikit-learn 1.2 defines them (r2_score with force_finite=True). */
/** Local bindings: hot loops avoid global lookups (slow inside vm contexts such as jest). */
const { abs } = Math;
function neumaier() {
    let sum = 0;
    let c = 0;
    return {
        add(v) {
            const t = sum + v;
            c += abs(sum) >= abs(v) ? sum - t + v : v - t + sum;
            sum = t;
        },
        value: () => sum + c,
    };
}
function regressionMetrics(y, pred, w = null) {
    const n = y.length;
    let count = 0;
    const ySum = neumaier();
    for (let i = 0; i < n; i++) {
        const wi = w === null ? 1 : w[i];
        if (wi === 0)
            continue;
        count += wi;
        ySum.add(y[i] * wi);
    }
    if (count === 0)
        return { mae: NaN, mse: NaN, rmse: NaN, r2: NaN };
    const mean = ySum.value() / count;
    const absErr = neumaier();
    const sq = neumaier();
    const tot = neumaier();
    for (let i = 0; i < n; i++) {
        const wi = w === null ? 1 : w[i];
        if (wi === 0)
            continue;
        const d = y[i] - pred[i];
        absErr.add(abs(d) * wi);
        sq.add(d * d * wi);
        const m = y[i] - mean;
        tot.add(m * m * wi);
    }
    const mse = sq.value() / count;
    const ssRes = sq.value();
    const ssTot = tot.value();
    let r2;
    if (count < 2)
        r2 = NaN; // sklearn: R^2 is not well-defined with fewer than two samples
    else if (ssTot !== 0)
        r2 = 1 - ssRes / ssTot;
    else
        r2 = ssRes === 0 ? 1 : 0;
    return { mae: absErr.value() / count, mse, rmse: Math.sqrt(mse), r2 };
}


/***/ }),

/***/ 4499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ buildReport),
/* harmony export */   Zv: () => (/* binding */ metricNames),
/* harmony export */   kr: () => (/* binding */ parseModelQualityReport)
/* harmony export */ });
/* unused harmony export REPORT_BLOCK */
/* harmony import */ var _data_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6182);
/**
 * SageMaker model-quality JSON ({<problem>_metrics: {<metric>: {value, standard_deviation}}}):
 * metric names per problem type, writing the report from computed metrics, and a strict parser
 * for reports written elsewhere (fails closed with DataError naming the source and member).
 */

const REPORT_BLOCK = {
    'binary-classification': 'binary_classification_metrics',
    'multiclass-classification': 'multiclass_classification_metrics',
    regression: 'regression_metrics',
};
const BCC = '_best_constant_classifier';
/** Binary metrics in the monitor's order (curves and confusion matrix are written separately), plus log_loss and pr_auc. */
const BINARY = [
    'recall',
    'precision',
    'accuracy',
    `recall${BCC}`,
    `precision${BCC}`,
    `accuracy${BCC}`,
    'true_positive_rate',
    'true_negative_rate',
    'false_positive_rate',
    'false_negative_rate',
    'auc',
    'f0_5',
    'f1',
    'f2',
    `f0_5${BCC}`,
    `f1${BCC}`,
    `f2${BCC}`,
    'log_loss',
    'pr_auc',
];
const MULTI_BASE = [
    'accuracy',
    'weighted_recall',
    'weighted_precision',
    'weighted_f0_5',
    'weighted_f1',
    'weighted_f2',
];
const MULTICLASS = [...MULTI_BASE, ...MULTI_BASE.map((m) => m + BCC)];
const REGRESSION = ['mae', 'mse', 'rmse', 'r2'];
/** Every gateable metric name for a problem type. */
function metricNames(problemType) {
    switch (problemType) {
        case 'binary-classification':
            return [...BINARY];
        case 'multiclass-classification':
            return [...MULTICLASS];
        case 'regression':
            return [...REGRESSION];
    }
}
function jsonNumber(v) {
    return Number.isFinite(v) ? v : 'NaN';
}
/** Builds the model-quality JSON for computed metrics. NaN values are written as "NaN", like standard deviations. */
function buildReport(problemType, metrics, std, extra) {
    const block = {};
    if (extra.confusionMatrix)
        block.confusion_matrix = extra.confusionMatrix;
    for (const name of metricNames(problemType)) {
        if (!(name in metrics))
            continue;
        if (name === 'auc' && extra.roc && extra.pr) {
            block.receiver_operating_characteristic_curve = {
                false_positive_rates: extra.roc.x.map(jsonNumber),
                true_positive_rates: extra.roc.y.map(jsonNumber),
            };
            block.precision_recall_curve = {
                precisions: extra.pr.y.map(jsonNumber),
                recalls: extra.pr.x.map(jsonNumber),
            };
        }
        block[name] = { value: jsonNumber(metrics[name]), standard_deviation: std[name] ?? 'NaN' };
    }
    return { [REPORT_BLOCK[problemType]]: block };
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function numberArray(v, where, fix) {
    if (!Array.isArray(v))
        throw new _data_error_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .f(`${where()} must be an array of numbers; ${fix}`);
    return v.map((x, i) => {
        if (typeof x === 'number' && Number.isFinite(x))
            return x;
        if (x === 'NaN')
            return NaN;
        throw new _data_error_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .f(`${where()}[${i}] is ${JSON.stringify(x)}, not a number; ${fix}`);
    });
}
/**
 * Reads a model-quality report (an object, or its JSON text). Exactly one of
 * binary_classification_metrics / multiclass_classification_metrics / regression_metrics must be
 * present, each metric {value: number | "NaN", standard_deviation?: number | "NaN"}.
 */
function parseModelQualityReport(json, source) {
    const fix = 'fix: write SageMaker model-quality JSON, e.g. {"binary_classification_metrics": {"auc": {"value": 0.8, "standard_deviation": "NaN"}}}';
    let doc = json;
    if (typeof doc === 'string' || Buffer.isBuffer(doc)) {
        try {
            doc = JSON.parse(doc.toString());
        }
        catch (err) {
            throw new _data_error_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .f(`${source}: not valid JSON (${err.message}); ${fix}`);
        }
    }
    if (!isObject(doc))
        throw new _data_error_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .f(`${source}: the report is not a JSON object; ${fix}`);
    const found = Object.keys(REPORT_BLOCK).filter((p) => REPORT_BLOCK[p] in doc);
    if (found.length !== 1) {
        throw new _data_error_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .f(`${source}: expected exactly one of ${Object.values(REPORT_BLOCK).join(', ')}, found ${found.length === 0 ? 'none' : found.map((p) => REPORT_BLOCK[p]).join(', ')}; ${fix}`);
    }
    const problemType = found[0];
    const blockName = REPORT_BLOCK[problemType];
    const block = doc[blockName];
    const at = (member) => `${source}: member ${blockName}.${member}`;
    if (!isObject(block))
        throw new _data_error_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .f(`${source}: member ${blockName} is not an object; ${fix}`);
    const metrics = {};
    const standardDeviations = {};
    const result = { problemType, rows: 0, metrics, standardDeviations, report: doc };
    for (const [name, member] of Object.entries(block)) {
        if (name === 'confusion_matrix') {
            if (!isObject(member))
                throw new _data_error_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .f(`${at(name)} must be an object actual -> predicted -> count; ${fix}`);
            const cm = {};
            let total = 0;
            for (const [actual, row] of Object.entries(member)) {
                if (!isObject(row))
                    throw new _data_error_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .f(`${at(`${name}.${actual}`)} must be an object predicted -> count; ${fix}`);
                cm[actual] = {};
                for (const [predicted, count] of Object.entries(row)) {
                    if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) {
                        throw new _data_error_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .f(`${at(`${name}.${actual}.${predicted}`)} is ${JSON.stringify(count)}, not a count; ${fix}`);
                    }
                    cm[actual][predicted] = count;
                    total += count;
                }
            }
            result.confusionMatrix = cm;
            result.rows = total;
            continue;
        }
        if (name === 'receiver_operating_characteristic_curve' || name === 'precision_recall_curve') {
            if (!isObject(member))
                throw new _data_error_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .f(`${at(name)} must be an object of arrays; ${fix}`);
            const roc = name === 'receiver_operating_characteristic_curve';
            const [xk, yk] = roc ? ['false_positive_rates', 'true_positive_rates'] : ['recalls', 'precisions'];
            const x = numberArray(member[xk], () => at(`${name}.${xk}`), fix);
            const y = numberArray(member[yk], () => at(`${name}.${yk}`), fix);
            if (x.length !== y.length)
                throw new _data_error_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .f(`${at(name)}: ${xk} and ${yk} differ in length; ${fix}`);
            if (roc)
                result.roc = { x, y };
            else
                result.pr = { x, y };
            continue;
        }
        if (!isObject(member) || !('value' in member)) {
            throw new _data_error_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .f(`${at(name)} must be {"value": number, "standard_deviation": number | "NaN"}; ${fix}`);
        }
        const v = member.value;
        if (!((typeof v === 'number' && Number.isFinite(v)) || v === 'NaN')) {
            throw new _data_error_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .f(`${at(`${name}.value`)} is ${JSON.stringify(v)}, not a number; ${fix}`);
        }
        const sd = member.standard_deviation;
        if (!(sd === undefined || sd === 'NaN' || (typeof sd === 'number' && Number.isFinite(sd) && sd >= 0))) {
            throw new _data_error_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .f(`${at(`${name}.standard_deviation`)} is ${JSON.stringify(sd)}, not a number or "NaN"; ${fix}`);
        }
        metrics[name] = v === 'NaN' ? NaN : v;
        standardDeviations[name] = sd === undefined ? 'NaN' : sd;
    }
    if (Object.keys(metrics).length === 0)
        throw new _data_error_js__WEBPACK_IMPORTED_MODULE_0__/* .DataError */ .f(`${source}: ${blockName} holds no metrics; ${fix}`);
    const dataset = doc.dataset;
    if (isObject(dataset) && typeof dataset.item_count === 'number' && Number.isFinite(dataset.item_count)) {
        result.rows = dataset.item_count;
    }
    return result;
}


/***/ }),

/***/ 9866:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KP: () => (/* binding */ DEFAULT_SEED),
/* harmony export */   SZ: () => (/* binding */ createRng),
/* harmony export */   XI: () => (/* binding */ STD_MIN_ROWS),
/* harmony export */   cw: () => (/* binding */ monitorMasks),
/* harmony export */   lc: () => (/* binding */ STD_RESAMPLES),
/* harmony export */   nv: () => (/* binding */ bootstrapCounts),
/* harmony export */   oR: () => (/* binding */ eachSubsample),
/* harmony export */   oY: () => (/* binding */ stdOfSamples),
/* harmony export */   xl: () => (/* binding */ resampledStd)
/* harmony export */ });
/* unused harmony exports STD_FRACTION, subsampleMasks, unpackMask, standardDeviation */
/**
 * Seeded randomness and resampling: the model-quality monitor's standard deviations (metric over
 * 5 random 80% subsamples, only with >= 200 rows) and bootstrap weights. Deterministic per seed.
 */
/** Local bindings: hot loops avoid global lookups (slow inside vm contexts such as jest). */
const { imul, floor } = Math;
/** A seeded generator of uniform doubles in [0, 1) with 53 random bits (two mulberry32 draws). */
function createRng(seed) {
    let a = seed >>> 0;
    const next32 = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = imul(t ^ (t >>> 15), t | 1);
        t ^= t + imul(t ^ (t >>> 7), t | 61);
        return (t ^ (t >>> 14)) >>> 0;
    };
    return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}
const STD_MIN_ROWS = 200;
const STD_RESAMPLES = 5;
const STD_FRACTION = 0.8;
const DEFAULT_SEED = 20240607;
/**
 * `resamples` (<= 8) subsamples packed as bits: bit r of mask[i] is set when row i is in subsample
 * r. Each subsample has exactly floor(fraction * n) rows, drawn uniformly without replacement:
 * Floyd's algorithm picks the excluded rows (one draw each, from a mulberry32 stream seeded from
 * rng; index = floor(u32 * (j + 1) / 2^32)).
 */
function subsampleMasks(n, resamples, fraction, rng) {
    if (resamples < 1 || resamples > 8)
        throw new RangeError('1..8 resamples fit in a byte mask');
    const mask = new Uint8Array(n).fill((1 << resamples) - 1);
    const exclude = n - floor(fraction * n);
    let a = floor(rng() * 4294967296) >>> 0;
    for (let r = 0; r < resamples; r++) {
        const bit = 1 << r;
        const clear = ~bit;
        for (let j = n - exclude; j < n; j++) {
            a = (a + 0x6d2b79f5) | 0;
            let t = a;
            t = imul(t ^ (t >>> 15), t | 1);
            t ^= t + imul(t ^ (t >>> 7), t | 61);
            const pick = floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (j + 1));
            // Exclude pick if still included, else j; branch-free (the branch is hard to predict).
            const at = j + ((mask[pick] >> r) & 1) * (pick - j);
            mask[at] &= clear;
        }
    }
    return mask;
}
/** The 0/1 weights of subsample r from packed masks. */
function unpackMask(packed, r, out = new Uint8Array(packed.length)) {
    for (let i = 0; i < packed.length; i++)
        out[i] = (packed[i] >> r) & 1;
    return out;
}
/** Bootstrap counts: n draws with replacement (a mulberry32 stream seeded from rng; index = floor(u32 * n / 2^32)). */
function bootstrapCounts(n, rng, out) {
    const counts = out ?? new Uint32Array(n);
    counts.fill(0);
    let a = floor(rng() * 4294967296) >>> 0;
    for (let i = 0; i < n; i++) {
        a = (a + 0x6d2b79f5) | 0;
        let t = a;
        t = imul(t ^ (t >>> 15), t | 1);
        t ^= t + imul(t ^ (t >>> 7), t | 61);
        counts[floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)]++;
    }
    return counts;
}
/** Population standard deviation (numpy's default ddof=0); 'NaN' when any value is not finite. */
function standardDeviation(values) {
    if (values.length === 0 || values.some((v) => !Number.isFinite(v)))
        return 'NaN';
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const v = values.reduce((a, b) => a + (b - mean) * (b - mean), 0) / values.length;
    return Math.sqrt(v);
}
/**
 * Standard deviation of every metric over STD_RESAMPLES subsamples of STD_FRACTION of the rows, as
 * the model-quality monitor reports it; 'NaN' for every metric below STD_MIN_ROWS rows.
 * computeAll(packed, R) returns the metrics of each of the R subsamples (see subsampleMasks).
 */
function resampledStd(n, names, computeAll, seed) {
    const out = {};
    if (n < STD_MIN_ROWS) {
        for (const name of names)
            out[name] = 'NaN';
        return out;
    }
    return stdOfSamples(names, computeAll(monitorMasks(n, seed), STD_RESAMPLES));
}
/** The packed subsample masks of the monitor's resampling (STD_RESAMPLES of STD_FRACTION) for a seed. */
function monitorMasks(n, seed) {
    return subsampleMasks(n, STD_RESAMPLES, STD_FRACTION, createRng(seed));
}
/** Standard deviation of each named metric over the samples' values. */
function stdOfSamples(names, samples) {
    const out = {};
    for (const name of names)
        out[name] = standardDeviation(samples.map((s) => s[name] ?? NaN));
    return out;
}
/** Adapts a per-subsample metric function (0/1 weights) to resampledStd's packed form. */
function eachSubsample(compute) {
    return (packed, resamples) => {
        const w = new Uint8Array(packed.length);
        return Array.from({ length: resamples }, (_, r) => compute(unpackMask(packed, r, w)));
    };
}


/***/ }),

/***/ 5357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K1: () => (/* binding */ constantDigit),
/* harmony export */   NY: () => (/* binding */ argsortDescending),
/* harmony export */   VY: () => (/* binding */ sortScoresWithLabels),
/* harmony export */   WB: () => (/* binding */ decodeSorted),
/* harmony export */   ac: () => (/* binding */ scatterPass),
/* harmony export */   cM: () => (/* binding */ runStart),
/* harmony export */   wI: () => (/* binding */ digitOffsets),
/* harmony export */   x5: () => (/* binding */ DIGITS),
/* harmony export */   zU: () => (/* binding */ buildScoreKeys)
/* harmony export */ });
/* unused harmony export orderRuns */
/**
 * argsort for Float64Array scores, descending, as a Uint32Array of indices: an LSD radix sort
 * over the IEEE-754 bit patterns (16-bit digits, passes whose digit is constant are skipped), so
 * 3 M scores sort in tens of milliseconds and ties keep index order (stable). -0 sorts as 0.
 * NaN must be rejected before calling.
 */
function argsortDescending(scores) {
    const n = scores.length;
    const bits = new Uint32Array(scores.buffer, scores.byteOffset, n * 2);
    let hi = new Uint32Array(n);
    let lo = new Uint32Array(n);
    let idx = new Uint32Array(n);
    const counts = new Uint32Array(4 * 65536);
    for (let i = 0; i < n; i++) {
        let h = bits[2 * i + 1];
        let l = bits[2 * i];
        if (h === 0x80000000 && l === 0)
            h = 0; // -0 -> +0
        // Ascending-order key: flip all bits of negatives, set the sign bit of positives; then invert for descending.
        if (h & 0x80000000) {
            h = ~h >>> 0;
            l = ~l >>> 0;
        }
        else {
            h = (h | 0x80000000) >>> 0;
        }
        h = ~h >>> 0;
        l = ~l >>> 0;
        hi[i] = h;
        lo[i] = l;
        idx[i] = i;
        counts[l & 0xffff]++;
        counts[65536 + (l >>> 16)]++;
        counts[131072 + (h & 0xffff)]++;
        counts[196608 + (h >>> 16)]++;
    }
    let hi2 = new Uint32Array(n);
    let lo2 = new Uint32Array(n);
    let idx2 = new Uint32Array(n);
    for (let pass = 0; pass < 4; pass++) {
        const base = pass * 65536;
        // Skip a pass when every key has the same digit.
        let constant = false;
        for (let d = 0; d < 65536; d++) {
            const c = counts[base + d];
            if (c === n)
                constant = true;
            if (c !== 0)
                break;
        }
        if (constant || n === 0)
            continue;
        let sum = 0;
        for (let d = 0; d < 65536; d++) {
            const c = counts[base + d];
            counts[base + d] = sum;
            sum += c;
        }
        const useLo = pass < 2;
        const shift = pass % 2 === 0 ? 0 : 16;
        const key = useLo ? lo : hi;
        for (let i = 0; i < n; i++) {
            const d = (key[i] >>> shift) & 0xffff;
            const to = counts[base + d]++;
            idx2[to] = idx[i];
            hi2[to] = hi[i];
            if (useLo)
                lo2[to] = lo[i];
        }
        [hi, hi2] = [hi2, hi];
        [idx, idx2] = [idx2, idx];
        if (useLo)
            [lo, lo2] = [lo2, lo];
    }
    return idx;
}
/** Radix digits: the two 16-bit halves of a key's high word. */
const DIGITS = 65536;
/** Whether one bucket of the digit's histogram holds all n keys (its pass would change nothing). */
function constantDigit(counts, base, n) {
    for (let b = 0; b < DIGITS; b++) {
        const c = counts[base + b];
        if (c === n)
            return true;
        if (c !== 0)
            return false;
    }
    return false;
}
/**
 * One stable LSD pass over keys [from, to) of `src` (interleaved (high, low) words): each key
 * goes to `dst` at `offsets[digit]++`, the digit being the high word's 16 bits at `shift`. With
 * `split`, also returns the histograms of the next digit (the high word's top 16 bits) of the
 * keys this pass wrote below and at-or-above key position `split` (two threads splitting the next
 * pass at `split` need them).
 */
function scatterPass(src, dst, from, to, shift, offsets, split) {
    if (split === undefined) {
        for (let i = from; i < to; i++) {
            const h = src[2 * i];
            const at = 2 * offsets[(h >>> shift) & 0xffff]++;
            dst[at] = h;
            dst[at + 1] = src[2 * i + 1];
        }
        return undefined;
    }
    const next = new Uint32Array(2 * DIGITS);
    for (let i = from; i < to; i++) {
        const h = src[2 * i];
        const k = offsets[(h >>> shift) & 0xffff]++;
        dst[2 * k] = h;
        dst[2 * k + 1] = src[2 * i + 1];
        next[(k < split ? 0 : DIGITS) + (h >>> 16)]++;
    }
    return next;
}
/** The first key position at or after `at` that starts a run of equal high words (n when none). */
function runStart(keys, at, n) {
    if (at <= 0)
        return 0;
    let m = at;
    while (m < n && keys[2 * m] === keys[2 * m - 2])
        m++;
    return m;
}
/**
 * Orders the runs of equal high words in keys [from, to) by their low words (insertion sort for
 * short runs, a native numeric sort for long ones); `from` and `to` must be run boundaries.
 */
function orderRuns(src, from, to) {
    let i = from;
    while (i < to) {
        const h = src[2 * i];
        let j = i + 1;
        while (j < to && src[2 * j] === h)
            j++;
        if (j - i > 1) {
            if (j - i <= 16) {
                for (let a = i + 1; a < j; a++) {
                    const l = src[2 * a + 1];
                    let b = a - 1;
                    while (b >= i && src[2 * b + 1] > l) {
                        src[2 * b + 3] = src[2 * b + 1];
                        b--;
                    }
                    src[2 * b + 3] = l;
                }
            }
            else {
                const lows = new Float64Array(j - i);
                for (let a = i; a < j; a++)
                    lows[a - i] = src[2 * a + 1];
                lows.sort();
                for (let a = i; a < j; a++)
                    src[2 * a + 1] = lows[a - i];
            }
        }
        i = j;
    }
}
/**
 * Sorts interleaved (hi, lo) keys ascending by high word: an LSD radix sort on the high words only
 * (2 passes, constant digits skipped); orderRuns then orders runs of equal high words by their low
 * words. For scores, equal high words mean equal sign, exponent and top 20 mantissa bits, so runs
 * are short.
 */
function radixSortByHigh(keys, n, counts, scratch = new Uint32Array(keys.length)) {
    let src = keys;
    let dst = scratch;
    for (let d = 0; d < 2; d++) {
        const base = d * DIGITS;
        if (n === 0 || constantDigit(counts, base, n))
            continue;
        scatterPass(src, dst, 0, n, d * 16, digitOffsets(counts, base));
        [src, dst] = [dst, src];
    }
    if (src !== keys) {
        keys.set(src); // an odd number of passes ran: the result goes back to `keys`
        src = keys;
    }
    return src; // runs of equal high words are still in input order: decodeSorted orders them
}
/** Where each digit's keys start: the exclusive prefix sums of counts[base .. base + DIGITS). */
function digitOffsets(counts, base) {
    const offsets = new Uint32Array(DIGITS);
    let sum = 0;
    for (let b = 0; b < DIGITS; b++) {
        offsets[b] = sum;
        sum += counts[base + b];
    }
    return offsets;
}
/**
 * sortScoresWithLabels when some score is negative (invalid for a binary model, but the result
 * must still be sorted): an index sort, then each run of equal scores lists its positives first.
 */
function sortGeneral(scores, labels, invalidRow, keys) {
    const n = scores.length;
    const order = argsortDescending(scores);
    const s = new Float64Array(n);
    const y = new Uint8Array(n);
    for (let k = 0; k < n; k++)
        s[k] = scores[order[k]] + 0; // + 0 turns -0 into 0
    let positives = 0;
    for (let i = 0; i < n;) {
        let j = i;
        let run = 0;
        do
            run += labels[order[j++]] === 1 ? 1 : 0;
        while (j < n && s[j] === s[i]); // (NaN: a run of one)
        y.fill(1, i, i + run);
        positives += run;
        i = j;
    }
    return { s, y, invalidRow, positives, spare: new Float64Array(keys.buffer, keys.byteOffset, n) };
}
/**
 * Scores sorted descending with their 0/1 labels alongside, without an index array, in one radix
 * sort: valid scores are >= 0 (-0 becomes 0), so their sign bit is free, and the key is the 64
 * score bits shifted left by one with the label in bit 0. Descending keys then mean descending
 * scores, and positives before negatives among equal scores (so the output is fully determined
 * by the (score, label) multiset). Keys are stored inverted so the ascending sort gives descending
 * order (with some negative score: see sortGeneral). Also checks the binary contract on the way:
 * `invalidRow` is the first row whose label is not 0/1 or whose score is not in [0, 1] (-1 when
 * none; the result is then meaningless and the caller reports the row). `spare` is n doubles of
 * scratch memory the sort no longer needs (contents undefined). `_positives` is accepted for
 * compatibility. `shared`: s and y live on SharedArrayBuffers (a worker thread can read them
 * without a copy).
 */
function sortScoresWithLabels(scores, labels, _positives, shared = false) {
    const n = scores.length;
    const keys = new Uint32Array(2 * n); // (high, low) word pairs
    const { counts, invalidRow, signs } = buildScoreKeys(scores, labels, keys, 0);
    if (signs & 0x80000000)
        return sortGeneral(scores, labels, invalidRow, keys);
    // The output array doubles as the radix scratch space (page faults on fresh memory are costly).
    const s = shared ? new Float64Array(new SharedArrayBuffer(8 * n)) : new Float64Array(n);
    const sorted = radixSortByHigh(keys, n, counts, new Uint32Array(s.buffer));
    const y = shared ? new Uint8Array(new SharedArrayBuffer(n)) : new Uint8Array(n);
    const positives = decodeSorted(sorted, s, y, 0, n);
    // The key array is free now: hand it out as scratch space of n doubles (contents undefined).
    return { s, y, invalidRow, positives, spare: new Float64Array(keys.buffer, keys.byteOffset, n) };
}
/**
 * The sort keys of scores[i] with labels[i] (see sortScoresWithLabels), written to keys at row
 * `at + i`: two threads each build the keys of their rows into one shared array.
 */
function buildScoreKeys(scores, labels, keys, at) {
    const n = scores.length;
    const counts = new Uint32Array(2 * DIGITS);
    const bits = new Uint32Array(scores.buffer, scores.byteOffset, n * 2);
    let invalidRow = -1;
    let signs = 0;
    for (let i = 0; i < n; i++) {
        const label = labels[i];
        const score = scores[i];
        if (invalidRow < 0 && ((label !== 0 && label !== 1) || !(score >= 0 && score <= 1)))
            invalidRow = i;
        const h = score === 0 ? 0 : bits[2 * i + 1]; // -0 -> +0 (its low word is 0 too)
        const l = bits[2 * i];
        signs |= h;
        const kh = ~((h << 1) | (l >>> 31)) >>> 0;
        const k = 2 * (at + i);
        keys[k] = kh;
        keys[k + 1] = ~((l << 1) | (label === 1 ? 1 : 0)) >>> 0;
        counts[kh & 0xffff]++;
        counts[DIGITS + (kh >>> 16)]++;
    }
    return { counts, invalidRow, signs };
}
/**
 * Sorted keys [from, to) decoded into scores s and labels y at the same positions: the 64 key
 * bits shifted back right by one, bit 0 the label. `from` and `to` must be run boundaries (see
 * orderRuns, which this runs first). Returns the positives among them. s may be the memory the
 * sort used as scratch, but not `sorted` itself.
 */
function decodeSorted(sorted, s, y, from, to) {
    orderRuns(sorted, from, to);
    const sb = new Uint32Array(s.buffer, s.byteOffset, 2 * s.length);
    let positives = 0;
    for (let k = from; k < to; k++) {
        const kh = ~sorted[2 * k];
        const kl = ~sorted[2 * k + 1];
        y[k] = kl & 1;
        positives += kl & 1;
        sb[2 * k] = (kl >>> 1) | (kh << 31);
        sb[2 * k + 1] = kh >>> 1;
    }
    return positives;
}


/***/ }),

/***/ 7032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ PROBLEM_TYPES)
/* harmony export */ });
const PROBLEM_TYPES = [
    'binary-classification',
    'multiclass-classification',
    'regression',
];


/***/ }),

/***/ 9506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hd: () => (/* binding */ isTerminal),
/* harmony export */   Wf: () => (/* reexport safe */ _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__.Wf),
/* harmony export */   Ze: () => (/* binding */ logGroupOf),
/* harmony export */   c4: () => (/* reexport safe */ _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__.c4),
/* harmony export */   kK: () => (/* binding */ consoleJobUrl),
/* harmony export */   x9: () => (/* reexport safe */ _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__.x9)
/* harmony export */ });
/* unused harmony export TERMINAL_STATUSES */
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
const TERMINAL_STATUSES = ['Completed', 'Failed', 'Stopped'];
function isTerminal(status) {
    return TERMINAL_STATUSES.includes(status);
}
// Not-found / already-exists / not-stoppable classification lives in src/aws/errors.ts.

function consoleJobUrl(region, kind, name) {
    const path = kind === 'training' ? 'jobs' : 'processing-jobs';
    return `https://${region}.console.aws.amazon.com/sagemaker/home?region=${region}#/${path}/${encodeURIComponent(name)}`;
}
function logGroupOf(kind) {
    return kind === 'training' ? '/aws/sagemaker/TrainingJobs' : '/aws/sagemaker/ProcessingJobs';
}


/***/ }),

/***/ 2340:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ StatsError)
/* harmony export */ });
/**
 * A statistic was asked for with arguments it cannot work with (a confidence outside (0, 1), a
 * metric it cannot resample, no iterations, sketch data that is not a KLL sketch, sketches with
 * different parameters). The stats layer never knows about action inputs: the stage validates its
 * inputs first and names them; this error means a caller passed bad values.
 */
class StatsError extends Error {
    name = 'StatsError';
}


/***/ })

};
