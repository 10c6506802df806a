export const id = 142;
export const ids = [142];
export const modules = {

/***/ 5971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GY: () => (/* binding */ POLL_INTERVAL_ENV),
/* harmony export */   Hk: () => (/* binding */ systemSleep),
/* harmony export */   IP: () => (/* binding */ fixedSchedule),
/* harmony export */   cz: () => (/* binding */ pollIntervalFromEnv),
/* harmony export */   g3: () => (/* binding */ pollUntil),
/* harmony export */   ml: () => (/* binding */ systemClock),
/* harmony export */   u7: () => (/* binding */ DEFAULT_MIN_DELAY_MS)
/* harmony export */ });
/* unused harmony exports POLL_INTERVAL_LIMITS, DEFAULT_MAX_DELAY_MS, DEFAULT_BUDGET_INTERVAL_MS, BACKOFF_FACTOR, nextDelay */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9114);
/**
 * The one polling loop of the kit. Every action that waits on AWS (training and processing jobs,
 * transform jobs, endpoints) polls through pollUntil, so the schedule, the timeout and the
 * cancellation behave the same everywhere. Time is injected (clock + sleep) so tests never wait.
 */


const systemClock = { now: () => Date.now() };
const systemSleep = (ms, signal) => new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) {
        resolve();
        return;
    }
    const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
});
/**
 * SAGEMAKER_ACTIONS_POLL_INTERVAL: a fixed poll interval (e.g. `500ms`, `2s`) that replaces the
 * adaptive schedule (minimum delay, describe budget and back-off) of the actions' job waits.
 * For endpoints without AWS's API rate limits: actions/setup-local exports it for sagemaker-local,
 * where a job that ends is otherwise noticed up to a budget interval (6.5 s) late.
 */
const POLL_INTERVAL_ENV = 'SAGEMAKER_ACTIONS_POLL_INTERVAL';
const POLL_INTERVAL_LIMITS = { minMs: 100, maxMs: 60_000 };
/** The fixed poll interval in ms from the environment; undefined when unset or empty. */
function pollIntervalFromEnv(env) {
    const raw = env[POLL_INTERVAL_ENV]?.trim();
    if (!raw)
        return undefined;
    const { minMs, maxMs } = POLL_INTERVAL_LIMITS;
    let ms = NaN;
    try {
        ms = (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(POLL_INTERVAL_ENV, raw, 'ms');
    }
    catch {
        // reported below, as an environment variable rather than an input
    }
    if (!(ms >= minMs && ms <= maxMs))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`environment variable ${POLL_INTERVAL_ENV}=${JSON.stringify(raw)}: expected a duration from ${minMs}ms to ${maxMs / 1000}s (e.g. 500ms); unset it for the adaptive schedule`);
    return ms;
}
/** The schedule bounds that make pollUntil describe every `ms` (no budget, no back-off). */
function fixedSchedule(ms) {
    return { minDelayMs: ms, maxDelayMs: ms, budgetIntervalMs: ms };
}
const DEFAULT_MIN_DELAY_MS = 2_000;
const DEFAULT_MAX_DELAY_MS = 30_000;
/** Describe budget: on average at most one describe per this interval (burst of one). */
const DEFAULT_BUDGET_INTERVAL_MS = 6_500;
/** While a job runs the gap between describes grows with its age: gap = elapsed × this factor. */
const BACKOFF_FACTOR = 0.05;
/**
 * The pure schedule: how long to wait after `attempt` describes (≥ 1), `elapsedMs` after polling
 * started. Three rules, the strictest wins:
 *   - never sooner than minDelayMs;
 *   - a budget: describe number n+1 not before n × budgetIntervalMs, so there are never more than
 *     1 + elapsed / budgetIntervalMs describes (time saved while backing off can later be spent
 *     quickly when `hurry` is set);
 *   - unless hurried, back off with the job's age (elapsed × BACKOFF_FACTOR: a job that has run
 *     for 10 minutes is unlikely to end in the next 2 seconds), capped at maxDelayMs.
 */
function nextDelay(attempt, elapsedMs, opts) {
    const min = Math.max(0, opts.minDelayMs);
    const max = Math.max(min, opts.maxDelayMs);
    const interval = opts.budgetIntervalMs ?? DEFAULT_BUDGET_INTERVAL_MS;
    const elapsed = Math.max(0, elapsedMs);
    const budget = Math.max(0, Math.max(1, attempt) * interval - elapsed);
    if (opts.hurry)
        return Math.round(Math.max(min, budget));
    const backoff = Math.min(max, Math.max(min, elapsed * BACKOFF_FACTOR));
    return Math.round(Math.max(backoff, budget));
}
/** Describes until done, timed out or aborted, sleeping on the adaptive schedule in between. */
async function pollUntil(opts) {
    const clock = opts.clock ?? systemClock;
    const sleep = opts.sleep ?? systemSleep;
    const minDelayMs = opts.minDelayMs ?? DEFAULT_MIN_DELAY_MS;
    const maxDelayMs = opts.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
    const { signal, timeoutMs } = opts;
    const start = clock.now();
    const elapsed = () => clock.now() - start;
    let last;
    const budgetIntervalMs = opts.budgetIntervalMs ?? DEFAULT_BUDGET_INTERVAL_MS;
    if (opts.initialDelayMs && opts.initialDelayMs > 0) {
        await sleep(opts.initialDelayMs, signal);
        if (signal?.aborted)
            return { state: 'aborted', value: undefined };
    }
    for (let attempt = 0;; attempt++) {
        if (signal?.aborted)
            return { state: 'aborted', value: last };
        const value = await opts.describe();
        last = value;
        await opts.onUpdate?.(value, elapsed());
        if (opts.isDone(value))
            return { state: 'done', value };
        if (signal?.aborted)
            return { state: 'aborted', value: last };
        if (timeoutMs !== undefined && elapsed() >= timeoutMs)
            return { state: 'timeout', value: last };
        let wait = nextDelay(attempt + 1, elapsed(), {
            minDelayMs,
            maxDelayMs,
            budgetIntervalMs,
            hurry: opts.hurry?.() ?? false,
        });
        if (timeoutMs !== undefined)
            wait = Math.min(wait, Math.max(0, timeoutMs - elapsed()));
        // Sleep in slices of at most minDelayMs so that onTick (log streaming) runs regularly and a
        // hurry signal raised meanwhile cuts the wait short.
        const waitStart = clock.now();
        for (;;) {
            const left = wait - (clock.now() - waitStart);
            if (left <= 0)
                break;
            await sleep(Math.min(left, Math.max(1, minDelayMs)), signal);
            if (signal?.aborted)
                return { state: 'aborted', value: last };
            await opts.onTick?.(elapsed());
            // Hurried meanwhile: describe as soon as the minimum delay and the budget allow.
            if (opts.hurry?.()) {
                const describedAt = waitStart - start;
                const hurriedAt = describedAt +
                    nextDelay(attempt + 1, describedAt, { minDelayMs, maxDelayMs, budgetIntervalMs, hurry: true });
                if (elapsed() >= hurriedAt)
                    break;
            }
        }
        if (timeoutMs !== undefined && elapsed() >= timeoutMs) {
            // One last look: the job may have finished during the final wait.
            const final = await opts.describe();
            last = final;
            await opts.onUpdate?.(final, elapsed());
            if (opts.isDone(final))
                return { state: 'done', value: final };
            return { state: 'timeout', value: final };
        }
    }
}


/***/ }),

/***/ 2230:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ stopOnSignal)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

const defaultDelay = (ms) => new Promise((resolve) => {
    setTimeout(resolve, ms).unref?.();
});
function stopOnSignal(opts) {
    const controller = new AbortController();
    const bound = opts.boundMs ?? 5_000;
    const delay = opts.delay ?? defaultDelay;
    let received;
    let stopPromise = Promise.resolve(false);
    const handler = (name) => () => {
        if (received) {
            opts.log(`received ${name} while stopping; still waiting for the stop request`);
            return;
        }
        received = name;
        const what = opts.what();
        opts.log(`received ${name} (workflow cancelled): ${what ? `stopping ${what} now` : 'no job started yet'}`);
        const call = what
            ? opts.stop().then(() => {
                opts.log(`stop requested for ${what}`);
                return true;
            }, (err) => {
                opts.log(`could not stop ${what}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)} (the post step will try again)`);
                return false;
            })
            : Promise.resolve(true);
        const timeout = delay(bound).then(() => {
            opts.log(`the stop request did not answer within ${Math.round(bound / 1000)} s (the post step will check the job)`);
            return false;
        });
        stopPromise = Promise.race([call, timeout]);
        controller.abort();
    };
    const onInt = handler('SIGINT');
    const onTerm = handler('SIGTERM');
    opts.source.on('SIGINT', onInt);
    opts.source.on('SIGTERM', onTerm);
    return {
        signal: controller.signal,
        get received() {
            return received;
        },
        stopped: () => stopPromise,
        dispose() {
            opts.source.removeListener('SIGINT', onInt);
            opts.source.removeListener('SIGTERM', onTerm);
        },
    };
}


/***/ }),

