export const id = 124;
export const ids = [124];
export const modules = {

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

/***/ 124:
/***/ ((__unused_webpack_module, __unused_webpack___webpack_exports__, __webpack_require__) => {


// EXTERNAL MODULE: ./src/core/context.ts
var context = __webpack_require__(8480);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
;// CONCATENATED MODULE: ./src/stages/deploy/github-deployment.ts
/**
 * GitHub Deployments for an endpoint rollout: a deployment for the commit in `environment`, its
 * status moved in_progress → success | failure, the endpoint's console page as the environment
 * URL, and the deployment it replaced marked inactive. Failures to talk to GitHub are warnings:
 * they never change whether the rollout itself succeeded.
 */

async function githubRequest(token, apiUrl) {
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 2413));
    const octokit = getOctokit(token, { baseUrl: apiUrl || 'https://api.github.com' });
    return (route, params) => octokit.request(route, params);
}
function deploymentContext(env, environment, environmentUrl, description) {
    const [owner, repo] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
    const ref = env['GITHUB_SHA'];
    if (!owner || !repo || !ref)
        return undefined;
    const server = env['GITHUB_SERVER_URL'] || 'https://github.com';
    return {
        owner,
        repo,
        ref,
        environment,
        environmentUrl,
        logUrl: env['GITHUB_RUN_ID']
            ? `${server}/${owner}/${repo}/actions/runs/${env['GITHUB_RUN_ID']}`
            : undefined,
        description: description.slice(0, 140),
    };
}
class GitHubDeployment {
    request;
    ctx;
    warn;
    id;
    constructor(request, ctx, warn) {
        this.request = request;
        this.ctx = ctx;
        this.warn = warn;
    }
    /** Creates the deployment and sets it in_progress. Returns its id (undefined on failure). */
    async start() {
        try {
            const { data } = await this.request('POST /repos/{owner}/{repo}/deployments', {
                owner: this.ctx.owner,
                repo: this.ctx.repo,
                ref: this.ctx.ref,
                environment: this.ctx.environment,
                description: this.ctx.description,
                auto_merge: false,
                required_contexts: [],
                transient_environment: false,
                payload: { tool: 'sagemaker-actions/deploy' },
            });
            const id = data.id;
            if (typeof id !== 'number') {
                this.warn(`GitHub deployment: not created (${JSON.stringify(data).slice(0, 200)})`);
                return undefined;
            }
            this.id = id;
            await this.status('in_progress', 'rollout started');
            return id;
        }
        catch (err) {
            this.warn(`GitHub deployment: could not create it (${(0,errors/* errorMessage */.gJ)(err)}); the rollout goes on`);
            return undefined;
        }
    }
    async status(state, description, id = this.id) {
        if (id === undefined)
            return;
        try {
            await this.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
                owner: this.ctx.owner,
                repo: this.ctx.repo,
                deployment_id: id,
                state,
                description: description.slice(0, 140),
                environment_url: this.ctx.environmentUrl,
                ...(this.ctx.logUrl ? { log_url: this.ctx.logUrl } : {}),
                auto_inactive: false,
            });
        }
        catch (err) {
            this.warn(`GitHub deployment ${id}: could not set ${state} (${(0,errors/* errorMessage */.gJ)(err)})`);
        }
    }
    /** After a success: the environment's earlier successful deployments become inactive. */
    async retirePrevious() {
        const retired = [];
        try {
            const { data } = await this.request('GET /repos/{owner}/{repo}/deployments', {
                owner: this.ctx.owner,
                repo: this.ctx.repo,
                environment: this.ctx.environment,
                per_page: 30,
            });
            for (const d of data.filter((x) => x.id !== this.id)) {
                const { data: statuses } = await this.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', { owner: this.ctx.owner, repo: this.ctx.repo, deployment_id: d.id, per_page: 1 });
                if (statuses[0]?.state === 'success') {
                    await this.status('inactive', 'replaced by a newer deployment', d.id);
                    retired.push(d.id);
                }
            }
        }
        catch (err) {
            this.warn(`GitHub deployment: could not mark the replaced deployment inactive (${(0,errors/* errorMessage */.gJ)(err)})`);
        }
        return retired;
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/sagemaker/naming.ts
var naming = __webpack_require__(3562);
;// CONCATENATED MODULE: ./src/stages/deploy/names.ts
/**
 * Names of what a deployment creates: unique and traceable to the commit and the run
 * (`<endpoint>-<sha7>-<run id>-<hash>`), and the same on a re-run of the same run, so a re-run
 * finds the model and config it created before instead of making duplicates. The hash covers
 * what defines the resource (model source; instance type, count, capture for the config).
 */


const MAX = 63;
const hash = (parts, n = 6) => (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, n);
/** `<head>-<sha7>-<run>-<hash6>`, cut to 63 characters without a trailing hyphen. */
function traceableName(head, run, defining) {
    const sha = (0,naming/* sanitizeNamePart */.qi)(run.sha ?? '').slice(0, 7) || 'nosha';
    const runPart = (0,naming/* sanitizeNamePart */.qi)(run.runId ?? '').slice(0, 12) || 'local';
    const tail = `${sha}-${runPart}-${hash(defining)}`;
    const room = MAX - tail.length - 1;
    const cleanHead = (0,naming/* sanitizeNamePart */.qi)(head).slice(0, room).replace(/-+$/, '') || 'deploy';
    return `${cleanHead}-${tail}`;
}
function runFromEnv(env) {
    return { sha: env['GITHUB_SHA'], runId: env['GITHUB_RUN_ID'] };
}

;// CONCATENATED MODULE: ./src/sagemaker/alarms.ts
const cw = () => Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(85)]).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19));
/** States of the named alarms (DescribeAlarms takes at most 100 names; pages followed). */
async function alarmStates(client, names) {
    if (names.length === 0)
        return [];
    const { DescribeAlarmsCommand } = await cw();
    const out = [];
    for (let i = 0; i < names.length; i += 100) {
        let token;
        do {
            const page = await client.send(new DescribeAlarmsCommand({
                AlarmNames: names.slice(i, i + 100),
                AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
                ...(token ? { NextToken: token } : {}),
            }));
            for (const a of [...(page.MetricAlarms ?? []), ...(page.CompositeAlarms ?? [])])
                out.push({
                    name: a.AlarmName ?? '',
                    state: a.StateValue ?? 'INSUFFICIENT_DATA',
                    reason: a.StateReason,
                });
            token = page.NextToken;
        } while (token);
    }
    return out;
}
/** Names among `names` that CloudWatch does not know. */
async function missingAlarms(client, names) {
    const found = new Set((await alarmStates(client, names)).map((a) => a.name));
    return names.filter((n) => !found.has(n));
}
/** The default rollback alarms for a variant: any 5XX error, and average model latency. */
function defaultAlarmRequests(endpointName, variantName, prefix, latencyThresholdMicros) {
    const dims = [
        { Name: 'EndpointName', Value: endpointName },
        { Name: 'VariantName', Value: variantName },
    ];
    const base = {
        Namespace: 'AWS/SageMaker',
        Dimensions: dims,
        Period: 60,
        EvaluationPeriods: 1,
        DatapointsToAlarm: 1,
        TreatMissingData: 'notBreaching',
        ComparisonOperator: 'GreaterThanThreshold',
        ActionsEnabled: false,
    };
    return [
        {
            ...base,
            AlarmName: `${prefix}-5xx`,
            AlarmDescription: `sagemaker-actions deploy: ${endpointName}/${variantName} answered a 5XX error (rollback alarm)`,
            MetricName: 'Invocation5XXErrors',
            Statistic: 'Sum',
            Threshold: 0,
        },
        {
            ...base,
            AlarmName: `${prefix}-model-latency`,
            AlarmDescription: `sagemaker-actions deploy: ${endpointName}/${variantName} average ModelLatency above ${latencyThresholdMicros} µs (rollback alarm)`,
            MetricName: 'ModelLatency',
            Statistic: 'Average',
            Threshold: latencyThresholdMicros,
        },
    ];
}
/** PutMetricAlarm for each (create or overwrite), then checks each exists. Returns the names. */
async function ensureAlarms(client, requests) {
    const { PutMetricAlarmCommand } = await cw();
    for (const r of requests)
        await client.send(new PutMetricAlarmCommand(r));
    const names = requests.map((r) => r.AlarmName);
    const missing = await missingAlarms(client, names);
    if (missing.length)
        throw new Error(`CloudWatch does not show the alarms just created: ${missing.join(', ')}`);
    return names;
}

