/** The worker side of the protocol (protocol.ts): say hello, then answer each request in order. */
import type { MessagePort } from 'node:worker_threads';
import { WORKER_FLAG, WORKER_PROTOCOL, type TaskHandlers, type WorkerRequest } from './protocol.js';

export function serveTasks(port: MessagePort, handlers: TaskHandlers): void {
  port.on('message', (m: WorkerRequest) => {
    const handler = Object.hasOwn(handlers, m.kind) ? handlers[m.kind] : undefined;
    if (!handler) {
      port.postMessage({
        id: m.id,
        error: `this worker does not serve tasks of kind ${JSON.stringify(m.kind)}`,
      });
      return;
    }
    let result;
    try {
      result = handler(m.task as never);
    } catch (err) {
      port.postMessage({ id: m.id, error: (err as Error)?.message ?? String(err) });
      return;
    }
    port.postMessage({ id: m.id, value: result.value }, result.transfer ?? []);
  });
  port.postMessage({ hello: WORKER_FLAG, protocol: WORKER_PROTOCOL });
}
