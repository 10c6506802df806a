export const id = 66;
export const ids = [66];
export const modules = {

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ createAwsClients),
/* harmony export */   Zv: () => (/* binding */ resolveRegion)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_ATTEMPTS, clientConfig, forcePathStyle */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _user_agent_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(980);


const DEFAULT_MAX_ATTEMPTS = 10;
const REGION_RE = /^[a-z]{2}(-[a-z]+)+-\d$/;
function resolveRegion(input, env = process.env) {
    const region = (input?.trim() || env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || '').trim();
    if (!region) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1("no AWS region: set the 'region' input, or AWS_REGION (aws-actions/configure-aws-credentials sets it)");
    }
    if (!REGION_RE.test(region)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`input 'region': ${JSON.stringify(region)} is not an AWS region name like us-east-1`);
    }
    return region;
}
function clientConfig(opts = {}, env = process.env) {
    return {
        region: resolveRegion(opts.region, env),
        maxAttempts: opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        retryMode: 'adaptive',
        customUserAgent: (0,_user_agent_js__WEBPACK_IMPORTED_MODULE_1__/* .userAgentPairs */ .w1)(env),
    };
}
/** Lazily builds (once each) the clients an action needs. */
function createAwsClients(opts = {}, env = process.env) {
    const config = clientConfig(opts, env);
    const cache = new Map();
    const once = (key, make) => {
        let p = cache.get(key);
        if (!p) {
            p = make();
            cache.set(key, p);
        }
        return p;
    };
    return {
        region: config.region,
        sagemaker: () => 
        // sdk-sagemaker.js: the client's ESM modules, so the bundle leaves out unused commands.
        once('sagemaker', async () => new (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236))).SageMakerClient(config)),
        logs: () => once('logs', async () => new (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(303)]).then(__webpack_require__.t.bind(__webpack_require__, 2684, 19))).CloudWatchLogsClient(config)),
        cloudwatch: () => once('cloudwatch', async () => new (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(85)]).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19))).CloudWatchClient(config)),
        s3: () => once('s3', async () => new (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19))).S3Client({
            ...config,
            forcePathStyle: forcePathStyle(env),
        })),
        runtime: () => once('runtime', async () => new (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(636)]).then(__webpack_require__.t.bind(__webpack_require__, 9636, 19))).SageMakerRuntimeClient(config)),
    };
}
/**
 * S3 needs path-style addressing when an endpoint override points at a host that cannot take a
 * bucket sub-domain (127.0.0.1, localhost). This is the SDK's own documented switch for custom
 * endpoints, not a local-mode branch: it follows from the endpoint, whatever serves it.
 */
function forcePathStyle(env) {
    const endpoint = env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL'];
    if (!endpoint)
        return false;
    try {
        const host = new URL(endpoint).hostname;
        return host === 'localhost' || /^[\d.]+$/.test(host) || host.startsWith('[');
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E2: () => (/* binding */ isThrottling),
/* harmony export */   Pp: () => (/* binding */ describeAwsError),
/* harmony export */   Wf: () => (/* binding */ isNotStoppable),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   x9: () => (/* binding */ isAlreadyExists)
/* harmony export */ });
/* unused harmony exports THROTTLING_ERRORS, isAwsError */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/**
 * The one place that classifies AWS errors: throttling, not found, already exists, not stoppable,
 * and the known errors a user can fix (permissions, quotas, credentials), mapped to a message
 * that keeps the AWS error name and says what to do.
 */

/** Error names that mean "slow down" (SageMaker, CloudWatch Logs, S3 and the SDK's own). */
const THROTTLING_ERRORS = new Set([
    'ThrottlingException',
    'Throttling',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'LimitExceededException',
    'SlowDown',
]);
function isThrottling(err) {
    return THROTTLING_ERRORS.has((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) ?? '');
}
/** True for an error the SDK parsed from an AWS answer (it carries $metadata). */
function isAwsError(err) {
    return err instanceof Error && '$metadata' in err;
}
/**
 * Describe* of something missing: SageMaker answers ValidationException "Requested resource not
 * found." (training) or "Could not find ..." (other kinds); its model also lists ResourceNotFound;
 * S3 HEAD answers NotFound, GET NoSuchKey.
 */