/***/ 142:
/***/ ((__unused_webpack_module, __unused_webpack___webpack_exports__, __webpack_require__) => {


// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/context.ts
var context = __webpack_require__(8480);
// EXTERNAL MODULE: ./src/core/render.ts
var render = __webpack_require__(1595);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/signals.ts
var signals = __webpack_require__(2230);
// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/poller.ts
var poller = __webpack_require__(5971);
// EXTERNAL MODULE: ./src/sagemaker/transform.ts
var transform = __webpack_require__(2412);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/metrics/types.ts
var types = __webpack_require__(7032);
// EXTERNAL MODULE: ./src/gates/thresholds.ts
var thresholds = __webpack_require__(2130);
// EXTERNAL MODULE: ./src/gates/errors.ts
var gates_errors = __webpack_require__(549);
// EXTERNAL MODULE: ./src/metrics/report.ts
var report = __webpack_require__(4499);
// EXTERNAL MODULE: ./src/metrics/data-error.ts
var data_error = __webpack_require__(6182);
// EXTERNAL MODULE: ./src/metrics/sort.ts
var sort = __webpack_require__(5357);
// EXTERNAL MODULE: ./src/stats/errors.ts
var stats_errors = __webpack_require__(2340);
;// CONCATENATED MODULE: ./src/stats/checks.ts
/** Argument checks shared by the paired tests. */


function checkConfidence(confidence) {
    if (!(confidence > 0 && confidence < 1)) {
        throw new stats_errors/* StatsError */.G(`confidence ${confidence} is not valid; expected a number between 0 and 1, e.g. 0.95`);
    }
}
function checkPaired(labels, a, b) {
    if (a.length !== labels.length || b.length !== labels.length) {
        throw new data_error/* DataError */.f(`row-count mismatch: ${labels.length} labels, ${a.length} candidate and ${b.length} champion predictions; fix: score both models on the same test rows`);
    }
}

;// CONCATENATED MODULE: ./src/stats/normal.ts
/** The standard normal distribution to ~1e-15: CDF via erfc (series / continued fraction) and its inverse. */
const SQRT2 = Math.SQRT2;
const SQRT_PI = Math.sqrt(Math.PI);
/** erfc(x) for all x: positive-term series for |x| < 3, Lentz continued fraction beyond. */
function erfc(x) {
    if (Number.isNaN(x))
        return NaN;
    if (x < 0)
        return 2 - erfc(-x);
    if (x < 3) {
        // erf(x) = 2/sqrt(pi) e^{-x^2} sum_n 2^n x^{2n+1} / (1*3*...*(2n+1))
        let term = x;
        let sum = x;
        const x2 = 2 * x * x;
        for (let n = 1; n < 200; n++) {
            term *= x2 / (2 * n + 1);
            sum += term;
            if (term < sum * 1e-17)
                break;
        }
        return 1 - (2 / SQRT_PI) * Math.exp(-x * x) * sum;
    }
    if (x > 27)
        return 0;
    // erfc(x) = e^{-x^2}/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
    const tiny = 1e-300;
    let f = x;
    let c = x;
    let d = 0;
    for (let k = 1; k < 500; k++) {
        const a = k / 2;
        d = x + a * d;
        d = d === 0 ? tiny : d;
        c = x + a / c;
        c = c === 0 ? tiny : c;
        d = 1 / d;
        const delta = c * d;
        f *= delta;
        if (Math.abs(delta - 1) < 1e-16)
            break;
    }
    return Math.exp(-x * x) / SQRT_PI / f;
}
function normalCdf(z) {
    return 0.5 * erfc(-z / SQRT2);
}
/** Two-sided p-value of a z statistic. */
function twoSidedP(z) {
    if (Number.isNaN(z))
        return NaN;
    return erfc(Math.abs(z) / SQRT2);
}
/** Inverse standard normal CDF (Acklam's approximation + one Halley step). */
function normalQuantile(p) {
    if (!(p > 0 && p < 1)) {
        if (p === 0)
            return -Infinity;
        if (p === 1)
            return Infinity;
        return NaN;
    }
    const a = [
        -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
        2.506628277459239,
    ];
    const b = [
        -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
        -1.328068155288572e1,
    ];
    const c = [
        -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
        2.938163982698783,
    ];
    const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
    const low = 0.02425;
    let x;
    if (p < low) {
        const q = Math.sqrt(-2 * Math.log(p));
        x =
            (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    else if (p <= 1 - low) {
        const q = p - 0.5;
        const r = q * q;
        x =
            ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
                (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    else {
        const q = Math.sqrt(-2 * Math.log(1 - p));
        x =
            -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    for (let i = 0; i < 2; i++) {
        const e = normalCdf(x) - p;
        const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
        x = x - u / (1 + (x * u) / 2);
    }
    return x;
}

;// CONCATENATED MODULE: ./src/stats/delong.ts
/**
 * DeLong's test for two correlated AUCs on the same rows (DeLong, DeLong & Clarke-Pearson 1988),
 * computed with Sun & Xu's fast algorithm (2014): structural components from midranks, O(n log n).
 */




/** 1-based midranks (ties get the average rank), ascending. */
function midranks(x) {
    const n = x.length;
    const order = (0,sort/* argsortDescending */.NY)(x); // descending: rank of position k is n - k
    const ranks = new Float64Array(n);
    let k = 0;
    while (k < n) {
        let j = k;
        const v = x[order[k]];
        while (j + 1 < n && x[order[j + 1]] === v)
            j++;
        // positions k..j (descending) have ascending ranks n-j .. n-k
        const r = (n - j + (n - k)) / 2;
        for (let t = k; t <= j; t++)
            ranks[order[t]] = r;
        k = j + 1;
    }
    return ranks;
}
function aucComponents(pos, neg) {
    const m = pos.length;
    const n = neg.length;
    const all = new Float64Array(m + n);
    all.set(pos, 0);
    all.set(neg, m);
    const tz = midranks(all);
    const tx = midranks(pos);
    const ty = midranks(neg);
    let sum = 0;
    const v10 = new Float64Array(m);
    const v01 = new Float64Array(n);
    for (let i = 0; i < m; i++) {
        sum += tz[i];
        v10[i] = (tz[i] - tx[i]) / n;
    }
    for (let j = 0; j < n; j++)
        v01[j] = 1 - (tz[m + j] - ty[j]) / m;
    return { auc: (sum - (m * (m + 1)) / 2) / (m * n), v10, v01 };
}
/** Sample covariance (ddof = 1) of two equally long series. */
function cov(a, b) {
    const n = a.length;
    if (n < 2)
        return NaN;
    let ma = 0;
    let mb = 0;
    for (let i = 0; i < n; i++) {
        ma += a[i];
        mb += b[i];
    }
    ma /= n;
    mb /= n;
    let s = 0;
    for (let i = 0; i < n; i++)
        s += (a[i] - ma) * (b[i] - mb);
    return s / (n - 1);
}
/** DeLong's paired test of AUC(candidate) - AUC(champion). NaN statistics when a class has fewer than 2 rows. */
function delong(labels, candidate, champion, confidence) {
    checkConfidence(confidence);
    checkPaired(labels, candidate, champion);
    const posIdx = [];
    const negIdx = [];
    for (let i = 0; i < labels.length; i++) {
        const y = labels[i];
        if (y === 1)
            posIdx.push(i);
        else if (y === 0)
            negIdx.push(i);
        else
            throw new data_error/* DataError */.f(`row ${i + 1}: label ${y} is not 0 or 1; fix: DeLong needs binary 0/1 labels`);
        if (!Number.isFinite(candidate[i]) || !Number.isFinite(champion[i])) {
            throw new data_error/* DataError */.f(`row ${i + 1}: a prediction is not a finite number; fix: check both models' outputs`);
        }
    }
    const pick = (s, idx) => Float64Array.from(idx, (i) => s[i]);
    const c = aucComponents(pick(candidate, posIdx), pick(candidate, negIdx));
    const h = aucComponents(pick(champion, posIdx), pick(champion, negIdx));
    const m = posIdx.length;
    const n = negIdx.length;
    const diff = c.auc - h.auc;
    const variance = (cov(c.v10, c.v10) + cov(h.v10, h.v10) - 2 * cov(c.v10, h.v10)) / m +
        (cov(c.v01, c.v01) + cov(h.v01, h.v01) - 2 * cov(c.v01, h.v01)) / n;
    const sd = Math.sqrt(Math.max(0, variance));
    let z;
    if (Number.isNaN(variance) || m === 0 || n === 0)
        z = NaN;
    else if (sd === 0)
        z = diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
    else
        z = diff / sd;
    const q = normalQuantile(0.5 + confidence / 2);
    const ciOk = Number.isFinite(variance) && m > 0 && n > 0;
    return {
        metric: 'auc',
        candidate: m > 0 && n > 0 ? c.auc : NaN,
        champion: m > 0 && n > 0 ? h.auc : NaN,
        diff: m > 0 && n > 0 ? diff : NaN,
        ci: ciOk ? [diff - q * sd, diff + q * sd] : [NaN, NaN],
        confidence,
        method: 'delong',
        z,
        pValue: Number.isNaN(z) ? NaN : twoSidedP(z),
    };
}

// EXTERNAL MODULE: ./src/metrics/binary.ts
var binary = __webpack_require__(9244);
// EXTERNAL MODULE: ./src/metrics/multiclass.ts
var multiclass = __webpack_require__(9254);
// EXTERNAL MODULE: ./src/metrics/regression.ts
var regression = __webpack_require__(1788);
// EXTERNAL MODULE: ./src/metrics/resample.ts
var resample = __webpack_require__(9866);
;// CONCATENATED MODULE: ./src/stats/bootstrap.ts
/**
 * Seeded paired bootstrap of any metric difference between two models scored on the same rows
 * (percentile CI, numpy.percentile's linear interpolation). Pure; raises StatsError for bad
 * arguments and DataError for bad rows.
 */









/** numpy.percentile's default (linear interpolation) on sorted values. */
function percentile(sorted, q) {
    const pos = q * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
function problemTypeOf(metric, labels, pred, given) {
    if (given) {
        if (!(0,report/* metricNames */.Zv)(given).includes(metric)) {
            throw new stats_errors/* StatsError */.G(`metric ${JSON.stringify(metric)} is not a ${given} metric; valid: ${(0,report/* metricNames */.Zv)(given).join(', ')}`);
        }
        return given;
    }
    const types = ['binary-classification', 'regression', 'multiclass-classification'].filter((p) => (0,report/* metricNames */.Zv)(p).includes(metric));
    if (types.length === 0) {
        throw new stats_errors/* StatsError */.G(`metric ${JSON.stringify(metric)} cannot be compared; valid: ${[...new Set([...(0,report/* metricNames */.Zv)('binary-classification'), ...(0,report/* metricNames */.Zv)('multiclass-classification'), ...(0,report/* metricNames */.Zv)('regression')])].join(', ')}`);
    }
    if (types.length === 1)
        return types[0];
    // A name shared by several problem types (accuracy): binary when the data looks binary.
    const binary = labels.every((y) => y === 0 || y === 1) && pred.every((v) => v >= 0 && v <= 1);
    return binary ? 'binary-classification' : 'multiclass-classification';
}
function scorer(problemType, metric, labels, pred, threshold) {
    const n = labels.length;
    if (problemType === 'binary-classification') {
        const order = (0,sort/* argsortDescending */.NY)(pred);
        const s = new Float64Array(n);
        const y = new Uint8Array(n);
        for (let k = 0; k < n; k++) {
            const i = order[k];
            const label = labels[i];
            const score = pred[i];
            if ((label !== 0 && label !== 1) || !(score >= 0 && score <= 1)) {
                throw new data_error/* DataError */.f(`row ${i + 1}: label ${label} / score ${score} is not binary 0/1 with a probability in [0, 1]; fix: check the inputs`);
            }
            s[k] = score + 0;
            y[k] = label;
        }
        const w = new Uint32Array(n);
        const losses = (0,binary/* logLossTerms */.HD)(s, y);
        return (weights) => {
            if (weights)
                for (let k = 0; k < n; k++)
                    w[k] = weights[order[k]];
            return (0,binary/* binaryMetrics */.Ns)((0,binary/* binaryPass */.rf)(s, y, weights ? w : null, threshold, false, losses))[metric];
        };
    }
    if (problemType === 'multiclass-classification') {
        const ix = (0,multiclass/* indexClasses */.xY)(labels, pred);
        const k = ix.classes.length;
        return (weights) => (0,multiclass/* multiclassMetrics */.zU)((0,multiclass/* confusionCounts */.Vl)(ix, weights), k)[metric];
    }
    return (weights) => (0,regression/* regressionMetrics */.N)(labels, pred, weights)[metric];
}
/**
 * Paired bootstrap: the same resampled rows for both models in each iteration; CI = percentiles
 * of (candidate - champion). Iterations where the metric is undefined (e.g. no positives drawn) are
 * skipped; with fewer than half valid the CI is NaN (fails closed).
 */
function pairedBootstrap(labels, candidate, champion, metric, opts) {
    checkConfidence(opts.confidence);
    checkPaired(labels, candidate, champion);
    const iterations = opts.iterations ?? 1000;
    if (!Number.isInteger(iterations) || iterations < 1) {
        throw new stats_errors/* StatsError */.G(`bootstrap iterations ${iterations} is not valid; expected a whole number >= 1`);
    }
    const problemType = problemTypeOf(metric, labels, candidate, opts.problemType);
    const n = labels.length;
    if (n === 0)
        throw new data_error/* DataError */.f('no rows to compare; fix: provide a non-empty test data set');
    const sc = scorer(problemType, metric, labels, candidate, opts.threshold);
    const sh = scorer(problemType, metric, labels, champion, opts.threshold);
    const cand = sc(null);
    const champ = sh(null);
    const rng = (0,resample/* createRng */.SZ)(opts.seed ?? resample/* DEFAULT_SEED */.KP);
    const diffs = new Float64Array(iterations);
    const counts = new Uint32Array(n);
    let valid = 0;
    for (let it = 0; it < iterations; it++) {
        (0,resample/* bootstrapCounts */.nv)(n, rng, counts);
        const d = sc(counts) - sh(counts);
        if (!Number.isNaN(d))
            diffs[valid++] = d;
    }
    const sorted = diffs.subarray(0, valid).sort();
    const alpha = (1 - opts.confidence) / 2;
    const ok = valid >= iterations / 2 && valid > 0;
    return {
        metric,
        candidate: cand,
        champion: champ,
        diff: cand - champ,
        ci: ok ? [percentile(sorted, alpha), percentile(sorted, 1 - alpha)] : [NaN, NaN],
        confidence: opts.confidence,
        method: 'paired-bootstrap',
    };
}

;// CONCATENATED MODULE: ./src/gates/champion.ts
/**
 * Champion / challenger decisions on the same test rows: which metrics are lower-is-better, the
 * `max-regression` map and the summary line. The statistics themselves (DeLong, paired bootstrap)
 * are in src/stats.
 */


// The statistics live in src/stats; re-exported here for the gate's callers.


const LOWER_IS_BETTER = new Set([
    'log_loss',
    'false_positive_rate',
    'false_negative_rate',
    'mae',
    'mse',
    'rmse',
]);
function lowerIsBetter(metric) {
    return LOWER_IS_BETTER.has(metric);
}
/** `max-regression`: metric -> allowed drop (a number >= 0, in the metric's units). */
function parseMaxRegression(map, problemType) {
    const valid = (0,report/* metricNames */.Zv)(problemType);
    if (typeof map !== 'object' || map === null || Array.isArray(map)) {
        throw new gates_errors/* GateConfigError */.a(`${JSON.stringify(map)} is not a map; expected metric: allowed drop, e.g. {auc: 0.01}`);
    }
    const out = {};
    for (const [metric, raw] of Object.entries(map)) {
        if (!valid.includes(metric)) {
            throw new gates_errors/* GateConfigError */.a(`unknown metric ${JSON.stringify(metric)} for ${problemType}; valid metrics: ${valid.join(', ')}`);
        }
        const v = typeof raw === 'number'
            ? raw
            : typeof raw === 'string' && /^\s*(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(raw)
                ? Number(raw)
                : NaN;
        if (!Number.isFinite(v) || v < 0) {
            throw new gates_errors/* GateConfigError */.a(`allowed drop ${JSON.stringify(raw)} for ${metric} is not valid; expected a number >= 0 in ${metric}'s units, e.g. ${metric}: 0.01 (0 = no significant regression allowed)`);
        }
        out[metric] = v;
    }
    return out;
}
const DISPLAY = {
    auc: 'AUC',
    pr_auc: 'PR AUC',
    f1: 'F1',
    f2: 'F2',
    f0_5: 'F0.5',
    log_loss: 'log loss',
};
function signed(v, digits) {
    if (!Number.isFinite(v))
        return String(v);
    const s = v.toFixed(digits);
    return v >= 0 || /^-0\.0*$/.test(s) ? `+${s.replace(/^-/, '')}` : s;
}
/** "AUC 0.741 vs champion 0.729, +0.012, 95% CI [+0.004, +0.020]" */
function formatComparison(c, digits = 3) {
    const name = DISPLAY[c.metric] ?? c.metric;
    const pct = `${Number((c.confidence * 100).toFixed(2))}%`;
    const ci = c.method === 'registered-metrics'
        ? ' (registered metrics, no CI)'
        : `, ${pct} CI [${signed(c.ci[0], digits)}, ${signed(c.ci[1], digits)}]`;
    return `${name} ${c.candidate.toFixed(digits)} vs champion ${c.champion.toFixed(digits)}, ${signed(c.diff, digits)}${ci}`;
}

;// CONCATENATED MODULE: ./src/stages/evaluate/settings.ts






/** Runs a gate parser over one input's value; the gate's own error becomes a ConfigurationError naming the input. */
function gateInput(input, parse) {
    try {
        return parse();
    }
    catch (err) {
        if (err instanceof gates_errors/* GateConfigError */.a)
            throw new errors/* ConfigurationError */.j1(`input '${input}': ${err.message}`);
        throw err;
    }
}
/** The evaluate action's input, output and state names (a unit test checks them against action.yml). */
const EVALUATE_NAMES = {
    action: 'evaluate',
    inputs: [
        'model-artifact',
        'image',
        'role-arn',
        'test-data',
        'label-column',
        'predictions',
        'evaluation-report',
        'problem-type',
        'probability-threshold',
        'thresholds',
        'fail-on-gate',
        'force-fail',
        'model-package-group',
        'max-regression',
        'confidence',
        'register',
        'approve-on-pass',
        'report-s3-uri',
        'instance-type',
        'timeout-minutes',
        'github-token',
        'config',
        'region',
    ],
    outputs: [
        'passed',
        'metrics',
        'report-uri',
        'model-package-arn',
        'champion-package-arn',
        'summary-markdown',
    ],
    state: [],
};
const SOURCE_INPUTS = ['model-artifact', 'predictions', 'evaluation-report'];
const GROUP_RE = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
/** A local path or an S3 URI (validated when it is one). */
function settings_location(inputs, name) {
    const v = inputs.optional(name);
    if (v === undefined || v === '')
        return undefined;
    if (/^s3:\/\//i.test(v))
        return (0,core_inputs/* parseS3Uri */.yc)(name, v).uri;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
        throw new errors/* ConfigurationError */.j1(`input '${name}': ${(0,core_inputs/* show */.WU)(v)} is not valid; expected an S3 URI (s3://bucket/key) or a local path`);
    }
    return v;
}
/** Pure: typed settings from the inputs (explicit inputs, then the config file, then defaults). */
function parseEvaluateSettings(inputs) {
    const warnings = [];
    const given = SOURCE_INPUTS.filter((n) => inputs.has(n));
    if (given.length !== 1) {
        throw new errors/* ConfigurationError */.j1(given.length === 0
            ? `set exactly one of 'model-artifact' (batch transform of a model), 'predictions' (scores you computed) or 'evaluation-report' (a model-quality JSON); none was set`
            : `set exactly one of 'model-artifact', 'predictions' or 'evaluation-report'; got ${given.map((n) => `'${n}'`).join(' and ')}, which conflict`);
    }
    const problemType = inputs.choice('problem-type', types/* PROBLEM_TYPES */.Y, 'binary-classification');
    const testData = settings_location(inputs, 'test-data');
    const kind = given[0];
    let source;
    if (kind === 'model-artifact') {
        const modelArtifact = (0,core_inputs/* parseS3Uri */.yc)('model-artifact', inputs.required('model-artifact'));
        if (!modelArtifact.key.endsWith('.tar.gz')) {
            throw new errors/* ConfigurationError */.j1(`input 'model-artifact': ${(0,core_inputs/* show */.WU)(modelArtifact.uri)} is not valid; expected the S3 URI of a model.tar.gz (e.g. the train action's model-artifact output)`);
        }
        if (!testData)
            throw new errors/* ConfigurationError */.j1(`input 'test-data' is required with 'model-artifact': the labelled test CSV (S3 URI or local path) to score`);
        const roleArn = (0,core_inputs/* parseRoleArn */.DM)('role-arn', inputs.required('role-arn', 'CreateModel needs an execution role for the batch transform'));
        const image = inputs.optional('image');
        if (image !== undefined && !/^\S+$/.test(image)) {
            throw new errors/* ConfigurationError */.j1(`input 'image': ${(0,core_inputs/* show */.WU)(image)} is not valid; expected an ECR image URI`);
        }
        source = { kind, modelArtifact, image, roleArn, testData };
    }
    else if (kind === 'predictions') {
        const predictions = settings_location(inputs, 'predictions');
        if (!testData)
            throw new errors/* ConfigurationError */.j1(`input 'test-data' is required with 'predictions': the labelled test CSV the predictions were made for`);
        source = { kind, predictions, testData };
    }
    else {
        source = { kind, report: settings_location(inputs, 'evaluation-report') };
        inputs.rejectForMode(['test-data'], kind, 'source');
    }
    if (kind !== 'model-artifact') {
        inputs.rejectForMode(['image', 'role-arn'], kind, 'source');
    }
    const modelPackageGroup = inputs.optional('model-package-group');
    if (modelPackageGroup !== undefined && !GROUP_RE.test(modelPackageGroup)) {
        throw new errors/* ConfigurationError */.j1(`input 'model-package-group': ${(0,core_inputs/* show */.WU)(modelPackageGroup)} is not valid; expected 1-63 letters, digits and hyphens, starting and ending with a letter or digit`);
    }
    const maxRegression = gateInput('max-regression', () => parseMaxRegression(inputs.map('max-regression'), problemType));
    if (Object.keys(maxRegression).length && !modelPackageGroup) {
        throw new errors/* ConfigurationError */.j1(`input 'max-regression' needs 'model-package-group' (the champion is the latest Approved package in that group)`);
    }
    const register = inputs.boolean('register', false);
    if (register && !modelPackageGroup)
        throw new errors/* ConfigurationError */.j1(`input 'register': true needs 'model-package-group' to register into`);
    if (register && kind !== 'model-artifact') {
        throw new errors/* ConfigurationError */.j1(`input 'register': true needs 'model-artifact' (a model package needs the model data); got '${kind}'`);
    }
    const approveOnPass = inputs.boolean('approve-on-pass', false);
    if (approveOnPass && !register)
        throw new errors/* ConfigurationError */.j1(`input 'approve-on-pass': true has no effect without 'register: true'`);
    const instanceType = (0,core_inputs/* parseInstanceType */.HY)('instance-type', inputs.string('instance-type', 'ml.m5.xlarge'));
    const timeoutMs = inputs.optionalDuration('timeout-minutes', 'm');
    if (timeoutMs !== undefined && timeoutMs <= 0) {
        throw new errors/* ConfigurationError */.j1(`input 'timeout-minutes': ${(0,core_inputs/* show */.WU)(inputs.optional('timeout-minutes'))} is not valid; expected a positive duration such as 30 or 1h`);
    }
    const reportS3Uri = inputs.optionalS3Uri('report-s3-uri');
    if (reportS3Uri && (reportS3Uri.key === '' || reportS3Uri.key.endsWith('/'))) {
        // A prefix: the report goes inside it.
        reportS3Uri.key = `${reportS3Uri.key}evaluation.json`;
        reportS3Uri.uri = `s3://${reportS3Uri.bucket}/${reportS3Uri.key}`;
    }
    return {
        source,
        labelColumn: inputs.integer('label-column', 0, { min: 0, max: 100_000 }),
        problemType,
        probabilityThreshold: inputs.number('probability-threshold', 0.5, { min: 0, max: 1 }),
        thresholds: gateInput('thresholds', () => (0,thresholds/* parseThresholds */.S)(inputs.map('thresholds'), problemType)),
        failOnGate: inputs.boolean('fail-on-gate', true),
        forceFail: inputs.boolean('force-fail', false),
        modelPackageGroup,
        maxRegression,
        confidence: confidenceInput(inputs),
        register,
        approveOnPass,
        reportS3Uri,
        instanceType,
        githubToken: inputs.optional('github-token') || undefined,
        region: inputs.optional('region'),
        timeoutMs,
        warnings,
    };
}
function confidenceInput(inputs) {
    const c = inputs.number('confidence', 0.95);
    if (!(c > 0 && c < 1)) {
        throw new errors/* ConfigurationError */.j1(`input 'confidence': ${(0,core_inputs/* show */.WU)(inputs.optional('confidence'))} is not valid; expected a level between 0 and 1 such as 0.95`);
    }
    return c;
}

// EXTERNAL MODULE: ./src/workers/pool.ts + 2 modules
var pool = __webpack_require__(8712);
;// CONCATENATED MODULE: ./src/gates/decide.ts
/**
 * The gate decision over plain data. Fails closed: upstream problems, forced failure, any failed
 * threshold, a champion regression beyond its allowance with statistical confidence, a champion
 * rule that cannot be evaluated, or nothing configured at all. `decidedBy` names the deciding rule.
 */

const METHOD_PREFERENCE = ['delong', 'paired-bootstrap', 'registered-metrics'];
/** Whether a comparison shows a regression beyond `allowance` with statistical confidence (undefined = cannot tell). */
function regressionBeyond(c, allowance) {
    const [lo, hi] = c.ci;
    if (![c.diff, lo, hi, c.candidate, c.champion].every(Number.isFinite))
        return undefined;
    // Higher is better: the whole CI of (candidate - champion) lies below -allowance. Lower is better: above +allowance.
    return lowerIsBetter(c.metric) ? lo > allowance : hi < -allowance;
}
function regressionStanding(c, allowance) {
    const beyond = regressionBeyond(c, allowance);
    if (beyond === undefined)
        return 'unknown';
    if (beyond)
        return 'beyond';
    const pointBeyond = lowerIsBetter(c.metric) ? c.diff > allowance : c.diff < -allowance;
    return pointBeyond ? 'inconclusive' : 'within';
}
/**
 * The interval is wider than the allowance: the test data cannot tell a drop of the allowed size
 * from noise (pure; undefined when it can, or when there is no interval or no allowance).
 */
function intervalWiderThanAllowance(c, allowance) {
    if (c.method === 'registered-metrics' || !(allowance > 0))
        return undefined;
    const width = c.ci[1] - c.ci[0];
    if (!Number.isFinite(width) || width <= allowance)
        return undefined;
    return (`max-regression ${c.metric}: the ${Math.round(c.confidence * 100)}% interval of the difference is ` +
        `${round4(width)} wide, wider than the allowance ${allowance}: the test data cannot tell a drop of ` +
        `the allowed size from noise, so a real regression can pass. Fix: evaluate on more test rows, or ` +
        `raise the allowance to what the data can resolve`);
}
function round4(x) {
    return Math.round(x * 10000) / 10000;
}
function pickComparison(comparisons, metric) {
    for (const method of METHOD_PREFERENCE) {
        const c = comparisons.find((x) => x.metric === metric && x.method === method);
        if (c)
            return c;
    }
    return undefined;
}
function decideGate(input) {
    const { outcomes, comparisons, maxRegression, championFound, forceFail, problems } = input;
    const failures = [];
    const notes = [];
    const warnings = [];
    for (const p of problems)
        failures.push({ rule: 'fail-closed', reason: p });
    for (const o of outcomes) {
        if (!o.passed)
            failures.push({ rule: `threshold ${o.rule}`, reason: o.message });
    }
    const passedThresholds = outcomes.filter((o) => o.passed).length;
    let championRules = 0;
    if (championFound) {
        let allowances = Object.entries(maxRegression);
        if (allowances.length === 0) {
            // No allowance configured: the candidate must not be significantly worse on anything compared.
            allowances = [...new Set(comparisons.map((c) => c.metric))].map((m) => [m, 0]);
            if (allowances.length > 0)
                notes.push('max-regression not set: allowing no statistically significant regression (allowance 0)');
        }
        for (const [metric, allowance] of allowances) {
            championRules++;
            const rule = `max-regression ${metric} (allowed drop ${allowance})`;
            const c = pickComparison(comparisons, metric);
            if (!c) {
                failures.push({
                    rule,
                    reason: `${rule}: no comparison with the champion for ${metric}; the gate fails closed. Fix: make the champion scorable on the test data, register ${metric} with the champion, or remove ${metric} from max-regression`,
                });
                continue;
            }
            const standing = regressionStanding(c, allowance);
            const line = formatComparison(c);
            const wide = intervalWiderThanAllowance(c, allowance);
            if (wide && standing !== 'unknown')
                warnings.push(wide);
            if (standing === 'unknown') {
                failures.push({ rule, reason: `${rule}: cannot be evaluated (${line}); the gate fails closed` });
            }
            else if (standing === 'beyond') {
                const how = c.method === 'registered-metrics'
                    ? 'the registered metrics show'
                    : `with ${Math.round(c.confidence * 1000) / 10}% confidence`;
                failures.push({
                    rule,
                    reason: `${rule}: ${line}: worse than the champion beyond the allowance, ${how}`,
                });
            }
            else if (standing === 'inconclusive') {
                notes.push(`${rule}: passed, not significantly worse than the allowance: the measured drop is beyond it, but the interval straddles it (${line})`);
            }
            else {
                notes.push(`${rule}: passed, within the allowance (${line})`);
            }
        }
    }
    else {
        notes.push('no champion yet (no Approved package in the group): gated on thresholds alone');
    }
    if (outcomes.length === 0 && championRules === 0) {
        failures.push({
            rule: 'nothing configured',
            reason: championFound
                ? 'no thresholds configured and nothing could be compared with the champion: nothing passes by default. Fix: set `thresholds`, e.g. auc: ">= 0.70"'
                : 'no thresholds or champion rules configured: nothing passes by default. Fix: set `thresholds`, e.g. auc: ">= 0.70"',
        });
    }
    if (forceFail) {
        return {
            passed: false,
            forced: true,
            decidedBy: 'force-fail',
            reasons: [
                'force-fail: true: the gate was failed deliberately (forced), after computing and reporting everything',
                ...failures.map((f) => f.reason),
                ...notes,
            ],
            outcomes,
            comparisons,
            warnings,
        };
    }
    if (failures.length > 0) {
        return {
            passed: false,
            forced: false,
            decidedBy: failures[0].rule,
            reasons: [...failures.map((f) => f.reason), ...notes],
            outcomes,
            comparisons,
            warnings,
        };
    }
    const parts = [];
    if (passedThresholds > 0)
        parts.push(`${passedThresholds} threshold(s)`);
    if (championRules > 0)
        parts.push(`${championRules} champion rule(s)`);
    return {
        passed: true,
        forced: false,
        decidedBy: `all rules passed: ${parts.join(', ')}`,
        reasons: [...outcomes.map((o) => o.message), ...notes],
        outcomes,
        comparisons,
        warnings,
    };
}

;// CONCATENATED MODULE: ./src/sagemaker/images.ts

/**
 * ECR registry accounts of the built-in XGBoost 1.7-1 image (training = inference), from the
 * SageMaker Python SDK's image_uri_config/xgboost.json (see shared/reference/sagemaker.md §4).
 */
const XGBOOST_VERSION = '1.7-1';
const XGBOOST_ACCOUNTS = {
    'af-south-1': '510948584623',
    'ap-east-1': '651117190479',
    'ap-northeast-1': '354813040037',
    'ap-northeast-2': '366743142698',
    'ap-northeast-3': '867004704886',
    'ap-south-1': '720646828776',
    'ap-south-2': '628508329040',
    'ap-southeast-1': '121021644041',
    'ap-southeast-2': '783357654285',
    'ap-southeast-3': '951798379941',
    'ap-southeast-4': '106583098589',
    'ca-central-1': '341280168497',
    'ca-west-1': '190319476487',
    'cn-north-1': '450853457545',
    'cn-northwest-1': '451049120500',
    'eu-central-1': '492215442770',
    'eu-central-2': '680994064768',
    'eu-north-1': '662702820516',
    'eu-south-1': '978288397137',
    'eu-south-2': '104374241257',
    'eu-west-1': '141502667606',
    'eu-west-2': '764974769150',
    'eu-west-3': '659782779980',
    'il-central-1': '898809789911',
    'me-central-1': '272398656194',
    'me-south-1': '801668240914',
    'sa-east-1': '737474898029',
    'us-east-1': '683313688378',
    'us-east-2': '257758044811',
    'us-gov-east-1': '237065988967',
    'us-gov-west-1': '414596584902',
    'us-iso-east-1': '833128469047',
    'us-isob-east-1': '281123927165',
    'us-isof-east-1': '108575199400',
    'us-isof-south-1': '124985052026',
    'us-west-1': '746614075791',
    'us-west-2': '246618743249',
};
/** `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/sagemaker-xgboost:1.7-1` for the region. */
function builtinXgboostImage(region) {
    const account = XGBOOST_ACCOUNTS[region];
    if (!account) {
        throw new errors/* ConfigurationError */.j1(`input 'image': the built-in XGBoost ${XGBOOST_VERSION} image is not known for region ${JSON.stringify(region)}; ` +
            `set 'image' to an ECR image URI (known regions: ${Object.keys(XGBOOST_ACCOUNTS).join(', ')})`);
    }
    const host = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return `${account}.dkr.ecr.${region}.${host}/sagemaker-xgboost:${XGBOOST_VERSION}`;
}

// EXTERNAL MODULE: ./src/github/sticky-comment.ts
var sticky_comment = __webpack_require__(7648);
;// CONCATENATED MODULE: ./src/github/pr-comment.ts



const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
/** The PR number of a pull_request(_target) event payload, else undefined. */
function pullRequestNumber(eventName, payload) {
    if (!eventName || !PR_EVENTS.has(eventName))
        return undefined;
    const pr = payload?.pull_request;
    const n = payload?.number ?? pr?.number;
    return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}
/** The event payload (GITHUB_EVENT_PATH), or undefined when absent/unreadable. */
async function readEventPayload(env) {
    const path = env['GITHUB_EVENT_PATH'];
    if (!path)
        return undefined;
    try {
        return JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/**
 * Posts (or updates) the sticky PR comment. Never fails the step: without a token or outside a
 * pull request it skips with an info line; a 403 (fork PRs get a read-only token) is a warning.
 */
async function postPrComment(opts) {
    const { env, log } = opts;
    if (!opts.token) {
        log.info(`PR comment: skipped (no github-token input; pass github-token: \${{ github.token }} with pull-requests: write to get one)`);
        return { outcome: 'skipped' };
    }
    const payload = await readEventPayload(env);
    const prNumber = pullRequestNumber(env['GITHUB_EVENT_NAME'], payload);
    if (prNumber === undefined) {
        log.info(`PR comment: skipped (event ${env['GITHUB_EVENT_NAME'] ?? 'unknown'} is not a pull request)`);
        return { outcome: 'skipped' };
    }
    const [owner, repo] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
    if (!owner || !repo) {
        log.info('PR comment: skipped (GITHUB_REPOSITORY is not set)');
        return { outcome: 'skipped' };
    }
    const ref = { owner, repo, issueNumber: prNumber };
    const make = opts.octokit ??
        (async (token) => {
            const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 2413));
            return getOctokit(token, { baseUrl: env['GITHUB_API_URL'] || 'https://api.github.com' });
        });
    try {
        const octokit = await make(opts.token);
        const res = await (0,sticky_comment/* upsertStickyComment */.qD)(octokit, ref, (0,sticky_comment/* commentMarker */.Ql)(opts.action, opts.identifier), opts.markdown);
        log.info(`PR comment: ${res.action} ${res.url}`);
        return { outcome: res.action };
    }
    catch (err) {
        const status = err.status;
        if (status === 403 || status === 404) {
            const reason = `HTTP ${status}: ${(0,errors/* errorMessage */.gJ)(err)}. Pull requests from forks get a read-only token; ` +
                `grant pull-requests: write, or post the comment from a workflow_run workflow`;
            log.warning(`PR comment: not posted (${reason})`);
            return { outcome: 'forbidden', reason };
        }
        const reason = (0,errors/* errorMessage */.gJ)(err);
        log.warning(`PR comment: not posted (${reason})`);
        return { outcome: 'failed', reason };
    }
}

// EXTERNAL MODULE: ./src/metrics/binary-fused.ts + 1 modules
var binary_fused = __webpack_require__(532);
// EXTERNAL MODULE: ./src/metrics/compute.ts
var compute = __webpack_require__(2624);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/metrics/lines.ts
/** A growable Float64Array for the streaming readers. */
class Float64Builder {
    data;
    length = 0;
    constructor(capacity = 1 << 16) {
        this.data = new Float64Array(Math.max(16, capacity));
    }
    push(v) {
        if (this.length === this.data.length)
            this.grow();
        this.data[this.length++] = v;
    }
    /** Appends all of values. */
    append(values) {
        while (this.length + values.length > this.data.length)
            this.grow();
        this.data.set(values, this.length);
        this.length += values.length;
    }
    /** Doubles the capacity (keeps the values). */
    grow() {
        const bigger = new Float64Array(this.data.length * 2);
        bigger.set(this.data);
        this.data = bigger;
    }
    /** The values, copied to an exact-size array when the slack is large. */
    finish() {
        return this.length * 2 < this.data.length
            ? this.data.slice(0, this.length)
            : this.data.subarray(0, this.length);
    }
}

;// CONCATENATED MODULE: ./src/metrics/scan.ts
/**
 * The fast path of the readers: one byte loop per chunk that finds the wanted comma-separated
 * column of each line and parses it inline (Clinger's fast path: <= 15 significant digits and a
 * decimal exponent within ±22 give the exact double with one multiplication or division). Any line
 * it does not fully understand (quotes, blank, too few columns, long mantissas, junk, extra values
 * when a single value is required, a header) goes to the caller's `slow` handler, which parses or
 * rejects it with the file and line. Values land in a growable Float64Array without per-line
 * strings or closures.
 */

/** Scans the file, appending one value per line to out (fast path) or whatever `slow` pushes. Returns the line count. */
async function scanColumn(file, opts, out, slow) {
    return kernel.scanRange(external_node_fs_, file, 0, Infinity, 0, opts, out, slow);
}
/**
 * The scanner as one self-contained function: everything it needs is declared inside or passed
 * in (no imports, no module constants), so its source text also runs as a worker thread's code
 * (see parallel-scan.ts), in the sources, under jest and in a minified bundle alike. Returns the
 * range scanner; the main thread uses the same instance below.
 */
function scanKernel() {
    const POW10 = new Float64Array(23);
    for (let i = 0, p = 1; i < 23; i++, p *= 10)
        POW10[i] = p;
    /**
     * Scans bytes [from, to) of the file (to = Infinity: to the end; `from` must start a line, `to`
     * end one or be the end), numbering lines from firstLine + 1. Returns the last line number.
     */
    function scanRange(fsys, file, from, to, firstLine, opts, out, slow) {
        // Synchronous chunked reads: no thread-pool round trip per chunk (measurably faster on busy
        // runners); the file is still streamed through one buffer.
        const fd = fsys.openSync(file, 'r');
        try {
            let buf = Buffer.allocUnsafe((opts.chunkSize ?? 1 << 20) + 1);
            let filled = 0;
            let line = firstLine;
            let first = from === 0;
            let eof = false;
            let position = from;
            const { column, single } = opts;
            // With the fast path off, every line counts as "skipped" and goes to `slow`.
            const skipLines = opts.fast === false ? Number.MAX_SAFE_INTEGER : (opts.skipLines ?? 0);
            while (!eof) {
                if (filled >= buf.length - 1) {
                    const bigger = Buffer.allocUnsafe(buf.length * 2);
                    buf.copy(bigger, 0, 0, filled);
                    buf = bigger;
                }
                const want = Math.min(buf.length - 1 - filled, to - position);
                const bytesRead = want > 0 ? fsys.readSync(fd, buf, filled, want, position) : 0;
                position += bytesRead;
                let end = filled + bytesRead;
                if (bytesRead === 0) {
                    eof = true;
                    if (end === 0)
                        break;
                    if (buf[end - 1] !== 10)
                        buf[end++] = 10; // terminate the last line
                }
                const last = buf.lastIndexOf(10, end - 1);
                if (last < 0) {
                    filled = end; // no complete line yet (the BOM check waits for it)
                    continue;
                }
                let pos = 0;
                if (first && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
                    pos = 3;
                first = false;
                // Lines [pos, last] are complete.
                line = scanLines(buf, pos, last, line, column, single, skipLines, out, slow);
                buf.copy(buf, 0, last + 1, end);
                filled = end - (last + 1);
            }
            return line;
        }
        finally {
            fsys.closeSync(fd);
        }
    }
    /** The hot loop (synchronous, so it optimises normally): complete lines in [pos, last]; returns the line count. */
    function scanLines(buf, pos, last, line, column, single, skipLines, out, slow) {
        // Output and a 32-bit view for word-at-a-time newline search (when the buffer is aligned).
        let data = out.data;
        let len = out.length;
        const words = buf.byteOffset % 4 === 0 ? new Uint32Array(buf.buffer, buf.byteOffset, buf.length >>> 2) : null;
        while (pos <= last) {
            const lineStart = pos;
            line++;
            let i = pos;
            let ok = line > skipLines;
            // Skip to the wanted column (no quotes on the fast path).
            for (let c = 0; ok && c < column;) {
                const b = buf[i];
                if (b === 10 || b === 34)
                    ok = false;
                else {
                    if (b === 44)
                        c++;
                    i++;
                }
            }
            let v = 0;
            if (ok) {
                // Inline decimal parse.
                let b = buf[i];
                let neg = false;
                if (b === 45) {
                    neg = true;
                    b = buf[++i];
                }
                else if (b === 43)
                    b = buf[++i];
                let m = 0;
                let exp = 0;
                const digitsFrom = i;
                while (b >= 48 && b <= 57) {
                    m = m * 10 + (b - 48);
                    b = buf[++i];
                }
                let digits = i - digitsFrom;
                if (b === 46) {
                    b = buf[++i];
                    const fracFrom = i;
                    while (b >= 48 && b <= 57) {
                        m = m * 10 + (b - 48);
                        b = buf[++i];
                    }
                    exp = fracFrom - i;
                    digits -= exp;
                }
                if (b === 101 || b === 69) {
                    b = buf[++i];
                    let eneg = false;
                    if (b === 45 || b === 43) {
                        eneg = b === 45;
                        b = buf[++i];
                    }
                    let e = 0;
                    const expFrom = i;
                    while (b >= 48 && b <= 57) {
                        e = e * 10 + (b - 48);
                        b = buf[++i];
                    }
                    if (i === expFrom || i - expFrom > 4)
                        ok = false;
                    exp += eneg ? -e : e;
                }
                if (b === 13)
                    b = buf[++i];
                // Exact when the digits, read as an integer, stay below 2^53 (every partial value was exact
                // too) and 10^|exp| is exact: Clinger's fast path.
                if (digits === 0 || m > 9007199254740991 || exp > 22 || exp < -22)
                    ok = false;
                else if (b === 10) {
                    // the value ends the line
                }
                else if (b === 44 && !single) {
                    // more columns follow: skipped below
                }
                else
                    ok = false;
                if (ok) {
                    v = m === 0 ? 0 : exp === 0 ? m : exp > 0 ? m * POW10[exp] : m / POW10[-exp];
                    if (neg && v !== 0)
                        v = -v;
                }
            }
            // Find the end of the line (every line in [pos, last] ends with a newline).
            let nl = i;
            if (buf[nl] !== 10)
                nl = words === null ? buf.indexOf(10, nl) : findNewline(buf, words, nl);
            if (ok) {
                if (len === data.length) {
                    out.length = len;
                    out.grow();
                    data = out.data;
                }
                data[len++] = v;
            }
            else {
                out.length = len;
                slow(buf, lineStart, nl > lineStart && buf[nl - 1] === 13 ? nl - 1 : nl, line, out);
                data = out.data;
                len = out.length;
            }
            pos = nl + 1;
        }
        out.length = len;
        return line;
    }
    /**
     * Index of the first newline at or after i (one must exist): bytes up to a 4-byte boundary, then
     * whole words (SWAR: a word holds a 0x0A byte when (x - 0x01010101) & ~x & 0x80808080 is non-zero
     * for x = word ^ 0x0A0A0A0A), then the byte within the word.
     */
    function findNewline(buf, words, i) {
        while ((i & 3) !== 0) {
            if (buf[i] === 10)
                return i;
            i++;
        }
        let w = i >>> 2;
        const nw = words.length;
        while (w < nw) {
            const x = words[w] ^ 0x0a0a0a0a;
            if (((x - 0x01010101) & ~x & 0x80808080) !== 0)
                break;
            w++;
        }
        i = w << 2;
        while (buf[i] !== 10)
            i++;
        return i;
    }
    return { scanRange };
}
const kernel = scanKernel();

;// CONCATENATED MODULE: ./src/metrics/worker-tasks.ts
/**
 * What the evaluate readers and metrics hand to a worker thread (src/workers), and the check of
 * what comes back: a column scan of a byte range (fast path only: at the first line the fast path
 * does not take, the worker gives up and the main thread scans the range itself, so errors keep
 * their true line numbers); the monitor's subsample masks; and the packed resample pass over the
 * sorted scores (compute-parallel.ts). The main thread validates every answer (assert*): a
 * malformed one fails closed.
 */






const COLUMN_SCAN_TASK = 'metrics-column-scan';
const giveUp = { slowLine: true };
function columnScan(t) {
    const out = new Float64Builder(t.capacity);
    let answer;
    try {
        const lines = scanKernel().scanRange(external_node_fs_, t.file, t.from, t.to, 0, t.opts, out, () => {
            throw giveUp;
        });
        answer = { ok: true, lines, values: out.data, count: out.length };
    }
    catch (err) {
        answer = { ok: false, reason: err === giveUp ? 'a line needs the slow path' : String(err) };
    }
    return { value: answer, transfer: answer.ok ? [answer.values.buffer] : [] };
}
const MONITOR_MASKS_TASK = 'metrics-monitor-masks';
const RESAMPLE_PASS_TASK = 'metrics-resample-pass';
function masksTask(t) {
    const packed = (0,resample/* monitorMasks */.cw)(t.n, t.seed);
    return { value: packed, transfer: [packed.buffer] };
}
function resamplePassTask(t) {
    return { value: (0,binary/* binaryPassPacked */.Vg)(t.s, t.y, t.packed, resample/* STD_RESAMPLES */.lc, t.threshold, t.losses) };
}
/**
 * The sort's phases on a worker (sort-parallel.ts): the keys of the second half's rows (scores and
 * labels copied to it; keys on a SharedArrayBuffer), a radix pass over the second half's keys,
 * and the runs and decoding of the second half of the sorted keys.
 */
const SORT_KEYS_TASK = 'metrics-sort-keys';
const SORT_SCATTER_TASK = 'metrics-sort-scatter';
const SORT_DECODE_TASK = 'metrics-sort-decode';
function sortKeysTask(t) {
    const value = (0,sort/* buildScoreKeys */.zU)(t.scores, t.labels, t.keys, t.at);
    return { value, transfer: [value.counts.buffer] };
}
function sortScatterTask(t) {
    const next = (0,sort/* scatterPass */.ac)(t.src, t.dst, t.from, t.to, t.shift, t.offsets, t.split) ?? null;
    return { value: next, transfer: next ? [next.buffer] : [] };
}
function sortDecodeTask(t) {
    return { value: (0,sort/* decodeSorted */.WB)(t.sorted, t.s, t.y, t.from, t.to) };
}
const metricsTasks = {
    [COLUMN_SCAN_TASK]: columnScan,
    [MONITOR_MASKS_TASK]: masksTask,
    [RESAMPLE_PASS_TASK]: resamplePassTask,
    [SORT_KEYS_TASK]: sortKeysTask,
    [SORT_SCATTER_TASK]: sortScatterTask,
    [SORT_DECODE_TASK]: sortDecodeTask,
};
const isUint32s = (a, length) => Object.prototype.toString.call(a) === '[object Uint32Array]' && a.length === length;
/** A worker's sort-keys answer for `rows` rows, checked: both digit histograms count every row. */
function assertScoreKeys(a, rows) {
    const o = a;
    const invalidRow = o?.['invalidRow'];
    if (!o ||
        !isUint32s(o['counts'], 2 * sort/* DIGITS */.x5) ||
        sum(o['counts'].subarray(0, sort/* DIGITS */.x5)) !== rows ||
        sum(o['counts'].subarray(sort/* DIGITS */.x5)) !== rows ||
        !Number.isSafeInteger(invalidRow) ||
        invalidRow < -1 ||
        invalidRow >= rows ||
        !Number.isInteger(o['signs']))
        throw new Error(`sort keys that are not two digit histograms of ${rows} rows`);
    return { counts: o['counts'], invalidRow: invalidRow, signs: o['signs'] };
}
/**
 * A worker's radix-pass answer over `rows` keys, checked: with `split`, the next digit's
 * histograms below and above it (together counting every key), else nothing.
 */
function assertScatter(a, rows, split) {
    if (split ? isUint32s(a, 2 * sort/* DIGITS */.x5) && sum(a) === rows : a === null)
        return a;
    throw new Error(split ? `a radix pass without the next digit's counts of ${rows} keys` : 'a radix pass with an answer');
}
/** The total of a histogram's counts. */
function sum(h) {
    let sum = 0;
    for (let b = 0; b < h.length; b++)
        sum += h[b];
    return sum;
}
/** A worker's decode answer over `rows` keys, checked: the positives among them. */
function assertPositives(a, rows) {
    if (!isCount(a) || a > rows)
        throw new Error(`a positive count that is not in 0..${rows}`);
    return a;
}
/** A worker's masks answer, checked: n bytes (throws a message naming what is wrong). */
function assertMasks(a, n) {
    if (Object.prototype.toString.call(a) !== '[object Uint8Array]' || a.length !== n)
        throw new Error(`subsample masks that are not ${n} bytes`);
    return a;
}
const PASS_FIELDS = ['tp', 'fp', 'fn', 'tn', 'pos', 'neg', 'auc2', 'apSum', 'logLossSum'];
/** A worker's resample-pass answer, checked: STD_RESAMPLES passes of finite, non-negative sums over at most n rows. */
function assertResamplePasses(a, n) {
    const ok = Array.isArray(a) &&
        a.length === resample/* STD_RESAMPLES */.lc &&
        a.every((p) => {
            if (!p || typeof p !== 'object')
                return false;
            for (const f of PASS_FIELDS) {
                const v = p[f];
                if (typeof v !== 'number' || !(v >= 0) || v === Infinity)
                    return false;
            }
            const { tp, fp, fn, tn } = p;
            return tp + fp + fn + tn <= n;
        });
    if (!ok)
        throw new Error(`resample passes that are not ${resample/* STD_RESAMPLES */.lc} sets of counts over at most ${n} rows`);
    return a.map((p) => {
        const out = {};
        for (const f of PASS_FIELDS)
            out[f] = p[f];
        return out;
    });
}
const isCount = (x) => Number.isSafeInteger(x) && x >= 0;
/** A worker's column-scan answer, checked (throws a message naming what is wrong). */
function assertColumnScan(a) {
    const o = a;
    if (o && o['ok'] === false && typeof o['reason'] === 'string')
        return o;
    const values = o?.['values'];
    const tag = Object.prototype.toString.call(values); // (realm-independent, unlike instanceof)
    if (!o ||
        o['ok'] !== true ||
        tag !== '[object Float64Array]' ||
        !isCount(o['count']) ||
        // the fast path gives exactly one value per line
        o['lines'] !== o['count'] ||
        o['count'] > values.length)
        throw new Error('a column scan answer without one value per line');
    return o;
}

;// CONCATENATED MODULE: ./src/metrics/sort-parallel.ts
/**
 * sortScoresWithLabels on two threads, with the same result: this thread and a worker of the
 * shared pool (src/workers) each build the keys of half the rows, run both radix passes over
 * their half (stable: this thread's keys of a digit go before the worker's), then order the runs
 * and decode half of the sorted keys (split at a run boundary). Keys, scratch and the output live
 * on SharedArrayBuffers; the worker gets copies of its half of the scores and labels. Between the
 * phases each thread waits for the other (one message each way). The worker's part is checked
 * where that is cheap (every answer's shape and counts; the output's order): a malformed answer
 * fails closed. undefined means "sort on this thread": the worker did not take part (it could not
 * start or crashed), or some row breaks the binary contract (sortBinary then names it).
 */



async function sortOnCores(worker, scores, labels, closed) {
    const n = scores.length;
    const h = n >>> 1;
    const keys = new Uint32Array(new SharedArrayBuffer(8 * n));
    const s = new Float64Array(new SharedArrayBuffer(8 * n));
    const scratch = new Uint32Array(s.buffer); // the output doubles as the radix scratch space
    const ask = (kind, task, check, transfer = []) => (0,pool/* requestChecked */.Bv)(worker, kind, task, check, closed, transfer);
    // 1. Keys and digit histograms, half each.
    const tail = { scores: scores.slice(h), labels: labels.slice(h) };
    const second = ask(SORT_KEYS_TASK, { ...tail, keys, at: h }, (a) => assertScoreKeys(a, n - h), [
        tail.scores.buffer,
        tail.labels.buffer,
    ]);
    const first = (0,sort/* buildScoreKeys */.zU)(scores.subarray(0, h), labels.subarray(0, h), keys, 0);
    const other = await second;
    if (!other.ran)
        return undefined;
    if (first.invalidRow >= 0 || other.value.invalidRow >= 0 || (first.signs | other.value.signs) & 0x80000000)
        return undefined;
    // 2. The two radix passes over the high words, half each (constant digits skipped).
    const counts = new Uint32Array(2 * sort/* DIGITS */.x5);
    for (let b = 0; b < 2 * sort/* DIGITS */.x5; b++)
        counts[b] = first.counts[b] + other.value.counts[b];
    let below = first.counts; // the digit histograms of src's keys [0, h)
    let src = keys;
    let dst = scratch;
    for (let d = 0; d < 2; d++) {
        const base = d * sort/* DIGITS */.x5;
        if ((0,sort/* constantDigit */.K1)(counts, base, n))
            continue;
        const mine = (0,sort/* digitOffsets */.wI)(counts, base);
        const theirs = new Uint32Array(sort/* DIGITS */.x5);
        for (let b = 0; b < sort/* DIGITS */.x5; b++)
            theirs[b] = mine[b] + below[base + b];
        const split = d === 0 ? h : undefined; // after the first pass, the next one's halves need counts
        const pass = ask(SORT_SCATTER_TASK, { src, dst, from: h, to: n, shift: 16 * d, offsets: theirs, split }, (a) => assertScatter(a, n - h, split !== undefined), [theirs.buffer]);
        const next = (0,sort/* scatterPass */.ac)(src, dst, 0, h, 16 * d, mine, split);
        const done = await pass;
        if (!done.ran)
            return undefined;
        if (next && done.value) {
            below = new Uint32Array(2 * sort/* DIGITS */.x5);
            for (let b = 0; b < sort/* DIGITS */.x5; b++)
                below[sort/* DIGITS */.x5 + b] = next[b] + done.value[b];
        }
        [src, dst] = [dst, src];
    }
    if (src !== keys)
        keys.set(src); // one pass ran: the sorted keys go back to `keys`
    // 3. Runs ordered and keys decoded, split at a run boundary.
    const y = new Uint8Array(new SharedArrayBuffer(n));
    const m = (0,sort/* runStart */.cM)(keys, h, n);
    const decoded = ask(SORT_DECODE_TASK, { sorted: keys, s, y, from: m, to: n }, (a) => assertPositives(a, n - m));
    const positives = (0,sort/* decodeSorted */.WB)(keys, s, y, 0, m);
    const theirPositives = await decoded;
    if (!theirPositives.ran)
        return undefined;
    // The worker's share, checked where it is cheap: scores descending, positives first among equal
    // scores, and its positive count.
    let ones = 0;
    for (let k = 0; k < n; k++) {
        ones += y[k];
        if (k > 0 && !(s[k - 1] > s[k] || (s[k - 1] === s[k] && y[k - 1] >= y[k])))
            throw closed(`sorted scores out of order at row ${k + 1}`);
    }
    if (ones !== positives + theirPositives.value)
        throw closed(`${theirPositives.value} positives where there are ${ones - positives}`);
    return { s, y, invalidRow: -1, positives: ones, spare: new Float64Array(keys.buffer, 0, n) };
}

;// CONCATENATED MODULE: ./src/metrics/compute-parallel.ts
/**
 * computeMetrics on both cores, with identical results: for a big binary evaluation a worker
 * thread of the shared pool (src/workers) sorts half the scores with this thread (sort-parallel.ts),
 * draws the monitor's subsample masks while this thread computes the log-loss terms, then runs
 * the packed resample pass over the sorted scores (SharedArrayBuffers, not copies) while this
 * thread runs the full-data pass. Everything else, and small inputs, run
 * computeMetrics as it is. A worker that cannot start or crashes means the same work on this
 * thread; one that answers something malformed fails the evaluation closed.
 */









/** Fewer rows than this are computed on this thread (a worker's round trip costs milliseconds). */
const PARALLEL_MIN_ROWS = 1 << 18;
/** Counters for tests and benchmarks: evaluations that used a worker, and worker fallbacks. */
const parallelComputeStats = { parallel: 0, fallbacks: 0 };
/** computeMetrics, with a big binary evaluation's work shared with a worker thread (see above). */
async function computeMetricsOnCores(problemType, labels, predictions, opts) {
    const n = labels.length;
    const [worker] = problemType === 'binary-classification' &&
        n >= (opts.minRows ?? PARALLEL_MIN_ROWS) &&
        predictions.scores.length === n &&
        opts.workers !== 0
        ? (0,pool/* workers */.EH)(1)
        : [];
    if (!worker)
        return (0,compute/* computeMetrics */.pH)(problemType, labels, predictions, opts);
    (0,compute/* checkThreshold */.wy)(opts.threshold);
    const seed = opts.seed ?? resample/* DEFAULT_SEED */.KP;
    const closed = (why) => new data_error/* DataError */.f(`cannot compute the metrics: the ${worker.origin} ${why}; the evaluation fails closed`);
    // The sort on both threads (sort-parallel.ts); here alone when the worker cannot help or some
    // row breaks the binary contract (sortBinary names it).
    const sorted = (await sortOnCores(worker, predictions.scores, labels, closed)) ?? (0,compute/* sortBinary */._6)(labels, predictions, true);
    // The masks on the worker while this thread computes the log-loss terms.
    const masks = (0,pool/* requestChecked */.Bv)(worker, MONITOR_MASKS_TASK, { n, seed }, (a) => assertMasks(a, n), closed);
    const { s, y, positives } = sorted;
    // The per-row log-loss terms once, shared: both passes read them.
    const losses = new Float64Array(new SharedArrayBuffer(8 * n));
    (0,binary/* logLossTerms */.HD)(s, y, losses);
    const packed = await masks;
    let resamples = Promise.resolve(packed);
    if (packed.ran) {
        const task = { s, y, losses, packed: packed.value, threshold: opts.threshold };
        resamples = (0,pool/* requestChecked */.Bv)(worker, RESAMPLE_PASS_TASK, task, (a) => assertResamplePasses(a, n), closed, [
            packed.value.buffer,
        ]);
    }
    // The full-data pass here meanwhile.
    const pass = (0,binary_fused/* fullBinaryPass */.m8)(s, y, opts.threshold, 200, losses, positives, true);
    const answer = await resamples;
    let passes;
    if (answer.ran) {
        parallelComputeStats.parallel++;
        passes = answer.value;
    }
    else {
        parallelComputeStats.fallbacks++;
        passes = (0,binary/* binaryPassPacked */.Vg)(s, y, (0,resample/* monitorMasks */.cw)(n, seed), resample/* STD_RESAMPLES */.lc, opts.threshold, losses);
    }
    return (0,compute/* binaryResult */.Fy)(n, (0,report/* metricNames */.Zv)(problemType), pass, passes);
}

;// CONCATENATED MODULE: ./src/metrics/parallel-scan.ts
/**
 * scanColumn on both cores: a big file is split at the first line break after its middle; a
 * worker thread (the shared pool's, src/workers) scans the second half with the same kernel
 * (scan.ts) while this thread scans the first, then the values are joined in file order. The
 * worker takes only the fast path: at the first line it would hand to `slow` (a header, quotes,
 * junk, ...) it gives up and this thread scans the second half itself, so `slow` always runs here,
 * in file order, with true line numbers, and results and errors are exactly those of scanColumn.
 * A worker that cannot start or crashes means the same sequential fallback; one that answers
 * something malformed fails the read closed.
 */





/** Files smaller than this are scanned on this thread (a worker's round trip costs milliseconds). */
const PARALLEL_MIN_BYTES = 16 << 20;
/** Counters for tests and benchmarks: halves scanned by a worker, and worker fallbacks. */
const parallelScanStats = { workerHalves: 0, fallbacks: 0 };
/** The second half's scan on a worker; settles with the worker's checked answer (never rejects but for garbage). */
async function scanOnWorker(task) {
    const [worker] = (0,pool/* workers */.EH)(1);
    if (!worker)
        return { ok: false, reason: 'no worker thread' };
    const r = await (0,pool/* requestChecked */.Bv)(worker, COLUMN_SCAN_TASK, task, assertColumnScan, (why) => new data_error/* DataError */.f(`cannot read ${task.file}: the ${worker.origin} ${why}; the evaluation fails closed`));
    return r.ran ? r.value : { ok: false, reason: r.reason };
}
/** The byte after the first newline at or after `at` (-1 when there is none before the end). */
function lineStartAfter(file, at, size) {
    const fd = external_node_fs_.openSync(file, 'r');
    try {
        const probe = Buffer.allocUnsafe(1 << 16);
        for (let pos = at; pos < size; pos += probe.length) {
            const n = external_node_fs_.readSync(fd, probe, 0, probe.length, pos);
            if (n <= 0)
                break;
            const nl = probe.subarray(0, n).indexOf(10);
            if (nl >= 0)
                return pos + nl + 1;
        }
        return -1;
    }
    finally {
        external_node_fs_.closeSync(fd);
    }
}
/** scanColumn, with a big file's second half scanned by a worker thread (same results). */
async function scanColumnParallel(file, opts, out, slow, minBytes = PARALLEL_MIN_BYTES) {
    let size = 0;
    try {
        size = external_node_fs_.statSync(file).size;
    }
    catch {
        // scanColumn reports the unreadable file
    }
    if (opts.fast === false || size < Math.max(minBytes, 2))
        return scanColumn(file, opts, out, slow);
    const split = lineStartAfter(file, Math.floor(size / 2), size);
    if (split <= 0 || split >= size)
        return scanColumn(file, opts, out, slow);
    const capacity = Math.ceil(((out.data.length - out.length) * (size - split)) / size) + 1024;
    // The second half starts at line 2 or later: a one-line header (skipLines 1) is not in it.
    const skip = opts.skipLines ?? 0;
    const second = scanOnWorker({
        file,
        from: split,
        to: size,
        opts: { ...opts, skipLines: skip <= 1 ? 0 : skip },
        capacity,
    });
    second.catch(() => undefined); // awaited below unless the first half fails
    const kernel = scanKernel();
    const lines = kernel.scanRange(external_node_fs_, file, 0, split, 0, opts, out, slow);
    const r = await second;
    if (r.ok) {
        parallelScanStats.workerHalves++;
        out.append(r.values.subarray(0, r.count));
        return lines + r.lines;
    }
    parallelScanStats.fallbacks++;
    return kernel.scanRange(external_node_fs_, file, split, Infinity, lines, opts, out, slow);
}

// EXTERNAL MODULE: ./src/metrics/parse-number.ts
var parse_number = __webpack_require__(9354);
;// CONCATENATED MODULE: ./src/metrics/read.ts
/**
 * Streaming readers for labelled test data and prediction files (batch transform `.out` files,
 * hand-made score files, JSON lines). Numbers are parsed from bytes into typed arrays; every bad
 * value fails closed with a DataError naming the file, the line, the value and the fix.
 */






/**
 * What a bad value looks like, without its content: test data and predictions may hold personal
 * or secret data, and an error message becomes an annotation anyone with read access can see.
 * The file and line in the message say where to look.
 */
function shapeOf(start, end) {
    return `(${end - start} byte${end - start === 1 ? '' : 's'}; content not shown)`;
}
/**
 * Initial capacity: total bytes / the average line length of the first 64 KiB of the first file,
 * plus 5% (the builder doubles when it is not enough), so no huge over-allocation.
 */
async function sizeHint(files) {
    let total = 0;
    for (const f of files) {
        try {
            total += (await (0,promises_.stat)(f)).size;
        }
        catch (err) {
            throw new data_error/* DataError */.f(`cannot read ${f}: ${err.message}; fix: check the path`);
        }
    }
    let bytesPerLine = 8;
    try {
        const fh = await (0,promises_.open)(files[0], 'r');
        try {
            const probe = Buffer.alloc(1 << 16);
            const { bytesRead } = await fh.read(probe, 0, probe.length, 0);
            let lines = 0;
            for (let i = 0; i < bytesRead; i++)
                if (probe[i] === 10)
                    lines++;
            if (lines > 0)
                bytesPerLine = bytesRead / lines;
        }
        finally {
            await fh.close();
        }
    }
    catch {
        // the reader reports unreadable files with their path
    }
    return Math.min(1 << 26, Math.ceil((total / bytesPerLine) * 1.05) + 1024);
}
async function scanFile(...args) {
    try {
        return await scanColumnParallel(...args);
    }
    catch (err) {
        if (err instanceof data_error/* DataError */.f)
            throw err;
        throw new data_error/* DataError */.f(`cannot read ${args[0]}: ${err.message}; fix: check the path and permissions`);
    }
}
/** The label column of CSV files (read in order, concatenated). Fields may be double-quoted. */
async function readLabels(files, opts) {
    const col = opts.labelColumn;
    if (!Number.isInteger(col) || col < 0) {
        throw new data_error/* DataError */.f(`label column ${String(col)} is not valid; fix: use a 0-based column index`);
    }
    if (files.length === 0)
        throw new data_error/* DataError */.f('no test-data files to read labels from; fix: point test-data at a CSV file or prefix');
    const out = new Float64Builder(await sizeHint(files));
    for (const file of files) {
        const slow = (buf, start, end, line, into) => {
            if (line === 1 && opts.hasHeader)
                return;
            if (start === end) {
                throw new data_error/* DataError */.f(`${file}:${line}: empty line in labelled data; fix: remove blank lines`);
            }
            // Find the label field [fs, fe), honouring double quotes.
            let fs = start;
            let field = 0;
            let inQuote = false;
            let i = start;
            for (; i < end; i++) {
                const c = buf[i];
                if (c === 34)
                    inQuote = !inQuote;
                else if (c === 44 && !inQuote) {
                    if (field === col)
                        break;
                    field++;
                    fs = i + 1;
                }
            }
            if (field !== col) {
                throw new data_error/* DataError */.f(`${file}:${line}: has ${field + 1} column(s), no label column ${col}; fix: set label-column (0-based) to the label's position`);
            }
            let fe = i;
            if (buf[fs] === 34 && fe - fs >= 2 && buf[fe - 1] === 34) {
                fs++;
                fe--;
            }
            const v = (0,parse_number/* parseNumberBytes */.o)(buf, fs, fe);
            if (!Number.isFinite(v)) {
                throw new data_error/* DataError */.f(`${file}:${line}: the label in column ${col} ${shapeOf(fs, fe)} is not a finite number; fix: encode labels as numbers (0/1 for binary, 0..K-1 for multiclass)${line === 1 && !opts.hasHeader ? ', or declare the header row' : ''}`);
            }
            into.push(v);
        };
        await scanFile(file, { column: col, single: false, skipLines: opts.hasHeader ? 1 : 0 }, out, slow);
    }
    return out.finish();
}
const FIX_BY_TYPE = {
    'binary-classification': 'write one probability of the positive class per line (e.g. XGBoost objective binary:logistic)',
    'multiclass-classification': 'write one predicted class per line, or one comma-separated row of class probabilities per line (e.g. XGBoost multi:softprob)',
    regression: 'write one predicted value per line',
};
function jsonValues(text) {
    let v;
    try {
        v = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const asNumbers = (a) => {
        if (typeof a === 'number')
            return [a];
        if (Array.isArray(a)) {
            if (a.every((x) => typeof x === 'number'))
                return a;
            if (a.length === 1)
                return asNumbers(a[0]);
            return undefined;
        }
        if (a && typeof a === 'object') {
            const o = a;
            for (const key of [
                'score',
                'probabilities',
                'probability',
                'predictions',
                'predicted_label',
                'prediction',
            ]) {
                if (key in o)
                    return asNumbers(o[key]);
            }
        }
        return undefined;
    };
    return asNumbers(v);
}
/**
 * Predictions, one per line: a number; or comma-separated class probabilities (multiclass); or a
 * JSON line such as {"score":0.7}, {"predictions":[0.1,0.9]} or [0.1,0.9]. Files are read in order.
 */
async function readPredictions(files, opts) {
    const { problemType } = opts;
    const fix = FIX_BY_TYPE[problemType];
    if (files.length === 0)
        throw new data_error/* DataError */.f(`no prediction files to read; fix: ${fix}`);
    const hint = await sizeHint(files);
    const scores = new Float64Builder(hint);
    let probs;
    let width = 0; // values per row seen so far (0 = not yet known)
    const row = [];
    const binary = problemType === 'binary-classification';
    const outOfRange = (file, line, v) => new data_error/* DataError */.f(`${file}:${line}: score ${v} is outside [0, 1]; fix: ${fix} (raw margins such as binary:logitraw are not probabilities)`);
    // Everything but a plain number: blank lines, several values, JSON, junk (errors name file:line).
    const slowLine = (file, buf, start, end, line) => {
        while (start < end && (buf[start] === 32 || buf[start] === 9))
            start++;
        if (start === end) {
            throw new data_error/* DataError */.f(`${file}:${line}: empty prediction; fix: ${fix} (no blank lines; one line per test row)`);
        }
        row.length = 0;
        const c0 = buf[start];
        if (c0 === 123 || c0 === 91) {
            const values = jsonValues(buf.toString('utf8', start, end));
            if (!values || values.length === 0) {
                throw new data_error/* DataError */.f(`${file}:${line}: cannot read a prediction from this JSON ${shapeOf(start, end)}; fix: ${fix}`);
            }
            row.push(...values);
        }
        else {
            let fs = start;
            for (let i = start; i <= end; i++) {
                if (i === end || buf[i] === 44) {
                    const v = (0,parse_number/* parseNumberBytes */.o)(buf, fs, i);
                    if (!Number.isFinite(v)) {
                        throw new data_error/* DataError */.f(`${file}:${line}: a prediction ${shapeOf(fs, i)} is not a finite number; fix: ${fix}`);
                    }
                    row.push(v);
                    fs = i + 1;
                }
            }
        }
        for (const v of row) {
            if (!Number.isFinite(v)) {
                throw new data_error/* DataError */.f(`${file}:${line}: prediction ${JSON.stringify(String(v))} is not a finite number; fix: ${fix}`);
            }
        }
        const n = row.length;
        if (width === 0)
            width = n;
        else if (n !== width) {
            throw new data_error/* DataError */.f(`${file}:${line}: ${n} value(s) where earlier lines had ${width}; fix: ${fix}`);
        }
        if (problemType !== 'multiclass-classification' || n === 1) {
            if (n !== 1) {
                throw new data_error/* DataError */.f(`${file}:${line}: ${n} values on one line, expected one prediction; fix: ${fix}`);
            }
            const v = row[0];
            if (binary && !(v >= 0 && v <= 1))
                throw outOfRange(file, line, v);
            scores.push(v === 0 ? 0 : v);
            return;
        }
        if (opts.numClasses !== undefined && n !== opts.numClasses) {
            throw new data_error/* DataError */.f(`${file}:${line}: ${n} class probabilities, expected ${opts.numClasses}; fix: ${fix}`);
        }
        if (!probs)
            probs = Array.from({ length: n }, () => new Float64Builder(hint));
        let best = 0;
        for (let k = 0; k < n; k++) {
            const p = row[k];
            if (!(p >= 0 && p <= 1)) {
                throw new data_error/* DataError */.f(`${file}:${line}: class probability ${p} (class ${k}) is outside [0, 1]; fix: ${fix}`);
            }
            probs[k].push(p);
            if (p > row[best])
                best = k;
        }
        scores.push(best);
    };
    let checked = 0;
    for (const file of files) {
        await scanFile(file, { column: 0, single: true, fast: problemType !== 'multiclass-classification' }, scores, (buf, start, end, line) => {
            const v = (0,parse_number/* parseNumberBytes */.o)(buf, start, end);
            if (Number.isFinite(v) && width <= 1) {
                if (binary && !(v >= 0 && v <= 1))
                    throw outOfRange(file, line, v);
                width = 1;
                scores.push(v === 0 ? 0 : v);
                return;
            }
            slowLine(file, buf, start, end, line);
        });
        if (binary) {
            // The fast path does not range-check: do it here, naming the first bad line.
            const data = scores.data;
            for (let i = checked; i < scores.length; i++) {
                const v = data[i];
                if (!(v >= 0 && v <= 1))
                    throw outOfRange(file, i - checked + 1, v); // one score per line
            }
        }
        checked = scores.length;
    }
    if (probs && probs[0].length !== scores.length) {
        throw new data_error/* DataError */.f(`${files.join(', ')}: some lines hold one value and others class probabilities; fix: ${fix}`);
    }
    const out = { scores: scores.finish(), rows: scores.length };
    if (probs)
        out.probabilities = probs.map((b) => b.finish());
    if (out.rows === 0)
        throw new data_error/* DataError */.f(`${files.join(', ')}: no predictions found; fix: ${fix}`);
    return out;
}

// EXTERNAL MODULE: ./src/sagemaker/naming.ts
var naming = __webpack_require__(3562);
// EXTERNAL MODULE: ./src/core/run-identity.ts
var run_identity = __webpack_require__(2125);
;// CONCATENATED MODULE: ./src/stages/evaluate/champion.ts



/** The metric the summary leads with for each problem type. */
const PRIMARY_METRIC = {
    'binary-classification': 'auc',
    'multiclass-classification': 'accuracy',
    regression: 'rmse',
};
/** A champion artifact the transform flow can score: one S3 model.tar.gz. */
function usableArtifact(url) {
    return typeof url === 'string' && /^s3:\/\/[^/]+\/.+\.tar\.gz$/.test(url);
}
/** Metrics to compare with the champion: max-regression's, the thresholds', and the primary one. */
function comparisonMetrics(problemType, thresholds, maxRegression) {
    const valid = new Set((0,report/* metricNames */.Zv)(problemType));
    const wanted = [
        PRIMARY_METRIC[problemType],
        ...Object.keys(maxRegression),
        ...thresholds.map((t) => t.metric),
    ];
    return [...new Set(wanted)].filter((m) => valid.has(m));
}
/**
 * Paired comparisons on the same rows: DeLong for AUC, paired bootstrap for the rest. A metric the
 * bootstrap cannot compute falls back to the plain difference of the two computed values
 * (method 'registered-metrics', no interval) and says so in `notes`.
 */
function pairedComparisons(metrics, labels, candidate, champion, opts) {
    const comparisons = [];
    const notes = [];
    for (const metric of metrics) {
        try {
            if (metric === 'auc') {
                const d = delong(labels, candidate.scores, champion.scores, opts.confidence);
                comparisons.push({
                    metric: d.metric,
                    candidate: d.candidate,
                    champion: d.champion,
                    diff: d.diff,
                    ci: d.ci,
                    confidence: d.confidence,
                    method: d.method,
                });
            }
            else {
                comparisons.push(pairedBootstrap(labels, candidate.scores, champion.scores, metric, {
                    threshold: opts.threshold,
                    confidence: opts.confidence,
                    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
                    ...(opts.iterations !== undefined ? { iterations: opts.iterations } : {}),
                }));
            }
        }
        catch (err) {
            const c = plainComparison(metric, candidate.metrics, champion.metrics, opts.confidence);
            if (c)
                comparisons.push(c);
            notes.push(`${metric}: no paired test (${(0,errors/* errorMessage */.gJ)(err)}); compared the plain difference on the same rows`);
        }
    }
    return { comparisons, notes };
}
function plainComparison(metric, candidate, champion, confidence) {
    const a = candidate[metric];
    const b = champion[metric];
    if (a === undefined || b === undefined)
        return undefined;
    const diff = a - b;
    // No interval: both ends are the plain difference, so "CI beyond the allowance" = "difference beyond it".
    return {
        metric,
        candidate: a,
        champion: b,
        diff,
        ci: [diff, diff],
        confidence,
        method: 'registered-metrics',
    };
}
/** Comparisons against the champion's registered metrics only (no scores): plain differences, no CI. */
function registeredComparisons(metrics, candidate, champion, confidence) {
    const comparisons = [];
    const notes = [];
    for (const metric of metrics) {
        const c = plainComparison(metric, candidate, champion.metrics, confidence);
        if (c)
            comparisons.push(c);
        else
            notes.push(`${metric}: the champion's registered report has no value for it; not compared`);
    }
    return { comparisons, notes };
}

// EXTERNAL MODULE: ./src/aws/s3.ts
var aws_s3 = __webpack_require__(1075);
;// CONCATENATED MODULE: ./src/stages/evaluate/sources.ts





/** Names that are never data: hidden files, Spark/Hadoop markers, manifests. */
function isDataFile(name) {
    const base = name.split('/').pop() ?? name;
    return base !== '' && !base.startsWith('.') && !base.startsWith('_') && !base.endsWith('.manifest');
}
/** When a set holds transform outputs (`.out`), only those are predictions. */
function pickFiles(names, prefer) {
    const data = names.filter(isDataFile);
    if (prefer) {
        const preferred = data.filter((n) => n.endsWith(prefer));
        if (preferred.length)
            return preferred;
    }
    return data;
}
async function walk(dir) {
    const out = [];
    for (const e of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
        const p = (0,external_node_path_.join)(dir, e.name);
        if (e.isDirectory())
            out.push(...(await walk(p)));
        else if (e.isFile())
            out.push(p);
    }
    return out;
}
const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/**
 * A local file or folder, or an S3 object or prefix, as local files in a stable order (sorted
 * by relative path / key). Nothing found is a configuration error naming the input.
 */
async function resolveSource(location, opts) {
    if (/^s3:\/\//i.test(location))
        return resolveS3(location, opts);
    let info;
    try {
        info = await (0,promises_.stat)(location);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`input '${opts.input}': ${JSON.stringify(location)} does not exist; give a local file or folder, or an S3 URI`);
    }
    if (info.isFile())
        return { input: opts.input, location, files: [location] };
    const all = (await walk(location)).map((f) => (0,external_node_path_.relative)(location, f).split(external_node_path_.sep).join('/')).sort(byCodeUnit);
    const files = pickFiles(all, opts.prefer).map((r) => (0,external_node_path_.join)(location, r));
    if (!files.length)
        throw new errors/* ConfigurationError */.j1(`input '${opts.input}': folder ${JSON.stringify(location)} has no data files`);
    return { input: opts.input, location, files };
}
async function resolveS3(location, opts) {
    const { bucket, key } = (0,core_inputs/* parseS3Uri */.yc)(opts.input, location);
    const s3 = await opts.s3();
    const target = (k) => (0,external_node_path_.join)(opts.workDir, opts.input, bucket, ...k.split('/').filter((p) => p !== '' && p !== '..'));
    if (await (0,aws_s3/* objectExists */.EK)(s3, bucket, key)) {
        const file = target(key);
        await (0,aws_s3/* downloadObject */._n)(s3, bucket, key, file);
        return { input: opts.input, location, files: [file], s3: { bucket, keys: [key], prefix: undefined } };
    }
    const prefix = key === '' || key.endsWith('/') ? key : `${key}/`;
    const listed = (await (0,aws_s3/* listKeys */.TH)(s3, bucket, prefix)).filter((o) => !o.key.endsWith('/'));
    const keys = pickFiles(listed.map((o) => o.key).sort(byCodeUnit), opts.prefer);
    if (!keys.length) {
        throw new errors/* ConfigurationError */.j1(`input '${opts.input}': nothing found at ${location} (neither an object nor a prefix with data files)`);
    }
    const files = [];
    for (const k of keys) {
        const file = target(k);
        await (0,aws_s3/* downloadObject */._n)(s3, bucket, k, file);
        files.push(file);
    }
    return { input: opts.input, location, files, s3: { bucket, keys, prefix } };
}

;// CONCATENATED MODULE: ./src/stages/evaluate/report-file.ts







/** Where the report is saved locally: $RUNNER_TEMP/evaluation/evaluation.json, else ./evaluation/evaluation.json. */
function localReportPath(env, cwd = process.cwd()) {
    return (0,external_node_path_.join)(env['RUNNER_TEMP'] || cwd, 'evaluation', 'evaluation.json');
}
/** `s3://b/jobs/x/output/model.tar.gz` → `s3://b/jobs/x/output/evaluation/evaluation.json`. */
function reportUriNextTo(artifact) {
    const dir = artifact.key.includes('/') ? artifact.key.slice(0, artifact.key.lastIndexOf('/') + 1) : '';
    const key = `${dir}evaluation/evaluation.json`;
    return { bucket: artifact.bucket, key, uri: `s3://${artifact.bucket}/${key}` };
}
function reportJson(report) {
    // NaN is not JSON: SageMaker writes the string "NaN" (as for standard deviations).
    return `${JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`;
}
async function saveReportLocally(file, report) {
    await (0,promises_.mkdir)((0,external_node_path_.join)(file, '..'), { recursive: true });
    await (0,promises_.writeFile)(file, reportJson(report), 'utf8');
}
async function uploadReport(s3, target, report) {
    await (0,aws_s3/* putText */.rb)(s3, target.bucket, target.key, reportJson(report), 'application/json');
    return target.uri;
}
async function readJson(file, location) {
    const text = await (0,promises_.readFile)(file, 'utf8');
    try {
        return JSON.parse(text);
    }
    catch (err) {
        throw new data_error/* DataError */.f(`${location}: not valid JSON (${(0,errors/* errorMessage */.gJ)(err)}); fix: point it at a model-quality JSON report such as evaluation.json`);
    }
}
/** The `evaluation-report` source: one model-quality JSON (a folder/prefix must hold evaluation.json). */
async function readReport(location, opts, settings) {
    const resolved = await resolveSource(location, { ...opts, prefer: '.json' });
    const files = resolved.files;
    const file = files.length === 1
        ? files[0]
        : files.find((f) => f.endsWith('/evaluation.json') || f === 'evaluation.json');
    if (!file) {
        throw new errors/* ConfigurationError */.j1(`input 'evaluation-report': ${location} holds ${files.length} files and no evaluation.json; point it at the report itself`);
    }
    const result = (0,report/* parseModelQualityReport */.kr)(await readJson(file, location), location);
    if (result.problemType !== settings.problemType) {
        throw new errors/* ConfigurationError */.j1(`input 'problem-type': ${settings.problemType} does not match the report ${location}, which holds ${result.problemType} metrics; set problem-type: ${result.problemType}`);
    }
    return result;
}

// EXTERNAL MODULE: ./src/sagemaker/models.ts
var models = __webpack_require__(2992);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
;// CONCATENATED MODULE: ./src/stages/evaluate/features.ts






/** Drops field `column` from one CSV line (unquoted numeric CSV, as the XGBoost image takes). */
function dropColumn(line, column) {
    let start = 0;
    for (let i = 0; i < column; i++) {
        const comma = line.indexOf(',', start);
        if (comma === -1)
            return undefined;
        start = comma + 1;
    }
    const end = line.indexOf(',', start);
    if (end === -1) {
        // The label is the last field.
        return start === 0 ? '' : line.slice(0, start - 1);
    }
    return line.slice(0, start) + line.slice(end + 1);
}
/**
 * Writes the features-only CSV the model expects (the labelled test CSV without its label
 * column), streaming. Blank lines are skipped (as the label reader does). Returns the row count.
 */
async function writeFeatures(files, labelColumn, outFile) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(outFile), { recursive: true });
    const out = (0,external_node_fs_.createWriteStream)(outFile);
    let rows = 0;
    try {
        for (const file of files) {
            const rl = (0,external_node_readline_.createInterface)({ input: (0,external_node_fs_.createReadStream)(file), crlfDelay: Infinity });
            let lineNo = 0;
            for await (const raw of rl) {
                lineNo++;
                const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
                if (line.trim() === '')
                    continue;
                const features = dropColumn(line, labelColumn);
                if (features === undefined || features === '') {
                    throw new data_error/* DataError */.f(`${file}:${lineNo}: has no column ${labelColumn} to remove as the label (label-column is 0-based) or no feature columns left; check 'label-column' and that the file is the labelled test CSV`);
                }
                if (!out.write(`${features}\n`))
                    await (0,external_node_events_.once)(out, 'drain');
                rows++;
            }
        }
    }
    finally {
        out.end();
        await (0,external_node_events_.once)(out, 'close');
    }
    return rows;
}

;// CONCATENATED MODULE: ./src/stages/evaluate/transform-flow.ts









/** `a/b/c/file.csv` → `a/b/` (the parent of the folder holding the file or prefix). */
function siblingBase(key, isPrefix) {
    const parts = key.split('/').filter((p) => p !== '');
    const folder = isPrefix ? parts : parts.slice(0, -1);
    const parent = folder.slice(0, -1);
    return parent.length ? `${parent.join('/')}/` : '';
}
/**
 * Writes the features-only CSV (label column stripped) and uploads it next to the test data:
 * `<parent of the test data folder>/evaluate/<run>/features/part-0.csv`. Never inside the test
 * data prefix itself, so a later run reading that prefix does not pick it up.
 */
async function uploadFeatures(ctx, testFiles, labelColumn, base) {
    const local = (0,external_node_path_.join)(ctx.workDir, 'features', 'part-0.csv');
    const rows = await writeFeatures(testFiles, labelColumn, local);
    if (rows === 0)
        throw new data_error/* DataError */.f(`test-data ${testFiles.join(', ')}: no rows to score; check the file is the labelled test CSV`);
    const workKey = `${base.prefix}evaluate/${ctx.runKey}/`;
    const key = `${workKey}features/part-0.csv`;
    await (0,aws_s3/* uploadFile */.QM)(ctx.s3, base.bucket, key, local, 'text/csv');
    ctx.log(`uploaded ${rows} feature rows to s3://${base.bucket}/${key}`);
    return {
        bucket: base.bucket,
        key,
        uri: `s3://${base.bucket}/${key}`,
        prefixUri: `s3://${base.bucket}/${workKey}features/`,
        rows,
        workPrefix: `s3://${base.bucket}/${workKey}`,
    };
}

/**
 * Scores the uploaded features with a batch transform of the model: CreateModel (or re-use),
 * CreateTransformJob, wait, download the `.out` files in input order, and validate one numeric
 * prediction per input row (fail closed).
 */
async function scoreWithTransform(ctx, features, model, opts) {
    const modelName = (0,naming/* deterministicModelName */.Ri)(`eval-${model.label}`, ctx.runId, model.image, model.modelDataUrl);
    const ensured = await (0,models/* ensureModel */.aI)(ctx.sm, {
        name: modelName,
        image: model.image,
        modelDataUrl: model.modelDataUrl,
        roleArn: ctx.roleArn,
    });
    ctx.log(`${model.label}: model ${modelName} ${ensured.created ? 'created' : 're-used'} (${model.modelDataUrl})`);
    if (ctx.signal?.aborted) {
        throw new errors/* StageFailure */.BG(`the workflow was cancelled before the ${model.label} transform job started`);
    }
    const outputUri = `${features.workPrefix}${model.label}/predictions/`;
    const jobName = (0,naming/* transformJobName */.DL)(ctx.runKey, model.label, modelName, features.uri);
    const started = await (0,transform/* startTransformJob */.Oq)(ctx.sm, {
        jobName,
        modelName,
        inputUri: features.prefixUri,
        outputUri,
        instanceType: ctx.instanceType,
    });
    ctx.log(`${model.label}: transform job ${jobName} ${started.attached ? 're-attached' : 'started'}`);
    const clock = ctx.clock ?? poller/* systemClock */.ml;
    ctx.activeJobs?.add(jobName);
    try {
        await (0,transform/* waitForTransformJob */.uM)(ctx.sm, jobName, {
            timeoutMs: ctx.deadline === undefined ? undefined : Math.max(0, ctx.deadline - clock.now()),
            clock,
            ...(ctx.sleep ? { sleep: ctx.sleep } : {}),
            signal: ctx.signal,
            poll: ctx.poll,
            onStatus: (status, elapsed) => ctx.log(`${model.label}: transform job ${jobName} ${status} after ${Math.round(elapsed / 1000)}s`),
        });
    }
    finally {
        ctx.activeJobs?.delete(jobName);
    }
    const files = await downloadOutputs(ctx, features, outputUri, model.label);
    const preds = await readPredictions(files, {
        problemType: opts.problemType,
        ...(opts.numClasses !== undefined ? { numClasses: opts.numClasses } : {}),
    });
    if (preds.rows !== features.rows) {
        throw new data_error/* DataError */.f(`${model.label} transform output ${files.join(', ')} has ${preds.rows} predictions for ${features.rows} input rows of ${features.uri}; ` +
            `every input row needs exactly one prediction (check the model's output format and that the input has no header)`);
    }
    return { ...preds, jobName, modelName, outputUri };
}
async function downloadOutputs(ctx, features, outputUri, label) {
    const m = /^s3:\/\/([^/]+)\/(.*)$/.exec(outputUri);
    const bucket = m[1];
    const prefix = m[2];
    const expected = `${prefix}${features.key.split('/').pop()}.out`;
    const outs = (await (0,aws_s3/* listKeys */.TH)(ctx.s3, bucket, prefix)).map((o) => o.key).filter((k) => k.endsWith('.out'));
    // One input object → one `.out`: at <output>/<input name>.out (or, with prefix inputs, a sub-path of it).
    const key = outs.includes(expected) ? expected : outs.length === 1 ? outs[0] : undefined;
    if (!key) {
        throw new data_error/* DataError */.f(`${label} transform wrote ${outs.length ? outs.map((k) => `s3://${bucket}/${k}`).join(', ') : 'no .out files'} under ${outputUri}; expected s3://${bucket}/${expected}`);
    }
    const file = (0,external_node_path_.join)(ctx.workDir, label, 'part-0.csv.out');
    await (0,aws_s3/* downloadObject */._n)(ctx.s3, bucket, key, file);
    return [file];
}

;// CONCATENATED MODULE: ./src/stages/evaluate/candidate.ts











/**
 * Gets the candidate's predictions from the configured source and computes its metrics; in the
 * transform flow the champion (when its artifact is usable) is scored on the same rows at the
 * same time. Bad data becomes a fail-closed problem, not an exception.
 */
async function scoreCandidate(settings, champion, deps, aws) {
    const s3 = () => aws().s3();
    const sm = () => aws().sagemaker();
    const { source, problemType } = settings;
    const metricOpts = {
        threshold: settings.probabilityThreshold,
        ...(deps.bootstrap?.seed !== undefined ? { seed: deps.bootstrap.seed } : {}),
    };
    const sourceText = source.kind === 'model-artifact'
        ? `batch transform of ${source.modelArtifact.uri}`
        : source.kind === 'predictions'
            ? `predictions ${source.predictions}`
            : `report ${source.report}`;
    let scored;
    try {
        if (source.kind === 'evaluation-report') {
            scored = {
                result: await readReport(source.report, { input: 'evaluation-report', workDir: deps.workDir, s3 }, settings),
            };
        }
        else {
            const test = await resolveSource(source.testData, { input: 'test-data', workDir: deps.workDir, s3 });
            const labels = await readLabels(test.files, { labelColumn: settings.labelColumn });
            const numClasses = problemType === 'multiclass-classification' ? numClassesOf(labels) : undefined;
            if (source.kind === 'predictions') {
                const preds = await resolveSource(source.predictions, {
                    input: 'predictions',
                    workDir: deps.workDir,
                    s3,
                    prefer: '.out',
                });
                const p = await readPredictions(preds.files, { problemType, ...(numClasses ? { numClasses } : {}) });
                scored = {
                    result: await computeMetricsOnCores(problemType, labels, p, metricOpts),
                    labels,
                    scores: p.scores,
                };
            }
            else {
                const region = aws().region;
                const ctx = {
                    sm: await sm(),
                    s3: await s3(),
                    runId: deps.env['GITHUB_RUN_ID'] || 'local',
                    runKey: (0,naming/* runAttemptKey */.KP)((0,run_identity/* runIdentityFromEnv */.l)(deps.env), (deps.clock ?? poller/* systemClock */.ml).now()),
                    roleArn: source.roleArn,
                    instanceType: settings.instanceType,
                    workDir: deps.workDir,
                    deadline: settings.timeoutMs === undefined
                        ? undefined
                        : (deps.clock ?? poller/* systemClock */.ml).now() + settings.timeoutMs,
                    ...(deps.clock ? { clock: deps.clock } : {}),
                    ...(deps.sleep ? { sleep: deps.sleep } : {}),
                    signal: deps.signal,
                    poll: deps.poll,
                    ...(deps.activeJobs ? { activeJobs: deps.activeJobs } : {}),
                    log: deps.log.info,
                };
                const base = test.s3
                    ? {
                        bucket: test.s3.bucket,
                        prefix: siblingBase(test.s3.prefix ?? test.s3.keys[0], test.s3.prefix !== undefined),
                    }
                    : {
                        bucket: source.modelArtifact.bucket,
                        prefix: source.modelArtifact.key.slice(0, source.modelArtifact.key.lastIndexOf('/') + 1),
                    };
                const features = await uploadFeatures(ctx, test.files, settings.labelColumn, base);
                const image = source.image ?? builtinXgboostImage(region);
                const opts = { problemType, numClasses };
                const scoreChampion = champion && usableArtifact(champion.modelDataUrl);
                const candidateRun = scoreWithTransform(ctx, features, { label: 'candidate', image, modelDataUrl: source.modelArtifact.uri }, opts);
                const championRun = scoreChampion
                    ? scoreWithTransform(ctx, features, { label: 'champion', image: champion.image ?? image, modelDataUrl: champion.modelDataUrl }, opts)
                    : undefined;
                // Wait for both, so a failing candidate does not leave the champion's job unattended.
                const [cand, champ] = await Promise.allSettled([
                    candidateRun,
                    championRun ?? Promise.resolve(undefined),
                ]);
                if (cand.status === 'rejected')
                    throw cand.reason;
                scored = {
                    result: await computeMetricsOnCores(problemType, labels, cand.value, metricOpts),
                    labels,
                    scores: cand.value.scores,
                };
                if (champ.status === 'rejected') {
                    scored.championError = (0,errors/* errorMessage */.gJ)(champ.reason);
                }
                else if (champ.value) {
                    try {
                        scored.champion = {
                            scores: champ.value.scores,
                            result: await computeMetricsOnCores(problemType, labels, champ.value, metricOpts),
                        };
                    }
                    catch (err) {
                        scored.championError = (0,errors/* errorMessage */.gJ)(err);
                    }
                }
            }
        }
    }
    catch (err) {
        if (!(err instanceof data_error/* DataError */.f))
            throw err;
        return { scored: undefined, sourceText, problem: err.message };
    }
    return { scored, sourceText, problem: undefined };
}
function numClassesOf(labels) {
    let max = 0;
    for (const v of labels)
        if (v > max)
            max = v;
    return Math.max(2, Math.floor(max) + 1);
}

// EXTERNAL MODULE: ./src/sagemaker/registry.ts
var registry = __webpack_require__(5);
;// CONCATENATED MODULE: ./src/stages/evaluate/champion-lookup.ts







/** The latest Approved package of the group with what is needed to score or compare with it. */
async function lookupChampion(sm, group) {
    const summary = await (0,registry/* findLatestApproved */.mH)(sm, group);
    if (!summary?.ModelPackageArn)
        return undefined;
    const d = await (0,registry/* describeModelPackage */.Xy)(sm, summary.ModelPackageArn);
    const container = d.InferenceSpecification?.Containers?.[0];
    return {
        arn: summary.ModelPackageArn,
        version: summary.ModelPackageVersion,
        image: container?.Image,
        modelDataUrl: container?.ModelDataUrl,
        reportUri: d.ModelMetrics?.ModelQuality?.Statistics?.S3Uri,
    };
}
async function championReport(champion, s3) {
    if (!champion.reportUri)
        throw new data_error/* DataError */.f(`package ${champion.arn} has no ModelMetrics.ModelQuality.Statistics`);
    const loc = (0,core_inputs/* parseS3Uri */.yc)('champion report', champion.reportUri);
    const text = await (0,aws_s3/* getObjectText */.TQ)(await s3(), loc.bucket, loc.key);
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (err) {
        throw new data_error/* DataError */.f(`${champion.reportUri}: not valid JSON (${(0,errors/* errorMessage */.gJ)(err)})`);
    }
    return (0,report/* parseModelQualityReport */.kr)(json, champion.reportUri);
}
/**
 * Compares the candidate with the champion: paired tests when both were scored on the same rows,
 * else the champion's registered metrics (plain differences, said so in the notes).
 */
async function compareWithChampion(settings, champion, candidate, scored, s3, bootstrap) {
    const notes = [];
    const metrics = comparisonMetrics(settings.problemType, settings.thresholds, settings.maxRegression);
    if (scored?.champion && scored.labels && scored.scores) {
        const paired = pairedComparisons(metrics, scored.labels, { scores: scored.scores, metrics: candidate.metrics }, { scores: scored.champion.scores, metrics: scored.champion.result.metrics }, { threshold: settings.probabilityThreshold, confidence: settings.confidence, ...bootstrap });
        return {
            comparisons: paired.comparisons,
            how: `scored on the same ${candidate.rows} rows; paired tests at ${Math.round(settings.confidence * 100)}% confidence`,
            notes: paired.notes,
        };
    }
    if (scored?.championError) {
        notes.push(`the champion's model could not be scored (${scored.championError}); compared with its registered metrics instead`);
    }
    else if (settings.source.kind === 'model-artifact') {
        notes.push(`the champion's artifact (${champion.modelDataUrl ?? 'none'}) is not a usable model.tar.gz; compared with its registered metrics`);
    }
    let registered;
    try {
        registered = await championReport(champion, s3);
    }
    catch (err) {
        // No comparisons then: decideGate fails any max-regression rule closed.
        notes.push(`the champion's registered metrics could not be read (${(0,errors/* errorMessage */.gJ)(err)})`);
        return { comparisons: [], how: undefined, notes };
    }
    const r = registeredComparisons(metrics, candidate.metrics, registered, settings.confidence);
    return {
        comparisons: r.comparisons,
        how: `compared with its registered metrics (${champion.reportUri}); no confidence interval, max-regression uses the plain difference`,
        notes: [...notes, ...r.notes],
    };
}

;// CONCATENATED MODULE: ./src/stages/evaluate/register.ts

function gateLabel(decision) {
    return decision.forced ? 'forced-fail' : decision.passed ? 'passed' : 'failed';
}
/** CustomerMetadataProperties: commit, run URL, PR number, gate result (sanitized to the allowed charset). */
function packageMetadata(input) {
    const { env } = input;
    const server = env['GITHUB_SERVER_URL'] || 'https://github.com';
    const runUrl = env['GITHUB_REPOSITORY'] && env['GITHUB_RUN_ID']
        ? `${server}/${env['GITHUB_REPOSITORY']}/actions/runs/${env['GITHUB_RUN_ID']}${env['GITHUB_RUN_ATTEMPT'] ? `/attempts/${env['GITHUB_RUN_ATTEMPT']}` : ''}`
        : undefined;
    return (0,registry/* sanitizeMetadata */.bU)({
        commit: env['GITHUB_SHA'],
        repository: env['GITHUB_REPOSITORY'],
        run_url: runUrl,
        pr_number: input.prNumber,
        gate_result: gateLabel(input.decision),
        decided_by: input.decision.decidedBy,
        registered_by: 'sagemaker-actions/evaluate',
    });
}
async function registerCandidate(sm, input) {
    await (0,registry/* ensureModelPackageGroup */.DG)(sm, input.group, `Models registered by sagemaker-actions/evaluate`);
    return (0,registry/* createModelPackage */.yr)(sm, {
        group: input.group,
        description: `${gateLabel(input.decision)}: ${input.decision.decidedBy}`,
        image: input.image,
        modelDataUrl: input.modelDataUrl,
        reportUri: input.reportUri,
        approval: input.approve ? 'Approved' : 'PendingManualApproval',
        metadata: packageMetadata(input),
    });
}

;// CONCATENATED MODULE: ./src/stages/evaluate/run.ts








/** Gets the predictions, computes metrics, compares with the champion, gates, reports, registers. */
async function runEvaluation(settings, deps) {
    const notes = [...settings.warnings];
    const problems = [];
    let clients;
    const aws = () => (clients ??= deps.aws());
    const s3 = () => aws().s3();
    const sm = () => aws().sagemaker();
    const { source } = settings;
    // 1. The champion (looked up first: its transform runs alongside the candidate's).
    let champion;
    if (settings.modelPackageGroup) {
        champion = await lookupChampion(await sm(), settings.modelPackageGroup);
        if (champion)
            deps.log.untrustedBlock('champion:', champion.arn);
        else {
            notes.push(`no Approved package in ${settings.modelPackageGroup} yet: gated on thresholds alone`);
            deps.log.info(`champion: none (no Approved package in ${settings.modelPackageGroup}); gating on thresholds alone`);
        }
    }
    // 2. The candidate's metrics (and, in the transform flow, the champion's scores on the same rows).
    const candidate = await scoreCandidate(settings, champion, deps, aws);
    if (candidate.problem)
        problems.push(candidate.problem);
    const scored = candidate.scored;
    const result = scored?.result;
    // 3. Champion comparisons.
    let comparisons = [];
    let championHow;
    if (champion && result) {
        const c = await compareWithChampion(settings, champion, result, scored, s3, deps.bootstrap);
        comparisons = c.comparisons;
        championHow = c.how;
        notes.push(...c.notes);
    }
    // 4. The gate.
    const outcomes = (0,thresholds/* evaluateThresholds */.S$)(settings.thresholds, result?.metrics ?? {});
    const decision = decideGate({
        outcomes,
        comparisons,
        maxRegression: settings.maxRegression,
        championFound: champion !== undefined,
        forceFail: settings.forceFail,
        problems,
    });
    // 5. The report: saved locally always, uploaded when a location is known.
    let localReport;
    let reportUri;
    if (result) {
        localReport = localReportPath(deps.env);
        await saveReportLocally(localReport, result.report);
        const target = settings.reportS3Uri ??
            (source.kind === 'model-artifact' ? reportUriNextTo(source.modelArtifact) : undefined);
        if (target) {
            reportUri = await uploadReport(await s3(), target, result.report);
            deps.log.info(`report uploaded to ${reportUri}`);
        }
        else if (source.kind === 'evaluation-report' && /^s3:\/\//.test(source.report)) {
            reportUri = source.report;
        }
    }
    // 6. Registration.
    let modelPackageArn;
    if (settings.register && source.kind === 'model-artifact') {
        if (!result || !reportUri) {
            notes.push('not registered: there are no metrics to register with (the gate failed closed)');
        }
        else {
            modelPackageArn = await registerCandidate(await sm(), {
                group: settings.modelPackageGroup,
                image: source.image ?? builtinXgboostImage(aws().region),
                modelDataUrl: source.modelArtifact.uri,
                reportUri,
                approve: settings.approveOnPass && decision.passed,
                decision,
                env: deps.env,
                prNumber: pullRequestNumber(deps.env['GITHUB_EVENT_NAME'], await readEventPayload(deps.env)),
            });
            deps.log.untrustedBlock('registered model package:', modelPackageArn);
        }
    }
    return {
        result,
        decision,
        champion,
        championHow,
        reportUri,
        localReport,
        modelPackageArn,
        source: candidate.sourceText,
        notes,
    };
}

;// CONCATENATED MODULE: ./src/stages/evaluate/charts.ts
/**
 * Mermaid `xychart-beta` charts, which GitHub renders in job summaries and PR comments (inline SVG
 * is stripped there). Pure: they build fenced code blocks.
 */
const fmt = (n) => (Number.isFinite(n) ? String(Number(n.toFixed(4))) : '0');
/**
 * TPR at evenly spaced FPR values (xychart spreads points evenly over the axis): the ROC step
 * function, taking the best TPR reached at or before each FPR.
 */
function resampleRoc(roc, points = 21) {
    const out = [];
    for (let i = 0; i < points; i++) {
        const x = i / (points - 1);
        let best = 0;
        for (let j = 0; j < roc.x.length; j++) {
            const fx = roc.x[j];
            const ty = roc.y[j];
            if (fx <= x + 1e-12 && ty > best)
                best = ty;
        }
        out.push(best);
    }
    return out;
}
function rocChart(roc, auc) {
    const tpr = resampleRoc(roc);
    const diagonal = tpr.map((_, i) => i / (tpr.length - 1));
    const labels = tpr.map((_, i) => fmt(i / (tpr.length - 1)));
    return [
        '```mermaid',
        'xychart-beta',
        `  title "ROC curve${auc !== undefined && Number.isFinite(auc) ? ` (AUC ${fmt(auc)})` : ''}"`,
        `  x-axis "False positive rate" [${labels.map((l) => JSON.stringify(l)).join(', ')}]`,
        '  y-axis "True positive rate" 0 --> 1',
        `  line [${tpr.map(fmt).join(', ')}]`,
        `  line [${diagonal.map(fmt).join(', ')}]`,
        '```',
    ].join('\n');
}
function histogramChart(h) {
    const bins = h.positives.length;
    const labels = Array.from({ length: bins }, (_, i) => fmt(h.edges[i] ?? i / bins));
    const max = Math.max(1, ...h.positives, ...h.negatives);
    return [
        '```mermaid',
        'xychart-beta',
        '  title "Score histogram (bars: actual 0, line: actual 1)"',
        `  x-axis "Score (bin start)" [${labels.map((l) => JSON.stringify(l)).join(', ')}]`,
        `  y-axis "Rows" 0 --> ${max}`,
        `  bar [${h.negatives.join(', ')}]`,
        `  line [${h.positives.join(', ')}]`,
        '```',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/stages/evaluate/report.ts




const HEADLINE = {
    'binary-classification': ['auc', 'pr_auc', 'accuracy', 'precision', 'recall', 'f1', 'log_loss'],
    'multiclass-classification': ['accuracy', 'weighted_f1', 'weighted_precision', 'weighted_recall'],
    regression: ['rmse', 'mae', 'mse', 'r2'],
};
const num = (n) => n === undefined ? '' : Number.isNaN(n) ? 'NaN' : (0,render/* formatNumber */.ZV)(n, 4);
const report_signed = (n) => (n > 0 ? `+${num(n)}` : num(n));
function formatDelta(c) {
    if (c.method === 'registered-metrics')
        return `${report_signed(c.diff)} (no CI)`;
    const pct = Math.round(c.confidence * 100);
    return `${report_signed(c.diff)}, ${pct}% CI [${report_signed(c.ci[0])}, ${report_signed(c.ci[1])}]`;
}
function regressionVerdict(c, allowance) {
    if (allowance === undefined)
        return '';
    switch (regressionStanding(c, allowance)) {
        case 'unknown':
            return '❌ cannot tell (fails closed)';
        case 'beyond':
            return `❌ regressed beyond ${allowance}`;
        case 'inconclusive':
            return `⚠️ not significantly worse than the allowance ${allowance}`;
        case 'within':
            return `✅ within ${allowance}`;
    }
}
/** decideGate's rule: without max-regression every compared metric gets allowance 0. */
function allowanceFor(maxRegression, metric) {
    return Object.keys(maxRegression).length === 0 ? 0 : maxRegression[metric];
}
function metricRows(view) {
    const metrics = view.result?.metrics ?? {};
    const byMetric = new Map();
    for (const o of view.decision.outcomes)
        byMetric.set(o.metric, [...(byMetric.get(o.metric) ?? []), o]);
    const comps = new Map(view.decision.comparisons.map((c) => [c.metric, c]));
    const names = [
        ...new Set([
            ...view.thresholds.map((t) => t.metric),
            ...view.decision.comparisons.map((c) => c.metric),
            ...HEADLINE[view.problemType].filter((m) => m in metrics),
        ]),
    ];
    return names.map((m) => {
        const outcomes = byMetric.get(m) ?? [];
        const c = comps.get(m);
        const verdicts = [
            ...outcomes.map((o) => (o.passed ? '✅ threshold' : `❌ ${o.message}`)),
            ...(c ? [regressionVerdict(c, allowanceFor(view.maxRegression, m))] : []),
        ].filter(Boolean);
        return [
            m,
            num(metrics[m] ?? outcomes[0]?.actual),
            view.thresholds
                .filter((t) => t.metric === m)
                .map((t) => t.text)
                .join(', '),
            c ? num(c.champion) : '',
            c ? formatDelta(c) : '',
            verdicts.join(' ') || 'n/a',
        ];
    });
}
function confusionTable(cm) {
    const actual = Object.keys(cm).sort(numericOrder);
    const predicted = [...new Set(actual.flatMap((a) => Object.keys(cm[a] ?? {})).concat(actual))].sort(numericOrder);
    return (0,render/* table */.tp)(['actual \\ predicted', ...predicted], actual.map((a) => [`**${a}**`, ...predicted.map((p) => cm[a]?.[p] ?? 0)]));
}
function numericOrder(a, b) {
    const x = Number(a);
    const y = Number(b);
    return Number.isFinite(x) && Number.isFinite(y) ? x - y : a < b ? -1 : a > b ? 1 : 0;
}
function renderSummary(view) {
    const d = view.decision;
    const verdict = d.forced ? '❌ **failed (forced)**' : d.passed ? '✅ **passed**' : '❌ **failed**';
    const out = [`## Evaluate: ${verdict}`, ''];
    const rowsText = view.result ? `${view.result.rows} rows, ` : '';
    out.push(`${rowsText}${view.problemType}; predictions from ${view.source}.`, '');
    out.push(`**Decided by:** ${d.decidedBy}`, '');
    if (d.reasons.length)
        out.push(...d.reasons.map((r) => `- ${(0,render/* escapeMarkdown */.FV)(r)}`), '');
    if (d.warnings.length)
        out.push(...d.warnings.map((w) => `> ⚠️ ${(0,render/* escapeMarkdown */.FV)(w)}`), '');
    if (view.championGroup) {
        out.push(view.champion
            ? `**Champion:** ${(0,render/* code */.aY)(view.champion.arn)} (${view.champion.how})`
            : `**Champion:** none yet in ${(0,render/* code */.aY)(view.championGroup)} (no Approved package): gated on thresholds alone.`, '');
        for (const c of d.comparisons)
            out.push(`- ${formatComparison(c)}`);
        if (d.comparisons.length)
            out.push('');
    }
    if (view.result) {
        out.push('### Metrics', '', (0,render/* table */.tp)(['metric', 'value', 'threshold', 'champion', 'delta', 'verdict'], metricRows(view)), '');
        const all = Object.entries(view.result.metrics).sort(([a], [b]) => (a < b ? -1 : 1));
        out.push((0,render/* details */.zH)(`All ${all.length} metrics`, (0,render/* table */.tp)(['metric', 'value', 'standard deviation'], all.map(([k, v]) => [k, num(v), String(view.result.standardDeviations[k] ?? '')]))), '');
        if (view.result.confusionMatrix)
            out.push('### Confusion matrix', '', confusionTable(view.result.confusionMatrix), '');
        if (view.result.roc)
            out.push('### ROC curve', '', rocChart(view.result.roc, view.result.metrics['auc']), '');
        if (view.result.scoreHistogram)
            out.push('### Score histogram', '', histogramChart(view.result.scoreHistogram), '');
    }
    const links = [];
    if (view.reportUri)
        links.push(`Report: ${(0,render/* code */.aY)(view.reportUri)}`);
    else if (view.localReport)
        links.push(`Report (local): ${(0,render/* code */.aY)(view.localReport)}`);
    if (view.modelPackageArn)
        links.push(`Registered: ${(0,render/* code */.aY)(view.modelPackageArn)}`);
    if (links.length)
        out.push(links.join(' · '), '');
    if (view.notes.length)
        out.push((0,render/* details */.zH)('Notes', view.notes.map((n) => `- ${(0,render/* escapeMarkdown */.FV)(n)}`).join('\n')), '');
    return out.join('\n');
}
/** The `metrics` output: flat metric → number (NaN → null), plus confusion_matrix. */
function metricsOutput(outcome) {
    const r = outcome.result;
    if (!r)
        return {};
    const out = {};
    for (const [k, v] of Object.entries(r.metrics))
        out[k] = Number.isFinite(v) ? v : null;
    if (r.confusionMatrix)
        out['confusion_matrix'] = r.confusionMatrix;
    return out;
}
/** The evaluate action's outputs (pure). */
function evaluateOutputs(outcome, markdown) {
    return {
        passed: String(outcome.decision.passed),
        metrics: JSON.stringify(metricsOutput(outcome)),
        'report-uri': outcome.reportUri ?? '',
        'model-package-arn': outcome.modelPackageArn ?? '',
        'champion-package-arn': outcome.champion?.arn ?? '',
        'summary-markdown': markdown,
    };
}
/** The deciding rule and its reason, for the step log (the other reasons are in the summary). */
function gateVerdict(decision) {
    const first = decision.reasons[0];
    const more = decision.reasons.length > 1 ? ` (${decision.reasons.length - 1} more line(s) in the job summary)` : '';
    return first
        ? `${first.startsWith(decision.decidedBy) ? first : `${decision.decidedBy}: ${first}`}${more}`
        : decision.decidedBy;
}

;// CONCATENATED MODULE: ./src/actions/evaluate.ts















async function evaluate(ctx, overrides) {
    const settings = parseEvaluateSettings(await ctx.inputs());
    if (settings.githubToken)
        ctx.setSecret(settings.githubToken);
    const { log, env } = ctx;
    const pollInterval = (0,poller/* pollIntervalFromEnv */.cz)(env);
    for (const w of settings.warnings)
        log.warning(w);
    if (settings.forceFail)
        ctx.setOutput('passed', 'false');
    ctx.failIfForced(settings.forceFail);
    // Labels and predictions are read (and big evaluations computed) on two threads: start the
    // worker now, so its start-up overlaps finding and downloading the files.
    if (settings.source.kind !== 'evaluation-report')
        (0,pool/* warmWorkers */.zg)(1);
    const activeJobs = new Set();
    let clients;
    const aws = () => (clients ??= (0,aws_clients/* createAwsClients */.Gv)({ region: settings.region }));
    const guard = (0,signals/* stopOnSignal */.O)({
        source: ctx.signals,
        what: () => (activeJobs.size ? `transform job(s) ${[...activeJobs].join(', ')}` : undefined),
        stop: async () => {
            const sm = await aws().sagemaker();
            await Promise.all([...activeJobs].map((j) => (0,transform/* stopTransformJob */.cM)(sm, j)));
        },
        log: (m) => log.info(m),
        ...(overrides.stopDelay ? { delay: overrides.stopDelay } : {}),
    });
    let outcome;
    // Scratch space (downloads, transform inputs and outputs), removed whatever happens.
    const workDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), 'sagemaker-evaluate-'));
    try {
        outcome = await runEvaluation(settings, {
            env,
            aws,
            workDir,
            log,
            signal: guard.signal,
            activeJobs,
            ...(overrides.clock ? { clock: overrides.clock } : {}),
            ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
            ...(overrides.poll
                ? { poll: overrides.poll }
                : pollInterval
                    ? { poll: (0,poller/* fixedSchedule */.IP)(pollInterval) }
                    : {}),
            ...(overrides.bootstrap ? { bootstrap: overrides.bootstrap } : {}),
        });
    }
    catch (err) {
        // The stage itself failed (e.g. a transform job failed): nothing passed.
        ctx.setOutput('passed', 'false');
        throw err;
    }
    finally {
        if (guard.received)
            await guard.stopped();
        guard.dispose();
        await (0,promises_.rm)(workDir, { recursive: true, force: true });
    }
    const markdown = renderSummary({
        source: outcome.source,
        problemType: settings.problemType,
        result: outcome.result,
        thresholds: settings.thresholds,
        maxRegression: settings.maxRegression,
        decision: outcome.decision,
        champion: outcome.champion
            ? { arn: outcome.champion.arn, how: outcome.championHow ?? 'not compared' }
            : undefined,
        championGroup: settings.modelPackageGroup,
        reportUri: outcome.reportUri,
        localReport: outcome.localReport,
        modelPackageArn: outcome.modelPackageArn,
        notes: outcome.notes,
    });
    const outputs = evaluateOutputs(outcome, markdown);
    for (const name of EVALUATE_NAMES.outputs)
        ctx.setOutput(name, outputs[name]);
    // The comment first, then the job summary once, with the reason when the PR does not show it.
    const comment = await postPrComment({
        token: settings.githubToken,
        env,
        action: 'evaluate',
        identifier: [ctx.run.workflow, ctx.run.job, settings.modelPackageGroup].filter(Boolean).join('/') || 'default',
        markdown,
        log,
        ...(overrides.octokit ? { octokit: overrides.octokit } : {}),
    });
    await ctx.writeSummary(comment.reason === undefined
        ? markdown
        : `${markdown.replace(/\n*$/, '\n')}\n> ⚠️ The PR comment was not posted: ${(0,render/* escapeMarkdown */.FV)(comment.reason)}\n`);
    const { decision } = outcome;
    for (const w of decision.warnings)
        log.warning(`evaluate: ${w}`);
    const why = gateVerdict(decision);
    if (!decision.passed) {
        if (settings.failOnGate)
            throw new errors/* StageFailure */.BG(`gate failed. ${why}`);
        log.warning(`evaluate: gate failed (fail-on-gate: false, so the step stays green). ${why}`);
    }
    else {
        // The verdict names metrics (from reports and AWS): printed with workflow commands stopped.
        log.untrustedBlock('gate passed.', why);
    }
}
async function run(overrides = {}) {
    await (0,context/* runAction */.Cs)(EVALUATE_NAMES, (ctx) => evaluate(ctx, overrides), {
        ...(overrides.signals ? { signals: overrides.signals } : {}),
        ...(overrides.exit ? { exit: overrides.exit } : {}),
    });
}

;// CONCATENATED MODULE: ./src/entries/evaluate.ts

void run();


/***/ }),

/***/ 2992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aI: () => (/* binding */ ensureModel)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _jobs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9506);
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3562);




async function describe(sm, name) {
    const { DescribeModelCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236));
    try {
        return await sm.send(new DescribeModelCommand({ ModelName: name }));
    }
    catch (err) {
        if ((0,_jobs_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(err))
            return undefined;
        throw err;
    }
}
function checkSame(spec, found) {
    const container = found.PrimaryContainer ?? found.Containers?.[0];
    const url = container?.ModelDataUrl ?? container?.ModelDataSource?.S3DataSource?.S3Uri;
    if (url !== spec.modelDataUrl || container?.Image !== spec.image) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .StageFailure */ .BG(`model ${spec.name} already exists with a different artifact or image (${url ?? 'none'}, ${container?.Image ?? 'none'}); ` +
            `expected ${spec.modelDataUrl} with ${spec.image}. Delete the model or use another run.`);
    }
}
/** Creates the model, or re-uses an existing one with the same name, image and artifact. */
async function ensureModel(sm, spec) {
    if (!_naming_js__WEBPACK_IMPORTED_MODULE_2__/* .MODEL_NAME_RE */ .mK.test(spec.name) || spec.name.length > 63) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .StageFailure */ .BG(`internal: model name ${JSON.stringify(spec.name)} does not match ${_naming_js__WEBPACK_IMPORTED_MODULE_2__/* .MODEL_NAME_RE */ .mK}`);
    }
    const existing = await describe(sm, spec.name);
    if (existing) {
        checkSame(spec, existing);
        return { name: spec.name, arn: existing.ModelArn, created: false };
    }
    const { CreateModelCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236));
    try {
        const out = await sm.send(new CreateModelCommand({
            ModelName: spec.name,
            ExecutionRoleArn: spec.roleArn,
            PrimaryContainer: {
                Image: spec.image,
                ModelDataUrl: spec.modelDataUrl,
                ...(spec.environment && Object.keys(spec.environment).length
                    ? { Environment: spec.environment }
                    : {}),
            },
        }));
        return { name: spec.name, arn: out.ModelArn, created: true };
    }
    catch (err) {
        if (!(0,_jobs_js__WEBPACK_IMPORTED_MODULE_1__/* .isAlreadyExists */ .x9)(err))
            throw err;
        // Lost a race with a parallel attempt: use theirs if it is the same model.
        const again = await describe(sm, spec.name);
        if (!again)
            throw err;
        checkSame(spec, again);
        return { name: spec.name, arn: again.ModelArn, created: false };
    }
}


/***/ }),

