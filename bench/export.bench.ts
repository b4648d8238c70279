import http from 'node:http';
import path from 'node:path';
import { analysisProject, analysisShape, type AnalysisProject } from './analysis-generate';
import { fmt, longestWaitFromWorker, memoryOf, startServer } from './server';

/**
 * Exports of the 1,000,000-highlight analysis project (bench/.data/analysis, shared with
 * analysis.bench.ts) over HTTP: rows per second, the server's memory above idle while it
 * streams, and how long another user's request waits meanwhile. Targets (issue 9, 2 cores):
 * excerpts.csv at ≥ 100,000 rows/s with < 200 MB above idle, others wait within the analysis
 * bench's bound (tens of ms).
 */
export async function benchExport(opts: { studies: number; highlights: number }) {
  const project = analysisProject(
    path.resolve(import.meta.dirname, '.data/analysis'),
    analysisShape(opts.studies, opts.highlights),
  );
  const server = await startServer(project.dataDir, Number(process.env.BENCH_EXPORT_PORT ?? 3925));
  try {
    const base = `/api/projects/${project.projectId}/exports`;
    const [theme] = project.themeIds;
    const cases: Array<[string, string, string]> = [
      ['excerpts.csv, everything', `${base}/excerpts.csv`, '≥ 100,000 rows/s, < 200 MB'],
      ['excerpts.csv, one coder', `${base}/excerpts.csv?coders=${project.coderIds[1]}`, ''],
      ['excerpts.csv, a theme', `${base}/excerpts.csv?codes=${theme}`, ''],
      // Its rows are the theme's CSV rows (a workbook cannot be counted as it streams).
      ['excerpts.xlsx, a theme', `${base}/excerpts.xlsx?codes=${theme}`, ''],
      ['excerpts.json, a theme', `${base}/excerpts.json?codes=${theme}`, ''],
      ['presence.csv', `${base}/presence.csv`, ''],
    ];
    let lastCsvRows = 0;
    console.log(
      `exports over HTTP (${opts.studies} studies, ${opts.highlights} highlights; idle server ${memoryOf(server.pid).nowMb.toFixed(0)} MB)`,
    );
    console.log(
      '  export                          rows        s     rows/s   MB    peak MB above idle   others wait ms (p99 / max)   target',
    );
    for (const [name, pathname, target] of cases) {
      const r = await timeDownload(server, project, pathname);
      if (pathname.includes('.csv')) lastCsvRows = r.rows;
      if (pathname.includes('.xlsx')) r.rows = lastCsvRows;
      console.log(
        `  ${name.padEnd(28)} ${String(r.rows).padStart(9)} ${fmt(r.seconds, 8)} ${String(Math.round(r.rows / r.seconds)).padStart(10)} ${fmt(r.mb, 6)} ${fmt(r.aboveIdleMb, 20)}   ${fmt(r.stall.p99, 12)} / ${fmt(r.stall.max, 6)}   ${target}`,
      );
    }
    console.log(
      '  (rows: CSV/JSON records or XLSX rows; peak above idle: resident memory sampled every 20 ms, less the idle server before the export)',
    );
  } finally {
    await server.stop();
  }
}

/** Downloads one export as a client would, counting its records while sampling the server. */
async function timeDownload(
  server: { url: string; pid: number },
  project: AnalysisProject,
  pathname: string,
) {
  const idle = memoryOf(server.pid).nowMb;
  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memoryOf(server.pid).nowMb);
  }, 20);
  const probe = longestWaitFromWorker(server.url);
  const t = performance.now();
  // node:http, as the analysis benchmark's views: fetch's web streams cost the client several
  // seconds of the two cores it shares with the server over 314 MB, which no browser spends.
  const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
    http
      .get(
        server.url + pathname,
        { headers: { authorization: `Bearer ${project.token}` } },
        resolve,
      )
      .on('error', reject),
  );
  if ((res.statusCode ?? 0) >= 400) {
    const body: Buffer[] = [];
    for await (const chunk of res as AsyncIterable<Buffer>) body.push(chunk);
    throw new Error(`${pathname}: ${res.statusCode} ${Buffer.concat(body).toString()}`);
  }
  // Records: CSV lines, or JSON annotations (a pattern that may straddle two chunks).
  const annotation = '"type":"Annotation"';
  const decoder = new TextDecoder();
  let bytes = 0;
  let newlines = 0;
  let annotations = 0;
  let tail = '';
  for await (const chunk of res as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
    if (!pathname.includes('.json')) continue;
    const text = tail + decoder.decode(chunk, { stream: true });
    for (let i = text.indexOf(annotation); i !== -1; i = text.indexOf(annotation, i + 1))
      annotations++;
    tail = text.slice(-annotation.length + 1);
  }
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  const stall = await probe.stop();
  const rows = pathname.includes('.json') ? annotations : newlines - 1;
  return { rows, seconds, mb: bytes / 1e6, aboveIdleMb: peak - idle, stall };
}
