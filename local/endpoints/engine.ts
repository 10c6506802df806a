/**
 * What happens to an endpoint after the API call returns: its fleet launched (Creating →
 * InService | Failed), blue/green updates (green fleet up, traffic shifted step by step, bakes,
 * termination wait, the AutoRollbackConfiguration alarms watched throughout; any alarm in ALARM,
 * an unhealthy green fleet or MaximumExecutionTimeout → back to blue: InService on the old config
 * with a FailureReason), and deletion. Blue keeps serving until green has all the traffic and
 * in-flight requests have drained, so no request is dropped while traffic moves.
 *
 * Guess (noted, sagemaker.md §10.8): after a rollback AWS reads InService on the old config with
 * a FailureReason describing the rollback; the wording below is ours.
 */
import type { LocalContext, Rec } from '../context.js';
import { truncateReason } from '../jobs/common.js';
import { JobFailure } from '../jobs/inputs.js';
import { CaptureWriter } from './capture.js';
import { launchFleet, resolvedImage, stopFleet, type Fleet } from './fleet.js';
import { blueGreen } from './blue-green.js';

type Obj = Record<string, unknown>;

export interface EndpointRuntime {
  blue: Fleet | undefined;
  green: Fleet | undefined;
  /** Green's share of traffic while an update shifts it. */
  greenShare: number;
  /** Resolves when blue can serve (after create, or after a restart relaunch). */
  ready: Promise<void>;
  abort: AbortController;
  op: Promise<void> | undefined;
}

const WATCH_SLICE_MS = 50;

/** DescribeEndpoint's DataCaptureConfig for a config's capture settings. */
export function captureSummary(config: Rec): Obj | undefined {
  const dc = config['DataCaptureConfig'] as Obj | undefined;
  if (!dc) return undefined;
  return {
    EnableCapture: dc['EnableCapture'] !== false,
    CaptureStatus: dc['EnableCapture'] === false ? 'Stopped' : 'Started',
    CurrentSamplingPercentage: dc['InitialSamplingPercentage'],
    DestinationS3Uri: dc['DestinationS3Uri'],
    ...(dc['KmsKeyId'] ? { KmsKeyId: dc['KmsKeyId'] } : {}),
  };
}

export class EndpointEngine {
  private readonly runtimes = new Map<string, EndpointRuntime>();
  readonly capture: CaptureWriter;

  constructor(private readonly ctx: LocalContext) {
    this.capture = new CaptureWriter(ctx.s3, (m) => ctx.logger.warn(m));
  }

  runtime(name: string): EndpointRuntime | undefined {
    return this.runtimes.get(name);
  }

  /** @internal also used by blue-green.ts */
  fresh(name: string): EndpointRuntime {
    const rt: EndpointRuntime = {
      blue: undefined,
      green: undefined,
      greenShare: 0,
      ready: Promise.resolve(),
      abort: new AbortController(),
      op: undefined,
    };
    this.runtimes.set(name, rt);
    return rt;
  }

  /** @internal also used by blue-green.ts */
  patch(name: string, fields: Obj, drop: string[] = []): void {
    if (this.ctx.closing) return;
    const rec = this.ctx.state.endpoints.get(name);
    if (!rec) return;
    const next: Rec = { ...rec, ...fields, LastModifiedTime: this.ctx.now() };
    for (const k of drop) delete next[k];
    this.ctx.state.endpoints.put(name, next);
  }

  /** @internal also used by blue-green.ts */
  run(name: string, rt: EndpointRuntime, body: () => Promise<void>): void {
    const op = body().catch((err) =>
      this.ctx.logger.error(`endpoint ${name}: ${(err as Error).stack ?? String(err)}`),
    );
    rt.op = op;
    this.ctx.flows.add(op);
    void op.finally(() => {
      this.ctx.flows.delete(op);
      if (rt.op === op) rt.op = undefined;
    });
  }

