export const id = 830;
export const ids = [830];
export const modules = {

/***/ 9830:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run),
  a: () => (/* binding */ runPost)
});

// EXTERNAL MODULE: ./src/core/context.ts
var context = __webpack_require__(8480);
// EXTERNAL MODULE: ./src/core/config.ts
var config = __webpack_require__(4489);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/poller.ts
var poller = __webpack_require__(5971);
// EXTERNAL MODULE: ./src/sagemaker/jobs.ts
var jobs = __webpack_require__(9506);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/sagemaker/spec-digest.ts

/**
 * A job's spec digest: which request it was created from, stored as a tag on the job at Create
 * time so that a later run re-attaches to or reuses a job only when it asks for the same thing
 * (AWS compares nothing: a Describe of an existing name answers whatever was created under it).
 *
 * The tag value holds one short hash per top-level field of the Create request (minus the
 * volatile ones: the name, which differs per attempt, and the tags), so a mismatch can say which
 * fields differ. Tag values allow letters, digits, spaces and `_.:/=+-@`; the value is
 * `Field=hash8 Field=hash8 ...` sorted by field name (about 200 of the 256 characters allowed).
 * Environment values enter only through a hash; whoever can read the tag (sagemaker:ListTags) can
 * read the Environment in plain text with Describe* anyway.
 */