/***/ 3562:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DL: () => (/* binding */ transformJobName),
/* harmony export */   KP: () => (/* binding */ runAttemptKey),
/* harmony export */   LZ: () => (/* binding */ attemptName),
/* harmony export */   Qg: () => (/* binding */ defaultJobName),
/* harmony export */   Ri: () => (/* binding */ deterministicModelName),
/* harmony export */   mK: () => (/* binding */ MODEL_NAME_RE),
/* harmony export */   qi: () => (/* binding */ sanitizeNamePart)
/* harmony export */ });
/* unused harmony exports MAX_NAME_LENGTH, isValidName, modelHash */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9114);


/** SageMaker job, endpoint and model names: `^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$`. */
const MAX_NAME_LENGTH = 63;
/** Room kept at the end of a default name for an attempt suffix (`-r99`). */
const SUFFIX_ROOM = 4;
/** Lower-cases, turns every run of other characters into one hyphen, trims hyphens. */
function sanitizeNamePart(text) {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
}
function shortHash(parts, length = 8) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(parts.join('\u0000')).digest('hex').slice(0, length);
}
/** Cuts to `max` characters without leaving a trailing hyphen. */
function cut(text, max) {
    return text.slice(0, Math.max(0, max)).replace(/-+$/, '');
}
/**
 * The default job name: readable parts (repository name, stage, run id) and a hash of everything
 * that identifies the step (repository, workflow, job, run id, step, stage), so two repositories,
 * workflows or steps never share a name while a re-run of the same run finds its job again.
 * Always matches SAGEMAKER_NAME_RE, is at most 59 characters (room for `-rNN`), and depends only
 * on its arguments.
 */