// EXTERNAL MODULE: ./src/sagemaker/endpoints.ts
var endpoints = __webpack_require__(7734);
// EXTERNAL MODULE: ./src/sagemaker/models.ts
var models = __webpack_require__(2992);
;// CONCATENATED MODULE: ./src/stages/deploy/decide.ts
/**
 * The rollout decision, as pure functions over plain data: given what DescribeEndpoint says (and
 * which rollback alarms were seen in ALARM), did the rollout succeed, roll back, fail, or end on a
 * config nobody asked for? A rolled-back deployment is never a success: only InService on the
 * requested config is.
 */
/** Statuses SageMaker moves through on its own; anything else is an end state. */
const IN_PROGRESS_STATUSES = [
    'Creating',
    'Updating',
    'SystemUpdating',
    'RollingBack',
];
/** The rollback alarm a FailureReason names (the longest name that occurs in it), if any. */
function alarmNamedIn(reason, alarms) {
    if (!reason)
        return undefined;
    return [...alarms].sort((a, b) => b.length - a.length).find((a) => reason.includes(a));
}
function decideRollout(view, exp, alarmsSeenInAlarm = []) {
    if (IN_PROGRESS_STATUSES.includes(view.status))
        return { kind: 'in-progress' };
    const serving = view.configName;
    if (view.status === 'InService') {
        if (serving === exp.requestedConfig)
            return { kind: 'succeeded', serving };
        if (serving !== undefined && serving === exp.previousConfig) {
            const alarm = alarmNamedIn(view.failureReason, exp.rollbackAlarms) ??
                alarmsSeenInAlarm.find((a) => exp.rollbackAlarms.includes(a));
            return {
                kind: 'rolled-back',
                serving,
                alarm,
                reason: view.failureReason ?? 'SageMaker gave no FailureReason',
            };
        }
        return { kind: 'wrong-config', serving, reason: view.failureReason };
    }
    return {
        kind: 'failed',
        status: view.status,
        reason: view.failureReason ??
            (view.status === 'Failed'
                ? 'SageMaker gave no FailureReason'
                : `unexpected endpoint status ${view.status}`),
        serving: view.status === 'Failed' ? undefined : serving,
    };
}
/** The first end state of a sequence of observations (what the waiter acts on). */
function settle(views, exp, alarmsSeenInAlarm = []) {
    for (const v of views) {
        const o = decideRollout(v, exp, alarmsSeenInAlarm);
        if (o.kind !== 'in-progress')
            return o;
    }
    return { kind: 'in-progress' };
}
/** The one-line verdict for the step log and the failure message (untrusted parts marked by the caller). */
function outcomeMessage(o, exp) {
    const ep = `endpoint ${exp.endpointName}`;
    switch (o.kind) {
        case 'in-progress':
            return `${ep}: the rollout to ${exp.requestedConfig} has not finished`;
        case 'succeeded':
            return `${ep} is InService on ${o.serving}`;
        case 'rolled-back':
            return (`${ep} ROLLED BACK: ${o.alarm ? `alarm ${o.alarm} fired` : 'no rollback alarm was identified'}; ` +
                `it serves the previous config ${o.serving}, not ${exp.requestedConfig}. SageMaker says: ${o.reason}`);
        case 'failed':
            return (`${ep} ended ${o.status}: ${o.reason}` +
                (o.serving
                    ? `; it serves ${o.serving}`
                    : o.status === 'Failed'
                        ? '; it serves nothing (a Failed endpoint can only be deleted)'
                        : ''));
        case 'wrong-config':
            return (`${ep} is InService on ${o.serving ?? 'no config'}, which is neither the requested ${exp.requestedConfig}` +
                ` nor the previous ${exp.previousConfig ?? '(none)'}: another deployment changed it` +
                (o.reason ? `. SageMaker says: ${o.reason}` : ''));
    }
}

// EXTERNAL MODULE: ./src/sagemaker/registry.ts
var registry = __webpack_require__(5);
;// CONCATENATED MODULE: ./src/stages/deploy/model-source.ts