  /** ProductionVariants of a describe for a fleet's config (current or pending). */
  variantSummaries(config: Rec, status?: (variant: string) => Obj[] | undefined): Obj[] {
    const now = this.ctx.now();
    return (config['ProductionVariants'] as Obj[]).map((v) => {
      const model = this.ctx.state.models.get(String(v['ModelName']));
      const image = String(((model?.['PrimaryContainer'] as Obj | undefined)?.['Image'] as string) ?? '');
      const weight = (v['InitialVariantWeight'] as number | undefined) ?? 1;
      const count = (v['InitialInstanceCount'] as number | undefined) ?? 1;
      const vs = status?.(String(v['VariantName']));
      return {
        VariantName: v['VariantName'],
        DeployedImages: [{ SpecifiedImage: image, ResolvedImage: resolvedImage(image), ResolutionTime: now }],
        CurrentWeight: weight,
        DesiredWeight: weight,
        CurrentInstanceCount: count,
        DesiredInstanceCount: count,
        ...(vs ? { VariantStatus: vs } : {}),
      };
    });
  }

  /** @internal also used by blue-green.ts */
  configOf(name: string): Rec {
    const cfg = this.ctx.state.endpointConfigs.get(name);
    if (!cfg) throw new JobFailure(`Could not find endpoint configuration "${name}".`);
    return cfg;
  }

  /** CreateEndpoint's asynchronous part. */
  create(name: string): void {
    const rt = this.fresh(name);
    let release: () => void = () => {};
    rt.ready = new Promise((r) => (release = r));
    this.run(name, rt, async () => {
      const rec = this.ctx.state.endpoints.get(name)!;
      const config = this.configOf(String(rec['EndpointConfigName']));
      try {
        const fleet = await launchFleet(this.ctx, name, config);
        if (rt.abort.signal.aborted || this.ctx.closing) {
          await stopFleet(fleet, 0);
          return;
        }
        rt.blue = fleet;
        this.patch(name, {
          EndpointStatus: 'InService',
          ProductionVariants: this.variantSummaries(config),
        });
      } catch (err) {
        if (this.ctx.closing || rt.abort.signal.aborted) return;
        this.patch(name, {
          EndpointStatus: 'Failed',
          FailureReason: truncateReason((err as Error).message),
          ProductionVariants: this.variantSummaries(config).map((v) => ({
            ...v,
            CurrentInstanceCount: 0,
          })),
        });
      } finally {
        release();
      }
    });
  }

  /** After a restart: relaunch the fleet of an endpoint that was serving. */
  relaunch(name: string, reason?: string): void {
    const rt = this.fresh(name);
    let release: () => void = () => {};
    rt.ready = new Promise((r) => (release = r));
    this.run(name, rt, async () => {
      const rec = this.ctx.state.endpoints.get(name)!;
      try {
        rt.blue = await launchFleet(this.ctx, name, this.configOf(String(rec['EndpointConfigName'])));
        if (reason)
          this.patch(name, { EndpointStatus: 'InService', FailureReason: reason }, [
            'PendingDeploymentSummary',
          ]);
      } catch (err) {
        this.patch(name, { EndpointStatus: 'Failed', FailureReason: truncateReason((err as Error).message) });
      } finally {
        release();
      }
    });
  }

  alarmInAlarm(names: string[]): string | undefined {
    return names.find((n) => this.ctx.alarms.get(n)?.StateValue === 'ALARM');
  }

  /**
   * Sleeps `seconds`, watching the rollback alarms and the execution deadline. Returns why it
   * stopped early: an alarm name, 'timeout', or 'aborted'; undefined when the bake completed.
   */
  /** @internal blue-green.ts */
  async bake(
    rt: EndpointRuntime,
    seconds: number,
    alarms: string[],
    deadline: number,
  ): Promise<{ alarm: string } | 'timeout' | 'aborted' | undefined> {
    const end = Date.now() + seconds * 1000;
    for (;;) {
      if (rt.abort.signal.aborted || this.ctx.closing) return 'aborted';
      const alarm = this.alarmInAlarm(alarms);
      if (alarm) return { alarm };
      if (Date.now() >= deadline) return 'timeout';
      const left = end - Date.now();
      if (left <= 0) return undefined;
      await new Promise((r) => setTimeout(r, Math.min(WATCH_SLICE_MS, left)));
    }
  }