function defaultJobName(ctx, stage) {
    const hash = shortHash([
        ctx.repository ?? '',
        ctx.workflow ?? '',
        ctx.job ?? '',
        ctx.runId ?? '',
        ctx.step ?? '',
        stage,
    ]);
    const repoName = sanitizeNamePart((ctx.repository ?? '').split('/').pop() ?? '');
    const stagePart = sanitizeNamePart(stage);
    const runPart = sanitizeNamePart(ctx.runId ?? '');
    const budget = MAX_NAME_LENGTH - SUFFIX_ROOM - hash.length - 1;
    // Keep the run id and stage whole when possible; the repository name gives way first.
    const tail = [stagePart, runPart].filter(Boolean).join('-');
    const tailCut = cut(tail, budget);
    const repoBudget = budget - tailCut.length - (tailCut ? 1 : 0);
    const head = repoBudget > 2 ? cut(repoName, repoBudget) : '';
    const readable = [head, tailCut].filter(Boolean).join('-');
    return readable ? `${readable}-${hash}` : `job-${hash}`;
}
/** The name of attempt `n` (1 = the base name itself; 2 → `-r2`, ...), always a valid name. */
function attemptName(base, attempt) {
    if (attempt <= 1)
        return base;
    const suffix = `-r${attempt}`;
    const head = cut(base, MAX_NAME_LENGTH - suffix.length);
    return `${head || 'job'}${suffix}`;
}
function isValidName(name) {
    return SAGEMAKER_NAME_RE.test(name);
}
/** CreateModel's ModelName pattern (sagemaker.md §1), anchored; at most 63 characters. */
const MODEL_NAME_RE = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
/** Short, stable hash of the things that define a model (image + artifact). */
function modelHash(image, modelDataUrl) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${image}\n${modelDataUrl}`).digest('hex').slice(0, 12);
}
/**
 * Deterministic model name: `<prefix>-<run id>-<hash of image and artifact>`, so a re-run of the
 * same workflow run re-uses the model it created before instead of piling up duplicates.
 */
function deterministicModelName(prefix, runId, image, modelDataUrl) {
    const cleanPrefix = prefix
        .replace(/[^a-zA-Z0-9-]/g, '-')
        .replace(/-+/g, '-')
        .replace(/^-|-$/g, '') || 'model';
    const run = runId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 20) || 'local';
    const hash = modelHash(image, modelDataUrl);
    const head = `${cleanPrefix}-${run}`.slice(0, 63 - hash.length - 1).replace(/-+$/, '');
    return `${head}-${hash}`;
}
/**
 * The key of one attempt of a run (`<run id>-<attempt>`), for names that must differ between
 * attempts (a transform job's output must not mix with an earlier attempt's); outside GitHub
 * Actions a time-based key, so local runs never collide.
 */
function runAttemptKey(run, now) {
    if (run.runId)
        return `${run.runId}-${run.attempt || '1'}`;
    return `local-${now.toString(36)}`;
}
/** Transform job name: `eval-<label>-<run key>-<hash of model and input>`. */
function transformJobName(runKey, label, modelName, inputUri) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${modelName}\n${inputUri}`).digest('hex').slice(0, 8);
    const run = runKey.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '');
    const head = `eval-${label}-${run}`.slice(0, 63 - hash.length - 1).replace(/-+$/, '');
    return `${head}-${hash}`;
}


