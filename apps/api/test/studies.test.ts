import { describe, expect, it } from 'vitest';
import Type from 'typebox';
import { Value } from 'typebox/value';
import { StudySchema, type Study } from '@kodbok/contracts';
import {
  addMember,
  createHighlight,
  createProjectWithStudy,
  createUser,
  setupOwner,
  startApp,
} from './helper';

const app = await startApp();
const owner = await setupOwner(app);

async function newProject(name = 'Studies test') {
  return (await owner.request('POST', '/api/projects', { name })).json();
}
async function addStudy(projectId: string, body: Record<string, unknown>) {
  const res = await owner.request('POST', `/api/projects/${projectId}/studies`, {
    text: 'Some abstract.',
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
}
const studiesOf = async (projectId: string, q?: string) =>
  (
    await owner.request(
      'GET',
      `/api/projects/${projectId}/studies${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`,
    )
  ).json();

describe('POST /api/projects/:projectId/studies', () => {
  it.each([
    ['no text', { title: 'T' }, /text is required/],
    ['an empty text', { title: 'T', text: '' }, /text/],
    ['a blank title', { title: '  ', text: 'x' }, /title must not be blank/],
    ['a year of 99', { title: 'T', text: 'x', year: 99 }, /year/],
    ['an unknown field', { title: 'T', text: 'x', pages: 3 }, /pages/],
    [
      '501 attributes',
      {
        title: 'T',
        text: 'x',
        attributes: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`a${i}`, 'v'])),
      },
      /attributes must NOT have more than 500 properties/,
    ],
  ])('rejects %s with 400 naming the field', async (_, body, message) => {
    const project = await newProject();
    const res = await owner.request('POST', `/api/projects/${project.id}/studies`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(message);
    expect(await studiesOf(project.id)).toEqual([]);
  });

  it('creates a study whose text is its first document, with its length in UTF-16 units', async () => {
    const project = await newProject();
    // Å l ␠ B ø ␠ — ␠ are one unit each and 😀 is two: 10.
    const res = await owner.request('POST', `/api/projects/${project.id}/studies`, {
      title: 'Kamratstöd i Malmö',
      text: 'Ål Bø — 😀',
      authors: ['Öberg, Å.', 'Nordmann, K.'],
      year: 2021,
      attributes: { country: 'Sverige', design: 'focus groups' },
    });
    expect(res.statusCode).toBe(201);
    const study = res.json();
    expect(study).toMatchObject({
      projectId: project.id,
      title: 'Kamratstöd i Malmö',
      authors: ['Öberg, Å.', 'Nordmann, K.'],
      year: 2021,
      attributes: { country: 'Sverige', design: 'focus groups' },
      documents: [{ id: expect.any(String), kind: 'text', length: 10 }],
      highlights: 0,
    });
    const doc = (await owner.request('GET', `/api/documents/${study.documents[0].id}`)).json();
    expect(doc).toMatchObject({ studyId: study.id, text: 'Ål Bø — 😀', length: 10 });
  });

  it('is refused (403) to coders and (404) to non-members', async () => {
    const project = await newProject();
    const coder = await createUser(app, owner);
    const outsider = await createUser(app, owner);
    await addMember(owner, project.id, coder, 'coder');
    const body = { title: 'T', text: 'x' };
    const url = `/api/projects/${project.id}/studies`;
    expect((await coder.request('POST', url, body)).statusCode).toBe(403);
    expect((await outsider.request('POST', url, body)).statusCode).toBe(404);
    expect(await studiesOf(project.id)).toEqual([]);
  });
});

