import { describe, expect, it } from 'vitest';
import { endpointUrl } from '../src/endpoint';

describe('endpointUrl', () => {
  it('puts each path parameter in its place, encoded', () => {
    expect(endpointUrl({ path: '/codes/:codeId/merge' }, { codeId: 'a b/c?d' })).toBe(
      '/api/codes/a%20b%2Fc%3Fd/merge',
    );
    expect(
      endpointUrl(
        { path: '/projects/:projectId/exports/excerpts.:format' },
        {
          projectId: 'p1',
          format: 'csv',
        },
      ),
    ).toBe('/api/projects/p1/exports/excerpts.csv');
  });

  it('refuses to build a path with a parameter missing', () => {
    expect(() => endpointUrl({ path: '/studies/:studyId' }, {})).toThrow(/:studyId/);
  });

  it('leaves undefined query values out, repeats arrays and has no "?" when nothing is left', () => {
    expect(endpointUrl({ path: '/x' }, {}, { a: undefined })).toBe('/api/x');
    expect(
      endpointUrl(
        { path: '/x' },
        {},
        { attr: ['country=Sweden', 'year=2020'], limit: 50, on: true },
      ),
    ).toBe('/api/x?attr=country%3DSweden&attr=year%3D2020&limit=50&on=true');
    expect(endpointUrl({ path: '/x' }, {}, { q: 'peer & support' })).toBe(
      '/api/x?q=peer+%26+support',
    );
  });
});
