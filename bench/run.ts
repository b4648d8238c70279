import { parseArgs } from 'node:util';
import { benchHighlightCreation } from './highlights.bench';

const { values } = parseArgs({
  options: {
    studies: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '10' },
  },
});

await benchHighlightCreation({
  studies: Number(values.studies),
  duration: Number(values.duration),
});

const { benchImport } = await import('./import.bench');
await benchImport({ records: Number(process.env.BENCH_IMPORT_RECORDS ?? 10_000) });