function isNotFound(err) {
    const name = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err);
    if (name === 'ResourceNotFound' ||
        name === 'ResourceNotFoundException' ||
        name === 'NotFound' ||
        name === 'NoSuchKey')
        return true;
    return (name === 'ValidationException' && /not (be )?found|could not find|does not exist/i.test((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)));
}
/** Create* of a name that exists already. */
function isAlreadyExists(err) {
    const name = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err);
    if (name === 'ResourceInUse' || name === 'ConflictException')
        return true;
    return name === 'ValidationException' && /already exist|must be unique|in use/i.test((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err));
}
/** Stop* of a job that is not running any more (already terminal): nothing to do. */
function isNotStoppable(err) {
    return ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) === 'ValidationException' &&
        /status|not in progress|already|cannot be stopped/i.test((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)));
}
/** The fix for AWS errors a user can do something about, by error name. */
const FIXES = {
    AccessDenied: 'the role the workflow assumed is not allowed this call; add the action named above to its policy (templates/iam has a least-privilege policy) and check that the SageMaker execution role can be passed (iam:PassRole)',
    AccessDeniedException: 'the role the workflow assumed is not allowed this call; add the action named above to its policy (templates/iam has a least-privilege policy) and check that the SageMaker execution role can be passed (iam:PassRole)',
    ResourceLimitExceeded: 'an account quota was reached (instances of this type, concurrent jobs or endpoints); stop unused jobs/endpoints, use another instance type, or request a quota increase in Service Quotas',
    ExpiredToken: 'the AWS credentials expired; configure them in the same job right before this step (aws-actions/configure-aws-credentials) and raise role-duration-seconds for long jobs',
    ExpiredTokenException: 'the AWS credentials expired; configure them in the same job right before this step (aws-actions/configure-aws-credentials) and raise role-duration-seconds for long jobs',
    UnrecognizedClientException: 'the AWS credentials are not valid for this region or account; check the credentials step (aws-actions/configure-aws-credentials) and the region input',
    InvalidClientTokenId: 'the AWS credentials are not valid for this region or account; check the credentials step (aws-actions/configure-aws-credentials) and the region input',
};
const THROTTLING_FIX = 'AWS kept throttling this call after every retry; run fewer jobs or workflows at once against this account and region, or re-run the workflow';
/**
 * The message a failed step shows for an AWS error: the error name first (`AccessDeniedException:
 * ...`), then the fix when the error is a known one. undefined when err is not an AWS error.
 */
function describeAwsError(err) {
    const name = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err);
    if (!name || !isAwsError(err))
        return undefined;
    const message = err.message && err.message !== name ? err.message : '';
    const head = message.startsWith(name) ? message : message ? `${name}: ${message}` : name;
    const fix = FIXES[name] ?? (THROTTLING_ERRORS.has(name) ? THROTTLING_FIX : undefined);
    return fix ? `${head}. Fix: ${fix}` : head;
}


/***/ }),

/***/ 980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hM: () => (/* binding */ setAwsExecutionEnv),
  w1: () => (/* binding */ userAgentPairs)
});

// UNUSED EXPORTS: EXECUTION_ENV

;// CONCATENATED MODULE: ./src/core/version.ts
/** Kept in step with package.json by a unit test. */
const KIT_VERSION = '0.1.0';
const USER_AGENT_NAME = 'sagemaker-actions';

;// CONCATENATED MODULE: ./src/aws/user-agent.ts

/**
 * What AWS sees of the kit, as aws-actions/configure-aws-credentials does for itself: the kit's
 * name and version in the SDK's custom user agent, plus run metadata (which action, which run),
 * and AWS_EXECUTION_ENV, which the SDK adds to every request's user agent as `exec-env/<value>`.
 * CloudTrail then tells the kit's calls apart from others made with the same role.
 */
function userAgentPairs(env = process.env) {
    const pairs = [[USER_AGENT_NAME, KIT_VERSION]];
    // The SDK escapes each part; only the values that identify the run are added.
    if (env['GITHUB_ACTION_REPOSITORY'])
        pairs.push(['md/gha-action', env['GITHUB_ACTION_REPOSITORY']]);
    if (env['GITHUB_RUN_ID'])
        pairs.push(['md/gha-run', `${env['GITHUB_RUN_ID']}-${env['GITHUB_RUN_ATTEMPT'] || '1'}`]);
    return pairs;
}
/** The execution environment the SDK reports; an existing value (set by the user) is kept. */
const EXECUTION_ENV = `GitHubActions-${USER_AGENT_NAME}`;
function setAwsExecutionEnv(env = process.env) {
    if (!env['AWS_EXECUTION_ENV'])
        env['AWS_EXECUTION_ENV'] = EXECUTION_ENV;
}


/***/ }),

/***/ 4489:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sn: () => (/* binding */ substituteRun),
/* harmony export */   Z9: () => (/* binding */ loadConfig),
/* harmony export */   dH: () => (/* binding */ parseConfigRef),
/* harmony export */   r7: () => (/* binding */ runKey)
/* harmony export */ });
/* unused harmony exports resolveSection, RUN_PLACEHOLDER, loadConfigDefaults */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9114);




