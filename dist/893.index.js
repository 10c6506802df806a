export const id = 893;
export const ids = [893];
export const modules = {

/***/ 4893:
/***/ ((__unused_webpack_module, __unused_webpack___webpack_exports__, __webpack_require__) => {


// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/context.ts
var context = __webpack_require__(8480);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/paging.ts
var paging = __webpack_require__(6433);
;// CONCATENATED MODULE: ./src/aws/cloudwatch.ts

/** PutMetricData in batches (the API takes at most 1000 metrics per call; 500 keeps requests small). */
async function putMetrics(cw, namespace, data, at) {
    const { PutMetricDataCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(85)]).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19));
    for (let i = 0; i < data.length; i += 500) {
        await cw.send(new PutMetricDataCommand({
            Namespace: namespace,
            MetricData: data.slice(i, i + 500).map((d) => ({
                MetricName: d.name,
                Value: d.value,
                Unit: d.unit ?? 'None',
                Timestamp: at,
                Dimensions: Object.entries(d.dimensions).map(([Name, Value]) => ({ Name, Value })),
            })),
        }));
    }
    return data.length;
}
/** Names of the metrics that exist in the namespace with exactly these dimension values. */
async function existingMetrics(cw, namespace, dimensions) {
    const { ListMetricsCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(85)]).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19));
    const metrics = await (0,paging/* collectAll */._U)(async (token) => {
        const page = await cw.send(new ListMetricsCommand({
            Namespace: namespace,
            Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })),
            NextToken: token,
        }));
        return { items: page.Metrics ?? [], next: page.NextToken };
    });
    return new Set(metrics.flatMap((m) => (m.MetricName ? [m.MetricName] : [])));
}
async function putDashboard(cw, name, body) {
    const { PutDashboardCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(85)]).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19));
    const res = await cw.send(new PutDashboardCommand({ DashboardName: name, DashboardBody: JSON.stringify(body) }));
    return (res.DashboardValidationMessages ?? []).map((m) => `${m.DataPath ?? ''}: ${m.Message ?? ''}`);
}
async function checkAlarms(cw, names, now) {
    if (names.length === 0)
        return [];
    const { DescribeAlarmsCommand, GetMetricStatisticsCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(85)]).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19));
    const alarms = [];
    for (let i = 0; i < names.length; i += 100) {
        const batch = names.slice(i, i + 100);
        alarms.push(...(await (0,paging/* collectAll */._U)(async (token) => {
            const page = await cw.send(new DescribeAlarmsCommand({ AlarmNames: batch, NextToken: token }));
            return { items: page.MetricAlarms ?? [], next: page.NextToken };
        })));
    }
    const byName = new Map(alarms.map((a) => [a.AlarmName, a]));
    const out = [];
    for (const name of names) {
        const a = byName.get(name);
        if (!a) {
            out.push({ name, state: 'MISSING', reason: 'no such alarm', noData: false, found: false });
            continue;
        }
        let noData = false;
        if (a.MetricName && a.Namespace && a.Period) {
            const windowMs = a.Period * 1000 * Math.max(1, a.EvaluationPeriods ?? 1);
            const stats = await cw.send(new GetMetricStatisticsCommand({
                Namespace: a.Namespace,
                MetricName: a.MetricName,
                Dimensions: a.Dimensions,
                StartTime: new Date(now.getTime() - windowMs),
                EndTime: now,
                Period: a.Period,
                Statistics: ['SampleCount'],
            }));
            noData = (stats.Datapoints ?? []).length === 0;
        }
        out.push({ name, state: a.StateValue ?? 'UNKNOWN', reason: a.StateReason ?? '', noData, found: true });
    }
    return out;
}

// EXTERNAL MODULE: ./src/github/sticky-comment.ts
var sticky_comment = __webpack_require__(7648);
;// CONCATENATED MODULE: ./src/github/drift-issue.ts
/**
 * One GitHub issue per endpoint for model drift (label `model-drift`): opened on the first failing
 * check, commented on by later failing checks, commented on and closed by the first passing one.
 * Idempotent: the issue carries a hidden endpoint marker, and every body or comment a run writes
 * carries the run id, so a re-run of the same check finds its own work and writes nothing twice.
 */

const DRIFT_LABEL = 'model-drift';
function endpointMarker(endpoint) {
    return `<!-- sagemaker-actions:monitor-gate:endpoint:${endpoint.replace(/[^a-zA-Z0-9-]/g, '-')} -->`;
}
function runMarker(runId) {
    return `<!-- sagemaker-actions:monitor-gate:run:${runId.replace(/[^a-zA-Z0-9-]/g, '-')} -->`;
}
async function syncDriftIssue(opts) {
    const { octokit, owner, repo } = opts;
    const marker = endpointMarker(opts.endpoint);
    const run = runMarker(opts.runId);
    let open;
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
        owner,
        repo,
        state: 'open',
        labels: DRIFT_LABEL,
        per_page: 100,
    })) {
        open = page.data.find((i) => !i.pull_request && typeof i.body === 'string' && i.body.includes(marker));
        if (open)
            break;
    }
    const body = (text) => `${marker}\n${run}\n${(0,sticky_comment/* truncateMarkdown */.o4)(text, 60_000)}`;
    if (!open) {
        if (opts.passed)
            return { action: 'none', issueNumber: undefined, url: undefined };
        const res = await octokit.rest.issues.create({
            owner,
            repo,
            title: opts.title,
            body: body(opts.markdown),
            labels: [DRIFT_LABEL],
        });
        return { action: 'opened', issueNumber: res.data.number, url: res.data.html_url };
    }
    // Did this run already write here (issue body or a comment)?
    let already = typeof open.body === 'string' && open.body.includes(run);
    if (!already) {
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number: open.number,
            per_page: 100,
        })) {
            if (page.data.some((c) => typeof c.body === 'string' && c.body.includes(run))) {
                already = true;
                break;
            }
        }
    }
    if (!already) {
        await octokit.rest.issues.createComment({
            owner,
            repo,
            issue_number: open.number,
            body: `${run}\n${(0,sticky_comment/* truncateMarkdown */.o4)(opts.markdown, 60_000)}`,
        });
    }
    if (opts.passed) {
        await octokit.rest.issues.update({
            owner,
            repo,
            issue_number: open.number,
            state: 'closed',
            state_reason: 'completed',
        });
        return { action: 'closed', issueNumber: open.number, url: open.html_url };
    }
    return { action: already ? 'unchanged' : 'commented', issueNumber: open.number, url: open.html_url };
}

;// CONCATENATED MODULE: ./src/monitor/errors.ts
/**
 * Data that cannot be used as Model Monitor data (unreadable capture line, record without the
 * fields Model Monitor writes, malformed statistics/constraints/violations): the message names the
 * file, the line or member, and the fix.
 */
class errors_MonitorDataError extends Error {
    name = 'MonitorDataError';
}

// EXTERNAL MODULE: ./src/metrics/data-error.ts
var data_error = __webpack_require__(6182);
// EXTERNAL MODULE: ./src/stats/errors.ts
var stats_errors = __webpack_require__(2340);
// EXTERNAL MODULE: ./src/core/render.ts
var render = __webpack_require__(1595);
;// CONCATENATED MODULE: ./src/stages/monitor-gate/report.ts
/**
 * monitor-gate's job summary, outputs, CloudWatch metrics and dashboard body. Feature names,
 * descriptions and file names are untrusted: they go through escapeMarkdown.
 */

const BARS = '▁▂▃▄▅▆▇█';
/** A small histogram as block characters (shares normalised to the larger side). */
function sparkline(counts, scaleTo) {
    const total = counts.reduce((a, b) => a + b, 0) || 1;
    return counts.map((c) => BARS[Math.min(7, Math.round((c / total / (scaleTo || 1)) * 7))]).join('');
}
function maxShare(...sets) {
    let m = 0;
    for (const s of sets) {
        const t = s.reduce((a, b) => a + b, 0) || 1;
        for (const c of s)
            m = Math.max(m, c / t);
    }
    return m;
}
const fmt = (x, d = 4) => x === undefined || !Number.isFinite(x) ? 'n/a' : Number(x.toPrecision(d)).toString();
function driftTable(drift) {
    return (0,render/* table */.tp)(['feature', 'distance', 'threshold', 'PSI', 'KS p', 'baseline', 'current'], drift.map((d) => {
        const m = maxShare(d.baselineCounts, d.currentCounts);
        return [
            `${d.drifted ? '⚠️ ' : ''}${(0,render/* escapeMarkdown */.FV)(d.name)}`,
            fmt(d.distance),
            fmt(d.threshold),
            fmt(d.psi, 3),
            d.ks ? fmt(d.ks.pValue, 2) : '',
            `\`${sparkline(d.baselineCounts, m)}\``,
            `\`${sparkline(d.currentCounts, m)}\``,
        ];
    }));
}
function renderCheckSummary(o, endpoint, window) {
    const lines = [];
    lines.push(`### ${o.passed ? '✅' : '❌'} monitor-gate${endpoint ? `: ${(0,render/* escapeMarkdown */.FV)(endpoint)}` : ''} ${o.passed ? 'passed' : 'failed'}`);
    lines.push('');
    for (const r of o.verdict.reasons)
        lines.push(`- ${(0,render/* escapeMarkdown */.FV)(r)}`);
    for (const f of o.findings)
        lines.push(`- ${f.passed ? '✅' : '❌'} ${(0,render/* escapeMarkdown */.FV)(f.message)}`);
    if (o.violations.length) {
        lines.push('', '#### Violations', '');
        lines.push((0,render/* table */.tp)(['feature', 'check', 'description', 'source', 'gate'], o.violations.map((v) => [
            (0,render/* escapeMarkdown */.FV)(v.feature_name),
            (0,render/* escapeMarkdown */.FV)(v.constraint_check_type),
            (0,render/* escapeMarkdown */.FV)(v.description),
            (0,render/* escapeMarkdown */.FV)(v.source),
            o.verdict.ignored.includes(v) ? 'ignored (ignore-features)' : 'counted',
        ])));
    }
    else
        lines.push('', 'No violations.');
    if (o.capture) {
        lines.push('', '#### Drift per feature (baseline vs current)', '', driftTable(o.capture.result.drift));
    }
    if (o.quality) {
        const q = o.quality;
        lines.push('', '#### Model quality', '');
        lines.push((0,render/* table */.tp)(['rule', 'value', 'result'], q.rules.map((r) => [(0,render/* escapeMarkdown */.FV)(r.rule), fmt(r.actual), r.passed ? 'passed' : 'failed'])));
        lines.push('', `Joined ${q.result.matched} of ${q.result.captured} captured predictions with ${q.result.groundTruthRecords} ground-truth record(s).`);
    }
    if (o.alarms.length) {
        lines.push('', '#### Alarms', '');
        lines.push((0,render/* table */.tp)(['alarm', 'state', 'data in window'], o.alarms.map((a) => [
            (0,render/* escapeMarkdown */.FV)(a.name),
            (0,render/* escapeMarkdown */.FV)(a.state),
            a.found ? (a.noData ? 'none (misconfigured)' : 'yes') : '',
        ])));
    }
    lines.push('', '#### What was read', '');
    const read = [
        `- window: ${new Date(window.sinceMs).toISOString()} .. ${new Date(window.untilMs).toISOString()}`,
    ];
    if (o.capture) {
        const s = o.capture.scan;
        read.push(`- capture: ${s.files} file(s), ${(s.bytes / 1e6).toFixed(1)} MB, ${s.records} record(s) in the window (${s.outsideWindow} outside), ${s.sink.rows} row(s); first ${Number.isFinite(s.minTimeMs) ? new Date(s.minTimeMs).toISOString() : 'n/a'}, last ${Number.isFinite(s.maxTimeMs) ? new Date(s.maxTimeMs).toISOString() : 'n/a'}`);
        read.push(`- report: ${(0,render/* escapeMarkdown */.FV)(o.capture.reportUri)}`);
    }
    if (o.execution)
        read.push(`- monitoring execution ${(0,render/* escapeMarkdown */.FV)(o.execution.scheduledTime)}: ${(0,render/* escapeMarkdown */.FV)(o.execution.status)}${o.execution.reportUri ? `, report ${(0,render/* escapeMarkdown */.FV)(o.execution.reportUri)}` : ''}`);
    lines.push(...read);
    return lines.join('\n') + '\n';
}
function renderBaselineSummary(b) {
    return [
        `### ✅ monitor-gate baseline: ${b.rows} row(s), ${b.features.length} feature(s)`,
        '',
        (0,render/* table */.tp)(['feature', 'inferred type', 'completeness'], b.features.map((f) => [(0,render/* escapeMarkdown */.FV)(f.name), f.type, fmt(f.completeness)])),
        '',
        `- statistics: ${(0,render/* escapeMarkdown */.FV)(b.statisticsUri)}`,
        `- constraints: ${(0,render/* escapeMarkdown */.FV)(b.constraintsUri)}`,
        ...(b.schedule ? [`- monitoring schedule: ${(0,render/* escapeMarkdown */.FV)(b.schedule)}`] : []),
        '',
    ].join('\n');
}
/** The `metrics` output: drift per feature, violations per type, quality metrics, counts. */
function metricsOutput(o) {
    const out = { violations_by_type: o.verdict.byType };
    if (o.capture) {
        out.drift = Object.fromEntries(o.capture.result.drift.map((d) => [d.name, d.distance]));
        out.psi = Object.fromEntries(o.capture.result.drift.map((d) => [d.name, d.psi ?? null]));
        out.records = o.capture.scan.records;
    }
    if (o.quality) {
        out.quality = Object.fromEntries(Object.entries(o.quality.result.evaluation.metrics).map(([k, v]) => [k, Number.isFinite(v) ? v : null]));
        out.join_rate = o.quality.result.joinRate;
    }
    return out;
}
/** Model Monitor's namespace and metric names (sagemaker.md §7), dimensions Endpoint + MonitoringSchedule. */
const DATA_METRICS_NAMESPACE = 'aws/sagemaker/Endpoints/data-metrics';
function cloudWatchData(o, endpoint, schedule) {
    const dimensions = { Endpoint: endpoint, MonitoringSchedule: schedule };
    const data = [];
    if (o.capture) {
        for (const d of o.capture.result.drift)
            data.push({ name: `feature_baseline_drift_${d.name}`, value: d.distance, dimensions });
        for (const f of o.capture.result.statistics.features)
            data.push({ name: `feature_non_null_${f.name}`, value: f.present, dimensions, unit: 'Count' });
    }
    for (const [type, n] of Object.entries(o.verdict.byType))
        data.push({ name: `violations_${type}`, value: n, dimensions, unit: 'Count' });
    data.push({ name: 'violations_total', value: o.verdict.counted.length, dimensions, unit: 'Count' });
    return data.filter((d) => d.name.length <= 255);
}

// EXTERNAL MODULE: ./src/sagemaker/endpoints.ts
var endpoints = __webpack_require__(7734);
;// CONCATENATED MODULE: ./src/stages/monitor-gate/dashboard.ts



/** The per-variant endpoint metrics SageMaker publishes in AWS/SageMaker (EndpointName, VariantName). */
const ENDPOINT_METRICS = [
    'Invocations',
    'Invocation4XXErrors',
    'Invocation5XXErrors',
    'ModelLatency',
    'OverheadLatency',
];
/** Dashboard body (pure): a widget only for metrics the caller verified to exist. */
function dashboardBody(region, endpoint, schedule, variants, monitorMetrics) {
    const widgets = [];
    let y = 0;
    const add = (title, metrics) => {
        if (metrics.length === 0)
            return;
        widgets.push({
            type: 'metric',
            x: 0,
            y,
            width: 24,
            height: 6,
            properties: { title, region, view: 'timeSeries', stat: 'Average', period: 300, metrics },
        });
        y += 6;
    };
    for (const { variant, metrics } of variants) {
        const ep = (m) => ['AWS/SageMaker', m, 'EndpointName', endpoint, 'VariantName', variant];
        add(`Invocations and errors: ${variant}`, metrics.filter((m) => /Invocations|Error/.test(m)).map(ep));
        add(`Latency: ${variant}`, metrics.filter((m) => /Latency/.test(m)).map(ep));
    }
    const mm = (m) => [DATA_METRICS_NAMESPACE, m, 'Endpoint', endpoint, 'MonitoringSchedule', schedule];
    add('Drift per feature', monitorMetrics.filter((m) => m.startsWith('feature_baseline_drift_')).map(mm));
    add('Violations', monitorMetrics.filter((m) => m.startsWith('violations_')).map(mm));
    return { widgets };
}
const VARIANT_NAME_RE = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
/** The endpoint's variant names (in service now, and those an update is bringing up). */
async function variantNames(sm, endpoint) {
    const d = await (0,endpoints/* describeEndpoint */.N2)(sm, endpoint);
    if (!d)
        return undefined;
    const names = [
        ...(d.ProductionVariants ?? []).map((v) => v.VariantName),
        ...(d.PendingDeploymentSummary?.ProductionVariants ?? []).map((v) => v.VariantName),
    ].filter((n) => Boolean(n));
    // SageMaker's own constraint on variant names; anything else is not put in a log or a widget.
    return [...new Set(names)].filter((n) => VARIANT_NAME_RE.test(n));
}
async function writeDashboard(clients, req, log) {
    const { cw, sm } = clients;
    const variants = await variantNames(sm, req.endpoint);
    if (!variants)
        log.info(`dashboard: endpoint ${req.endpoint} does not exist: no invocation or latency widgets`);
    const [perVariant, monitorMetrics] = await Promise.all([
        Promise.all((variants ?? []).map(async (variant) => {
            const found = await existingMetrics(cw, 'AWS/SageMaker', {
                EndpointName: req.endpoint,
                VariantName: variant,
            });
            const missing = ENDPOINT_METRICS.filter((m) => !found.has(m));
            if (missing.length)
                log.info(`dashboard: variant ${variant}: no widget for ${missing.join(', ')} (no such metric for it yet)`);
            return { variant, metrics: ENDPOINT_METRICS.filter((m) => found.has(m)) };
        })),
        existingMetrics(cw, DATA_METRICS_NAMESPACE, { Endpoint: req.endpoint, MonitoringSchedule: req.schedule }),
    ]);
    for (const m of req.published)
        monitorMetrics.add(m);
    const region = await cw.config.region();
    const problems = await putDashboard(cw, req.name, dashboardBody(region, req.endpoint, req.schedule, perVariant, [...monitorMetrics].sort()));
    if (problems.length)
        log.untrustedBlock('CloudWatch reported dashboard validation messages:', problems.join('\n'));
    log.info(`dashboard ${req.name} written`);
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/sagemaker/monitoring.ts


/** The newest execution of the schedule created at or after `notBefore` (ms), if any. */
async function latestMonitoringExecution(sm, scheduleName, notBefore) {
    const { ListMonitoringExecutionsCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236));
    return (0,paging/* findFirst */.i8)(async (token) => {
        const page = await sm.send(new ListMonitoringExecutionsCommand({
            MonitoringScheduleName: scheduleName,
            SortBy: 'ScheduledTime',
            SortOrder: 'Descending',
            ScheduledTimeAfter: new Date(notBefore),
            MaxResults: 10,
            NextToken: token,
        }));
        return { items: page.MonitoringExecutionSummaries ?? [], next: page.NextToken };
    }, 
    // Pending/InProgress executions have no report yet: the newest finished one decides.
    (e) => !['Pending', 'InProgress', 'Stopping'].includes(e.MonitoringExecutionStatus ?? ''));
}
/** Creates the schedule, or updates it when it exists. Returns 'created' | 'updated'. */
async function upsertDataQualitySchedule(sm, s) {
    const { CreateMonitoringScheduleCommand, DescribeMonitoringScheduleCommand, UpdateMonitoringScheduleCommand, } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236));
    const config = {
        ScheduleConfig: { ScheduleExpression: s.cron },
        MonitoringType: 'DataQuality',
        MonitoringJobDefinition: {
            BaselineConfig: {
                ConstraintsResource: { S3Uri: s.constraintsUri },
                StatisticsResource: { S3Uri: s.statisticsUri },
            },
            MonitoringInputs: [
                { EndpointInput: { EndpointName: s.endpointName, LocalPath: '/opt/ml/processing/input/endpoint' } },
            ],
            MonitoringOutputConfig: {
                MonitoringOutputs: [
                    {
                        S3Output: {
                            S3Uri: s.outputUri,
                            LocalPath: '/opt/ml/processing/output',
                            S3UploadMode: 'EndOfJob',
                        },
                    },
                ],
            },
            MonitoringResources: {
                ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 20 },
            },
            MonitoringAppSpecification: { ImageUri: s.imageUri },
            Environment: { publish_cloudwatch_metrics: 'Enabled' },
            RoleArn: s.roleArn,
            StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        },
    };
    let exists = true;
    try {
        await sm.send(new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: s.scheduleName }));
    }
    catch (err) {
        if (!(0,aws_errors/* isNotFound */.c4)(err))
            throw err;
        exists = false;
    }
    if (exists) {
        await sm.send(new UpdateMonitoringScheduleCommand({
            MonitoringScheduleName: s.scheduleName,
            MonitoringScheduleConfig: config,
        }));
        return 'updated';
    }
    await sm.send(new CreateMonitoringScheduleCommand({
        MonitoringScheduleName: s.scheduleName,
        MonitoringScheduleConfig: config,
    }));
    return 'created';
}
/**
 * Model Monitor's built-in analyzer image (sagemaker-model-monitor-analyzer): the registry
 * accounts below were seen in public AWS samples; other regions fail with a configuration error
 * that names the AWS page listing them (model-monitor-pre-built-container).
 */
const ANALYZER_ACCOUNTS = {
    'us-east-1': '156813124566',
    'us-east-2': '777275614652',
    'ca-central-1': '536280801234',
};
function modelMonitorImage(region) {
    const account = ANALYZER_ACCOUNTS[region];
    return account ? `${account}.dkr.ecr.${region}.amazonaws.com/sagemaker-model-monitor-analyzer` : undefined;
}

// EXTERNAL MODULE: ./src/gates/thresholds.ts
var thresholds = __webpack_require__(2130);
;// CONCATENATED MODULE: ./src/gates/violations.ts
function judgeViolations(violations, maxViolations, ignoreFeatures) {
    const ignore = new Set(ignoreFeatures);
    const counted = violations.filter((v) => !ignore.has(v.feature_name));
    const ignored = violations.filter((v) => ignore.has(v.feature_name));
    const byType = {};
    for (const v of counted)
        byType[v.constraint_check_type] = (byType[v.constraint_check_type] ?? 0) + 1;
    const reasons = [];
    if (typeof maxViolations === 'number') {
        if (counted.length > maxViolations)
            reasons.push(`${counted.length} violation(s), max-violations allows ${maxViolations}`);
    }
    else {
        for (const [type, n] of Object.entries(byType)) {
            const max = maxViolations[type] ?? 0;
            if (n > max)
                reasons.push(`${n} ${type} violation(s), max-violations allows ${max}`);
        }
    }
    return { passed: reasons.length === 0, counted, ignored, byType, reasons };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/monitor/classify.ts
/** One CSV field's type and value, classified from its bytes as Model Monitor's analyzers do. */
/*
 * Type of one CSV field as Model Monitor infers it, from bytes. Model Monitor's analyzers
 * (awslabs/deequ StatefulDataType) classify each non-null value by regular expressions:
 * Fractional `^(-|\+)? ?\d*\.\d*$`, Integral `^(-|\+)? ?\d*$`, Boolean `^(true|false)$`, else
 * String; an empty CSV field is null. Two deliberate differences, both documented in the README:
 * a value the regex calls numeric but that holds no digit ("." or "-") counts as String, and
 * Boolean (which Model Monitor's statistics never report) is folded into String.
 */
const T_NULL = 0;
const T_FRACTIONAL = 1;
const T_INTEGRAL = 2;
const T_BOOLEAN = 3;
const T_STRING = 4;
const POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10)
    POW10[i] = p;
/** [0]: the numeric value of the last field classified Fractional or Integral (an out slot, not a live binding: bundlers turn those into getters on the hot path). */
const fieldValue = new Float64Array(1);
/** Classifies buf[s, e) and, for numbers, leaves the value in `fieldValue[0]`. */
function classifyField(buf, s, e) {
    if (s === e)
        return T_NULL;
    let i = s;
    let c = buf[i];
    let neg = false;
    if (c === 45 || c === 43) {
        neg = c === 45;
        if (++i === e)
            return T_STRING;
        c = buf[i];
    }
    if (c === 32) {
        if (++i === e)
            return T_STRING; // matches Integral's regex but holds no number
        c = buf[i];
    }
    const from = i;
    let m = 0;
    while (i < e && (c = buf[i]) >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        i++;
    }
    let digits = i - from;
    let exp = 0;
    let fractional = false;
    if (i < e && buf[i] === 46) {
        fractional = true;
        i++;
        const f = i;
        while (i < e && (c = buf[i]) >= 48 && c <= 57) {
            m = m * 10 + (c - 48);
            i++;
        }
        exp = f - i;
        digits += i - f;
    }
    if (i !== e) {
        if (e - s === 4 && buf[s] === 116 && buf[s + 1] === 114 && buf[s + 2] === 117 && buf[s + 3] === 101)
            return T_BOOLEAN;
        if (e - s === 5 &&
            buf[s] === 102 &&
            buf[s + 1] === 97 &&
            buf[s + 2] === 108 &&
            buf[s + 3] === 115 &&
            buf[s + 4] === 101)
            return T_BOOLEAN;
        return T_STRING;
    }
    if (digits === 0)
        return T_STRING;
    let v;
    if (m <= 9007199254740991 && -exp <= 22)
        v = exp === 0 ? m : m / POW10[-exp];
    else
        v = Number(Buffer.from(buf.buffer, buf.byteOffset + from, e - from).toString('latin1'));
    fieldValue[0] = neg ? -v : v;
    return fractional ? T_FRACTIONAL : T_INTEGRAL;
}

;// CONCATENATED MODULE: ./src/stats/kll-sort.ts
/**
 * Sorting for KLL compaction: exactly the order of Float64Array.prototype.sort, cheaper for the
 * buffers compaction sees (a few sorted runs above level 0, small-range integers).
 */
