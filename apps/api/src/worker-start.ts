import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker module at `workerUrl` with `options.workerData` (which also gets the module's
 * address). From source (tests, `npm run dev`) the module is TypeScript: on Node 20 a worker
 * cannot get tsx through execArgv (nodejs/node#47747), so a small script registers it first.
 */
export function startWorker(
  workerUrl: URL,
  options: WorkerOptions & { workerData: Record<string, unknown> },
): Worker {
  const fromSource = workerUrl.pathname.endsWith('.ts');
  const workerData = {
    ...options.workerData,
    entry: workerUrl.href,
    tsx: fromSource ? import.meta.resolve('tsx/esm/api') : null,
  };
  return fromSource
    ? new Worker(LOAD_TYPESCRIPT, { ...options, workerData, eval: true })
    : new Worker(workerUrl, { ...options, workerData });
}

const LOAD_TYPESCRIPT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => {
  tsx.register();
  return import(workerData.entry);
});
`;

/** A worker module beside the server's entry: TypeScript from source, the bundle's file after a build. */
export const besideServer = (name: string) =>
  new URL(import.meta.url.endsWith('.ts') ? `./${name}.ts` : `./${name}.js`, import.meta.url);