function parseConfigRef(value, actionName) {
    const v = value.trim();
    const hash = v.lastIndexOf('#');
    if (hash === -1)
        return { path: v, section: actionName };
    const path = v.slice(0, hash);
    const section = v.slice(hash + 1);
    if (!path || !section) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`input 'config': ${JSON.stringify(value)} should be a file path, optionally followed by #section`);
    }
    return { path, section };
}
function resolveSection(doc, ref, requireSection) {
    if (doc === null || doc === undefined)
        return {};
    if (!(0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(doc)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`config file ${ref.path}: expected a YAML map of sections (defaults, train, ...)`);
    }
    const defaults = doc['defaults'];
    if (defaults !== undefined && !(0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(defaults)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`config file ${ref.path}: 'defaults' must be a map of input: value`);
    }
    const chain = [];
    const seen = new Set();
    let name = ref.section;
    while (name !== undefined) {
        if (seen.has(name))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`config file ${ref.path}: 'extends' loops through section '${name}'`);
        seen.add(name);
        const section = doc[name];
        if (section === undefined) {
            if (name === ref.section && !requireSection)
                break;
            const known = Object.keys(doc).filter((k) => k !== 'defaults');
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`config file ${ref.path}: no section '${name}'; sections are: ${known.join(', ') || '(none)'}`);
        }
        if (!(0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(section))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`config file ${ref.path}: section '${name}' must be a map of input: value`);
        chain.unshift(section);
        const ext = section['extends'];
        if (ext !== undefined && typeof ext !== 'string') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`config file ${ref.path}: 'extends' in section '${name}' must be a section name`);
        }
        name = ext;
    }
    const merged = { ...(defaults ?? {}) };
    for (const s of chain)
        Object.assign(merged, s);
    delete merged['extends'];
    return merged;
}
const RUN_PLACEHOLDER = '{run}';
/** The run key `{run}` stands for (see the file comment); undefined outside a workflow run. */
function runKey(env) {
    const explicit = env['SAGEMAKER_ACTIONS_RUN']?.trim();
    if (explicit)
        return explicit;
    const id = env['GITHUB_RUN_ID']?.trim();
    return id ? `${id}-${env['GITHUB_RUN_ATTEMPT']?.trim() || '1'}` : undefined;
}
/** Replaces `{run}` in every string of a config value (deeply). Pure. */
function substituteRun(value, key, where) {
    if (typeof value === 'string') {
        if (!value.includes(RUN_PLACEHOLDER))
            return value;
        if (key === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${where}: uses ${RUN_PLACEHOLDER} but neither SAGEMAKER_ACTIONS_RUN nor GITHUB_RUN_ID is set; set SAGEMAKER_ACTIONS_RUN to a name for this run`);
        return value.split(RUN_PLACEHOLDER).join(key);
    }
    if (Array.isArray(value))
        return value.map((v) => substituteRun(v, key, where));
    if ((0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(value)) {
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = substituteRun(v, key, `${where}.${k}`);
        return out;
    }
    return value;
}
/** The keys a section (and the sections it extends) sets itself, not through `defaults:`. */
function sectionKeys(doc, ref) {
    const keys = new Set();
    if (!(0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(doc))
        return keys;
    let name = ref.section;
    const seen = new Set();
    while (typeof name === 'string' && !seen.has(name) && (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .isPlainObject */ .Qd)(doc[name])) {
        seen.add(name);
        const section = doc[name];
        for (const k of Object.keys(section))
            if (k !== 'extends')
                keys.add(k);
        name = section['extends'];
    }
    return keys;
}
/**
 * Loads the config-file values for one action and checks them against the action's inputs: a key
 * of the action's section that is no input of the action is a configuration error listing the
 * valid keys (a typo such as `instance_type:` must not be ignored). Keys of the shared
 * `defaults:` section that the action does not have are meant for other actions and are dropped.
 */
async function loadConfig(configInput, actionName, validInputs, env = process.env) {
    if (!configInput || configInput.trim() === '')
        return { values: {}, shared: new Set() };
    const ref = parseConfigRef(configInput, actionName);
    const doc = await readConfigFile(ref);
    const values = substituteRun(resolveSection(doc, ref, ref.section !== actionName), runKey(env), `config file ${ref.path}#${ref.section}`);
    const own = sectionKeys(doc, ref);
    const valid = new Set(validInputs);
    const unknown = [...own].filter((k) => !valid.has(k));
    if (unknown.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`config file ${ref.path}, section '${ref.section}': ${unknown.map((k) => `'${k}'`).join(', ')} ${unknown.length === 1 ? 'is not an input' : 'are not inputs'} of the ${actionName} action; valid keys: ${[
            ...validInputs,
        ]
            .filter((k) => k !== 'config')
            .sort()
            .join(', ')}`);
    }
    const shared = new Set();
    for (const k of Object.keys(values)) {
        if (!valid.has(k))
            delete values[k];
        else if (!own.has(k))
            shared.add(k);
    }
    return { values, shared };
}
async function readConfigFile(ref) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(ref.path, 'utf8');
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`input 'config': cannot read ${JSON.stringify(ref.path)} (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}); check the path is relative to the workspace`);
    }
    try {
        return (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(text);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`config file ${ref.path}: not valid YAML (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err).split('\n')[0]})`);
    }
}
/** Loads the section for `actionName` from the config file named by the `config` input. */
async function loadConfigDefaults(configInput, actionName, env = process.env) {
    if (!configInput || configInput.trim() === '')
        return {};
    const ref = parseConfigRef(configInput, actionName);
    const doc = await readConfigFile(ref);
    // An explicit #section must exist; the action's own section is optional.
    return substituteRun(resolveSection(doc, ref, ref.section !== actionName), runKey(env), `config file ${ref.path}#${ref.section}`);
}