const SPEC_DIGEST_TAG = 'sagemaker-actions:spec-digest';
const VOLATILE = new Set(['TrainingJobName', 'ProcessingJobName', 'Tags']);
/** JSON with object keys sorted at every level and undefined members dropped (pure). */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
    if (value && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value ?? null);
}
/** The digest tag value of a Create* request (pure). */
function specDigest(request) {
    return Object.entries(request)
        .filter(([k, v]) => !VOLATILE.has(k) && v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${k}=${(0,external_node_crypto_.createHash)('sha256').update(canonicalJson(v)).digest('hex').slice(0, 8)}`)
        .join(' ');
}
function fields(digest) {
    const out = new Map();
    for (const part of digest.split(' ')) {
        const eq = part.indexOf('=');
        if (eq > 0)
            out.set(part.slice(0, eq), part.slice(eq + 1));
    }
    return out;
}
/** The top-level request fields whose digests differ (added, removed or changed), sorted (pure). */
function differingFields(expected, actual) {
    const a = fields(expected);
    const b = fields(actual);
    const names = new Set([...a.keys(), ...b.keys()]);
    return [...names].filter((n) => a.get(n) !== b.get(n)).sort();
}
/** The request's tags with the digest tag set (ours wins over a user tag of the same key). */
function withDigestTag(tags, request) {
    const list = Object.entries(tags)
        .filter(([Key]) => Key !== SPEC_DIGEST_TAG)
        .map(([Key, Value]) => ({ Key, Value }));
    return [...list, { Key: SPEC_DIGEST_TAG, Value: specDigest(request) }];
}
/** The digest tag of an existing job (sagemaker:ListTags); undefined when the job has none. */
async function readDigestTag(client, arn) {
    const { ListTagsCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236));
    const res = await client.send(new ListTagsCommand({ ResourceArn: arn, MaxResults: 100 }));
    return res?.Tags?.find((t) => t.Key === SPEC_DIGEST_TAG)?.Value;
}

;// CONCATENATED MODULE: ./src/sagemaker/training.ts


let sdkPromise;
const loadSageMakerSdk = () => (sdkPromise ??= Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236)));
/** The CreateTrainingJob request for a spec (pure), tagged with its spec digest. */
function buildCreateTrainingJobRequest(name, spec) {
    const hp = Object.keys(spec.hyperparameters).length ? spec.hyperparameters : undefined;
    const env = Object.keys(spec.environment).length ? spec.environment : undefined;
    const request = {
        TrainingJobName: name,
        RoleArn: spec.roleArn,
        AlgorithmSpecification: {
            TrainingImage: spec.image,
            TrainingInputMode: 'File',
            ...(spec.metricDefinitions.length ? { MetricDefinitions: spec.metricDefinitions } : {}),
        },
        ...(hp ? { HyperParameters: hp } : {}),
        InputDataConfig: spec.channels.map((c) => ({
            ChannelName: c.name,
            ...(c.contentType ? { ContentType: c.contentType } : {}),
            ...(c.inputMode ? { InputMode: c.inputMode } : {}),
            DataSource: {
                S3DataSource: { S3DataType: 'S3Prefix', S3Uri: c.uri, S3DataDistributionType: c.distribution },
            },
        })),
        OutputDataConfig: { S3OutputPath: spec.outputPath },
        ResourceConfig: {
            InstanceType: spec.resources.instanceType,
            InstanceCount: spec.resources.instanceCount,
            VolumeSizeInGB: spec.resources.volumeSizeGb,
        },
        StoppingCondition: { MaxRuntimeInSeconds: spec.resources.maxRuntimeSeconds },
        ...(env ? { Environment: env } : {}),
    };
    return { ...request, Tags: withDigestTag(spec.tags, request) };
}
/** `<S3OutputPath>/<job>/output/` without doubled slashes. */
function trainingOutputPrefix(outputPath, name) {
    return `${outputPath.replace(/\/+$/, '')}/${name}/output/`;
}
/** Normalizes a DescribeTrainingJob answer (pure). */
function trainingJobView(d) {
    const metrics = {};
    for (const m of d.FinalMetricDataList ?? []) {
        if (m.MetricName !== undefined && m.Value !== undefined)
            metrics[m.MetricName] = m.Value;
    }
    const name = d.TrainingJobName ?? '';
    const model = d.ModelArtifacts?.S3ModelArtifacts;
    const outputs = {};
    if (model)
        outputs['model'] = model;
    if (d.OutputDataConfig?.S3OutputPath) {
        outputs['output'] = `${trainingOutputPrefix(d.OutputDataConfig.S3OutputPath, name)}output.tar.gz`;
    }
    return {
        kind: 'training',
        name,
        arn: d.TrainingJobArn ?? '',
        status: d.TrainingJobStatus ?? 'InProgress',
        secondaryStatus: d.SecondaryStatus,
        transitions: (d.SecondaryStatusTransitions ?? []).map((t) => ({
            status: t.Status ?? '',
            message: t.StatusMessage,
            startTime: t.StartTime,
        })),
        failureReason: d.FailureReason,
        creationTime: d.CreationTime,
        startTime: d.TrainingStartTime,
        endTime: d.TrainingEndTime,
        billableSeconds: d.BillableTimeInSeconds,
        instanceType: d.ResourceConfig?.InstanceType,
        instanceCount: d.ResourceConfig?.InstanceCount,
        modelArtifact: model,
        metrics,
        outputs,
    };
}
function trainingJobApi(client) {
    return {
        kind: 'training',
        logGroup: (0,jobs/* logGroupOf */.Ze)('training'),
        async describe(name) {
            const { DescribeTrainingJobCommand } = await loadSageMakerSdk();
            try {
                return trainingJobView(await client.send(new DescribeTrainingJobCommand({ TrainingJobName: name })));
            }
            catch (err) {
                if ((0,jobs/* isNotFound */.c4)(err))
                    return undefined;
                throw err;
            }
        },
        async create(name, spec) {
            if (spec.kind !== 'training')
                throw new Error(`internal: a ${spec.kind} spec given to the training API`);
            const { CreateTrainingJobCommand } = await loadSageMakerSdk();
            const res = await client.send(new CreateTrainingJobCommand(buildCreateTrainingJobRequest(name, spec)));
            return res.TrainingJobArn ?? '';
        },
        digestOf: (spec) => spec.kind === 'training'
            ? (buildCreateTrainingJobRequest('x', spec).Tags ?? []).find((t) => t.Key === SPEC_DIGEST_TAG).Value
            : '',
        readDigest: (arn) => readDigestTag(client, arn),
        async stop(name) {
            const { StopTrainingJobCommand } = await loadSageMakerSdk();
            await client.send(new StopTrainingJobCommand({ TrainingJobName: name }));
        },
    };
}

;// CONCATENATED MODULE: ./src/sagemaker/processing.ts



/** The CreateProcessingJob request for a spec (pure), tagged with its spec digest. */
function buildCreateProcessingJobRequest(name, spec) {
    const env = Object.keys(spec.environment).length ? spec.environment : undefined;
    const request = {
        ProcessingJobName: name,
        RoleArn: spec.roleArn,
        AppSpecification: {
            ImageUri: spec.image,
            ...(spec.entrypoint?.length ? { ContainerEntrypoint: spec.entrypoint } : {}),
            ...(spec.arguments?.length ? { ContainerArguments: spec.arguments } : {}),
        },
        ProcessingResources: {
            ClusterConfig: {
                InstanceType: spec.resources.instanceType,
                InstanceCount: spec.resources.instanceCount,
                VolumeSizeInGB: spec.resources.volumeSizeGb,
            },
        },
        StoppingCondition: { MaxRuntimeInSeconds: spec.resources.maxRuntimeSeconds },
        ...(spec.inputs.length
            ? {
                ProcessingInputs: spec.inputs.map((i) => ({
                    InputName: i.name,
                    S3Input: {
                        S3Uri: i.uri,
                        LocalPath: i.localPath,
                        S3DataType: 'S3Prefix',
                        S3InputMode: i.inputMode,
                        S3DataDistributionType: i.distribution,
                    },
                })),
            }
            : {}),
        ...(spec.outputs.length
            ? {
                ProcessingOutputConfig: {
                    Outputs: spec.outputs.map((o) => ({
                        OutputName: o.name,
                        S3Output: { S3Uri: o.uri, LocalPath: o.localPath, S3UploadMode: o.uploadMode },
                    })),
                },
            }
            : {}),
        ...(env ? { Environment: env } : {}),
    };
    return { ...request, Tags: withDigestTag(spec.tags, request) };
}
/** Normalizes a DescribeProcessingJob answer (pure). Processing jobs have no secondary status. */
function processingJobView(d) {
    const outputs = {};
    for (const o of d.ProcessingOutputConfig?.Outputs ?? []) {
        if (o.OutputName && o.S3Output?.S3Uri)
            outputs[o.OutputName] = o.S3Output.S3Uri;
    }
    const status = d.ProcessingJobStatus ?? 'InProgress';
    return {
        kind: 'processing',
        name: d.ProcessingJobName ?? '',
        arn: d.ProcessingJobArn ?? '',
        status,
        secondaryStatus: status,
        transitions: [],
        failureReason: d.FailureReason,
        exitMessage: d.ExitMessage,
        creationTime: d.CreationTime,
        startTime: d.ProcessingStartTime,
        endTime: d.ProcessingEndTime,
        instanceType: d.ProcessingResources?.ClusterConfig?.InstanceType,
        instanceCount: d.ProcessingResources?.ClusterConfig?.InstanceCount,
        metrics: {},
        outputs,
    };
}
function processingJobApi(client) {
    return {
        kind: 'processing',
        logGroup: (0,jobs/* logGroupOf */.Ze)('processing'),
        async describe(name) {
            const { DescribeProcessingJobCommand } = await loadSageMakerSdk();
            try {
                return processingJobView(await client.send(new DescribeProcessingJobCommand({ ProcessingJobName: name })));
            }
            catch (err) {
                if ((0,jobs/* isNotFound */.c4)(err))
                    return undefined;
                throw err;
            }
        },
        async create(name, spec) {
            if (spec.kind !== 'processing')
                throw new Error(`internal: a ${spec.kind} spec given to the processing API`);
            const { CreateProcessingJobCommand } = await loadSageMakerSdk();
            const res = await client.send(new CreateProcessingJobCommand(buildCreateProcessingJobRequest(name, spec)));
            return res.ProcessingJobArn ?? '';
        },
        digestOf: (spec) => spec.kind === 'processing'
            ? (buildCreateProcessingJobRequest('x', spec).Tags ?? []).find((t) => t.Key === SPEC_DIGEST_TAG)
                .Value
            : '',
        readDigest: (arn) => readDigestTag(client, arn),
        async stop(name) {
            const { StopProcessingJobCommand } = await loadSageMakerSdk();
            await client.send(new StopProcessingJobCommand({ ProcessingJobName: name }));
        },
    };
}

// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/sagemaker/naming.ts
var naming = __webpack_require__(3562);
// EXTERNAL MODULE: ./src/stages/train/structured-inputs.ts
var structured_inputs = __webpack_require__(121);
;// CONCATENATED MODULE: ./src/stages/train/processing-inputs.ts


/** Parsers for the processing-job inputs of the train action (pure; see structured-inputs.ts). */
const PROCESSING_ROOT = '/opt/ml/processing/';
const PROCESSING_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,255}$/;
function checkLocalPath(input, name, path) {
    if (!path.startsWith(PROCESSING_ROOT) || path.includes('..') || path.length > 256) {
        (0,structured_inputs/* bad */.MB)(input, `'${name}' local-path ${(0,core_inputs/* show */.WU)(path)} must be under ${PROCESSING_ROOT} (e.g. ${PROCESSING_ROOT}input/${name})`);
    }
    return path;
}
/** processing-inputs: `{name: s3://...}` or `{name: {s3, local-path, distribution, input-mode}}`. */
function parseProcessingInputs(input, value) {
    return processingEntries(input, value, ['s3', 'local-path', 'distribution', 'input-mode'], (name, s3, v) => ({
        name,
        uri: s3,
        localPath: checkLocalPath(input, name, (0,structured_inputs/* optionalString */.sx)(input, `'${name}' local-path`, v['local-path']) ?? `${PROCESSING_ROOT}input/${name}`),
        distribution: v['distribution'] === undefined
            ? 'FullyReplicated'
            : (0,structured_inputs/* pick */.Up)(input, `'${name}' distribution`, v['distribution'], structured_inputs/* DISTRIBUTIONS */.wB),
        inputMode: v['input-mode'] === undefined
            ? 'File'
            : (0,structured_inputs/* pick */.Up)(input, `'${name}' input-mode`, v['input-mode'], ['File', 'Pipe']),
    }));
}
/** processing-outputs: `{name: s3://...}` or `{name: {s3, local-path, upload-mode}}`. */
function parseProcessingOutputs(input, value) {
    return processingEntries(input, value, ['s3', 'local-path', 'upload-mode'], (name, s3, v) => ({
        name,
        uri: s3,
        localPath: checkLocalPath(input, name, (0,structured_inputs/* optionalString */.sx)(input, `'${name}' local-path`, v['local-path']) ?? `${PROCESSING_ROOT}output/${name}`),
        uploadMode: v['upload-mode'] === undefined
            ? 'EndOfJob'
            : (0,structured_inputs/* pick */.Up)(input, `'${name}' upload-mode`, v['upload-mode'], ['EndOfJob', 'Continuous']),
    }));
}
function processingEntries(input, value, keys, make) {
    if (value === undefined)
        return [];
    const parsed = (0,core_inputs/* parseStructured */.jE)(input, value);
    if (parsed === null || parsed === undefined || parsed === '')
        return [];
    if (!(0,core_inputs/* isPlainObject */.Qd)(parsed))
        (0,structured_inputs/* bad */.MB)(input, `expected a map of name: {s3: s3://..., local-path: ${PROCESSING_ROOT}...}, got ${(0,core_inputs/* show */.WU)(value)}`);
    const entries = Object.entries(parsed);
    if (entries.length > 10)
        (0,structured_inputs/* bad */.MB)(input, `${entries.length} entries; SageMaker allows at most 10`);
    const out = entries.map(([name, v]) => {
        if (!PROCESSING_NAME_RE.test(name))
            (0,structured_inputs/* bad */.MB)(input, `name ${(0,core_inputs/* show */.WU)(name)} must be letters, digits, '-' or '_' (starting with a letter or digit)`);
        const obj = typeof v === 'string'
            ? { s3: v }
            : (0,core_inputs/* isPlainObject */.Qd)(v)
                ? v
                : (0,structured_inputs/* bad */.MB)(input, `'${name}' must be an S3 URI or a map {s3, local-path}`);
        (0,structured_inputs/* checkKeys */.L)(input, `'${name}'`, obj, keys);
        const s3 = (0,structured_inputs/* optionalString */.sx)(input, `'${name}' s3`, obj['s3']);
        if (!s3)
            (0,structured_inputs/* bad */.MB)(input, `'${name}' needs s3: s3://bucket/prefix/`);
        return make(name, (0,core_inputs/* parseS3Uri */.yc)(input, s3).uri, obj);
    });
    const paths = new Set();
    for (const o of out) {
        if (paths.has(o.localPath))
            (0,structured_inputs/* bad */.MB)(input, `two entries use the local-path ${(0,core_inputs/* show */.WU)(o.localPath)}`);
        paths.add(o.localPath);
    }
    return out;
}
/** entrypoint / arguments: a YAML/JSON list, or one line split on whitespace. */
function parseCommand(input, value) {
    if (value === undefined)
        return undefined;
    let list;
    if (Array.isArray(value))
        list = value.map((v) => String(v));
    else {
        const text = String(value).trim();
        if (text === '')
            return undefined;
        if (text.startsWith('[')) {
            const parsed = (0,core_inputs/* parseStructured */.jE)(input, text);
            if (!Array.isArray(parsed) || parsed.some((p) => typeof p === 'object' && p !== null)) {
                (0,structured_inputs/* bad */.MB)(input, `expected a list of strings, got ${(0,core_inputs/* show */.WU)(value)}`);
            }
            list = parsed.map((p) => String(p));
        }
        else
            list = text.split(/\s+/);
    }
    if (list.length > 100)
        (0,structured_inputs/* bad */.MB)(input, `${list.length} items; SageMaker allows at most 100`);
    for (const item of list) {
        if (item.length > 256)
            (0,structured_inputs/* bad */.MB)(input, `item ${(0,core_inputs/* show */.WU)(item)} is longer than 256 characters`);
    }
    return list;
}

;// CONCATENATED MODULE: ./src/stages/train/settings.ts






const MODES = ['training-job', 'processing-job', 'pipeline'];
const DEFAULTS = {
    instanceType: 'ml.m5.xlarge',
    instanceCount: 1,
    volumeSizeGb: 30,
    maxRuntimeMinutes: 60,
};
/** SageMaker's limits: training 28 days, processing 7 days. */
const MAX_RUNTIME_MINUTES = { 'training-job': 28 * 24 * 60, 'processing-job': 7 * 24 * 60 };
/** The train action's input, output and state names (a unit test checks them against action.yml). */
const TRAIN_NAMES = {
    action: 'train',
    inputs: [
        'mode',
        'job-name',
        'image',
        'role-arn',
        'instance-type',
        'instance-count',
        'volume-size-gb',
        'max-runtime-minutes',
        'hyperparameters',
        'inputs',
        'content-type',
        'output-path',
        'metric-definitions',
        'environment',
        'tags',
        'entrypoint',
        'arguments',
        'processing-inputs',
        'processing-outputs',
        'pipeline-name',
        'pipeline-definition',
        'pipeline-parameters',
        'wait',
        'timeout-minutes',
        'stream-logs',
        'reuse',
        'config',
        'region',
        'force-fail',
    ],
    outputs: [
        'job-name',
        'job-arn',
        'status',
        'model-artifact',
        'metrics',
        'outputs',
        'log-url',
        'execution-arn',
        'step-statuses',
        'model-package-arn',
    ],
    /** Saved by the main step for the post step. */
    state: ['job-name', 'job-kind', 'finished', 'pipeline-execution-arn', 'pipeline-stop-token'],
};
const TRAINING_ONLY = ['hyperparameters', 'inputs', 'content-type', 'output-path', 'metric-definitions'];
const PROCESSING_ONLY = ['entrypoint', 'arguments', 'processing-inputs', 'processing-outputs'];
const PIPELINE_ONLY = ['pipeline-name', 'pipeline-definition', 'pipeline-parameters'];
const IMAGE_RE = /^[A-Za-z0-9][A-Za-z0-9._\-/:@]{0,254}$/;
const CONTENT_TYPE_RE = /^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=[\w.+-]+)*$/;
/** Parses and validates every input of the train action (pure apart from reading `inputs`). */
function parseTrainSettings(inputs, ctx) {
    const mode = inputs.choice('mode', MODES, 'training-job');
    if (mode === 'pipeline') {
        // The action reads mode first and parses pipeline mode with parsePipelineSettings.
        throw new Error("parseTrainSettings handles the job modes; mode 'pipeline' has parsePipelineSettings");
    }
    const other = mode === 'training-job' ? PROCESSING_ONLY : TRAINING_ONLY;
    inputs.rejectForMode([...other, ...PIPELINE_ONLY], mode);
    const modeHint = `mode '${mode}' needs it`;
    const image = inputs.required('image', `${modeHint} (the container image URI, e.g. the XGBoost image of your region)`);
    if (!IMAGE_RE.test(image)) {
        throw new errors/* ConfigurationError */.j1(`input 'image': ${(0,core_inputs/* show */.WU)(image)} is not an image URI like 123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag`);
    }
    const roleArn = (0,core_inputs/* parseRoleArn */.DM)('role-arn', inputs.required('role-arn', `${modeHint} (the SageMaker execution role)`));
    const instanceType = (0,core_inputs/* parseInstanceType */.HY)('instance-type', inputs.string('instance-type', DEFAULTS.instanceType));
    const resources = {
        instanceType,
        instanceCount: inputs.integer('instance-count', DEFAULTS.instanceCount, { min: 1, max: 100 }),
        volumeSizeGb: inputs.integer('volume-size-gb', DEFAULTS.volumeSizeGb, { min: 1, max: 16384 }),
        maxRuntimeSeconds: Math.round(inputs.number('max-runtime-minutes', DEFAULTS.maxRuntimeMinutes, {
            min: 1 / 60,
            max: MAX_RUNTIME_MINUTES[mode],
        }) * 60),
    };
    const environment = (0,structured_inputs/* checkEnvironment */.Qz)('environment', inputs.secretStringMap('environment'), mode === 'training-job' ? 512 : 256);
    const tags = (0,structured_inputs/* checkTags */.MK)('tags', inputs.stringMap('tags'));
    let spec;
    if (mode === 'training-job') {
        const contentType = inputs.optional('content-type');
        if (contentType !== undefined && !CONTENT_TYPE_RE.test(contentType)) {
            throw new errors/* ConfigurationError */.j1(`input 'content-type': ${(0,core_inputs/* show */.WU)(contentType)} is not a MIME type like text/csv`);
        }
        const channels = (0,structured_inputs/* parseChannels */.mq)('inputs', inputs.value('inputs'), contentType);
        if (channels.length === 0) {
            throw new errors/* ConfigurationError */.j1(`input 'inputs' is required: ${modeHint} (a map of channel: s3://bucket/prefix/, e.g. train: s3://my-bucket/train/)`);
        }
        spec = {
            kind: 'training',
            image,
            roleArn,
            resources,
            hyperparameters: (0,structured_inputs/* parseHyperparameters */.SD)('hyperparameters', inputs.value('hyperparameters')),
            channels,
            outputPath: (0,core_inputs/* parseS3Uri */.yc)('output-path', inputs.required('output-path', `${modeHint} (where SageMaker writes model.tar.gz)`)).uri,
            metricDefinitions: (0,structured_inputs/* parseMetricDefinitions */.IK)('metric-definitions', inputs.value('metric-definitions')),
            environment,
            tags,
        };
    }
    else {
        spec = {
            kind: 'processing',
            image,
            roleArn,
            resources,
            entrypoint: parseCommand('entrypoint', inputs.value('entrypoint')),
            arguments: parseCommand('arguments', inputs.value('arguments')),
            inputs: parseProcessingInputs('processing-inputs', inputs.value('processing-inputs')),
            outputs: parseProcessingOutputs('processing-outputs', inputs.value('processing-outputs')),
            environment,
            tags,
        };
    }
    const stage = ctx.configSection ?? (mode === 'training-job' ? 'train' : 'process');
    const explicitName = inputs.optional('job-name');
    const jobName = explicitName !== undefined
        ? (0,core_inputs/* parseSageMakerName */.d$)('job-name', explicitName)
        : (0,naming/* defaultJobName */.Qg)(ctx.run, stage);
    const timeoutText = inputs.optional('timeout-minutes');
    const timeoutMs = timeoutText === undefined
        ? undefined
        : (0,core_inputs/* parseNumber */.$J)('timeout-minutes', timeoutText, { min: 0.01 }) * 60_000;
    return {
        mode,
        jobName,
        jobNameSource: explicitName !== undefined ? 'input' : 'default',
        stage,
        spec,
        wait: inputs.boolean('wait', true),
        timeoutMs,
        streamLogs: inputs.boolean('stream-logs', true),
        reuse: inputs.boolean('reuse', true),
        region: (0,aws_clients/* resolveRegion */.Zv)(inputs.optional('region'), ctx.env ?? process.env),
        forceFail: inputs.boolean('force-fail', false),
    };
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/aws/paging.ts
var paging = __webpack_require__(6433);
;// CONCATENATED MODULE: ./src/aws/logs.ts



/** Log lines that say the job is finishing: the poller then looks at the job status sooner. */
const FINISHING_PATTERNS = [
    /===== Job Complete =====/,
    /Training job completed/i,
    /Uploading generated training model/i,
    /Reporting training (SUCCESS|FAILURE)/,
    /Traceback \(most recent call last\)/,
];
/** `<job>/algo-2-1574293123` → `algo-2`. */
function hostOfStream(streamName, prefix) {
    const rest = streamName.startsWith(prefix) ? streamName.slice(prefix.length) : streamName;
    return rest.replace(/-\d{9,}$/, '') || rest;
}
/** CloudWatch shows tabs written by containers as `#011`. */
function cleanLogMessage(message) {
    return message.replace(/#011/g, '\t').replace(/\r?\n$/, '');
}
let logs_sdkPromise;
const loadSdk = () => (logs_sdkPromise ??= Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(303)]).then(__webpack_require__.t.bind(__webpack_require__, 2684, 19)));
class LogStreamer {
    opts;
    streams = new Map();
    tail = [];
    keep;
    maxPages;
    patterns;
    disabled = false;
    sawFinishing = false;
    lines = 0;
    /** Rounds skipped because of throttling (for tests and diagnostics). */
    throttledRounds = 0;
    constructor(opts) {
        this.opts = opts;
        this.keep = opts.keepLines ?? 50;
        this.maxPages = opts.maxPagesPerStream ?? 10;
        this.patterns = opts.finishingPatterns ?? FINISHING_PATTERNS;
    }
    /** True once a line matched a finishing pattern. */
    get finishing() {
        return this.sawFinishing;
    }
    get lineCount() {
        return this.lines;
    }
    get streamCount() {
        return this.streams.size;
    }
    /** The last `n` lines seen (all streams, in the order printed). */
    lastLines(n = this.keep) {
        return this.tail.slice(-n);
    }
    /** One round: discover streams, then read new events of each. Returns the number of lines written. */
    async poll() {
        if (this.disabled)
            return 0;
        try {
            await this.discover();
            let written = 0;
            for (const s of [...this.streams.values()].sort((a, b) => a.name.localeCompare(b.name))) {
                written += await this.readStream(s);
            }
            return written;
        }
        catch (err) {
            const name = (0,errors/* awsErrorName */.ZH)(err) ?? '';
            if (name === 'ResourceNotFoundException')
                return 0; // group or stream not created yet
            if ((0,aws_errors/* isThrottling */.E2)(err)) {
                this.throttledRounds++;
                return 0;
            }
            this.disabled = true;
            this.opts.warn?.(`log streaming stopped (${name || 'error'}: ${(0,errors/* errorMessage */.gJ)(err)}); the job is still being watched`);
            return 0;
        }
    }
    /** Reads until a round brings nothing new (bounded), e.g. after the job ended. */
    async drain(maxRounds = 5) {
        for (let i = 0; i < maxRounds; i++) {
            if ((await this.poll()) === 0)
                return;
        }
    }
    async discover() {
        const { DescribeLogStreamsCommand } = await loadSdk();
        const pages = (0,paging/* paginate */.En)(async (nextToken) => {
            const res = await this.opts.client.send(new DescribeLogStreamsCommand({
                logGroupName: this.opts.logGroup,
                logStreamNamePrefix: this.opts.prefix,
                orderBy: 'LogStreamName',
                nextToken,
            }));
            return { items: res.logStreams ?? [], next: res.nextToken };
        }, { maxPages: 20 });
        for await (const ls of pages)
            this.addStream(ls);
    }
    addStream(ls) {
        const name = ls.logStreamName;
        if (!name || this.streams.has(name))
            return;
        this.streams.set(name, { name, host: hostOfStream(name, this.opts.prefix), token: undefined });
    }
    async readStream(s) {
        const { GetLogEventsCommand } = await loadSdk();
        let written = 0;
        for (let page = 0; page < this.maxPages; page++) {
            const res = await this.opts.client.send(new GetLogEventsCommand({
                logGroupName: this.opts.logGroup,
                logStreamName: s.name,
                startFromHead: true,
                nextToken: s.token,
            }));
            for (const e of res.events ?? []) {
                this.emit(s, e.message ?? '');
                written++;
            }
            const next = res.nextForwardToken;
            const repeated = !next || next === s.token;
            if (next)
                s.token = next;
            if (repeated || (res.events ?? []).length === 0)
                break;
        }
        return written;
    }
    emit(s, message) {
        for (const raw of cleanLogMessage(message).split(/\r?\n/)) {
            const line = this.streams.size > 1 ? `[${s.host}] ${raw}` : raw;
            this.lines++;
            this.tail.push(line);
            if (this.tail.length > this.keep)
                this.tail.shift();
            if (!this.sawFinishing && this.patterns.some((p) => p.test(raw)))
                this.sawFinishing = true;
            this.opts.write(line);
        }
    }
}
/** The CloudWatch console page of a job's log streams. */
function logConsoleUrl(region, logGroup, jobName) {
    const enc = (s) => encodeURIComponent(s).replace(/%/g, '$25');
    return (`https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/` +
        `${enc(logGroup)}$3FlogStreamNameFilter$3D${enc(jobName + '/')}`);
}

;// CONCATENATED MODULE: ./src/stages/train/resolve-job.ts




const MAX_ATTEMPTS = 99;
/** The decision for one existing job (pure). */
function decideExisting(status, reuse) {
    if (!reuse)
        return 'next';
    if (status === 'InProgress' || status === 'Stopping')
        return 'attach';
    if (status === 'Completed')
        return 'reuse';
    return 'next';
}
async function createOrAttach(api, spec, baseName, reuse, log) {
    const replaced = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const name = (0,naming/* attemptName */.LZ)(baseName, attempt);
        let view = await api.describe(name);
        if (!view) {
            try {
                log.beforeCreate?.(name);
                const arn = await api.create(name, spec);
                return { action: 'created', name, arn, replaced };
            }
            catch (err) {
                // Someone (a concurrent re-run) created it between our Describe and Create.
                if (!(0,jobs/* isAlreadyExists */.x9)(err))
                    throw err;
                view = await api.describe(name);
                if (!view)
                    throw err;
            }
        }
        const decision = decideExisting(view.status, reuse);
        if (decision !== 'next')
            await checkSameSpec(api, spec, view, decision);
        if (decision === 'attach')
            return { action: 'attached', name, arn: view.arn, view, replaced };
        if (decision === 'reuse')
            return { action: 'reused', name, arn: view.arn, view, replaced };
        if (reuse) {
            log.info(`${kindLabel(api)} ${name} exists and ended ${view.status}; starting a fresh attempt`);
            replaced.push({ name, status: view.status });
        }
        else {
            log.info(`${kindLabel(api)} ${name} exists (${view.status}) and reuse is false; trying the next attempt name`);
        }
    }
    throw new Error(`${MAX_ATTEMPTS} attempts of ${baseName} exist already; set a new job-name`);
}
/**
 * Re-attach and reuse only a job created from the same spec: its digest tag must equal the
 * digest of the requested spec. Otherwise the new code would never run while the step is green.
 */
async function checkSameSpec(api, spec, view, decision) {
    const expected = api.digestOf(spec);
    const actual = await api.readDigest(view.arn);
    if (actual === expected)
        return;
    const what = actual === undefined
        ? 'it carries no spec digest tag (it was created outside this kit or by an older version), so it cannot be shown to match'
        : `its spec differs from the requested one in: ${differingFields(expected, actual).join(', ') || 'the digest'}`;
    throw new errors/* ConfigurationError */.j1(`${kindLabel(api)} ${view.name} already exists (${view.status}) and would be ${decision === 'attach' ? 're-attached' : 'reused'}, but ${what}. ` +
        `To run the requested spec, set a new job-name (or leave job-name unset for a per-run name), or set reuse: false to start a fresh attempt (${view.name}-r2, ...).`);
}
function kindLabel(api) {
    return api.kind === 'training' ? 'training job' : 'processing job';
}

// EXTERNAL MODULE: ./src/core/signals.ts
var signals = __webpack_require__(2230);
;// CONCATENATED MODULE: ./src/sagemaker/wait-job.ts



/** `[mm:ss]` (or `[h:mm:ss]`) for an elapsed time. */
function formatElapsed(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = String(s % 60).padStart(2, '0');
    return h > 0 ? `[${h}:${String(m).padStart(2, '0')}:${sec}]` : `[${String(m).padStart(2, '0')}:${sec}]`;
}
/**
 * Turns successive Describe answers into one line per status transition:
 * `[00:42] Training — Training image download completed. Training in progress.`
 * Training jobs list their SecondaryStatusTransitions (timed from the job's creation); processing
 * jobs only have a status, reported when it changes (timed from when watching started).
 */
class TransitionReporter {
    write;
    printed = 0;
    lastStatus;
    constructor(write) {
        this.write = write;
    }
    update(view, watchedMs) {
        if (view.transitions.length > 0) {
            const origin = view.creationTime?.getTime();
            for (let i = this.printed; i < view.transitions.length; i++) {
                const t = view.transitions[i];
                const at = origin !== undefined && t.startTime ? t.startTime.getTime() - origin : watchedMs;
                this.write(`${formatElapsed(at)} ${t.status}${t.message ? ` — ${t.message}` : ''}`);
            }
            // A transition's message can change while it is current; only new transitions are printed.
            this.printed = view.transitions.length;
            this.lastStatus = view.transitions[view.transitions.length - 1].status;
            return;
        }
        const status = view.secondaryStatus ?? view.status;
        if (status !== this.lastStatus) {
            const extra = view.status === 'Failed' && view.failureReason ? ` — ${view.failureReason}` : '';
            this.write(`${formatElapsed(watchedMs)} ${status}${extra}`);
            this.lastStatus = status;
        }
    }
}
/** Secondary statuses that mean the end is near: look again soon. */
const FINISHING_STATUSES = new Set([
    'Uploading',
    'Stopping',
    'Completed',
    'Failed',
    'Stopped',
    'MaxRuntimeExceeded',
]);
async function waitForJob(opts) {
    const reporter = new TransitionReporter(opts.write);
    let describes = 0;
    let last;
    const { streamer } = opts;
    const result = await (0,poller/* pollUntil */.g3)({
        describe: async () => {
            describes++;
            try {
                return await opts.api.describe(opts.name);
            }
            catch (err) {
                // The SDK already retried (adaptive mode); if it still is throttled, wait for the next turn.
                if (last !== undefined && (0,aws_errors/* isThrottling */.E2)(err))
                    return last;
                throw err;
            }
        },
        isDone: (v) => v === undefined || (0,jobs/* isTerminal */.Hd)(v.status),
        onUpdate: async (v, elapsed) => {
            if (!v)
                return;
            last = v;
            // The job ended: print what it wrote in its last seconds before its final status lines.
            if (streamer && (0,jobs/* isTerminal */.Hd)(v.status))
                await streamer.drain();
            reporter.update(v, elapsed);
        },
        onTick: streamer ? async () => void (await streamer.poll()) : undefined,
        hurry: () => (streamer?.finishing ?? false) ||
            (last !== undefined &&
                (FINISHING_STATUSES.has(last.secondaryStatus ?? '') || last.status === 'Stopping')),
        timeoutMs: opts.timeoutMs,
        signal: opts.signal,
        clock: opts.clock ?? poller/* systemClock */.ml,
        sleep: opts.sleep ?? poller/* systemSleep */.Hk,
        ...(opts.minDelayMs !== undefined ? { minDelayMs: opts.minDelayMs } : {}),
        ...(opts.maxDelayMs !== undefined ? { maxDelayMs: opts.maxDelayMs } : {}),
        ...(opts.budgetIntervalMs !== undefined ? { budgetIntervalMs: opts.budgetIntervalMs } : {}),
        ...(opts.initialDelayMs !== undefined ? { initialDelayMs: opts.initialDelayMs } : {}),
    });
    if (result.state === 'done' && result.value === undefined) {
        throw new Error(`job ${opts.name} disappeared while it was being watched (Describe says it does not exist)`);
    }
    // Read what the job wrote in its last seconds before reporting.
    if (streamer && result.state !== 'aborted')
        await streamer.drain();
    return { state: result.state, view: result.value ?? last, describes };
}
/** Success or the failure message for a finished job (pure). */
function outcomeOf(view, lastLines) {
    const what = `${view.kind === 'training' ? 'training' : 'processing'} job ${view.name}`;
    const logTail = lastLines.length ? `\nLast lines of the job log:\n${lastLines.join('\n')}` : '';
    if (view.status === 'Completed')
        return { ok: true };
    if (view.status === 'Failed') {
        if (view.failureReason && /MaxRuntime/i.test(view.failureReason)) {
            return {
                ok: false,
                message: `${what} exceeded max-runtime-minutes and was stopped by SageMaker (${view.failureReason})${logTail}`,
            };
        }
        const reason = view.failureReason ?? view.exitMessage ?? 'no FailureReason given';
        return { ok: false, message: `${what} failed: ${reason}${logTail}` };
    }
    if (view.status === 'Stopped') {
        if (view.secondaryStatus === 'MaxRuntimeExceeded') {
            return {
                ok: false,
                message: `${what} exceeded max-runtime-minutes: SageMaker stopped it (MaxRuntimeExceeded); raise max-runtime-minutes or make the job faster${logTail}`,
            };
        }
        if (view.secondaryStatus === 'MaxWaitTimeExceeded') {
            return {
                ok: false,
                message: `${what} exceeded its maximum wait time (MaxWaitTimeExceeded) and was stopped${logTail}`,
            };
        }
        return {
            ok: false,
            message: `${what} was stopped before it completed (status Stopped)${view.failureReason ? `: ${view.failureReason}` : ''}${logTail}`,
        };
    }
    return { ok: false, message: `${what} ended in unexpected status ${view.status}${logTail}` };
}

;// CONCATENATED MODULE: ./src/stages/train/run.ts







async function runTrainJob(req, deps) {
    const { api } = deps;
    const info = (line) => deps.log.info(line);
    const warning = (line) => deps.log.warning(line);
    const clock = deps.clock ?? poller/* systemClock */.ml;
    const label = kindLabel(api);
    let current;
    const sig = (0,signals/* stopOnSignal */.O)({
        source: deps.signals,
        what: () => (current ? `${label} ${current}` : undefined),
        stop: () => stopJob(api, current),
        log: info,
        ...(deps.stopBoundMs !== undefined ? { boundMs: deps.stopBoundMs } : {}),
        ...(deps.stopDelay ? { delay: deps.stopDelay } : {}),
    });
    try {
        const res = await createOrAttach(api, req.spec, req.baseName, req.reuse, {
            info,
            beforeCreate: (name) => {
                // Saved before the Create call: the name is deterministic, and a SIGKILL during the
                // call must leave the post step able to stop the job.
                deps.saveState('job-name', name);
                deps.saveState('job-kind', api.kind);
            },
        });
        current = res.name;
        deps.saveState('job-name', res.name);
        deps.saveState('job-kind', api.kind);
        const base = {
            action: res.action,
            name: res.name,
            arn: res.arn,
            replaced: res.replaced,
            logUrl: logConsoleUrl(req.region, api.logGroup, res.name),
            consoleUrl: (0,jobs/* consoleJobUrl */.kK)(req.region, api.kind, res.name),
            fromThisRun: req.nameFromRun,
        };
        const origin = req.nameFromRun
            ? 'an earlier attempt of this run'
            : 'an earlier run or attempt with the same spec (job-name is fixed)';
        if (res.action === 'created')
            info(`created ${label} ${res.name}`);
        if (res.action === 'attached') {
            info(`re-attached to ${label} ${res.name} (${res.view?.status}): it was started by ${origin}; no new job is created`);
        }
        if (res.action === 'reused') {
            deps.saveState('finished', 'true');
            info(`reused ${label} ${res.name}: it already Completed in ${origin}; no new job is created`);
            return { ...base, view: res.view, detached: false, outcome: { ok: true }, watchedMs: 0, describes: 0 };
        }
        if (sig.received) {
            // The signal came while the job was being created: stop it now.
            await sig.stopped();
            await stopJob(api, res.name).catch((err) => warning(`could not stop ${res.name}: ${(0,errors/* errorMessage */.gJ)(err)}`));
            return {
                ...base,
                view: res.view,
                detached: false,
                outcome: cancelled(sig.received, label, res.name),
                watchedMs: 0,
                describes: 0,
            };
        }
        if (!req.wait) {
            deps.saveState('finished', 'true');
            info(`wait is false: leaving ${label} ${res.name} running (detached); follow it at ${base.consoleUrl}`);
            return { ...base, view: res.view, detached: true, outcome: { ok: true }, watchedMs: 0, describes: 0 };
        }
        const streamer = req.streamLogs
            ? new LogStreamer({
                client: await deps.logsClient(),
                logGroup: api.logGroup,
                prefix: `${res.name}/`,
                // Job log lines are untrusted: printed with workflow commands stopped.
                write: (line) => deps.log.untrustedLine(line),
                warn: warning,
            })
            : undefined;
        const started = clock.now();
        const waited = await waitForJob({
            api,
            name: res.name,
            streamer,
            timeoutMs: req.timeoutMs,
            signal: sig.signal,
            clock,
            sleep: deps.sleep ?? poller/* systemSleep */.Hk,
            // Status messages and FailureReasons come from AWS: untrusted.
            write: (line) => deps.log.untrustedLine(line),
            // The job was just created or described: the first look comes after the minimum delay.
            initialDelayMs: deps.minDelayMs ?? poller/* DEFAULT_MIN_DELAY_MS */.u7,
            ...(deps.minDelayMs !== undefined ? { minDelayMs: deps.minDelayMs } : {}),
            ...(deps.maxDelayMs !== undefined ? { maxDelayMs: deps.maxDelayMs } : {}),
            ...(deps.budgetIntervalMs !== undefined ? { budgetIntervalMs: deps.budgetIntervalMs } : {}),
        });
        const watched = { watchedMs: clock.now() - started, describes: waited.describes, detached: false };
        const lastLines = streamer?.lastLines(20) ?? [];
        if (waited.state === 'aborted') {
            const ok = await sig.stopped();
            if (ok)
                deps.saveState('finished', 'true');
            return {
                ...base,
                ...watched,
                view: waited.view,
                outcome: cancelled(sig.received ?? 'signal', label, res.name),
            };
        }
        if (waited.state === 'timeout') {
            const minutes = formatMinutes(req.timeoutMs ?? 0);
            info(`timeout-minutes (${minutes}) reached: stopping ${label} ${res.name}`);
            await stopJob(api, res.name);
            deps.saveState('finished', 'true');
            const tail = lastLines.length ? `\nLast lines of the job log:\n${lastLines.join('\n')}` : '';
            return {
                ...base,
                ...watched,
                view: waited.view,
                outcome: {
                    ok: false,
                    message: `${label} ${res.name} was stopped after ${minutes} minutes (timeout-minutes)${tail}`,
                },
            };
        }
        deps.saveState('finished', 'true');
        const view = waited.view;
        return { ...base, ...watched, view, outcome: outcomeOf(view, lastLines) };
    }
    finally {
        sig.dispose();
    }
}
function cancelled(signalName, label, name) {
    return {
        ok: false,
        cancelled: true,
        message: `cancelled (${signalName}): stop requested for ${label} ${name}`,
    };
}
function formatMinutes(ms) {
    const m = ms / 60_000;
    return Number.isInteger(m) ? String(m) : m.toFixed(2).replace(/0+$/, '');
}
/** Stop*, treating "already finished" as done. */
async function stopJob(api, name) {
    try {
        await api.stop(name);
    }
    catch (err) {
        if (!(0,jobs/* isNotStoppable */.Wf)(err))
            throw err;
    }
}
/** What the post step does with the state the main step saved (pure decision). */
function postDecision(state) {
    if (!state.jobName || state.finished === 'true')
        return 'nothing';
    return 'check';
}
/** The post step: stop the job if the main step died before it finished. Returns what was done. */
async function postStop(api, name, info) {
    const view = await api.describe(name);
    if (!view) {
        info(`post: ${kindLabel(api)} ${name} does not exist; nothing to stop`);
        return 'missing';
    }
    if ((0,jobs/* isTerminal */.Hd)(view.status) || view.status === 'Stopping') {
        info(`post: ${kindLabel(api)} ${name} is ${view.status}; nothing to stop`);
        return 'already-ended';
    }
    info(`post: the main step ended before ${kindLabel(api)} ${name} finished (${view.status}); stopping it so nothing keeps running`);
    await stopJob(api, name);
    info(`post: stop requested for ${name}`);
    return 'stopped';
}

// EXTERNAL MODULE: ./src/core/render.ts
var render = __webpack_require__(1595);
;// CONCATENATED MODULE: ./src/stages/train/report.ts

/** The train action's outputs for a result (pure). Values are strings, JSON where structured. */
function trainOutputs(r) {
    const v = r.view;
    // Artifacts exist only for a Completed job: a Failed/Stopped (or still running) job outputs
    // none, so no later step can pick up a model that was never written.
    const done = v?.status === 'Completed';
    return {
        'job-name': r.name,
        'job-arn': r.arn || v?.arn || '',
        status: v?.status ?? (r.detached ? 'InProgress' : ''),
        'model-artifact': done ? (v.modelArtifact ?? '') : '',
        metrics: JSON.stringify(v?.metrics ?? {}),
        outputs: JSON.stringify(done ? v.outputs : {}),
        'log-url': r.logUrl,
        // pipeline mode only
        'execution-arn': '',
        'step-statuses': '',
        'model-package-arn': '',
    };
}
function jobDurationMs(r) {
    const v = r.view;
    const start = v?.startTime ?? v?.creationTime;
    if (!start || !v?.endTime)
        return undefined;
    return v.endTime.getTime() - start.getTime();
}
/** The markdown job summary (pure). */
function trainSummary(r, stage) {
    const v = r.view;
    const kind = v?.kind ?? (r.consoleUrl.includes('processing-jobs') ? 'processing' : 'training');
    const origin = r.fromThisRun ? 'an earlier attempt of this run' : 'an earlier run with the same spec';
    const how = r.action === 'reused'
        ? `reused (Completed in ${origin}; no new job)`
        : r.action === 'attached'
            ? `re-attached (started by ${origin})`
            : 'created';
    const status = r.detached ? 'InProgress (detached: wait is false)' : (v?.status ?? 'unknown');
    const icon = r.outcome.ok ? (r.detached ? '⏳' : '✅') : '❌';
    const duration = jobDurationMs(r);
    const rows = [
        ['Job', `[${(0,render/* code */.aY)(r.name)}](${r.consoleUrl})`],
        [
            'Status',
            status + (v?.secondaryStatus && v.secondaryStatus !== v.status ? ` (${v.secondaryStatus})` : ''),
        ],
        ['Job was', how],
        ['Duration', duration !== undefined ? (0,render/* formatDuration */.a3)(duration) : undefined],
        ['Billable seconds', v?.billableSeconds],
        ['Instances', v?.instanceType ? `${v.instanceType} × ${v.instanceCount ?? 1}` : undefined],
        ['Model artifact', v?.status === 'Completed' && v.modelArtifact ? (0,render/* code */.aY)(v.modelArtifact) : undefined],
        ['Logs', `[CloudWatch Logs](${r.logUrl})`],
    ];
    if (r.replaced.length)
        rows.push(['Replaced attempts', r.replaced.map((x) => `${(0,render/* code */.aY)(x.name)} (${x.status})`).join(', ')]);
    const parts = [
        `### ${icon} train (${stage}): ${kind} job ${r.outcome.ok ? (r.detached ? 'started' : 'succeeded') : 'failed'}`,
        (0,render/* keyValueTable */.z2)(rows),
    ];
    const metrics = Object.entries(v?.metrics ?? {});
    if (metrics.length)
        parts.push('#### Final metrics', (0,render/* table */.tp)(['Metric', 'Value'], 
        // Metric names come from AWS (the job's MetricDefinitions): escaped.
        metrics.map(([k, x]) => [(0,render/* escapeMarkdown */.FV)(k), (0,render/* formatNumber */.ZV)(x)])));
    const outputs = v?.status === 'Completed' ? Object.entries(v.outputs) : [];
    if (outputs.length)
        parts.push('#### Outputs', (0,render/* table */.tp)(['Name', 'S3 URI'], outputs.map(([k, x]) => [(0,render/* escapeMarkdown */.FV)(k), (0,render/* code */.aY)(x)])));
    if (!r.outcome.ok)
        parts.push('#### Failure', (0,render/* fence */.EU)(r.outcome.message));
    return parts.join('\n\n') + '\n';
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/sagemaker/pipelines.ts



const STEP_DONE = new Set(['Succeeded', 'Failed', 'Stopped']);
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** JSON with sorted keys: two definitions are "the same" when this text is equal. */
function pipelines_canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(pipelines_canonicalJson).join(',')}]`;
    if (isObj(value))
        return `{${Object.keys(value)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${pipelines_canonicalJson(value[k])}`)
            .join(',')}}`;
    return JSON.stringify(value) ?? 'null';
}
const EXECUTION_DONE = new Set(['Succeeded', 'Failed', 'Stopped']);
const JOB_METADATA = [
    ['TrainingJob', 'training'],
    ['ProcessingJob', 'processing'],
    ['TransformJob', 'transform'],
];
/** Normalizes one ListPipelineExecutionSteps entry (pure). */
function stepView(s) {
    const v = { name: s.StepName ?? '?', status: s.StepStatus ?? 'Unknown' };
    if (s.StartTime)
        v.startTime = s.StartTime.getTime();
    if (s.EndTime)
        v.endTime = s.EndTime.getTime();
    if (s.FailureReason)
        v.failureReason = s.FailureReason;
    const md = s.Metadata ?? {};
    for (const [key, kind] of JOB_METADATA) {
        const arn = md[key]?.Arn;
        if (arn)
            v.job = { kind, arn, name: arn.split('/').pop() };
    }
    if (md.Model?.Arn)
        v.modelArn = md.Model.Arn;
    if (md.RegisterModel?.Arn)
        v.modelPackageArn = md.RegisterModel.Arn;
    if (md.Condition?.Outcome)
        v.conditionOutcome = md.Condition.Outcome;
    if (md.Fail?.ErrorMessage && !v.failureReason)
        v.failureReason = md.Fail.ErrorMessage;
    if (s.CacheHitResult?.SourcePipelineExecutionArn)
        v.cachedFrom = s.CacheHitResult.SourcePipelineExecutionArn;
    return v;
}
function executionView(d) {
    const v = {
        arn: d.PipelineExecutionArn ?? '',
        status: d.PipelineExecutionStatus ?? 'Unknown',
    };
    if (d.FailureReason)
        v.failureReason = d.FailureReason;
    if (d.PipelineExecutionDisplayName)
        v.displayName = d.PipelineExecutionDisplayName;
    if (d.CreationTime)
        v.creationTime = d.CreationTime.getTime();
    if (d.LastModifiedTime)
        v.lastModifiedTime = d.LastModifiedTime.getTime();
    return v;
}
const isMissing = (err) => (0,errors/* awsErrorName */.ZH)(err) === 'ResourceNotFound' ||
    ((0,errors/* awsErrorName */.ZH)(err) === 'ValidationException' && /does not exist|not found/i.test(err.message));
function pipelineApi(sm) {
    return {
        async upsert({ name, definitionJson, roleArn, description }) {
            const sdk = await loadSageMakerSdk();
            let current;
            try {
                current = (await sm.send(new sdk.DescribePipelineCommand({ PipelineName: name }))).PipelineDefinition;
            }
            catch (err) {
                if (!isMissing(err))
                    throw err;
                await sm.send(new sdk.CreatePipelineCommand({
                    PipelineName: name,
                    PipelineDefinition: definitionJson,
                    RoleArn: roleArn,
                    ...(description ? { PipelineDescription: description } : {}),
                }));
                return 'created';
            }
            if (current !== undefined &&
                pipelines_canonicalJson(JSON.parse(current)) === pipelines_canonicalJson(JSON.parse(definitionJson)))
                return 'unchanged';
            await sm.send(new sdk.UpdatePipelineCommand({
                PipelineName: name,
                PipelineDefinition: definitionJson,
                RoleArn: roleArn,
            }));
            return 'updated';
        },
        async start({ name, token, parameters, displayName }) {
            const { StartPipelineExecutionCommand } = await loadSageMakerSdk();
            const res = await sm.send(new StartPipelineExecutionCommand({
                PipelineName: name,
                ClientRequestToken: token,
                ...(parameters.length ? { PipelineParameters: parameters } : {}),
                ...(displayName ? { PipelineExecutionDisplayName: displayName } : {}),
            }));
            if (!res.PipelineExecutionArn)
                throw new Error('StartPipelineExecution returned no PipelineExecutionArn');
            return res.PipelineExecutionArn;
        },
        async describe(arn) {
            const { DescribePipelineExecutionCommand } = await loadSageMakerSdk();
            return executionView(await sm.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn })));
        },
        async steps(arn) {
            const { ListPipelineExecutionStepsCommand } = await loadSageMakerSdk();
            return (0,paging/* collectAll */._U)(async (NextToken) => {
                const res = await sm.send(new ListPipelineExecutionStepsCommand({
                    PipelineExecutionArn: arn,
                    SortOrder: 'Ascending',
                    MaxResults: 100,
                    NextToken,
                }));
                return { items: (res.PipelineExecutionSteps ?? []).map(stepView), next: res.NextToken };
            });
        },
        async stop(arn, token) {
            const { StopPipelineExecutionCommand } = await loadSageMakerSdk();
            await sm.send(new StopPipelineExecutionCommand({ PipelineExecutionArn: arn, ClientRequestToken: token }));
        },
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/stages/train/pipeline/definition.ts
/**
 * What the train action needs to know about a pipeline definition file (JSON, or YAML of the same
 * structure): its text as the service stores it, its declared parameters, and its step graph for
 * the summary. Pure; reading the file is the caller's. The emulator validates definitions on its
 * own (local/pipelines): this reader is deliberately small and independent of it.
 */