/** a sorts strictly before b in Float64Array.prototype.sort's order (-0 before +0). */
function before(a, b) {
    return a < b || (a === 0 && b === 0 && Object.is(a, -0) && Object.is(b, 0));
}
/**
 * Scratch runs, sized for two merged level-0 buffers of the default sketch (2 x 2050 items) so
 * they never grow in a check: a growth taken for the first time after the JIT optimized the sort
 * throws its code away.
 */
const SCRATCH_ITEMS = 1 << 13;
let scratch = new Float64Array(SCRATCH_ITEMS);
let counts = new Int32Array(4096);
/** Longest integer range sorted by counting. */
const COUNTING_RANGE = 4096;
/** Above this many ascending runs a prefix is sorted from scratch rather than merged. */
const MAX_RUNS = 8;
const runStarts = new Int32Array(MAX_RUNS + 2);
/**
 * Sorts buf[0, len) into exactly the order of Float64Array.prototype.sort (ascending, -0 before
 * +0; NaN never reaches a sketch), faster for what compaction sees: levels above 0 are a few
 * sorted runs (each compaction below appends one), merged in linear time; small-range integer
 * buffers (Integral features) are counted; anything else is radix-sorted on its top bits.
 */
function sortPrefix(buf, len) {
    if (len < 2)
        return;
    // Ascending runs (stop counting once there are too many to merge).
    let runs = 1;
    runStarts[0] = 0;
    for (let i = 1; i < len && runs <= MAX_RUNS; i++) {
        if (before(buf[i], buf[i - 1]))
            runStarts[runs++] = i;
    }
    if (runs === 1)
        return;
    if (runs <= MAX_RUNS) {
        runStarts[runs] = len;
        mergeRuns(buf, runs);
        return;
    }
    if (!countingSort(buf, len))
        radixSort(buf, len);
}
let radixScratch = new Float64Array(SCRATCH_ITEMS);
const radixCounts = new Int32Array(2 * 2048);
/** Runs of equal top key bits up to this long are insertion-sorted; longer ones use the native sort. */
const INSERTION_RUN = 24;
/**
 * Sorts buf[0, len) by the IEEE-754 bits: an LSD radix sort on the top 22 bits of each value's
 * order-preserving key (sign, exponent, 10 mantissa bits; two 11-bit passes, a pass whose digit
 * is the same for every value skipped), then each run of values sharing those bits is sorted by
 * value (runs are short unless the values are very close together). The order is exactly
 * Float64Array.prototype.sort's: the key puts negatives (all bits flipped) below positives (sign
 * bit set), so -0 (key 0x7fffffff) sorts before +0 (0x80000000); NaN never reaches a sketch.
 */
function radixSort(buf, len) {
    if (radixScratch.length < len)
        radixScratch = new Float64Array(len * 2);
    const words = new Uint32Array(buf.buffer, buf.byteOffset, len * 2);
    const counts = radixCounts;
    counts.fill(0);
    for (let i = 0; i < len; i++) {
        const h = words[2 * i + 1];
        const key = h ^ ((h >> 31) | 0x80000000); // negative: flip every bit; positive: flip the sign
        counts[(key >>> 10) & 2047]++;
        counts[2048 + (key >>> 21)]++;
    }
    let src = buf;
    let dst = radixScratch;
    for (let pass = 0; pass < 2; pass++) {
        const base = pass * 2048;
        const shift = pass === 0 ? 10 : 21;
        const srcWords = new Uint32Array(src.buffer, src.byteOffset, len * 2);
        const h0 = srcWords[1];
        if (counts[base + (((h0 ^ ((h0 >> 31) | 0x80000000)) >>> shift) & 2047)] === len)
            continue;
        let sum = 0;
        for (let d = base; d < base + 2048; d++) {
            const c = counts[d];
            counts[d] = sum;
            sum += c;
        }
        for (let i = 0; i < len; i++) {
            const h = srcWords[2 * i + 1];
            const key = h ^ ((h >> 31) | 0x80000000);
            dst[counts[base + ((key >>> shift) & 2047)]++] = src[i];
        }
        const t = src;
        src = dst;
        dst = t;
    }
    if (src !== buf)
        buf.set(src.subarray(0, len));
    // Runs of equal top 22 bits (equal high words shifted right by 10: the same sign, so plain
    // comparisons order them).
    let i = 0;
    while (i < len) {
        const top = words[2 * i + 1] >>> 10;
        let j = i + 1;
        while (j < len && words[2 * j + 1] >>> 10 === top)
            j++;
        if (j - i > 1) {
            if (j - i <= INSERTION_RUN) {
                for (let a = i + 1; a < j; a++) {
                    const v = buf[a];
                    let b = a - 1;
                    while (b >= i && buf[b] > v) {
                        buf[b + 1] = buf[b];
                        b--;
                    }
                    buf[b + 1] = v;
                }
            }
            else
                buf.subarray(i, j).sort();
        }
        i = j;
    }
}
const bounds = new Int32Array(MAX_RUNS + 2);
/** Bottom-up merge of the ascending runs buf[runStarts[r], runStarts[r + 1]). */
function mergeRuns(buf, runs) {
    const len = runStarts[runs];
    if (scratch.length < len)
        scratch = new Float64Array(len * 2);
    let src = buf;
    let dst = scratch;
    let count = runs + 1; // boundaries
    bounds.set(runStarts.subarray(0, count));
    while (count > 2) {
        let next = 1; // bounds[0] stays 0; merged boundaries are written in place (never ahead of reads)
        for (let r = 0; r + 1 < count; r += 2) {
            const a1 = bounds[r + 1];
            const b1 = r + 2 < count ? bounds[r + 2] : a1;
            mergeTwo(src, dst, bounds[r], a1, b1);
            bounds[next++] = b1;
        }
        count = next;
        const t = src;
        src = dst;
        dst = t;
    }
    if (src !== buf)
        buf.set(src.subarray(0, len));
}
/** Merges the ascending runs src[a0, a1) and src[a1, b1) into dst[a0, b1) (stable; -0 before +0). */
function mergeTwo(src, dst, a0, a1, b1) {
    let i = a0;
    let j = a1;
    let o = a0;
    if (i < a1 && j < b1) {
        let x = src[i];
        let y = src[j];
        for (;;) {
            // y first only when strictly before x: y < x, or y is -0 and x is +0
            if (y < x || (y === x && y === 0 && 1 / y < 1 / x)) {
                dst[o++] = y;
                if (++j === b1)
                    break;
                y = src[j];
            }
            else {
                dst[o++] = x;
                if (++i === a1)
                    break;
                x = src[i];
            }
        }
    }
    while (i < a1)
        dst[o++] = src[i++];
    while (j < b1)
        dst[o++] = src[j++];
}
/** Merges the ascending arrays a and b into out[0, a.length + b.length) (-0 before +0). */
function mergeSorted(a, b, out) {
    const na = a.length;
    const nb = b.length;
    let i = 0;
    let j = 0;
    let o = 0;
    while (i < na && j < nb) {
        const x = a[i];
        const y = b[j];
        if (y < x || (y === x && y === 0 && 1 / y < 1 / x)) {
            out[o++] = y;
            j++;
        }
        else {
            out[o++] = x;
            i++;
        }
    }
    // The rest of whichever run is left, copied natively (a merge hint's run is most of the output).
    // One copy for either run: a copy per run would leave one of them untaken for a while, and the
    // optimized code would be thrown away when it first is (a per-item loop here was, merge after merge).
    let rest = b;
    let from = j;
    if (i < na) {
        rest = a;
        from = i;
    }
    out.set(rest.subarray(from, rest.length), o);
}
/** Counting sort when every item is an integer (no -0) within a small range; false otherwise. */
function countingSort(buf, len) {
    let min = buf[0];
    let max = min;
    for (let i = 0; i < len; i++) {
        const v = buf[i];
        if ((v | 0) !== v || (v === 0 && Object.is(v, -0)))
            return false;
        if (v < min)
            min = v;
        else if (v > max)
            max = v;
    }
    const range = max - min + 1;
    if (range > COUNTING_RANGE)
        return false;
    if (counts.length < range)
        counts = new Int32Array(COUNTING_RANGE);
    counts.fill(0, 0, range);
    for (let i = 0; i < len; i++)
        counts[buf[i] - min]++;
    let o = 0;
    for (let v = 0; v < range; v++) {
        const c = counts[v];
        for (let k = 0; k < c; k++)
            buf[o++] = v + min;
    }
    return true;
}

;// CONCATENATED MODULE: ./src/stats/kll.ts
/**
 * The KLL quantile sketch in the layout Model Monitor writes into statistics.json
 * (`distribution.kll.sketch`: `parameters {c, k}` and `data`, one array of items per compactor level;
 * an item at level h stands for 2^h values). The compaction schedule follows the open-source
 * sketch Model Monitor's analyzers are built on (awslabs/deequ QuantileNonSample): level capacity
 * 2 * (ceil(k * c^h / 2) + 1), a condense step when the total item count exceeds the total capacity,
 * sorted pairwise compaction keeping every other item with an offset that alternates every second
 * compaction (deterministic, so a sketch is reproducible from its input order).
 *
 * Error bound: compacting a sorted even-length buffer at level h changes the rank of any query
 * by at most 2^h, so `rankErrorBound` (the sum of 2^h over every compaction performed, including
 * those of merged sketches) bounds |estimated rank - true rank| for every query, deterministically.
 * For a sketch read back from JSON the history is unknown; `fromJSON` uses the worst case for the
 * level sizes it sees (see there).
 */



/** Model Monitor's statistics show c = 0.64 and k = 2048 (Deequ's KLL defaults for Model Monitor). */
const DEFAULT_K = 2048;
const DEFAULT_C = 0.64;
const EMPTY = new Float64Array(0);
/**
 * An order-independent checksum of a[0, n)'s bits: their 32-bit words summed, plain or mixed.
 * (A module function: a closure made per call would start without type feedback each time, and
 * its hot loop would be compiled and thrown away again at every merge.)
 */
