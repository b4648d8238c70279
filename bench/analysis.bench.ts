import http from 'node:http';
import path from 'node:path';
import { ftsQuery, overlapPairs } from '@kodbok/core';
import { createRepositories, openDatabase, type AnalysisScope } from '@kodbok/db';
import { analysisProject, analysisShape, type AnalysisProject } from './analysis-generate';
import { fmt, memoryOf, p, startServer, timeHttp } from './server';

/**
 * The analysis endpoints on a 10,000-study, 1,000,000-highlight project over HTTP (one request at
 * a time, as a user clicking), next to the bare SQL the repositories run on the same file, so the
 * API's own overhead (validation, JSON, HTTP) is visible. The server's peak memory is read from
 * /proc. Targets (2 cores): frequencies and matrix p50 ≤ 100 ms, an excerpts page ≤ 50 ms, < 300 MB.
 */
export async function benchAnalysis(opts: { studies: number; highlights: number; runs: number }) {
  const project = analysisProject(
    path.resolve(import.meta.dirname, '.data/analysis'),
    analysisShape(opts.studies, opts.highlights),
  );
  const sqlTimes = bareSql(project, opts.runs);
  const growth = process.env.BENCH_GROWTH === '0' ? [] : [100_000, 300_000];
  const rows: Array<
    [string, number, number, number | undefined, { max: number; p99: number }, string]
  > = [];
  // A port apart from the other benchmarks, so a concurrent run elsewhere is never measured instead.
  const server = await startServer(
    project.dataDir,
    Number(process.env.BENCH_ANALYSIS_PORT ?? 3923),
  );
  process.kill(server.pid, 0);
  let firstFiltered: number | undefined;
  let firstHighlights: number | undefined;
  try {
    for (const c of cases(project)) {
      if (c.path.includes('cursor=SECOND')) c.path = await secondPage(server.url, project, c.path);
      // Filtered aggregations take seconds at this scale: a few runs show it.
      // Meanwhile another user's health check and a coder's highlight write and delete.
      const { times, stall, first } = await timeHttp(
        server.url,
        project.token,
        c.path,
        c.target ? opts.runs : 5,
        { projectId: project.projectId, codeId: project.codeIds[1]! },
      );
      if (c.name === 'frequencies, two coders') firstFiltered = first;
      if (c.name === 'excerpts, two themes') firstHighlights = first;
      rows.push([
        c.name,
        p(times, 0.5),
        p(times, 0.95),
        sqlTimes.get(c.name),
        stall,
        c.target ?? '',
      ]);
    }
    const mem = memoryOf(server.pid);
    const wire = await wireSizes(
      server.url,
      project.token,
      `/api/projects/${project.projectId}/studies`,
    );
    console.log(
      `analysis over HTTP (${opts.studies} studies, ${opts.highlights} highlights, ${opts.runs} runs each)`,
    );
    console.log(
      '  endpoint                              p50 ms   p95 ms   SQL p50 ms   API/SQL   others wait ms (p99, max)   target',
    );
    for (const [name, p50, p95, sql, stall, target] of rows) {
      const ratio = sql ? `${(p50 / sql).toFixed(1)}×` : '';
      console.log(
        `  ${name.padEnd(36)} ${fmt(p50)} ${fmt(p95)} ${sql === undefined ? ''.padStart(12) : fmt(sql, 12)}   ${ratio.padStart(7)}   ${fmt(stall.p99, 14)} ${fmt(stall.max, 8)}   ${target}`,
      );
    }
    console.log(
      '  (others wait: /api/health and a highlight created and deleted, every 20 ms while these ran: how long the API is held; target ≤ 50)',
    );
    console.log(
      `  first filtered view              ${fmt(firstFiltered ?? NaN)} ms   (the read worker reads the project's counts into memory once; decision 020)`,
    );
    console.log(
      `  first view from the highlights    ${fmt(firstHighlights ?? NaN)} ms   (the read worker reads the project's highlights into memory once; decision 025)`,
    );
    console.log(
      `  studies list on the wire         ${wire.identity} plain, ${wire.br} Brotli, ${wire.gzip} gzip   (target: compressed)`,
    );
    console.log(
      `  server memory                    peak ${mem.peakMb.toFixed(0)} MB, now ${mem.nowMb.toFixed(0)} MB   (target < 300)`,
    );
  } finally {
    await server.stop();
  }
  if (growth.length > 0) await printGrowth(opts, growth, new Map(rows.map((r) => [r[0], r[1]])));
}