/** Every package summary of the group with the given approval (or any), all pages. */
async function listGroupPackages(sm, group, approval) {
    const { ListModelPackagesCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236));
    const all = [];
    let token;
    do {
        const page = await sm.send(new ListModelPackagesCommand({
            ModelPackageGroupName: group,
            ...(approval ? { ModelApprovalStatus: approval } : {}),
            SortBy: 'CreationTime',
            SortOrder: 'Descending',
            MaxResults: 100,
            ...(token ? { NextToken: token } : {}),
        }));
        all.push(...(page.ModelPackageSummaryList ?? []));
        token = page.NextToken;
    } while (token);
    return all;
}
/** The newest summary (creation time, then version number). Pure. */
function newest(list) {
    let best;
    for (const p of list) {
        const t = p.CreationTime?.getTime() ?? 0;
        const bt = best?.CreationTime?.getTime() ?? -1;
        if (!best || t > bt || (t === bt && (p.ModelPackageVersion ?? 0) > (best.ModelPackageVersion ?? 0)))
            best = p;
    }
    return best;
}
async function fromPackage(sm, arn, allowUnapproved) {
    const d = await (0,registry/* describeModelPackage */.Xy)(sm, arn);
    const approval = d.ModelApprovalStatus ?? 'Unknown';
    if (approval !== 'Approved' && !allowUnapproved)
        throw new errors/* StageFailure */.BG(`model package ${arn} is ${approval}, not Approved: approve it in the registry (UpdateModelPackage ModelApprovalStatus=Approved) or set allow-unapproved: true`);
    const c = d.InferenceSpecification?.Containers?.[0];
    const url = c?.ModelDataUrl ?? c?.ModelDataSource?.S3DataSource?.S3Uri;
    if (!c?.Image || !url)
        throw new errors/* StageFailure */.BG(`model package ${arn} has no container image and model data to deploy`);
    return {
        image: c.Image,
        modelDataUrl: url,
        ...(c.Environment && Object.keys(c.Environment).length ? { environment: c.Environment } : {}),
        packageArn: d.ModelPackageArn ?? arn,
        packageGroup: d.ModelPackageGroupName,
        packageVersion: d.ModelPackageVersion,
        approval,
        metadata: d.CustomerMetadataProperties,
        metricsUri: d.ModelMetrics?.ModelQuality?.Statistics?.S3Uri,
    };
}
async function resolveModel(sm, source, allowUnapproved, log) {
    if (source.kind === 'artifact')
        return { image: source.image, modelDataUrl: source.artifact };
    if (source.kind === 'package')
        return fromPackage(sm, source.arn, allowUnapproved);
    const approved = newest(await listGroupPackages(sm, source.group, 'Approved'));
    if (approved?.ModelPackageArn) {
        log(`model package group ${source.group}: latest Approved is version ${approved.ModelPackageVersion ?? '?'} (${approved.ModelPackageArn})`);
        return fromPackage(sm, approved.ModelPackageArn, allowUnapproved);
    }
    if (allowUnapproved) {
        const any = newest(await listGroupPackages(sm, source.group, undefined));
        if (any?.ModelPackageArn) {
            log(`model package group ${source.group}: no Approved version; allow-unapproved picks the latest (${any.ModelApprovalStatus})`);
            return fromPackage(sm, any.ModelPackageArn, true);
        }
    }
    throw new errors/* StageFailure */.BG(`model package group ${source.group} has no Approved version to deploy: approve one (evaluate's approve-on-pass, or UpdateModelPackage) or set allow-unapproved: true`);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/stages/train/structured-inputs.ts
var structured_inputs = __webpack_require__(121);
;// CONCATENATED MODULE: ./src/stages/deploy/settings.ts
/**
 * The deploy stage's inputs, outputs and state names (checked against actions/deploy/action.yml
 * by a test), and its settings: everything it will do, decided from the inputs before any AWS
 * call. Bad input is a ConfigurationError naming the input, the value and the fix.
 */





const INPUTS = {
    config: 'config',
    region: 'region',
    forceFail: 'force-fail',
    mode: 'mode',
    endpointName: 'endpoint-name',
    modelPackageArn: 'model-package-arn',
    modelPackageGroup: 'model-package-group',
    modelArtifact: 'model-artifact',
    image: 'image',
    roleArn: 'role-arn',
    allowUnapproved: 'allow-unapproved',
    strategy: 'strategy',
    canaryPercent: 'canary-percent',
    linearStepPercent: 'linear-step-percent',
    waitInterval: 'wait-interval',
    bakeTime: 'bake-time',
    maxTime: 'max-time',
    rollbackAlarms: 'rollback-alarms',
    createDefaultAlarms: 'create-default-alarms',
    latencyAlarmMs: 'latency-alarm-ms',
    instanceType: 'instance-type',
    instanceCount: 'instance-count',
    dataCapturePercent: 'data-capture-percent',
    dataCaptureUri: 'data-capture-uri',
    tags: 'tags',
    smokeTestPayload: 'smoke-test-payload',
    smokeTestContentType: 'smoke-test-content-type',
    smokeTestExpect: 'smoke-test-expect',
    rollbackOnSmokeFailure: 'rollback-on-smoke-failure',
    githubToken: 'github-token',
    environment: 'environment',
    transformInput: 'transform-input',
    transformOutput: 'transform-output',
    transformOutputFormat: 'transform-output-format',
};
const OUTPUTS = {
    endpointName: 'endpoint-name',
    endpointConfigName: 'endpoint-config-name',
    previousEndpointConfigName: 'previous-endpoint-config-name',
    modelName: 'model-name',
    rolledBack: 'rolled-back',
    deploymentId: 'deployment-id',
    outputUri: 'output-uri',
};
/** The stage's names for the action context (checked against action.yml by a test). */
const DEPLOY_NAMES = {
    action: 'deploy',
    inputs: Object.values(INPUTS),
    outputs: Object.values(OUTPUTS),
    state: [],
};
const STRATEGIES = ['all-at-once', 'canary', 'linear'];
const DEFAULTS = {
    strategy: 'canary',
    canaryPercent: 10,
    linearStepPercent: 20,
    waitIntervalS: 300,
    bakeTimeS: 0,
    maxTimeS: 3600,
    latencyAlarmMs: 1000,
    instanceType: 'ml.m5.large',
    instanceCount: 1,
    smokeContentType: 'text/csv',
    transformOutputFormat: 'numeric',
    variantName: 'AllTraffic',
};
const INSTANCE_TYPE_RE = /^ml\.[a-z0-9]+(\.[a-z0-9]+)+$/;
/** Alarm names: 1-255 characters, no control characters. */
const ALARM_NAME_RE = /^[^\p{Cc}]{1,255}$/u;
const bad = (input, value, fix) => {
    throw new errors/* ConfigurationError */.j1(`input '${input}': ${(0,core_inputs/* show */.WU)(value)} is not valid; ${fix}`);
};
/** Seconds from a duration input, within AWS's bounds. */
function seconds(inputs, name, fallback, min, max) {
    const ms = inputs.optionalDuration(name, 's');
    if (ms === undefined)
        return fallback;
    const s = ms / 1000;
    if (!Number.isInteger(s) || s < min || s > max)
        bad(name, inputs.value(name), `expected a whole number of seconds from ${min} to ${max} (e.g. 30s, 5m)`);
    return s;
}
function modelSource(inputs) {
    // The model source is one choice: one given as an input replaces the config file's (a release
    // deploys the package it just registered, whatever group the config section names).
    const names = [INPUTS.modelPackageArn, INPUTS.modelPackageGroup, INPUTS.modelArtifact];
    const chosen = names.some((n) => inputs.isExplicit(n)) ? names.filter((n) => inputs.isExplicit(n)) : names;
    const pick = (name) => chosen.includes(name) ? inputs.optional(name) : undefined;
    const arn = pick(INPUTS.modelPackageArn);
    const group = pick(INPUTS.modelPackageGroup);
    const artifact = pick(INPUTS.modelArtifact);
    const given = [
        arn && INPUTS.modelPackageArn,
        group && INPUTS.modelPackageGroup,
        artifact && INPUTS.modelArtifact,
    ].filter(Boolean);
    if (given.length !== 1)
        throw new errors/* ConfigurationError */.j1(given.length === 0
            ? `no model to deploy: set one of '${INPUTS.modelPackageArn}', '${INPUTS.modelPackageGroup}' (its latest Approved version) or '${INPUTS.modelArtifact}' + '${INPUTS.image}'`
            : `inputs ${given.map((g) => `'${g}'`).join(' and ')} were both set: give exactly one model source`);
    if (arn) {
        if (!/^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\d{12}:model-package\/[a-zA-Z0-9-]{1,63}(\/\d+)?$/.test(arn))
            bad(INPUTS.modelPackageArn, arn, 'expected arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>');
        return { kind: 'package', arn };
    }
    if (group)
        return { kind: 'group', group: (0,core_inputs/* parseSageMakerName */.d$)(INPUTS.modelPackageGroup, group) };
    const image = inputs.required(INPUTS.image, `'${INPUTS.modelArtifact}' needs the serving image URI too`);
    const loc = (0,core_inputs/* parseS3Uri */.yc)(INPUTS.modelArtifact, artifact);
    if (!loc.key.endsWith('.tar.gz'))
        bad(INPUTS.modelArtifact, artifact, 'expected the S3 URI of a model.tar.gz (SageMaker needs a single .tar.gz)');
    return { kind: 'artifact', artifact: loc.uri, image };
}
function smokeTest(inputs) {
    const raw = inputs.optional(INPUTS.smokeTestPayload);
    if (raw === undefined) {
        if (inputs.has(INPUTS.smokeTestExpect))
            throw new errors/* ConfigurationError */.j1(`input '${INPUTS.smokeTestExpect}' needs '${INPUTS.smokeTestPayload}' (what to send)`);
        return undefined;
    }
    // A payload naming an existing file is read from it; anything else is the payload itself.
    let payload = raw;
    if (!raw.includes('\n') && raw.length < 4096 && (0,external_node_fs_.existsSync)(raw) && (0,external_node_fs_.statSync)(raw).isFile()) {
        payload = (0,external_node_fs_.readFileSync)(raw, 'utf8');
    }
    if (payload.trim() === '')
        bad(INPUTS.smokeTestPayload, raw, 'the payload (or the file it names) is empty');
    const expect = inputs.optional(INPUTS.smokeTestExpect);
    if (expect !== undefined && /^\/.*\/[a-z]*$/.test(expect)) {
        try {
            expectMatcher(expect);
        }
        catch (err) {
            bad(INPUTS.smokeTestExpect, expect, `not a valid regular expression (${err.message})`);
        }
    }
    return {
        payload,
        contentType: inputs.string(INPUTS.smokeTestContentType, DEFAULTS.smokeContentType),
        expect,
        rollbackOnFailure: inputs.boolean(INPUTS.rollbackOnSmokeFailure, true),
    };
}
/** `/regex/flags` is a regular expression; anything else must occur in the response. */
function expectMatcher(expect) {
    const m = /^\/(.*)\/([a-z]*)$/s.exec(expect);
    if (m) {
        const re = new RegExp(m[1], m[2]);
        return (body) => re.test(body);
    }
    return (body) => body.includes(expect);
}
function parseDeploySettings(inputs, env = process.env) {
    const mode = inputs.choice(INPUTS.mode, ['endpoint', 'batch-transform'], 'endpoint');
    const region = (0,aws_clients/* resolveRegion */.Zv)(inputs.optional(INPUTS.region), env);
    const source = modelSource(inputs);
    const roleArn = (0,core_inputs/* parseRoleArn */.DM)(INPUTS.roleArn, inputs.required(INPUTS.roleArn, 'the IAM role SageMaker runs the model as (CreateModel ExecutionRoleArn)'));
    const endpointName = mode === 'endpoint'
        ? (0,core_inputs/* parseSageMakerName */.d$)(INPUTS.endpointName, inputs.required(INPUTS.endpointName, 'the endpoint to create or update'))
        : (0,core_inputs/* parseSageMakerName */.d$)(INPUTS.endpointName, inputs.string(INPUTS.endpointName, 'batch'));
    const strategy = inputs.choice(INPUTS.strategy, STRATEGIES, DEFAULTS.strategy);
    const waitIntervalS = seconds(inputs, INPUTS.waitInterval, DEFAULTS.waitIntervalS, 0, 3600);
    const bakeTimeS = seconds(inputs, INPUTS.bakeTime, DEFAULTS.bakeTimeS, 0, 3600);
    const maxTimeS = seconds(inputs, INPUTS.maxTime, DEFAULTS.maxTimeS, 600, 28800);
    if (maxTimeS <= waitIntervalS + bakeTimeS)
        bad(INPUTS.maxTime, inputs.value(INPUTS.maxTime) ?? `${maxTimeS}s`, `must exceed ${INPUTS.waitInterval} + ${INPUTS.bakeTime} (${waitIntervalS + bakeTimeS} s), as SageMaker requires`);
    const rollbackAlarms = inputs.list(INPUTS.rollbackAlarms);
    for (const a of rollbackAlarms)
        if (!ALARM_NAME_RE.test(a))
            bad(INPUTS.rollbackAlarms, a, 'alarm names are 1-255 printable characters');
    const createDefaultAlarms = inputs.boolean(INPUTS.createDefaultAlarms, false);
    if (rollbackAlarms.length + (createDefaultAlarms ? 2 : 0) > 10)
        bad(INPUTS.rollbackAlarms, rollbackAlarms, 'SageMaker watches at most 10 rollback alarms (the default alarms count as 2)');
    const instanceType = inputs.string(INPUTS.instanceType, DEFAULTS.instanceType);
    if (!INSTANCE_TYPE_RE.test(instanceType))
        bad(INPUTS.instanceType, instanceType, 'expected an instance type like ml.m5.large');
    const capturePercent = inputs.optionalInteger(INPUTS.dataCapturePercent, { min: 0, max: 100 });
    const captureUri = inputs.optionalS3Uri(INPUTS.dataCaptureUri);
    if ((capturePercent === undefined) !== (captureUri === undefined))
        throw new errors/* ConfigurationError */.j1(`inputs '${INPUTS.dataCapturePercent}' and '${INPUTS.dataCaptureUri}' go together: set both to capture requests, or neither`);
    const token = inputs.optional(INPUTS.githubToken);
    const environment = inputs.optional(INPUTS.environment);
    if (environment !== undefined && token === undefined)
        throw new errors/* ConfigurationError */.j1(`input '${INPUTS.environment}' needs '${INPUTS.githubToken}' (with deployments: write) to record a GitHub deployment`);
    let transform;
    if (mode === 'batch-transform') {
        const input = inputs.required(INPUTS.transformInput, 'an S3 prefix or a local folder of CSV files to transform');
        if (!input.startsWith('s3://') && !((0,external_node_fs_.existsSync)(input) && (0,external_node_fs_.statSync)(input).isDirectory()))
            bad(INPUTS.transformInput, input, 'expected an S3 prefix (s3://bucket/prefix/) or an existing local folder');
        if (input.startsWith('s3://'))
            (0,core_inputs/* parseS3Uri */.yc)(INPUTS.transformInput, input);
        const output = (0,core_inputs/* parseS3Uri */.yc)(INPUTS.transformOutput, inputs.required(INPUTS.transformOutput, 'the S3 prefix the predictions are written to')).uri;
        transform = {
            input,
            output,
            format: inputs.choice(INPUTS.transformOutputFormat, ['numeric', 'json'], DEFAULTS.transformOutputFormat),
        };
    }
    return {
        mode,
        region,
        forceFail: inputs.boolean(INPUTS.forceFail, false),
        source,
        roleArn,
        allowUnapproved: inputs.boolean(INPUTS.allowUnapproved, false),
        endpointName,
        strategy,
        canaryPercent: inputs.integer(INPUTS.canaryPercent, DEFAULTS.canaryPercent, { min: 1, max: 50 }),
        linearStepPercent: inputs.integer(INPUTS.linearStepPercent, DEFAULTS.linearStepPercent, {
            min: 10,
            max: 50,
        }),
        waitIntervalS,
        bakeTimeS,
        maxTimeS,
        rollbackAlarms,
        createDefaultAlarms,
        latencyAlarmMs: inputs.integer(INPUTS.latencyAlarmMs, DEFAULTS.latencyAlarmMs, {
            min: 1,
            max: 3_600_000,
        }),
        instanceType,
        instanceCount: inputs.integer(INPUTS.instanceCount, DEFAULTS.instanceCount, { min: 1, max: 100 }),
        dataCapture: capturePercent !== undefined && captureUri
            ? { percent: capturePercent, destination: captureUri.uri }
            : undefined,
        tags: (0,structured_inputs/* checkTags */.MK)(INPUTS.tags, inputs.stringMap(INPUTS.tags)),
        smoke: mode === 'endpoint' ? smokeTest(inputs) : undefined,
        github: token ? { token, environment: environment ?? 'production' } : undefined,
        transform,
    };
}

// EXTERNAL MODULE: ./src/core/log.ts
var log = __webpack_require__(4325);
;// CONCATENATED MODULE: ./src/stages/deploy/smoke.ts



const MAX_SHOWN = 120;
async function runSmokeTest(runtime, endpointName, smoke) {
    const { InvokeEndpointCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(636)]).then(__webpack_require__.t.bind(__webpack_require__, 9636, 19));
    let body;
    try {
        const out = await runtime.send(new InvokeEndpointCommand({
            EndpointName: endpointName,
            Body: Buffer.from(smoke.payload),
            ContentType: smoke.contentType,
        }));
        body = Buffer.from(out.Body ?? new Uint8Array()).toString('utf8');
    }
    catch (err) {
        return {
            ok: false,
            // A ModelError's message carries the container's answer: untrusted too.
            detail: `InvokeEndpoint failed: ${(0,log/* quoteUntrusted */.X0)((0,errors/* awsErrorName */.ZH)(err) ?? 'Error', 60)}: ${(0,log/* quoteUntrusted */.X0)((0,errors/* errorMessage */.gJ)(err), MAX_SHOWN)}`,
        };
    }
    const shown = (0,log/* quoteUntrusted */.X0)(body, MAX_SHOWN);
    if (smoke.expect !== undefined && !expectMatcher(smoke.expect)(body))
        return {
            ok: false,
            detail: `the response does not match smoke-test-expect ${(0,log/* quoteUntrusted */.X0)(smoke.expect, MAX_SHOWN)}: it answered ${shown}`,
            body,
        };
    if (body.trim() === '')
        return { ok: false, detail: `the endpoint answered an empty body (${shown})`, body };
    return { ok: true, detail: `answered ${shown}`, body };
}

