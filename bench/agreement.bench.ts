import path from 'node:path';
import { createAgreementAccumulator, type CoderSpan } from '@kodbok/core';
import { createRepositories, openDatabase } from '@kodbok/db';
import { analysisProject, type AnalysisProject } from './analysis-generate';
import { fmt, memoryOf, p, startServer, timeHttp } from './server';

/**
 * Coder agreement on 10,000 studies coded by two coders with 100,000 highlights each (issue 8):
 * each level over HTTP, the grid and one document's disagreements, beside the same statistics
 * computed in this process straight from the repositories (no HTTP, no slicing), and how long
 * another request waits meanwhile. Target (2 cores): the character level ≤ 1 s, others wait ≤ 50 ms.
 */
export async function benchAgreement(opts: { studies: number; runs: number }) {
  const project = analysisProject(path.resolve(import.meta.dirname, '.data/agreement'), {
    studies: opts.studies,
    themes: 20,
    codesPerTheme: 14,
    coders: 2,
    highlights: opts.studies * 20,
  });
  const [a, b] = project.coderIds;
  const base = `/api/projects/${project.projectId}`;
  const coders = `coders=${a},${b}`;
  const bare = bareCompute(project);
  const server = await startServer(
    project.dataDir,
    Number(process.env.BENCH_AGREEMENT_PORT ?? 3924),
  );
  try {
    const document = await firstDocument(server.url, project, `${base}/agreement/grid?${coders}`);
    const cases: Array<[string, string, string]> = [
      ['document level', `${base}/agreement?${coders}&level=document`, ''],
      ['character level', `${base}/agreement?${coders}&level=character`, '≤ 1000'],
      ['segment level (0.9)', `${base}/agreement?${coders}&level=segment`, ''],
      ['grid', `${base}/agreement/grid?${coders}`, ''],
      ["a document's disagreements", `/api/documents/${document}/disagreements?${coders}`, ''],
    ];
    console.log(
      `agreement over HTTP (${opts.studies} studies, 2 coders × ${opts.studies * 10} highlights, ${opts.runs} runs each)`,
    );
    console.log(
      '  endpoint                        p50 ms   p95 ms   bare ms   others wait ms   target',
    );
    for (const [name, pathname, target] of cases) {
      const { times, stall } = await timeHttp(server.url, project.token, pathname, opts.runs);
      const b0 = bare.get(name);
      console.log(
        `  ${name.padEnd(28)} ${fmt(p(times, 0.5))} ${fmt(p(times, 0.95))} ${b0 === undefined ? ''.padStart(9) : fmt(b0, 9)}   ${fmt(stall.max, 14)}   ${target}`,
      );
    }
    console.log(
      '  (bare: the same statistics in-process from the repositories; others wait target ≤ 50)',
    );
    const mem = memoryOf(server.pid);
    console.log(
      `  server memory                peak ${mem.peakMb.toFixed(0)} MB, now ${mem.nowMb.toFixed(0)} MB`,
    );
  } finally {
    await server.stop();
  }
}

/** Each level computed in this process: the repositories' reads and core's accumulator, nothing else. */
function bareCompute(project: AnalysisProject): Map<string, number> {
  const db = openDatabase(path.join(project.dataDir, 'kodbok.sqlite'));
  const repos = createRepositories(db);
  const coderIds = project.coderIds.slice(0, 2);
  const codeIds = [...project.themeIds, ...project.codeIds];
  const out = new Map<string, number>();
  for (const level of ['document', 'character', 'segment'] as const) {
    const t = performance.now();
    const acc = createAgreementAccumulator({ coders: 2, codeIds, level });
    const studies = repos.agreement.studies(project.projectId, null);
    for (let i = 0; i < studies.length; i += 100) {
      const ids = studies.slice(i, i + 100).map((s) => s.id);
      const byDocument = new Map<string, CoderSpan[]>();
      for (const [documentId, , coderId, codeId, start, end] of repos.agreement.codings(
        ids,
        coderIds,
      )) {
        const span = { coder: coderIds.indexOf(coderId), codeId, start, end };
        byDocument.set(documentId, [...(byDocument.get(documentId) ?? []), span]);
      }
      for (const d of repos.agreement.documents(ids)) {
        const spans = byDocument.get(d.id) ?? [];
        acc.addDocument({ length: d.length, coders: 2, covered: [true, true], spans });
      }
    }
    acc.result();
    out.set(level === 'segment' ? 'segment level (0.9)' : `${level} level`, performance.now() - t);
  }
  db.$client.close();
  return out;
}

async function firstDocument(url: string, project: AnalysisProject, grid: string) {
  const res = await fetch(url + grid, { headers: { authorization: `Bearer ${project.token}` } });
  const body = (await res.json()) as {
    studies: Array<{ documentIds: string[]; disagreements: number }>;
  };
  return body.studies.find((s) => s.disagreements > 0)?.documentIds[0] ?? '';
}