/***/ }),

/***/ 8480:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ runAction)
/* harmony export */ });
/* unused harmony exports createContext, failureMessage */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6251);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9378);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4489);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9114);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4325);
/* harmony import */ var _run_identity_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2125);
/* harmony import */ var _aws_user_agent_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(980);









function createContext(names, opts = {}) {
    const env = opts.env ?? process.env;
    const log = (0,_log_js__WEBPACK_IMPORTED_MODULE_6__/* .createLogger */ .h)();
    return {
        names,
        log,
        env,
        run: (0,_run_identity_js__WEBPACK_IMPORTED_MODULE_7__/* .runIdentityFromEnv */ .l)(env),
        signals: opts.signals ?? process,
        async inputs() {
            const configInput = _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4('config');
            const { values, shared } = await (0,_config_js__WEBPACK_IMPORTED_MODULE_3__/* .loadConfig */ .Z9)(configInput, names.action, names.inputs, env);
            return new _inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .Inputs */ .G0((n) => _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4(n), values, shared);
        },
        setOutput: (name, value) => {
            log.guard.close();
            _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .setOutput */ .uH(name, value);
        },
        setSecret: (value) => {
            log.guard.close();
            _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .setSecret */ .Pq(value);
        },
        saveState: (name, value) => {
            log.guard.close();
            _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .saveState */ .LZ(name, value);
        },
        getState: (name) => _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .getState */ .Gu(name),
        async writeSummary(markdown) {
            // Appended directly: core.summary caches the file path of its first use in a process.
            const file = env['GITHUB_STEP_SUMMARY'];
            if (!file) {
                log.debug('GITHUB_STEP_SUMMARY is not set; no job summary written');
                return;
            }
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile)(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
            }
            catch (err) {
                log.warning(`could not write the job summary: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err)}`);
            }
        },
        failIfForced(forced) {
            if (forced)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .StageFailure */ .BG('force-fail is set: this stage failed on purpose (inputs were validated; no AWS call was made)', true);
        },
    };
}
/** The message a failed step shows (pure): prefixed with the action, AWS errors mapped. */
function failureMessage(label, err) {
    if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1)
        return `${label}: configuration error: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err)}`;
    const aws = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)(err);
    if (aws)
        return `${label}: ${aws}`;
    return `${label}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err)}`;
}
/**
 * The one top-level wrapper: builds the context, runs the body, and calls setFailed exactly once
 * for any thrown value. Configuration errors, stage failures and AWS errors are shown without a
 * stack trace; unexpected errors get their stack in the debug log only. After a cancel the
 * process exits at once (open sockets or timers must not delay the exit).
 */
async function runAction(names, body, opts = {}) {
    (0,_aws_user_agent_js__WEBPACK_IMPORTED_MODULE_8__/* .setAwsExecutionEnv */ .hM)(opts.env ?? process.env);
    const ctx = createContext(names, opts);
    const label = opts.label ?? names.action;
    let cancelled = false;
    // Fail closed if the process runs out of work while the body still waits (a promise nothing
    // will settle, e.g. a worker thread that exited without answering): Node would exit 0 with no
    // outputs, a green step that did nothing.
    const stalled = () => {
        ctx.log.guard.close();
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .setFailed */ .C1(`${label}: internal error: the step stopped before it finished (it waited on work that will never end); its outputs are not set. Re-run it; if it happens again, report it with this log`);
    };
    process.once('beforeExit', stalled);
    try {
        await body(ctx);
    }
    catch (err) {
        ctx.log.guard.close();
        cancelled = err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CancelledFailure */ .mj;
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .StageFailure */ .BG && err.forced)
            await ctx.writeSummary(`### ❌ ${label}: failed on purpose (force-fail: true)\n\n${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err)}\n`);
        const known = err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1 || err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .StageFailure */ .BG || (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)(err);
        if (!known && err instanceof Error && err.stack)
            _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .debug */ .Yz(err.stack);
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .setFailed */ .C1((0,_log_js__WEBPACK_IMPORTED_MODULE_6__/* .annotationText */ .xr)(failureMessage(label, err)));
    }
    finally {
        process.removeListener('beforeExit', stalled);
        ctx.log.guard.close();
    }
    if (cancelled)
        (opts.exit ?? ((code) => process.exit(code)))(1);
}


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BG: () => (/* binding */ StageFailure),
/* harmony export */   ZH: () => (/* binding */ awsErrorName),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   mj: () => (/* binding */ CancelledFailure)
/* harmony export */ });
/**
 * One path to failure. A ConfigurationError is a user mistake (bad input, bad config file):
 * its message names the input, the value and the fix, and is shown without a stack trace.
 * Everything else is internal or a failure of the stage itself (a job that failed, a gate
 * that did not pass); the top-level wrapper reports every thrown value exactly once.
 */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
}
/** The stage ran and failed (job Failed/Stopped, timeout, forced failure). No stack trace. */
class StageFailure extends Error {
    forced;
    name = 'StageFailure';
    constructor(message, forced = false) {
        super(message);
        this.forced = forced;
    }
}
/** The workflow was cancelled (SIGINT/SIGTERM) and the stage stopped what it had started. */
class CancelledFailure extends StageFailure {
    name = 'CancelledFailure';
}
function errorMessage(err) {
    if (err instanceof Error)
        return err.message || err.name;
    if (typeof err === 'string')
        return err;
    try {
        return JSON.stringify(err) ?? String(err);
    }
    catch {
        return String(err);
    }
}
/** Name of an AWS SDK error (e.g. ValidationException, ThrottlingException), or undefined. */
function awsErrorName(err) {
    if (err &&
        typeof err === 'object' &&
        'name' in err &&
        typeof err.name === 'string') {
        return err.name;
    }
    return undefined;
}


