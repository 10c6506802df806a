export const id = 285;
export const ids = [285];
export const modules = {

/***/ 6285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run),
  a: () => (/* binding */ runPost)
});

// EXTERNAL MODULE: ./src/core/context.ts + 1 modules
var context = __webpack_require__(4281);
// EXTERNAL MODULE: ./src/core/config.ts
var config = __webpack_require__(4489);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/sagemaker/jobs.ts
var jobs = __webpack_require__(9506);
;// CONCATENATED MODULE: ./src/sagemaker/training.ts

let sdkPromise;
const loadSageMakerSdk = () => (sdkPromise ??= Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(477), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236)));
function tagList(tags) {
    const list = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
    return list.length ? list : undefined;
}
/** The CreateTrainingJob request for a spec (pure). */
function buildCreateTrainingJobRequest(name, spec) {
    const hp = Object.keys(spec.hyperparameters).length ? spec.hyperparameters : undefined;
    const env = Object.keys(spec.environment).length ? spec.environment : undefined;
    return {
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
        ...(tagList(spec.tags) ? { Tags: tagList(spec.tags) } : {}),
    };
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
        async stop(name) {
            const { StopTrainingJobCommand } = await loadSageMakerSdk();
            await client.send(new StopTrainingJobCommand({ TrainingJobName: name }));
        },
    };
}

;// CONCATENATED MODULE: ./src/sagemaker/processing.ts