/***/ }),

/***/ 5:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DG: () => (/* binding */ ensureModelPackageGroup),
/* harmony export */   Xy: () => (/* binding */ describeModelPackage),
/* harmony export */   bU: () => (/* binding */ sanitizeMetadata),
/* harmony export */   mH: () => (/* binding */ findLatestApproved),
/* harmony export */   yr: () => (/* binding */ createModelPackage)
/* harmony export */ });
/* unused harmony export modelPackageRequest */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _aws_paging_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6433);



const isMissingGroup = _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4;
/** The latest Approved package of the group (by creation time), or undefined (none, or no group). */
async function findLatestApproved(sm, group) {
    const { ListModelPackagesCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236));
    try {
        // MaxResults applies before the status filter: a page may be empty while an Approved package
        // exists further on, so follow NextToken until one is found (sorted newest first).
        return await (0,_aws_paging_js__WEBPACK_IMPORTED_MODULE_2__/* .findFirst */ .i8)(async (token) => {
            const out = await sm.send(new ListModelPackagesCommand({
                ModelPackageGroupName: group,
                ModelApprovalStatus: 'Approved',
                SortBy: 'CreationTime',
                SortOrder: 'Descending',
                MaxResults: 10,
                ...(token ? { NextToken: token } : {}),
            }));
            return { items: out.ModelPackageSummaryList ?? [], next: out.NextToken };
        });
    }
    catch (err) {
        if (isMissingGroup(err))
            return undefined;
        throw err;
    }
}
async function describeModelPackage(sm, arn) {
    const { DescribeModelPackageCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236));
    return sm.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
}
/** Creates the group when it does not exist. Returns true when it was created now. */
async function ensureModelPackageGroup(sm, group, description) {
    const { DescribeModelPackageGroupCommand, CreateModelPackageGroupCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236));
    try {
        await sm.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: group }));
        return false;
    }
    catch (err) {
        if (!isMissingGroup(err))
            throw err;
    }
    try {
        await sm.send(new CreateModelPackageGroupCommand({
            ModelPackageGroupName: group,
            ModelPackageGroupDescription: description.slice(0, 1024),
        }));
        return true;
    }
    catch (err) {
        // A parallel run created it between our describe and create.
        if (/already exist/i.test((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)) || (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isAlreadyExists */ .x9)(err)) {
            return false;
        }
        throw err;
    }
}
const META_VALUE_RE = /[^a-zA-Z0-9 _.:/=+\-@]/g;
/** CustomerMetadataProperties rules: 1-50 entries; key 1-128, value 1-256 of letters/digits/space `_.:/=+-@`. */
function sanitizeMetadata(props) {
    const out = {};
    for (const [rawKey, rawValue] of Object.entries(props)) {
        if (rawValue === undefined)
            continue;
        const key = rawKey.replace(META_VALUE_RE, '_').slice(0, 128);
        const value = String(rawValue).replace(META_VALUE_RE, '_').slice(0, 256);
        if (!key || !value)
            continue;
        if (Object.keys(out).length >= 50)
            break;
        out[key] = value;
    }
    return out;
}
function modelPackageRequest(spec) {
    return {
        ModelPackageGroupName: spec.group,
        ...(spec.description ? { ModelPackageDescription: spec.description.slice(0, 1024) } : {}),
        InferenceSpecification: {
            Containers: [{ Image: spec.image, ModelDataUrl: spec.modelDataUrl }],
            SupportedContentTypes: ['text/csv'],
            SupportedResponseMIMETypes: ['text/csv'],
        },
        ModelMetrics: {
            ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: spec.reportUri } },
        },
        ModelApprovalStatus: spec.approval,
        ...(Object.keys(spec.metadata).length ? { CustomerMetadataProperties: spec.metadata } : {}),
    };
}
async function createModelPackage(sm, spec) {
    const { CreateModelPackageCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236));
    const out = await sm.send(new CreateModelPackageCommand(modelPackageRequest(spec)));
    if (!out.ModelPackageArn)
        throw new Error(`CreateModelPackage in ${spec.group} returned no ModelPackageArn`);
    return out.ModelPackageArn;
}


