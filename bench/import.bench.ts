import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateProject } from './generate';
import { generateRis } from './ris-generator';
import { startServer } from './server';

/**
 * Importing a RIS file of `records` records into an empty project through the real server in
 * its own process: upload + parse + duplicate check (preview), then the same with the one
 * transaction that stores everything (commit). Target on the 2-core machine for 10,000 records:
 * commit ≤ 5 s and the server's peak memory ≤ 500 MB.
 */
export async function benchImport(opts: { records: number }) {
  const project = generateProject({
    dataDir: path.resolve(import.meta.dirname, '.data/import'),
    studies: 0,
  });
  const ris = generateRis(opts.records);
  const server = await startServer(project.dataDir, 3878);
  const post = async (query: string) => {
    const form = new FormData();
    form.append('file', new Blob([ris]), 'bench.ris');
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/projects/${project.projectId}/imports?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${project.token}` },
      body: form,
    });
    const body = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`import failed: ${res.status} ${JSON.stringify(body)}`);
    return { seconds: (performance.now() - t0) / 1000, body };
  };
  try {
    const mb = (Buffer.byteLength(ris) / 1024 / 1024).toFixed(1);
    const preview = await post('mode=preview');
    const commit = await post('mode=commit');
    const again = await post('mode=commit&duplicates=skip');
    const peak = peakRssMb(server.pid);
    console.log(`import: ${opts.records} RIS records (${mb} MB)`);
    console.log(
      `  preview                  ${preview.seconds.toFixed(2)} s  (${String(preview.body.new)} new)`,
    );
    console.log(
      `  commit                   ${commit.seconds.toFixed(2)} s  ${JSON.stringify(commit.body)}`,
    );
    console.log(
      `  again, skip duplicates   ${again.seconds.toFixed(2)} s  ${JSON.stringify(again.body)}`,
    );
    console.log(`  server peak memory (RSS) ${peak} MB`);
  } finally {
    await server.stop();
  }
}

/** The process's high-water mark of resident memory, from Linux's /proc. */
function peakRssMb(pid: number): string {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? (Number(kb) / 1024).toFixed(0) : 'unknown';
  } catch {
    return 'unknown';
  }
}