/**
 * The growth line: each endpoint's p50 on the same 10,000 studies with fewer highlights (5 runs
 * each, projects generated once beside the big one), so that how cost grows with the work shows.
 */
async function printGrowth(
  opts: { studies: number; highlights: number },
  sizes: number[],
  full: Map<string, number>,
) {
  const columns: Array<Map<string, number>> = [];
  for (const highlights of sizes) {
    const small = analysisProject(
      path.resolve(import.meta.dirname, `.data/analysis-${highlights / 1000}k`),
      analysisShape(opts.studies, highlights),
    );
    const server = await startServer(
      small.dataDir,
      Number(process.env.BENCH_ANALYSIS_PORT ?? 3923),
    );
    try {
      const column = new Map<string, number>();
      for (const c of cases(small)) {
        if (c.path.includes('cursor=SECOND')) c.path = await secondPage(server.url, small, c.path);
        const { times } = await timeHttp(server.url, small.token, c.path, 5);
        column.set(c.name, p(times, 0.5));
      }
      columns.push(column);
    } finally {
      await server.stop();
    }
  }
  const heads = [...sizes, opts.highlights].map((n) => `${n / 1000}k`.padStart(9));
  console.log(`growth: p50 ms by highlights (${opts.studies} studies)`);
  console.log(`  ${'endpoint'.padEnd(36)} ${heads.join(' ')}`);
  for (const [name, big] of full) {
    const cells = [...columns.map((c) => c.get(name) ?? NaN), big].map((x) => fmt(x, 9));
    console.log(`  ${name.padEnd(36)} ${cells.join(' ')}`);
  }
}

function cases(project: AnalysisProject) {
  const base = `/api/projects/${project.projectId}`;
  const [theme] = project.themeIds;
  const [code] = project.codeIds;
  // Two codes of the first theme, which some highlights carry together.
  const [code1, code2] = project.codeIds;
  const [c0, c1] = project.coderIds;
  return [
    { name: 'frequencies', path: `${base}/frequencies`, target: '≤ 100' },
    { name: 'frequencies, one coder', path: `${base}/frequencies?coders=${c0}`, target: '≤ 100' },
    { name: 'frequencies, two coders', path: `${base}/frequencies?coders=${c0},${c1}` },
    // The consensus coding (one study in ten reconciled), as a supervisor reports it.
    {
      name: 'frequencies, consensus',
      path: `${base}/frequencies?coders=consensus`,
      target: '≤ 100',
    },
    { name: 'frequencies, country=Sweden', path: `${base}/frequencies?attr=country=Sweden` },
    // Filters combined, as a supervisor narrows a view (issue 13: any combination ≤ 200 ms).
    {
      name: 'frequencies, 2 coders+Sweden+theme',
      path: `${base}/frequencies?coders=${c0},${c1}&attr=country=Sweden&codes=${theme}`,
      target: '≤ 200',
    },
    { name: 'matrix, 100 studies (default)', path: `${base}/matrix`, target: '≤ 100' },
    { name: 'matrix, 200 studies (max page)', path: `${base}/matrix?limit=200` },
    {
      name: 'matrix, 2 coders+Sweden',
      path: `${base}/matrix?coders=${c0},${c1}&attr=country=Sweden`,
      target: '≤ 100',
    },
    { name: 'excerpts of a theme', path: `${base}/excerpts?codes=${theme}`, target: '≤ 50' },
    { name: 'excerpts of a code', path: `${base}/excerpts?codes=${code}`, target: '≤ 50' },
    { name: 'excerpts, all', path: `${base}/excerpts`, target: '≤ 50' },
    { name: 'excerpts, all, 2nd page', path: `${base}/excerpts?cursor=SECOND`, target: '≤ 50' },
    { name: 'excerpts, search', path: `${base}/excerpts?q=återhämtning` },
    { name: 'excerpts, Sweden', path: `${base}/excerpts?attr=country=Sweden`, target: '≤ 200' },
    { name: 'excerpts, consensus', path: `${base}/excerpts?coders=consensus`, target: '≤ 200' },
    {
      name: 'excerpts, theme+2 coders+Sweden',
      path: `${base}/excerpts?codes=${theme}&coders=${c0},${c1}&attr=country=Sweden`,
      target: '≤ 200',
    },
    {
      name: 'excerpts, two themes',
      path: `${base}/excerpts?codes=${theme},${project.themeIds[1]!}`,
      target: '≤ 200',
    },
    {
      name: 'excerpts, search+theme',
      path: `${base}/excerpts?q=återhämtning&codes=${theme}`,
      target: '≤ 200',
    },
    // The excerpts behind a co-occurrence cell: highlights carrying both.
    {
      name: 'excerpts, two codes, both',
      path: `${base}/excerpts?codes=${code1},${code2}&codeMatch=all`,
      target: '≤ 200',
    },
    { name: 'crosstab by country', path: `${base}/crosstab?attribute=country` },
    {
      name: 'co-occurrence, theme, documents',
      path: `${base}/cooccurrence?mode=document&codes=${theme}`,
    },
    {
      name: 'co-occurrence, theme, highlights',
      path: `${base}/cooccurrence?mode=highlight&codes=${theme}`,
      target: '≤ 200',
    },
    {
      name: 'co-occurrence, theme, overlaps',
      path: `${base}/cooccurrence?mode=overlap&codes=${theme}`,
      target: '≤ 200',
    },
    // A whole project's codes (300): answered from the read worker's copies (decision 025).
    {
      name: 'co-occurrence, all codes, highlights',
      path: `${base}/cooccurrence?mode=highlight`,
      target: '≤ 200',
    },
    {
      name: 'co-occurrence, all codes, documents',
      path: `${base}/cooccurrence?mode=document`,
      target: '≤ 200',
    },
    // Agreement of two of the five coders (issue 13 counts it among the analysis views).
    {
      name: 'agreement, documents',
      path: `${base}/agreement?coders=${c0},${c1}&level=document`,
      target: '≤ 200',
    },
    {
      name: 'agreement, characters',
      path: `${base}/agreement?coders=${c0},${c1}&level=character`,
      target: '≤ 200',
    },
    {
      name: 'agreement, segments',
      path: `${base}/agreement?coders=${c0},${c1}&level=segment`,
      target: '≤ 200',
    },
    {
      name: 'agreement, a coder and consensus',
      path: `${base}/agreement?coders=${c0},consensus&level=character`,
      target: '≤ 200',
    },
    // The grid's first page (200 studies), its summary over all 10,000 (decision 026).
    {
      name: 'agreement, grid',
      path: `${base}/agreement/grid?coders=${c0},${c1}`,
      target: '≤ 200',
    },
    // The whole study list, as the Studies page loads it (issue 13: ≤ 150 ms, compressed).
    { name: 'studies list', path: `${base}/studies`, target: '≤ 150' },
  ];
}