/***/ }),

/***/ 9114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ parseNumber),
/* harmony export */   DM: () => (/* binding */ parseRoleArn),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   HY: () => (/* binding */ parseInstanceType),
/* harmony export */   Qd: () => (/* binding */ isPlainObject),
/* harmony export */   WU: () => (/* binding */ show),
/* harmony export */   d$: () => (/* binding */ parseSageMakerName),
/* harmony export */   jE: () => (/* binding */ parseStructured),
/* harmony export */   yc: () => (/* binding */ parseS3Uri)
/* harmony export */ });
/* unused harmony exports parseBoolean, parseInteger, parseChoice, parseStringMap, parseSecretStringMap, parseMap, parseStringList, SAGEMAKER_NAME_RE, INSTANCE_TYPE_RE */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);


const SHOW_MAX = 80;
function show(value) {
    const s = typeof value === 'string' ? value : JSON.stringify(value);
    const one = (s ?? String(value)).replace(/\s+/g, ' ');
    return JSON.stringify(one.length > SHOW_MAX ? `${one.slice(0, SHOW_MAX)}…` : one);
}
function fail(name, value, expected) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input '${name}': ${show(value)} is not valid; ${expected}`);
}
/** Strict boolean: only true/false (any case, as YAML 1.2 core). */
function parseBoolean(name, value) {
    const v = value.trim().toLowerCase();
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    return fail(name, value, 'expected true or false');
}
const NUMBER_RE = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
function parseNumber(name, value, opts = {}) {
    const v = value.trim();
    if (!NUMBER_RE.test(v))
        fail(name, value, 'expected a number');
    const n = Number(v);
    if (!Number.isFinite(n))
        fail(name, value, 'expected a finite number');
    checkRange(name, value, n, opts);
    return n;
}
function parseInteger(name, value, opts = {}) {
    const v = value.trim();
    if (!/^[-+]?\d+$/.test(v))
        fail(name, value, 'expected a whole number');
    const n = Number(v);
    if (!Number.isSafeInteger(n))
        fail(name, value, 'expected a whole number in range');
    checkRange(name, value, n, opts);
    return n;
}
function checkRange(name, value, n, { min, max }) {
    if (min !== undefined && n < min)
        fail(name, value, `expected at least ${min}`);
    if (max !== undefined && n > max)
        fail(name, value, `expected at most ${max}`);
}
const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/**
 * A duration: a bare number means `defaultUnit`; otherwise a sequence like `90s`, `5m`, `1h30m`.
 * Returns milliseconds.
 */
function parseDuration(name, value, defaultUnit = 's') {
    const v = value.trim();
    if (/^\d+(\.\d+)?$/.test(v))
        return Number(v) * DURATION_UNITS[defaultUnit];
    const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
    let total = 0;
    let consumed = 0;
    let m;
    while ((m = re.exec(v)) !== null) {
        total += Number(m[1]) * DURATION_UNITS[m[2]];
        consumed = re.lastIndex;
    }
    if (v === '' || consumed !== v.length) {
        fail(name, value, `expected a duration such as 90, 30s, 15m or 1h30m (a bare number is in ${defaultUnit === 'm' ? 'minutes' : defaultUnit === 's' ? 'seconds' : defaultUnit})`);
    }
    return total;
}
function parseChoice(name, value, allowed) {
    const v = value.trim();
    if (allowed.includes(v))
        return v;
    return fail(name, value, `expected one of: ${allowed.join(', ')}`);
}
/** YAML (a superset of JSON) text, or an already-parsed config value. */
function parseStructured(name, value) {
    if (typeof value !== 'string')
        return value;
    try {
        return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(value);
    }
    catch (err) {
        const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input '${name}': not valid YAML or JSON (${msg}); value was ${show(value)}`);
    }
}
function isPlainObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** A map of string keys to scalar values; scalars are returned as strings (SageMaker wants strings). */
function parseStringMap(name, value) {
    const parsed = parseStructured(name, value);
    if (parsed === null || parsed === undefined || parsed === '')
        return {};
    if (!isPlainObject(parsed))
        fail(name, value, 'expected a YAML or JSON map of key: value');
    const out = {};
    for (const [k, v] of Object.entries(parsed)) {
        if (v === null || v === undefined)
            fail(name, value, `key '${k}' has no value`);
        if (typeof v === 'object')
            fail(name, value, `key '${k}' must be a scalar (string, number or boolean)`);
        out[k] = String(v);
    }
    return out;
}
const NOT_SHOWN = '(the value is not shown: it may hold secrets)';
/** parseStringMap for values that may be secret: errors name the key and the problem only. */
function parseSecretStringMap(name, value) {
    let parsed = value;
    if (typeof value === 'string') {
        try {
            parsed = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(value);
        }
        catch (err) {
            const pos = err.linePos?.[0];
            const where = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input '${name}': not valid YAML or JSON${where}; expected a map of NAME: value ${NOT_SHOWN}`);
        }
    }
    if (parsed === null || parsed === undefined || parsed === '')
        return {};
    if (!isPlainObject(parsed))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input '${name}': expected a YAML or JSON map of NAME: value ${NOT_SHOWN}`);
    const out = {};
    for (const [k, v] of Object.entries(parsed)) {
        if (v === null || v === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input '${name}': key '${k}' has no value`);
        if (typeof v === 'object')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input '${name}': the value of key '${k}' must be a scalar (string, number or boolean) ${NOT_SHOWN}`);
        out[k] = String(v);
    }
    return out;
}
/** A map of string keys to arbitrary YAML values. */
function parseMap(name, value) {
    const parsed = parseStructured(name, value);
    if (parsed === null || parsed === undefined || parsed === '')
        return {};
    if (!isPlainObject(parsed))
        fail(name, value, 'expected a YAML or JSON map');
    return parsed;
}
/** A list of strings: a YAML/JSON list, or one item per line. */
function parseStringList(name, value) {
    if (Array.isArray(value))
        return value.map((v) => String(v));
    const text = String(value).trim();
    if (text === '')
        return [];
    if (text.startsWith('[')) {
        const parsed = parseStructured(name, text);
        if (!Array.isArray(parsed))
            fail(name, value, 'expected a list');
        return parsed.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
    }
    return text
        .split('\n')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
const BUCKET_RE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** Validates s3://bucket/key (key may be empty or a prefix). */
function parseS3Uri(name, value) {
    const v = value.trim();
    const m = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(v);
    if (!m)
        fail(name, value, 'expected an S3 URI like s3://my-bucket/path/');
    const bucket = m[1];
    if (!BUCKET_RE.test(bucket) || bucket.includes('..')) {
        fail(name, value, `bucket '${bucket}' is not a valid S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)`);
    }
    const key = m[2] ?? '';
    if (v.length > 1024)
        fail(name, value, 'S3 URIs are limited to 1024 characters');
    return { bucket, key, uri: v };
}
/** SageMaker job, model, endpoint (config) and package group names (CreateTrainingJob's TrainingJobName pattern). */
const SAGEMAKER_NAME_RE = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
/** SageMaker instance types: ml.<family>.<size>, e.g. ml.m5.xlarge, ml.g4dn.2xlarge, ml.p4de.24xlarge. */
const INSTANCE_TYPE_RE = /^ml\.[a-z0-9-]+\.[a-z0-9]+$/;
function parseInstanceType(name, value) {
    const v = value.trim();
    if (!INSTANCE_TYPE_RE.test(v))
        fail(name, value, 'expected a SageMaker instance type like ml.m5.xlarge');
    return v;
}
function parseSageMakerName(name, value) {
    const v = value.trim();
    if (!SAGEMAKER_NAME_RE.test(v)) {
        fail(name, value, 'expected 1-63 letters, digits and hyphens, starting and ending with a letter or digit');
    }
    return v;
}
const ROLE_ARN_RE = /^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-/]+$/;
function parseRoleArn(name, value) {
    const v = value.trim();
    if (!ROLE_ARN_RE.test(v))
        fail(name, value, 'expected an IAM role ARN like arn:aws:iam::123456789012:role/SageMakerExecutionRole');
    return v;
}
/**
 * Typed access to an action's inputs. Explicit inputs win; then the config file's section; then
 * the default given in code (action.yml declares no defaults so that the config file can supply
 * them: the runner would otherwise always set the input).
 */
class Inputs {
    raw;
    defaults;
    shared;
    constructor(raw, defaults = {}, 
    /** Keys that came only from the config file's shared `defaults:` section. */
    shared = new Set()) {
        this.raw = raw;
        this.defaults = defaults;
        this.shared = shared;
    }
    /**
     * The one rule for inputs that do not apply to the chosen mode: a configuration error naming
     * the input and the mode. Values from the config file's shared `defaults:` section are exempt
     * (they are meant for several actions and modes).
     */
    rejectForMode(names, mode, modeInput = 'mode') {
        for (const name of names) {
            const explicit = this.raw(name);
            const given = (explicit !== undefined && explicit.trim() !== '') || (this.has(name) && !this.shared.has(name));
            if (given) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input '${name}' does not apply to ${modeInput} '${mode}'; remove it or change the ${modeInput}`);
            }
        }
    }
    /** The raw value: explicit input, else config value, else undefined. */
    value(name) {
        const explicit = this.raw(name);
        if (explicit !== undefined && explicit.trim() !== '')
            return explicit;
        const fromConfig = this.defaults[name];
        if (fromConfig === undefined || fromConfig === null || fromConfig === '')
            return undefined;
        return fromConfig;
    }
    has(name) {
        return this.value(name) !== undefined;
    }
    /** True when the input itself was given (not only the config file). */
    isExplicit(name) {
        const explicit = this.raw(name);
        return explicit !== undefined && explicit.trim() !== '';
    }
    text(name) {
        const v = this.value(name);
        if (v === undefined)
            return undefined;
        if (typeof v === 'string')
            return v.trim();
        if (typeof v === 'number' || typeof v === 'boolean')
            return String(v);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input '${name}': expected a single value, got ${show(v)}`);
    }
    required(name, hint = '') {
        const v = this.text(name);
        if (v === undefined || v === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`input '${name}' is required${hint ? `: ${hint}` : ''}`);
        }
        return v;
    }
    optional(name) {
        return this.text(name);
    }
    string(name, fallback) {
        return this.text(name) ?? fallback;
    }
    boolean(name, fallback) {
        const v = this.text(name);
        return v === undefined ? fallback : parseBoolean(name, v);
    }
    integer(name, fallback, range = {}) {
        const v = this.text(name);
        return v === undefined ? fallback : parseInteger(name, v, range);
    }
    optionalInteger(name, range = {}) {
        const v = this.text(name);
        return v === undefined ? undefined : parseInteger(name, v, range);
    }
    number(name, fallback, range = {}) {
        const v = this.text(name);
        return v === undefined ? fallback : parseNumber(name, v, range);
    }
    /** Milliseconds; undefined when unset. */
    optionalDuration(name, defaultUnit = 's') {
        const v = this.text(name);
        return v === undefined ? undefined : parseDuration(name, v, defaultUnit);
    }
    choice(name, allowed, fallback) {
        const v = this.text(name);
        return v === undefined ? fallback : parseChoice(name, v, allowed);
    }
    stringMap(name) {
        const v = this.value(name);
        return v === undefined ? {} : parseStringMap(name, v);
    }
    /**
     * A map whose values may be secrets (environment): no error message contains any part of the
     * value, only the input, the key and the problem (the caller masks the values with setSecret).
     */
    secretStringMap(name) {
        const v = this.value(name);
        return v === undefined ? {} : parseSecretStringMap(name, v);
    }
    map(name) {
        const v = this.value(name);
        return v === undefined ? {} : parseMap(name, v);
    }
    list(name) {
        const v = this.value(name);
        return v === undefined ? [] : parseStringList(name, v);
    }
    /** Parsed YAML/JSON of any shape, or undefined. */
    structured(name) {
        const v = this.value(name);
        return v === undefined ? undefined : parseStructured(name, v);
    }
    optionalS3Uri(name) {
        const v = this.text(name);
        return v === undefined ? undefined : parseS3Uri(name, v);
    }
}