function bitSum(a, n, mixed) {
    const w = new Uint32Array(a.buffer, a.byteOffset, 2 * n);
    let x = 0;
    if (mixed)
        for (let i = 0; i < w.length; i++)
            x = (x + Math.imul(w[i] ^ (i & 1 ? 0x9e3779b9 : 0x85ebca6b), 0x27d4eb2f)) | 0;
    else
        for (let i = 0; i < w.length; i++)
            x = (x + w[i]) | 0;
    return x;
}
/** The weight of the items below x (or at most x, with `inclusive`), by binary search. */
function weightBelow({ values, cum }, x, inclusive) {
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const v = values[mid];
        if (inclusive ? v <= x : v < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo === 0 ? 0 : cum[lo - 1];
}
/**
 * Sorts level 0's first `len` of `items` items during a merge, from the other sketch's sorted
 * items (all but its last, which is in the prefix only when `len` is `items`): our own items
 * before them (usually one or none) are sorted alone and the two runs merged. False when the
 * hint does not fit the buffer (then the caller sorts). (A parameter, not a field: a field that
 * only merges set would change its kind under the optimized update code, which then deoptimizes.)
 */
function sortWithHint(buf, items, len, { sorted, from }) {
    if (items - from - 1 !== sorted.length)
        return false;
    const ownCount = from + (len === items ? 1 : 0);
    const own = new Float64Array(ownCount);
    own.set(buf.subarray(0, from));
    if (len === items)
        own[from] = buf[items - 1];
    sortPrefix(own, ownCount);
    mergeSorted(own, sorted, buf);
    return true;
}
class KllSketch {
    k;
    c;
    /** levels[h] holds items of weight 2^h; level 0 grows by appends. */
    levels = [];
    sizes = [];
    compressions = [];
    offsets = [];
    itemCount = 0;
    totalCapacity = 0;
    /** update() appends without further checks while itemCount is below this (<= totalCapacity). */
    fastUntil = 0;
    /** cdf()'s answer; current while its total is the count (update moves the count; merge clears it). */
    cdfCache;
    /** Values seen (the total weight). */
    count = 0;
    rankErrorBound = 0;
    /** The merge hint (see KllState.sorted0) and the count it was made at (any change moves the count). */
    sorted0;
    sorted0Count = -1;
    constructor(k = DEFAULT_K, c = DEFAULT_C) {
        if (!(Number.isInteger(k) && k >= 2) || !(c > 0 && c <= 1)) {
            throw new stats_errors/* StatsError */.G(`KLL parameters k=${k}, c=${c} are not valid; fix: k an integer >= 2, 0 < c <= 1`);
        }
        this.k = k;
        this.c = c;
        this.expand();
    }
    capacity(height) {
        return 2 * (Math.ceil((this.k * Math.pow(this.c, height)) / 2) + 1);
    }
    /** Adds a level (with room for its capacity, unless `allocate` is false: fromState adopts arrays). */
    expand(allocate = true) {
        const h = this.levels.length;
        this.levels.push(allocate ? new Float64Array(Math.max(16, this.capacity(h) + 2)) : EMPTY);
        this.sizes.push(0);
        this.compressions.push(0);
        this.offsets.push(0);
        this.totalCapacity += this.capacity(h);
    }
    append(h, v) {
        let buf = this.levels[h];
        const n = this.sizes[h];
        if (n === buf.length) {
            const bigger = new Float64Array(Math.max(16, buf.length * 2));
            bigger.set(buf);
            this.levels[h] = buf = bigger;
        }
        buf[n] = v;
        this.sizes[h] = n + 1;
    }
    /** Adds one value (NaN is rejected: the caller counts missing values separately). */
    update(v) {
        const buf0 = this.levels[0];
        const n = this.sizes[0];
        this.count++;
        if (n < buf0.length && this.itemCount < this.fastUntil) {
            buf0[n] = v;
            this.sizes[0] = n + 1;
            this.itemCount++;
        }
        else
            this.updateSlow(v);
    }
    /**
     * Adds values[0, m) in order: exactly what m calls of update() do, with the appends that need
     * no compaction done in one loop.
     */
    updateMany(values, m) {
        let i = 0;
        while (i < m) {
            const buf0 = this.levels[0];
            const n = this.sizes[0];
            const room = Math.min(buf0.length - n, this.fastUntil - this.itemCount, m - i);
            if (room > 0) {
                for (let j = 0; j < room; j++)
                    buf0[n + j] = values[i + j];
                this.sizes[0] = n + room;
                this.itemCount += room;
                this.count += room;
                i += room;
            }
            else {
                this.count++;
                this.updateSlow(values[i++]);
            }
        }
    }
    /**
     * update() when level 0 is full or a condense is due. A new sketch's first update comes here
     * too (fastUntil starts at 0): the call then has type feedback before the JIT optimizes update()
     * and the code it is inlined into, which otherwise deoptimize at their first condense.
     */
    updateSlow(v) {
        this.append(0, v);
        if (++this.itemCount > this.totalCapacity)
            this.condense();
        this.fastUntil = this.totalCapacity; // only grows, so never above the capacity when read
    }
    condense(hint) {
        for (let h = 0; h < this.levels.length; h++) {
            if (this.sizes[h] >= this.capacity(h)) {
                if (h + 1 >= this.levels.length)
                    this.expand();
                this.compact(h, hint);
                this.itemCount = this.sizes.reduce((a, b) => a + b, 0);
                return;
            }
        }
    }
    /** Sorts the even prefix of level h, moves every other item up, keeps an odd last item. */
    compact(h, hint) {
        const items = this.sizes[h];
        const len = items - (items % 2);
        // every second compaction flips the offset (0 <-> 1); branch-free, so the JIT has no untaken path here
        this.offsets[h] = this.offsets[h] ^ (this.compressions[h] & 1);
        const buf = this.levels[h];
        if (h !== 0 || hint === undefined || !sortWithHint(buf, items, len, hint))
            sortPrefix(buf, len);
        const up = h + 1;
        let dst = this.levels[up];
        let n = this.sizes[up];
        const moved = (len - this.offsets[h] + 1) >> 1;
        if (n + moved > dst.length) {
            const bigger = new Float64Array(Math.max(dst.length * 2, n + moved));
            bigger.set(dst.subarray(0, n));
            this.levels[up] = dst = bigger;
        }
        for (let i = this.offsets[h]; i < len; i += 2)
            dst[n++] = buf[i];
        this.sizes[up] = n;
        const tail = items % 2 === 1 ? buf[items - 1] : undefined;
        this.sizes[h] = 0;
        if (tail !== undefined)
            buf[this.sizes[h]++] = tail;
        this.compressions[h]++;
        if (len > 0)
            this.rankErrorBound += Math.pow(2, h);
    }
    /** Merges another sketch into this one (same k and c); the other sketch is not changed. */
    merge(other) {
        if (other.k !== this.k || other.c !== this.c) {
            throw new stats_errors/* StatsError */.G(`cannot merge KLL sketches with different parameters (k=${this.k}, c=${this.c} vs k=${other.k}, c=${other.c}); fix: build both with the same parameters`);
        }
        this.cdfCache = undefined;
        while (this.levels.length < other.levels.length)
            this.expand();
        // Used by the first compaction only (whatever its level), as the items it describes move then.
        let hint = other.sorted0 !== undefined && other.sorted0Count === other.count && other.sizes[0] > 0
            ? { sorted: other.sorted0, from: this.sizes[0] }
            : undefined;
        for (let h = 0; h < other.levels.length; h++) {
            const add = other.sizes[h];
            if (add === 0)
                continue;
            const n = this.sizes[h];
            let buf = this.levels[h];
            if (n + add > buf.length) {
                const bigger = new Float64Array(Math.max(buf.length * 2, n + add));
                bigger.set(buf.subarray(0, n));
                this.levels[h] = buf = bigger;
            }
            buf.set(other.levels[h].subarray(0, add), n);
            this.sizes[h] = n + add;
        }
        this.count += other.count;
        this.rankErrorBound += other.rankErrorBound;
        this.itemCount = this.sizes.reduce((a, b) => a + b, 0);
        while (this.itemCount >= this.totalCapacity) {
            this.condense(hint);
            hint = undefined;
        }
        return this;
    }
    /** The whole state (copies), see KllState; with `hint`, the merge hint too. */
    toState(hint = false) {
        const st = {
            k: this.k,
            c: this.c,
            levels: this.levels.map((buf, h) => buf.slice(0, this.sizes[h])),
            compressions: [...this.compressions],
            offsets: [...this.offsets],
            count: this.count,
            rankErrorBound: this.rankErrorBound,
        };
        if (hint && this.sizes[0] > 1) {
            st.sorted0 = this.levels[0].slice(0, this.sizes[0] - 1);
            sortPrefix(st.sorted0, st.sorted0.length);
        }
        return st;
    }
    /**
     * Whether `sorted0` is a valid merge hint for `level0` (its items but the last, in sorted order):
     * sorted, and the same values (order-independent checksums of their bits).
     */
    static isMergeHint(level0, sorted0) {
        const n = Math.max(0, level0.length - 1);
        if (sorted0.length !== n)
            return false;
        for (let i = 1; i < n; i++)
            if (before(sorted0[i], sorted0[i - 1]))
                return false;
        return (bitSum(level0, n, false) === bitSum(sorted0, n, false) &&
            bitSum(level0, n, true) === bitSum(sorted0, n, true));
    }
    /** A sketch from toState(), exactly as it was (takes ownership of the level arrays). */
    static fromState(st) {
        const s = new KllSketch(st.k, st.c);
        while (s.levels.length < st.levels.length)
            s.expand(false);
        st.levels.forEach((lvl, h) => {
            // level 0 keeps its allocated room (it grows by appends); the others are adopted as they
            // are (a worker's arrays arrive as copies of their own) and grow when appended to
            if (h === 0 && lvl.length <= s.levels[0].length)
                s.levels[0].set(lvl);
            else
                s.levels[h] = lvl;
            s.sizes[h] = lvl.length;
            s.compressions[h] = st.compressions[h];
            s.offsets[h] = st.offsets[h];
        });
        s.count = st.count;
        s.rankErrorBound = st.rankErrorBound;
        s.itemCount = s.sizes.reduce((a, b) => a + b, 0);
        if (st.sorted0) {
            s.sorted0 = st.sorted0;
            s.sorted0Count = s.count;
        }
        return s;
    }
    /**
     * (value, weight) pairs sorted by value, in Float64Array.prototype.sort's order (-0 before +0).
     * Each level is sorted natively (a copy) and merged into the levels above it, from the top level
     * down: levels shrink going up, so most items are copied about three times rather than once per
     * level. Equal values from different levels may come in either order (the distribution reads
     * cumulative weights only where the value changes). Cheap before the JIT optimizes it: it runs
     * for every baseline feature while the scan starts.
     */
    weighted() {
        let values = new Float64Array(0);
        let weights = new Float64Array(0);
        for (let h = this.levels.length - 1; h >= 0; h--) {
            const n = this.sizes[h];
            if (n === 0)
                continue;
            const lv = this.levels[h].slice(0, n).sort();
            const w = Math.pow(2, h);
            const m = values.length;
            if (m === 0) {
                values = lv;
                weights = new Float64Array(n).fill(w);
                continue;
            }
            const outV = new Float64Array(m + n);
            const outW = new Float64Array(m + n);
            let i = 0;
            let j = 0;
            let o = 0;
            let x = values[0];
            let y = lv[0];
            for (;;) {
                // y first only when strictly before x: y < x, or y is -0 and x is +0
                if (y < x || (y === x && y === 0 && 1 / y < 1 / x)) {
                    outV[o] = y;
                    outW[o++] = w;
                    if (++j === n)
                        break;
                    y = lv[j];
                }
                else {
                    outV[o] = x;
                    outW[o++] = weights[i];
                    if (++i === m)
                        break;
                    x = values[i];
                }
            }
            if (j < n) {
                outV.set(lv.subarray(j), o);
                outW.fill(w, o);
            }
            else {
                outV.set(values.subarray(i), o);
                outW.set(weights.subarray(i), o);
            }
            values = outV;
            weights = outW;
        }
        return { values, weights };
    }
    /**
     * The items sorted by value with their cumulative weights: the distribution the sketch
     * estimates. Made once and kept until the sketch changes (the rank queries, the drift distance
     * and the histogram of one sketch all read it).
     */
    cdf() {
        if (this.cdfCache !== undefined && this.cdfCache.total === this.count)
            return this.cdfCache;
        const { values, weights } = this.weighted();
        const cum = new Float64Array(values.length);
        let c = 0;
        for (let i = 0; i < values.length; i++)
            cum[i] = c += weights[i];
        this.cdfCache = { values, cum, total: c };
        return this.cdfCache;
    }
    /** Estimated number of values <= x (inclusive rank). */
    rank(x) {
        return weightBelow(this.cdf(), x, true);
    }
    /** Estimated number of values < x. */
    rankExclusive(x) {
        return weightBelow(this.cdf(), x, false);
    }
    /** The value at quantile q in [0, 1] (the smallest item whose inclusive rank reaches q * count). */
    quantile(q) {
        if (this.count === 0)
            return NaN;
        const { values, cum } = this.cdf();
        const target = q * this.count;
        for (let i = 0; i < values.length; i++)
            if (cum[i] >= target)
                return values[i];
        return values[values.length - 1];
    }
    /** The sketch as Model Monitor writes it. */
    toJSON() {
        return {
            parameters: { c: this.c, k: this.k },
            data: this.levels.map((buf, h) => Array.from(buf.subarray(0, this.sizes[h]))),
        };
    }
    /**
     * A sketch from statistics.json. Its compaction history is not recorded, but weight is conserved
     * by compaction, so the weight now at levels >= h + 1 is exactly the weight that ever entered
     * level h + 1; each compaction at level h sent at least ceil((capacity(h) - 1) / 2) items there
     * and moved ranks by at most 2^h. That bounds the number of compactions per level, hence the error.
     */
    static fromJSON(json, where) {
        const fix = 'fix: write the sketch as {"parameters": {"c": 0.64, "k": 2048}, "data": [[...], ...]}';
        const o = json;
        const p = o?.parameters;
        if (!o || typeof o !== 'object' || !p || typeof p.c !== 'number' || typeof p.k !== 'number') {
            throw new stats_errors/* StatsError */.G(`${where}: sketch parameters {c, k} missing; ${fix}`);
        }
        if (!Array.isArray(o.data) || o.data.some((lvl) => !Array.isArray(lvl))) {
            throw new stats_errors/* StatsError */.G(`${where}: sketch data is not an array of arrays; ${fix}`);
        }
        const s = new KllSketch(Math.round(p.k), p.c);
        o.data.forEach((lvl, h) => {
            while (s.levels.length <= h)
                s.expand();
            const items = lvl;
            for (let i = 0; i < items.length; i++) {
                const v = items[i];
                if (typeof v !== 'number' || !Number.isFinite(v)) {
                    throw new stats_errors/* StatsError */.G(`${where}: sketch item ${JSON.stringify(v)} at level ${h} is not a finite number; ${fix}`);
                }
            }
            // converted natively in one go (a baseline holds tens of thousands of items)
            const values = new Float64Array(items);
            if (values.length <= s.levels[h].length)
                s.levels[h].set(values);
            else
                s.levels[h] = values;
            s.sizes[h] = values.length;
            s.count += values.length * Math.pow(2, h);
        });
        s.itemCount = s.sizes.reduce((a, b) => a + b, 0);
        let above = s.count;
        for (let h = 0; h + 1 < s.levels.length; h++) {
            above -= s.sizes[h] * Math.pow(2, h); // weight at levels >= h + 1
            const entered = above / Math.pow(2, h + 1);
            const compactions = Math.floor(entered / Math.ceil((s.capacity(h) - 1) / 2));
            s.rankErrorBound += compactions * Math.pow(2, h);
        }
        return s;
    }
}
let primed = false;
/**
 * Runs the sketch's rarer paths on throwaway data, once per thread (about 3 ms in the interpreter,
 * too little for the JIT to optimize anything here); the capture scan calls it before its first
 * range. The JIT optimizes update and compaction code within a sketch's first few thousand values,
 * partly on stack inside their loops, and V8 records a function's type feedback only from its ninth
 * call or so: paths first taken after that (a level's growth, the first compaction above level 0
 * with its sorted runs to merge, a long run of close values in the radix sort) throw the optimized
 * code away when they come, and it is compiled again (`compact` three times per thread and check
 * instead of once, before this).
 */
function primeKllFeedback() {
    if (primed)
        return;
    primed = true;
    const a = new KllSketch(16, DEFAULT_C);
    const b = new KllSketch(16, DEFAULT_C);
    const batch = new Float64Array(16);
    for (let i = 0; i < 400; i++) {
        const j = (i * 37) % 400;
        a.update((j % 5 === 0 ? -1 : 1) * (j * 1.37 + 0.01));
    }
    // a second sketch after the first: its growths come when the code records feedback
    for (let i = 0; i < 400; i++) {
        batch[i % 16] = ((i * 37) % 400) % 10;
        if (i % 16 === 15)
            b.updateMany(batch, 16);
    }
    a.merge(KllSketch.fromState(b.toState(true)));
    a.merge(b);
    const close = new Float64Array(48); // one run of equal top bits, longer than insertion sorts
    for (let i = 0; i < close.length; i++)
        close[i] = 1000 + ((i * 7) % 48) / 100;
    sortPrefix(close, close.length);
    const runs = new Float64Array(40); // four ascending runs, merged
    for (let i = 0; i < runs.length; i++)
        runs[i] = (i % 10) + 0.5;
    sortPrefix(runs, runs.length);
}

;// CONCATENATED MODULE: ./src/monitor/profile.ts
/**
 * Per-feature accumulators for statistics.json: Model Monitor's type counts, completeness,
 * mean/sum/std_dev/min/max (moments of batches of up to 64 numbers, merged with Chan's formula), a
 * KLL sketch, and category counts. Mergeable, and transferable between worker threads as plain data.
 */


/** Distinct categories kept per feature; beyond this the feature has no domain (too many values). */
const MAX_CATEGORIES = 10_000;
/** Distinct numeric values kept for the categorical view of a mixed (String) feature. */
const MAX_NUMERIC_CATEGORIES = 1_000;
/** Numbers a profile holds back before it adds them to its statistics (see FeatureProfile.flush). */
const PENDING = 64;
/**
 * Five zero counts in an array of its own (a literal [0, 0, 0, 0, 0] would share its storage with
 * the literal until the first write copies it, and the optimized code that counts, made for
 * arrays already copied, deoptimizes at every new profile's first field).
 */
function typeCounts() {
    const counts = [];
    for (let t = 0; t < 5; t++)
        counts.push(0);
    return counts;
}
class FeatureProfile {
    // The statistics, read through the getters below (which add the pending numbers first).
    _types = typeCounts();
    _n = 0;
    _mean = 0;
    _m2 = 0;
    _sum = 0;
    _min = Infinity;
    _max = -Infinity;
    _kll;
    categories = new Map();
    _numericCategories = new Map();
    /** recently seen category bytes and their text, so repeated values are not decoded again */
    recent = new RecentTexts();
    /**
     * Numbers not yet in the statistics above (see flush): added a batch at a time, their moments
     * and sketch updates run in one tight loop rather than field by field per value.
     */
    pending = new Float64Array(PENDING);
    pendingCount = 0;
    pendingFractional = 0;
    constructor(kll) {
        this._kll = kll ?? new KllSketch();
    }
    /** Counts by T_NULL, T_FRACTIONAL, T_INTEGRAL, T_BOOLEAN, T_STRING. */
    get types() {
        this.flush();
        return this._types;
    }
    /** Numbers seen (Fractional and Integral values). */
    get n() {
        this.flush();
        return this._n;
    }
    get mean() {
        this.flush();
        return this._mean;
    }
    /** Sum of squared deviations from the mean. */
    get m2() {
        this.flush();
        return this._m2;
    }
    get sum() {
        this.flush();
        return this._sum;
    }
    get min() {
        this.flush();
        return this._min;
    }
    get max() {
        this.flush();
        return this._max;
    }
    get kll() {
        this.flush();
        return this._kll;
    }
    /** Numbers counted as categories (a mixed feature's), or null once there are too many. */
    get numericCategories() {
        this.flush();
        return this._numericCategories;
    }
    /** Adds one field buf[s, e) (no surrounding quotes). */
    addField(buf, s, e) {
        const t = classifyField(buf, s, e);
        if (t === T_FRACTIONAL || t === T_INTEGRAL)
            this.addClassified(t, fieldValue[0]);
        else {
            // a string changes how later numbers count (see flush): the numbers before it go in first
            if (t !== T_NULL)
                this.flush();
            this._types[t]++;
            if (t === T_STRING || t === T_BOOLEAN)
                this.addCategory(this.recent.text(buf, s, e));
        }
    }
    /** Adds a number classified T_FRACTIONAL or T_INTEGRAL (pending until the next flush). */
    addClassified(t, v) {
        const k = this.pendingCount;
        this.pending[k] = v;
        this.pendingFractional += t === T_FRACTIONAL ? 1 : 0;
        this.pendingCount = k + 1;
        if (k + 1 === PENDING)
            this.flush();
    }
    /**
     * Moves the pending numbers into the statistics, in the order they came: the type counts, the
     * moments (the batch's sum and squared deviations from its own mean, merged with Chan's formula),
     * min/max, the sketch, and the categorical view. Every read of the statistics calls it first
     * (the getters, merge, toData, total).
     */
    flush() {
        const m = this.pendingCount;
        if (m === 0)
            return;
        const vals = this.pending;
        const frac = this.pendingFractional;
        this.pendingCount = 0;
        this.pendingFractional = 0;
        this._types[T_FRACTIONAL] += frac;
        this._types[T_INTEGRAL] += m - frac;
        let sum = 0;
        let min = this._min;
        let max = this._max;
        for (let i = 0; i < m; i++) {
            const v = vals[i];
            sum += v;
            if (v < min)
                min = v;
            if (v > max)
                max = v;
        }
        const mean = sum / m;
        let m2 = 0;
        for (let i = 0; i < m; i++) {
            const d = vals[i] - mean;
            m2 += d * d;
        }
        this.mergeMoments(m, mean, m2);
        this._sum += sum;
        this._min = min;
        this._max = max;
        this._kll.updateMany(vals, m);
        // Numbers enter the categorical view only once the feature has shown a string (a mixed
        // feature is inferred String); this keeps low-cardinality numeric features off the Map.
        if (this._numericCategories !== null && this._types[T_STRING] + this._types[T_BOOLEAN] > 0)
            for (let i = 0; i < m; i++)
                this.addNumericCategory(vals[i]);
    }
    /** Chan's parallel update of n, mean and m2 with another set's (count, mean, squared deviations). */
    mergeMoments(n2, mean2, m22) {
        const n1 = this._n;
        const n = n1 + n2;
        // w is exactly 1 when this profile had no numbers: the other's mean and m2 are taken as they are
        const w = n2 / n;
        const d = mean2 - this._mean;
        this._mean += d * w;
        this._m2 += m22 + d * d * n1 * w;
        this._n = n;
    }
    addNumericCategory(v) {
        const nc = this._numericCategories;
        // stored only when it changes (to null), as in merge
        if (nc !== null && countIn(nc, v, MAX_NUMERIC_CATEGORIES) === null)
            this._numericCategories = null;
    }
    /** Adds a value that arrived as text (quoted CSV field, JSON string). */
    addText(text) {
        const b = Buffer.from(text, 'utf8');
        this.addField(b, 0, b.length);
    }
    addNull() {
        this._types[T_NULL]++;
    }
    /** Adds a number that arrived typed (JSON number): Integral when it is a whole number. */
    addTypedNumber(v) {
        this.addClassified(Number.isInteger(v) ? T_INTEGRAL : T_FRACTIONAL, v);
    }
    addCategory(value) {
        const c = this.categories;
        if (c !== null && countIn(c, value, MAX_CATEGORIES) === null)
            this.categories = null;
    }
    get total() {
        this.flush();
        return this._types[0] + this._types[1] + this._types[2] + this._types[3] + this._types[4];
    }
    merge(o) {
        this.flush();
        o.flush();
        for (let t = 0; t < 5; t++)
            this._types[t] += o._types[t];
        if (o._n > 0) {
            this.mergeMoments(o._n, o._mean, o._m2);
            this._sum += o._sum;
            this._min = Math.min(this._min, o._min);
            this._max = Math.max(this._max, o._max);
            this._kll.merge(o._kll);
        }
        // stored only when they change (to null): see fromData
        const categories = mergeCounts(this.categories, o.categories, MAX_CATEGORIES);
        if (categories !== this.categories)
            this.categories = categories;
        const numeric = mergeCounts(this._numericCategories, o._numericCategories, MAX_NUMERIC_CATEGORIES);
        if (numeric !== this._numericCategories)
            this._numericCategories = numeric;
        return this;
    }
    /** As plain data; with `mergeHint`, the sketch's merge hint too (see KllState.sorted0). */
    toData(mergeHint = false) {
        this.flush();
        return {
            types: [...this._types],
            n: this._n,
            mean: this._mean,
            m2: this._m2,
            sum: this._sum,
            min: this._min,
            max: this._max,
            kll: this._kll.toState(mergeHint),
            categories: this.categories && [...this.categories],
            numericCategories: this._numericCategories && [...this._numericCategories],
        };
    }
    static fromData(d) {
        const p = new FeatureProfile(KllSketch.fromState(d.kll));
        for (let t = 0; t < 5; t++)
            p._types[t] = d.types[t];
        p._n = d.n;
        p._mean = d.mean;
        p._m2 = d.m2;
        p._sum = d.sum;
        p._min = d.min ?? Infinity;
        p._max = d.max ?? -Infinity;
        // Into the maps the profile starts with, unless there are none: replacing them would make the
        // fields variable for V8, throwing away the optimized code that adds values to them.
        if (d.categories === null)
            p.categories = null;
        else
            for (const [k, n] of d.categories)
                p.categories.set(k, n);
        if (d.numericCategories === null)
            p._numericCategories = null;
        else
            for (const [k, n] of d.numericCategories)
                p._numericCategories.set(k, n);
        return p;
    }
}
/**
 * The UTF-8 text of byte ranges, remembering the last few distinct ones: a categorical feature
 * repeats a handful of values, and comparing a few bytes is cheaper than decoding them. The same
 * bytes always give the same text, so counts are unchanged.
 */
class RecentTexts {
    static SIZE = 16;
    keys = [];
    texts = [];
    next = 0;
    text(buf, s, e) {
        const n = e - s;
        const keys = this.keys;
        for (let k = 0; k < keys.length; k++) {
            const key = keys[k];
            if (key.length !== n)
                continue;
            let i = 0;
            while (i < n && key[i] === buf[s + i])
                i++;
            if (i === n)
                return this.texts[k];
        }
        const text = Buffer.from(buf.buffer, buf.byteOffset + s, n).toString('utf8');
        if (n <= 64) {
            const slot = this.next;
            this.next = (slot + 1) % RecentTexts.SIZE;
            keys[slot] = Uint8Array.prototype.slice.call(buf, s, e); // a copy (Buffer#slice is a view)
            this.texts[slot] = text;
        }
        return text;
    }
}
/** Counts `key` in `m`; null once `m` holds more than `cap` keys (the view is given up). */
function countIn(m, key, cap) {
    m.set(key, (m.get(key) ?? 0) + 1);
    return m.size > cap ? null : m;
}
function mergeCounts(a, b, cap) {
    if (a === null || b === null)
        return null;
    for (const [k, v] of b)
        a.set(k, (a.get(k) ?? 0) + v);
    return a.size > cap ? null : a;
}
/** Model Monitor's decision from the type counts (Deequ DataTypeHistogram.determineType, Boolean as String). */
function inferType(types) {
    const nonNull = types[1] + types[2] + types[3] + types[4];
    if (nonNull === 0)
        return 'Unknown';
    if (types[T_STRING] > 0 || types[T_BOOLEAN] > 0)
        return 'String';
    if (types[T_FRACTIONAL] > 0)
        return 'Fractional';
    return 'Integral';
}

;// CONCATENATED MODULE: ./src/monitor/payload.ts
/**
 * Feeding one captured payload into the feature profiles: CSV rows (one record per line of the
 * payload, fields positional), or JSON (an array of values, an array of rows, {"instances": [...]},
 * or an object of named features mapped onto the baseline's names).
 */



let listTemplate;
function newSink() {
    // An empty list already in the elements kind a list of objects ends in (an empty literal starts
    // as small integers and changes kind at its first profile): every sink then has the same shape,
    // and the optimized scan code is not thrown away at each new batch's first row.
    listTemplate ??= [new FeatureProfile()];
    return { profiles: listTemplate.slice(0, 0), columnCounts: new Map(), rows: 0, unknownNames: new Map() };
}
function profileAt(sink, i) {
    let p = sink.profiles[i];
    if (p === undefined) {
        while (sink.profiles.length <= i)
            sink.profiles.push(new FeatureProfile());
        p = sink.profiles[i];
    }
    return p;
}
function countRow(sink, columns) {
    sink.rows++;
    sink.columnCounts.set(columns, (sink.columnCounts.get(columns) ?? 0) + 1);
}
/**
 * CSV rows in buf[s, e). With `jsonNewlines` the bytes are still JSON-escaped and hold no escapes
 * but \n and \r, which end rows (so the payload is read in place, without unescaping). Returns an
 * error description, or null. Plain decimal fields (the bulk of a numeric payload) are parsed while
 * the field is split, into exactly the value and type classifyField gives them; anything else
 * (signs other than '-', spaces, huge or long numbers, text, quotes) takes classifyField's path.
 */
function feedCsv(sink, buf, s, e, jsonNewlines = false) {
    let i = s;
    while (i < e) {
        // one row from i
        let col = 0;
        let quoted = false;
        for (;;) {
            const fs = i;
            // Fast path: -?digits(.digits)? up to a separator.
            let c = i < e ? buf[i] : 10;
            let neg = false;
            if (c === 45) {
                neg = true;
                c = ++i < e ? buf[i] : 10;
            }
            let m = 0;
            const d0 = i;
            while (c >= 48 && c <= 57) {
                m = m * 10 + (c - 48);
                c = ++i < e ? buf[i] : 10;
            }
            let digits = i - d0;
            let exp = 0;
            const fractional = c === 46;
            if (fractional) {
                const f = ++i;
                c = i < e ? buf[i] : 10;
                while (c >= 48 && c <= 57) {
                    m = m * 10 + (c - 48);
                    c = ++i < e ? buf[i] : 10;
                }
                exp = f - i;
                digits += i - f;
            }
            if (digits > 0 &&
                (c === 44 || c === 10 || c === 13 || (c === 92 && jsonNewlines)) &&
                m <= 9007199254740991 &&
                -exp <= 22) {
                const v = exp === 0 ? m : m / POW10[-exp];
                profileAt(sink, col).addClassified(fractional ? T_FRACTIONAL : T_INTEGRAL, neg ? -v : v);
            }
            else {
                // General path: find the field's end, then classify it.
                i = fs;
                for (;;) {
                    c = i < e ? buf[i] : 10;
                    if (c === 34 && i === fs) {
                        quoted = true;
                        break;
                    }
                    if (c === 44 || c === 10 || c === 13 || (c === 92 && jsonNewlines))
                        break;
                    i++;
                }
                if (quoted)
                    break;
                profileAt(sink, col).addField(buf, fs, i);
            }
            col++;
            // the separator at i
            if (c === 44) {
                i++;
                continue;
            }
            let width = 1;
            if (c === 92) {
                c = buf[i + 1] === 110 ? 10 : 13;
                width = 2;
            }
            i += width;
            if (c === 13) {
                // CR LF (raw or escaped) ends one row
                if (i < e && buf[i] === 10)
                    i++;
                else if (jsonNewlines && i + 1 < e && buf[i] === 92 && buf[i + 1] === 110)
                    i += 2;
            }
            break;
        }
        if (quoted) {
            const r = quotedRow(sink, buf, i, e, col);
            if (typeof r === 'string')
                return r;
            col = r.columns;
            i = r.next;
        }
        countRow(sink, col);
    }
    return null;
}
/** The rest of a row from a quoted field on (RFC 4180 quotes): slow path, strings per field. */
function quotedRow(sink, buf, i, e, col) {
    let field = '';
    let inQuote = false;
    let start = i;
    const flushRaw = (to) => {
        field += Buffer.from(buf.buffer, buf.byteOffset + start, to - start).toString('utf8');
    };
    let wasQuoted = false;
    for (;;) {
        const c = i < e ? buf[i] : 10;
        if (inQuote) {
            if (i >= e)
                return 'a CSV field in the payload opens a double quote that never closes';
            if (c === 34) {
                flushRaw(i);
                if (buf[i + 1] === 34) {
                    field += '"';
                    i += 2;
                    start = i;
                    continue;
                }
                inQuote = false;
                i++;
                start = i;
                continue;
            }
            i++;
            continue;
        }
        if (c === 34 && i === start && field === '') {
            inQuote = true;
            wasQuoted = true;
            i++;
            start = i;
            continue;
        }
        if (c === 44 || c === 10 || c === 13) {
            flushRaw(Math.min(i, e));
            const p = profileAt(sink, col);
            if (wasQuoted || field !== '')
                p.addText(field);
            else
                p.addNull();
            col++;
            field = '';
            wasQuoted = false;
            if (c === 13 && buf[i + 1] === 10)
                i++;
            i++;
            start = i;
            if (c !== 44)
                return { columns: col, next: i };
            continue;
        }
        i++;
    }
}
function feedValue(p, v, where) {
    if (v === null || v === undefined)
        p.addNull();
    else if (typeof v === 'number')
        p.addTypedNumber(v);
    else if (typeof v === 'string')
        p.addText(v);
    else if (typeof v === 'boolean')
        p.addText(String(v));
    else
        throw new errors_MonitorDataError(`${where}: a feature value is a nested ${Array.isArray(v) ? 'array' : 'object'}; fix: send flat rows (one value per feature) or use a record preprocessor`);
}
function feedRowValues(sink, row, where) {
    row.forEach((v, i) => feedValue(profileAt(sink, i), v, where));
    countRow(sink, row.length);
}
function feedNamedRow(sink, row, names, where) {
    let columns = 0;
    for (const [k, v] of Object.entries(row)) {
        const i = names.get(k);
        if (i === undefined)
            sink.unknownNames.set(k, (sink.unknownNames.get(k) ?? 0) + 1);
        else {
            feedValue(profileAt(sink, i), v, where);
            columns++;
        }
    }
    for (let i = 0; i < names.size; i++)
        profileAt(sink, i);
    // Named rows: a missing name is a null value of that feature; extra names are extra columns.
    const seen = new Set(Object.keys(row));
    for (const [name, i] of names)
        if (!seen.has(name))
            profileAt(sink, i).addNull();
    countRow(sink, columns + Object.keys(row).filter((k) => !names.has(k)).length);
}
/** A JSON payload: returns an error description, or null when fed. */
function feedJson(sink, text, names, where) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (err) {
        return `the JSON payload does not parse (${err.message})`;
    }
    const rows = [];
    if (Array.isArray(doc)) {
        if (doc.length > 0 && doc.every((r) => Array.isArray(r) || (r !== null && typeof r === 'object')))
            rows.push(...doc);
        else
            rows.push(doc);
    }
    else if (doc !== null && typeof doc === 'object') {
        const o = doc;
        if (Array.isArray(o.instances))
            rows.push(...o.instances);
        else
            rows.push(o);
    }
    else
        rows.push([doc]);
    for (const r of rows) {
        if (Array.isArray(r))
            feedRowValues(sink, r, where);
        else if (r !== null && typeof r === 'object') {
            const o = r;
            if (Array.isArray(o.features))
                feedRowValues(sink, o.features, where);
            else
                feedNamedRow(sink, o, names, where);
        }
        else
            feedRowValues(sink, [r], where);
    }
    return null;
}

;// CONCATENATED MODULE: ./src/monitor/baseline-csv.ts
/**
 * Baseline statistics from CSV files (a header row, or no header plus the feature names): the
 * same byte-level profiles as the capture scan, so baseline and current statistics are computed
 * the same way.
 */



/** Splits one CSV header line into names (RFC 4180 quotes). */
function parseHeader(line) {
    const out = [];
    let cur = '';
    let q = false;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (q) {
            if (c === '"' && line[i + 1] === '"') {
                cur += '"';
                i++;
            }
            else if (c === '"')
                q = false;
            else
                cur += c;
        }
        else if (c === '"' && cur === '')
            q = true;
        else if (c === ',') {
            out.push(cur);
            cur = '';
        }
        else
            cur += c;
    }
    out.push(cur);
    return out.map((s) => s.trim());
}
/**
 * Reads the CSV files. `names` given: no header row; otherwise each file starts with a header,
 * and all headers must agree.
 */
