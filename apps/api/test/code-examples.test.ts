import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import {
  addMember,
  createCode,
  createHighlight,
  createUser,
  setupOwner,
  startApp,
  type Client,
} from './helper';

const TEXT = 'Trust grew between peers. Stigma faded slowly. Trust was fragile at first.';

let app: App;
let owner: Client;
let ann: Client;

beforeAll(async () => {
  app = await startApp();
  owner = await setupOwner(app, 'Åsa Owner');
  ann = await createUser(app, owner, 'Ann Coder');
});

async function arrange() {
  const project = (
    await owner.request('POST', '/api/projects', { name: `Examples ${Math.random()}` })
  ).json();
  const study = (
    await owner.request('POST', `/api/projects/${project.id}/studies`, {
      title: 'Peer support in Tromsø',
      text: TEXT,
      authors: ['Åkerblom, Anna', 'Wall, Åse'],
      year: 2023,
    })
  ).json();
  const untitled = (
    await owner.request('POST', `/api/projects/${project.id}/studies`, {
      title: 'No authors',
      text: TEXT,
    })
  ).json();
  await addMember(owner, project.id, ann, 'coder');
  const theme = await createCode(owner, project.id, 'Relationships');
  const trust = await createCode(owner, project.id, 'Trust', { parentId: theme.id });
  const stigma = await createCode(owner, project.id, 'Stigma');
  const doc = study.documents[0].id as string;
  const h1 = await createHighlight(owner, doc, 'Trust grew', [trust.id]);
  await createHighlight(owner, doc, 'Trust was fragile', [trust.id]);
  await createHighlight(owner, untitled.documents[0].id, 'Trust grew', [trust.id]);
  await createHighlight(ann, doc, 'Stigma faded', [stigma.id]);
  return {
    project,
    base: `/api/projects/${project.id}/codes/examples`,
    theme,
    trust,
    stigma,
    doc,
    h1,
  };
}

describe('GET /api/projects/:projectId/codes/examples', () => {
  it('gives each code its first quotes with where they are from, in codebook order', async () => {
    const p = await arrange();
    const { examples } = (await owner.request('GET', `${p.base}?per=2`)).json();
    expect(examples.map((e: any) => [e.codeId, e.quote, e.study])).toEqual([
      [p.trust.id, 'Trust grew', 'Åkerblom 2023'],
      [p.trust.id, 'Trust was fragile', 'Åkerblom 2023'],
      [p.stigma.id, 'Stigma faded', 'Åkerblom 2023'],
    ]);
    expect(examples[0]).toMatchObject({ highlightId: p.h1.id, documentId: p.doc });
    const three = (await owner.request('GET', `${p.base}?per=3`)).json().examples;
    expect(three.filter((e: any) => e.codeId === p.trust.id).map((e: any) => e.study)).toContain(
      'No authors',
    );
  });

  it('follows the coders asked for and the blind-coding rule', async () => {
    const p = await arrange();
    const anns = (await owner.request('GET', `${p.base}?coders=${ann.user.id}`)).json().examples;
    expect(anns.map((e: any) => e.quote)).toEqual(['Stigma faded']);
    await owner.request('PATCH', `/api/projects/${p.project.id}`, { independentCoding: true });
    const blind = (await ann.request('GET', p.base)).json().examples;
    expect(blind.map((e: any) => e.quote)).toEqual(['Stigma faded']);
    expect((await ann.request('GET', `${p.base}?coders=${owner.user.id}`)).statusCode).toBe(403);
  });

  it('refuses a bad count and an outsider', async () => {
    const p = await arrange();
    expect((await owner.request('GET', `${p.base}?per=9`)).statusCode).toBe(400);
    const outsider = await createUser(app, owner, 'Out Sider');
    expect((await outsider.request('GET', p.base)).statusCode).toBe(404);
  });
});