/***/ }),

/***/ 2412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oq: () => (/* binding */ startTransformJob),
/* harmony export */   cM: () => (/* binding */ stopTransformJob),
/* harmony export */   uM: () => (/* binding */ waitForTransformJob)
/* harmony export */ });
/* unused harmony exports transformRequest, describeTransformJob */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _jobs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9506);
/* harmony import */ var _core_render_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1595);
/* harmony import */ var _aws_poller_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5971);




/** The request the action sends: CSV lines in, one prediction per line out. */
function transformRequest(spec) {
    return {
        TransformJobName: spec.jobName,
        ModelName: spec.modelName,
        MaxPayloadInMB: 6,
        BatchStrategy: 'MultiRecord',
        TransformInput: {
            DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: spec.inputUri } },
            ContentType: 'text/csv',
            CompressionType: 'None',
            SplitType: 'Line',
        },
        TransformOutput: { S3OutputPath: spec.outputUri, Accept: 'text/csv', AssembleWith: 'Line' },
        TransformResources: {
            InstanceType: spec.instanceType,
            InstanceCount: spec.instanceCount ?? 1,
        },
        ...(spec.tags?.length ? { Tags: spec.tags } : {}),
    };
}
async function describeTransformJob(sm, jobName) {
    const { DescribeTransformJobCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236));
    try {
        return await sm.send(new DescribeTransformJobCommand({ TransformJobName: jobName }));
    }
    catch (err) {
        if ((0,_jobs_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(err))
            return undefined;
        throw err;
    }
}
/**
 * Starts the transform job, or re-attaches to a job of the same name (a re-run of the same
 * workflow attempt) when its model and input are the same.
 */
