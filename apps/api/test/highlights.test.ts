import { describe, expect, it } from 'vitest';
import { createProjectWithStudy, createUser, setupOwner, startApp } from './helper';

const app = await startApp();
const owner = await setupOwner(app);
const TEXT = 'Åkerblom i Tromsø: “Vi är inte bara brukare” — 同伴支援 👩🏽‍⚕️ pågår.';

describe('POST /api/documents/:documentId/highlights', () => {
  it('stores a non-ASCII span exactly and returns it with the document', async () => {
    const { documentId, code } = await createProjectWithStudy(owner, TEXT);
    const quote = '同伴支援 👩🏽‍⚕️';
    const start = TEXT.indexOf(quote);
    const res = await owner.request('POST', `/api/documents/${documentId}/highlights`, {
      start,
      end: start + quote.length,
      quote,
      codeIds: [code.id],
    });
    expect(res.statusCode).toBe(201);
    const doc = (await owner.request('GET', `/api/documents/${documentId}`)).json();
    expect(doc.highlights.map((h: any) => [h.start, h.end, h.quote])).toEqual([
      [start, start + quote.length, quote],
    ]);
  });

  it.each([
    ['an empty span', 3, 3, '', /empty|fewer than 1/],
    ['a span beyond the end', 0, TEXT.length + 1, TEXT + 'x', /beyond the end/],
    [
      'a surrogate-splitting end',
      0,
      TEXT.indexOf('👩') + 1,
      TEXT.slice(0, TEXT.indexOf('👩') + 1),
      /surrogate/,
    ],
    ['a quote that does not match', 0, 8, 'Akerblom', /does not match/],
  ])('rejects %s with 400 and stores nothing', async (_name, start, end, quote, message) => {
    const { documentId, code } = await createProjectWithStudy(owner, TEXT);
    const res = await owner.request('POST', `/api/documents/${documentId}/highlights`, {
      start,
      end,
      quote,
      codeIds: [code.id],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(message);
    expect((await owner.request('GET', `/api/documents/${documentId}`)).json().highlights).toEqual(
      [],
    );
  });

  it('answers 404 to a user outside the project and 403 to a viewer', async () => {
    const { project, documentId, code } = await createProjectWithStudy(owner, TEXT);
    const outsider = await createUser(app, owner, 'Outsider');
    const body = { start: 0, end: 8, quote: 'Åkerblom', codeIds: [code.id] };
    expect(
      (await outsider.request('POST', `/api/documents/${documentId}/highlights`, body)).statusCode,
    ).toBe(404);
    await owner.request('POST', `/api/projects/${project.id}/members`, {
      email: outsider.user.email,
      role: 'viewer',
    });
    expect(
      (await outsider.request('POST', `/api/documents/${documentId}/highlights`, body)).statusCode,
    ).toBe(403);
  });
});