/***/ }),

/***/ 4325:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X0: () => (/* binding */ quoteUntrusted),
/* harmony export */   h: () => (/* binding */ createLogger),
/* harmony export */   xr: () => (/* binding */ annotationText)
/* harmony export */ });
/* unused harmony exports LINE_BREAKS, stopToken, untrustedLines, CommandGuard */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6251);


/** Every line break the runner (or a terminal) may treat as one: \r\n, \r, \n, U+2028, U+2029. */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/;
/** A token that does not occur in `text` (64 random bits, hex). */
function stopToken(text, random = () => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex')) {
    for (;;) {
        const token = random();
        if (!text.includes(token))
            return token;
    }
}
/** The lines that print `text` with workflow commands stopped (pure; the unit of the tests). */
function untrustedLines(text, token) {
    return [`::stop-commands::${token}`, ...text.split(LINE_BREAKS), `::${token}::`];
}
/**
 * Untrusted lines that arrive one by one (a job's log stream) share one stop-commands block,
 * opened at the first line and closed before any trusted workflow command (warning, group, ...),
 * so a long log does not cost three lines per line.
 */
class CommandGuard {
    write;
    token;
    constructor(write) {
        this.write = write;
    }
    /** Prints untrusted text inside the open block (opening one if needed). */
    line(text) {
        const lines = text.split(LINE_BREAKS);
        if (this.token === undefined) {
            this.token = stopToken(text);
            this.write(`::stop-commands::${this.token}`);
        }
        else if (text.includes(this.token)) {
            // Cannot happen with a random token unless the text echoes the log: start a fresh block.
            this.close();
            this.line(text);
            return;
        }
        for (const l of lines)
            this.write(l);
    }
    /** Resumes workflow commands (before a trusted command, and at the end of the step). */
    close() {
        if (this.token === undefined)
            return;
        this.write(`::${this.token}::`);
        this.token = undefined;
    }
}
/**
 * Text for an annotation (::warning::/::error::): @actions/core escapes %, \r and \n in its data,
 * so the text stays one line and no command inside it runs; U+2028/U+2029 (which core leaves as
 * they are) become \n first, so no reader can see them as a line start either.
 */