const TYPES = ['String', 'Integer', 'Float', 'Boolean'];
const definition_isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Step names a value references through `Get: Steps.<name>...` (also inside Join/JsonGet). */
function referencedSteps(value, out) {
    if (Array.isArray(value))
        value.forEach((v) => referencedSteps(v, out));
    else if (definition_isObj(value)) {
        const get = value['Get'];
        if (typeof get === 'string') {
            const m = /^Steps\.([A-Za-z0-9_-]+)/.exec(get);
            if (m)
                out.add(m[1]);
        }
        for (const v of Object.values(value))
            referencedSteps(v, out);
    }
    return out;
}
function walkSteps(list, where, nodes, edges, parent) {
    if (!Array.isArray(list))
        throw new Error(`${where} must be a list of steps`);
    list.forEach((raw, i) => {
        if (!definition_isObj(raw) || typeof raw['Name'] !== 'string' || typeof raw['Type'] !== 'string')
            throw new Error(`${where}[${i}] must be a step with a Name and a Type`);
        const name = raw['Name'];
        const type = raw['Type'];
        const node = { name, type };
        if (typeof raw['DisplayName'] === 'string')
            node.displayName = raw['DisplayName'];
        nodes.push(node);
        if (parent)
            edges.push({ from: parent.name, to: name, label: parent.label });
        const deps = new Set(Array.isArray(raw['DependsOn']) ? raw['DependsOn'].map(String) : []);
        const args = definition_isObj(raw['Arguments']) ? raw['Arguments'] : {};
        referencedSteps(type === 'Condition' ? args['Conditions'] : args, deps);
        for (const d of deps)
            if (d !== name && d !== parent?.name)
                edges.push({ from: d, to: name });
        if (type === 'Condition') {
            if (args['IfSteps'] !== undefined)
                walkSteps(args['IfSteps'], `step '${name}' IfSteps`, nodes, edges, { name, label: 'true' });
            if (args['ElseSteps'] !== undefined)
                walkSteps(args['ElseSteps'], `step '${name}' ElseSteps`, nodes, edges, { name, label: 'false' });
        }
    });
}
function parseParameters(raw) {
    if (raw === undefined)
        return [];
    if (!Array.isArray(raw))
        throw new Error('Parameters must be a list');
    return raw.map((p, i) => {
        if (!definition_isObj(p) || typeof p['Name'] !== 'string')
            throw new Error(`Parameters[${i}] must have a Name`);
        const type = (p['Type'] ?? 'String');
        if (!TYPES.includes(type))
            throw new Error(`parameter '${p['Name']}' has Type ${JSON.stringify(p['Type'])}, not one of ${TYPES.join(', ')}`);
        const d = p['DefaultValue'];
        const out = { name: p['Name'], type };
        if (typeof d === 'string' || typeof d === 'number' || typeof d === 'boolean')
            out.default = d;
        return out;
    });
}
/**
 * Reads a definition file's text. `.yaml`/`.yml` files are YAML, anything else JSON. Throws a
 * ConfigurationError naming the input and the file for text that is not a definition.
 */
