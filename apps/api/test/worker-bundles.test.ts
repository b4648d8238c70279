import { build } from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_BUILD } from '../build';

/*
 * Each worker thread loads its own bundle. The contract's schemas (TypeBox) are the API thread's
 * business; a worker that loaded them would build them all at start, 15 MB more of the server's
 * 300 MB for every import (issue 13). Workers import only schema-free modules of the contract
 * (export-formats.ts, consensus-coder.ts), and the contract has no side effects, so the bundler
 * leaves the rest out. This builds the server in memory and reads what each bundle imports.
 */
describe('the server bundle', () => {
  it('leaves the API schemas (TypeBox) out of every worker thread', async () => {
    const { metafile } = await build({
      ...SERVER_BUILD,
      write: false,
      metafile: true,
      sourcemap: false,
    });
    const importsOf = new Map(
      Object.entries(metafile.outputs)
        .filter(([, out]) => out.entryPoint)
        .map(([file, out]) => [path.basename(file, '.js'), out.imports.map((i) => i.path)]),
    );
    // The API thread validates with them: the check sees them where they are.
    expect(importsOf.get('main')).toContain('typebox');
    const workers = [...importsOf.keys()].filter((name) => name.endsWith('-worker'));
    expect(workers.sort()).toEqual(['import-worker', 'read-worker', 'refi-worker']);
    for (const worker of workers) expect(importsOf.get(worker), worker).not.toContain('typebox');
  });
});