// EXTERNAL MODULE: ./src/aws/poller.ts
var poller = __webpack_require__(5971);
// EXTERNAL MODULE: ./src/core/render.ts
var render = __webpack_require__(1595);
;// CONCATENATED MODULE: ./src/stages/deploy/wait-rollout.ts
/**
 * Waits for an endpoint rollout through the shared poller: DescribeEndpoint on an adaptive
 * schedule (1-5 s), the rollback alarms read every second in between, and the next describe
 * hurried as soon as one of them is in ALARM, so the end of a rollback is noticed within seconds
 * (the SDK's endpoint waiter polls every 30 s). Prints a progress line whenever something
 * changes (status, traffic step, alarm states) and keeps them as the rollout timeline.
 */



/** One progress line. Pure. */
function progressLine(view, alarms, elapsedMs, timeLeftMs) {
    const serving = view.variants
        .map((v) => `${v.name} weight ${v.currentWeight ?? '?'} × ${v.currentInstances ?? '?'}`)
        .join(', ');
    const parts = [`[${(0,render/* formatDuration */.a3)(elapsedMs)}] ${view.status}`];
    if (view.configName)
        parts.push(`serving ${view.configName}${serving ? ` (${serving})` : ''}`);
    if (view.pendingConfigName) {
        const steps = view.pendingVariants
            .map((v) => `${v.name} ${v.status ?? 'pending'}${v.statusMessage ? `: ${v.statusMessage}` : ''}`)
            .join('; ');
        parts.push(`new ${view.pendingConfigName}${steps ? ` [${steps}]` : ''}`);
    }
    if (alarms.length)
        parts.push(`alarms: ${alarms.map((a) => `${a.name}=${a.state}`).join(', ')}`);
    parts.push(`${(0,render/* formatDuration */.a3)(Math.max(0, timeLeftMs))} left`);
    return parts.join(' | ');
}
const changeKey = (view, alarms) => JSON.stringify([
    view.status,
    view.configName,
    view.pendingConfigName,
    view.pendingVariants.map((v) => [v.status, v.statusMessage]),
    view.variants.map((v) => [v.currentWeight, v.currentInstances]),
    alarms.map((a) => [a.name, a.state]),
]);
async function waitForRollout(exp, timeoutMs, deps) {
    const clock = deps.clock ?? poller/* systemClock */.ml;
    const timeline = [];
    const seen = new Set();
    let firstAlarmAt;
    let alarmStates = [];
    let lastKey = '';
    let gone = false;
    const readAlarms = async () => {
        if (exp.rollbackAlarms.length === 0)
            return;
        alarmStates = await deps.alarms();
        for (const a of alarmStates)
            if (a.state === 'ALARM') {
                if (!seen.has(a.name))
                    seen.add(a.name);
                firstAlarmAt ??= clock.now();
            }
    };
    const start = clock.now();
    const result = await (0,poller/* pollUntil */.g3)({
        describe: async () => {
            await readAlarms();
            const v = await deps.describe();
            if (!v)
                gone = true;
            return v;
        },
        isDone: (v) => !v || decideRollout(v, exp, [...seen]).kind !== 'in-progress',
        onUpdate: (v, elapsed) => {
            if (!v)
                return;
            const key = changeKey(v, alarmStates);
            if (key === lastKey)
                return;
            lastKey = key;
            const line = progressLine(v, alarmStates, elapsed, timeoutMs - (clock.now() - start));
            timeline.push({ elapsedMs: elapsed, text: line });
            deps.progress(line);
        },
        onTick: async () => {
            await readAlarms();
        },
        hurry: () => alarmStates.some((a) => a.state === 'ALARM'),
        timeoutMs,
        minDelayMs: deps.minDelayMs ?? 1_000,
        maxDelayMs: deps.maxDelayMs ?? 5_000,
        budgetIntervalMs: deps.minDelayMs ?? 1_000,
        ...(deps.clock ? { clock: deps.clock } : {}),
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
    });
    const last = result.value;
    const base = { last, timeline, alarmsSeenInAlarm: [...seen], firstAlarmAt, alarmStates };
    if (gone)
        return { ...base, outcome: { kind: 'gone' } };
    if (result.state === 'aborted')
        return { ...base, outcome: { kind: 'cancelled' } };
    if (result.state === 'timeout' || !last)
        return { ...base, outcome: { kind: 'timeout' } };
    return { ...base, outcome: decideRollout(last, exp, [...seen]) };
}

