import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { DocumentSchema } from '@kodbok/contracts';
import {
  addMember,
  createCode,
  createHighlight,
  createProjectWithStudy,
  createUser,
  highlightWord,
  numberedWords,
  SAME_ORIGIN,
  setupOwner,
  startApp,
} from './helper';

const app = await startApp();
const owner = await setupOwner(app);
const TEXT = 'Åkerblom i Tromsø: “Vi är inte bara brukare” — 同伴支援 👩🏽‍⚕️ pågår.';

describe('GET /api/documents/:documentId', () => {
  it('answers the text exactly and every highlight as it was saved, in text order', async () => {
    // JSON's hard cases: quotes, backslashes, control characters, astral characters.
    const text = `Sa "du" C:\\peer\\stöd?\nJa.\tTab \u0001 och 👩🏽‍⚕️ — ${TEXT}`;
    const { project, study, documentId, code } = await createProjectWithStudy(owner, text);
    const other = await createCode(owner, project.id, 'Stigma');
    const later = await createHighlight(owner, documentId, 'Ja.', [code.id]);
    const first = await createHighlight(
      owner,
      documentId,
      'Sa "du"',
      [code.id, other.id],
      'A "memo" \\ with\nlines',
    );
    const res = await owner.request('GET', `/api/documents/${documentId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = res.json();
    expect(Value.Check(DocumentSchema, doc)).toBe(true);
    // A highlight's codes are a set: their order is not part of the answer.
    const sorted = (h: { codeIds: string[] }) => ({ ...h, codeIds: [...h.codeIds].sort() });
    expect({ ...doc, highlights: doc.highlights.map(sorted) }).toEqual({
      id: documentId,
      studyId: study.id,
      projectId: project.id,
      kind: 'text',
      text,
      length: text.length,
      highlights: [first, later].map(sorted),
    });
    expect(sorted(first).codeIds).toEqual([code.id, other.id].sort());
  });

  it('answers 404 for a document that does not exist', async () => {
    const res = await owner.request('GET', '/api/documents/00000000-0000-7000-8000-000000000000');
    expect(res.statusCode).toBe(404);
  });
});

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
    await addMember(owner, project.id, outsider, 'viewer');
    expect(
      (await outsider.request('POST', `/api/documents/${documentId}/highlights`, body)).statusCode,
    ).toBe(403);
  });
});

describe('POST /api/documents/:documentId/highlights (more)', () => {
  it('requires a signed-in caller', async () => {
    const { documentId, code } = await createProjectWithStudy(owner, TEXT);
    const res = await app.inject({
      method: 'POST',
      url: `/api/documents/${documentId}/highlights`,
      headers: SAME_ORIGIN,
      payload: { start: 0, end: 8, quote: 'Åkerblom', codeIds: [code.id] },
    });
    expect(res.statusCode).toBe(401);
  });

  it('rejects codeIds from another project, and none at all, storing nothing', async () => {
    const { documentId, code } = await createProjectWithStudy(owner, TEXT);
    const other = await createProjectWithStudy(owner, TEXT);
    for (const codeIds of [[other.code.id], [code.id, other.code.id], ['no-such-code'], []]) {
      const res = await owner.request('POST', `/api/documents/${documentId}/highlights`, {
        start: 0,
        end: 8,
        quote: 'Åkerblom',
        codeIds,
      });
      expect(res.statusCode, JSON.stringify(codeIds)).toBe(400);
      expect(res.json().message).toMatch(/codeIds/);
    }
    expect((await owner.request('GET', `/api/documents/${documentId}`)).json().highlights).toEqual(
      [],
    );
  });

  it('returns the highlight with its coder, memo and the text around it as context', async () => {
    const { documentId, code } = await createProjectWithStudy(owner, TEXT);
    const quote = 'Vi är inte bara brukare';
    const start = TEXT.indexOf(quote);
    const res = await owner.request('POST', `/api/documents/${documentId}/highlights`, {
      start,
      end: start + quote.length,
      quote,
      codeIds: [code.id],
      memo: 'Identity beyond the service-user role',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      documentId,
      coderId: owner.user.id,
      coderName: owner.user.name,
      quote,
      prefix: 'Åkerblom i Tromsø: “',
      suffix: '” — 同伴支援 👩🏽‍⚕️ pågår.',
      codeIds: [code.id],
      memo: 'Identity beyond the service-user role',
    });
  });

  it('stores a blank memo as no memo', async () => {
    const { documentId, code } = await createProjectWithStudy(owner, TEXT);
    const res = await owner.request('POST', `/api/documents/${documentId}/highlights`, {
      start: 0,
      end: 8,
      quote: 'Åkerblom',
      codeIds: [code.id],
      memo: '   ',
    });
    expect(res.json().memo).toBeNull();
  });

  it('reloads every span between code points of a non-ASCII text exactly', async () => {
    const text = 'Ø😀“å”同👩🏽‍⚕️—';
    const { documentId, code } = await createProjectWithStudy(owner, text);
    const boundaries = [0];
    for (const cp of text) boundaries.push(boundaries.at(-1)! + cp.length);
    const spans: Array<[number, number]> = [];
    for (const s of boundaries) for (const e of boundaries) if (s < e) spans.push([s, e]);
    const created = await Promise.all(
      spans.map(([start, end]) =>
        owner.request('POST', `/api/documents/${documentId}/highlights`, {
          start,
          end,
          quote: text.slice(start, end),
          codeIds: [code.id],
        }),
      ),
    );
    expect(created.map((r) => r.statusCode)).toEqual(spans.map(() => 201));
    const doc = (await owner.request('GET', `/api/documents/${documentId}`)).json();
    const stored = doc.highlights.map((h: any) => [h.start, h.end, h.quote]);
    expect(stored).toHaveLength(spans.length);
    for (const [start, end] of spans)
      expect(stored).toContainEqual([start, end, text.slice(start, end)]);
    expect(new Set(doc.highlights.map((h: any) => h.id)).size).toBe(spans.length);
  });

  it('keeps context that ends inside an emoji whole, so it survives storage', async () => {
    // 32 units of context after "a" end between the halves of 😀 (31 x, then 😀); so do the
    // 32 units before "b" (😀, then 31 y).
    const text = `a${'x'.repeat(31)}😀 and 😀${'y'.repeat(31)}b`;
    const { documentId, code } = await createProjectWithStudy(owner, text);
    await createHighlight(owner, documentId, 'a', [code.id]);
    await createHighlight(owner, documentId, 'b', [code.id]);
    const doc = (await owner.request('GET', `/api/documents/${documentId}`)).json();
    const [a, b] = doc.highlights;
    expect(text.startsWith(a.suffix, 1)).toBe(true);
    expect(text.endsWith(b.prefix + 'b')).toBe(true);
    expect(a.suffix).not.toMatch(/\uFFFD/);
    expect(b.prefix).not.toMatch(/\uFFFD/);
  });
});

describe('POST /api/documents/:documentId/highlights (re-coding your own span)', () => {
  const QUOTE = 'Vi är inte bara brukare';
  const START = TEXT.indexOf(QUOTE);
  const post = (by: typeof owner, documentId: string, body: object) =>
    by.request('POST', `/api/documents/${documentId}/highlights`, {
      start: START,
      end: START + QUOTE.length,
      quote: QUOTE,
      ...body,
    });
  /** Every count a coder sees that a duplicate would raise. */
  async function counts(projectId: string, documentId: string, by = owner) {
    const doc = (await by.request('GET', `/api/documents/${documentId}`)).json();
    const codes = (await by.request('GET', `/api/projects/${projectId}/codes`)).json();
    const [study] = (await by.request('GET', `/api/projects/${projectId}/studies`)).json();
    const freq = (await by.request('GET', `/api/projects/${projectId}/frequencies`)).json();
    return {
      highlights: doc.highlights.length,
      byCode: Object.fromEntries(codes.map((c: any) => [c.name, c.highlightCount])),
      study: [study.highlights, study.myHighlights],
      frequencies: Object.fromEntries(freq.codes.map((c: any) => [c.name, c.highlights])),
    };
  }

  it('adds the new codes to the existing highlight, answering 200 with it, and counts it once', async () => {
    const { project, documentId, code } = await createProjectWithStudy(owner, TEXT);
    const identity = await createCode(owner, project.id, 'Identity');
    const first = await post(owner, documentId, { codeIds: [code.id] });
    expect(first.statusCode).toBe(201);
    const again = await post(owner, documentId, { codeIds: [identity.id, code.id] });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, codeIds: [code.id, identity.id] });
    expect(await counts(project.id, documentId)).toEqual({
      highlights: 1,
      byCode: { 'Role clarity': 1, Identity: 1 },
      study: [1, 1],
      frequencies: { 'Role clarity': 1, Identity: 1 },
    });
  });

  it('answers 200 and changes nothing when the span already has the codes', async () => {
    const { project, documentId, code } = await createProjectWithStudy(owner, TEXT);
    const first = (await post(owner, documentId, { codeIds: [code.id] })).json();
    const again = await post(owner, documentId, { codeIds: [code.id] });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.id, codeIds: [code.id] });
    expect((await counts(project.id, documentId)).byCode).toEqual({ 'Role clarity': 1 });
  });

  it('stores one highlight for two identical requests in flight at once', async () => {
    const { project, documentId, code } = await createProjectWithStudy(owner, TEXT);
    const other = await createCode(owner, project.id, 'Identity');
    const answers = await Promise.all([
      post(owner, documentId, { codeIds: [code.id] }),
      post(owner, documentId, { codeIds: [other.id] }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(answers.map((r) => r.json().id)).size).toBe(1);
    expect(await counts(project.id, documentId)).toMatchObject({
      highlights: 1,
      byCode: { 'Role clarity': 1, Identity: 1 },
      study: [1, 1],
    });
  });

  it('fills an empty memo but never replaces one', async () => {
    const { documentId, code } = await createProjectWithStudy(owner, TEXT);
    await post(owner, documentId, { codeIds: [code.id] });
    expect((await post(owner, documentId, { codeIds: [code.id], memo: 'first' })).json().memo).toBe(
      'first',
    );
    expect(
      (await post(owner, documentId, { codeIds: [code.id], memo: 'second' })).json().memo,
    ).toBe('first');
  });

  it('still creates a highlight for another coder, the consensus, or a span one character longer', async () => {
    const { project, documentId, code } = await createProjectWithStudy(owner, TEXT);
    const coder = await createUser(app, owner, 'Second coder');
    await addMember(owner, project.id, coder, 'coder');
    expect((await post(owner, documentId, { codeIds: [code.id] })).statusCode).toBe(201);
    expect((await post(coder, documentId, { codeIds: [code.id] })).statusCode).toBe(201);
    expect(
      (await post(owner, documentId, { codeIds: [code.id], consensus: true })).statusCode,
    ).toBe(201);
    expect(
      (await post(owner, documentId, { codeIds: [code.id], consensus: true })).statusCode,
    ).toBe(200);
    const longer = await post(owner, documentId, {
      end: START + QUOTE.length + 1,
      quote: TEXT.slice(START, START + QUOTE.length + 1),
      codeIds: [code.id],
    });
    expect(longer.statusCode).toBe(201);
    const all = (await owner.request('GET', `/api/documents/${documentId}?coders=all`)).json();
    expect(all.highlights).toHaveLength(3);
  });
});

describe('PATCH /api/highlights/:highlightId', () => {
  async function highlighted(quote = 'Tromsø') {
    const base = await createProjectWithStudy(owner, TEXT);
    const highlight = await createHighlight(owner, base.documentId, quote, [base.code.id]);
    const url = `/api/highlights/${highlight.id}`;
    const reload = async () =>
      (await owner.request('GET', `/api/documents/${base.documentId}`))
        .json()
        .highlights.find((h: any) => h.id === highlight.id);
    return { ...base, highlight, url, reload };
  }

  it('answers 404 for an unknown highlight', async () => {
    const res = await owner.request('PATCH', '/api/highlights/no-such-highlight', { memo: 'x' });
    expect(res.statusCode).toBe(404);
  });

  it('replaces the codes', async () => {
    const { project, url, reload } = await highlighted();
    const a = await createCode(owner, project.id, 'Place');
    const b = await createCode(owner, project.id, 'Norway');
    const res = await owner.request('PATCH', url, { codeIds: [a.id, b.id] });
    expect(res.statusCode).toBe(200);
    expect([...res.json().codeIds].sort()).toEqual([a.id, b.id].sort());
    expect([...(await reload()).codeIds].sort()).toEqual([a.id, b.id].sort());
  });

  it('rejects codes of another project, an empty list and repeats, changing nothing', async () => {
    const { code, url, reload } = await highlighted();
    const other = await createProjectWithStudy(owner, TEXT);
    for (const codeIds of [[other.code.id], [], [code.id, code.id]]) {
      const res = await owner.request('PATCH', url, { codeIds });
      expect(res.statusCode, JSON.stringify(codeIds)).toBe(400);
      expect(res.json().message).toMatch(/codeIds/);
    }
    expect((await reload()).codeIds).toEqual([code.id]);
  });

  it('sets and clears the memo', async () => {
    const { url, reload } = await highlighted();
    expect((await owner.request('PATCH', url, { memo: 'Place matters here' })).json().memo).toBe(
      'Place matters here',
    );
    expect((await reload()).memo).toBe('Place matters here');
    expect((await owner.request('PATCH', url, { memo: null })).json().memo).toBeNull();
    await owner.request('PATCH', url, { memo: 'again' });
    expect((await owner.request('PATCH', url, { memo: '  ' })).json().memo).toBeNull();
  });

  it('moves the boundaries, over emoji too, and re-takes quote and context', async () => {
    const { url, reload } = await highlighted('同伴支援');
    const quote = '同伴支援 👩🏽‍⚕️';
    const start = TEXT.indexOf(quote);
    const end = start + quote.length;
    const res = await owner.request('PATCH', url, { start, end, quote });
    expect(res.statusCode).toBe(200);
    expect(await reload()).toMatchObject({
      start,
      end,
      quote,
      prefix: TEXT.slice(Math.max(0, start - 32), start),
      suffix: ' pågår.',
    });
  });

  it('moves one edge when only that edge and the new quote are sent', async () => {
    const { highlight, url, reload } = await highlighted('Tromsø');
    const res = await owner.request('PATCH', url, {
      end: highlight.end + 1,
      quote: 'Tromsø:',
    });
    expect(res.statusCode).toBe(200);
    expect(await reload()).toMatchObject({ start: highlight.start, quote: 'Tromsø:' });
  });

  it.each([
    ['without the new quote', (h: any) => ({ end: h.end + 1 }), /quote is required/],
    ['with a wrong quote', (h: any) => ({ end: h.end + 1, quote: 'Tromso:' }), /does not match/],
    [
      'splitting an emoji',
      () => ({
        start: 0,
        end: TEXT.indexOf('👩') + 1,
        quote: TEXT.slice(0, TEXT.indexOf('👩') + 1),
      }),
      /surrogate/,
    ],
    ['to an empty span', (h: any) => ({ end: h.start, quote: 'x' }), /empty/],
  ])('rejects new boundaries %s (400), changing nothing', async (_, patch, message) => {
    const { highlight, url, reload } = await highlighted('Tromsø');
    const res = await owner.request('PATCH', url, patch(highlight));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(message);
    expect(await reload()).toMatchObject({
      start: highlight.start,
      end: highlight.end,
      quote: 'Tromsø',
    });
  });
});

describe('DELETE /api/highlights/:highlightId', () => {
  it('deletes the highlight; a second delete answers 404', async () => {
    const { project, documentId, code } = await createProjectWithStudy(owner, TEXT);
    const keep = await createHighlight(owner, documentId, 'Åkerblom', [code.id]);
    const gone = await createHighlight(owner, documentId, 'Tromsø', [code.id]);
    expect((await owner.request('DELETE', `/api/highlights/${gone.id}`)).statusCode).toBe(204);
    expect((await owner.request('DELETE', `/api/highlights/${gone.id}`)).statusCode).toBe(404);
    const doc = (await owner.request('GET', `/api/documents/${documentId}`)).json();
    expect(doc.highlights.map((h: any) => h.id)).toEqual([keep.id]);
    const codes = (await owner.request('GET', `/api/projects/${project.id}/codes`)).json();
    expect(codes[0].highlightCount).toBe(1);
  });
});

describe('POST /api/documents/:documentId/highlights racing deletions', () => {
  const LONG = numberedWords(120).join(' ');
  /** A creation of the i-th word of LONG in `documentId`, coded `codeId`. */
  const create = (documentId: string, i: number, codeId: string) =>
    highlightWord(owner, documentId, i, codeId);

  it('never answers 5xx when a code is deleted or merged, or a study deleted, meanwhile, and keeps every 201', async () => {
    const { project, documentId, code: kept } = await createProjectWithStudy(owner, LONG);
    const deleted = await createCode(owner, project.id, 'Deleted meanwhile');
    const merged = await createCode(owner, project.id, 'Merged meanwhile');
    const doomed = (
      await owner.request('POST', `/api/projects/${project.id}/studies`, {
        title: 'Deleted meanwhile',
        text: LONG,
      })
    ).json();
    const doomedDocumentId = doomed.documents[0].id as string;
    const creations: Array<{ codeId: string; documentId: string }> = [];
    const requests: Array<Promise<{ statusCode: number; json: () => any }>> = [];
    const deletions: Array<Promise<{ statusCode: number }>> = [];
    // Waves of creations, one per event-loop turn, with the deletions landing among them.
    for (let wave = 0; wave < 30; wave++) {
      for (const [j, codeId, doc] of [
        [0, deleted.id, documentId],
        [1, merged.id, documentId],
        [2, kept.id, documentId],
        [3, kept.id, doomedDocumentId],
      ] as const) {
        creations.push({ codeId, documentId: doc });
        requests.push(create(doc, wave * 4 + j, codeId));
      }
      if (wave === 8)
        deletions.push(
          owner.request('DELETE', `/api/codes/${deleted.id}?highlights=move&moveTo=${kept.id}`),
        );
      if (wave === 14)
        deletions.push(
          owner.request('POST', `/api/codes/${merged.id}/merge`, { intoCodeId: kept.id }),
        );
      if (wave === 20) deletions.push(owner.request('DELETE', `/api/studies/${doomed.id}`));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const answers = await Promise.all(requests);
    const done = await Promise.all(deletions);
    expect(done.map((r) => r.statusCode >= 200 && r.statusCode < 300)).toEqual([true, true, true]);
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    // The race was run: some creations passed their checks and then lost their code or document.
    const lateMessages = answers.filter((r) => r.statusCode !== 201).map((r) => r.json().message);
    expect(lateMessages.filter((m) => /while the highlight was being saved/.test(m))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Document/), expect.stringMatching(/code/)]),
    );
    answers.forEach((res, n) => {
      const { codeId, documentId: doc } = creations[n]!;
      if (res.statusCode === 201) return;
      // Checked before queueing, a gone code is an unknown one (400); in the commit unit, 409.
      if (doc === doomedDocumentId) {
        expect(res.statusCode).toBe(404);
        expect(res.json().message).toMatch(/document/i);
      } else {
        expect(codeId).not.toBe(kept.id);
        expect([400, 409]).toContain(res.statusCode);
        expect(res.json().message).toContain(codeId);
      }
    });
    const stored = (await owner.request('GET', `/api/documents/${documentId}`)).json().highlights;
    const ids = new Set(stored.map((h: any) => h.id));
    answers.forEach((res, n) => {
      if (res.statusCode === 201 && creations[n]!.documentId === documentId)
        expect(ids.has(res.json().id)).toBe(true);
    });
    // Highlights of the code deleted (moved) or merged now carry the code they went into.
    expect(stored.every((h: any) => h.codeIds.length === 1 && h.codeIds[0] === kept.id)).toBe(true);
  });
});