  /** UpdateEndpoint's asynchronous part: a blue/green deployment to `newConfigName`. */
  update(name: string, newConfigName: string, deploymentConfig: Obj | undefined): void {
    const rt = this.runtimes.get(name) ?? this.fresh(name);
    this.run(name, rt, () => blueGreen(this, this.ctx, name, rt, newConfigName, deploymentConfig));
  }

  /** UpdateEndpointWeightsAndCapacities: new weights take effect, Updating → InService. */
  updateWeights(name: string, desired: Obj[]): void {
    const rt = this.runtimes.get(name) ?? this.fresh(name);
    this.run(name, rt, async () => {
      await rt.ready;
      await new Promise((r) => setTimeout(r, 100));
      const rec = this.ctx.state.endpoints.get(name);
      if (!rec || this.ctx.closing) return;
      const byName = new Map(desired.map((d) => [String(d['VariantName']), d]));
      for (const [vn, v] of rt.blue?.variants ?? []) {
        const d = byName.get(vn);
        if (d?.['DesiredWeight'] !== undefined) v.weight = Number(d['DesiredWeight']);
        if (d?.['DesiredInstanceCount'] !== undefined) v.instanceCount = Number(d['DesiredInstanceCount']);
      }
      const variants = (rec['ProductionVariants'] as Obj[]).map((v) => {
        const d = byName.get(String(v['VariantName']));
        if (!d) return v;
        const w = d['DesiredWeight'] ?? v['CurrentWeight'];
        const c = d['DesiredInstanceCount'] ?? v['CurrentInstanceCount'];
        return { ...v, CurrentWeight: w, DesiredWeight: w, CurrentInstanceCount: c, DesiredInstanceCount: c };
      });
      this.patch(name, { EndpointStatus: 'InService', ProductionVariants: variants });
    });
  }

  /** DeleteEndpoint's asynchronous part: stop everything, then the record disappears. */
  delete(name: string): void {
    const rt = this.runtimes.get(name);
    const finish = async (): Promise<void> => {
      if (rt) {
        rt.abort.abort();
        await rt.op?.catch(() => {});
        const fleets = [rt.blue, rt.green].filter((f): f is Fleet => !!f);
        rt.blue = rt.green = undefined;
        await Promise.all(fleets.map((f) => stopFleet(f)));
      }
      await this.capture.flush();
      this.runtimes.delete(name);
      if (!this.ctx.closing) this.ctx.state.endpoints.delete(name);
    };
    const op = finish();
    this.ctx.flows.add(op);
    void op.finally(() => this.ctx.flows.delete(op));
  }

  /** Server stop: abort every operation, flush captures, stop every fleet (no orphans). */
  async shutdown(): Promise<void> {
    for (const rt of this.runtimes.values()) rt.abort.abort();
    await Promise.allSettled([...this.runtimes.values()].map((rt) => rt.op));
    await this.capture.close();
    await Promise.allSettled(
      [...this.runtimes.values()].flatMap((rt) =>
        [rt.blue, rt.green].filter((f): f is Fleet => !!f).map((f) => stopFleet(f, 5_000)),
      ),
    );
    this.runtimes.clear();
  }
}

/** After a restart: endpoints that were serving serve again; interrupted operations settle. */
export function recoverEndpoints(ctx: LocalContext, engine: EndpointEngine): void {
  for (const rec of ctx.state.endpoints.values()) {
    const name = String(rec['EndpointName']);
    const status = rec['EndpointStatus'];
    if (status === 'Deleting') ctx.state.endpoints.delete(name);
    else if (status === 'Creating')
      ctx.state.endpoints.put(name, {
        ...rec,
        EndpointStatus: 'Failed',
        FailureReason: 'InternalServerError: sagemaker-local restarted while the endpoint was being created.',
      });
    else if (status === 'Updating')
      engine.relaunch(
        name,
        `Endpoint update was rolled back because sagemaker-local restarted during the update. The endpoint serves ${String(rec['EndpointConfigName'])}.`,
      );
    else if (status === 'InService') engine.relaunch(name);
  }
}
