import { beforeAll, describe, expect, it } from 'vitest';
import { compareText } from '@kodbok/core';
import type { App } from '../src/app';
import { setupOwner, startApp, type Client } from './helper';

/*
 * One order for text (issue 11): what SQL sorts (the matrix's studies, the study list, a
 * crosstab's values) comes in the order the web app and the exports sort in (core's
 * compareText), Å and Ø beside A and O, never after Z.
 */

const AUTHORS = [
  'Zeta, Z.',
  'Åkerblom, A.',
  'Ørsted, Ø.',
  'Aalto, A.',
  'Oslo, O.',
  'Öberg, Ö.',
  'Bäck, B.',
];

let app: App;
let owner: Client;

beforeAll(async () => {
  app = await startApp();
  owner = await setupOwner(app);
});

describe('one collation in SQL and JavaScript', () => {
  it('orders the matrix, the study list and attribute values as compareText does', async () => {
    const project = (await owner.request('POST', '/api/projects', { name: 'Collation' })).json();
    const base = `/api/projects/${project.id}`;
    for (const [i, author] of AUTHORS.entries()) {
      const res = await owner.request('POST', `${base}/studies`, {
        title: `${author.split(',')[0]} study`,
        text: 'Some text.',
        authors: [author],
        year: 2020,
        attributes: {
          city: ['Zürich', 'Ålesund', 'Aarhus', 'Örebro', 'Oslo', 'Bergen', 'Tromsø'][i]!,
        },
      });
      expect(res.statusCode).toBe(201);
    }
    const byText = (xs: string[]) => [...xs].sort(compareText);

    const matrix = (await owner.request('GET', `${base}/matrix`)).json();
    const firstAuthors = matrix.studies.map((s: any) => s.authors[0]);
    expect(firstAuthors).toEqual(byText(AUTHORS));
    expect(firstAuthors[0]).toBe('Aalto, A.');
    expect(firstAuthors.at(-1)).toBe('Zeta, Z.');

    const titles = (await owner.request('GET', `${base}/studies`)).json().map((s: any) => s.title);
    expect(titles).toEqual(byText(titles));

    const grouped = (await owner.request('GET', `${base}/matrix?groupBy=city`)).json();
    const groups = grouped.studies.map((s: any) => s.group);
    expect(groups).toEqual(byText(groups));
  });
});
