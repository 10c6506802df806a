export const id = 234;
export const ids = [234];
export const modules = {

/***/ 3234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  eF: () => (/* binding */ run),
  a2: () => (/* binding */ runPost)
});

// UNUSED EXPORTS: LOCAL_POLL_INTERVAL, findKitRoot

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 6 modules
var core = __webpack_require__(6251);
// EXTERNAL MODULE: ./src/core/context.ts
var context = __webpack_require__(8480);
// EXTERNAL MODULE: ./src/core/render.ts
var render = __webpack_require__(1595);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/poller.ts
var poller = __webpack_require__(5971);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/stages/setup-local/python.ts
/**
 * The Python runtime sagemaker-local runs jobs with: a python3 that imports xgboost, pandas and
 * sklearn (Debian's packages under /usr/bin/python3, or SAGEMAKER_LOCAL_PYTHON). When missing on
 * Linux it installs them with apt-get (through sudo when not root, as on GitHub's runners).
 */


const PYTHON_PACKAGES = ['python3-xgboost', 'python3-pandas', 'python3-sklearn'];
const defaultRun = (cmd, args) => (0,external_node_child_process_.spawnSync)(cmd, args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
function pythonPath(env) {
    return env['SAGEMAKER_LOCAL_PYTHON'] || '/usr/bin/python3';
}
/**
 * Locates the modules without importing them (importing xgboost, which imports sklearn, costs
 * seconds of CPU at every start) and prints xgboost's installed version. A broken install still
 * fails its first job, with the import error in the job's log; sagemaker-local checks the same way.
 */
const PROBE = 'import importlib.util as u, sys\n' +
    'if not all(u.find_spec(m) for m in ("xgboost", "pandas", "sklearn")): sys.exit(1)\n' +
    'try:\n' +
    '    from importlib.metadata import version\n' +
    '    print(version("xgboost"))\n' +
    'except Exception:\n' +
    '    print("unknown version")';
function probe(python, run) {
    const r = run(python, ['-c', PROBE]);
    return { ok: r.status === 0, version: String(r.stdout ?? '').trim() };
}
/** Returns the xgboost version, installing the packages first when allowed and needed. */
function ensurePython(opts) {
    const run = opts.run ?? defaultRun;
    const python = pythonPath(opts.env);
    let p = probe(python, run);
    if (p.ok)
        return p.version;
    const how = `sudo apt-get install -y ${PYTHON_PACKAGES.join(' ')}`;
    if (!opts.install)
        throw new errors/* StageFailure */.BG(`${python} cannot import xgboost, pandas and sklearn, and install-python is false: run \`${how}\` first`);
    const sudo = opts.isRoot ? [] : ['sudo', '-n'];
    const apt = (args) => {
        const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
        const r = run(cmd, rest);
        if (r.status !== 0)
            throw new errors/* StageFailure */.BG(`apt-get ${args.join(' ')} failed (exit ${r.status}): ${String(r.stderr ?? '')
                .trim()
                .slice(-300)}; install with \`${how}\``);
    };
    opts.log(`installing ${PYTHON_PACKAGES.join(', ')} with apt-get`);
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', '--no-install-recommends', ...PYTHON_PACKAGES]);
    p = probe(python, run);
    if (!p.ok)
        throw new errors/* StageFailure */.BG(`${python} still cannot import xgboost after installing ${PYTHON_PACKAGES.join(', ')}`);
    return p.version;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/stages/setup-local/cache.ts
/**
 * The key of what the seed commands left in the cache folder, for actions/cache/save: a digest of
 * every file's path and size (names starting with '.' are temporary and skipped). The same
 * content gives the same key, so a workflow saves the folder only when it changed.
 */



function files(dir, rel = '') {
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(dir, rel), { withFileTypes: true });
    }
    catch {
        return [];
    }
    return entries
        .filter((e) => !e.name.startsWith('.'))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .flatMap((e) => {
        const path = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory())
            return files(dir, path);
        return e.isFile() ? [`${path}\t${(0,external_node_fs_.statSync)((0,external_node_path_.join)(dir, path)).size}`] : [];
    });
}
/** 16 hex digits, or '' when the folder is missing or holds no files. */
function cacheKey(dir) {
    const list = files(dir);
    if (list.length === 0)
        return '';
    return (0,external_node_crypto_.createHash)('sha256').update(list.join('\n')).digest('hex').slice(0, 16);
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
;// CONCATENATED MODULE: ./src/stages/setup-local/seed.ts
/** Seeds a fresh sagemaker-local from a {@link SeedPlan}: buckets, commands, folder uploads. */






function filesUnder(dir) {
    return (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? filesUnder((0,external_node_path_.join)(dir, e.name)) : e.isFile() ? [(0,external_node_path_.join)(dir, e.name)] : []);
}
function runCommand(command, cwd, env, log) {
    return new Promise((resolvePromise, reject) => {
        const child = (0,external_node_child_process_.spawn)('bash', ['-eo', 'pipefail', '-c', command], {
            cwd,
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const onData = (c) => {
            for (const line of String(c).split('\n'))
                if (line.trim())
                    log(line);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('error', reject);
        child.on('close', (code) => code === 0
            ? resolvePromise()
            : reject(new errors/* StageFailure */.BG(`seed command failed (exit ${code}): ${command}`)));
    });
}
async function seed(opts) {
    const { plan, s3, log } = opts;
    for (const bucket of plan.buckets) {
        try {
            await s3.send(new dist_cjs.CreateBucketCommand({ Bucket: bucket }));
        }
        catch (err) {
            const name = err.name;
            if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists')
                throw err;
        }
        log(`bucket ${bucket}`);
    }
    for (const command of plan.run) {
        log(`$ ${command}`);
        await runCommand(command, opts.workspace, opts.env, opts.commandOutput);
    }
    let files = 0;
    for (const { from, to } of plan.upload) {
        const dir = (0,external_node_path_.resolve)(opts.workspace, from);
        let isDir = false;
        try {
            isDir = (0,external_node_fs_.statSync)(dir).isDirectory();
        }
        catch {
            isDir = false;
        }
        if (!isDir)
            throw new errors/* ConfigurationError */.j1(`local.upload: ${from} is not a folder of the workspace`);
        const { bucket, key } = (0,inputs/* parseS3Uri */.yc)('local.upload', to);
        const list = filesUnder(dir);
        for (const f of list) {
            const rel = (0,external_node_path_.relative)(dir, f).split('\\').join('/');
            await s3.send(new dist_cjs.PutObjectCommand({ Bucket: bucket, Key: `${key}${rel}`, Body: (0,external_node_fs_.readFileSync)(f) }));
        }
        files += list.length;
        log(`uploaded ${list.length} file(s) from ${from} to ${to}`);
    }
    return { buckets: plan.buckets.length, commands: plan.run.length, files };
}

;// CONCATENATED MODULE: ./src/stages/setup-local/server.ts
/**
 * Starts sagemaker-local in the background (a detached process that outlives this step, its
 * output in log files), waits for its "listening" line, and stops it by pid in the post step.
 */




const realSleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Installs the kit's runtime dependencies when its checkout has none (a runner checkout). */
function ensureDependencies(kitRoot, log) {
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(kitRoot, 'node_modules', 'tsx')))
        return;
    log(`installing sagemaker-local's dependencies in ${kitRoot} (npm ci --omit=dev)`);
    const r = (0,external_node_child_process_.spawnSync)('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts'], {
        cwd: kitRoot,
        encoding: 'utf8',
    });
    if (r.status !== 0)
        throw new errors/* StageFailure */.BG(`npm ci in ${kitRoot} failed (exit ${r.status}): ${String(r.stderr).trim().slice(-400)}`);
}
async function startServer(opts) {
    (0,external_node_fs_.mkdirSync)(opts.dataDir, { recursive: true });
    const logFile = (0,external_node_path_.join)(opts.dataDir, 'sagemaker-local.log');
    const outFile = (0,external_node_path_.join)(opts.dataDir, 'sagemaker-local.out');
    const out = (0,external_node_fs_.openSync)(outFile, 'w');
    const err = (0,external_node_fs_.openSync)(logFile, 'w');
    // --watch-parent false: the server must outlive this step (the post step stops it by pid).
    const args = [
        (0,external_node_path_.join)(opts.kitRoot, 'bin', 'sagemaker-local.js'),
        'start',
        '--port',
        String(opts.port),
        '--data-dir',
        opts.dataDir,
        // The server must outlive this step (its post step stops it by pid), not die with its parent.
        '--watch-parent',
        'false',
    ];
    if (opts.python)
        args.push('--python', opts.python);
    const child = (0,external_node_child_process_.spawn)(process.execPath, args, {
        cwd: opts.kitRoot,
        detached: true,
        stdio: ['ignore', out, err],
    });
    (0,external_node_fs_.closeSync)(out);
    (0,external_node_fs_.closeSync)(err);
    child.unref();
    const pid = child.pid;
    if (pid === undefined)
        throw new errors/* StageFailure */.BG('could not start sagemaker-local (no process id)');
    const sleep = opts.sleep ?? realSleep;
    const deadline = Date.now() + opts.timeoutMs;
    for (;;) {
        const m = /sagemaker-local listening on (http:\/\/\S+)/.exec((0,external_node_fs_.readFileSync)(outFile, 'utf8'));
        if (m)
            return { url: m[1], pid, dataDir: opts.dataDir, logFile };
        if (!isRunning(pid))
            throw new errors/* StageFailure */.BG(`sagemaker-local exited before listening: ${(0,external_node_fs_.readFileSync)(logFile, 'utf8').trim().slice(-600)}`);
        if (Date.now() > deadline) {
            stopPid(pid, 'SIGKILL');
            throw new errors/* StageFailure */.BG(`sagemaker-local did not listen within ${opts.timeoutMs / 1000} s: ${(0,external_node_fs_.readFileSync)(logFile, 'utf8').trim().slice(-600)}`);
        }
        await sleep(100);
    }
}
/** The state letter of /proc/<pid>/stat (Linux), e.g. 'Z' for a zombie; undefined elsewhere. */
function procState(pid) {
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // pid (comm) state ppid ...: comm may contain spaces and parentheses
        return stat.slice(stat.lastIndexOf(')') + 2)[0];
    }
    catch {
        return undefined;
    }
}
/**
 * Whether pid still runs. The server outlives the step that started it, so once stopped it waits
 * as a zombie until init reaps it, and a zombie still answers signal 0: some inits (containers)
 * reap only every second or two, which the post step would otherwise wait out.
 */