/** The CreateProcessingJob request for a spec (pure). */
function buildCreateProcessingJobRequest(name, spec) {
    const env = Object.keys(spec.environment).length ? spec.environment : undefined;
    const tags = Object.entries(spec.tags).map(([Key, Value]) => ({ Key, Value }));
    return {
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
        ...(tags.length ? { Tags: tags } : {}),
    };
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
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/stages/train/structured-inputs.ts



/**
 * Parsers for the train action's structured inputs (maps given as YAML or JSON text in the
 * workflow, or as YAML values in the config file). Pure: each takes the input's name and value and
 * returns typed data or throws a ConfigurationError naming the input, the value and the fix.
 */
function bad(input, detail) {
    throw new errors/* ConfigurationError */.j1(`input '${input}': ${detail}`);
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
        const doc = (0,dist/* parseDocument */.Tp)(value, { keepSourceTokens: true });
        if (doc.errors.length) {
            bad(input, `not valid YAML or JSON (${doc.errors[0].message.split('\n')[0]}); value was ${(0,core_inputs/* show */.WU)(value)}`);
        }
        const contents = doc.contents;
        if (contents === null)
            return {};
        if (!(0,dist/* isMap */.jh)(contents))
            bad(input, `expected a map of name: value, got ${(0,core_inputs/* show */.WU)(value)}`);
        for (const pair of contents.items) {
            const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : String(pair.key);
            const v = pair.value;
            if (!(0,dist/* isScalar */.jn)(v))
                bad(input, `'${key}' must be a single value (string, number or boolean), not a list or map`);
            out[key] = scalarText(input, key, v);
        }
    }
    else {
        if (!(0,core_inputs/* isPlainObject */.Qd)(value))
            bad(input, `expected a map of name: value, got ${(0,core_inputs/* show */.WU)(value)}`);
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
            bad(input, `name ${(0,core_inputs/* show */.WU)(k)} must be 1-${MAX_HYPERPARAMETER_KEY} characters`);
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
    return bad(input, `${what} ${(0,core_inputs/* show */.WU)(value)} is not allowed; expected one of: ${allowed.join(', ')}`);
}
function optionalString(input, what, value) {
    if (value === undefined || value === null || value === '')
        return undefined;
    if (typeof value !== 'string')
        bad(input, `${what} must be a string, got ${(0,core_inputs/* show */.WU)(value)}`);
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
    let parsed = (0,core_inputs/* parseStructured */.jE)(input, value);
    if (typeof parsed === 'string' && parsed.trim().startsWith('s3://'))
        parsed = { train: parsed.trim() };
    if (parsed === null || parsed === undefined || parsed === '')
        return [];
    if (!(0,core_inputs/* isPlainObject */.Qd)(parsed))
        bad(input, `expected a map of channel: s3://uri (or channel: {uri, content-type, ...}), got ${(0,core_inputs/* show */.WU)(value)}`);
    const entries = Object.entries(parsed);
    if (entries.length > 20)
        bad(input, `${entries.length} channels; SageMaker allows at most 20`);
    return entries.map(([name, v]) => {
        if (!CHANNEL_NAME_RE.test(name))
            bad(input, `channel name ${(0,core_inputs/* show */.WU)(name)} must be 1-64 letters, digits, '.', '-' or '_'`);
        if (typeof v === 'string') {
            return {
                name,
                uri: (0,core_inputs/* parseS3Uri */.yc)(input, v).uri,
                contentType: defaultContentType,
                distribution: 'FullyReplicated',
            };
        }
        if (!(0,core_inputs/* isPlainObject */.Qd)(v))
            bad(input, `channel '${name}' must be an S3 URI or a map with uri, content-type, distribution, input-mode`);
        checkKeys(input, `channel '${name}'`, v, ['uri', 'content-type', 'distribution', 'input-mode']);
        const uri = optionalString(input, `channel '${name}' uri`, v['uri']);
        if (!uri)
            bad(input, `channel '${name}' needs a uri (s3://bucket/prefix/)`);
        return {
            name,
            uri: (0,core_inputs/* parseS3Uri */.yc)(input, uri).uri,
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
    const parsed = (0,core_inputs/* parseStructured */.jE)(input, value);
    if (parsed === null || parsed === undefined || parsed === '')
        return [];
    let defs;
    if (Array.isArray(parsed)) {
        defs = parsed.map((d, i) => {
            if (!(0,core_inputs/* isPlainObject */.Qd)(d) || typeof d['Name'] !== 'string' || typeof d['Regex'] !== 'string') {
                return bad(input, `item ${i + 1} must be {Name: ..., Regex: ...}, got ${(0,core_inputs/* show */.WU)(d)}`);
            }
            return { Name: d['Name'], Regex: d['Regex'] };
        });
    }
    else if ((0,core_inputs/* isPlainObject */.Qd)(parsed)) {
        defs = Object.entries(parsed).map(([Name, Regex]) => {
            if (typeof Regex !== 'string')
                bad(input, `the regex of '${Name}' must be a string, got ${(0,core_inputs/* show */.WU)(Regex)}`);
            return { Name, Regex };
        });
    }
    else {
        return bad(input, `expected a map of metric-name: regex or a list of {Name, Regex}, got ${(0,core_inputs/* show */.WU)(value)}`);
    }
    if (defs.length > 40)
        bad(input, `${defs.length} metrics; SageMaker allows at most 40`);
    for (const d of defs) {
        if (d.Name.length < 1 || d.Name.length > 255)
            bad(input, `metric name ${(0,core_inputs/* show */.WU)(d.Name)} must be 1-255 characters`);
        if (d.Regex.length < 1 || d.Regex.length > 500)
            bad(input, `the regex of '${d.Name}' must be 1-500 characters`);
        let groups = 0;
        try {
            groups = new RegExp(`${d.Regex}|`).exec('').length - 1;
        }
        catch (err) {
            bad(input, `the regex of '${d.Name}' (${(0,core_inputs/* show */.WU)(d.Regex)}) does not compile: ${err.message}`);
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
            bad(input, `variable name ${(0,core_inputs/* show */.WU)(k)} must match [a-zA-Z_][a-zA-Z0-9_]*`);
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
            bad(input, `tag key ${(0,core_inputs/* show */.WU)(k)} must be 1-128 characters and not start with aws:`);
        if (tags[k].length > 256)
            bad(input, `tag '${k}' value is longer than 256 characters`);
    }
    return tags;
}

;// CONCATENATED MODULE: ./src/stages/train/processing-inputs.ts


/** Parsers for the processing-job inputs of the train action (pure; see structured-inputs.ts). */
const PROCESSING_ROOT = '/opt/ml/processing/';
const PROCESSING_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,255}$/;
function checkLocalPath(input, name, path) {
    if (!path.startsWith(PROCESSING_ROOT) || path.includes('..') || path.length > 256) {
        bad(input, `'${name}' local-path ${(0,core_inputs/* show */.WU)(path)} must be under ${PROCESSING_ROOT} (e.g. ${PROCESSING_ROOT}input/${name})`);
    }
    return path;
}
/** processing-inputs: `{name: s3://...}` or `{name: {s3, local-path, distribution, input-mode}}`. */
function parseProcessingInputs(input, value) {
    return processingEntries(input, value, ['s3', 'local-path', 'distribution', 'input-mode'], (name, s3, v) => ({
        name,
        uri: s3,
        localPath: checkLocalPath(input, name, optionalString(input, `'${name}' local-path`, v['local-path']) ?? `${PROCESSING_ROOT}input/${name}`),
        distribution: v['distribution'] === undefined
            ? 'FullyReplicated'
            : pick(input, `'${name}' distribution`, v['distribution'], DISTRIBUTIONS),
        inputMode: v['input-mode'] === undefined
            ? 'File'
            : pick(input, `'${name}' input-mode`, v['input-mode'], ['File', 'Pipe']),
    }));
}
/** processing-outputs: `{name: s3://...}` or `{name: {s3, local-path, upload-mode}}`. */
function parseProcessingOutputs(input, value) {
    return processingEntries(input, value, ['s3', 'local-path', 'upload-mode'], (name, s3, v) => ({
        name,
        uri: s3,
        localPath: checkLocalPath(input, name, optionalString(input, `'${name}' local-path`, v['local-path']) ?? `${PROCESSING_ROOT}output/${name}`),
        uploadMode: v['upload-mode'] === undefined
            ? 'EndOfJob'
            : pick(input, `'${name}' upload-mode`, v['upload-mode'], ['EndOfJob', 'Continuous']),
    }));
}
function processingEntries(input, value, keys, make) {
    if (value === undefined)
        return [];
    const parsed = (0,core_inputs/* parseStructured */.jE)(input, value);
    if (parsed === null || parsed === undefined || parsed === '')
        return [];
    if (!(0,core_inputs/* isPlainObject */.Qd)(parsed))
        bad(input, `expected a map of name: {s3: s3://..., local-path: ${PROCESSING_ROOT}...}, got ${(0,core_inputs/* show */.WU)(value)}`);
    const entries = Object.entries(parsed);
    if (entries.length > 10)
        bad(input, `${entries.length} entries; SageMaker allows at most 10`);
    const out = entries.map(([name, v]) => {
        if (!PROCESSING_NAME_RE.test(name))
            bad(input, `name ${(0,core_inputs/* show */.WU)(name)} must be letters, digits, '-' or '_' (starting with a letter or digit)`);
        const obj = typeof v === 'string'
            ? { s3: v }
            : (0,core_inputs/* isPlainObject */.Qd)(v)
                ? v
                : bad(input, `'${name}' must be an S3 URI or a map {s3, local-path}`);
        checkKeys(input, `'${name}'`, obj, keys);
        const s3 = optionalString(input, `'${name}' s3`, obj['s3']);
        if (!s3)
            bad(input, `'${name}' needs s3: s3://bucket/prefix/`);
        return make(name, (0,core_inputs/* parseS3Uri */.yc)(input, s3).uri, obj);
    });
    const paths = new Set();
    for (const o of out) {
        if (paths.has(o.localPath))
            bad(input, `two entries use the local-path ${(0,core_inputs/* show */.WU)(o.localPath)}`);
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
                bad(input, `expected a list of strings, got ${(0,core_inputs/* show */.WU)(value)}`);
            }
            list = parsed.map((p) => String(p));
        }
        else
            list = text.split(/\s+/);
    }
    if (list.length > 100)
        bad(input, `${list.length} items; SageMaker allows at most 100`);
    for (const item of list) {
        if (item.length > 256)
            bad(input, `item ${(0,core_inputs/* show */.WU)(item)} is longer than 256 characters`);
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
        'wait',
        'timeout-minutes',
        'stream-logs',
        'reuse',
        'config',
        'region',
        'force-fail',
    ],
    outputs: ['job-name', 'job-arn', 'status', 'model-artifact', 'metrics', 'outputs', 'log-url'],
    /** Saved by the main step for the post step. */
    state: ['job-name', 'job-kind', 'finished'],
};
const TRAINING_ONLY = ['hyperparameters', 'inputs', 'content-type', 'output-path', 'metric-definitions'];
const PROCESSING_ONLY = ['entrypoint', 'arguments', 'processing-inputs', 'processing-outputs'];
const IMAGE_RE = /^[A-Za-z0-9][A-Za-z0-9._\-/:@]{0,254}$/;
const CONTENT_TYPE_RE = /^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=[\w.+-]+)*$/;
/** Parses and validates every input of the train action (pure apart from reading `inputs`). */
function parseTrainSettings(inputs, ctx) {
    const mode = inputs.choice('mode', MODES, 'training-job');
    if (mode === 'pipeline') {
        throw new errors/* ConfigurationError */.j1("input 'mode': 'pipeline' is not available yet (it comes in a later release); use training-job or processing-job");
    }
    const other = mode === 'training-job' ? PROCESSING_ONLY : TRAINING_ONLY;
    inputs.rejectForMode(other, mode);
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
    const environment = checkEnvironment('environment', inputs.stringMap('environment'), mode === 'training-job' ? 512 : 256);
    const tags = checkTags('tags', inputs.stringMap('tags'));
    let spec;
    if (mode === 'training-job') {
        const contentType = inputs.optional('content-type');
        if (contentType !== undefined && !CONTENT_TYPE_RE.test(contentType)) {
            throw new errors/* ConfigurationError */.j1(`input 'content-type': ${(0,core_inputs/* show */.WU)(contentType)} is not a MIME type like text/csv`);
        }
        const channels = parseChannels('inputs', inputs.value('inputs'), contentType);
        if (channels.length === 0) {
            throw new errors/* ConfigurationError */.j1(`input 'inputs' is required: ${modeHint} (a map of channel: s3://bucket/prefix/, e.g. train: s3://my-bucket/train/)`);
        }
        spec = {
            kind: 'training',
            image,
            roleArn,
            resources,
            hyperparameters: parseHyperparameters('hyperparameters', inputs.value('hyperparameters')),
            channels,
            outputPath: (0,core_inputs/* parseS3Uri */.yc)('output-path', inputs.required('output-path', `${modeHint} (where SageMaker writes model.tar.gz)`)).uri,
            metricDefinitions: parseMetricDefinitions('metric-definitions', inputs.value('metric-definitions')),
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

// EXTERNAL MODULE: ./src/aws/poller.ts
var poller = __webpack_require__(5971);
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
        const res = await createOrAttach(api, req.spec, req.baseName, req.reuse, { info });
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
        };
        if (res.action === 'created')
            info(`created ${label} ${res.name}`);
        if (res.action === 'attached') {
            info(`re-attached to ${label} ${res.name} (${res.view?.status}): it was started by an earlier attempt of this run; no new job is created`);
        }
        if (res.action === 'reused') {
            deps.saveState('finished', 'true');
            info(`reused ${label} ${res.name}: it already Completed in an earlier attempt of this run; no new job is created`);
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
    return {
        'job-name': r.name,
        'job-arn': r.arn || v?.arn || '',
        status: v?.status ?? (r.detached ? 'InProgress' : ''),
        'model-artifact': v?.modelArtifact ?? '',
        metrics: JSON.stringify(v?.metrics ?? {}),
        outputs: JSON.stringify(v?.outputs ?? {}),
        'log-url': r.logUrl,
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
    const how = r.action === 'reused'
        ? 'reused (Completed in an earlier attempt of this run; no new job)'
        : r.action === 'attached'
            ? 're-attached (started by an earlier attempt of this run)'
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
        ['Model artifact', v?.modelArtifact ? (0,render/* code */.aY)(v.modelArtifact) : undefined],
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
        parts.push('#### Final metrics', (0,render/* table */.tp)(['Metric', 'Value'], metrics.map(([k, x]) => [k, (0,render/* formatNumber */.ZV)(x)])));
    const outputs = Object.entries(v?.outputs ?? {});
    if (outputs.length)
        parts.push('#### Outputs', (0,render/* table */.tp)(['Name', 'S3 URI'], outputs.map(([k, x]) => [k, (0,render/* code */.aY)(x)])));
    if (!r.outcome.ok)
        parts.push('#### Failure', (0,render/* fence */.EU)(r.outcome.message));
    return parts.join('\n\n') + '\n';
}

;// CONCATENATED MODULE: ./src/actions/train.ts









async function apiFor(kind, region) {
    // The AWS SDK is loaded here, only once the inputs are known to be valid.
    const clients = (0,aws_clients/* createAwsClients */.Gv)({ region });
    const sm = await clients.sagemaker();
    return { api: kind === 'training' ? trainingJobApi(sm) : processingJobApi(sm), clients };
}
async function train(ctx, overrides) {
    const inputs = await ctx.inputs();
    const configInput = inputs.optional('config') ?? '';
    const section = configInput ? (0,config/* parseConfigRef */.dH)(configInput, 'train').section : undefined;
    const settings = parseTrainSettings(inputs, {
        run: ctx.run,
        configSection: section && section !== 'train' ? section : undefined,
        env: ctx.env,
    });
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
    }, {
        api,
        logsClient: () => clients.logs(),
        log,
        saveState: (name, value) => ctx.saveState(name, value),
        signals: ctx.signals,
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

/***/ 5971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hk: () => (/* binding */ systemSleep),
/* harmony export */   g3: () => (/* binding */ pollUntil),
/* harmony export */   ml: () => (/* binding */ systemClock),
/* harmony export */   u7: () => (/* binding */ DEFAULT_MIN_DELAY_MS)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_DELAY_MS, DEFAULT_BUDGET_INTERVAL_MS, BACKOFF_FACTOR, nextDelay */
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
/* harmony export */   mK: () => (/* binding */ MODEL_NAME_RE)
/* harmony export */ });
/* unused harmony exports MAX_NAME_LENGTH, sanitizeNamePart, isValidName, modelHash */
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


/***/ })

};