function readPipelineDefinition(text, file, input) {
    const yaml = /\.ya?ml$/i.test(file);
    let doc;
    try {
        doc = yaml ? (0,dist/* parse */.qg)(text) : JSON.parse(text);
    }
    catch (err) {
        throw new errors/* ConfigurationError */.j1(`input '${input}': ${file} is not valid ${yaml ? 'YAML' : 'JSON'} (${err.message}); fix the file, or write the definition with the SageMaker Python SDK (pipeline.definition())`);
    }
    try {
        if (!definition_isObj(doc))
            throw new Error('the top level must be an object with Version, Parameters and Steps');
        const nodes = [];
        const edges = [];
        if (!Array.isArray(doc['Steps']) || doc['Steps'].length === 0)
            throw new Error('Steps must be a non-empty list');
        walkSteps(doc['Steps'], 'Steps', nodes, edges);
        const names = new Set();
        for (const n of nodes) {
            if (names.has(n.name))
                throw new Error(`step name '${n.name}' is used twice`);
            names.add(n.name);
        }
        const unknown = edges.find((e) => !names.has(e.from));
        if (unknown)
            throw new Error(`step '${unknown.to}' depends on '${unknown.from}', which is not a step of the pipeline`);
        return { json: JSON.stringify(doc), parameters: parseParameters(doc['Parameters']), nodes, edges };
    }
    catch (err) {
        throw new errors/* ConfigurationError */.j1(`input '${input}': ${file} is not a pipeline definition: ${err.message}`);
    }
}