describe('GET /api/projects/:projectId/studies', () => {
  it('lists the studies of this project only, with document lengths and highlight counts', async () => {
    const { project, documentId, code } = await createProjectWithStudy(owner, 'Trust grew.');
    const other = await newProject('Another');
    await addStudy(other.id, { title: 'Elsewhere' });
    const coder = await createUser(app, owner);
    await addMember(owner, project.id, coder, 'coder');
    await createHighlight(owner, documentId, 'Trust', [code.id]);
    await createHighlight(coder, documentId, 'grew', [code.id]);

    const list = (await coder.request('GET', `/api/projects/${project.id}/studies`)).json();
    expect(list).toEqual([
      expect.objectContaining({
        documents: [{ id: documentId, kind: 'text', length: 'Trust grew.'.length }],
        highlights: 2,
        myHighlights: 1,
      }),
    ]);
  });

  it("holds each study as GET /studies/:id does, in the contract's shape, counted for whom is asked", async () => {
    const { project, study, documentId, code } = await createProjectWithStudy(
      owner,
      'Trust grew slowly over months.',
    );
    await owner.request('PATCH', `/api/studies/${study.id}`, {
      authors: ['Öberg, Å.', 'Aalto, K.'],
      attributes: { country: 'Sverige', 'design "x"': 'focus groups, <b>' },
    });
    await addStudy(project.id, { title: 'Uncoded "study" \\ ✓ 😀' });
    const coder = await createUser(app, owner);
    await addMember(owner, project.id, coder, 'coder');
    const made = [
      await createHighlight(owner, documentId, 'Trust', [code.id]),
      await createHighlight(owner, documentId, 'grew', [code.id]),
      await createHighlight(owner, documentId, 'slowly', [code.id]),
      await createHighlight(coder, documentId, 'months', [code.id]),
    ];
    await owner.request('DELETE', `/api/highlights/${made[1]!.id}`);
    // Left: the owner's two, the coder's one.
    const url = `/api/projects/${project.id}/studies`;
    for (const [who, query, all, mine] of [
      [owner, '', 3, 2],
      [owner, `?coders=${coder.user.id}`, 1, 2],
      [coder, '', 3, 1],
    ] as const) {
      const res = await who.request('GET', url + query);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const list = res.json();
      expect(Value.Check(Type.Array(StudySchema), list)).toBe(true);
      expect(list.map((s: Study) => s.title)).toEqual(['A study', 'Uncoded "study" \\ ✓ 😀']);
      expect(list[0]).toMatchObject({ highlights: all, myHighlights: mine });
      expect(list[1]).toMatchObject({ highlights: 0, myHighlights: 0 });
      if (query === '') {
        for (const s of list)
          expect((await who.request('GET', `/api/studies/${s.id}`)).json()).toEqual(s);
      }
    }
  });

  it('keeps the list in title order and the matrix in citation order when a study is edited', async () => {
    const project = await newProject();
    const a = await addStudy(project.id, { title: 'Ångest', authors: ['Berg, A.'], year: 2020 });
    const b = await addStudy(project.id, { title: 'Bodø', authors: ['Ceder, B.'], year: 2019 });
    const titles = async () => (await studiesOf(project.id)).map((s: Study) => s.title);
    const cited = async () =>
      (await owner.request('GET', `/api/projects/${project.id}/matrix`))
        .json()
        .studies.map((s: { id: string }) => s.id);
    expect(await titles()).toEqual(['Ångest', 'Bodø']);
    expect(await cited()).toEqual([a.id, b.id]);
    await owner.request('PATCH', `/api/studies/${a.id}`, {
      title: 'Öppenhet',
      authors: ['Öberg, Å.'],
    });
    await owner.request('PATCH', `/api/studies/${b.id}`, { authors: ['Aalto, K.', 'Öberg, Å.'] });
    // Ö sorts with O (root collation), after B; Aalto now cites first.
    expect(await titles()).toEqual(['Bodø', 'Öppenhet']);
    expect(await cited()).toEqual([b.id, a.id]);
    await owner.request('PATCH', `/api/studies/${b.id}`, { authors: [] });
    // A study without authors cites first, as an empty author does in a reference list.
    expect(await cited()).toEqual([b.id, a.id]);
    await owner.request('PATCH', `/api/studies/${b.id}`, { authors: ['Ödegaard, P.'] });
    expect(await cited()).toEqual([a.id, b.id]);
  });

  it('searches titles, ignoring ASCII case and treating % and _ literally', async () => {
    const project = await newProject();
    await addStudy(project.id, { title: 'Peer support in Bodø' });
    await addStudy(project.id, { title: 'Recovery colleges' });
    await addStudy(project.id, { title: '100% peer-led' });
    const titles = async (q: string) => (await studiesOf(project.id, q)).map((s: any) => s.title);
    expect(await titles('PEER')).toEqual(['100% peer-led', 'Peer support in Bodø']);
    expect(await titles('bodø')).toEqual(['Peer support in Bodø']);
    expect(await titles('%')).toEqual(['100% peer-led']);
    expect(await titles('_')).toEqual([]);
    expect(await titles('  ')).toHaveLength(3);
  });

  it('searches authors one by one, the year, the DOI and the PMID; every word must match', async () => {
    const project = await newProject();
    const grim = await addStudy(project.id, {
      title: 'Managing peer support workers',
      authors: ['Grim, Katarina', 'Bergmark, Magnus'],
      year: 2022,
      doi: '10.1080/14623730.2022.1234567',
    });
    await owner.request('PATCH', `/api/studies/${grim.id}`, { pmid: '35012345' });
    await addStudy(project.id, {
      title: 'Recovery colleges in 2022',
      authors: ['Öberg, Åsa'],
      year: 2019,
      doi: '10.1111/inm.99999',
    });
    await addStudy(project.id, { title: 'Peer work', authors: ['Wall, A.'], year: 2022 });
    const titles = async (q: string) =>
      (await studiesOf(project.id, q)).map((s: any) => s.title).sort();
    expect(await titles('bergmark')).toEqual(['Managing peer support workers']);
    expect(await titles('öberg')).toEqual(['Recovery colleges in 2022']);
    // 2022 is a year of two studies and in the title of a third.
    expect(await titles('2022')).toEqual([
      'Managing peer support workers',
      'Peer work',
      'Recovery colleges in 2022',
    ]);
    expect(await titles('grim 2022')).toEqual(['Managing peer support workers']);
    expect(await titles('wall 2019')).toEqual([]);
    expect(await titles('10.1111/INM')).toEqual(['Recovery colleges in 2022']);
    expect(await titles('https://doi.org/10.1080/14623730.2022.1234567')).toEqual([
      'Managing peer support workers',
    ]);
    expect(await titles('35012345')).toEqual(['Managing peer support workers']);
    expect(await titles('"peer work"')).toEqual(['Peer work']);
    // Case folded beyond ASCII, and decomposed letters (o + U+0308) match composed ones.
    expect(await titles('ÅSA')).toEqual(['Recovery colleges in 2022']);
    await addStudy(project.id, { title: 'Sjo\u0308lund', authors: [] });
    expect(await titles('sjö')).toEqual(['Sjo\u0308lund']);
    // Not across two authors, nor the JSON the authors are stored in.
    expect(await titles('Katarina Bergmark')).toEqual(['Managing peer support workers']);
    expect(await titles('"Katarina Bergmark"')).toEqual([]);
    expect(await titles('["Grim')).toEqual([]);
    // JSON escapes a backslash in the stored authors: still found, as typed.
    await addStudy(project.id, { title: 'Escaped', authors: ['Back\\slash, B.'] });
    expect(await titles('k\\s')).toEqual(['Escaped']);
  });
});