function annotationText(message) {
    return message.replace(/[\u2028\u2029]/g, '\n');
}
/**
 * Untrusted text (a model's answer, an AWS message) quoted for one line of an error message: a
 * JSON string literal of at most `max` characters of it in which every character that is not
 * printable ASCII is escaped (\n, \u2028, ESC, bidi controls...), so it can neither break the
 * line nor restyle a terminal; a longer text is cut and its full length said. JSON.parse of the
 * literal gives back the (cut) text.
 */
function quoteUntrusted(text, max = 80) {
    const cut = text.length > max ? text.slice(0, max) : text;
    const literal = JSON.stringify(cut).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return text.length > max ? `${literal}… (${text.length} characters)` : literal;
}
/** The Logger of an action run, over @actions/core. */
function createLogger(opts = {}) {
    const write = opts.write ?? ((line) => _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(line));
    const guard = new CommandGuard(write);
    const trusted = (f) => (...a) => {
        guard.close();
        f(...a);
    };
    return {
        guard,
        info: (m) => write(m),
        warning: trusted((m) => _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(annotationText(m))),
        error: trusted((m) => _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3(annotationText(m))),
        debug: trusted((m) => _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .debug */ .Yz(m)),
        async group(title, body) {
            guard.close();
            _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .startGroup */ .Oh(title);
            try {
                return await body();
            }
            finally {
                guard.close();
                _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .endGroup */ .N4();
            }
        },
        untrusted(text) {
            guard.close();
            for (const l of untrustedLines(text, stopToken(text)))
                write(l);
        },
        untrustedLine: (line) => guard.line(line),
        untrustedBlock(title, text) {
            guard.close();
            write(title);
            for (const l of untrustedLines(text, stopToken(text)))
                write(l);
        },
    };
}