;// CONCATENATED MODULE: ./src/stages/deploy/run-endpoint.ts










/** What to do given the endpoint as it is now. Pure. */
function planFor(current, configName) {
    if (!current)
        return { plan: 'create', previous: undefined };
    const { status } = current;
    if (status === 'InService' && current.configName === configName)
        return { plan: 'already-serving', previous: undefined };
    if (status === 'InService')
        return { plan: 'update', previous: current.configName };
    if (status === 'Creating' && current.configName === configName)
        return { plan: 'attach', previous: undefined };
    if (status === 'Updating' && current.pendingConfigName === configName)
        return { plan: 'attach', previous: current.configName };
    if (status === 'Failed')
        return {
            refuse: `endpoint is Failed (${current.failureReason ?? 'no reason given'}); a Failed endpoint can only be deleted: delete it (aws sagemaker delete-endpoint) and re-run`,
        };
    return {
        refuse: `endpoint is ${status}${current.pendingConfigName ? ` (rolling out ${current.pendingConfigName})` : ''}: another deployment is in progress; re-run when it has finished`,
    };
}
/** The DeploymentConfig asked of SageMaker for an update. Pure. */
function deploymentConfig(s, alarms) {
    const type = s.strategy === 'canary' ? 'CANARY' : s.strategy === 'linear' ? 'LINEAR' : 'ALL_AT_ONCE';
    return {
        BlueGreenUpdatePolicy: {
            TrafficRoutingConfiguration: {
                Type: type,
                WaitIntervalInSeconds: s.waitIntervalS,
                ...(type === 'CANARY' ? { CanarySize: { Type: 'CAPACITY_PERCENT', Value: s.canaryPercent } } : {}),
                ...(type === 'LINEAR'
                    ? { LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: s.linearStepPercent } }
                    : {}),
            },
            TerminationWaitInSeconds: s.bakeTimeS,
            MaximumExecutionTimeoutInSeconds: s.maxTimeS,
        },
        ...(alarms.length
            ? { AutoRollbackConfiguration: { Alarms: alarms.map((AlarmName) => ({ AlarmName })) } }
            : {}),
    };
}
const tagList = (tags) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
/** Waits for the endpoint to settle after a smoke-test rollback. */
async function rollbackAfterSmoke(s, deps, previous, failed) {
    deps.log.info(`smoke test failed: rolling ${s.endpointName} back to ${previous}`);
    await (0,endpoints/* updateEndpoint */.lg)(deps.sm, s.endpointName, previous, {
        BlueGreenUpdatePolicy: {
            TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 },
            MaximumExecutionTimeoutInSeconds: s.maxTimeS,
        },
    });
    return waitForRollout({ endpointName: s.endpointName, requestedConfig: previous, previousConfig: failed, rollbackAlarms: [] }, s.maxTimeS * 1000 + 600_000, waitDeps(s, deps, []));
}
function waitDeps(s, deps, alarms) {
    return {
        describe: async () => {
            const d = await (0,endpoints/* describeEndpoint */.N2)(deps.sm, s.endpointName);
            return d ? (0,endpoints/* endpointView */.LV)(d) : undefined;
        },
        alarms: async () => alarmStates(await deps.cw(), alarms),
        progress: (line) => deps.log.untrusted(line),
        ...(deps.clock ? { clock: deps.clock } : {}),
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
        ...(deps.poll ?? {}),
    };
}
async function deployEndpoint(s, deps) {
    const { sm, log } = deps;
    const model = await resolveModel(sm, s.source, s.allowUnapproved, (l) => log.info(l));
    const modelName = traceableName(s.endpointName, deps.run, [model.image, model.modelDataUrl]);
    const configName = traceableName(s.endpointName, deps.run, [
        modelName,
        s.instanceType,
        s.instanceCount,
        s.dataCapture ?? null,
    ]);
    const tags = tagList({
        ...s.tags,
        'sagemaker-actions:commit': deps.run.sha ?? 'none',
        'sagemaker-actions:run': deps.run.runId ?? 'local',
    });
    const m = await (0,models/* ensureModel */.aI)(sm, {
        name: modelName,
        image: model.image,
        modelDataUrl: model.modelDataUrl,
        roleArn: s.roleArn,
        ...(model.environment ? { environment: model.environment } : {}),
    });
    log.info(`model ${modelName}: ${m.created ? 'created' : 'exists (created by an earlier attempt of this run)'}`);
    const c = await (0,endpoints/* ensureEndpointConfig */.MP)(sm, {
        name: configName,
        variant: {
            variantName: DEFAULTS.variantName,
            modelName,
            instanceType: s.instanceType,
            instanceCount: s.instanceCount,
        },
        dataCapture: s.dataCapture,
        tags,
    });
    log.info(`endpoint config ${configName}: ${c.created ? 'created' : 'exists (created by an earlier attempt of this run)'}`);
    const before = await (0,endpoints/* describeEndpoint */.N2)(sm, s.endpointName);
    const decision = planFor(before ? (0,endpoints/* endpointView */.LV)(before) : undefined, configName);
    if ('refuse' in decision)
        throw new errors/* StageFailure */.BG(`endpoint ${s.endpointName}: ${decision.refuse}`);
    const { plan, previous } = decision;
    const alarms = [...s.rollbackAlarms];
    if (plan === 'update' || plan === 'attach') {
        const cw = await deps.cw();
        if (s.createDefaultAlarms) {
            const names = await ensureAlarms(cw, defaultAlarmRequests(s.endpointName, DEFAULTS.variantName, `${s.endpointName}-deploy`, s.latencyAlarmMs * 1000));
            log.info(`default rollback alarms ready: ${names.join(', ')}`);
            alarms.push(...names);
        }
        const missing = await missingAlarms(cw, s.rollbackAlarms);
        if (missing.length)
            throw new errors/* StageFailure */.BG(`rollback-alarms: CloudWatch has no alarm named ${missing.join(', ')} in ${s.region}; create it first or fix the name (no update was started)`);
    }
    const exp = {
        endpointName: s.endpointName,
        requestedConfig: configName,
        previousConfig: previous,
        rollbackAlarms: alarms,
    };
    const deploymentId = await deps.github?.start();
    const base = {
        endpointName: s.endpointName,
        configName,
        previousConfig: previous,
        modelName,
        model,
        plan,
        rollbackAlarms: alarms,
        deploymentId,
    };
    let waited;
    if (plan === 'already-serving') {
        log.info(`endpoint ${s.endpointName} already serves ${configName} (an earlier attempt of this run deployed it)`);
    }
    else {
        if (plan === 'create') {
            log.info(`creating endpoint ${s.endpointName} on ${configName} (${s.instanceCount} × ${s.instanceType})`);
            await (0,endpoints/* createEndpoint */.UD)(sm, s.endpointName, configName, tags);
        }
        else if (plan === 'update') {
            log.info(`updating endpoint ${s.endpointName}: ${previous} → ${configName}, ${s.strategy}` +
                `${s.strategy === 'canary' ? ` ${s.canaryPercent}%` : s.strategy === 'linear' ? ` steps of ${s.linearStepPercent}%` : ''}` +
                `, wait ${s.waitIntervalS}s, bake ${s.bakeTimeS}s, at most ${s.maxTimeS}s; rollback alarms: ${alarms.join(', ') || 'none'}`);
            if (alarms.length === 0)
                log.warning('no rollback alarms: SageMaker can roll back only if the new fleet fails to start; set rollback-alarms or create-default-alarms: true');
            await (0,endpoints/* updateEndpoint */.lg)(sm, s.endpointName, configName, deploymentConfig(s, alarms));
            if (tags.length && before?.EndpointArn)
                await (0,endpoints/* addTags */.JE)(sm, before.EndpointArn, tagList(s.tags));
        }
        else {
            log.info(`attaching to the rollout of ${configName} started by an earlier attempt of this run`);
        }
        // SageMaker's own limit plus the time a fleet takes to start.
        waited = await waitForRollout(exp, (s.maxTimeS + 900) * 1000, waitDeps(s, deps, alarms));
    }
    const endedAt = deps.clock?.now() ?? Date.now();
    const timeline = waited?.timeline ?? [];
    const outcome = waited?.outcome ?? { kind: 'succeeded', serving: configName };
    /** The result, with the GitHub deployment's final status set from it. */
    const finish = async (ok, message, rest) => {
        await deps.github?.status(ok ? 'success' : 'failure', message);
        if (ok)
            await deps.github?.retirePrevious();
        return { ...base, ...rest, ok, message, timeline, firstAlarmAt: waited?.firstAlarmAt, endedAt };
    };
    if (outcome.kind === 'cancelled' || outcome.kind === 'timeout' || outcome.kind === 'gone') {
        const now = await (0,endpoints/* describeEndpoint */.N2)(sm, s.endpointName);
        const serving = now?.EndpointConfigName;
        const msg = outcome.kind === 'gone'
            ? `endpoint ${s.endpointName} was deleted while the rollout ran`
            : `${outcome.kind === 'cancelled' ? 'cancelled' : `the rollout did not end within max-time + 15 minutes`}: endpoint ${s.endpointName} is ${now?.EndpointStatus ?? 'gone'}` +
                (serving && now?.EndpointStatus !== 'Creating'
                    ? `, serving ${serving} (healthy; blue keeps serving until SageMaker has verified ${configName}, and the rollout goes on under its rollback alarms). Nothing was deleted.`
                    : '; nothing was serving before. Nothing was deleted.');
        return finish(false, msg, {
            rolledBack: false,
            servingNow: serving,
            alarmFired: undefined,
            smoke: undefined,
        });
    }
    if (outcome.kind !== 'succeeded') {
        return finish(false, outcomeMessage(outcome, exp), {
            rolledBack: outcome.kind === 'rolled-back',
            servingNow: outcome.kind === 'in-progress' ? undefined : outcome.serving,
            alarmFired: outcome.kind === 'rolled-back' ? outcome.alarm : undefined,
            smoke: undefined,
        });
    }
    let smoke;
    if (s.smoke) {
        smoke = await runSmokeTest(await deps.runtime(), s.endpointName, s.smoke);
        log.untrusted(`smoke test: ${smoke.ok ? 'passed' : 'FAILED'}: ${smoke.detail}`);
        if (!smoke.ok) {
            let serving = configName;
            let note = `no rollback (rollback-on-smoke-failure: false); ${configName} still serves`;
            if (!s.smoke.rollbackOnFailure) {
                // keep serving the new config, as asked
            }
            else if (!previous) {
                note = `no previous config to roll back to (the endpoint is new); ${configName} still serves`;
            }
            else {
                const back = await rollbackAfterSmoke(s, deps, previous, configName);
                timeline.push(...back.timeline);
                serving = back.last?.configName;
                note =
                    back.outcome.kind === 'succeeded'
                        ? `rolled back: ${previous} serves again`
                        : `the rollback to ${previous} did not complete (${back.outcome.kind}); the endpoint serves ${serving ?? 'nothing'}`;
            }
            return finish(false, `endpoint ${s.endpointName}: smoke test failed (${smoke.detail}); ${note}`, {
                rolledBack: serving === previous && !!previous,
                servingNow: serving,
                alarmFired: undefined,
                smoke,
            });
        }
    }
    return finish(true, `endpoint ${s.endpointName} is InService on ${configName}${plan === 'create' ? ' (new endpoint)' : previous ? ` (was ${previous})` : ''}`, { rolledBack: false, servingNow: configName, alarmFired: undefined, smoke });
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/aws/s3.ts
var aws_s3 = __webpack_require__(1075);
// EXTERNAL MODULE: ./src/sagemaker/transform.ts
var transform = __webpack_require__(2412);
;// CONCATENATED MODULE: ./src/stages/deploy/run-transform.ts
/**
 * Batch-transform mode: the same model, run over an S3 prefix (or a local folder, uploaded first)
 * with a transform job, and the output validated: every input object has its `.out`, no output
 * file is empty, one prediction per input record, each numeric or JSON as configured.
 */









const slash = (p) => (p.endsWith('/') ? p : `${p}/`);
const records = (text) => text.split(/\r?\n/).filter((l) => l.trim() !== '');
/** Problems with one output file against its input. Pure. */
function outputProblems(name, input, output, format) {
    if (output === undefined)
        return [`${name}: no output file (${name}.out) was written`];
    const outLines = records(output);
    if (outLines.length === 0)
        return [`${name}.out is empty`];
    const inCount = records(input).length;
    const problems = [];
    if (outLines.length !== inCount)
        problems.push(`${name}.out has ${outLines.length} predictions for ${inCount} input records (expected one per record)`);
    const bad = outLines.findIndex((l) => {
        if (format === 'json') {
            try {
                JSON.parse(l);
                return false;
            }
            catch {
                return true;
            }
        }
        return l.split(',').some((v) => v.trim() === '' || !Number.isFinite(Number(v)));
    });
    if (bad >= 0)
        problems.push(
        // The line itself is not shown: transform output is data (it may hold personal data).
        `${name}.out line ${bad + 1} (${outLines[bad].length} characters; content not shown) is not ${format === 'json' ? 'JSON' : 'numeric'}`);
    return problems;
}
function localFiles(dir) {
    const out = [];
    for (const e of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
        const p = (0,external_node_path_.join)(dir, e.name);
        if (e.isDirectory())
            out.push(...localFiles(p));
        else if ((0,external_node_fs_.statSync)(p).isFile() && !e.name.startsWith('.'))
            out.push(p);
    }
    return out.sort();
}
async function runBatchTransform(s, deps) {
    const t = s.transform;
    const s3 = await deps.s3();
    const model = await resolveModel(deps.sm, s.source, s.allowUnapproved, (l) => deps.log.info(l));
    const modelName = traceableName(s.endpointName, deps.run, [model.image, model.modelDataUrl]);
    await (0,models/* ensureModel */.aI)(deps.sm, {
        name: modelName,
        image: model.image,
        modelDataUrl: model.modelDataUrl,
        roleArn: s.roleArn,
        ...(model.environment ? { environment: model.environment } : {}),
    });
    let inputUri = t.input;
    let outputUri = slash(t.output);
    if (!t.input.startsWith('s3://')) {
        const files = localFiles(t.input);
        if (files.length === 0)
            throw new errors/* StageFailure */.BG(`transform-input folder ${t.input} holds no files`);
        const out = (0,core_inputs/* parseS3Uri */.yc)('transform-output', outputUri);
        inputUri = `s3://${out.bucket}/${out.key}input/`;
        for (const f of files)
            await (0,aws_s3/* uploadFile */.QM)(s3, out.bucket, `${out.key}input/${(0,external_node_path_.relative)(t.input, f).split('\\').join('/')}`, f, 'text/csv');
        outputUri = `s3://${out.bucket}/${out.key}output/`;
        deps.log.info(`uploaded ${files.length} file(s) from ${t.input} to ${inputUri}`);
    }
    const jobName = traceableName(`${s.endpointName}-bt`, deps.run, [modelName, inputUri, outputUri]);
    const started = await (0,transform/* startTransformJob */.Oq)(deps.sm, {
        jobName,
        modelName,
        inputUri,
        outputUri,
        instanceType: s.instanceType,
        instanceCount: s.instanceCount,
    });
    deps.log.info(`transform job ${jobName}: ${started.attached ? 'attached (started by an earlier attempt)' : 'started'}`);
    await (0,transform/* waitForTransformJob */.uM)(deps.sm, jobName, {
        timeoutMs: s.maxTimeS * 1000,
        onStatus: (status) => deps.log.info(`transform job ${jobName}: ${status}`),
        ...(deps.signal ? { signal: deps.signal } : {}),
        ...(deps.clock ? { clock: deps.clock } : {}),
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
        ...(deps.poll ? { poll: { ...deps.poll, budgetIntervalMs: deps.poll.minDelayMs } } : {}),
    });
    const inLoc = (0,core_inputs/* parseS3Uri */.yc)('transform-input', inputUri);
    const outLoc = (0,core_inputs/* parseS3Uri */.yc)('transform-output', outputUri);
    const inputs = (await (0,aws_s3/* listKeys */.TH)(s3, inLoc.bucket, inLoc.key)).filter((o) => !o.key.endsWith('/'));
    const outputs = new Set((await (0,aws_s3/* listKeys */.TH)(s3, outLoc.bucket, outLoc.key)).map((o) => o.key));
    const problems = [];
    let total = 0;
    for (const o of inputs) {
        const rel = o.key.slice(inLoc.key.length).replace(/^\//, '');
        const outKey = `${outLoc.key}${rel}.out`;
        const inText = await (0,aws_s3/* getObjectText */.TQ)(s3, inLoc.bucket, o.key);
        const outText = outputs.has(outKey) ? await (0,aws_s3/* getObjectText */.TQ)(s3, outLoc.bucket, outKey) : undefined;
        total += records(inText).length;
        problems.push(...outputProblems(rel, inText, outText, t.format));
    }
    if (problems.length)
        throw new errors/* StageFailure */.BG(`transform job ${jobName} completed but its output is not valid: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
    deps.log.info(`transform output validated: ${inputs.length} file(s), ${total} prediction(s), ${t.format}`);
    return { jobName, modelName, model, outputUri, files: inputs.length, records: total };
}

;// CONCATENATED MODULE: ./src/stages/deploy/summary.ts
/**
 * The deploy job summary: what was deployed (package, version, registry metadata), the rollout
 * timeline (status, traffic steps, alarm states), the smoke test, and where the endpoint serves
 * now. Everything that came from outside (AWS messages, metadata, model output) is escaped for
 * Markdown and HTML.
 */

const row = (k, v) => `| **${k}** | ${(0,render/* escapeMarkdown */.FV)(v)} |`;
function modelRows(m) {
    const rows = [];
    if (m.packageArn)
        rows.push(row('Model package', m.packageArn));
    if (m.packageVersion !== undefined)
        rows.push(row('Version', m.packageVersion));
    if (m.approval)
        rows.push(row('Approval', m.approval));
    rows.push(row('Image', m.image), row('Model data', m.modelDataUrl));
    if (m.metricsUri)
        rows.push(row('Model-quality report', m.metricsUri));
    for (const [k, v] of Object.entries(m.metadata ?? {}))
        rows.push(row(`Registry: ${k}`, v));
    return rows;
}
function endpointSummary(r) {
    const verdict = r.ok ? '✅ deployed' : r.rolledBack ? '⛔ rolled back' : '❌ failed';
    const lines = [
        `### Deploy ${(0,render/* escapeMarkdown */.FV)(r.endpointName)}: ${verdict}`,
        '',
        (0,render/* escapeMarkdown */.FV)(r.message),
        '',
        '| | |',
        '| --- | --- |',
        row('Endpoint', r.endpointName),
        row('Serving now', r.servingNow ?? 'nothing'),
        row('Requested config', r.configName),
        row('Previous config', r.previousConfig ?? '(new endpoint)'),
        row('Model', r.modelName),
        row('Plan', r.plan),
        row('Rollback alarms', r.rollbackAlarms.join(', ') || 'none'),
        ...(r.alarmFired ? [row('Alarm that fired', r.alarmFired)] : []),
        ...(r.deploymentId !== undefined ? [row('GitHub deployment', r.deploymentId)] : []),
        ...modelRows(r.model),
    ];
    if (r.timeline.length) {
        lines.push('', '#### Rollout timeline', '', '| t | state |', '| --- | --- |');
        for (const t of r.timeline)
            lines.push(`| ${(0,render/* formatDuration */.a3)(t.elapsedMs)} | ${(0,render/* escapeMarkdown */.FV)(t.text.replace(/^\[[^\]]*\] /, ''))} |`);
    }
    if (r.smoke)
        lines.push('', `#### Smoke test: ${r.smoke.ok ? 'passed' : 'failed'}`, '', (0,render/* escapeMarkdown */.FV)(r.smoke.detail));
    return `${lines.join('\n')}\n`;
}
function transformSummary(r) {
    return ([
        `### Batch transform ${(0,render/* escapeMarkdown */.FV)(r.jobName)}: ✅ output validated`,
        '',
        '| | |',
        '| --- | --- |',
        row('Output', r.outputUri),
        row('Files', r.files),
        row('Predictions', r.records),
        row('Model', r.modelName),
        ...modelRows(r.model),
    ].join('\n') + '\n');
}

;// CONCATENATED MODULE: ./src/actions/deploy.ts
/**
 * actions/deploy on the shared action context: the only place that reads the deploy inputs and
 * sets its outputs. The stage itself (src/stages/deploy/) takes settings and clients and returns
 * a result.
 */









async function deploy(ctx, overrides) {
    const inputs = await ctx.inputs();
    const token = inputs.optional(INPUTS.githubToken);
    if (token)
        ctx.setSecret(token);
    const s = parseDeploySettings(inputs, ctx.env);
    ctx.failIfForced(s.forceFail);
    const { log } = ctx;
    const clients = (0,aws_clients/* createAwsClients */.Gv)({ region: s.region });
    const sm = await clients.sagemaker();
    const run = runFromEnv(ctx.env);
    const controller = new AbortController();
    const onSignal = () => {
        if (!controller.signal.aborted)
            log.info('cancel received: stopping the wait (the endpoint is left serving)');
        controller.abort();
    };
    ctx.signals.on('SIGINT', onSignal);
    ctx.signals.on('SIGTERM', onSignal);
    const timing = {
        ...(overrides.clock ? { clock: overrides.clock } : {}),
        ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
        ...(overrides.poll ? { poll: overrides.poll } : {}),
        signal: controller.signal,
    };
    try {
        if (s.mode === 'batch-transform') {
            const r = await runBatchTransform(s, { sm, s3: () => clients.s3(), log, run, ...timing });
            overrides.onResult?.(r);
            ctx.setOutput(OUTPUTS.modelName, r.modelName);
            ctx.setOutput(OUTPUTS.outputUri, r.outputUri);
            ctx.setOutput(OUTPUTS.rolledBack, 'false');
            await ctx.writeSummary(transformSummary(r));
            return;
        }
        let github;
        if (s.github) {
            const gctx = deploymentContext(ctx.env, s.github.environment, `https://${s.region}.console.aws.amazon.com/sagemaker/home?region=${s.region}#/endpoints/${s.endpointName}`, `SageMaker endpoint ${s.endpointName}`);
            if (gctx)
                github = new GitHubDeployment(await (overrides.github ?? ((t) => githubRequest(t, ctx.env['GITHUB_API_URL'])))(s.github.token), gctx, (l) => log.warning(l));
            else
                log.warning('GitHub deployment: skipped (GITHUB_REPOSITORY or GITHUB_SHA is not set)');
        }
        const r = await deployEndpoint(s, {
            sm,
            cw: () => clients.cloudwatch(),
            runtime: () => clients.runtime(),
            log,
            run,
            github,
            ...timing,
        });
        overrides.onResult?.(r);
        ctx.setOutput(OUTPUTS.endpointName, r.endpointName);
        ctx.setOutput(OUTPUTS.endpointConfigName, r.configName);
        ctx.setOutput(OUTPUTS.previousEndpointConfigName, r.previousConfig ?? '');
        ctx.setOutput(OUTPUTS.modelName, r.modelName);
        ctx.setOutput(OUTPUTS.rolledBack, String(r.rolledBack));
        ctx.setOutput(OUTPUTS.deploymentId, r.deploymentId !== undefined ? String(r.deploymentId) : '');
        await ctx.writeSummary(endpointSummary(r));
        if (!r.ok) {
            if (controller.signal.aborted)
                throw new errors/* CancelledFailure */.mj(r.message);
            throw new errors/* StageFailure */.BG(r.message);
        }
        log.untrusted(r.message);
    }
    finally {
        ctx.signals.removeListener('SIGINT', onSignal);
        ctx.signals.removeListener('SIGTERM', onSignal);
    }
}
async function run(overrides = {}) {
    await (0,context/* runAction */.Cs)(DEPLOY_NAMES, (ctx) => deploy(ctx, overrides), {
        ...(overrides.signals ? { signals: overrides.signals } : {}),
        ...(overrides.exit ? { exit: overrides.exit } : {}),
    });
}

;// CONCATENATED MODULE: ./src/entries/deploy.ts

void run();


/***/ }),

