import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRepositories, openDatabase } from '@kodbok/db';
import { quoteSelector } from '@kodbok/core';
const variant = process.argv[2] ?? 'base';
rmSync('/tmp/cc', { recursive: true, force: true });
import('node:fs').then(() => {});
const src = 'bench/.data/highlights/kodbok.sqlite';
mkdirSync('/tmp/cc');
copyFileSync(src, '/tmp/cc/k.sqlite');
const db = openDatabase('/tmp/cc/k.sqlite');
const c = db.$client;
const repos = createRepositories(db);
if (variant.includes('nofts')) {
  c.exec('DROP TRIGGER highlights_fts_ai');
}
if (variant.includes('nodocidx')) {
  c.exec('DROP INDEX highlights_document_idx');
}
for (const [flag, stmt] of Object.entries({
  nocodeidx: 'DROP INDEX highlight_codes_code_idx',
  nostudyidx: 'DROP INDEX analysis_counts_study_idx',
  noprojdoc: 'DROP INDEX highlights_project_document_idx',
  nocoderidx: 'DROP INDEX highlights_project_coder_idx',
  notriggers: 'DROP TRIGGER analysis_counts_ai; DROP TRIGGER highlight_counts_ai',
}))
  if (variant.includes(flag)) c.exec(stmt);
const docs = c.prepare('SELECT id, project_id, text FROM documents').all() as any[];
const codeIds = c
  .prepare('SELECT id FROM codes WHERE parent_id IS NOT NULL')
  .pluck()
  .all() as string[];
const coder = c.prepare('SELECT id FROM users LIMIT 1').pluck().get() as string;
c.pragma(`wal_autocheckpoint = ${variant.includes('ckpt') ? 1000 : 0}`);
c.pragma('wal_checkpoint(TRUNCATE)');
let seed = 1;
const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const times: number[] = [];
const batches = 300;
for (let b = 0; b < batches; b++) {
  const items = Array.from({ length: 20 }, () => {
    const d = docs[Math.floor(rnd() * docs.length)];
    const start = Math.floor(rnd() * (d.text.length - 80));
    const end = start + 10 + Math.floor(rnd() * 60);
    const { prefix, suffix } = quoteSelector(d.text, { start, end });
    return {
      documentId: d.id,
      projectId: d.project_id,
      coderId: coder,
      start,
      end,
      quote: d.text.slice(start, end),
      prefix,
      suffix,
      memo: null,
      codeIds: [codeIds[Math.floor(rnd() * codeIds.length)]!],
    };
  });
  const t = performance.now();
  c.transaction(() => {
    for (const h of items) c.transaction(() => repos.highlights.insert(h))();
  })();
  times.push(performance.now() - t);
}
const wal = c.pragma('wal_checkpoint(PASSIVE)') as any[];
times.sort((a, b) => a - b);
console.log(
  variant,
  'batch p50',
  times[150]!.toFixed(2),
  'p99',
  times[Math.floor(batches * 0.99)]!.toFixed(2),
  'mean',
  (times.reduce((a, b) => a + b) / batches).toFixed(2),
  'ms; frames/commit',
  (wal[0].log / batches).toFixed(0),
);
