import path from 'node:path';
import { generateProject } from './generate';
import { generateRis } from './ris-generator';
import { longestWaitFromWorker, memoryOf, startServer } from './server';

/**
 * Importing a RIS file of `records` records through the real server in its own process, each
 * scenario on a fresh server and an empty project:
 *  1. one import (mode=commit): upload, parse, duplicate check and the one transaction;
 *  2. the web app's flow: preview, commit, then the same file again (skipped, previewed,
 *     skipped, updated) on the same server, so memory that does not level off would show.
 * Memory is the server's resident high-water mark (it starts at about 125 MB: Node, Fastify, SQLite).
 * Target on the 2-core machine for 10,000 records: an import ≤ 5 s, and the server under 300 MB
 * through every step (issue 13).
 */
export async function benchImport(opts: { records: number }) {
  const ris = generateRis(opts.records);
  const mb = (Buffer.byteLength(ris) / 1024 / 1024).toFixed(1);
  console.log(`import: ${opts.records} RIS records (${mb} MB)`);
  await scenario('one import', ris, ['mode=commit']);
  // Then the same file again and again, as a team re-importing an updated export: memory must
  // level off, not grow with every import.
  await scenario('the web app’s flow, then re-imports', ris, [
    'mode=preview',
    'mode=commit',
    'mode=commit&duplicates=skip',
    'mode=preview',
    'mode=commit&duplicates=skip',
    'mode=commit&duplicates=update',
  ]);
}

async function scenario(name: string, ris: string, steps: string[]) {
  const project = generateProject({
    dataDir: path.resolve(import.meta.dirname, '.data/import'),
    studies: 0,
  });
  const server = await startServer(project.dataDir, 3878);
  try {
    console.log(`  ${name} (server at start: ${memoryOf(server.pid).nowMb.toFixed(0)} MB)`);
    for (const query of steps) {
      const form = new FormData();
      form.append('file', new Blob([ris]), 'bench.ris');
      // The upload, parsing and planning run in a worker thread; the write takes SQLite's lock.
      const probe = longestWaitFromWorker(server.url);
      await probe.ready;
      // Each step's own peak: the high-water mark keeps the highest so far, which hides
      // whether a later step needs less, or more, than the one that set it.
      let stepPeak = 0;
      const sampler = setInterval(() => {
        stepPeak = Math.max(stepPeak, memoryOf(server.pid).nowMb);
      }, 20);
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/projects/${project.projectId}/imports?${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${project.token}` },
        body: form,
      });
      const body = (await res.json()) as Record<string, unknown>;
      clearInterval(sampler);
      const wait = await probe.stop();
      if (!res.ok) throw new Error(`import failed: ${res.status} ${JSON.stringify(body)}`);
      const seconds = ((performance.now() - t0) / 1000).toFixed(2);
      const summary = 'created' in body ? JSON.stringify(body) : `{"new":${String(body.new)}}`;
      console.log(
        `    ${query.padEnd(28)} ${seconds} s, peak ${stepPeak.toFixed(0)} MB (highest so far ${memoryOf(server.pid).peakMb.toFixed(0)}), others wait ≤ ${wait.max.toFixed(0)} ms (p99 ${wait.p99.toFixed(0)})  ${summary}`,
      );
      // What stays once the import's worker has gone: memory the server keeps between imports.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      console.log(`      2 s later: ${memoryOf(server.pid).nowMb.toFixed(0)} MB`);
    }
  } finally {
    await server.stop();
  }
}
