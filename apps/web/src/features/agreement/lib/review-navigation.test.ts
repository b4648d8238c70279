import { describe, expect, it } from 'vitest';
import type { AgreementGrid, Disagreements } from '@kodbok/contracts';
import {
  nextDocument,
  regionKey,
  scanForNextStudy,
  selectRegion,
  stepRegion,
} from './review-navigation';

type Region = Disagreements['regions'][number];
const region = (codeId: string, start: number, resolved = false): Region => ({
  codeId,
  start,
  end: start + 5,
  runs: [{ start, end: start + 5, coded: [true, false] }],
  resolution: resolved
    ? {
        id: 'r',
        documentId: 'd',
        codeId,
        start,
        end: start + 5,
        coders: ['a', 'b'],
        accepted: ['a'],
        userName: 'Olivia',
        createdAt: '2026-11-28T10:00:00Z',
      }
    : null,
  comments: [],
});
const regions = [region('stigma', 0, true), region('role', 10), region('stigma', 20)];

describe('selectRegion', () => {
  it('takes the region named in the URL', () => {
    expect(selectRegion(regions, 'stigma:20:25', null)).toBe(regions[2]);
  });
  it('else the first region of the code asked for, else the first unresolved one', () => {
    expect(selectRegion(regions, null, 'stigma')).toBe(regions[0]);
    expect(selectRegion(regions, 'gone:1:2', null)).toBe(regions[1]);
  });
  it('is null without regions', () => {
    expect(selectRegion([], 'stigma:0:5', 'stigma')).toBeNull();
  });
});

describe('stepRegion', () => {
  it('moves to the next and previous region, and stops at either end', () => {
    expect(stepRegion(regions, regions[0]!, 1)).toBe(regions[1]);
    expect(stepRegion(regions, regions[1]!, -1)).toBe(regions[0]);
    expect(stepRegion(regions, regions[2]!, 1)).toBeNull();
    expect(stepRegion(regions, regions[0]!, -1)).toBeNull();
  });
  it('starts at the first region when none is selected', () => {
    expect(stepRegion(regions, null, 1)).toBe(regions[0]);
    expect(stepRegion([], null, 1)).toBeNull();
  });
  it('names regions by code and extent', () => {
    expect(regionKey(regions[1]!)).toBe('role:10:15');
  });
});

type GridStudy = AgreementGrid['studies'][number];
const study = (
  id: string,
  docs: string[],
  disagreements: number,
  reconciled = false,
): GridStudy => ({
  id,
  title: id,
  authors: [],
  year: null,
  documentIds: docs,
  coders: ['a', 'b'],
  disagreements,
  reconciled: reconciled ? { by: 'Olivia', at: '2026-11-28T10:00:00Z' } : null,
});

describe('nextDocument', () => {
  it("goes to the study's next document, and stops after its last", () => {
    expect(nextDocument(['d1', 'd2'], 'd1')).toBe('d2');
    expect(nextDocument(['d1', 'd2'], 'd2')).toBeNull();
    expect(nextDocument(['d1'], 'elsewhere')).toBeNull();
  });
});

describe('scanForNextStudy', () => {
  const page1 = [study('s1', ['d1'], 2), study('s2', ['d2'], 0), study('s3', ['d3'], 1, true)];
  const page2 = [study('s4', [], 3), study('s5', ['d5'], 1), study('s6', ['d6'], 1)];

  it('finds the next study with disagreements, skipping agreed, reconciled and empty ones', () => {
    expect(scanForNextStudy([...page1, ...page2], 's1', false)).toEqual({
      seen: true,
      target: { studyId: 's5', documentId: 'd5' },
    });
  });

  it('carries on across pages once the current study was passed', () => {
    const first = scanForNextStudy(page1, 's1', false);
    expect(first).toEqual({ seen: true, target: null });
    expect(scanForNextStudy(page2, 's1', first.seen).target?.studyId).toBe('s5');
  });

  it('finds nothing after the last study, nor before the current one is passed', () => {
    expect(scanForNextStudy(page2, 's6', false)).toEqual({ seen: true, target: null });
    expect(scanForNextStudy(page1, 'elsewhere', false)).toEqual({ seen: false, target: null });
  });
});