;// CONCATENATED MODULE: ./src/stages/train/pipeline/parameters.ts
/**
 * pipeline-parameters checked against the parameters a definition declares, before anything is
 * created or started: unknown names, values of the wrong type, and required parameters (no
 * DefaultValue) that were not given are ConfigurationErrors naming the parameter and the fix.
 */


/** A value from the input map (YAML may give numbers and booleans) as the text the API takes. */
function asText(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' && Number.isFinite(value))
        return String(value);
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    return undefined;
}
function typeProblem(type, text) {
    switch (type) {
        case 'Integer':
            return /^[-+]?\d+$/.test(text.trim()) ? undefined : 'a whole number';
        case 'Float':
            return text.trim() !== '' && Number.isFinite(Number(text)) ? undefined : 'a number';
        case 'Boolean':
            return text === 'true' || text === 'false' ? undefined : 'true or false';
        default:
            return text.length <= 1024 ? undefined : 'at most 1024 characters';
    }
}
function checkPipelineParameters(given, declared, input) {
    const problems = [];
    const out = [];
    const names = declared.map((d) => d.name);
    for (const [name, raw] of Object.entries(given)) {
        const decl = declared.find((d) => d.name === name);
        if (!decl) {
            problems.push(`'${name}' is not a parameter of the pipeline (it declares: ${names.length ? names.join(', ') : 'none'})`);
            continue;
        }
        const text = asText(raw);
        const problem = text === undefined ? 'a single value' : typeProblem(decl.type, text);
        if (problem || text === undefined) {
            problems.push(`'${name}' is ${decl.type}: ${(0,core_inputs/* show */.WU)(raw)} is not ${problem}`);
            continue;
        }
        out.push({ Name: name, Value: text });
    }
    for (const d of declared)
        if (d.default === undefined && !(d.name in given))
            problems.push(`'${d.name}' has no default value in the definition: give it a value`);
    if (problems.length)
        throw new errors/* ConfigurationError */.j1(`input '${input}': ${problems.join('; ')}`);
    return out;
}

