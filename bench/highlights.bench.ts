import autocannon from 'autocannon';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { generateProject, prng } from './generate';
import { cpuOf, p, startServer } from './server';

/**
 * Highlight creation over HTTP: 20 connections post valid highlights (random spans with their
 * exact quotes, one or two codes) to random documents of a 10,000-study project.
 */
export async function benchHighlightCreation(opts: { studies: number; duration: number }) {
  const t0 = performance.now();
  const project = generateProject({
    dataDir: path.resolve(import.meta.dirname, '.data/highlights'),
    studies: opts.studies,
  });
  console.log(
    `generated ${opts.studies} studies in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  await createHighlights(project, `${opts.studies} studies`, opts.duration);
}

/**
 * The same on the analysis benchmark's project (10,000 studies, 1,000,000 highlights), copied
 * first so that the writes do not change what the analysis benchmark measures: writes should
 * cost the same on a big project as on an empty one (issue 13).
 */
export async function benchHighlightCreationAtScale(opts: {
  studies: number;
  highlights: number;
  duration: number;
}) {
  const { copyOfAnalysisProject } = await import('./analysis-generate');
  const big = copyOfAnalysisProject('highlights-big', opts.studies, opts.highlights);
  await createHighlights(
    big,
    `${opts.studies} studies, ${opts.highlights} highlights`,
    opts.duration,
  );
  rmSync(big.dataDir, { recursive: true, force: true });
}

async function createHighlights(
  project: {
    dataDir: string;
    token: string;
    documents: Array<{ id: string; text: string }>;
    codeIds: string[];
  },
  size: string,
  duration: number,
) {
  const server = await startServer(project.dataDir, 3877);
  const random = prng(7);
  const body = () => {
    const doc = project.documents[Math.floor(random() * project.documents.length)]!;
    const start = Math.floor(random() * (doc.text.length - 80));
    const end = start + 10 + Math.floor(random() * 60);
    const codeIds = [project.codeIds[Math.floor(random() * project.codeIds.length)]!];
    return {
      path: `/api/documents/${doc.id}/highlights`,
      body: JSON.stringify({ start, end, quote: doc.text.slice(start, end), codeIds }),
    };
  };
  // The WAL's largest size during the run: checkpoints must keep up with the writes.
  const wal = path.join(project.dataDir, 'kodbok.sqlite-wal');
  let walPeak = 0;
  const serverMs: number[] = [];
  const sampler = setInterval(() => {
    try {
      walPeak = Math.max(walPeak, statSync(wal).size);
    } catch {
      // No WAL file yet.
    }
  }, 50);
  const load = {
    url: server.url,
    connections: 20,
    method: 'POST' as const,
    headers: { authorization: `Bearer ${project.token}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, ...body() }) }],
  };
  try {
    // The same load for a few seconds first, not counted: a server that has just started
    // compiles its hot paths and reads the pages it writes into its cache meanwhile, which a
    // server that has been running does not.
    const warmup = Number(process.env.BENCH_WARMUP ?? 3);
    if (warmup > 0) await autocannon({ ...load, duration: warmup });
    walPeak = 0;
    const cpuBefore = cpuOf(server.pid);
    const clientBefore = process.cpuUsage();
    const result = await autocannon({
      ...load,
      duration,
      // The server's own time for each answer (its Server-Timing header), to tell the server's
      // share of the p99 from the wait before it reads a request.
      setupClient: (client) =>
        client.on('headers', (info) => {
          // autocannon hands over the HTTP parser's record (a raw header list), not what its
          // types say.
          const raw = (info as unknown as { headers: string[] }).headers;
          const at = raw.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === 'server-timing');
          const ms = Number(/dur=([0-9.]+)/.exec(raw[at + 1] ?? '')?.[1]);
          if (at >= 0 && !Number.isNaN(ms)) serverMs.push(ms);
        }),
    });
    const cpuAfter = cpuOf(server.pid);
    const client = process.cpuUsage(clientBefore);
    const ok = result['2xx'];
    const bad = result.non2xx + result.errors;
    console.log('highlight creation over HTTP (20 connections)');
    console.log(`  project              ${size}`);
    console.log(`  created              ${ok} highlights in ${result.duration} s (${bad} failed)`);
    console.log(
      `  throughput           ${(ok / result.duration).toFixed(0)} highlights/s   (target ≥ 2000)`,
    );
    console.log(`  latency p50          ${result.latency.p50} ms`);
    console.log(`  latency p99          ${result.latency.p99} ms   (target ≤ 20)`);
    console.log(
      `  server's own p99     ${p(serverMs, 0.99).toFixed(1)} ms   (Server-Timing; the rest is the wait before the server reads a request)`,
    );
    const perHighlight = (key: 'api' | 'all') =>
      (((cpuAfter[key] - cpuBefore[key]) / ok) * 1000).toFixed(0);
    console.log(
      `  server CPU a highlight ${perHighlight('api')} µs on the API thread, ${perHighlight('all')} µs in all threads`,
    );
    console.log(
      `  load generator CPU   ${((client.user + client.system) / ok).toFixed(0)} µs a request (this process, beside the server on the same cores)`,
    );
    console.log(`  WAL file, largest    ${(walPeak / 1024 / 1024).toFixed(1)} MB`);
    if (bad > 0) throw new Error(`${bad} requests failed: the benchmark measured errors, not work`);
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}