function scanBaselineCsv(files, names) {
    if (files.length === 0)
        throw new errors_MonitorDataError('no baseline CSV files found; fix: point baseline-data at a CSV file or a folder/prefix holding CSV files');
    const sink = newSink();
    let header = names;
    for (const file of files) {
        let fd;
        try {
            fd = (0,external_node_fs_.openSync)(file, 'r');
        }
        catch (err) {
            throw new errors_MonitorDataError(`cannot read ${file}: ${err.message}; fix: check the path`);
        }
        try {
            let buf = Buffer.allocUnsafe(4 << 20);
            let filled = 0;
            let first = true;
            let eof = false;
            let line = 1;
            while (!eof) {
                if (filled === buf.length) {
                    const bigger = Buffer.allocUnsafe(buf.length * 2);
                    buf.copy(bigger, 0, 0, filled);
                    buf = bigger;
                }
                const n = (0,external_node_fs_.readSync)(fd, buf, filled, buf.length - filled, null);
                eof = n === 0;
                let end = filled + n;
                let last = eof ? end : buf.lastIndexOf(10, end - 1) + 1;
                if (last <= 0 && !eof) {
                    filled = end;
                    continue;
                }
                let start = 0;
                if (first) {
                    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
                        start = 3;
                    if (!names) {
                        const nl = buf.indexOf(10, start);
                        const he = nl < 0 || nl >= end ? end : nl;
                        const h = parseHeader(buf.toString('utf8', start, he).replace(/\r$/, ''));
                        if (header && h.join(',') !== header.join(',')) {
                            throw new errors_MonitorDataError(`${file}:1: header ${JSON.stringify(h.join(',').slice(0, 120))} differs from the first file's; fix: give every baseline file the same columns`);
                        }
                        if (h.some((x) => x === ''))
                            throw new errors_MonitorDataError(`${file}:1: the header has an empty column name; fix: name every column, or set features`);
                        header = h;
                        start = Math.min(he + 1, end);
                        line++;
                    }
                    first = false;
                }
                if (eof && last > start && buf[last - 1] !== 10) {
                    buf[end] = 10; // terminate (the buffer always has room: it was not full)
                    end++;
                    last = end;
                }
                const err = feedCsv(sink, buf, start, last);
                if (err)
                    throw new errors_MonitorDataError(`${file} (after line ${line}): ${err}; fix: write the baseline as RFC 4180 CSV`);
                for (let i = start; i < last; i++)
                    if (buf[i] === 10)
                        line++;
                buf.copy(buf, 0, last, end);
                filled = end - last;
            }
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    if (!header || header.length === 0)
        throw new errors_MonitorDataError(`${files[0]}: no header row; fix: add a header or set features`);
    if (sink.rows === 0)
        throw new errors_MonitorDataError(`${files.join(', ')}: no data rows; fix: baseline on a non-empty data set`);
    return { names: header, sink, files };
}

;// CONCATENATED MODULE: ./src/stats/distance.ts
/**
 * Distribution distances between a baseline and a current sample.
 *
 * `linfDistance` is the distance Model Monitor's baseline_drift_check compares with
 * `comparison_threshold`: the L-infinity distance between the two empirical CDFs as the KLL
 * sketches estimate them, evaluated at every item of either sketch (the open-source analyzer it is
 * built on, awslabs/deequ Distance.numericalDistance). "Simple" is that distance; "Robust"
 * subtracts the two-sample Kolmogorov-Smirnov critical term c(alpha) * sqrt((n + m) / (n m)) with
 * c = 1.8 (alpha about 0.003) and floors at 0, so small samples do not raise false alarms.
 * AWS documents neither formula in words (sagemaker.md §7 marks Simple/Robust unverified); this
 * follows the analyzer's code. Categorical features use the same L-infinity distance over category
 * frequencies.
 *
 * PSI and KS are reported alongside (not gated): PSI over the baseline's 10 KLL buckets, KS with
 * the asymptotic p-value.
 */

const DEFAULT_C_ALPHA = 1.8;
function robustCorrection(linfSimple, n, m, cAlpha = DEFAULT_C_ALPHA) {
    return Math.max(0, linfSimple - cAlpha * Math.sqrt((n + m) / (n * m)));
}
/** max |F1(x) - F2(x)| over x in the union of both sketches' items (a merge walk, O(n + m)). */
function linfSimple(a, b) {
    const A = a.cdf();
    const B = b.cdf();
    if (A.total === 0 || B.total === 0) {
        throw new stats_errors/* StatsError */.G('cannot compare an empty distribution; fix: provide data with at least one numeric value');
    }
    let i = 0;
    let j = 0;
    let d = 0;
    while (i < A.values.length || j < B.values.length) {
        const x = Math.min(i < A.values.length ? A.values[i] : Infinity, j < B.values.length ? B.values[j] : Infinity);
        while (i < A.values.length && A.values[i] <= x)
            i++;
        while (j < B.values.length && B.values[j] <= x)
            j++;
        const fa = i === 0 ? 0 : A.cum[i - 1] / A.total;
        const fb = j === 0 ? 0 : B.cum[j - 1] / B.total;
        d = Math.max(d, Math.abs(fa - fb));
    }
    return d;
}
function numericalDistance(baseline, current, method, 
/** linfSimple(current, baseline), when the caller has it */
simple = linfSimple(current, baseline)) {
    const d = simple;
    return method === 'Simple' ? d : robustCorrection(d, current.count, baseline.count);
}
/** L-infinity distance between category frequency tables (counts), Simple or Robust. */
function categoricalDistance(baseline, current, method) {
    let n = 0;
    let m = 0;
    for (const v of current.values())
        n += v;
    for (const v of baseline.values())
        m += v;
    if (n === 0 || m === 0) {
        throw new stats_errors/* StatsError */.G('cannot compare an empty category table; fix: provide data with at least one value');
    }
    let d = 0;
    for (const key of new Set([...current.keys(), ...baseline.keys()])) {
        d = Math.max(d, Math.abs((current.get(key) ?? 0) / n - (baseline.get(key) ?? 0) / m));
    }
    return method === 'Simple' ? d : robustCorrection(d, n, m);
}
/** Two-sample KS statistic (= the Simple L-infinity distance) with its asymptotic p-value. */
function ksTest(baseline, current, 
/** linfSimple(current, baseline), when the caller has it */
simple = linfSimple(current, baseline)) {
    const d = simple;
    const n = current.count;
    const m = baseline.count;
    const en = Math.sqrt((n * m) / (n + m));
    return { statistic: d, pValue: kolmogorovQ((en + 0.12 + 0.11 / en) * d) };
}
/** Q_KS(lambda) = 2 sum_{j>=1} (-1)^(j-1) exp(-2 j^2 lambda^2) (Numerical Recipes' form). */
function kolmogorovQ(lambda) {
    if (lambda < 1e-3)
        return 1;
    let sum = 0;
    let sign = 1;
    let prev = 0;
    for (let j = 1; j <= 100; j++) {
        const term = sign * 2 * Math.exp(-2 * j * j * lambda * lambda);
        sum += term;
        if (Math.abs(term) <= 1e-10 * Math.abs(prev) || Math.abs(term) <= 1e-16)
            return Math.min(1, Math.max(0, sum));
        prev = term;
        sign = -sign;
    }
    return 1;
}
/**
 * Population stability index sum (p_i - q_i) ln(p_i / q_i) over bins (counts), with empty bins
 * smoothed to `epsilon` of their total so one empty bin does not make it infinite.
 */
function psi(baselineCounts, currentCounts, epsilon = 1e-4) {
    if (baselineCounts.length !== currentCounts.length || baselineCounts.length === 0) {
        throw new stats_errors/* StatsError */.G('PSI needs the same non-zero number of bins on both sides');
    }
    let tb = 0;
    let tc = 0;
    for (let i = 0; i < baselineCounts.length; i++) {
        tb += baselineCounts[i];
        tc += currentCounts[i];
    }
    if (tb <= 0 || tc <= 0)
        throw new stats_errors/* StatsError */.G('PSI needs at least one value on both sides');
    let s = 0;
    for (let i = 0; i < baselineCounts.length; i++) {
        const p = Math.max(currentCounts[i] / tc, epsilon);
        const q = Math.max(baselineCounts[i] / tb, epsilon);
        s += (p - q) * Math.log(p / q);
    }
    return s;
}
/**
 * Counts per bucket the way Model Monitor materialises its 10 KLL buckets: equal-width buckets
 * from min to max; bucket i counts values in [lower, upper), the last one [lower, upper].
 */
function bucketCounts(s, edges) {
    const out = [];
    for (let i = 0; i + 1 < edges.length; i++) {
        const lo = edges[i];
        const hi = edges[i + 1];
        const last = i + 2 === edges.length;
        out.push((last ? s.rank(hi) : s.rankExclusive(hi)) - s.rankExclusive(lo));
    }
    return out;
}
function equalWidthEdges(min, max, buckets = 10) {
    return Array.from({ length: buckets + 1 }, (_, i) => min + ((max - min) * i) / buckets);
}

;// CONCATENATED MODULE: ./src/monitor/json-util.ts
/** Small readers for Model Monitor JSON files: each failure names the file and member. */

function isObj(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function parseJsonText(text, source, fix) {
    const t = text.toString();
    try {
        return JSON.parse(t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);
    }
    catch (err) {
        throw new errors_MonitorDataError(`${source}: not valid JSON (${err.message}); ${fix}`);
    }
}
function num(o, key, where, fix, optional = false) {
    const v = o[key];
    if (v === undefined && optional)
        return undefined;
    if (typeof v === 'number' && Number.isFinite(v))
        return v;
    if (v === 'NaN' && optional)
        return undefined;
    throw new errors_MonitorDataError(`${where}.${key} is ${v === undefined ? 'missing' : JSON.stringify(v)}, expected a number; ${fix}`);
}
function str(o, key, where, fix) {
    const v = o[key];
    if (typeof v === 'string')
        return v;
    throw new errors_MonitorDataError(`${where}.${key} is ${v === undefined ? 'missing' : JSON.stringify(v)}, expected a string; ${fix}`);
}
function obj(o, key, where, fix) {
    const v = o[key];
    if (isObj(v))
        return v;
    throw new errors_MonitorDataError(`${where}.${key} is ${v === undefined ? 'missing' : 'not an object'}; ${fix}`);
}
function arr(o, key, where, fix) {
    const v = o[key];
    if (Array.isArray(v))
        return v;
    throw new errors_MonitorDataError(`${where}.${key} is ${v === undefined ? 'missing' : 'not an array'}; ${fix}`);
}
/**
 * The text of a report file (statistics.json, constraints.json, ...): JSON.stringify(value, null, 2)
 * exactly, except that an array of numbers is written on one line. A KLL sketch's levels hold
 * thousands of numbers each; one per line made a 20-feature statistics.json about 2 MB, mostly
 * indentation, which every later check then reads and parses as its baseline.
 */
function reportJson(value) {
    // Number arrays are swapped for placeholders ("\u0000#<i>#" in the text) while JSON.stringify
    // indents the rest, then put back. Text from outside (feature names, category values) could
    // spell a placeholder only by holding a NUL: a document with a NUL in any key or string is
    // written plainly instead.
    const arrays = [];
    let nul = false;
    const text = JSON.stringify(value, (key, v) => {
        if (key.includes('\u0000') || (typeof v === 'string' && v.includes('\u0000')))
            nul = true;
        if (!Array.isArray(v) || v.length === 0)
            return v;
        for (const x of v)
            if (typeof x !== 'number')
                return v;
        arrays.push(JSON.stringify(v));
        return `\u0000#${arrays.length - 1}#`;
    }, 2);
    if (nul)
        return JSON.stringify(value, null, 2);
    return arrays.length === 0 ? text : text.replace(/"\\u0000#(\d+)#"/g, (_, i) => arrays[Number(i)]);
}

;// CONCATENATED MODULE: ./src/monitor/statistics.ts
/**
 * statistics.json in Model Monitor's format (sagemaker.md §7): writing it from feature profiles,
 * and reading it back (ours, or one written by a Model Monitor baselining or monitoring job).
 */





/** Model Monitor materialises the KLL distribution in 10 buckets (not configurable). */
const KLL_BUCKETS = 10;
function isNumeric(f) {
    return f.type === 'Integral' || f.type === 'Fractional';
}
/** Buckets as Model Monitor draws them: 10 equal-width from min to max, last one closed. */
function kllBuckets(sketch, min, max) {
    const edges = equalWidthEdges(min, max, KLL_BUCKETS);
    const counts = bucketCounts(sketch, edges);
    return counts.map((count, i) => ({ lower_bound: edges[i], upper_bound: edges[i + 1], count }));
}
/** Statistics of a scanned dataset: `itemCount` rows, one profile per feature name. */
function statisticsFromProfiles(names, profiles, itemCount) {
    const features = names.map((name, i) => {
        const p = profiles[i] ?? new FeatureProfile();
        const type = inferType(p.types);
        if (type === 'Integral' || type === 'Fractional') {
            return {
                name,
                type,
                present: p.n,
                missing: itemCount - p.n,
                mean: p.mean,
                sum: p.sum,
                stdDev: p.n > 0 ? Math.sqrt(Math.max(0, p.m2 / p.n)) : 0,
                min: p.min,
                max: p.max,
                buckets: kllBuckets(p.kll, p.min, p.max),
                sketch: p.kll,
            };
        }
        const present = p.types[1] + p.types[2] + p.types[3] + p.types[4];
        let categories = null;
        if (p.categories !== null && p.numericCategories !== null) {
            categories = new Map(p.categories);
            for (const [v, c] of p.numericCategories)
                categories.set(String(v), (categories.get(String(v)) ?? 0) + c);
        }
        return {
            name,
            type,
            present,
            missing: itemCount - present,
            distinctCount: categories ? categories.size : (p.categories?.size ?? 0),
            categories,
        };
    });
    return { itemCount, features };
}
/** The statistics.json document. */
function statisticsJson(stats) {
    return {
        version: 0.0,
        dataset: { item_count: stats.itemCount },
        features: stats.features.map((f) => {
            if (isNumeric(f)) {
                return {
                    name: f.name,
                    inferred_type: f.type,
                    numerical_statistics: {
                        common: { num_present: f.present, num_missing: f.missing },
                        mean: f.mean,
                        sum: f.sum,
                        std_dev: f.stdDev,
                        min: f.min,
                        max: f.max,
                        distribution: { kll: { buckets: f.buckets, sketch: f.sketch.toJSON() } },
                    },
                };
            }
            const s = {
                common: { num_present: f.present, num_missing: f.missing },
                distinct_count: f.distinctCount,
            };
            if (f.categories) {
                s.distribution = {
                    categorical: {
                        buckets: [...f.categories]
                            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
                            .map(([value, count]) => ({ value, count })),
                    },
                };
            }
            return { name: f.name, inferred_type: f.type, string_statistics: s };
        }),
    };
}
const FIX = 'fix: use a statistics.json written by monitor-gate (mode: baseline) or by a Model Monitor baselining job';
/** Reads statistics.json (object or text). Lenient only where Model Monitor itself varies (version 0 vs 0.0, no distribution). */
function parseStatistics(input, source) {
    const doc = typeof input === 'string' || Buffer.isBuffer(input) ? parseJsonText(input, source, FIX) : input;
    if (!isObj(doc))
        throw new errors_MonitorDataError(`${source}: statistics is not a JSON object; ${FIX}`);
    const dataset = obj(doc, 'dataset', source, FIX);
    const itemCount = num(dataset, 'item_count', `${source}: dataset`, FIX);
    const features = arr(doc, 'features', source, FIX).map((raw, i) => {
        const where = `${source}: features[${i}]`;
        if (!isObj(raw))
            throw new errors_MonitorDataError(`${where} is not an object; ${FIX}`);
        const name = str(raw, 'name', where, FIX);
        const type = str(raw, 'inferred_type', where, FIX);
        const at = `${source}: feature ${JSON.stringify(name)}`;
        if (type === 'Integral' || type === 'Fractional') {
            const ns = obj(raw, 'numerical_statistics', at, FIX);
            const common = obj(ns, 'common', `${at}.numerical_statistics`, FIX);
            const w = `${at}.numerical_statistics`;
            const dist = isObj(ns.distribution) ? ns.distribution : undefined;
            const kll = dist && isObj(dist.kll) ? dist.kll : undefined;
            if (!kll || !isObj(kll.sketch)) {
                throw new errors_MonitorDataError(`${w}.distribution.kll.sketch is missing: the drift distance Model Monitor uses needs the KLL sketch; ${FIX}`);
            }
            const sketch = KllSketch.fromJSON(kll.sketch, `${w}.distribution.kll.sketch`);
            const buckets = Array.isArray(kll.buckets)
                ? kll.buckets.map((b, j) => {
                    if (!isObj(b))
                        throw new errors_MonitorDataError(`${w}.distribution.kll.buckets[${j}] is not an object; ${FIX}`);
                    const bw = `${w}.distribution.kll.buckets[${j}]`;
                    return {
                        lower_bound: num(b, 'lower_bound', bw, FIX),
                        upper_bound: num(b, 'upper_bound', bw, FIX),
                        count: num(b, 'count', bw, FIX),
                    };
                })
                : [];
            return {
                name,
                type,
                present: num(common, 'num_present', `${w}.common`, FIX),
                missing: num(common, 'num_missing', `${w}.common`, FIX),
                mean: num(ns, 'mean', w, FIX),
                sum: num(ns, 'sum', w, FIX),
                stdDev: num(ns, 'std_dev', w, FIX),
                min: num(ns, 'min', w, FIX),
                max: num(ns, 'max', w, FIX),
                buckets,
                sketch,
            };
        }
        if (type === 'String' || type === 'Unknown') {
            const ss = isObj(raw.string_statistics) ? raw.string_statistics : undefined;
            if (!ss) {
                if (type === 'Unknown')
                    return { name, type, present: 0, missing: itemCount, distinctCount: 0, categories: null };
                throw new errors_MonitorDataError(`${at}.string_statistics is missing; ${FIX}`);
            }
            const w = `${at}.string_statistics`;
            const common = obj(ss, 'common', w, FIX);
            let categories = null;
            const d = isObj(ss.distribution) && isObj(ss.distribution.categorical)
                ? ss.distribution.categorical
                : undefined;
            if (d && Array.isArray(d.buckets)) {
                categories = new Map();
                d.buckets.forEach((b, j) => {
                    const bw = `${w}.distribution.categorical.buckets[${j}]`;
                    if (!isObj(b))
                        throw new errors_MonitorDataError(`${bw} is not an object; ${FIX}`);
                    const value = typeof b.value === 'number' ? String(b.value) : str(b, 'value', bw, FIX);
                    categories.set(value, num(b, 'count', bw, FIX));
                });
            }
            return {
                name,
                type,
                present: num(common, 'num_present', `${w}.common`, FIX),
                missing: num(common, 'num_missing', `${w}.common`, FIX),
                distinctCount: num(ss, 'distinct_count', w, FIX, true) ?? categories?.size ?? 0,
                categories,
            };
        }
        throw new errors_MonitorDataError(`${at}.inferred_type is ${JSON.stringify(type)}; expected Integral, Fractional, String or Unknown; ${FIX}`);
    });
    return { itemCount, features };
}

;// CONCATENATED MODULE: ./src/monitor/checks.ts
/**
 * The data-quality checks of Model Monitor's built-in container, over the current data's profiles
 * and the baseline: data_type_check, completeness_check, baseline_drift_check,
 * missing_column_check, extra_column_check, categorical_values_check. Each violation carries the
 * description wording Model Monitor uses where it is known (sagemaker.md §7). PSI and KS are
 * computed alongside the drift distance for the report (they are never gated).
 */





const pct = (x) => `${(x * 100).toFixed(1)}%`;
function violation(feature, type, description) {
    return { feature_name: feature, constraint_check_type: type, description };
}
/** Fails closed when no captured row has the baseline's shape (e.g. a baseline with the label column). */
function checkShape(baselineCount, totals) {
    if (totals.rows === 0 || totals.unknownNames.size > 0)
        return;
    if (!totals.columnCounts.has(baselineCount)) {
        const seen = [...totals.columnCounts.keys()].sort((a, b) => a - b).join(', ');
        throw new errors_MonitorDataError(`the baseline describes ${baselineCount} feature(s) but every captured row has ${seen} column(s): the baseline does not match the capture (a baseline built from training data that still has the label column looks like this); fix: build the baseline from the features the endpoint receives, in the same order`);
    }
}
function runChecks(baseline, constraints, totals) {
    const names = constraints.features.map((f) => f.name);
    const byName = new Map(baseline.features.map((f) => [f.name, f]));
    for (const n of names) {
        if (!byName.has(n)) {
            throw new errors_MonitorDataError(`constraints name feature ${JSON.stringify(n)} but the baseline statistics do not; fix: use the statistics.json and constraints.json of the same baseline`);
        }
    }
    checkShape(names.length, totals);
    const current = statisticsFromProfiles(names, totals.profiles, totals.rows);
    const cfg = constraints.config;
    const violations = [];
    const drift = [];
    if (!cfg.evaluateConstraints)
        return { statistics: current, violations, drift };
    // Column counts.
    let fewer = 0;
    let more = 0;
    for (const [cols, rows] of totals.columnCounts) {
        if (cols < names.length)
            fewer += rows;
        else if (cols > names.length)
            more += rows;
    }
    const maxCols = Math.max(0, ...totals.columnCounts.keys());
    const minCols = Math.min(names.length, ...totals.columnCounts.keys());
    if (fewer > 0) {
        violations.push(violation(names[Math.max(0, minCols)] ?? '', 'missing_column_check', `There are missing columns in current dataset. Number of columns in current dataset: ${minCols}, Number of columns in baseline constraints: ${names.length} (${fewer} of ${totals.rows} row(s))`));
    }
    if (more > 0 || totals.unknownNames.size > 0) {
        const extra = totals.unknownNames.size > 0
            ? [...totals.unknownNames.keys()].join(', ')
            : `column ${names.length + 1}`;
        violations.push(violation(totals.unknownNames.size > 0 ? [...totals.unknownNames.keys()][0] : `_c${names.length}`, 'extra_column_check', `There are extra columns in current dataset (${extra}). Number of columns in current dataset: ${Math.max(maxCols, names.length + totals.unknownNames.size)}, Number of columns in baseline constraints: ${names.length}`));
    }
    constraints.features.forEach((fc, i) => {
        if (!fc.evaluate)
            return;
        const base = byName.get(fc.name);
        const cur = current.features[i];
        const p = totals.profiles[i] ?? new FeatureProfile();
        dataTypeCheck(fc, p, cfg.datatypeCheckThreshold, violations);
        completenessCheck(fc, cur, totals.rows, violations);
        categoricalValuesCheck(fc, cur, cfg.domainContentThreshold, violations);
        if (cfg.performComparison) {
            const d = driftOf(fc, base, cur, constraints);
            if (d) {
                drift.push(d);
                if (d.drifted) {
                    violations.push(violation(fc.name, 'baseline_drift_check', d.kind === 'numerical'
                        ? `Numerical distance: ${d.distance} exceeds numerical threshold: ${d.threshold}`
                        : `Categorical distance: ${d.distance} exceeds categorical threshold: ${d.threshold}`));
                }
            }
        }
    });
    return { statistics: current, violations, drift };
}
function dataTypeCheck(fc, p, threshold, out) {
    if (fc.type !== 'Integral' && fc.type !== 'Fractional')
        return;
    const nonNull = p.types[1] + p.types[2] + p.types[3] + p.types[4];
    if (nonNull === 0)
        return;
    const matching = fc.type === 'Integral' ? p.types[T_INTEGRAL] : p.types[T_INTEGRAL] + p.types[T_FRACTIONAL];
    const ratio = matching / nonNull;
    if (ratio < threshold) {
        out.push(violation(fc.name, 'data_type_check', `Data type match requirement is not met. Expected data type: ${fc.type}, Expected match: ${pct(threshold)}. Observed: Only ${pct(ratio)} of data is ${fc.type}.`));
    }
}
function completenessCheck(fc, cur, rows, out) {
    if (fc.completeness === undefined || rows === 0)
        return;
    const observed = cur.present / rows;
    if (observed < fc.completeness) {
        out.push(violation(fc.name, 'completeness_check', `Value: ${observed} does not meet the constraint requirement! `));
    }
}
function categoricalValuesCheck(fc, cur, threshold, out) {
    if (!fc.domains || isNumeric(cur) || cur.present === 0)
        return;
    const domain = new Set(fc.domains);
    let inDomain = 0;
    let total = 0;
    if (cur.categories === null) {
        out.push(violation(fc.name, 'categorical_values_check', `Value: 0 does not meet the constraint requirement! (more distinct values than can be counted)`));
        return;
    }
    for (const [v, c] of cur.categories) {
        total += c;
        if (domain.has(v))
            inDomain += c;
    }
    const ratio = total === 0 ? 1 : inDomain / total;
    if (ratio < threshold) {
        out.push(violation(fc.name, 'categorical_values_check', `Value: ${ratio} does not meet the constraint requirement! `));
    }
}
function driftOf(fc, base, cur, c) {
    const cfg = c.config;
    if (isNumeric(base) && isNumeric(cur)) {
        if (base.sketch.count === 0 || cur.sketch.count === 0)
            return undefined;
        const threshold = fc.comparisonThreshold ?? cfg.comparisonThreshold;
        // one CDF walk for the gated distance and the KS statistic (the same L-infinity distance)
        const simple = linfSimple(cur.sketch, base.sketch);
        const distance = numericalDistance(base.sketch, cur.sketch, cfg.comparisonMethod, simple);
        const edges = [-Infinity, ...base.buckets.slice(1).map((b) => b.lower_bound), Infinity];
        const baselineCounts = base.buckets.length > 0 ? base.buckets.map((b) => b.count) : [base.sketch.count];
        const currentCounts = base.buckets.length > 0 ? bucketCounts(cur.sketch, edges) : [cur.sketch.count];
        return {
            name: fc.name,
            kind: 'numerical',
            distance,
            threshold,
            method: cfg.comparisonMethod,
            drifted: distance > threshold,
            psi: psi(baselineCounts, currentCounts),
            ks: ksTest(base.sketch, cur.sketch, simple),
            labels: base.buckets.map((b) => `${checks_fmt(b.lower_bound)}–${checks_fmt(b.upper_bound)}`),
            baselineCounts,
            currentCounts,
        };
    }
    if (!isNumeric(base) &&
        !isNumeric(cur) &&
        base.categories &&
        cur.categories &&
        base.categories.size > 0 &&
        cur.categories.size > 0) {
        const threshold = fc.comparisonThreshold ?? cfg.categoricalComparisonThreshold;
        if (cfg.categoricalDriftMethod === 'ChiSquared') {
            throw new errors_MonitorDataError(`constraints ask for categorical_drift_method ChiSquared (feature ${JSON.stringify(fc.name)}), which this gate does not compute; it fails closed rather than skip the check; fix: set categorical_drift_method to LInfinity`);
        }
        const distance = categoricalDistance(base.categories, cur.categories, cfg.comparisonMethod);
        const top = [...base.categories]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 9)
            .map(([k]) => k);
        const topSet = new Set(top);
        const other = (m) => [...m].filter(([k]) => !topSet.has(k)).reduce((s, [, v]) => s + v, 0);
        return {
            name: fc.name,
            kind: 'categorical',
            distance,
            threshold,
            method: `${cfg.comparisonMethod} LInfinity`,
            drifted: distance > threshold,
            psi: psi([...top.map((k) => base.categories.get(k) ?? 0), other(base.categories)], [...top.map((k) => cur.categories.get(k) ?? 0), other(cur.categories)]),
            labels: [...top, 'other'],
            baselineCounts: [...top.map((k) => base.categories.get(k) ?? 0), other(base.categories)],
            currentCounts: [...top.map((k) => cur.categories.get(k) ?? 0), other(cur.categories)],
        };
    }
    return undefined;
}
function checks_fmt(v) {
    return Number.isInteger(v) ? String(v) : v.toPrecision(4);
}

;// CONCATENATED MODULE: ./src/monitor/constraints.ts



/** String features with at most this many distinct values get a domain (the profiler's low-cardinality limit). */
const DOMAIN_MAX_VALUES = 120;
/**
 * Defaults as Model Monitor's suggested constraints show them: both type and domain thresholds
 * 1.0 (every value must match: its violation text reads "Expected match: 100.0%"), drift threshold
 * 0.1 with the Robust method, categorical LInfinity 0.1. AWS's current schema page gives 0.1 as the
 * default of the first two when a file omits them; readers use that.
 */
const SUGGESTED_CONFIG = {
    evaluateConstraints: true,
    emitMetrics: true,
    datatypeCheckThreshold: 1.0,
    domainContentThreshold: 1.0,
    performComparison: true,
    comparisonThreshold: 0.1,
    comparisonMethod: 'Robust',
    categoricalComparisonThreshold: 0.1,
    categoricalDriftMethod: 'LInfinity',
};
function suggestConstraints(stats, overrides = {}) {
    const features = stats.features.map((f) => {
        const c = {
            name: f.name,
            type: f.type,
            completeness: stats.itemCount > 0 ? f.present / stats.itemCount : 0,
            evaluate: true,
        };
        if (isNumeric(f))
            c.isNonNegative = f.present > 0 && f.min >= 0;
        else if (f.type === 'String' && f.categories && f.categories.size <= DOMAIN_MAX_VALUES) {
            c.domains = [...f.categories.keys()].sort();
        }
        return c;
    });
    return { features, config: { ...SUGGESTED_CONFIG, ...overrides } };
}
const enabled = (b) => (b ? 'Enabled' : 'Disabled');
function constraintsJson(c) {
    return {
        version: 0.0,
        features: c.features.map((f) => {
            const o = { name: f.name, inferred_type: f.type };
            if (f.completeness !== undefined)
                o.completeness = f.completeness;
            if (f.isNonNegative !== undefined)
                o.num_constraints = { is_non_negative: f.isNonNegative };
            if (f.domains)
                o.string_constraints = { domains: f.domains };
            return o;
        }),
        monitoring_config: {
            evaluate_constraints: enabled(c.config.evaluateConstraints),
            emit_metrics: enabled(c.config.emitMetrics),
            datatype_check_threshold: c.config.datatypeCheckThreshold,
            domain_content_threshold: c.config.domainContentThreshold,
            distribution_constraints: {
                perform_comparison: enabled(c.config.performComparison),
                comparison_threshold: c.config.comparisonThreshold,
                comparison_method: c.config.comparisonMethod,
                categorical_comparison_threshold: c.config.categoricalComparisonThreshold,
                categorical_drift_method: c.config.categoricalDriftMethod,
            },
        },
    };
}
const constraints_FIX = 'fix: use a constraints.json written by monitor-gate (mode: baseline) or by a Model Monitor baselining job';
function flag(v, where, fallback) {
    if (v === undefined)
        return fallback;
    if (v === 'Enabled' || v === true)
        return true;
    if (v === 'Disabled' || v === false)
        return false;
    throw new errors_MonitorDataError(`${where} is ${JSON.stringify(v)}; expected "Enabled" or "Disabled"; ${constraints_FIX}`);
}
function optNumber(v, where, fallback) {
    if (v === undefined)
        return fallback;
    if (typeof v === 'number' && Number.isFinite(v))
        return v;
    throw new errors_MonitorDataError(`${where} is ${JSON.stringify(v)}; expected a number; ${constraints_FIX}`);
}
function overridesOf(raw) {
    for (const holder of [raw, raw.string_constraints, raw.num_constraints]) {
        if (!isObj(holder))
            continue;
        const o = holder.monitoringConfigOverrides ?? holder.monitoring_config_overrides;
        if (isObj(o))
            return o;
    }
    return undefined;
}
function parseConstraints(input, source) {
    const doc = typeof input === 'string' || Buffer.isBuffer(input) ? parseJsonText(input, source, constraints_FIX) : input;
    if (!isObj(doc))
        throw new errors_MonitorDataError(`${source}: constraints is not a JSON object; ${constraints_FIX}`);
    const features = arr(doc, 'features', source, constraints_FIX).map((raw, i) => {
        const where = `${source}: features[${i}]`;
        if (!isObj(raw))
            throw new errors_MonitorDataError(`${where} is not an object; ${constraints_FIX}`);
        const name = str(raw, 'name', where, constraints_FIX);
        const type = str(raw, 'inferred_type', where, constraints_FIX);
        const at = `${source}: feature ${JSON.stringify(name)}`;
        if (!['Integral', 'Fractional', 'String', 'Unknown'].includes(type)) {
            throw new errors_MonitorDataError(`${at}.inferred_type is ${JSON.stringify(type)}; expected Integral, Fractional, String or Unknown; ${constraints_FIX}`);
        }
        const f = { name, type: type, evaluate: true };
        if (raw.completeness !== undefined) {
            const c = optNumber(raw.completeness, `${at}.completeness`, 1);
            if (c < 0 || c > 1)
                throw new errors_MonitorDataError(`${at}.completeness is ${c}; expected a fraction in [0, 1]; ${constraints_FIX}`);
            f.completeness = c;
        }
        if (isObj(raw.num_constraints) && typeof raw.num_constraints.is_non_negative === 'boolean') {
            f.isNonNegative = raw.num_constraints.is_non_negative;
        }
        if (isObj(raw.string_constraints) && raw.string_constraints.domains !== undefined) {
            const d = raw.string_constraints.domains;
            if (!Array.isArray(d) || d.some((x) => typeof x !== 'string' && typeof x !== 'number')) {
                throw new errors_MonitorDataError(`${at}.string_constraints.domains must be an array of strings; ${constraints_FIX}`);
            }
            f.domains = d.map(String);
        }
        const ov = overridesOf(raw);
        if (ov) {
            f.evaluate = flag(ov.evaluate_constraints, `${at} overrides.evaluate_constraints`, true);
            if (ov.comparison_threshold !== undefined)
                f.comparisonThreshold = optNumber(ov.comparison_threshold, `${at} overrides.comparison_threshold`, 0.1);
        }
        return f;
    });
    const mc = isObj(doc.monitoring_config) ? doc.monitoring_config : {};
    const w = `${source}: monitoring_config`;
    const dc = isObj(mc.distribution_constraints) ? mc.distribution_constraints : {};
    const dw = `${w}.distribution_constraints`;
    const method = dc.comparison_method ?? dc.comparion_method ?? 'Robust'; // an older AWS page misspelt it
    if (method !== 'Simple' && method !== 'Robust') {
        throw new errors_MonitorDataError(`${dw}.comparison_method is ${JSON.stringify(method)}; expected "Simple" or "Robust"; ${constraints_FIX}`);
    }
    const catMethod = dc.categorical_drift_method ?? 'LInfinity';
    if (catMethod !== 'LInfinity' && catMethod !== 'ChiSquared') {
        throw new errors_MonitorDataError(`${dw}.categorical_drift_method is ${JSON.stringify(catMethod)}; expected "LInfinity" or "ChiSquared"; ${constraints_FIX}`);
    }
    const config = {
        evaluateConstraints: flag(mc.evaluate_constraints, `${w}.evaluate_constraints`, true),
        emitMetrics: flag(mc.emit_metrics, `${w}.emit_metrics`, true),
        datatypeCheckThreshold: optNumber(mc.datatype_check_threshold, `${w}.datatype_check_threshold`, 0.1),
        domainContentThreshold: optNumber(mc.domain_content_threshold, `${w}.domain_content_threshold`, 0.1),
        performComparison: flag(dc.perform_comparison ?? dc.enable_comparisons, `${dw}.perform_comparison`, true),
        comparisonThreshold: optNumber(dc.comparison_threshold, `${dw}.comparison_threshold`, 0.1),
        comparisonMethod: method,
        categoricalComparisonThreshold: optNumber(dc.categorical_comparison_threshold, `${dw}.categorical_comparison_threshold`, 0.1),
        categoricalDriftMethod: catMethod,
    };
    return { features, config };
}

// EXTERNAL MODULE: ./src/metrics/compute.ts
var compute = __webpack_require__(2624);
// EXTERNAL MODULE: ./src/metrics/parse-number.ts
var parse_number = __webpack_require__(9354);
;// CONCATENATED MODULE: ./src/monitor/ground-truth.ts
/**
 * Model quality from ground truth: SageMaker's ground-truth JSON Lines
 * ({"groundTruthData": {"data": "1", "encoding": "CSV"}, "eventMetadata": {"eventId": ...},
 * "eventVersion": "0"}), joined with the captured predictions by the capture's inferenceId when the
 * caller set one, else its eventId (sagemaker.md §6), then scored by the evaluate action's exact
 * metrics engine and written as model-quality JSON.
 */





const FIX_GT = 'fix: write ground truth as JSON Lines {"groundTruthData": {"data": "<label>", "encoding": "CSV"}, "eventMetadata": {"eventId": "<the capture\'s inferenceId or eventId>"}, "eventVersion": "0"}';
function readGroundTruth(files) {
    const labels = new Map();
    let records = 0;
    for (const file of files) {
        let text;
        try {
            const bytes = (0,external_node_fs_.readFileSync)(file);
            text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        }
        catch (err) {
            throw new errors_MonitorDataError(`cannot read ${file} as UTF-8 text: ${err.message}; ${FIX_GT}`);
        }
        const lines = text.split('\n');
        lines.forEach((raw, i) => {
            const line = raw.replace(/\r$/, '');
            if (line.trim() === '')
                return;
            const at = `${file}:${i + 1}`;
            let rec;
            try {
                rec = JSON.parse(line);
            }
            catch (err) {
                throw new errors_MonitorDataError(`${at}: not valid JSON (${err.message}); ${FIX_GT}`);
            }
            if (!isObj(rec) || !isObj(rec.groundTruthData) || !isObj(rec.eventMetadata)) {
                throw new errors_MonitorDataError(`${at}: the record needs groundTruthData and eventMetadata objects; ${FIX_GT}`);
            }
            const id = rec.eventMetadata.eventId;
            const data = rec.groundTruthData.data;
            const encoding = rec.groundTruthData.encoding ?? 'CSV';
            if (typeof id !== 'string' || id === '')
                throw new errors_MonitorDataError(`${at}: eventMetadata.eventId is missing; ${FIX_GT}`);
            if (typeof data !== 'string' && typeof data !== 'number')
                throw new errors_MonitorDataError(`${at}: groundTruthData.data is missing; ${FIX_GT}`);
            let text2 = String(data);
            if (encoding === 'BASE64')
                text2 = Buffer.from(text2, 'base64').toString('utf8');
            else if (encoding === 'JSON') {
                try {
                    const v = JSON.parse(text2);
                    text2 = String(isObj(v) ? (v.label ?? v.ground_truth ?? '') : v);
                }
                catch {
                    throw new errors_MonitorDataError(`${at}: groundTruthData.data is marked JSON but does not parse; ${FIX_GT}`);
                }
            }
            else if (encoding !== 'CSV')
                throw new errors_MonitorDataError(`${at}: groundTruthData.encoding ${JSON.stringify(encoding)} is not CSV, JSON or BASE64; ${FIX_GT}`);
            const label = (0,parse_number/* parseNumberText */.k)(text2.split(',')[0] ?? '');
            if (!Number.isFinite(label))
                throw new errors_MonitorDataError(`${at}: label ${JSON.stringify(text2.slice(0, 40))} is not a number; ${FIX_GT}`);
            records++;
            if (labels.has(id) && labels.get(id) !== label) {
                throw new errors_MonitorDataError(`${at}: event ${JSON.stringify(id)} has two different labels; ${FIX_GT}`);
            }
            labels.set(id, label);
        });
    }
    return { labels, records, files: files.length };
}
/** The prediction in an endpoint output payload: a number, the first CSV value, or a JSON score. */
function predictionOf(output) {
    const t = output.trim();
    if (t.startsWith('{') || t.startsWith('[')) {
        try {
            let v = JSON.parse(t);
            for (let k = 0; k < 4; k++) {
                if (Array.isArray(v))
                    v = v[0];
                else if (isObj(v))
                    v =
                        v.score ?? v.predictions ?? v.prediction ?? v.predicted_label ?? v.probability ?? v.probabilities;
                else
                    break;
            }
            return typeof v === 'number' ? v : NaN;
        }
        catch {
            return NaN;
        }
    }
    return (0,parse_number/* parseNumberText */.k)(t.split(/[,\n]/)[0] ?? '');
}
function modelQuality(keys, outputs, gt, problemType, threshold) {
    const labels = [];
    const scores = [];
    keys.forEach((k, i) => {
        const y = gt.labels.get(k);
        if (y === undefined)
            return;
        const s = predictionOf(outputs[i]);
        if (!Number.isFinite(s)) {
            throw new errors_MonitorDataError(`captured output for event ${JSON.stringify(k)} is ${JSON.stringify(outputs[i].slice(0, 40))}, not a prediction; fix: the endpoint must return a number (CSV) or JSON such as {"score": 0.7}`);
        }
        labels.push(y);
        scores.push(s);
    });
    const matched = labels.length;
    const captured = keys.length;
    if (matched === 0) {
        throw new errors_MonitorDataError(`none of the ${captured} captured prediction(s) in the window has ground truth (${gt.records} ground-truth record(s) read); fix: label with the capture's inferenceId (or eventId when no inference id was sent), and cover the same time window`);
    }
    const evaluation = (0,compute/* computeMetrics */.pH)(problemType, Float64Array.from(labels), { scores: Float64Array.from(scores) }, { threshold });
    return {
        evaluation,
        report: { version: 0.0, dataset: { item_count: matched }, ...evaluation.report },
        captured,
        matched,
        joinRate: captured === 0 ? 0 : matched / captured,
        groundTruthRecords: gt.records,
    };
}

// EXTERNAL MODULE: ./src/workers/pool.ts + 2 modules
var workers_pool = __webpack_require__(8712);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./src/monitor/capture-slots.ts
/**
 * The string members of a data-capture record that the capture reader uses (sagemaker.md §7), as
 * slots of the line scanner (json-scan.ts): their numbers, their paths for messages, and what a
 * slot's start holds when the member is not a string or absent.
 */
const S_IN_DATA = 0;
const S_IN_ENCODING = 1;
const S_IN_CONTENT_TYPE = 2;
const S_IN_MODE = 3;
const S_OUT_DATA = 4;
const S_OUT_ENCODING = 5;
const S_OUT_CONTENT_TYPE = 6;
const S_OUT_MODE = 7;
const S_EVENT_ID = 8;
const S_INFERENCE_ID = 9;
const S_INFERENCE_TIME = 10;
const S_EVENT_VERSION = 11;
const SLOTS = 12;
/** Slot names as paths, for messages. */
const SLOT_PATHS = [
    'captureData.endpointInput.data',
    'captureData.endpointInput.encoding',
    'captureData.endpointInput.observedContentType',
    'captureData.endpointInput.mode',
    'captureData.endpointOutput.data',
    'captureData.endpointOutput.encoding',
    'captureData.endpointOutput.observedContentType',
    'captureData.endpointOutput.mode',
    'eventMetadata.eventId',
    'eventMetadata.inferenceId',
    'eventMetadata.inferenceTime',
    'eventVersion',
];
/** Member present but not a string. */
const NOT_STRING = -2;
const ABSENT = -1;

;// CONCATENATED MODULE: ./src/monitor/json-unescape.ts
/** Decoding a JSON string's escapes from bytes, for the capture reader's payloads. */
/**
 * The bytes of the JSON string body buf[s, e) (between its quotes, already validated) with its
 * escapes resolved, written into `scratch` (grown as needed): returns [scratch, 0, length].
 */
function unescapeJsonString(b, s, e, scratch) {
    if (scratch.buf.length < e - s)
        scratch.buf = Buffer.allocUnsafe(Math.max(e - s, scratch.buf.length * 2));
    const out = scratch.buf;
    let o = 0;
    for (let i = s; i < e;) {
        const c = b[i];
        if (c !== 92) {
            out[o++] = c;
            i++;
            continue;
        }
        const x = b[i + 1];
        i += 2;
        switch (x) {
            case 110:
                out[o++] = 10;
                break;
            case 114:
                out[o++] = 13;
                break;
            case 116:
                out[o++] = 9;
                break;
            case 98:
                out[o++] = 8;
                break;
            case 102:
                out[o++] = 12;
                break;
            case 117: {
                let cp = parseInt(Buffer.from(b.buffer, b.byteOffset + i, 4).toString('latin1'), 16);
                i += 4;
                if (cp >= 0xd800 && cp <= 0xdbff && b[i] === 92 && b[i + 1] === 117) {
                    const lo = parseInt(Buffer.from(b.buffer, b.byteOffset + i + 2, 4).toString('latin1'), 16);
                    if (lo >= 0xdc00 && lo <= 0xdfff) {
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                        i += 6;
                    }
                }
                o += out.write(String.fromCodePoint(cp), o, 'utf8');
                break;
            }
            default:
                out[o++] = x; // \" \\ \/
        }
    }
    return [out, 0, o];
}

;// CONCATENATED MODULE: ./src/monitor/line-template.ts
/** Lines compared against the template's source line before constant strings are folded in. */
const OBSERVE_LINES = 32;
class LineTemplate {
    src;
    holes;
    /** literal bytes of all segments, back to back; segment k ends at segEnd[k] */
    lit;
    litView;
    /**
     * Whether literal words may be compared eight bytes at a time as doubles. Two doubles compare
     * equal exactly when their bits do, except NaN (never equal) and -0 === +0; an eight-byte word of
     * the literal is NaN or infinite only with a 0x7f or 0xff byte on top, and zero only with seven
     * 0x00 bytes, so a literal without those bytes (all of SageMaker's: JSON text has none outside
     * strings) compares exactly. Otherwise words of four bytes, as integers.
     */
    wide = false;
    segEnd;
    /** slot (or -1) of the hole after segment k */
    holeSlot;
    /** slots inside literal segments: [segment, slot, start, end] relative to the segment start */
    fixed;
    /** hole spans of the last matched line (absolute) */
    curStart;
    curEnd;
    /** holes seen with other content than the source line's; the count of lines compared */
    varies;
    observed = 0;
    refined = false;
    constructor(src, holes) {
        this.src = src;
        this.holes = holes;
        this.build(holes.map(() => false));
    }
    /**
     * A template from a line the full walk just validated (`trace`: [open, close, slot] per string
     * value), or undefined when a member Model Monitor reads was not a string.
     */
    static from(buf, s, e, trace, starts) {
        for (let k = 0; k < starts.length; k++)
            if (starts[k] < -1)
                return undefined;
        const holes = [];
        for (let t = 0; t < trace.length; t += 3)
            holes.push({ open: trace[t] - s, close: trace[t + 1] - s, slot: trace[t + 2] });
        return new LineTemplate(Uint8Array.prototype.slice.call(buf, s, e), holes); // a copy (Buffer#slice is a view)
    }
    build(constant) {
        const segs = [];
        const holeSlot = [];
        const fixed = [];
        let from = 0;
        this.holes.forEach((h, k) => {
            if (constant[k]) {
                if (h.slot >= 0)
                    fixed.push(segs.length, h.slot, h.open + 1 - from, h.close - from);
                return;
            }
            segs.push([from, h.open + 1]);
            holeSlot.push(h.slot);
            from = h.close;
        });
        segs.push([from, this.src.length]);
        const total = segs.reduce((a, [x, y]) => a + y - x, 0);
        this.lit = new Uint8Array(total);
        this.litView = new DataView(this.lit.buffer);
        this.segEnd = new Int32Array(segs.length);
        let o = 0;
        segs.forEach(([x, y], k) => {
            this.lit.set(this.src.subarray(x, y), o);
            o += y - x;
            this.segEnd[k] = o;
        });
        this.wide = !this.lit.includes(0x7f) && !this.lit.includes(0xff) && !this.lit.includes(0);
        this.holeSlot = Int32Array.from(holeSlot);
        this.fixed = Int32Array.from(fixed);
        this.curStart = new Int32Array(holeSlot.length);
        this.curEnd = new Int32Array(holeSlot.length);
        this.varies = new Uint8Array(holeSlot.length);
    }
    /**
     * Whether buf[s, e) has this layout; on true the scanner's slots are set. Throws the scanner's
     * SyntaxFailure when a hole is not a valid string (the caller then walks the line in full).
     */
    match(sc, buf, s, e) {
        const lit = this.lit;
        const litView = this.litView;
        const view = sc.view;
        const segEnd = this.segEnd;
        const holeSlot = this.holeSlot;
        const fixed = this.fixed;
        const starts = sc.starts;
        const ends = sc.ends;
        const holes = holeSlot.length;
        const wide = this.wide;
        let pos = s;
        let li = 0;
        let fi = 0;
        for (let k = 0; k <= holes; k++) {
            const segStart = pos;
            const le = segEnd[k];
            if (pos + (le - li) > e)
                return false;
            // eight bytes at a time (as doubles, equal exactly when their bits are: see `wide`) or four,
            // then the rest
            if (wide) {
                for (; li + 8 <= le; li += 8, pos += 8)
                    if (view.getFloat64(pos, true) !== litView.getFloat64(li, true))
                        return false;
            }
            else {
                for (; li + 4 <= le; li += 4, pos += 4)
                    if (view.getUint32(pos, true) !== litView.getUint32(li, true))
                        return false;
            }
            for (; li < le; li++, pos++)
                if (buf[pos] !== lit[li])
                    return false;
            while (fi < fixed.length && fixed[fi] === k) {
                const slot = fixed[fi + 1];
                starts[slot] = segStart + fixed[fi + 2];
                ends[slot] = segStart + fixed[fi + 3];
                fi += 4;
            }
            if (k < holes) {
                const slot = holeSlot[k];
                const after = sc.stringAt(pos - 1, slot); // pos - 1: the opening quote
                if (slot >= 0) {
                    starts[slot] = pos;
                    ends[slot] = after - 1;
                }
                this.curStart[k] = pos;
                this.curEnd[k] = after - 1;
                pos = after - 1; // the closing quote opens the next segment
            }
        }
        if (pos !== e)
            return false;
        if (!this.refined)
            this.observe(buf);
        return true;
    }
    /** Notes which holes differ from the source line; after OBSERVE_LINES folds the others in. */
    observe(buf) {
        const src = this.src;
        for (let k = 0; k < this.holes.length; k++) {
            if (this.varies[k])
                continue;
            const h = this.holes[k];
            const a = this.curStart[k];
            const n = this.curEnd[k] - a;
            let same = n === h.close - h.open - 1;
            for (let i = 0; same && i < n; i++) {
                const c = buf[a + i];
                // a string with an escape stays a hole (the scanner records its escapes there)
                if (c !== src[h.open + 1 + i] || c === 92)
                    same = false;
            }
            if (!same)
                this.varies[k] = 1;
        }
        if (++this.observed < OBSERVE_LINES)
            return;
        this.refined = true;
        const constant = this.holes.map((_, k) => !this.varies[k]);
        if (constant.some(Boolean))
            this.build(constant);
    }
}

;// CONCATENATED MODULE: ./src/monitor/json-scan.ts
/**
 * A byte-level reader for one data-capture JSON line: it validates the whole line as JSON (strict
 * grammar, UTF-8, no truncation) in one pass and records where the string members Model Monitor
 * reads sit (captureData.endpointInput/endpointOutput {observedContentType, mode, data, encoding},
 * eventMetadata {eventId, inferenceId, inferenceTime}, eventVersion) without building objects or
 * strings. Anything else in the record is validated and skipped. UTF-8 is not checked here: the
 * capture reader validates whole buffers natively (a newline never sits inside a UTF-8 sequence).
 *
 * Records from one writer share their layout byte for byte outside the string values, so after a
 * line has been validated in full it becomes a template (line-template.ts): a later line that
 * matches the template's bytes outside its strings, with each string validated in place, is the
 * same JSON structure and needs no member-by-member walk. Any mismatch falls back to the full walk.
 */



/** Strings up to this long are walked in JavaScript; longer ones use native searches. */
const SHORT_STRING = 256;
const C_ROOT = 0;
const C_CAPTURE = 1;
const C_IN = 2;
const C_OUT = 3;
const C_META = 4;
const C_OTHER = 5;
const enc = (s) => Uint8Array.from(Buffer.from(s, 'latin1'));
const K_CAPTURE = enc('captureData');
const K_META = enc('eventMetadata');
const K_VERSION = enc('eventVersion');
const K_IN = enc('endpointInput');
const K_OUT = enc('endpointOutput');
const K_DATA = enc('data');
const K_ENCODING = enc('encoding');
const K_CT = enc('observedContentType');
const K_MODE = enc('mode');
const K_EVENT_ID = enc('eventId');
const K_INFERENCE_ID = enc('inferenceId');
const K_TIME = enc('inferenceTime');
function keyIs(buf, s, e, k) {
    if (e - s !== k.length)
        return false;
    for (let i = 0; i < k.length; i++)
        if (buf[s + i] !== k[i])
            return false;
    return true;
}
class SyntaxFailure {
    pos;
    what;
    constructor(pos, what) {
        this.pos = pos;
        this.what = what;
    }
}
class CaptureLineScanner {
    starts = new Int32Array(SLOTS);
    ends = new Int32Array(SLOTS);
    /** 0: no escapes; 1: only \n and \r escapes; 2: other escapes too. */
    escaped = new Uint8Array(SLOTS);
    /** The buffer of the last scanned line, and a view of it for reading words. */
    buf = new Uint8Array(0);
    view = new DataView(new ArrayBuffer(0));
    backslashBuf;
    backslashFrom = 0;
    nextBackslash = -1;
    end = 0;
    /** Set when scan() returns false: what was wrong and the 0-based column. */
    error = '';
    errorColumn = 0;
    /** String values of the last full walk: [opening quote, closing quote, slot or -1] triples. */
    trace = [];
    tracing = false;
    template;
    /** Lines that matched the template / took the full walk (for tests and the bench). */
    fastLines = 0;
    slowLines = 0;
    /** Validates buf[s, e) as one JSON object and records the members' spans. */
    scan(buf, s, e) {
        if (buf !== this.buf)
            this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        this.buf = buf;
        this.end = e;
        // The next backslash is searched in the whole buffer and remembered across lines of the
        // same buffer while positions grow (a reader that refills the buffer restarts at a lower
        // position, which resets it), so lines without escapes cost no repeated search.
        if (buf !== this.backslashBuf || s < this.backslashFrom) {
            this.backslashBuf = buf;
            this.nextBackslash = -1;
        }
        this.reset();
        const t = this.template;
        if (t !== undefined) {
            let ok = false;
            try {
                ok = t.match(this, buf, s, e);
            }
            catch (err) {
                if (!(err instanceof SyntaxFailure))
                    throw err;
            }
            if (ok) {
                this.fastLines++;
                return true;
            }
            // Walk the line in full; the backslash search restarts at its start.
            this.nextBackslash = -1;
            this.reset();
        }
        this.slowLines++;
        this.trace.length = 0;
        this.tracing = true;
        try {
            let i = this.ws(s);
            if (i >= e || buf[i] !== 123)
                throw new SyntaxFailure(i, 'a data-capture record must be a JSON object');
            i = this.ws(this.object(i, C_ROOT, 0));
            if (i !== e)
                throw new SyntaxFailure(i, 'unexpected text after the JSON object');
            this.template = LineTemplate.from(buf, s, e, this.trace, this.starts);
            return true;
        }
        catch (err) {
            if (!(err instanceof SyntaxFailure))
                throw err;
            this.error = err.what;
            this.errorColumn = err.pos - s + 1;
            return false;
        }
        finally {
            this.tracing = false;
        }
    }
    reset() {
        const st = this.starts;
        const esc = this.escaped;
        for (let k = 0; k < SLOTS; k++) {
            st[k] = ABSENT;
            esc[k] = 0;
        }
    }
    /** For the template: validates the string whose opening quote is at i (see string()). */
    stringAt(i, slot) {
        return this.string(i, slot);
    }
    ws(i) {
        const b = this.buf;
        while (i < this.end) {
            const c = b[i];
            if (c !== 32 && c !== 9 && c !== 13 && c !== 10)
                break;
            i++;
        }
        return i;
    }
    truncated(i) {
        throw new SyntaxFailure(i, 'the line ends in the middle of the JSON record (truncated)');
    }
    /** At '{'; returns the index after the matching '}'. */
    object(i, ctx, depth) {
        if (depth > 64)
            throw new SyntaxFailure(i, 'JSON nested deeper than 64 levels');
        const b = this.buf;
        i = this.ws(i + 1);
        if (i >= this.end)
            this.truncated(i);
        if (b[i] === 125)
            return i + 1;
        for (;;) {
            if (i >= this.end)
                this.truncated(i);
            if (b[i] !== 34)
                throw new SyntaxFailure(i, 'expected a member name in double quotes');
            const ks = i + 1;
            i = this.string(i);
            const ke = i - 1;
            i = this.ws(i);
            if (i >= this.end)
                this.truncated(i);
            if (b[i] !== 58)
                throw new SyntaxFailure(i, "expected ':' after a member name");
            i = this.ws(i + 1);
            if (i >= this.end)
                this.truncated(i);
            let slot = -1;
            let child = C_OTHER;
            switch (ctx) {
                case C_ROOT:
                    if (keyIs(b, ks, ke, K_CAPTURE))
                        child = C_CAPTURE;
                    else if (keyIs(b, ks, ke, K_META))
                        child = C_META;
                    else if (keyIs(b, ks, ke, K_VERSION))
                        slot = S_EVENT_VERSION;
                    break;
                case C_CAPTURE:
                    if (keyIs(b, ks, ke, K_IN))
                        child = C_IN;
                    else if (keyIs(b, ks, ke, K_OUT))
                        child = C_OUT;
                    break;
                case C_IN:
                case C_OUT: {
                    const base = ctx === C_IN ? S_IN_DATA : S_OUT_DATA;
                    if (keyIs(b, ks, ke, K_DATA))
                        slot = base;
                    else if (keyIs(b, ks, ke, K_ENCODING))
                        slot = base + 1;
                    else if (keyIs(b, ks, ke, K_CT))
                        slot = base + 2;
                    else if (keyIs(b, ks, ke, K_MODE))
                        slot = base + 3;
                    break;
                }
                case C_META:
                    if (keyIs(b, ks, ke, K_EVENT_ID))
                        slot = S_EVENT_ID;
                    else if (keyIs(b, ks, ke, K_INFERENCE_ID))
                        slot = S_INFERENCE_ID;
                    else if (keyIs(b, ks, ke, K_TIME))
                        slot = S_INFERENCE_TIME;
                    break;
            }
            const c = b[i];
            if (slot >= 0) {
                if (c === 34) {
                    this.starts[slot] = i + 1;
                    const open = i;
                    i = this.string(i, slot);
                    this.ends[slot] = i - 1;
                    if (this.tracing)
                        this.trace.push(open, i - 1, slot);
                }
                else {
                    this.starts[slot] = NOT_STRING;
                    i = this.value(i, C_OTHER, depth + 1);
                }
            }
            else if (c === 123) {
                i = this.object(i, child, depth + 1);
            }
            else {
                i = this.value(i, C_OTHER, depth + 1);
            }
            i = this.ws(i);
            if (i >= this.end)
                this.truncated(i);
            if (b[i] === 44) {
                i = this.ws(i + 1);
                continue;
            }
            if (b[i] === 125)
                return i + 1;
            throw new SyntaxFailure(i, "expected ',' or '}' in an object");
        }
    }
    value(i, ctx, depth) {
        const b = this.buf;
        if (i >= this.end)
            this.truncated(i);
        const c = b[i];
        if (c === 34) {
            const after = this.string(i);
            if (this.tracing)
                this.trace.push(i, after - 1, -1);
            return after;
        }
        if (c === 123)
            return this.object(i, ctx, depth);
        if (c === 91) {
            if (depth > 64)
                throw new SyntaxFailure(i, 'JSON nested deeper than 64 levels');
            i = this.ws(i + 1);
            if (i >= this.end)
                this.truncated(i);
            if (b[i] === 93)
                return i + 1;
            for (;;) {
                i = this.ws(this.value(i, C_OTHER, depth + 1));
                if (i >= this.end)
                    this.truncated(i);
                if (b[i] === 44) {
                    i = this.ws(i + 1);
                    continue;
                }
                if (b[i] === 93)
                    return i + 1;
                throw new SyntaxFailure(i, "expected ',' or ']' in an array");
            }
        }
        if (c === 116)
            return this.literal(i, 'true');
        if (c === 102)
            return this.literal(i, 'false');
        if (c === 110)
            return this.literal(i, 'null');
        if (c === 45 || (c >= 48 && c <= 57))
            return this.number(i);
        throw new SyntaxFailure(i, `unexpected character ${JSON.stringify(String.fromCharCode(c))}`);
    }
    literal(i, word) {
        for (let k = 0; k < word.length; k++) {
            if (i + k >= this.end)
                this.truncated(i + k);
            if (this.buf[i + k] !== word.charCodeAt(k))
                throw new SyntaxFailure(i, 'invalid literal');
        }
        return i + word.length;
    }
    number(i) {
        const b = this.buf;
        const e = this.end;
        if (b[i] === 45)
            i++;
        if (i >= e)
            this.truncated(i);
        if (b[i] === 48)
            i++;
        else if (b[i] >= 49 && b[i] <= 57)
            while (i < e && b[i] >= 48 && b[i] <= 57)
                i++;
        else
            throw new SyntaxFailure(i, 'invalid number');
        if (i < e && b[i] === 46) {
            const f = ++i;
            while (i < e && b[i] >= 48 && b[i] <= 57)
                i++;
            if (i === f)
                throw new SyntaxFailure(i, 'invalid number');
        }
        if (i < e && (b[i] === 101 || b[i] === 69)) {
            i++;
            if (i < e && (b[i] === 43 || b[i] === 45))
                i++;
            const f = i;
            while (i < e && b[i] >= 48 && b[i] <= 57)
                i++;
            if (i === f)
                throw new SyntaxFailure(i, 'invalid number');
        }
        return i;
    }
    /**
     * At the opening quote; returns the index after the closing quote. Short strings (most members)
     * are walked byte by byte, which costs less than a native search's call; past SHORT_STRING
     * bytes the rest is two native searches (the closing quote, the next backslash) with the
     * escapes between them checked one by one. UTF-8 is validated by the caller.
     */
    string(i, slot = -1) {
        const b = this.buf;
        const v = this.view;
        const e = this.end;
        i++;
        const lim = Math.min(e, i + SHORT_STRING);
        while (i < lim) {
            // Four bytes at a time while none is a quote or a backslash (SWAR: a word holds a zero byte
            // when (x - 0x01010101) & ~x & 0x80808080 is non-zero; x is the word xor'ed with the byte).
            while (i + 4 <= lim) {
                const w = v.getUint32(i, true);
                const q = w ^ 0x22222222;
                const s = w ^ 0x5c5c5c5c;
                if ((((q - 0x01010101) & ~q) | ((s - 0x01010101) & ~s)) & 0x80808080)
                    break;
                i += 4;
            }
            if (i >= lim)
                break;
            const c = b[i];
            if (c === 34)
                return i + 1;
            if (c === 92)
                i = this.escape(i, slot);
            else
                i++;
        }
        if (i >= e)
            this.truncated(e);
        return this.longString(i, slot);
    }
    /** Checks the escape whose backslash is at k; returns the index after it. */
    escape(k, slot) {
        const b = this.buf;
        const e = this.end;
        if (k + 1 >= e)
            this.truncated(k);
        const x = b[k + 1];
        // 1: only \n / \r escapes (CSV rows: the reader splits on them in place); 2: others.
        if (slot >= 0)
            this.escaped[slot] = x === 110 || x === 114 ? this.escaped[slot] || 1 : 2;
        if (x === 117) {
            for (let j = 2; j < 6; j++) {
                if (k + j >= e)
                    this.truncated(k + j);
                const h = b[k + j];
                if (!((h >= 48 && h <= 57) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102)))
                    throw new SyntaxFailure(k, 'invalid \\u escape');
            }
            return k + 6;
        }
        if (x === 34 || x === 92 || x === 47 || x === 98 || x === 102 || x === 110 || x === 114 || x === 116)
            return k + 2;
        throw new SyntaxFailure(k, 'invalid escape in a string');
    }
    /** The rest of a string from i (inside it, not at an escape's second byte), by native searches. */
    longString(i, slot) {
        const b = this.buf;
        const e = this.end;
        let q = b.indexOf(34, i);
        for (;;) {
            if (q < 0 || q >= e)
                this.truncated(e);
            if (this.nextBackslash < i) {
                this.backslashFrom = i;
                const bs = b.indexOf(92, i);
                this.nextBackslash = bs < 0 ? b.length : bs;
            }
            // No backslash before the closing quote: done. (Raw control characters, which strict JSON
            // forbids, are not looked for: SageMaker's writer escapes them.)
            if (this.nextBackslash > q)
                return q + 1;
            i = this.escape(this.nextBackslash, slot);
            if (q < i)
                q = b.indexOf(34, i); // the quote found was escaped
        }
    }
    /** The decoded text of a recorded string member (JSON escapes resolved). */
    text(slot) {
        const s = this.starts[slot];
        if (s < 0)
            return '';
        const e = this.ends[slot];
        if (!this.escaped[slot])
            return Buffer.from(this.buf.buffer, this.buf.byteOffset + s, e - s).toString('utf8');
        return JSON.parse(Buffer.from(this.buf.buffer, this.buf.byteOffset + s - 1, e - s + 2).toString('utf8'));
    }
    /**
     * The member's bytes with escapes resolved, written into `scratch` when needed. Returns
     * [buffer, start, end]: the line buffer itself when there were no escapes.
     */
    bytes(slot, scratch) {
        const s = this.starts[slot];
        const e = this.ends[slot];
        if (!this.escaped[slot])
            return [this.buf, s, e];
        return unescapeJsonString(this.buf, s, e, scratch);
    }
}

;// CONCATENATED MODULE: ./src/monitor/capture-scan.ts
/**
 * Scans data-capture JSON Lines (one byte range of one file) into feature profiles: each line is
 * validated by the byte-level CaptureLineScanner, selected by its inferenceTime, and its
 * endpointInput payload (CSV, JSON, or base64 of either) is fed to the profiles. Every problem
 * fails closed with the file, the line and the fix.
 */







// Local copies: imported bindings can become getters in bundles, and these are read per record.
const IN_DATA = S_IN_DATA;
const IN_ENCODING = S_IN_ENCODING;
const FIX_CAPTURE = "fix: point capture-uri at the endpoint's data capture (JSON Lines written by SageMaker data capture), and remove files that are not capture records";
/** The yyyy-mm-ddThh bytes of the last hour parsed, and that hour in ms (records come in time order). */
const lastHour = new Uint8Array(13);
let lastHourMs = NaN;
/** The number in buf[i, i + n) when every byte there is a decimal digit, else -1. */
function digitsAt(buf, i, n) {
    let v = 0;
    for (let k = i; k < i + n; k++) {
        const x = buf[k] - 48;
        if (x < 0 || x > 9)
            return -1;
        v = v * 10 + x;
    }
    return v;
}
/** The ms of the hour yyyy-mm-ddThh at buf[s], or NaN when it is not a valid one. */
function hourStartMs(buf, s) {
    const year = digitsAt(buf, s, 4);
    const month = digitsAt(buf, s + 5, 2);
    const day = digitsAt(buf, s + 8, 2);
    const hour = digitsAt(buf, s + 11, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23)
        return NaN;
    return Date.UTC(year, month - 1, day, hour);
}
/**
 * Milliseconds since the epoch of an ISO-8601 time; the common Z form is parsed by hand. (Per
 * record: no closures here, which would be allocated at every call.)
 */
function parseIsoTime(buf, s, e) {
    if (e - s >= 20 &&
        buf[s + 4] === 45 &&
        buf[s + 7] === 45 &&
        buf[s + 10] === 84 &&
        buf[s + 13] === 58 &&
        buf[s + 16] === 58 &&
        buf[e - 1] === 90) {
        let hourMs = lastHourMs;
        for (let i = 0; i < 13 && hourMs === hourMs; i++)
            if (buf[s + i] !== lastHour[i])
                hourMs = NaN;
        if (hourMs !== hourMs) {
            hourMs = hourStartMs(buf, s);
            if (hourMs !== hourMs)
                return NaN;
            lastHour.set(buf.subarray(s, s + 13));
            lastHourMs = hourMs;
        }
        const min = digitsAt(buf, s + 14, 2);
        const sec = digitsAt(buf, s + 17, 2);
        let ms = 0;
        if (e - s > 20) {
            if (buf[s + 19] !== 46)
                return slowTime(buf, s, e);
            let scale = 100;
            for (let i = s + 20; i < e - 1; i++) {
                const x = buf[i] - 48;
                if (x < 0 || x > 9)
                    return NaN;
                ms += x * scale;
                scale /= 10;
            }
            ms = Math.floor(ms);
        }
        if (!(min >= 0 && min <= 59) || !(sec >= 0 && sec <= 60))
            return NaN;
        return hourMs + min * 60_000 + sec * 1000 + ms;
    }
    return slowTime(buf, s, e);
}
let capture_scan_primed = false;
/**
 * Before a thread's first range: the sketch's rare paths (see primeKllFeedback), and parseIsoTime's
 * a dozen times, then its cache cleared. V8 records a function's type feedback only from about its
 * ninth call, and a scan's first records (the cache's first miss) come before that, so the next
 * hour's miss came to the optimized code without feedback and threw it away (once per thread and
 * check, measured). Here, not at module load: the worker script also serves evaluate's tasks.
 */
function primeScanFeedback() {
    if (capture_scan_primed)
        return;
    capture_scan_primed = true;
    primeKllFeedback();
    const b = Buffer.from('2026-01-01T00:00:00Z2026-01-01T01:00:00.5Z', 'latin1');
    for (let i = 0; i < 12; i++)
        parseIsoTime(b, i % 2 === 0 ? 0 : 20, i % 2 === 0 ? 20 : 42);
    lastHour.fill(0);
    lastHourMs = NaN;
}
function slowTime(buf, s, e) {
    const t = Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('latin1');
    return /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(t) ? Date.parse(t) : NaN;
}
class LineFailure extends Error {
    offset;
    constructor(offset, message) {
        super(message);
        this.offset = offset;
    }
}
/** The 1-based line of byte `offset` in `file` (error path only). */
function lineOfOffset(file, offset) {
    const fd = (0,external_node_fs_.openSync)(file, 'r');
    try {
        const buf = Buffer.allocUnsafe(1 << 20);
        let line = 1;
        let pos = 0;
        while (pos < offset) {
            const n = (0,external_node_fs_.readSync)(fd, buf, 0, Math.min(buf.length, offset - pos), pos);
            if (n === 0)
                break;
            for (let i = 0; i < n; i++)
                if (buf[i] === 10)
                    line++;
            pos += n;
        }
        return line;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** Bytes read at a time: small enough that the scan reads them from the cache the read left them in. */
const READ_BYTES = 256 << 10;
let readBuffer = Buffer.alloc(0);
let threadScanner;
/** A result with nothing in it yet (`bytes` read). */
function emptyScanResult(bytes = 0) {
    return {
        sink: newSink(),
        records: 0,
        outsideWindow: 0,
        minTimeMs: Infinity,
        maxTimeMs: -Infinity,
        predictionKeys: [],
        predictionOutputs: [],
        bytes,
    };
}
/** The batch's ranges in order, into one result (the first data error stops it). */
function capture_scan_scanCaptureBatch(batch) {
    const result = emptyScanResult();
    for (let k = 0; k < batch.parts.length; k++)
        scanBatchPart(batch, k, result);
    return result;
}
/** The batch's range k, into `into` (scanCaptureBatch part by part). */
function scanBatchPart(batch, k, into) {
    const part = batch.parts[k];
    // One literal, so every task has the same shape whether the batch was built here or cloned
    // from another thread (a spread's shape follows its sources, and each new shape costs the
    // optimized scan code a deoptimization).
    const task = {
        file: part.file,
        start: part.start,
        end: part.end,
        sinceMs: batch.sinceMs,
        untilMs: batch.untilMs,
        featureNames: batch.featureNames,
        collectPredictions: batch.collectPredictions,
        requireInput: batch.requireInput,
    };
    scanCaptureRange(task, into);
}
/** Scans one range, into `into` when given (its counts and profiles grow). */
function scanCaptureRange(task, into) {
    primeScanFeedback();
    const result = into ?? emptyScanResult();
    result.bytes += task.end - task.start;
    const names = new Map(task.featureNames.map((n, i) => [n, i]));
    // One scanner per thread, range after range: its line template (and the JIT's type feedback for
    // it) carries over; a line of another layout takes the full walk and becomes the template. (What
    // it remembers of a buffer's bytes resets itself: a new range starts at a lower position.)
    const scanner = (threadScanner ??= new CaptureLineScanner());
    const scratch = { buf: Buffer.allocUnsafe(1 << 16) };
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(task.file, 'r');
    }
    catch (err) {
        throw new errors_MonitorDataError(`cannot read ${task.file}: ${err.message}; fix: check the path and permissions`);
    }
    try {
        // One read buffer per thread, reused range after range (nothing keeps a view of it).
        const size = Math.min(READ_BYTES, Math.max(1 << 16, task.end - task.start + 1));
        if (readBuffer.length < size)
            readBuffer = Buffer.allocUnsafe(size);
        let buf = readBuffer;
        let filled = 0;
        let pos = task.start; // file offset of buf[0]
        let readPos = task.start;
        for (;;) {
            if (filled === buf.length) {
                const bigger = Buffer.allocUnsafe(buf.length * 2);
                buf.copy(bigger, 0, 0, filled);
                buf = readBuffer = bigger;
            }
            const want = Math.min(buf.length - filled, task.end - readPos);
            const n = want > 0 ? (0,external_node_fs_.readSync)(fd, buf, filled, want, readPos) : 0;
            readPos += n;
            const eof = n === 0;
            const end = filled + n;
            let lineStart = 0;
            // UTF-8 once per buffer, natively (a newline byte never sits inside a UTF-8 sequence).
            const complete = eof ? end : buf.lastIndexOf(10, end - 1) + 1;
            if (complete > 0 && !(0,external_node_buffer_.isUtf8)(buf.subarray(0, complete))) {
                let ls = 0;
                while (ls < complete) {
                    let nl = buf.indexOf(10, ls);
                    if (nl < 0 || nl >= complete)
                        nl = complete;
                    if (!(0,external_node_buffer_.isUtf8)(buf.subarray(ls, nl))) {
                        throw new errors_MonitorDataError(`${task.file}:${lineOfOffset(task.file, pos + ls)}: the line holds bytes that are not UTF-8; ${FIX_CAPTURE}`);
                    }
                    ls = nl + 1;
                }
            }
            for (;;) {
                let nl = buf.indexOf(10, lineStart);
                if (nl < 0 || nl >= end) {
                    if (!eof || lineStart >= end)
                        break;
                    nl = end; // last line without a newline
                }
                let le = nl;
                if (le > lineStart && buf[le - 1] === 13)
                    le--;
                if (le > lineStart) {
                    try {
                        scanLine(task, result, scanner, scratch, buf, lineStart, le, names);
                    }
                    catch (err) {
                        if (err instanceof LineFailure) {
                            const off = pos + lineStart;
                            throw new errors_MonitorDataError(`${task.file}:${lineOfOffset(task.file, off)}: ${err.message}`);
                        }
                        throw err;
                    }
                }
                lineStart = nl + 1;
            }
            if (eof)
                break;
            buf.copy(buf, 0, lineStart, end);
            filled = end - lineStart;
            pos += lineStart;
        }
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    return result;
}
function required(scanner, slot) {
    const s = scanner.starts[slot];
    if (s === NOT_STRING)
        throw new LineFailure(0, `member ${SLOT_PATHS[slot]} is not a string, as SageMaker data capture writes it; ${FIX_CAPTURE}`);
    if (s < 0)
        throw new LineFailure(0, `the record has no ${SLOT_PATHS[slot]}, which SageMaker data capture always writes; ${FIX_CAPTURE}`);
}
function scanLine(task, r, sc, scratch, buf, s, e, names) {
    if (!sc.scan(buf, s, e)) {
        if (buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf)
            throw new LineFailure(0, `the line starts with a UTF-8 byte order mark, which SageMaker data capture never writes; ${FIX_CAPTURE}`);
        throw new LineFailure(0, `not a valid JSON record at column ${sc.errorColumn}: ${sc.error}; ${FIX_CAPTURE}`);
    }
    required(sc, S_EVENT_ID);
    required(sc, S_INFERENCE_TIME);
    const t = parseIsoTime(buf, sc.starts[S_INFERENCE_TIME], sc.ends[S_INFERENCE_TIME]);
    if (!Number.isFinite(t)) {
        throw new LineFailure(0, `eventMetadata.inferenceTime ${JSON.stringify(sc.text(S_INFERENCE_TIME).slice(0, 40))} is not an ISO-8601 time; ${FIX_CAPTURE}`);
    }
    if (t < task.sinceMs || t >= task.untilMs) {
        r.outsideWindow++;
        return;
    }
    r.records++;
    // stored every time (a store taken only at a batch's first record would be a path the
    // optimized code has never seen, and would deoptimize it)
    r.minTimeMs = Math.min(r.minTimeMs, t);
    r.maxTimeMs = Math.max(r.maxTimeMs, t);
    const hasInput = sc.starts[S_IN_DATA] !== -1;
    if (task.requireInput || hasInput) {
        required(sc, S_IN_DATA);
        required(sc, S_IN_ENCODING);
        feedInput(r.sink, sc, scratch, names);
    }
    if (task.collectPredictions) {
        required(sc, S_OUT_DATA);
        required(sc, S_OUT_ENCODING);
        const key = sc.starts[S_INFERENCE_ID] >= 0 ? sc.text(S_INFERENCE_ID) : sc.text(S_EVENT_ID);
        r.predictionKeys.push(key);
        r.predictionOutputs.push(decodedText(sc, S_OUT_DATA, S_OUT_ENCODING));
    }
}
/** The payload as text (base64 decoded when so encoded). */
function decodedText(sc, dataSlot, encSlot) {
    const enc = sc.text(encSlot);
    const text = sc.text(dataSlot);
    if (enc === 'BASE64')
        return Buffer.from(text, 'base64').toString('utf8');
    return text;
}
function feedInput(sink, sc, scratch, names) {
    const es = sc.starts[IN_ENCODING];
    const ee = sc.ends[IN_ENCODING];
    const b = sc.buf;
    const len = ee - es;
    // "CSV" is the hot case: compare bytes, no string.
    if (len === 3 && b[es] === 67 && b[es + 1] === 83 && b[es + 2] === 86) {
        const esc = sc.escaped[IN_DATA];
        let err;
        if (esc === 2) {
            const [pb, ps, pe] = sc.bytes(IN_DATA, scratch);
            err = feedCsv(sink, pb, ps, pe);
        }
        else
            err = feedCsv(sink, b, sc.starts[IN_DATA], sc.ends[IN_DATA], esc === 1);
        if (err)
            throw new LineFailure(0, `${SLOT_PATHS[S_IN_DATA]}: ${err}; fix: capture well-formed CSV (RFC 4180 quotes)`);
        return;
    }
    const enc = sc.text(S_IN_ENCODING);
    let text;
    let kind;
    if (enc === 'JSON') {
        text = sc.text(S_IN_DATA);
        kind = 'json';
    }
    else if (enc === 'BASE64') {
        const ct = sc.starts[S_IN_CONTENT_TYPE] >= 0 ? sc.text(S_IN_CONTENT_TYPE).toLowerCase() : '';
        const raw = sc.text(S_IN_DATA);
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(raw) || raw.length % 4 === 1) {
            throw new LineFailure(0, `${SLOT_PATHS[S_IN_DATA]} is marked BASE64 but is not base64; ${FIX_CAPTURE}`);
        }
        text = Buffer.from(raw, 'base64').toString('utf8');
        if (ct.startsWith('text/csv'))
            kind = 'csv';
        else if (ct.includes('json'))
            kind = 'json';
        else {
            throw new LineFailure(0, `the input payload is base64 with content type ${JSON.stringify(ct.slice(0, 60))}, which is neither CSV nor JSON; fix: send text/csv or application/json, and list it in the endpoint's DataCaptureConfig CaptureContentTypeHeader so it is captured as text`);
        }
    }
    else {
        throw new LineFailure(0, `${SLOT_PATHS[S_IN_ENCODING]} is ${JSON.stringify(enc.slice(0, 40))}; expected CSV, JSON or BASE64; ${FIX_CAPTURE}`);
    }
    if (kind === 'csv') {
        const bytes = Buffer.from(text, 'utf8');
        const err = feedCsv(sink, bytes, 0, bytes.length);
        if (err)
            throw new LineFailure(0, `${SLOT_PATHS[S_IN_DATA]}: ${err}; fix: capture well-formed CSV (RFC 4180 quotes)`);
    }
    else {
        let err;
        try {
            err = feedJson(sink, text, names, SLOT_PATHS[S_IN_DATA]);
        }
        catch (e) {
            throw new LineFailure(0, e.message);
        }
        if (err)
            throw new LineFailure(0, `${SLOT_PATHS[S_IN_DATA]}: ${err}; fix: capture JSON payloads (an array of feature values, an array of rows, or {"instances": [...]})`);
    }
}

;// CONCATENATED MODULE: ./src/monitor/scan-wire.ts
/**
 * A range's ScanResult as it crosses between threads (plain data; the sketches' level arrays are
 * moved, not copied), and the worker task that produces it. fromWire checks every field, so a
 * worker that answers garbage is caught (the scan then fails closed) instead of being merged.
 */





const CAPTURE_SCAN_TASK = 'capture-scan';
/** With `mergeHint`, each sketch carries its merge hint (a worker's result: the main thread merges it). */
function toWire(r, mergeHint = false) {
    return {
        records: r.records,
        outsideWindow: r.outsideWindow,
        minTimeMs: r.minTimeMs,
        maxTimeMs: r.maxTimeMs,
        predictionKeys: r.predictionKeys,
        predictionOutputs: r.predictionOutputs,
        bytes: r.bytes,
        profiles: r.sink.profiles.map((p) => p.toData(mergeHint)),
        columnCounts: [...r.sink.columnCounts],
        rows: r.sink.rows,
        unknownNames: [...r.sink.unknownNames],
    };
}
/** The worker's handler: scans the range; a MonitorDataError is an answer, anything else throws. */
function captureScanTask(task) {
    let answer;
    try {
        answer = { result: toWire(scanCaptureBatch(task), true) };
    }
    catch (err) {
        if (!(err instanceof MonitorDataError))
            throw err;
        answer = { dataError: err.message };
    }
    // Copied, not transferred: a result is a few hundred KB, and the first ArrayBuffer a thread
    // detaches (which a transfer does) invalidates V8's no-detach assumption, throwing away every
    // optimized function of the thread's scan (about 150 ms of recompiling for a 200 MB check).
    return { value: answer };
}
class Malformed extends Error {
}
/** "<file> bytes a-b" for the batch's first range, and how many more follow. */
function describeBatch(task) {
    const p = task.parts[0];
    const first = p ? `${p.file} bytes ${p.start}-${p.end}` : 'an empty batch';
    return task.parts.length > 1 ? `${first} and ${task.parts.length - 1} more range(s)` : first;
}
function check(ok, what) {
    if (!ok)
        throw new Malformed(what);
}
const isCount = (x) => Number.isSafeInteger(x) && x >= 0;
const isNum = (x) => typeof x === 'number' && !Number.isNaN(x);
const isArray = (x) => Array.isArray(x);
const isFloat64Array = (x) => Object.prototype.toString.call(x) === '[object Float64Array]';
function pairs(x, key, what) {
    check(isArray(x) && x.every((p) => isArray(p) && p.length === 2 && key(p[0]) && isCount(p[1])), what);
}
function checkKll(k) {
    const s = k;
    check(s !== null && typeof s === 'object', 'kll');
    const levels = s.levels;
    check(isNum(s.k) && isNum(s.c) && isNum(s.count) && isNum(s.rankErrorBound), 'kll parameters');
    // (a tag check, not instanceof: under jest the structured clone's arrays come from another realm)
    check(isArray(levels) && levels.every(isFloat64Array), 'kll levels');
    if (s.sorted0 !== undefined)
        check(isFloat64Array(s.sorted0) && KllSketch.isMergeHint(levels[0] ?? new Float64Array(0), s.sorted0), 'kll merge hint');
    for (const key of ['compressions', 'offsets']) {
        const a = s[key];
        check(isArray(a) && a.length === levels.length && a.every(isCount), `kll ${key}`);
    }
}
function checkProfile(p) {
    const d = p;
    check(d !== null && typeof d === 'object', 'profile');
    check(isArray(d.types) && d.types.length === 5 && d.types.every(isCount), 'profile types');
    check(isCount(d.n) && ['mean', 'm2', 'sum', 'min', 'max'].every((k) => isNum(d[k])), 'profile moments');
    checkKll(d.kll);
    check(d.categories === null || isArray(d.categories), 'profile categories');
    if (d.categories)
        pairs(d.categories, (k) => typeof k === 'string', 'profile categories');
    if (d.numericCategories !== null)
        pairs(d.numericCategories, isNum, 'profile numeric categories');
}
/**
 * The result of `task` from a worker's answer. Throws MonitorDataError for the range's data error,
 * and a plain Error (the caller fails closed) when the answer is not a well-formed result of that
 * range.
 */
function fromWire(answer, task) {
    const bytes = task.parts.reduce((n, p) => n + p.end - p.start, 0);
    let w;
    try {
        const a = answer;
        check(a !== null && typeof a === 'object', 'answer');
        if (typeof a.dataError === 'string')
            throw new errors_MonitorDataError(a.dataError);
        w = a.result;
        check(w !== null && typeof w === 'object', 'result');
        check(w.bytes === bytes, `bytes (${String(w.bytes)} for ranges of ${bytes})`);
        check(isCount(w.records) && isCount(w.outsideWindow) && isCount(w.rows), 'counts');
        check(isNum(w.minTimeMs) && isNum(w.maxTimeMs), 'time range');
        check(isArray(w.predictionKeys) &&
            isArray(w.predictionOutputs) &&
            w.predictionKeys.length === w.predictionOutputs.length &&
            w.predictionKeys.every((k) => typeof k === 'string') &&
            w.predictionOutputs.every((k) => typeof k === 'string'), 'predictions');
        check(isArray(w.profiles), 'profiles');
        w.profiles.forEach(checkProfile);
        pairs(w.columnCounts, isCount, 'column counts');
        pairs(w.unknownNames, (k) => typeof k === 'string', 'unknown names');
    }
    catch (err) {
        if (!(err instanceof Malformed))
            throw err;
        throw new Error(`the capture scan's worker thread answered a malformed result for ${describeBatch(task)} (${err.message}); the gate fails closed`);
    }
    const sink = newSink();
    // Filled in place: a sink whose fields were replaced would no longer match the optimized scan
    // code's view of sinks (it deoptimizes, on this thread, which scans too).
    for (const d of w.profiles)
        sink.profiles.push(FeatureProfile.fromData(d));
    for (const [c, n] of w.columnCounts)
        sink.columnCounts.set(c, n);
    sink.rows = w.rows;
    for (const [k, n] of w.unknownNames)
        sink.unknownNames.set(k, n);
    return {
        sink,
        records: w.records,
        outsideWindow: w.outsideWindow,
        minTimeMs: w.minTimeMs,
        maxTimeMs: w.maxTimeMs,
        predictionKeys: w.predictionKeys,
        predictionOutputs: w.predictionOutputs,
        bytes: w.bytes,
    };
}

;// CONCATENATED MODULE: ./src/monitor/scan-pool.ts
/**
 * The capture scan on every core: files are cut into newline-aligned byte ranges and consecutive
 * ranges grouped into batches (at most CHUNK_BYTES each, independent of the core count); the main
 * thread and worker threads scan batches as they free up, and the results are merged in batch
 * order, so the statistics do not depend on how many threads ran. The workers are the shared
 * pool's (src/workers: a small script of their own that reads its ranges from disk; the main
 * thread sends file names and offsets, never bytes).
 * One thread (or one range) scans in-process, without workers.
 */






/**
 * Most bytes a thread scans as one unit (a batch: whole small files, or one range of a big file),
 * the least a big capture's batches hold (see batchBytes). Each batch costs a result to send and
 * merge; smaller ones balance the threads' ends better.
 */
const CHUNK_BYTES = 8 << 20;
/** Batches a big capture is cut into by default (see batchBytes). */
const TARGET_BATCHES = 16;
/**
 * The default batch size for a capture of `totalBytes`: CHUNK_BYTES, or 1/TARGET_BATCHES of a
 * capture bigger than TARGET_BATCHES of them. A batch's result (its sketches: thousands of items
 * per feature) is copied to the main thread, merged and compacted again there, so for a big capture
 * fewer, bigger batches cost less CPU (a 200 MB check: 12.5 MB batches measured 5-8% less CPU than
 * 8 MB ones; 20 MB about the same again, with the threads' ends less even). It depends on the
 * capture's size only, never on the thread count, so neither do the statistics.
 */
function batchBytes(totalBytes) {
    return Math.max(CHUNK_BYTES, Math.ceil(totalBytes / TARGET_BATCHES));
}
/** Below this many bytes of capture the default is one thread (see scanCapture). */
const SMALL_CAPTURE_BYTES = 16 << 20;
/** Newline-aligned ranges of at most `chunk` bytes (a line longer than that stays whole). */
function planRanges(files, chunk) {
    const out = [];
    const probe = Buffer.allocUnsafe(1 << 16);
    for (const f of files) {
        if (f.size === 0)
            continue;
        let start = 0;
        if (f.size <= chunk) {
            out.push({ file: f.path, start: 0, end: f.size });
            continue;
        }
        const fd = (0,external_node_fs_.openSync)(f.path, 'r');
        try {
            while (start < f.size) {
                let end = Math.min(f.size, start + chunk);
                // extend to just after the next newline
                while (end < f.size) {
                    const n = (0,external_node_fs_.readSync)(fd, probe, 0, probe.length, end);
                    const nl = probe.subarray(0, n).indexOf(10);
                    if (nl >= 0) {
                        end += nl + 1;
                        break;
                    }
                    end += n;
                    if (n === 0)
                        break;
                }
                out.push({ file: f.path, start, end: Math.min(end, f.size) });
                start = end;
            }
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    return out;
}
/**
 * Consecutive ranges grouped into batches of at most `chunk` bytes (a range is never split), in
 * order: a thread's unit of work. Small capture files (SageMaker writes one every few minutes) then
 * cost one result and one merge per batch rather than per file; the grouping depends only on the
 * sizes, never on the thread count, so neither do the statistics. (Batches that shrink toward the
 * end, to even out the threads' finish, measured no faster: more results to merge.)
 */
function planBatches(ranges, chunk) {
    const out = [];
    let cur = [];
    let bytes = 0;
    for (const r of ranges) {
        const n = r.end - r.start;
        if (cur.length > 0 && bytes + n > chunk) {
            out.push(cur);
            cur = [];
            bytes = 0;
        }
        cur.push(r);
        bytes += n;
    }
    if (cur.length > 0)
        out.push(cur);
    return out;
}
function mergeInto(total, r) {
    total.records += r.records;
    total.outsideWindow += r.outsideWindow;
    total.minTimeMs = Math.min(total.minTimeMs, r.minTimeMs);
    total.maxTimeMs = Math.max(total.maxTimeMs, r.maxTimeMs);
    for (const k of r.predictionKeys)
        total.predictionKeys.push(k);
    for (const o of r.predictionOutputs)
        total.predictionOutputs.push(o);
    total.bytes += r.bytes;
    const s = total.sink;
    r.sink.profiles.forEach((p, i) => {
        if (s.profiles[i])
            s.profiles[i].merge(p);
        else {
            while (s.profiles.length < i)
                s.profiles.push(new FeatureProfile());
            s.profiles[i] = p;
        }
    });
    for (const [c, n] of r.sink.columnCounts)
        s.columnCounts.set(c, (s.columnCounts.get(c) ?? 0) + n);
    s.rows += r.sink.rows;
    for (const [k, n] of r.sink.unknownNames)
        s.unknownNames.set(k, (s.unknownNames.get(k) ?? 0) + n);
}
async function scanCapture(opts) {
    const bytes = opts.files.reduce((n, f) => n + f.size, 0);
    const chunk = opts.chunkBytes ?? batchBytes(bytes);
    const tasks = planBatches(planRanges(opts.files, chunk), chunk).map((parts) => ({
        parts,
        sinceMs: opts.sinceMs,
        untilMs: opts.untilMs,
        featureNames: opts.featureNames,
        collectPredictions: opts.collectPredictions,
        requireInput: opts.requireInput,
    }));
    // By default a small capture is scanned on this thread alone: a worker's start-up costs more
    // than the scan (the result is the same either way).
    const byDefault = bytes < SMALL_CAPTURE_BYTES ? 1 : (0,workers_pool/* defaultWorkerCount */.Zx)() + 1;
    const threads = Math.max(1, Math.min(opts.workers ?? byDefault, tasks.length));
    const total = emptyScanResult();
    // Results are merged in range order as soon as the ranges before them are in, so merging
    // overlaps the scan (and the order, hence the statistics, never depends on the threads).
    const pending = new Array(tasks.length);
    let merged = 0;
    const put = (i, r) => {
        pending[i] = r;
        while (merged < tasks.length && pending[merged] !== undefined) {
            mergeInto(total, pending[merged]);
            pending[merged++] = undefined;
        }
    };
    const outcome = { fallbacks: 0, workerFailures: [] };
    if (threads <= 1) {
        await opts.meanwhile?.();
        tasks.forEach((t, i) => put(i, capture_scan_scanCaptureBatch(t)));
    }
    else
        Object.assign(outcome, await runThreads(tasks, put, (0,workers_pool/* workers */.EH)(threads - 1), opts.meanwhile));
    if (merged !== tasks.length)
        throw new Error(`capture scan: ${tasks.length - merged} range(s) without a result; the gate fails closed`);
    return { ...total, files: opts.files.length, ranges: tasks.length, workers: threads, ...outcome };
}
/**
 * Batches a worker holds at once: the one it scans and the next, so it never waits for the main
 * thread (which answers between its own batches); more would leave the main thread idle at the end
 * while the worker works through its queue.
 */
const IN_FLIGHT = 2;
/**
 * The main thread and the pool's workers scan: each claims the next unclaimed range; results land
 * by range index, so the merge order is fixed. A worker that cannot start or crashes leaves its
 * ranges to the main thread; one that answers garbage fails the scan. A data error stops the
 * ranges after it, and the error reported is the first in file order (the one a single thread
 * would have met), whichever thread found it first.
 */
async function runThreads(tasks, put, pool, meanwhile) {
    let next = 0;
    let stopAt = tasks.length; // ranges from here on are not needed: an earlier one failed
    const redo = []; // ranges a failed worker did not scan
    const dataErrors = new Map();
    const failures = new Set();
    let fallbacks = 0;
    let fatal;
    let outstanding = 0;
    let wake;
    const claim = () => (next < stopAt ? next++ : -1);
    const dataError = (i, err) => {
        dataErrors.set(i, err);
        stopAt = Math.min(stopAt, i);
    };
    const feed = (w) => {
        while (!fatal && !w.failure && w.busy < IN_FLIGHT) {
            const i = claim();
            if (i < 0)
                return;
            outstanding++;
            w.request(CAPTURE_SCAN_TASK, tasks[i])
                .then((answer) => {
                try {
                    put(i, fromWire(answer, tasks[i]));
                }
                catch (err) {
                    if (err instanceof errors_MonitorDataError)
                        dataError(i, err);
                    else
                        fatal ??= err;
                }
            }, (err) => {
                if (err instanceof workers_pool/* WorkerFailure */.rk && err.kind !== 'protocol') {
                    failures.add(`${w.origin} ${err.message}`);
                    fallbacks++;
                    redo.push(i);
                }
                else
                    fatal ??= new Error(`the capture scan's ${w.origin} ${err instanceof workers_pool/* WorkerFailure */.rk ? err.message : `failed: ${err.message}`}; the gate fails closed`);
            })
                .finally(() => {
                outstanding--;
                feed(w);
                const wakeUp = wake;
                wake = undefined;
                wakeUp?.();
            });
        }
    };
    pool.forEach(feed);
    try {
        await meanwhile?.();
        await mainThreadScans();
    }
    catch (err) {
        // Stop handing out batches; those in flight finish (nothing is left running) before it throws.
        stopAt = 0;
        while (outstanding > 0)
            await new Promise((r) => (wake = r));
        throw err;
    }
    if (dataErrors.size > 0)
        throw dataErrors.get(Math.min(...dataErrors.keys()));
    return { fallbacks, workerFailures: [...failures] };
    async function mainThreadScans() {
        while (!fatal) {
            const i = redo.length > 0 ? redo.shift() : claim();
            if (i >= 0) {
                if (i >= stopAt)
                    continue;
                try {
                    // Range by range, letting the workers' answers in between, so that they get their next
                    // batches while this thread scans (it answers only where it awaits).
                    const batch = tasks[i];
                    const r = emptyScanResult();
                    for (let k = 0; k < batch.parts.length; k++) {
                        scanBatchPart(batch, k, r);
                        await new Promise((resolve) => setImmediate(resolve));
                    }
                    put(i, r);
                }
                catch (err) {
                    if (!(err instanceof errors_MonitorDataError))
                        throw err;
                    dataError(i, err);
                }
                continue;
            }
            if (outstanding === 0)
                break;
            await new Promise((r) => (wake = r));
        }
        if (fatal)
            throw fatal;
    }
}

;// CONCATENATED MODULE: ./src/monitor/violations.ts
/**
 * constraint_violations.json in Model Monitor's format (sagemaker.md §7): writing and reading. An
 * unknown constraint_check_type fails closed: a gate must not pass over a check it cannot name.
 */


const CHECK_TYPES = [
    'data_type_check',
    'completeness_check',
    'baseline_drift_check',
    'missing_column_check',
    'extra_column_check',
    'categorical_values_check',
];
/** Model-quality monitors write these as constraint_check_type (sagemaker.md §6). */
const QUALITY_CHECK_TYPES = [
    'LessThanThreshold',
    'GreaterThanThreshold',
    'LessThanOrEqualToThreshold',
    'GreaterThanOrEqualToThreshold',
];
function violationsJson(violations) {
    return {
        violations: violations.map((v) => {
            const o = {
                feature_name: v.feature_name,
                constraint_check_type: v.constraint_check_type,
                description: v.description,
            };
            if (v.metric_name !== undefined)
                o.metric_name = v.metric_name;
            return o;
        }),
    };
}
const violations_FIX = 'fix: gate a constraint_violations.json written by Model Monitor or by monitor-gate';
function parseViolations(input, source) {
    const doc = typeof input === 'string' || Buffer.isBuffer(input) ? parseJsonText(input, source, violations_FIX) : input;
    if (!isObj(doc))
        throw new errors_MonitorDataError(`${source}: the report is not a JSON object; ${violations_FIX}`);
    return arr(doc, 'violations', source, violations_FIX).map((raw, i) => {
        const where = `${source}: violations[${i}]`;
        if (!isObj(raw))
            throw new errors_MonitorDataError(`${where} is not an object; ${violations_FIX}`);
        const type = str(raw, 'constraint_check_type', where, violations_FIX);
        const known = CHECK_TYPES.includes(type) ||
            QUALITY_CHECK_TYPES.includes(type);
        if (!known) {
            throw new errors_MonitorDataError(`${where}.constraint_check_type is ${JSON.stringify(type.slice(0, 60))}, which this gate does not know (known: ${[...CHECK_TYPES, ...QUALITY_CHECK_TYPES].join(', ')}); it fails closed rather than ignore a check; ${violations_FIX}`);
        }
        const metric = typeof raw.metric_name === 'string' ? raw.metric_name : undefined;
        const feature = typeof raw.feature_name === 'string' ? raw.feature_name : metric;
        if (feature === undefined)
            throw new errors_MonitorDataError(`${where} names neither feature_name nor metric_name; ${violations_FIX}`);
        const v = {
            feature_name: feature,
            constraint_check_type: type,
            description: typeof raw.description === 'string' ? raw.description : '',
        };
        if (metric !== undefined)
            v.metric_name = metric;
        return v;
    });
}

// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/aws/s3.ts
var aws_s3 = __webpack_require__(1075);
;// CONCATENATED MODULE: ./src/monitor/capture-files.ts
/**
 * Finding data-capture files: recursively under a folder (local) or a list of S3 keys, selected by
 * the capture layout's yyyy/mm/dd/hh folders (sagemaker.md §7) against the time window. Files not
 * under such folders are kept (their records are still selected by inferenceTime).
 */



const HOUR_RE = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})\/(\d{2})\//;
/** The hour a capture path's folders name, in ms since the epoch (undefined when not in the layout). */
function hourOfPath(path) {
    const m = HOUR_RE.exec(path.replace(/\\/g, '/'));
    if (!m)
        return undefined;
    const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]));
    return Number.isFinite(t) ? t : undefined;
}
/** Keeps paths whose hour folder overlaps [sinceMs, untilMs). */
function selectByHour(files, sinceMs, untilMs) {
    return files.filter((f) => {
        const h = hourOfPath(f.path);
        return h === undefined || (h + 3_600_000 > sinceMs && h < untilMs);
    });
}
/** Every regular file under `dir` (sorted, so the scan order is reproducible). */
function listLocalFiles(dir) {
    let st;
    try {
        st = (0,external_node_fs_.statSync)(dir);
    }
    catch (err) {
        throw new errors_MonitorDataError(`cannot read ${dir}: ${err.message}; fix: check the path`);
    }
    if (st.isFile())
        return [{ path: dir, size: st.size }];
    const out = [];
    const walk = (d) => {
        for (const e of (0,external_node_fs_.readdirSync)(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
            const p = (0,external_node_path_.join)(d, e.name);
            if (e.isDirectory())
                walk(p);
            else if (e.isFile())
                out.push({ path: p, size: (0,external_node_fs_.statSync)(p).size });
        }
    };
    walk(dir);
    return out;
}

;// CONCATENATED MODULE: ./src/stages/monitor-gate/io.ts
/**
 * Local paths and S3 URIs alike for monitor-gate: finding capture/ground-truth files (recursively,
 * selected by the capture layout's hour folders), reading one file, writing report files.
 */







const isS3 = (uri) => /^s3:\/\//i.test(uri);
/**
 * Files under `uri` (an object, a prefix or a local file/folder), hour-selected when a window is
 * given; S3 objects are downloaded into `workDir` (same relative layout).
 */
async function gatherFiles(input, uri, workDir, s3, window) {
    const select = (xs) => window ? selectByHour(xs, window.sinceMs, window.untilMs) : xs;
    if (!isS3(uri)) {
        const files = select(listLocalFiles(uri));
        return { files, origin: files.map((f) => f.path) };
    }
    const loc = (0,core_inputs/* parseS3Uri */.yc)(input, uri);
    const client = await s3();
    const keys = select((await (0,aws_s3/* listKeys */.TH)(client, loc.bucket, loc.key))
        .filter((k) => !k.key.endsWith('/'))
        .map((k) => ({ ...k, path: k.key })));
    const files = [];
    for (const k of keys) {
        const local = (0,external_node_path_.join)(workDir, loc.bucket, k.key);
        await (0,aws_s3/* downloadObject */._n)(client, loc.bucket, k.key, local);
        files.push({ path: local, size: k.size });
    }
    return { files, origin: keys.map((k) => `s3://${loc.bucket}/${k.key}`) };
}
/** A file's text; a file or object that does not exist is a ConfigurationError naming the input. */
async function readText(input, uri, s3) {
    try {
        if (!isS3(uri))
            return await (0,promises_.readFile)(uri, 'utf8');
        const loc = (0,core_inputs/* parseS3Uri */.yc)(input, uri);
        return await (0,aws_s3/* getObjectText */.TQ)(await s3(), loc.bucket, loc.key);
    }
    catch (err) {
        if ((0,aws_errors/* isNotFound */.c4)(err) || err.code === 'ENOENT')
            throw new errors/* ConfigurationError */.j1(`input '${input}': ${JSON.stringify(uri)} does not exist; fix: point it at an existing file or S3 object`);
        throw err;
    }
}
/** Writes `name` under the folder/prefix `dirUri`; returns its path or URI. */
async function writeOutput(input, dirUri, name, text, s3) {
    if (!isS3(dirUri)) {
        const p = (0,external_node_path_.join)(dirUri, name);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(p), { recursive: true });
        await (0,promises_.writeFile)(p, text, 'utf8');
        return p;
    }
    const loc = (0,core_inputs/* parseS3Uri */.yc)(input, dirUri);
    const key = `${loc.key.replace(/\/+$/, '')}${loc.key ? '/' : ''}${name}`;
    await (0,aws_s3/* putText */.rb)(await s3(), loc.bucket, key, text, 'application/json');
    return `s3://${loc.bucket}/${key}`;
}
/** Where the check's report goes by default: a sibling of the capture folder, by the window's end hour. */
function defaultReportUri(captureUri, endpoint, untilMs) {
    const t = new Date(untilMs);
    const hour = `${t.getUTCFullYear()}/${String(t.getUTCMonth() + 1).padStart(2, '0')}/${String(t.getUTCDate()).padStart(2, '0')}/${String(t.getUTCHours()).padStart(2, '0')}`;
    const base = captureUri.replace(/\/+$/, '');
    const parent = base.includes('/') ? base.slice(0, base.lastIndexOf('/')) : '.';
    const leaf = endpoint ?? base.slice(base.lastIndexOf('/') + 1);
    return `${parent}/monitor-gate-reports/${leaf}/${hour}`;
}