;// CONCATENATED MODULE: ./src/stages/train/pipeline/steps.ts


/** A step's duration so far (running steps: until `now`), or undefined before it started. */
function stepDuration(step, now) {
    if (step.startTime === undefined)
        return undefined;
    return (step.endTime ?? now) - step.startTime;
}

;// CONCATENATED MODULE: ./src/stages/train/pipeline/mermaid.ts

const CLASSES = {
    succeeded: 'fill:#dcfce7,stroke:#16a34a,color:#14532d',
    failed: 'fill:#fee2e2,stroke:#dc2626,color:#7f1d1d',
    running: 'fill:#dbeafe,stroke:#2563eb,color:#1e3a8a',
    stopped: 'fill:#f3f4f6,stroke:#6b7280,color:#111827',
    notrun: 'fill:#ffffff,stroke:#9ca3af,color:#6b7280,stroke-dasharray:4 3',
};
/** Text inside a Mermaid `["..."]` label: entity codes for everything that could break out. */
function mermaidText(text) {
    return text
        .replace(/[&"<>#`\\|[\]{}()]/g, (c) => `#${c.charCodeAt(0)};`)
        .replace(/[\r\n\u2028\u2029]+/g, ' ');
}
function statusClass(status) {
    switch (status) {
        case 'Succeeded':
            return 'succeeded';
        case 'Failed':
            return 'failed';
        case 'Stopped':
        case 'Stopping':
            return 'stopped';
        case 'Starting':
        case 'Executing':
            return 'running';
        default:
            return 'notrun';
    }
}
function mermaidDag(nodes, edges, steps, now) {
    const byName = new Map(steps.map((s) => [s.name, s]));
    const id = new Map(nodes.map((n, i) => [n.name, `s${i}`]));
    const lines = ['flowchart TD'];
    for (const n of nodes) {
        const s = byName.get(n.name);
        const d = s && stepDuration(s, now);
        const detail = s
            ? `${s.status}${d === undefined ? '' : ` · ${(0,render/* formatDuration */.a3)(d)}`}${s.cachedFrom ? ' · cached' : ''}`
            : 'not run';
        const label = `${mermaidText(n.displayName ?? n.name)}<br/><small>${mermaidText(n.type)} · ${mermaidText(detail)}</small>`;
        lines.push(`  ${id.get(n.name)}["${label}"]:::${statusClass(s?.status)}`);
    }
    for (const e of edges) {
        const from = id.get(e.from);
        const to = id.get(e.to);
        if (!from || !to)
            continue;
        lines.push(e.label ? `  ${from} -- ${e.label} --> ${to}` : `  ${from} --> ${to}`);
    }
    for (const [name, style] of Object.entries(CLASSES))
        lines.push(`  classDef ${name} ${style}`);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/stages/train/pipeline/progress.ts
/**
 * Step-status changes as log lines: one line when a step starts, one when it ends (with its
 * duration, a cache hit, a condition's outcome), and the failure reason of a failed step as
 * untrusted text (printed with workflow commands stopped by the caller). Pure.
 */

const ICON = { Succeeded: '✔', Failed: '✖', Stopped: '■' };
/**
 * Lines for every step whose status differs from `seen` (name -> last reported status), in the
 * order the steps started; updates `seen`.
 */
function progressLines(seen, steps, now) {
    const out = [];
    const ordered = [...steps].sort((a, b) => (a.startTime ?? Infinity) - (b.startTime ?? Infinity));
    for (const s of ordered) {
        if (seen.get(s.name) === s.status)
            continue;
        seen.set(s.name, s.status);
        const job = s.job ? ` (${s.job.kind} job ${s.job.name})` : '';
        if (!STEP_DONE.has(s.status)) {
            out.push({ text: `▶ ${s.name}: ${s.status}${job}` });
            continue;
        }
        const d = stepDuration(s, now);
        const took = d === undefined ? '' : ` in ${(0,render/* formatDuration */.a3)(d)}`;
        const extra = s.cachedFrom
            ? ` (cache hit: reused execution ${s.cachedFrom.split('/').pop()})`
            : s.conditionOutcome
                ? ` (condition ${s.conditionOutcome})`
                : '';
        const line = { text: `${ICON[s.status]} ${s.name}: ${s.status}${took}${extra}${job}` };
        if (s.status === 'Failed' && s.failureReason)
            line.untrusted = s.failureReason;
        out.push(line);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/stages/train/pipeline/run.ts






const LOG_GROUPS = {
    training: '/aws/sagemaker/TrainingJobs',
    processing: '/aws/sagemaker/ProcessingJobs',
    transform: '/aws/sagemaker/TransformJobs',
};
/** State keys the post step reads. */
const PIPELINE_STATE = {
    arn: 'pipeline-execution-arn',
    token: 'pipeline-stop-token',
    finished: 'finished',
};
/** The failure message for a finished execution (pure): which steps failed and why. */
function pipelineOutcome(execution, steps) {
    const id = execution.arn.split('/').pop();
    if (execution.status === 'Succeeded')
        return { ok: true };
    const failed = steps.filter((s) => s.status === 'Failed');
    const detail = failed.length
        ? failed.map((s) => `step ${s.name} failed: ${s.failureReason ?? 'no FailureReason given'}`).join('; ')
        : (execution.failureReason ?? 'no FailureReason given');
    if (execution.status === 'Failed')
        return { ok: false, message: `pipeline execution ${id} Failed: ${detail}` };
    if (execution.status === 'Stopped')
        return { ok: false, message: `pipeline execution ${id} was stopped before it finished (status Stopped)` };
    return { ok: false, message: `pipeline execution ${id} ended in unexpected status ${execution.status}` };
}
/** The RegisterModel step's package and the training step's artifact, for the outputs. */
async function artifacts(steps, deps) {
    const out = {};
    const registered = steps.filter((s) => s.status === 'Succeeded' && s.modelPackageArn);
    if (registered.length)
        out.modelPackageArn = registered[registered.length - 1].modelPackageArn;
    // The last training step that succeeded (cached ones included: they point at the earlier job).
    const trained = steps.filter((s) => s.status === 'Succeeded' && s.job?.kind === 'training');
    const last = trained[trained.length - 1];
    if (last?.job) {
        try {
            const uri = await deps.modelArtifact(last.job.name);
            if (uri)
                out.modelArtifact = uri;
        }
        catch (err) {
            deps.log.warning(`could not read the model artifact of ${last.job.name}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
    return out;
}
/** Log streamers of the steps whose jobs are running, keyed by job ARN. */
class StepLogs {
    deps;
    streamers = new Map();
    constructor(deps) {
        this.deps = deps;
    }
    async update(steps) {
        for (const s of steps) {
            if (!s.job || this.streamers.has(s.job.arn) || STEP_DONE.has(s.status) || s.cachedFrom)
                continue;
            const client = await this.deps.logsClient();
            const step = s.name;
            this.streamers.set(s.job.arn, {
                step,
                streamer: new LogStreamer({
                    client,
                    logGroup: LOG_GROUPS[s.job.kind],
                    prefix: `${s.job.name}/`,
                    write: (line) => this.deps.log.untrustedLine(`[${step}] ${line}`),
                    warn: (m) => this.deps.log.warning(`${step}: ${m}`),
                }),
            });
        }
        for (const [arn, { streamer }] of this.streamers) {
            const step = steps.find((s) => s.job?.arn === arn);
            if (step && STEP_DONE.has(step.status)) {
                await streamer.drain();
                this.streamers.delete(arn);
            }
            else
                await streamer.poll();
        }
    }
    async drainAll() {
        for (const { streamer } of this.streamers.values())
            await streamer.drain();
        this.streamers.clear();
    }
}
async function runPipeline(req, deps) {
    const clock = deps.clock ?? poller/* systemClock */.ml;
    const sleep = deps.sleep ?? poller/* systemSleep */.Hk;
    const startedAt = clock.now();
    const upsert = await deps.api.upsert({
        name: req.pipelineName,
        definitionJson: req.definition.json,
        roleArn: req.roleArn,
    });
    deps.log.info(upsert === 'unchanged'
        ? `pipeline ${req.pipelineName}: definition unchanged (no update)`
        : `pipeline ${req.pipelineName}: ${upsert} from the definition file`);
    let arn;
    const stopper = (0,signals/* stopOnSignal */.O)({
        source: deps.signals,
        what: () => (arn ? `pipeline execution ${arn}` : undefined),
        stop: () => deps.api.stop(arn, req.token),
        log: (line) => deps.log.info(line),
        ...(deps.stopDelay ? { delay: deps.stopDelay } : {}),
    });
    try {
        arn = await deps.api.start({ name: req.pipelineName, token: req.token, parameters: req.parameters });
        deps.saveState(PIPELINE_STATE.arn, arn);
        deps.saveState(PIPELINE_STATE.token, req.token);
        deps.saveState(PIPELINE_STATE.finished, 'false');
        let execution = await deps.api.describe(arn);
        const attached = execution.creationTime !== undefined && execution.creationTime < startedAt;
        deps.log.info(`pipeline execution ${arn}: ${attached ? `attached to the execution this run started earlier (${execution.status})` : 'started'}` +
            (req.parameters.length
                ? ` with ${req.parameters.map((p) => `${p.Name}=${p.Value}`).join(', ')}`
                : ''));
        const base = { pipelineName: req.pipelineName, upsert, startedAt };
        if (!req.wait) {
            deps.saveState(PIPELINE_STATE.finished, 'detached');
            const steps = await deps.api.steps(arn);
            return { ...base, execution, steps, detached: true, endedAt: clock.now(), outcome: { ok: true } };
        }
        const seen = new Map();
        const logs = req.streamLogs ? new StepLogs(deps) : undefined;
        let steps = [];
        let delay = deps.minDelayMs ?? 2_000;
        let timedOut = false;
        for (;;) {
            steps = await deps.api.steps(arn);
            for (const line of progressLines(seen, steps, clock.now())) {
                deps.log.info(line.text);
                if (line.untrusted)
                    deps.log.untrusted(line.untrusted);
            }
            await logs?.update(steps);
            execution = await deps.api.describe(arn);
            if (EXECUTION_DONE.has(execution.status) || stopper.signal.aborted)
                break;
            if (req.timeoutMs !== undefined && clock.now() - startedAt > req.timeoutMs) {
                timedOut = true;
                deps.log.info(`timeout-minutes reached: stopping pipeline execution ${arn}`);
                await deps.api.stop(arn, req.token);
                break;
            }
            await sleep(delay, stopper.signal);
            delay = Math.min(deps.maxDelayMs ?? 15_000, Math.round(delay * 1.5));
        }
        if (stopper.signal.aborted) {
            await stopper.stopped();
            steps = await deps.api.steps(arn).catch(() => steps);
            return {
                ...base,
                execution,
                steps,
                detached: false,
                endedAt: clock.now(),
                outcome: {
                    ok: false,
                    cancelled: true,
                    message: `cancelled (${stopper.received}): StopPipelineExecution requested for ${arn}`,
                },
            };
        }
        if (timedOut) {
            // Follow the stop to its end: nothing may be left running.
            for (let i = 0; i < 120 && !EXECUTION_DONE.has(execution.status); i++) {
                await sleep(deps.minDelayMs ?? 2_000);
                execution = await deps.api.describe(arn);
            }
        }
        await logs?.drainAll();
        steps = await deps.api.steps(arn);
        for (const line of progressLines(seen, steps, clock.now())) {
            deps.log.info(line.text);
            if (line.untrusted)
                deps.log.untrusted(line.untrusted);
        }
        if (EXECUTION_DONE.has(execution.status))
            deps.saveState(PIPELINE_STATE.finished, 'true');
        const outcome = timedOut
            ? {
                ok: false,
                message: `pipeline execution ${arn.split('/').pop()} did not finish within timeout-minutes; it was stopped (status ${execution.status})`,
            }
            : pipelineOutcome(execution, steps);
        return {
            ...base,
            execution,
            steps,
            detached: false,
            endedAt: clock.now(),
            ...(await artifacts(steps, deps)),
            outcome,
        };
    }
    finally {
        stopper.dispose();
    }
}
/** The post step: stop an execution the main step left running (cancelled, crashed). */
async function stopLeftRunning(state, api, info) {
    if (!state.arn || state.finished === 'true' || state.finished === 'detached') {
        info(state.arn
            ? `post: pipeline execution ${state.arn} finished or was detached; nothing to do`
            : 'post: no pipeline execution was started; nothing to do');
        return;
    }
    const current = await api.describe(state.arn);
    if (EXECUTION_DONE.has(current.status) || current.status === 'Stopping') {
        info(`post: pipeline execution ${state.arn} is ${current.status}; nothing to stop`);
        return;
    }
    await api.stop(state.arn, state.token);
    info(`post: StopPipelineExecution requested for ${state.arn} (it was ${current.status})`);
}

;// CONCATENATED MODULE: ./src/stages/train/pipeline/report.ts
/**
 * Outputs and job summary of `mode: pipeline` (pure): the DAG as a Mermaid graph coloured by
 * status, a table of steps (status, duration, links to the job and its logs), and each failed
 * step's reason in a fenced block (untrusted text never lands in Markdown unfenced).
 */





function pipelineOutputs(r) {
    return {
        // job modes only
        'job-name': '',
        'job-arn': '',
        metrics: '',
        outputs: '',
        'log-url': '',
        'execution-arn': r.execution.arn,
        status: r.execution.status,
        'step-statuses': JSON.stringify(Object.fromEntries(r.steps.map((s) => [s.name, s.status]))),
        'model-package-arn': r.modelPackageArn ?? '',
        'model-artifact': r.modelArtifact ?? '',
    };
}
const CONSOLE_PATH = {
    training: 'jobs',
    processing: 'processing-jobs',
    transform: 'transform-jobs',
};
const report_ICON = {
    Succeeded: '✅',
    Failed: '❌',
    Stopped: '⏹️',
    Executing: '⏳',
    Stopping: '⏳',
};
function stepLinks(s, region) {
    if (!s.job)
        return s.modelPackageArn
            ? (0,render/* code */.aY)(s.modelPackageArn)
            : s.conditionOutcome
                ? `outcome ${s.conditionOutcome}`
                : '';
    const job = `https://${region}.console.aws.amazon.com/sagemaker/home?region=${region}#/${CONSOLE_PATH[s.job.kind]}/${encodeURIComponent(s.job.name)}`;
    const logs = logConsoleUrl(region, LOG_GROUPS[s.job.kind], s.job.name);
    return `[${s.job.kind} job](${job}) · [logs](${logs})${s.cachedFrom ? ` · cached from ${(0,render/* code */.aY)(s.cachedFrom.split('/').pop() ?? '')}` : ''}`;
}
function pipelineSummary(r, def, region, stage) {
    const status = r.detached ? `${r.execution.status} (detached: wait is false)` : r.execution.status;
    const icon = r.outcome.ok ? (r.detached ? '⏳' : '✅') : '❌';
    const end = r.execution.lastModifiedTime ?? r.endedAt;
    const parts = [
        `### ${icon} train (${stage}): pipeline ${(0,render/* code */.aY)(r.pipelineName)} ${r.outcome.ok ? (r.detached ? 'started' : 'succeeded') : 'failed'}`,
        (0,render/* keyValueTable */.z2)([
            ['Pipeline', `${(0,render/* code */.aY)(r.pipelineName)} (definition ${r.upsert})`],
            ['Execution', (0,render/* code */.aY)(r.execution.arn)],
            ['Status', status],
            ['Duration', r.execution.creationTime ? (0,render/* formatDuration */.a3)(end - r.execution.creationTime) : undefined],
            ['Model package', r.modelPackageArn ? (0,render/* code */.aY)(r.modelPackageArn) : undefined],
            ['Model artifact', r.modelArtifact ? (0,render/* code */.aY)(r.modelArtifact) : undefined],
        ]),
        '```mermaid\n' + mermaidDag(def.nodes, def.edges, r.steps, r.endedAt) + '\n```',
    ];
    if (r.steps.length)
        parts.push((0,render/* table */.tp)(['Step', 'Status', 'Duration', 'Details'], r.steps.map((s) => {
            const d = stepDuration(s, r.endedAt);
            return [
                s.name,
                `${report_ICON[s.status] ?? ''} ${s.status}`.trim(),
                d === undefined ? '' : (0,render/* formatDuration */.a3)(d),
                stepLinks(s, region),
            ];
        })));
    const failed = r.steps.filter((s) => s.status === 'Failed' && s.failureReason);
    if (failed.length) {
        parts.push('#### Failure reasons');
        for (const s of failed)
            parts.push(`**${s.name}**`, (0,render/* fence */.EU)(s.failureReason));
    }
    else if (!r.outcome.ok)
        parts.push('#### Failure', (0,render/* fence */.EU)(r.outcome.message));
    return parts.join('\n\n') + '\n';
}

;// CONCATENATED MODULE: ./src/stages/train/pipeline/settings.ts
/**
 * The inputs of `mode: pipeline`, typed and checked before any AWS call. Inputs of the job modes
 * (image, hyperparameters, ...) do not apply and are refused, so a config section cannot mix them.
 */



const PIPELINE_INPUTS = {
    name: 'pipeline-name',
    definition: 'pipeline-definition',
    parameters: 'pipeline-parameters',
};
/** Inputs of the job modes, refused in pipeline mode. */
const JOB_ONLY_INPUTS = [
    'image',
    'instance-type',
    'instance-count',
    'volume-size-gb',
    'max-runtime-minutes',
    'environment',
    'tags',
    'hyperparameters',
    'inputs',
    'content-type',
    'output-path',
    'metric-definitions',
    'entrypoint',
    'arguments',
    'processing-inputs',
    'processing-outputs',
    'job-name',
    'reuse',
];
const PIPELINE_NAME_RE = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$/;
function parsePipelineSettings(inputs, env = process.env) {
    inputs.rejectForMode(JOB_ONLY_INPUTS, 'pipeline');
    const pipelineName = inputs.required(PIPELINE_INPUTS.name, "mode 'pipeline' needs it (the SageMaker pipeline to create or update, then run)");
    if (!PIPELINE_NAME_RE.test(pipelineName))
        throw new errors/* ConfigurationError */.j1(`input '${PIPELINE_INPUTS.name}': ${(0,core_inputs/* show */.WU)(pipelineName)} is not a pipeline name (1-256 letters, digits and hyphens, starting and ending with a letter or digit)`);
    const definitionFile = inputs.required(PIPELINE_INPUTS.definition, "mode 'pipeline' needs it (a JSON or YAML pipeline definition file in the repository, e.g. the SageMaker Python SDK's pipeline.definition())");
    const roleArn = (0,core_inputs/* parseRoleArn */.DM)('role-arn', inputs.required('role-arn', "mode 'pipeline' needs it (the role SageMaker Pipelines runs the pipeline with)"));
    const timeoutText = inputs.optional('timeout-minutes');
    return {
        pipelineName,
        definitionFile,
        parameters: inputs.map(PIPELINE_INPUTS.parameters),
        roleArn,
        wait: inputs.boolean('wait', true),
        timeoutMs: timeoutText === undefined
            ? undefined
            : (0,core_inputs/* parseNumber */.$J)('timeout-minutes', timeoutText, { min: 0.01 }) * 60_000,
        streamLogs: inputs.boolean('stream-logs', true),
        region: (0,aws_clients/* resolveRegion */.Zv)(inputs.optional('region'), env),
        forceFail: inputs.boolean('force-fail', false),
    };
}

;// CONCATENATED MODULE: ./src/stages/train/pipeline/token.ts
/**
 * The ClientRequestToken of a pipeline execution started by the train action: derived from what
 * identifies the step in its run (repository, workflow, job, run id, step, pipeline), not from the
 * run attempt, so a re-run of the same run attaches to the execution the first attempt started
 * (StartPipelineExecution is idempotent on the token) instead of starting another. Pure.
 */

function executionToken(run, pipelineName, random = external_node_crypto_.randomUUID) {
    // Outside GitHub Actions there is no run to attach to: every call is a new execution.
    if (!run.runId)
        return `local-${random()}`.slice(0, 128);
    const hash = (0,external_node_crypto_.createHash)('sha256')
        .update([run.repository ?? '', run.workflow ?? '', run.job ?? '', run.runId, run.step ?? '', pipelineName].join('\u0000'))
        .digest('hex');
    return `gh-${run.runId.replace(/[^A-Za-z0-9]/g, '')}-${hash}`.slice(0, 128);
}

;// CONCATENATED MODULE: ./src/actions/train.ts


















async function apiFor(kind, region) {
    // The AWS SDK is loaded here, only once the inputs are known to be valid.
    const clients = (0,aws_clients/* createAwsClients */.Gv)({ region });
    const sm = await clients.sagemaker();
    return { api: kind === 'training' ? trainingJobApi(sm) : processingJobApi(sm), clients };
}
/** The definition file of pipeline mode, read from the workspace (the step's working directory). */
function readDefinitionFile(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (err) {
        throw new errors/* ConfigurationError */.j1(`input '${PIPELINE_INPUTS.definition}': cannot read ${file} (${(0,errors/* errorMessage */.gJ)(err)}); give a path relative to the repository root`);
    }
}
/** mode: pipeline: create/update the pipeline, run it, report it (see src/stages/train/pipeline). */
async function trainPipeline(ctx, inputs, stage, overrides) {
    const settings = parsePipelineSettings(inputs, ctx.env);
    const definition = readPipelineDefinition(readDefinitionFile(settings.definitionFile), settings.definitionFile, PIPELINE_INPUTS.definition);
    const parameters = checkPipelineParameters(settings.parameters, definition.parameters, PIPELINE_INPUTS.parameters);
    const pollInterval = (0,poller/* pollIntervalFromEnv */.cz)(ctx.env);
    ctx.failIfForced(settings.forceFail);
    if (!ctx.run.runId)
        ctx.log.info('GITHUB_RUN_ID is not set (not running in GitHub Actions): every run starts a new pipeline execution');
    const clients = (0,aws_clients/* createAwsClients */.Gv)({ region: settings.region });
    const sm = await clients.sagemaker();
    const training = trainingJobApi(sm);
    const result = await runPipeline({ ...settings, definition, parameters, token: executionToken(ctx.run, settings.pipelineName) }, {
        api: pipelineApi(sm),
        logsClient: () => clients.logs(),
        modelArtifact: async (name) => (await training.describe(name))?.modelArtifact,
        log: ctx.log,
        saveState: (name, value) => ctx.saveState(name, value),
        signals: ctx.signals,
        ...(pollInterval ? { minDelayMs: pollInterval, maxDelayMs: pollInterval } : {}),
        ...(overrides.clock ? { clock: overrides.clock } : {}),
        ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
        ...(overrides.stopDelay ? { stopDelay: overrides.stopDelay } : {}),
    });
    const outputs = pipelineOutputs(result);
    for (const name of TRAIN_NAMES.outputs)
        ctx.setOutput(name, outputs[name]);
    await ctx.writeSummary(pipelineSummary(result, definition, settings.region, stage));
    if (!result.outcome.ok) {
        if (result.outcome.cancelled)
            throw new errors/* CancelledFailure */.mj(result.outcome.message);
        throw new errors/* StageFailure */.BG(result.outcome.message);
    }
    ctx.log.info(`pipeline ${settings.pipelineName}: execution ${result.execution.status}`);
}
async function train(ctx, overrides) {
    const inputs = await ctx.inputs();
    const configInput = inputs.optional('config') ?? '';
    const section = configInput ? (0,config/* parseConfigRef */.dH)(configInput, 'train').section : undefined;
    if (inputs.choice('mode', MODES, 'training-job') === 'pipeline')
        return trainPipeline(ctx, inputs, section && section !== 'train' ? section : 'pipeline', overrides);
    const settings = parseTrainSettings(inputs, {
        run: ctx.run,
        configSection: section && section !== 'train' ? section : undefined,
        env: ctx.env,
    });
    // environment values may be secrets: masked before anything else is logged.
    // The runner masks line by line, so a multi-line value is also masked one line at a time.
    for (const value of Object.values(settings.spec.environment)) {
        if (value === '')
            continue;
        ctx.setSecret(value);
        const lines = value.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
        if (lines.length > 1)
            for (const line of lines)
                ctx.setSecret(line);
    }
    const pollInterval = (0,poller/* pollIntervalFromEnv */.cz)(ctx.env);
    ctx.failIfForced(settings.forceFail);
    const { log } = ctx;
    log.info(`${settings.mode}: job name ${settings.jobName}${settings.jobNameSource === 'default' ? ' (derived from the run: repository, workflow, job, run id, step, stage)' : ''}`);
    if (settings.jobNameSource === 'default' && !ctx.run.runId) {
        log.info('GITHUB_RUN_ID is not set (not running in GitHub Actions): the default job name is the same on every run, so a Completed job of that name is reused; set job-name or reuse: false for a fresh job');
    }
    const envKeys = Object.keys(settings.spec.environment);
    if (envKeys.length)
        log.info(`environment variables (values not shown): ${envKeys.join(', ')}`);
    const { api, clients } = await apiFor(settings.spec.kind, settings.region);
    const result = await runTrainJob({
        spec: settings.spec,
        baseName: settings.jobName,
        reuse: settings.reuse,
        wait: settings.wait,
        timeoutMs: settings.timeoutMs,
        streamLogs: settings.streamLogs,
        region: settings.region,
        nameFromRun: settings.jobNameSource === 'default' && Boolean(ctx.run.runId),
    }, {
        api,
        logsClient: () => clients.logs(),
        log,
        saveState: (name, value) => ctx.saveState(name, value),
        signals: ctx.signals,
        ...(pollInterval ? (0,poller/* fixedSchedule */.IP)(pollInterval) : {}),
        ...(overrides.clock ? { clock: overrides.clock } : {}),
        ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
        ...(overrides.stopDelay ? { stopDelay: overrides.stopDelay } : {}),
    });
    const outputs = trainOutputs(result);
    for (const name of TRAIN_NAMES.outputs)
        ctx.setOutput(name, outputs[name]);
    await ctx.writeSummary(trainSummary(result, settings.stage));
    if (!result.outcome.ok) {
        if (result.outcome.cancelled)
            throw new errors/* CancelledFailure */.mj(result.outcome.message);
        throw new errors/* StageFailure */.BG(result.outcome.message);
    }
    const status = result.detached
        ? 'started (detached)'
        : result.action === 'reused'
            ? 'reused (Completed earlier)'
            : 'Completed';
    log.info(`${settings.mode} ${result.name}: ${status}`);
}
async function run(overrides = {}) {
    await (0,context/* runAction */.Cs)(TRAIN_NAMES, (ctx) => train(ctx, overrides), {
        ...(overrides.signals ? { signals: overrides.signals } : {}),
        ...(overrides.exit ? { exit: overrides.exit } : {}),
    });
}
/** The post step: stops the job when the main step died before it finished (cancel, crash). */
async function runPost() {
    await (0,context/* runAction */.Cs)(TRAIN_NAMES, async (ctx) => {
        const pipelineArn = ctx.getState(PIPELINE_STATE.arn);
        if (pipelineArn) {
            const inputs = await ctx.inputs();
            const clients = (0,aws_clients/* createAwsClients */.Gv)({ region: (0,aws_clients/* resolveRegion */.Zv)(inputs.optional('region')) });
            await stopLeftRunning({
                arn: pipelineArn,
                token: ctx.getState(PIPELINE_STATE.token),
                finished: ctx.getState(PIPELINE_STATE.finished),
            }, pipelineApi(await clients.sagemaker()), (line) => ctx.log.info(line));
            return;
        }
        const state = {
            jobName: ctx.getState('job-name'),
            kind: ctx.getState('job-kind'),
            finished: ctx.getState('finished'),
        };
        if (postDecision(state) === 'nothing') {
            ctx.log.info(state.jobName
                ? `post: ${state.jobName} finished or was detached in the main step; nothing to do`
                : 'post: no job was started; nothing to do');
            return;
        }
        const kind = state.kind === 'processing' ? 'processing' : 'training';
        const inputs = await ctx.inputs();
        const region = (0,aws_clients/* resolveRegion */.Zv)(inputs.optional('region'));
        const { api } = await apiFor(kind, region);
        await postStop(api, state.jobName, (line) => ctx.log.info(line));
    }, { label: 'train (post)' });
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


/***/ })

};
