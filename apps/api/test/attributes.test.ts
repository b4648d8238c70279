import { describe, expect, it } from 'vitest';
import { addMember, createUser, setupOwner, startApp } from './helper';

const app = await startApp();
const owner = await setupOwner(app);

/** A project with two studies carrying attributes. */
async function arrange() {
  const projectId = (await owner.request('POST', '/api/projects', { name: 'Attributes' })).json()
    .id;
  const make = async (title: string, attributes: Record<string, string>) =>
    (
      await owner.request('POST', `/api/projects/${projectId}/studies`, {
        title,
        text: 'Text.',
        attributes,
      })
    ).json().id as string;
  const a = await make('A', { country: 'Sweden', participants: '18' });
  const b = await make('B', { country: 'Sweden' });
  const c = await make('C', { country: 'Norway' });
  return { projectId, ids: [a, b, c] };
}
const base = (projectId: string) => `/api/projects/${projectId}/attributes`;

describe('GET /api/projects/:projectId/attributes', () => {
  it('lists each attribute with its type and the values in use, most used first', async () => {
    const { projectId } = await arrange();
    const res = await owner.request('GET', base(projectId));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        name: 'country',
        type: 'text',
        studies: 3,
        values: [
          { value: 'Sweden', studies: 2 },
          { value: 'Norway', studies: 1 },
        ],
      },
      { name: 'participants', type: 'text', studies: 1, values: [{ value: '18', studies: 1 }] },
    ]);
  });
});