;// CONCATENATED MODULE: ./src/stages/monitor-gate/run.ts
/**
 * monitor-gate orchestration. Baseline: CSV -> statistics.json + constraints.json (+ schedule).
 * Check: every configured source (violations report, latest monitoring execution, capture vs
 * baseline, ground truth, alarms) gathered into one list of violations and findings; the gate
 * decision itself is pure (src/gates/violations.ts).
 */
















async function featureNames(spec, s3) {
    if (!spec)
        return undefined;
    const t = spec.trim();
    if (/\.json$/i.test(t) || isS3(t)) {
        const doc = JSON.parse(await readText('features', t, s3));
        const list = Array.isArray(doc) ? doc : doc.features;
        if (!Array.isArray(list) || list.some((x) => typeof x !== 'string') || list.length === 0) {
            throw new errors/* ConfigurationError */.j1(`input 'features': ${JSON.stringify(t)} holds no list of feature names; expected features.json with {"features": ["a", "b", ...]} or a JSON list`);
        }
        return list;
    }
    return t
        .split(/[\n,]/)
        .map((x) => x.trim())
        .filter(Boolean);
}
/** The region's Model Monitor image, and proof that the endpoint to monitor exists. */
async function scheduleTarget(sm, endpointName) {
    const region = await sm.config.region();
    const imageUri = modelMonitorImage(region);
    if (!imageUri) {
        throw new errors/* ConfigurationError */.j1(`create-schedule: no Model Monitor analyzer image is known for region ${region}; see AWS's model-monitor-pre-built-container page`);
    }
    const { DescribeEndpointCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236));
    try {
        await sm.send(new DescribeEndpointCommand({ EndpointName: endpointName }));
    }
    catch (err) {
        if (!(0,aws_errors/* isNotFound */.c4)(err))
            throw err;
        throw new errors/* ConfigurationError */.j1(`input 'endpoint-name': ${JSON.stringify(endpointName)} is not an endpoint in ${region}; create-schedule monitors an existing endpoint: deploy it first, or fix the name`);
    }
    return { sm, imageUri };
}
async function runBaseline(settings, deps) {
    const b = settings.baseline;
    const s3 = () => deps.aws().s3();
    // Everything create-schedule needs is checked before anything is written.
    const schedule = b.createSchedule
        ? await scheduleTarget(await deps.aws().sagemaker(), settings.endpointName)
        : undefined;
    const names = await featureNames(b.features, s3);
    const src = await gatherFiles('baseline-data', b.data, deps.workDir, s3);
    const csv = src.files.filter((f) => /\.csv$/i.test(f.path) || src.files.length === 1);
    deps.log.info(`baseline: ${csv.length} CSV file(s), ${names ? `${names.length} named feature(s), no header` : 'header row'}`);
    const scan = scanBaselineCsv(csv.map((f) => f.path), names);
    const stats = statisticsFromProfiles(scan.names, scan.sink.profiles, scan.sink.rows);
    const wide = [...scan.sink.columnCounts.keys()].filter((c) => c !== scan.names.length);
    if (wide.length > 0) {
        throw new errors/* StageFailure */.BG(`baseline-data: rows with ${wide.join(', ')} column(s) where the header/features name ${scan.names.length}; fix: every row must have one value per feature`);
    }
    const constraints = suggestConstraints(stats, {
        comparisonThreshold: b.comparisonThreshold,
        comparisonMethod: b.comparisonMethod,
    });
    const statisticsUri = await writeOutput('output-uri', b.outputUri, 'statistics.json', reportJson(statisticsJson(stats)), s3);
    const constraintsUri = await writeOutput('output-uri', b.outputUri, 'constraints.json', reportJson(constraintsJson(constraints)), s3);
    const out = {
        statisticsUri,
        constraintsUri,
        rows: stats.itemCount,
        features: constraints.features.map((f) => ({
            name: f.name,
            type: f.type,
            completeness: f.completeness ?? 1,
        })),
    };
    if (schedule) {
        const scheduleName = `${settings.endpointName}-data-quality`.slice(0, 63);
        const how = await upsertDataQualitySchedule(schedule.sm, {
            scheduleName,
            endpointName: settings.endpointName,
            roleArn: b.roleArn,
            statisticsUri,
            constraintsUri,
            outputUri: `${b.outputUri.replace(/\/+$/, '')}/monitoring`,
            cron: 'cron(0 * ? * * *)',
            imageUri: schedule.imageUri,
        });
        out.schedule = `${scheduleName} (${how})`;
    }
    return out;
}
async function scheduleSource(c, deps, violations, findings) {
    const sm = await deps.aws().sagemaker();
    const e = await latestMonitoringExecution(sm, c.monitoringSchedule, deps.now - c.maxAgeMs);
    if (!e) {
        findings.push({
            kind: 'schedule',
            passed: false,
            message: `monitoring schedule ${c.monitoringSchedule}: no finished execution in the last ${Math.round(c.maxAgeMs / 3600_000)} h (max-age); the gate fails closed: check that the schedule runs and that data is captured`,
        });
        return undefined;
    }
    const status = e.MonitoringExecutionStatus ?? 'Unknown';
    const scheduledTime = e.ScheduledTime?.toISOString() ?? '';
    if (status === 'Failed' || status === 'Stopped') {
        deps.log.untrustedBlock(`monitoring execution ${status}; its FailureReason:`, e.FailureReason ?? '(none)');
        findings.push({
            kind: 'schedule',
            passed: false,
            message: `the latest monitoring execution of ${c.monitoringSchedule} (${scheduledTime}) is ${status}; see its FailureReason in the log`,
        });
        return { status, scheduledTime };
    }
    if (status !== 'Completed' && status !== 'CompletedWithViolations') {
        findings.push({
            kind: 'schedule',
            passed: false,
            message: `the latest monitoring execution is ${status}, which this gate does not know; it fails closed`,
        });
        return { status, scheduledTime };
    }
    // The report sits in the processing job's output; its URI is on DescribeProcessingJob.
    const jobName = e.ProcessingJobArn?.split('/').pop();
    let reportUri;
    if (jobName) {
        const { DescribeProcessingJobCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(838), __webpack_require__.e(236)]).then(__webpack_require__.bind(__webpack_require__, 5236));
        try {
            const job = await sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: jobName }));
            const out = job.ProcessingOutputConfig?.Outputs?.[0]?.S3Output?.S3Uri;
            if (out)
                reportUri = `${out.replace(/\/+$/, '')}/constraint_violations.json`;
        }
        catch (err) {
            // A processing job AWS no longer keeps (or never had): no report location; handled below.
            if (!(0,aws_errors/* isNotFound */.c4)(err))
                throw err;
            deps.log.info(`monitoring execution ${scheduledTime}: its processing job ${jobName} does not exist`);
        }
    }
    if (status === 'CompletedWithViolations') {
        if (!reportUri) {
            findings.push({
                kind: 'schedule',
                passed: false,
                message: `the latest execution has violations but no report location; the gate fails closed`,
            });
        }
        else {
            let text;
            try {
                text = await readText('monitoring-schedule', reportUri, () => deps.aws().s3());
            }
            catch (err) {
                if (!(err instanceof errors/* ConfigurationError */.j1))
                    throw err;
                throw new errors/* StageFailure */.BG(`the latest execution of ${c.monitoringSchedule} (${scheduledTime}) reports violations, but its report ${reportUri} does not exist; the gate fails closed. Fix: check the processing job ${jobName}'s output`);
            }
            for (const v of parseViolations(text, reportUri))
                violations.push({ ...v, source: `execution ${scheduledTime}` });
        }
    }
    return { status, scheduledTime, ...(reportUri ? { reportUri } : {}) };
}
async function runCheck(settings, deps) {
    const c = settings.check;
    const s3 = () => deps.aws().s3();
    const violations = [];
    const findings = [];
    const out = { alarms: [] };
    if (c.violationsReport) {
        const text = await readText('violations-report', c.violationsReport, s3);
        for (const v of parseViolations(text, c.violationsReport))
            violations.push({ ...v, source: 'violations-report' });
    }
    if (c.monitoringSchedule)
        out.execution = await scheduleSource(c, deps, violations, findings);
    let reportUri;
    if (c.captureUri) {
        // The scan's worker threads start now, while this thread lists files and reads the baseline.
        (0,workers_pool/* warmWorkers */.zg)(deps.workers === undefined ? undefined : deps.workers - 1);
        const window = { sinceMs: c.sinceMs, untilMs: c.untilMs };
        const src = await gatherFiles('capture-uri', c.captureUri, deps.workDir, s3, window);
        const withBaseline = Boolean(c.baselineStatistics && c.baselineConstraints);
        // Read while the constraints are read and the scan starts (a download overlaps the scan); its
        // failure surfaces where it is awaited, in `meanwhile` (the catch only keeps a failure that
        // comes before then from counting as unhandled).
        const statisticsRead = withBaseline
            ? readText('baseline-statistics', c.baselineStatistics, s3)
            : undefined;
        statisticsRead?.catch(() => undefined);
        const constraints = withBaseline
            ? parseConstraints(await readText('baseline-constraints', c.baselineConstraints, s3), c.baselineConstraints)
            : undefined;
        let baseline;
        const scan = await scanCapture({
            files: src.files,
            sinceMs: c.sinceMs,
            untilMs: c.untilMs,
            featureNames: constraints?.features.map((f) => f.name) ?? [],
            collectPredictions: Boolean(c.groundTruthUri),
            requireInput: withBaseline,
            ...(deps.workers ? { workers: deps.workers } : {}),
            // parsed while the workers start scanning (its sketches take a while), with the baseline
            // sketches' distributions the drift check reads, so the check after the scan is shorter
            meanwhile: async () => {
                if (statisticsRead === undefined)
                    return;
                baseline = parseStatistics(await statisticsRead, c.baselineStatistics);
                for (const f of baseline.features) {
                    await new Promise((resolve) => setImmediate(resolve)); // a worker may want its next batch
                    if (isNumeric(f))
                        f.sketch.cdf();
                }
            },
        });
        if (scan.workerFailures.length > 0)
            deps.log.warning(`capture scan: ${scan.fallbacks} range(s) were scanned on the main thread because a worker thread failed (${scan.workerFailures.join('; ')})`);
        if (scan.records === 0) {
            throw new errors/* StageFailure */.BG(`capture-uri: no data-capture records between ${new Date(c.sinceMs).toISOString()} and ${new Date(c.untilMs).toISOString()} (${src.files.length} file(s) read, ${scan.outsideWindow} record(s) outside the window); the gate fails closed. Fix: check that the endpoint captures data (DataCaptureConfig) and that since/until cover traffic`);
        }
        reportUri = c.reportUri ?? defaultReportUri(c.captureUri, settings.endpointName, c.untilMs);
        if (baseline && constraints) {
            const result = runChecks(baseline, constraints, scan.sink);
            for (const v of result.violations)
                violations.push({ ...v, source: 'capture' });
            const statisticsUri = await writeOutput('report-uri', reportUri, 'statistics.json', reportJson(statisticsJson(result.statistics)), s3);
            const vUri = await writeOutput('report-uri', reportUri, 'constraint_violations.json', reportJson(violationsJson(result.violations)), s3);
            out.capture = { scan, result, files: src.origin, reportUri: vUri, statisticsUri };
        }
        if (c.groundTruthUri) {
            const gtSrc = await gatherFiles('ground-truth-uri', c.groundTruthUri, deps.workDir, s3);
            const gt = readGroundTruth(gtSrc.files.map((f) => f.path));
            const q = modelQuality(scan.predictionKeys, scan.predictionOutputs, gt, c.problemType, c.probabilityThreshold);
            const rules = (0,thresholds/* evaluateThresholds */.S$)(c.qualityThresholds, q.evaluation.metrics);
            for (const r of rules) {
                if (!r.passed)
                    violations.push({
                        feature_name: r.metric,
                        constraint_check_type: 'model_quality_check',
                        description: r.message,
                        source: 'ground truth',
                    });
            }
            const joinOk = q.joinRate >= c.minJoinRate;
            findings.push({
                kind: 'join-rate',
                passed: joinOk,
                message: `join rate ${(q.joinRate * 100).toFixed(1)}% (${q.matched} of ${q.captured} captured predictions have ground truth)${joinOk ? '' : `, under min-join-rate ${c.minJoinRate}: the model-quality gate fails closed (label more of the traffic, or lower min-join-rate)`}`,
            });
            const qUri = await writeOutput('report-uri', reportUri, 'model_quality_statistics.json', reportJson(q.report), s3);
            out.quality = { result: q, rules, reportUri: qUri };
        }
    }
    if (c.alarms.length) {
        const cw = await deps.aws().cloudwatch();
        out.alarms = await checkAlarms(cw, c.alarms, new Date(deps.now));
        for (const a of out.alarms) {
            const ok = a.found && a.state === 'OK' && !a.noData;
            findings.push({
                kind: 'alarm',
                passed: ok,
                message: !a.found
                    ? `alarm ${a.name} does not exist`
                    : a.noData
                        ? `alarm ${a.name} is misconfigured: its metric had no data in its whole evaluation window (a wrong namespace, metric or dimension)`
                        : `alarm ${a.name} is ${a.state}`,
            });
        }
    }
    const verdict = judgeViolations(violations, c.maxViolations, c.ignoreFeatures);
    const passed = verdict.passed && findings.every((f) => f.passed);
    return {
        ...out,
        violations,
        verdict,
        findings,
        passed,
        reportUri: out.capture?.reportUri ?? reportUri,
    };
}