async function startTransformJob(sm, spec) {
    const existing = await describeTransformJob(sm, spec.jobName);
    if (existing) {
        const sameInput = existing.TransformInput?.DataSource?.S3DataSource?.S3Uri === spec.inputUri;
        if (existing.ModelName !== spec.modelName || !sameInput) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .StageFailure */ .BG(`transform job ${spec.jobName} already exists for another model or input (${existing.ModelName}); re-run the workflow to get a new job name`);
        }
        return { arn: existing.TransformJobArn, attached: true };
    }
    const { CreateTransformJobCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236));
    const out = await sm.send(new CreateTransformJobCommand(transformRequest(spec)));
    return { arn: out.TransformJobArn, attached: false };
}
async function stopTransformJob(sm, jobName) {
    const { StopTransformJobCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236));
    try {
        await sm.send(new StopTransformJobCommand({ TransformJobName: jobName }));
    }
    catch (err) {
        // Already terminal or gone: nothing to stop.
        if ((0,_jobs_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotStoppable */ .Wf)(err) || (0,_jobs_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(err))
            return;
        throw err;
    }
}
const TERMINAL = new Set(['Completed', 'Failed', 'Stopped']);
/**
 * Waits for the job to end. Completed → returns; Failed/Stopped → StageFailure with the reason;
 * timeout or abort (workflow cancelled) → stops the job, then StageFailure.
 */