/***/ 7734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JE: () => (/* binding */ addTags),
/* harmony export */   LV: () => (/* binding */ endpointView),
/* harmony export */   MP: () => (/* binding */ ensureEndpointConfig),
/* harmony export */   N2: () => (/* binding */ describeEndpoint),
/* harmony export */   UD: () => (/* binding */ createEndpoint),
/* harmony export */   lg: () => (/* binding */ updateEndpoint)
/* harmony export */ });
/* unused harmony export endpointConfigRequest */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _jobs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9506);


const sdk = () => Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236));
function variantView(v) {
    const statuses = v.VariantStatus ?? [];
    const last = statuses[statuses.length - 1];
    return {
        name: v.VariantName ?? '',
        currentWeight: v.CurrentWeight,
        desiredWeight: v.DesiredWeight,
        currentInstances: v.CurrentInstanceCount,
        ...(last ? { status: last.Status, statusMessage: last.StatusMessage } : {}),
    };
}
function endpointView(d) {
    return {
        status: d.EndpointStatus ?? 'Unknown',
        configName: d.EndpointConfigName,
        failureReason: d.FailureReason,
        pendingConfigName: d.PendingDeploymentSummary?.EndpointConfigName,
        variants: (d.ProductionVariants ?? []).map(variantView),
        pendingVariants: (d.PendingDeploymentSummary?.ProductionVariants ?? []).map(variantView),
    };
}
/** DescribeEndpoint, or undefined when there is no such endpoint ("Could not find endpoint"). */
async function describeEndpoint(sm, name) {
    const { DescribeEndpointCommand } = await sdk();
    try {
        return await sm.send(new DescribeEndpointCommand({ EndpointName: name }));
    }
    catch (err) {
        if ((0,_jobs_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(err))
            return undefined;
        throw err;
    }
}
function endpointConfigRequest(spec) {
    return {
        EndpointConfigName: spec.name,
        ProductionVariants: [
            {
                VariantName: spec.variant.variantName,
                ModelName: spec.variant.modelName,
                InstanceType: spec.variant.instanceType,
                InitialInstanceCount: spec.variant.instanceCount,
                InitialVariantWeight: 1,
            },
        ],
        ...(spec.dataCapture
            ? {
                DataCaptureConfig: {
                    EnableCapture: true,
                    InitialSamplingPercentage: spec.dataCapture.percent,
                    DestinationS3Uri: spec.dataCapture.destination,
                    CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
                    CaptureContentTypeHeader: {
                        CsvContentTypes: ['text/csv'],
                        JsonContentTypes: ['application/json'],
                    },
                },
            }
            : {}),
        ...(spec.tags.length ? { Tags: spec.tags } : {}),
    };
}
/** Creates the config, or finds the one a previous attempt of this run created (same model). */
async function ensureEndpointConfig(sm, spec) {
    const { CreateEndpointConfigCommand, DescribeEndpointConfigCommand } = await sdk();
    const check = async () => {
        try {
            const d = await sm.send(new DescribeEndpointConfigCommand({ EndpointConfigName: spec.name }));
            const model = d.ProductionVariants?.[0]?.ModelName;
            if (model !== spec.variant.modelName)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .StageFailure */ .BG(`endpoint config ${spec.name} already exists for model ${model ?? '(none)'}, not ${spec.variant.modelName}; ` +
                    'it was made by another deployment: set a different endpoint-name or delete that config');
            return true;
        }
        catch (err) {
            if ((0,_jobs_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(err))
                return false;
            throw err;
        }
    };
    if (await check())
        return { created: false };
    try {
        await sm.send(new CreateEndpointConfigCommand(endpointConfigRequest(spec)));
        return { created: true };
    }
    catch (err) {
        if ((0,_jobs_js__WEBPACK_IMPORTED_MODULE_1__/* .isAlreadyExists */ .x9)(err) && (await check()))
            return { created: false };
        throw err;
    }
}
async function createEndpoint(sm, name, configName, tags) {
    const { CreateEndpointCommand } = await sdk();
    await sm.send(new CreateEndpointCommand({
        EndpointName: name,
        EndpointConfigName: configName,
        ...(tags.length ? { Tags: tags } : {}),
    }));
}
async function updateEndpoint(sm, name, configName, deploymentConfig) {
    const { UpdateEndpointCommand } = await sdk();
    await sm.send(new UpdateEndpointCommand({
        EndpointName: name,
        EndpointConfigName: configName,
        ...(deploymentConfig ? { DeploymentConfig: deploymentConfig } : {}),
    }));
}
async function addTags(sm, arn, tags) {
    if (!tags.length)
        return;
    const { AddTagsCommand } = await sdk();
    await sm.send(new AddTagsCommand({ ResourceArn: arn, Tags: tags }));
}


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
