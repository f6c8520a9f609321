// Worker thread for seed:scale: generates batches while the main thread streams the previous
// ones into PostgreSQL, so generation (one core) and COPY (PostgreSQL's core) overlap.
import { parentPort, workerData } from 'node:worker_threads';
import { CaseGenerator, type GeneratorContext } from './generate.js';

export interface WorkerInput {
  ctx: GeneratorContext;
  cases: number;
  batchSize: number;
}

export type WorkerMessage = { type: 'batch'; cases: number; batch: import('./generate.js').Batch } | { type: 'done' };

const { ctx, cases, batchSize } = workerData as WorkerInput;
const port = parentPort!;
const generator = new CaseGenerator(ctx);
let credits = 2; // batches the main thread may hold at once
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
});

for (let done = 0; done < cases;) {
  while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
  wake = null;
  credits--;
  const n = Math.min(batchSize, cases - done);
  const batch = generator.next(n);
  const transfer = Object.values(batch).flatMap((chunks) => chunks.map((c) => c.buffer as ArrayBuffer));
  port.postMessage({ type: 'batch', cases: n, batch } satisfies WorkerMessage, transfer);
  done += n;
}
port.postMessage({ type: 'done' } satisfies WorkerMessage);
port.close();
