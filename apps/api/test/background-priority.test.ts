import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

/*
 * The read, import and REFI workers yield the cores to the API thread (background-priority.ts):
 * on Linux the nice value is the worker thread's own, and the API thread keeps its priority.
 */
// (Under `nice` at 10 or more already there is nothing to lower.)
const before = getPriority();

/** Runs `body` (CommonJS, with `module` the loaded background-priority.ts) in a worker thread. */
async function inWorker<T>(body: string): Promise<T> {
  const module = new URL('../src/background-priority.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    const { getPriority } = require('node:os');
    import(workerData.tsx).then((tsx) => {
      tsx.register();
      return import(workerData.module);
    }).then((module) => parentPort.postMessage((() => { ${body} })()));`,
    { eval: true, workerData: { module, tsx } },
  );
  try {
    return await new Promise<T>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

describe.runIf(process.platform === 'linux' && before < 10)('yieldToApiThread', () => {
  it("lowers the calling worker thread's priority and leaves the API thread's alone", async () => {
    const lowered = await inWorker<number>('module.yieldToApiThread(); return getPriority();');
    expect(lowered).toBe(10);
    expect(getPriority()).toBe(before);
  });

  it('raises it back while an import holds the write lock, then lowers it again', async () => {
    const [holding, after] = await inWorker<number[]>(
      `module.yieldToApiThread();
      const holding = module.atNormalPriority(() => getPriority());
      return [holding, getPriority()];`,
    );
    // Raising a priority needs the privilege to (root here and in CI); without it, it stays low.
    expect(holding).toBe(process.getuid?.() === 0 ? before : 10);
    expect(after).toBe(10);
  });
});