/***/ }),

/***/ 1595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ fence),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   ZV: () => (/* binding */ formatNumber),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   z2: () => (/* binding */ keyValueTable),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/* unused harmony export escapeCell */
/**
 * Markdown helpers for job summaries, PR comments and issues. Pure: they build strings. Text that
 * did not come from the kit (AWS messages, report fields, metric names, file names) goes through
 * escapeMarkdown (or code/fence) before it is placed in Markdown.
 */
const MARKDOWN_SPECIAL = /[\\`*_[\]#|~]/g;
/**
 * Untrusted text as inert Markdown and HTML: no raw tags (so no `</details>` or `<img>`), no
 * links or images, no @mentions or #references, no emphasis or headings; line breaks are kept.
 */
function escapeMarkdown(text) {
    return String(text ?? '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
        .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}&#46;`)
        .replace(/@/g, '&#64;')
        .replace(/:\/\//g, '&#58;//');
}
function escapeCell(value) {
    return String(value ?? '')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
}
function table(headers, rows) {
    const head = `| ${headers.map(escapeCell).join(' | ')} |`;
    const sep = `| ${headers.map(() => '---').join(' | ')} |`;
    const body = rows.map((r) => `| ${r.map(escapeCell).join(' | ')} |`);
    return [head, sep, ...body].join('\n');
}
function keyValueTable(rows) {
    return table(['', ''], rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [`**${k}**`, v]));
}
function code(value) {
    return value.includes('`') || /[\r\n]/.test(value)
        ? `<code>${value
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;')
            .replace(/[\r\n]+/g, ' ')
            .replace(/@/g, '&#64;')}</code>`
        : `\`${value}\``;
}
function details(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
function fence(body, lang = 'text') {
    return `\`\`\`${lang}\n${body.replace(/```/g, '`\u200b``')}\n\`\`\``;
}
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return 'n/a';
    const s = Math.round(ms / 1000);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = s % 60;
    if (h > 0)
        return `${h}h ${String(m).padStart(2, '0')}m ${String(sec).padStart(2, '0')}s`;
    if (m > 0)
        return `${m}m ${String(sec).padStart(2, '0')}s`;
    return `${sec}s`;
}
function formatNumber(n, digits = 4) {
    if (!Number.isFinite(n))
        return String(n);
    if (Number.isInteger(n))
        return String(n);
    return Number(n.toPrecision(digits + 2)).toString();
}


/***/ }),

/***/ 2125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ runIdentityFromEnv)
/* harmony export */ });
function runIdentityFromEnv(env) {
    return {
        repository: env['GITHUB_REPOSITORY'],
        workflow: env['GITHUB_WORKFLOW'],
        job: env['GITHUB_JOB'],
        runId: env['GITHUB_RUN_ID'],
        attempt: env['GITHUB_RUN_ATTEMPT'],
        step: env['GITHUB_ACTION'],
    };
}


/***/ })

};