// EXTERNAL MODULE: ./src/metrics/types.ts
var types = __webpack_require__(7032);
;// CONCATENATED MODULE: ./src/stages/monitor-gate/settings.ts





/** Input names of actions/monitor-gate. */
const I = {
    mode: 'mode',
    baselineData: 'baseline-data',
    features: 'features',
    outputUri: 'output-uri',
    comparisonThreshold: 'comparison-threshold',
    comparisonMethod: 'comparison-method',
    createSchedule: 'create-schedule',
    scheduleRoleArn: 'role-arn',
    endpointName: 'endpoint-name',
    violationsReport: 'violations-report',
    monitoringSchedule: 'monitoring-schedule',
    maxAge: 'max-age',
    captureUri: 'capture-uri',
    since: 'since',
    until: 'until',
    baselineStatistics: 'baseline-statistics',
    baselineConstraints: 'baseline-constraints',
    reportUri: 'report-uri',
    groundTruthUri: 'ground-truth-uri',
    problemType: 'problem-type',
    probabilityThreshold: 'probability-threshold',
    qualityThresholds: 'quality-thresholds',
    minJoinRate: 'min-join-rate',
    alarms: 'alarms',
    maxViolations: 'max-violations',
    ignoreFeatures: 'ignore-features',
    failOnGate: 'fail-on-gate',
    forceFail: 'force-fail',
    githubToken: 'github-token',
    publishMetrics: 'publish-metrics',
    dashboardName: 'dashboard-name',
    region: 'region',
    config: 'config',
};
/** Output names. */
const OUTPUTS = {
    passed: 'passed',
    violations: 'violations',
    violationsCount: 'violations-count',
    reportUri: 'report-uri',
    metrics: 'metrics',
    issueNumber: 'issue-number',
    statisticsUri: 'statistics-uri',
    constraintsUri: 'constraints-uri',
};
/** The action's input, output and state names (a unit test checks them against action.yml). */
const MONITOR_GATE_NAMES = {
    action: 'monitor-gate',
    inputs: Object.values(I),
    outputs: [
        OUTPUTS.passed,
        OUTPUTS.violations,
        OUTPUTS.violationsCount,
        OUTPUTS.reportUri,
        OUTPUTS.metrics,
        OUTPUTS.issueNumber,
        OUTPUTS.statisticsUri,
        OUTPUTS.constraintsUri,
    ],
    state: [],
};

