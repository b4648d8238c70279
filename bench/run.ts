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

// Analysis endpoints on a 1,000,000-highlight project (generated once into bench/.data/analysis).
const { benchAnalysis } = await import('./analysis.bench');
await benchAnalysis({
  studies: Number(values.studies),
  highlights: Number(values.studies) * 100,
  runs: 20,
});