describe('GET, PATCH and DELETE /api/studies/:studyId', () => {
  it('answers 404 to a member of another project, for the study and its document', async () => {
    const { study, documentId } = await createProjectWithStudy(owner);
    const stranger = await createUser(app, owner);
    const theirs = (await stranger.request('POST', '/api/projects', { name: 'Theirs' })).json();
    expect(theirs.role).toBe('owner');
    expect((await stranger.request('GET', `/api/studies/${study.id}`)).statusCode).toBe(404);
    expect((await stranger.request('GET', `/api/documents/${documentId}`)).statusCode).toBe(404);
    expect(
      (await stranger.request('PATCH', `/api/studies/${study.id}`, { title: 'Mine' })).statusCode,
    ).toBe(404);
  });

  it('updates fields and replaces the attributes', async () => {
    const project = await newProject();
    const study = await addStudy(project.id, {
      title: 'Old',
      year: 2001,
      attributes: { country: 'Norge', setting: 'rural' },
    });
    const res = await owner.request('PATCH', `/api/studies/${study.id}`, {
      title: 'New',
      year: null,
      attributes: { country: 'Danmark' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: 'New',
      year: null,
      attributes: { country: 'Danmark' },
    });
    expect((await owner.request('GET', `/api/studies/${study.id}`)).json().attributes).toEqual({
      country: 'Danmark',
    });
  });

  it('deletes a study with its documents and highlights', async () => {
    const { project, study, documentId, code } = await createProjectWithStudy(owner, 'Trust.');
    await createHighlight(owner, documentId, 'Trust', [code.id]);
    expect((await owner.request('DELETE', `/api/studies/${study.id}`)).statusCode).toBe(204);
    expect((await owner.request('GET', `/api/studies/${study.id}`)).statusCode).toBe(404);
    expect((await owner.request('GET', `/api/documents/${documentId}`)).statusCode).toBe(404);
    expect((await owner.request('GET', `/api/projects/${project.id}`)).json().studyCount).toBe(0);
    const codes = (await owner.request('GET', `/api/projects/${project.id}/codes`)).json();
    expect(codes[0].highlightCount).toBe(0);
  });
});

describe('PATCH /api/studies/:studyId', () => {
  it('corrects every bibliographic field, keeping the order of the authors', async () => {
    const project = await newProject();
    const study = await addStudy(project.id, { title: 'Peer suport', authors: ['Wall, A.'] });
    const patch = {
      title: 'Peer support in Tromsø',
      authors: ['Øvreås, Ingrid', 'Wall, A.', 'Åkerblom, K.'],
      year: 2023,
      journal: 'Nordic Journal of Psychiatry',
      doi: '10.1080/08039488.2023.0000001',
      pmid: '36999999',
      volume: '77',
      issue: '4',
      pages: '301-309',
    };
    const res = await owner.request('PATCH', `/api/studies/${study.id}`, patch);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject(patch);
    // A blank field is none, like null.
    const cleared = await owner.request('PATCH', `/api/studies/${study.id}`, {
      journal: null,
      doi: '  ',
      pmid: null,
      authors: [],
    });
    expect(cleared.json()).toMatchObject({
      title: 'Peer support in Tromsø',
      journal: null,
      doi: null,
      pmid: null,
      authors: [],
      volume: '77',
    });
  });

  it.each([
    ['a blank title', { title: ' ' }, /title must not be blank/],
    ['a year of 99', { year: 99 }, /year/],
    ['a PMID with letters', { pmid: 'PMC123' }, /pmid/],
    ['an empty author', { authors: ['Grim, K.', ''] }, /authors/],
    ['an unknown field', { abstract: 'x' }, /abstract/],
  ])('rejects %s with 400 naming the field, changing nothing', async (_, body, message) => {
    const project = await newProject();
    const study = await addStudy(project.id, { title: 'Kept', year: 2020 });
    const res = await owner.request('PATCH', `/api/studies/${study.id}`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(message);
    expect((await owner.request('GET', `/api/studies/${study.id}`)).json()).toMatchObject({
      title: 'Kept',
      year: 2020,
      authors: [],
    });
  });

  it('is refused (403) to coders and viewers, for edits and deletion', async () => {
    const project = await newProject();
    const study = await addStudy(project.id, { title: 'Kept' });
    for (const role of ['coder', 'viewer'] as const) {
      const member = await createUser(app, owner);
      await addMember(owner, project.id, member, role);
      const patch = await member.request('PATCH', `/api/studies/${study.id}`, { title: 'No' });
      expect(patch.statusCode).toBe(403);
      expect(patch.json().message).toMatch(/Only owners and supervisors/);
      expect((await member.request('DELETE', `/api/studies/${study.id}`)).statusCode).toBe(403);
    }
    expect((await owner.request('GET', `/api/studies/${study.id}`)).json().title).toBe('Kept');
  });
});

describe('POST /api/projects/:projectId/studies/delete', () => {
  /** A project with three studies, the first two coded by the owner and a coder. */
  async function codedProject() {
    const { project, study, documentId, code } = await createProjectWithStudy(owner, 'Trust grew.');
    const coder = await createUser(app, owner);
    await addMember(owner, project.id, coder, 'coder');
    await createHighlight(owner, documentId, 'Trust', [code.id]);
    await createHighlight(coder, documentId, 'grew', [code.id]);
    const second = await addStudy(project.id, { title: 'Second', text: 'Hope returned.' });
    await createHighlight(coder, second.documents[0].id, 'Hope', [code.id]);
    const third = await addStudy(project.id, { title: 'Third' });
    return { project, code, coder, ids: [study.id, second.id, third.id] as string[] };
  }
  const url = (projectId: string, mode?: string) =>
    `/api/projects/${projectId}/studies/delete${mode ? `?mode=${mode}` : ''}`;

  it("previews what would go, every coder's highlights counted, and deletes nothing", async () => {
    const { project, ids } = await codedProject();
    const res = await owner.request('POST', url(project.id, 'preview'), {
      studyIds: ids.slice(0, 2),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ studies: 2, documents: 2, highlights: 3 });
    expect(await studiesOf(project.id)).toHaveLength(3);
  });

  it('deletes the studies with their documents and coding, in one go', async () => {
    const { project, code, ids } = await codedProject();
    const res = await owner.request('POST', url(project.id), { studyIds: ids.slice(0, 2) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ studies: 2, documents: 2, highlights: 3 });
    expect((await studiesOf(project.id)).map((s: any) => s.id)).toEqual([ids[2]]);
    const codes = (await owner.request('GET', `/api/projects/${project.id}/codes`)).json();
    expect(codes.find((c: any) => c.id === code.id).highlightCount).toBe(0);
    const frequencies = (
      await owner.request('GET', `/api/projects/${project.id}/frequencies`)
    ).json();
    expect(frequencies.totalStudies).toBe(1);
  });

  it("deletes nothing and answers 404 when one id is another project's or unknown", async () => {
    const { project, ids } = await codedProject();
    const other = await newProject('Other');
    const foreign = await addStudy(other.id, { title: 'Not yours' });
    for (const stray of [foreign.id, 'no-such-study']) {
      const res = await owner.request('POST', url(project.id), { studyIds: [ids[0], stray] });
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toBe(
        `studyIds: "${stray}" is not a study of this project; nothing was deleted`,
      );
    }
    const two = await owner.request('POST', url(project.id), {
      studyIds: [foreign.id, 'no-such-study', ids[1]],
    });
    expect(two.json().message).toMatch(/"[^"]+" and 1 more are not studies of this project/);
    expect(await studiesOf(project.id)).toHaveLength(3);
    expect(await studiesOf(other.id)).toHaveLength(1);
  });

  it.each([
    ['no body', undefined, /body/],
    ['no studyIds', {}, /studyIds/],
    ['an empty list', { studyIds: [] }, /studyIds/],
    ['a repeated id', { studyIds: ['a', 'a'] }, /studyIds/],
    ['ids that are not strings', { studyIds: [{ id: 'a' }] }, /studyIds/],
    ['an unknown field', { studyIds: ['a'], force: true }, /force/],
  ])('rejects %s with 400', async (_, body, message) => {
    const { project } = await codedProject();
    const res = await owner.request('POST', url(project.id), body);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(message);
    expect(await studiesOf(project.id)).toHaveLength(3);
  });

  it('rejects an unknown mode with 400', async () => {
    const { project, ids } = await codedProject();
    const res = await owner.request('POST', url(project.id, 'dry'), { studyIds: ids });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/mode/);
    expect(await studiesOf(project.id)).toHaveLength(3);
  });

  it('is refused (403) to coders and viewers and (404) to non-members, also as a preview', async () => {
    const { project, coder, ids } = await codedProject();
    const viewer = await createUser(app, owner);
    await addMember(owner, project.id, viewer, 'viewer');
    const outsider = await createUser(app, owner);
    for (const mode of ['preview', 'commit']) {
      const body = { studyIds: ids };
      expect((await coder.request('POST', url(project.id, mode), body)).statusCode).toBe(403);
      expect((await viewer.request('POST', url(project.id, mode), body)).statusCode).toBe(403);
      expect((await outsider.request('POST', url(project.id, mode), body)).statusCode).toBe(404);
    }
    expect(await studiesOf(project.id)).toHaveLength(3);
  });

  it('lets a supervisor delete', async () => {
    const { project, ids } = await codedProject();
    const supervisor = await createUser(app, owner);
    await addMember(owner, project.id, supervisor, 'supervisor');
    const res = await supervisor.request('POST', url(project.id), { studyIds: [ids[2]] });
    expect(res.json()).toEqual({ studies: 1, documents: 1, highlights: 0 });
  });
});
