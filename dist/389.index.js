export const id = 389;
export const ids = [389];
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

/***/ 121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IK: () => (/* binding */ parseMetricDefinitions),
/* harmony export */   L: () => (/* binding */ checkKeys),
/* harmony export */   MB: () => (/* binding */ bad),
/* harmony export */   MK: () => (/* binding */ checkTags),
/* harmony export */   Qz: () => (/* binding */ checkEnvironment),
/* harmony export */   SD: () => (/* binding */ parseHyperparameters),
/* harmony export */   Up: () => (/* binding */ pick),
/* harmony export */   mq: () => (/* binding */ parseChannels),
/* harmony export */   sx: () => (/* binding */ optionalString),
/* harmony export */   wB: () => (/* binding */ DISTRIBUTIONS)
/* harmony export */ });
/* unused harmony exports MAX_HYPERPARAMETERS, MAX_HYPERPARAMETER_VALUE, MAX_HYPERPARAMETER_KEY, CHANNEL_NAME_RE, ENV_KEY_RE */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9114);



/**
 * Parsers for the train action's structured inputs (maps given as YAML or JSON text in the
 * workflow, or as YAML values in the config file). Pure: each takes the input's name and value and
 * returns typed data or throws a ConfigurationError naming the input, the value and the fix.
 */