function isRunning(pid) {
    try {
        process.kill(pid, 0);
    }
    catch (e) {
        return e.code === 'EPERM';
    }
    return procState(pid) !== 'Z';
}
function stopPid(pid, signal) {
    try {
        process.kill(pid, signal);
    }
    catch {
        /* gone */
    }
}
/** SIGTERM (sagemaker-local stops its jobs and exits), SIGKILL after graceMs. Resolves when gone. */
async function stopServer(pid, graceMs = 15_000, sleep = realSleep) {
    if (!isRunning(pid))
        return 'not-running';
    stopPid(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline) {
        if (!isRunning(pid))
            return 'stopped';
        await sleep(100);
    }
    stopPid(-pid, 'SIGKILL');
    stopPid(pid, 'SIGKILL');
    return 'killed';
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/config.ts
var config = __webpack_require__(4489);
;// CONCATENATED MODULE: ./src/stages/setup-local/settings.ts
/**
 * Typed settings of actions/setup-local: its inputs, and what the config file's `local:` section
 * says to seed (buckets to create, commands to run, workspace folders to upload).
 *
 *   local:
 *     buckets: [my-bucket]
 *     run: ["node seed.mjs --raw s3://my-bucket/raw/"]
 *     upload: { code/: s3://my-bucket/runs/{run}/code/ }
 */






/** The action's input, output and state names (checked against actions/setup-local/action.yml). */
const SETUP_LOCAL_NAMES = {
    action: 'setup-local',
    inputs: [
        'config',
        'install-python',
        'port',
        'startup-timeout-seconds',
        'region',
        'cache-dir',
        'force-fail',
    ],
    outputs: ['endpoint-url', 'data-dir', 'cache-dir', 'cache-key'],
    state: ['pid'],
};
/** The variable that tells seed commands where to cache (templates/olist/seed.ts reads it). */
const CACHE_DIR_ENV = 'SAGEMAKER_ACTIONS_CACHE_DIR';
/**
 * The cache folder (pure): the `cache-dir` input (a leading `~/` is the home folder; relative to
 * the workspace), else CACHE_DIR_ENV, else $XDG_CACHE_HOME/sagemaker-actions (when absolute), else
 * ~/.cache/sagemaker-actions.
 */
function resolveCacheDir(input, env, home, cwd) {
    const given = input?.trim() || env[CACHE_DIR_ENV]?.trim();
    if (given)
        return (0,external_node_path_.resolve)(cwd, given === '~' ? home : given.replace(/^~\//, `${home}/`));
    const xdg = env['XDG_CACHE_HOME']?.trim();
    return (0,external_node_path_.join)(xdg && (0,external_node_path_.isAbsolute)(xdg) ? xdg : (0,external_node_path_.join)(home, '.cache'), 'sagemaker-actions');
}
const BUCKET_RE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** The `local:` section (already loaded, `{run}` substituted) → a seed plan. Pure. */
function parseSeedPlan(section, where) {
    const known = new Set(['buckets', 'run', 'upload']);
    const extra = Object.keys(section).filter((k) => !known.has(k));
    if (extra.length)
        throw new errors/* ConfigurationError */.j1(`${where}: unknown key(s) ${extra.join(', ')}; the local: section takes buckets, run, upload`);
    const list = (key) => {
        const v = section[key];
        if (v === undefined || v === null)
            return [];
        if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x.trim() !== ''))
            throw new errors/* ConfigurationError */.j1(`${where}.${key}: expected a list of strings, got ${(0,inputs/* show */.WU)(v)}`);
        return v.map((x) => x.trim());
    };
    const buckets = list('buckets');
    for (const b of buckets)
        if (!BUCKET_RE.test(b))
            throw new errors/* ConfigurationError */.j1(`${where}.buckets: ${(0,inputs/* show */.WU)(b)} is not a valid S3 bucket name`);
    const uploadRaw = section['upload'] ?? {};
    if (!(0,inputs/* isPlainObject */.Qd)(uploadRaw))
        throw new errors/* ConfigurationError */.j1(`${where}.upload: expected a map of workspace folder: s3://bucket/prefix/, got ${(0,inputs/* show */.WU)(uploadRaw)}`);
    const upload = Object.entries(uploadRaw).map(([from, to]) => {
        if (typeof to !== 'string')
            throw new errors/* ConfigurationError */.j1(`${where}.upload.${from}: expected an s3:// URI, got ${(0,inputs/* show */.WU)(to)}`);
        if (from.includes('..'))
            throw new errors/* ConfigurationError */.j1(`${where}.upload: ${(0,inputs/* show */.WU)(from)} must stay inside the workspace (no ..)`);
        (0,inputs/* parseS3Uri */.yc)(`${where}.upload.${from}`, to);
        return { from, to: to.endsWith('/') ? to : `${to}/` };
    });
    return { buckets, run: list('run'), upload };
}
function parseSetupLocalSettings(inputs, section, where, place) {
    return {
        cacheDir: resolveCacheDir(inputs.optional('cache-dir'), place.env, place.home, place.cwd),
        installPython: inputs.boolean('install-python', true),
        port: inputs.integer('port', 0, { min: 0, max: 65535 }),
        startupTimeoutMs: inputs.integer('startup-timeout-seconds', 60, { min: 1, max: 600 }) * 1000,
        region: inputs.string('region', 'us-east-1'),
        forceFail: inputs.boolean('force-fail', false),
        seed: parseSeedPlan(section, where),
    };
}
/** Reads the `local:` section (or `file.yml#section`) of the config file, `{run}` substituted. */
async function loadLocalSection(configInput, env) {
    if (configInput.trim() === '')
        return { section: {}, where: 'local' };
    const ref = (0,config/* parseConfigRef */.dH)(configInput, 'local');
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(await (0,promises_.readFile)(ref.path, 'utf8'));
    }
    catch (err) {
        throw new errors/* ConfigurationError */.j1(`input 'config': cannot read ${(0,inputs/* show */.WU)(ref.path)} (${(0,errors/* errorMessage */.gJ)(err).split('\n')[0]})`);
    }
    const where = `config file ${ref.path}#${ref.section}`;
    const section = (0,inputs/* isPlainObject */.Qd)(doc) ? doc[ref.section] : undefined;
    if (section === undefined || section === null)
        return { section: {}, where };
    if (!(0,inputs/* isPlainObject */.Qd)(section))
        throw new errors/* ConfigurationError */.j1(`${where}: expected a map (buckets, run, upload)`);
    return { section: (0,config/* substituteRun */.Sn)(section, (0,config/* runKey */.r7)(env), where), where };
}