async function waitForTransformJob(sm, jobName, opts = {}) {
    let last;
    const result = await (0,_aws_poller_js__WEBPACK_IMPORTED_MODULE_2__/* .pollUntil */ .g3)({
        describe: async () => {
            const d = await describeTransformJob(sm, jobName);
            if (!d)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .StageFailure */ .BG(`transform job ${jobName} disappeared while waiting for it`);
            return d;
        },
        isDone: (d) => TERMINAL.has(d.TransformJobStatus ?? ''),
        onUpdate: (d, elapsed) => {
            const status = d.TransformJobStatus ?? 'Unknown';
            if (status !== last)
                opts.onStatus?.(status, elapsed);
            last = status;
        },
        ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
        minDelayMs: 5_000,
        maxDelayMs: 30_000,
        ...opts.poll,
        ...(opts.clock ? { clock: opts.clock } : {}),
        ...(opts.sleep ? { sleep: opts.sleep } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
    });
    if (result.state === 'timeout') {
        await stopTransformJob(sm, jobName);
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .StageFailure */ .BG(`transform job ${jobName} did not finish within ${(0,_core_render_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(opts.timeoutMs ?? 0)} (timeout-minutes); it was stopped`);
    }
    if (result.state === 'aborted') {
        await stopTransformJob(sm, jobName);
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledFailure */ .mj(`transform job ${jobName} was stopped because the workflow was cancelled`);
    }
    const d = result.value;
    if (d.TransformJobStatus !== 'Completed') {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .StageFailure */ .BG(`transform job ${jobName} ended ${d.TransformJobStatus}${d.FailureReason ? `: ${d.FailureReason}` : ''}; see CloudWatch log group /aws/sagemaker/TransformJobs`);
    }
    return d;
}


/***/ })

};