function bad(input, detail) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input '${input}': ${detail}`);
}
const MAX_HYPERPARAMETERS = 100;
const MAX_HYPERPARAMETER_VALUE = 2500;
const MAX_HYPERPARAMETER_KEY = 256;
/**
 * Hyperparameters: a flat map. Values are sent as strings exactly as written in the workflow
 * (`eta: 0.20` → "0.20", `n: 1e3` → "1e3"). Values that come from the config file were already
 * read as YAML, so there `0.20` arrives as the number 0.2 and `1e3` as 1000: quote them there.
 */
function parseHyperparameters(input, value) {
    if (value === undefined)
        return {};
    const out = {};
    if (typeof value === 'string') {
        if (value.trim() === '')
            return {};
        const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(value, { keepSourceTokens: true });
        if (doc.errors.length) {
            bad(input, `not valid YAML or JSON (${doc.errors[0].message.split('\n')[0]}); value was ${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(value)}`);
        }
        const contents = doc.contents;
        if (contents === null)
            return {};
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(contents))
            bad(input, `expected a map of name: value, got ${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(value)}`);
        for (const pair of contents.items) {
            const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : String(pair.key);
            const v = pair.value;
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(v))
                bad(input, `'${key}' must be a single value (string, number or boolean), not a list or map`);
            out[key] = scalarText(input, key, v);
        }
    }
    else {
        if (!(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Qd)(value))
            bad(input, `expected a map of name: value, got ${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(value)}`);
        for (const [key, v] of Object.entries(value)) {
            if (v === null || v === undefined)
                bad(input, `'${key}' has no value`);
            if (typeof v === 'object')
                bad(input, `'${key}' must be a single value (string, number or boolean), not a list or map`);
            out[key] = String(v);
        }
    }
    const keys = Object.keys(out);
    if (keys.length > MAX_HYPERPARAMETERS)
        bad(input, `${keys.length} entries; SageMaker allows at most ${MAX_HYPERPARAMETERS}`);
    for (const [k, v] of Object.entries(out)) {
        if (k.length === 0 || k.length > MAX_HYPERPARAMETER_KEY)
            bad(input, `name ${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(k)} must be 1-${MAX_HYPERPARAMETER_KEY} characters`);
        if (v.length > MAX_HYPERPARAMETER_VALUE) {
            bad(input, `value of '${k}' is ${v.length} characters; SageMaker allows at most ${MAX_HYPERPARAMETER_VALUE}`);
        }
    }
    return out;
}
function scalarText(input, key, s) {
    if (s.value === null || s.value === undefined)
        bad(input, `'${key}' has no value`);
    if (s.type === 'PLAIN') {
        const src = s.srcToken?.source;
        if (typeof src === 'string' && src.trim() !== '')
            return src.trim();
    }
    return String(s.value);
}
const CHANNEL_NAME_RE = /^[A-Za-z0-9.\-_]{1,64}$/;
const DISTRIBUTIONS = ['FullyReplicated', 'ShardedByS3Key'];
const INPUT_MODES = ['File', 'Pipe', 'FastFile'];
function pick(input, what, value, allowed) {
    if (typeof value === 'string' && allowed.includes(value))
        return value;
    return bad(input, `${what} ${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(value)} is not allowed; expected one of: ${allowed.join(', ')}`);
}
function optionalString(input, what, value) {
    if (value === undefined || value === null || value === '')
        return undefined;
    if (typeof value !== 'string')
        bad(input, `${what} must be a string, got ${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(value)}`);
    return value;
}
/** Allowed keys of a map entry; anything else is most likely a typo. */
function checkKeys(input, where, obj, allowed) {
    for (const k of Object.keys(obj)) {
        if (!allowed.includes(k))
            bad(input, `${where}: unknown key '${k}'; allowed keys: ${allowed.join(', ')}`);
    }
}
/**
 * Training channels: `{train: s3://..., validation: {uri, content-type, distribution, input-mode}}`.
 * A single S3 URI means one channel named `train`.
 */
function parseChannels(input, value, defaultContentType) {
    if (value === undefined)
        return [];
    let parsed = (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseStructured */ .jE)(input, value);
    if (typeof parsed === 'string' && parsed.trim().startsWith('s3://'))
        parsed = { train: parsed.trim() };
    if (parsed === null || parsed === undefined || parsed === '')
        return [];
    if (!(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Qd)(parsed))
        bad(input, `expected a map of channel: s3://uri (or channel: {uri, content-type, ...}), got ${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(value)}`);
    const entries = Object.entries(parsed);
    if (entries.length > 20)
        bad(input, `${entries.length} channels; SageMaker allows at most 20`);
    return entries.map(([name, v]) => {
        if (!CHANNEL_NAME_RE.test(name))
            bad(input, `channel name ${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(name)} must be 1-64 letters, digits, '.', '-' or '_'`);
        if (typeof v === 'string') {
            return {
                name,
                uri: (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseS3Uri */ .yc)(input, v).uri,
                contentType: defaultContentType,
                distribution: 'FullyReplicated',
            };
        }
        if (!(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Qd)(v))
            bad(input, `channel '${name}' must be an S3 URI or a map with uri, content-type, distribution, input-mode`);
        checkKeys(input, `channel '${name}'`, v, ['uri', 'content-type', 'distribution', 'input-mode']);
        const uri = optionalString(input, `channel '${name}' uri`, v['uri']);
        if (!uri)
            bad(input, `channel '${name}' needs a uri (s3://bucket/prefix/)`);
        return {
            name,
            uri: (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseS3Uri */ .yc)(input, uri).uri,
            contentType: optionalString(input, `channel '${name}' content-type`, v['content-type']) ?? defaultContentType,
            distribution: v['distribution'] === undefined
                ? 'FullyReplicated'
                : pick(input, `channel '${name}' distribution`, v['distribution'], DISTRIBUTIONS),
            inputMode: v['input-mode'] === undefined
                ? undefined
                : pick(input, `channel '${name}' input-mode`, v['input-mode'], INPUT_MODES),
        };
    });
}
/** metric-definitions: `{name: regex}` or `[{Name, Regex}]`; every regex must compile. */
function parseMetricDefinitions(input, value) {
    if (value === undefined)
        return [];
    const parsed = (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseStructured */ .jE)(input, value);
    if (parsed === null || parsed === undefined || parsed === '')
        return [];
    let defs;
    if (Array.isArray(parsed)) {
        defs = parsed.map((d, i) => {
            if (!(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Qd)(d) || typeof d['Name'] !== 'string' || typeof d['Regex'] !== 'string') {
                return bad(input, `item ${i + 1} must be {Name: ..., Regex: ...}, got ${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(d)}`);
            }
            return { Name: d['Name'], Regex: d['Regex'] };
        });
    }
    else if ((0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Qd)(parsed)) {
        defs = Object.entries(parsed).map(([Name, Regex]) => {
            if (typeof Regex !== 'string')
                bad(input, `the regex of '${Name}' must be a string, got ${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(Regex)}`);
            return { Name, Regex };
        });
    }
    else {
        return bad(input, `expected a map of metric-name: regex or a list of {Name, Regex}, got ${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(value)}`);
    }
    if (defs.length > 40)
        bad(input, `${defs.length} metrics; SageMaker allows at most 40`);
    for (const d of defs) {
        if (d.Name.length < 1 || d.Name.length > 255)
            bad(input, `metric name ${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(d.Name)} must be 1-255 characters`);
        if (d.Regex.length < 1 || d.Regex.length > 500)
            bad(input, `the regex of '${d.Name}' must be 1-500 characters`);
        let groups = 0;
        try {
            groups = new RegExp(`${d.Regex}|`).exec('').length - 1;
        }
        catch (err) {
            bad(input, `the regex of '${d.Name}' (${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(d.Regex)}) does not compile: ${err.message}`);
        }
        if (groups < 1)
            bad(input, `the regex of '${d.Name}' needs a capture group around the value, e.g. auc:([0-9.]+)`);
    }
    return defs;
}
const ENV_KEY_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** environment: a flat map; keys must be valid variable names. Values are never printed. */
function checkEnvironment(input, env, maxValue) {
    const keys = Object.keys(env);
    if (keys.length > 100)
        bad(input, `${keys.length} variables; SageMaker allows at most 100`);
    for (const k of keys) {
        if (!ENV_KEY_RE.test(k) || k.length > 512)
            bad(input, `variable name ${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(k)} must match [a-zA-Z_][a-zA-Z0-9_]*`);
        if (env[k].length > maxValue)
            bad(input, `the value of '${k}' is longer than ${maxValue} characters (value not shown)`);
    }
    return env;
}
function checkTags(input, tags) {
    const keys = Object.keys(tags);
    if (keys.length > 50)
        bad(input, `${keys.length} tags; SageMaker allows at most 50`);
    for (const k of keys) {
        if (k.length < 1 || k.length > 128 || k.startsWith('aws:'))
            bad(input, `tag key ${(0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .show */ .WU)(k)} must be 1-128 characters and not start with aws:`);
        if (tags[k].length > 256)
            bad(input, `tag '${k}' value is longer than 256 characters`);
    }
    return tags;
}


/***/ })

};