/** An S3 URI (validated) or a local path. */
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
/** An ISO time or a duration before `now` (e.g. 24h, 90m, 2d). */
function parseTimeInput(name, value, now) {
    const v = value.trim();
    if (/^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/.test(v)) {
        const t = Date.parse(/T/.test(v) && !/(Z|[+-]\d\d:?\d\d)$/.test(v) ? `${v}Z` : v);
        if (Number.isFinite(t))
            return t;
    }
    try {
        return now - (0,core_inputs/* parseDuration */.E9)(name, v, 'h');
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`input '${name}': ${(0,core_inputs/* show */.WU)(value)} is not valid; expected an ISO-8601 time (2026-11-30T10:00:00Z) or a duration before now such as 24h, 90m or 7d`);
    }
}
function maxViolations(inputs) {
    const v = inputs.structured(I.maxViolations);
    if (v === undefined)
        return 0;
    if (typeof v === 'number' || (typeof v === 'string' && /^\s*\d+\s*$/.test(v))) {
        const n = Number(v);
        if (!Number.isSafeInteger(n) || n < 0)
            throw new errors/* ConfigurationError */.j1(`input '${I.maxViolations}': ${(0,core_inputs/* show */.WU)(v)} is not valid; expected a whole number >= 0 or a map per check type`);
        return n;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
        throw new errors/* ConfigurationError */.j1(`input '${I.maxViolations}': ${(0,core_inputs/* show */.WU)(v)} is not valid; expected a whole number or a map like {baseline_drift_check: 2, data_type_check: 0}`);
    }
    const out = {};
    for (const [k, n] of Object.entries(v)) {
        if (!CHECK_TYPES.includes(k) && k !== 'model_quality_check') {
            throw new errors/* ConfigurationError */.j1(`input '${I.maxViolations}': unknown check type ${(0,core_inputs/* show */.WU)(k)}; valid: ${[...CHECK_TYPES, 'model_quality_check'].join(', ')}`);
        }
        if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
            throw new errors/* ConfigurationError */.j1(`input '${I.maxViolations}': ${k}: ${(0,core_inputs/* show */.WU)(n)} is not a whole number >= 0`);
        }
        out[k] = n;
    }
    return out;
}
function parseMonitorGateSettings(inputs, now = Date.now()) {
    const mode = inputs.choice(I.mode, ['baseline', 'check'], 'check');
    const endpointRaw = inputs.optional(I.endpointName);
    const endpointName = endpointRaw ? (0,core_inputs/* parseSageMakerName */.d$)(I.endpointName, endpointRaw) : undefined;
    const common = {
        mode,
        endpointName,
        failOnGate: inputs.boolean(I.failOnGate, true),
        forceFail: inputs.boolean(I.forceFail, false),
        githubToken: inputs.optional(I.githubToken) || undefined,
        publishMetrics: inputs.boolean(I.publishMetrics, false),
        dashboardName: inputs.optional(I.dashboardName) || undefined,
        region: inputs.optional(I.region) || undefined,
    };
    if (common.dashboardName && !/^[A-Za-z0-9_-]{1,255}$/.test(common.dashboardName)) {
        throw new errors/* ConfigurationError */.j1(`input '${I.dashboardName}': ${(0,core_inputs/* show */.WU)(common.dashboardName)} is not valid; CloudWatch dashboard names use letters, digits, - and _ (1-255)`);
    }
    if ((common.publishMetrics || common.dashboardName) && !endpointName) {
        throw new errors/* ConfigurationError */.j1(`input '${I.endpointName}' is required with ${common.publishMetrics ? I.publishMetrics : I.dashboardName}: metrics are published per endpoint`);
    }
    if (mode === 'baseline') {
        const data = settings_location(inputs, I.baselineData);
        if (!data)
            throw new errors/* ConfigurationError */.j1(`input '${I.baselineData}' is required in mode baseline: a CSV (S3 URI or local path) of the features the endpoint receives`);
        const outputUri = settings_location(inputs, I.outputUri);
        if (!outputUri)
            throw new errors/* ConfigurationError */.j1(`input '${I.outputUri}' is required in mode baseline: where statistics.json and constraints.json go (S3 URI or local folder)`);
        const createSchedule = inputs.boolean(I.createSchedule, false);
        if (createSchedule && !endpointName)
            throw new errors/* ConfigurationError */.j1(`input '${I.endpointName}' is required with create-schedule: true`);
        const roleArn = inputs.optional(I.scheduleRoleArn) || undefined;
        if (createSchedule && !roleArn)
            throw new errors/* ConfigurationError */.j1(`input '${I.scheduleRoleArn}' is required with create-schedule: true (the monitoring job's execution role)`);
        if (createSchedule && !outputUri.startsWith('s3://'))
            throw new errors/* ConfigurationError */.j1(`input '${I.outputUri}': ${(0,core_inputs/* show */.WU)(outputUri)} must be an S3 URI with create-schedule: true (the schedule reads the baseline from S3)`);
        return {
            ...common,
            baseline: {
                data,
                features: inputs.optional(I.features) || undefined,
                outputUri,
                comparisonThreshold: inputs.number(I.comparisonThreshold, 0.1, { min: 0, max: 1 }),
                comparisonMethod: inputs.choice(I.comparisonMethod, ['Simple', 'Robust'], 'Robust'),
                createSchedule,
                roleArn,
            },
            check: undefined,
        };
    }
    const problemType = inputs.choice(I.problemType, types/* PROBLEM_TYPES */.Y, 'binary-classification');
    const check = {
        violationsReport: settings_location(inputs, I.violationsReport),
        monitoringSchedule: inputs.optional(I.monitoringSchedule)
            ? (0,core_inputs/* parseSageMakerName */.d$)(I.monitoringSchedule, inputs.optional(I.monitoringSchedule))
            : undefined,
        maxAgeMs: inputs.optionalDuration(I.maxAge, 'h') ?? 26 * 3600_000,
        captureUri: settings_location(inputs, I.captureUri),
        sinceMs: 0,
        untilMs: 0,
        baselineStatistics: settings_location(inputs, I.baselineStatistics),
        baselineConstraints: settings_location(inputs, I.baselineConstraints),
        reportUri: settings_location(inputs, I.reportUri),
        groundTruthUri: settings_location(inputs, I.groundTruthUri),
        problemType,
        probabilityThreshold: inputs.number(I.probabilityThreshold, 0.5, { min: 0, max: 1 }),
        qualityThresholds: (0,thresholds/* parseThresholds */.S)(inputs.map(I.qualityThresholds), problemType),
        minJoinRate: inputs.number(I.minJoinRate, 0.5, { min: 0, max: 1 }),
        alarms: inputs
            .list(I.alarms)
            .flatMap((a) => a.split(','))
            .map((a) => a.trim())
            .filter(Boolean),
        maxViolations: maxViolations(inputs),
        ignoreFeatures: inputs
            .list(I.ignoreFeatures)
            .flatMap((a) => a.split(','))
            .map((a) => a.trim())
            .filter(Boolean),
    };
    check.untilMs = inputs.optional(I.until) ? parseTimeInput(I.until, inputs.optional(I.until), now) : now;
    check.sinceMs = inputs.optional(I.since)
        ? parseTimeInput(I.since, inputs.optional(I.since), now)
        : check.untilMs - 24 * 3600_000;
    if (check.sinceMs >= check.untilMs) {
        throw new errors/* ConfigurationError */.j1(`inputs 'since'/'until': the window ${new Date(check.sinceMs).toISOString()} .. ${new Date(check.untilMs).toISOString()} is empty; fix: since must be before until`);
    }
    const sources = [
        check.violationsReport,
        check.monitoringSchedule,
        check.captureUri,
        check.groundTruthUri,
        check.alarms.length ? 'alarms' : undefined,
    ].filter(Boolean);
    if (sources.length === 0) {
        throw new errors/* ConfigurationError */.j1(`mode check needs at least one source: set violations-report, monitoring-schedule, capture-uri (with baseline-statistics and baseline-constraints), ground-truth-uri (with capture-uri) or alarms`);
    }
    if (check.captureUri &&
        !check.groundTruthUri &&
        (!check.baselineStatistics || !check.baselineConstraints)) {
        throw new errors/* ConfigurationError */.j1(`inputs 'baseline-statistics' and 'baseline-constraints' are required with capture-uri: the capture is checked against a baseline (mode: baseline writes one)`);
    }
    if (check.groundTruthUri && !check.captureUri) {
        throw new errors/* ConfigurationError */.j1(`input 'capture-uri' is required with ground-truth-uri: ground truth is joined with the captured predictions`);
    }
    if (check.groundTruthUri && check.qualityThresholds.length === 0) {
        throw new errors/* ConfigurationError */.j1(`input 'quality-thresholds' is required with ground-truth-uri, e.g. {auc: ">= 0.70"}: a model-quality gate with no threshold would always pass`);
    }
    return { ...common, baseline: undefined, check };
}

