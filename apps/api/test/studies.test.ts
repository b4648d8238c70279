import { describe, expect, it } from 'vitest';
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