;// CONCATENATED MODULE: ./src/actions/setup-local.ts














/** The poll interval exported for the kit's actions (see POLL_INTERVAL_ENV). */
const LOCAL_POLL_INTERVAL = '500ms';
/** The kit checkout this bundle belongs to: the folder above it holding bin/sagemaker-local.js. */
function findKitRoot(from) {
    let dir = (0,external_node_path_.resolve)(from);
    for (;;) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'bin', 'sagemaker-local.js')))
            return dir;
        const up = (0,external_node_path_.dirname)(dir);
        if (up === dir)
            throw new errors/* StageFailure */.BG(`cannot find the kit (bin/sagemaker-local.js) above ${from}`);
        dir = up;
    }
}
async function setup(ctx) {
    const { log, env } = ctx;
    const inputs = await ctx.inputs();
    const { section, where } = await loadLocalSection(inputs.optional('config') ?? '', env);
    const settings = parseSetupLocalSettings(inputs, section, where, {
        env,
        home: (0,external_node_os_.homedir)(),
        cwd: process.cwd(),
    });
    ctx.failIfForced(settings.forceFail);
    const t0 = Date.now();
    const version = ensurePython({
        env,
        install: settings.installPython,
        isRoot: process.getuid?.() === 0,
        log: log.info,
    });
    log.info(`python runtime: ${pythonPath(env)} (xgboost ${version})`);
    const kitRoot = findKitRoot((0,external_node_path_.dirname)(process.argv[1] ?? '.'));
    ensureDependencies(kitRoot, log.info);
    const dataDir = (0,external_node_path_.join)(env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), `sagemaker-local-${process.pid}`);
    const started = await startServer({
        kitRoot,
        dataDir,
        port: settings.port,
        timeoutMs: settings.startupTimeoutMs,
        python: pythonPath(env),
    });
    ctx.saveState('pid', String(started.pid));
    log.info(`sagemaker-local listening on ${started.url} (pid ${started.pid}, data in ${dataDir})`);
    const exported = {
        AWS_ENDPOINT_URL: started.url,
        AWS_ACCESS_KEY_ID: 'sagemaker-local',
        AWS_SECRET_ACCESS_KEY: 'sagemaker-local',
        AWS_REGION: settings.region,
        AWS_DEFAULT_REGION: settings.region,
        // sagemaker-local has no API rate limits: the actions look at a job every half second instead
        // of on AWS's adaptive schedule (which notices a job's end up to 6.5 s late). A value the
        // workflow already set wins.
        [poller/* POLL_INTERVAL_ENV */.GY]: env[poller/* POLL_INTERVAL_ENV */.GY] || LOCAL_POLL_INTERVAL,
        // Where seed commands may keep data between runs (actions/cache can carry it across runs).
        [CACHE_DIR_ENV]: settings.cacheDir,
    };
    for (const [k, v] of Object.entries(exported)) {
        core/* exportVariable */.dN(k, v);
        env[k] = v;
    }
    ctx.setOutput('endpoint-url', started.url);
    ctx.setOutput('data-dir', dataDir);
    const s3 = await (0,clients/* createAwsClients */.Gv)({ region: settings.region }, env).s3();
    try {
        const counts = await seed({
            plan: settings.seed,
            s3,
            workspace: process.cwd(),
            env,
            log: log.info,
            commandOutput: (line) => log.untrustedLine(`  ${line}`),
        });
        const secs = ((Date.now() - t0) / 1000).toFixed(1);
        const key = cacheKey(settings.cacheDir);
        ctx.setOutput('cache-dir', settings.cacheDir);
        ctx.setOutput('cache-key', key);
        log.info(key
            ? `cache folder ${settings.cacheDir}: key ${key}`
            : `cache folder ${settings.cacheDir}: empty (the seed commands cached nothing)`);
        await ctx.writeSummary(`### sagemaker-local\n\nListening on \`${(0,render/* escapeMarkdown */.FV)(started.url)}\` for this job (stopped in the post step). ` +
            `Seeded ${counts.buckets} bucket(s), ${counts.commands} command(s), ${counts.files} uploaded file(s) in ${secs} s.\n`);
    }
    finally {
        s3.destroy();
    }
}
/** Main step: Python runtime, sagemaker-local in the background, AWS_* exported, seeded. */
async function run() {
    await (0,context/* runAction */.Cs)(SETUP_LOCAL_NAMES, setup);
}
/** Post step: stops the sagemaker-local this job started (and with it every job it runs). */
async function runPost() {
    await (0,context/* runAction */.Cs)(SETUP_LOCAL_NAMES, async (ctx) => {
        const pid = Number(ctx.getState('pid'));
        if (!Number.isInteger(pid) || pid <= 0) {
            ctx.log.info('sagemaker-local was not started; nothing to stop');
            return;
        }
        const outcome = await stopServer(pid);
        if (outcome === 'killed')
            ctx.log.warning(`sagemaker-local (pid ${pid}) did not stop within 15 s of SIGTERM and was killed`);
        else
            ctx.log.info(`sagemaker-local (pid ${pid}): ${outcome}`);
    }, { label: 'setup-local (post)' });
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


/***/ })

};