;// CONCATENATED MODULE: ./src/actions/monitor-gate.ts















/** Bad data from the pure layers becomes a stage failure with its message (no stack trace). */
async function dataFailures(body) {
    try {
        return await body();
    }
    catch (err) {
        if (err instanceof errors_MonitorDataError || err instanceof data_error/* DataError */.f || err instanceof stats_errors/* StatsError */.G)
            throw new errors/* StageFailure */.BG((0,errors/* errorMessage */.gJ)(err));
        throw err;
    }
}
async function publish(ctx, s, o, aws) {
    const endpoint = s.endpointName;
    const schedule = s.check?.monitoringSchedule ?? 'monitor-gate';
    const cw = await aws.cloudwatch();
    const data = cloudWatchData(o, endpoint, schedule);
    if (s.publishMetrics) {
        await putMetrics(cw, DATA_METRICS_NAMESPACE, data, new Date());
        ctx.log.info(`published ${data.length} metric(s) to ${DATA_METRICS_NAMESPACE} (Endpoint=${endpoint}, MonitoringSchedule=${schedule})`);
    }
    if (s.dashboardName) {
        await writeDashboard({ cw, sm: await aws.sagemaker() }, {
            name: s.dashboardName,
            endpoint,
            schedule,
            // Metrics put just now may take minutes to be listed on AWS: the ones this run published count.
            published: s.publishMetrics ? data.map((d) => d.name) : [],
        }, ctx.log);
    }
}
async function issue(ctx, s, o, markdown, overrides) {
    if (!s.githubToken)
        return undefined;
    if (!s.endpointName) {
        ctx.log.info('drift issue: skipped (set endpoint-name: there is one issue per endpoint)');
        return undefined;
    }
    const [owner, repo] = (ctx.env['GITHUB_REPOSITORY'] ?? '').split('/');
    if (!owner || !repo) {
        ctx.log.warning('drift issue: GITHUB_REPOSITORY is not set; no issue written');
        return undefined;
    }
    const octokit = overrides.octokit
        ? await overrides.octokit(s.githubToken)
        : (await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 2413))).getOctokit(s.githubToken, {
            baseUrl: ctx.env['GITHUB_API_URL'] || 'https://api.github.com',
        });
    const server = ctx.env['GITHUB_SERVER_URL'] || 'https://github.com';
    const runUrl = ctx.run.runId ? `${server}/${owner}/${repo}/actions/runs/${ctx.run.runId}` : '';
    const res = await syncDriftIssue({
        octokit,
        owner,
        repo,
        endpoint: s.endpointName,
        runId: ctx.run.runId ?? `local-${Date.now()}`,
        passed: o.passed,
        title: `Model drift on endpoint ${s.endpointName}`,
        markdown: `${markdown}${runUrl ? `\n[Workflow run](${runUrl})\n` : ''}`,
    });
    ctx.log.info(`drift issue: ${res.action}${res.issueNumber ? ` #${res.issueNumber}` : ''}`);
    return res.issueNumber;
}
async function monitorGate(ctx, overrides) {
    const settings = parseMonitorGateSettings(await ctx.inputs(), overrides.now ?? Date.now());
    if (settings.githubToken)
        ctx.setSecret(settings.githubToken);
    if (settings.forceFail)
        ctx.setOutput('passed', 'false');
    ctx.failIfForced(settings.forceFail);
    let clients;
    const aws = () => (clients ??= (0,aws_clients/* createAwsClients */.Gv)({ region: settings.region }));
    // Scratch space (downloaded baselines, capture and ground truth), removed whatever happens.
    const workDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(ctx.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), 'sagemaker-monitor-gate-'));
    const scratch = (f) => f().finally(() => (0,promises_.rm)(workDir, { recursive: true, force: true }));
    const deps = {
        aws,
        workDir,
        log: ctx.log,
        now: overrides.now ?? Date.now(),
        ...(overrides.workers ? { workers: overrides.workers } : {}),
    };
    if (settings.mode === 'baseline') {
        const b = await scratch(() => dataFailures(() => runBaseline(settings, deps)));
        ctx.setOutput('statistics-uri', b.statisticsUri);
        ctx.setOutput('constraints-uri', b.constraintsUri);
        ctx.setOutput('passed', 'true');
        await ctx.writeSummary(renderBaselineSummary(b));
        return;
    }
    let outcome;
    try {
        outcome = await scratch(() => dataFailures(() => runCheck(settings, deps)));
    }
    catch (err) {
        ctx.setOutput('passed', 'false');
        throw err;
    }
    const c = settings.check;
    const markdown = renderCheckSummary(outcome, settings.endpointName, {
        sinceMs: c.sinceMs,
        untilMs: c.untilMs,
    });
    ctx.setOutput('passed', String(outcome.passed));
    ctx.setOutput('violations', JSON.stringify(outcome.verdict.counted.map(({ source: _s, ...v }) => v)));
    ctx.setOutput('violations-count', String(outcome.verdict.counted.length));
    ctx.setOutput('report-uri', outcome.reportUri ?? '');
    ctx.setOutput('metrics', JSON.stringify(metricsOutput(outcome)));
    await ctx.writeSummary(markdown);
    if (settings.publishMetrics || settings.dashboardName)
        await publish(ctx, settings, outcome, aws());
    const issueNumber = await issue(ctx, settings, outcome, markdown, overrides);
    ctx.setOutput('issue-number', issueNumber === undefined ? '' : String(issueNumber));
    if (!outcome.passed) {
        const why = [
            ...outcome.verdict.reasons,
            ...outcome.findings.filter((f) => !f.passed).map((f) => f.message),
        ].join('; ');
        if (settings.failOnGate)
            throw new errors/* StageFailure */.BG(`gate failed: ${why}`);
        ctx.log.warning(`monitor-gate: gate failed (fail-on-gate: false, so the step stays green): ${why}`);
    }
    else
        ctx.log.info('gate passed');
}
async function run(overrides = {}) {
    await (0,context/* runAction */.Cs)(MONITOR_GATE_NAMES, (ctx) => monitorGate(ctx, overrides), {
        ...(overrides.exit ? { exit: overrides.exit } : {}),
    });
}

;// CONCATENATED MODULE: ./src/entries/monitor-gate.ts

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


/***/ })

};