/** The same aggregations straight from the repositories, in this process, on the same file. */
function bareSql(project: AnalysisProject, runs: number): Map<string, number> {
  const db = openDatabase(path.join(project.dataDir, 'kodbok.sqlite'));
  const repos = createRepositories(db);
  const scope: AnalysisScope = {
    projectId: project.projectId,
    coderIds: null,
    studyAttributes: [],
    studyIds: null,
  };
  const one = { ...scope, coderIds: [project.coderIds[0]!] };
  // All the SQL of a page: the studies in scope (its total), the page's studies and their cells.
  const page = (limit: number) => () => {
    repos.analysis.countStudies(scope);
    const studies = repos.analysis.matrixStudies(scope, { groupBy: null, limit, offset: 0 });
    repos.analysis.matrixCellsJson(
      scope,
      studies.map((s) => s.id),
    );
  };
  const excerpts =
    (codeIds: string[] | null, where: AnalysisScope = scope, allCodes = false, match?: string) =>
    () => {
      // As the service does: the total first, which tells the page how to find its rows.
      const q = { scope: where, codeIds, allCodes, match: match ?? null, limit: 51, after: null };
      const total = repos.excerpts.total(q);
      if (total > 0) repos.excerpts.page(q, total);
    };
  // A theme's view shows the theme and its codes.
  const themeAndCodes = [
    project.themeIds[0]!,
    ...repos.codes
      .tree(project.projectId)
      .filter((c) => c.parentId === project.themeIds[0])
      .map((c) => c.id),
  ];
  const sweden = { ...scope, studyAttributes: [{ name: 'country', values: ['Sweden'] }] };
  const twoInSweden = { ...sweden, coderIds: project.coderIds.slice(0, 2) };
  const allStudies = repos.agreement.studyIds(project.projectId, null);
  const codingsOfTwo = () => repos.agreement.codings(allStudies, project.coderIds.slice(0, 2));
  // Each view's answer carries the number of studies in its scope (for the studies' shares).
  const sql: Array<[string, () => void]> = [
    [
      'frequencies',
      () => {
        repos.analysis.countStudies(scope);
        repos.analysis.frequencyTotals(scope);
      },
    ],
    [
      'frequencies, one coder',
      () => {
        repos.analysis.countStudies(one);
        repos.analysis.frequencyTotals(one);
      },
    ],
    [
      'frequencies, two coders',
      () => {
        const two = { ...scope, coderIds: project.coderIds.slice(0, 2) };
        repos.analysis.countStudies(two);
        for (const id of [...project.themeIds, ...project.codeIds])
          repos.analysis.codeFrequencies(two, id);
      },
    ],
    [
      'frequencies, consensus',
      () => {
        const consensus = { ...scope, coderIds: ['consensus'] };
        repos.analysis.countStudies(consensus);
        repos.analysis.frequencyTotals(consensus);
      },
    ],
    [
      'frequencies, country=Sweden',
      () => {
        repos.analysis.countStudies(sweden);
        repos.analysis.studyFilteredFrequencies(sweden);
      },
    ],
    ['matrix, 100 studies (default)', page(100)],
    ['matrix, 200 studies (max page)', page(200)],
    ['excerpts of a theme', excerpts([project.themeIds[0]!])],
    ['excerpts of a code', excerpts([project.codeIds[0]!])],
    ['excerpts, all', excerpts(null)],
    ['excerpts, Sweden', excerpts(null, sweden)],
    ['excerpts, consensus', excerpts(null, { ...scope, coderIds: ['consensus'] })],
    ['excerpts, theme+2 coders+Sweden', excerpts([project.themeIds[0]!], twoInSweden)],
    ['excerpts, two codes, both', excerpts(project.codeIds.slice(0, 2), scope, true)],
    // The views the read worker answers from its copy of the highlights (decision 025), by the
    // SQL that looks each highlight up.
    ['excerpts, two themes', excerpts(project.themeIds.slice(0, 2))],
    [
      'excerpts, search+theme',
      excerpts([project.themeIds[0]!], scope, false, ftsQuery('återhämtning')!),
    ],
    [
      'co-occurrence, theme, highlights',
      () => repos.analysis.cooccurrence(scope, 'highlight', themeAndCodes),
    ],
    [
      'co-occurrence, theme, overlaps',
      () => overlapPairs(repos.analysis.placedCodings(scope, themeAndCodes)),
    ],
    // SQL cannot count agreement itself: its rows time the read of what the statistic needs,
    // the two coders' codings of every study, where and of which code (decision 026).
    ['agreement, characters', codingsOfTwo],
    ['agreement, segments', codingsOfTwo],
    [
      'studies list',
      () => repos.studies.listJson(project.projectId, { userId: 'bench', coderIds: null }),
    ],
  ];
  const out = new Map<string, number>();
  for (const [name, fn] of sql) {
    fn();
    const times = Array.from({ length: runs }, () => {
      const t = performance.now();
      fn();
      return performance.now() - t;
    });
    out.set(name, p(times, 0.5));
  }
  db.$client.close();
  return out;
}

/** The excerpts path of the page after the first (its cursor comes from the first page). */
async function secondPage(url: string, project: AnalysisProject, pathname: string) {
  const first = pathname.replace(/[?&]cursor=SECOND/, '');
  const res = await fetch(url + first, { headers: { authorization: `Bearer ${project.token}` } });
  const { nextCursor } = (await res.json()) as { nextCursor: string };
  return pathname.replace('SECOND', encodeURIComponent(nextCursor));
}

/** Bytes a response takes on the wire with each encoding a browser may accept. */
async function wireSizes(url: string, token: string, pathname: string) {
  const size = (encoding: string) =>
    new Promise<string>((resolve, reject) => {
      const req = http.get(
        url + pathname,
        { headers: { authorization: `Bearer ${token}`, 'accept-encoding': encoding } },
        (res) => {
          let bytes = 0;
          res.on('data', (c: Buffer) => (bytes += c.length));
          res.on('end', () => resolve(`${(bytes / 1e6).toFixed(2)} MB`));
        },
      );
      req.on('error', reject);
    });
  return { identity: await size('identity'), br: await size('br'), gzip: await size('gzip') };
}