describe('PUT /api/projects/:projectId/attributes/:name', () => {
  it('changes the type, and refuses number for an attribute with a non-numeric value', async () => {
    const { projectId, ids } = await arrange();
    const ok = await owner.request('PUT', `${base(projectId)}/participants`, { type: 'number' });
    expect(ok.json()).toMatchObject({ name: 'participants', type: 'number' });
    const bad = await owner.request('PUT', `${base(projectId)}/country`, { type: 'number' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe(
      '"country" cannot be a number: 2 studies have the value "Sweden"',
    );
    // A number attribute refuses text from then on, also through PATCH /api/studies/:studyId.
    const patch = await owner.request('PATCH', `/api/studies/${ids[1]}`, {
      attributes: { participants: 'many' },
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().message).toMatch(/"participants" is a number attribute, and "many" is not/);
  });

  it('takes any name in the path, slashes and non-ASCII letters included', async () => {
    const { projectId } = await arrange();
    const name = 'Risk of bias / RoB 2 – område';
    const res = await owner.request('PUT', `${base(projectId)}/${encodeURIComponent(name)}`, {
      type: 'category',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe(name);
  });

  it('takes a name with surrounding spaces as the attribute itself', async () => {
    const { projectId } = await arrange();
    const res = await owner.request(
      'PUT',
      `${base(projectId)}/${encodeURIComponent(' country ')}`,
      {
        type: 'number',
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^"country" cannot be a number/);
    const typed = await owner.request(
      'PUT',
      `${base(projectId)}/${encodeURIComponent('participants\t')}`,
      { type: 'number' },
    );
    expect(typed.json()).toMatchObject({ name: 'participants', type: 'number', studies: 1 });
  });

  it.each([
    ['spaces', '   '],
    ['zero-width characters', '\u200b\u200d\ufeff'],
    ['a NUL', '\u0000'],
  ])('refuses a name of only %s with 400', async (_what, name) => {
    const { projectId, ids } = await arrange();
    const url = `${base(projectId)}/${encodeURIComponent(name)}`;
    const put = await owner.request('PUT', url, { type: 'text' });
    expect(put.statusCode).toBe(400);
    expect(put.json().message).toMatch(/params\/name must not be blank/);
    const post = await owner.request('POST', `${url}/studies`, { studyIds: ids, value: 'x' });
    expect(post.statusCode).toBe(400);
    expect((await owner.request('GET', base(projectId))).json()).toHaveLength(2);
  });

  it('lists a new attribute before any study has it', async () => {
    const { projectId } = await arrange();
    await owner.request('PUT', `${base(projectId)}/${encodeURIComponent('risk of bias')}`, {
      type: 'category',
    });
    const list = (await owner.request('GET', base(projectId))).json();
    expect(list.find((a: any) => a.name === 'risk of bias')).toEqual({
      name: 'risk of bias',
      type: 'category',
      studies: 0,
      values: [],
    });
  });
});

describe('POST /api/projects/:projectId/attributes/:name/studies', () => {
  it('sets one attribute for many studies at once, and null removes it', async () => {
    const { projectId, ids } = await arrange();
    const res = await owner.request('POST', `${base(projectId)}/design/studies`, {
      studyIds: ids.slice(0, 2),
      value: 'Focus groups',
    });
    expect(res.json()).toEqual({ updated: 2 });
    const study = (await owner.request('GET', `/api/studies/${ids[0]}`)).json();
    expect(study.attributes).toEqual({
      country: 'Sweden',
      participants: '18',
      design: 'Focus groups',
    });
    await owner.request('POST', `${base(projectId)}/design/studies`, {
      studyIds: [ids[0]],
      value: null,
    });
    expect(
      (await owner.request('GET', `/api/studies/${ids[0]}`)).json().attributes.design,
    ).toBeUndefined();
  });

  it('changes nothing when one study belongs to another project', async () => {
    const first = await arrange();
    const other = await arrange();
    const res = await owner.request('POST', `${base(first.projectId)}/design/studies`, {
      studyIds: [first.ids[0], other.ids[0]],
      value: 'Survey',
    });
    expect(res.statusCode).toBe(404);
    expect(
      (await owner.request('GET', `/api/studies/${first.ids[0]}`)).json().attributes.design,
    ).toBeUndefined();
  });

  it('applies the type of an attribute named with surrounding spaces in the path', async () => {
    const { projectId, ids } = await arrange();
    await owner.request('PUT', `${base(projectId)}/participants`, { type: 'number' });
    const spaced = `${base(projectId)}/${encodeURIComponent('  participants ')}/studies`;
    const bad = await owner.request('POST', spaced, { studyIds: [ids[1]], value: 'abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe(
      '"participants" is a number attribute, and "abc" is not a number',
    );
    expect((await owner.request('GET', `/api/studies/${ids[1]}`)).json().attributes).toEqual({
      country: 'Sweden',
    });
    const ok = await owner.request('POST', spaced, { studyIds: [ids[1]], value: '20' });
    expect(ok.json()).toEqual({ updated: 1 });
    const list = (await owner.request('GET', base(projectId))).json();
    expect(list.map((a: any) => a.name)).toEqual(['country', 'participants']);
  });

  it('validates the body', async () => {
    const { projectId } = await arrange();
    const res = await owner.request('POST', `${base(projectId)}/design/studies`, { studyIds: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/body/);
  });
});

describe('permissions', () => {
  it('answers 404 outside the project and 403 to a viewer who tries a change', async () => {
    const { projectId, ids } = await arrange();
    const user = await createUser(app, owner, 'Viewer');
    expect((await user.request('GET', base(projectId))).statusCode).toBe(404);
    await addMember(owner, projectId, user, 'viewer');
    expect((await user.request('GET', base(projectId))).statusCode).toBe(200);
    const change = await user.request('POST', `${base(projectId)}/country/studies`, {
      studyIds: ids,
      value: 'Denmark',
    });
    expect(change.statusCode).toBe(403);
    expect((await user.request('DELETE', `${base(projectId)}/country`)).statusCode).toBe(403);
  });
});

describe('DELETE /api/projects/:projectId/attributes/:name', () => {
  it('removes the attribute from every study of the project', async () => {
    const { projectId, ids } = await arrange();
    expect((await owner.request('DELETE', `${base(projectId)}/country`)).statusCode).toBe(204);
    expect((await owner.request('GET', `/api/studies/${ids[2]}`)).json().attributes).toEqual({});
    expect((await owner.request('DELETE', `${base(projectId)}/country`)).statusCode).toBe(404);
  });

  it('finds the attribute named with surrounding spaces in the path', async () => {
    const { projectId, ids } = await arrange();
    const url = `${base(projectId)}/${encodeURIComponent(' country  ')}`;
    expect((await owner.request('DELETE', url)).statusCode).toBe(204);
    expect((await owner.request('GET', `/api/studies/${ids[2]}`)).json().attributes).toEqual({});
  });
});
