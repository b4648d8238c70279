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
import { countElements, download, HAS_XMLLINT, postFile, unpack, xsdProblems } from './refi-helper';

/** Swedish and Norwegian names, curly quotes, CJK, emoji outside the BMP, and a CRLF. */
const GRIM =
  'Åkerblom i Tromsø: managers were “predominantly positive” 😀 about peer support,\r\n漢字 and 🎉 all, but worried about role clarity.';
const WALL = 'Peer workers in Norway described supervision as rare. Ærlig talt 𝄞 it was.';

let app: App;
let owner: Client;
let cora: Client;
let sam: Client;

beforeAll(async () => {
  app = await startApp();
  owner = await setupOwner(app, 'Åsa Owner');
  cora = await createUser(app, owner, 'Cora Coder');
  sam = await createUser(app, owner, 'Sam Supervisor');
});

/** Memos on the project, a study, a document and two codes, by the owner, a coder and a supervisor who codes nothing. */
const MEMOS = {
  project: 'Projektets memo 𝄞 med “citat” & <tecken>',
  coraProject: 'Coras projektmemo',
  study: 'Studiememo 😀\nrad två',
  document: 'Dokumentmemo 漢字',
  clarity: 'Kodmemo 🎉',
  other: 'Handledarens kodmemo',
};

/** A project with two studies, a theme with a code and another theme, coded by two coders and the consensus. */
async function arrange() {
  const project = (
    await owner.request('POST', '/api/projects', { name: `Stöd på jobbet 😀 ${Math.random()}` })
  ).json();
  const base = `/api/projects/${project.id}`;
  const grim = (
    await owner.request('POST', `${base}/studies`, {
      title: 'Managing peer support workers',
      text: GRIM,
      authors: ['Grim, Katarina', 'Åkerblom, Anna'],
      year: 2022,
      doi: '10.1000/grim',
      attributes: { country: 'Sweden', participants: '12' },
    })
  ).json();
  const wall = (
    await owner.request('POST', `${base}/studies`, {
      title: 'Peer workers in Norway',
      text: WALL,
      year: 2023,
      attributes: { country: 'Norway' },
    })
  ).json();
  await owner.request('PUT', `${base}/attributes/country`, { type: 'category' });
  const theme = await createCode(owner, project.id, 'Rollen');
  await owner.request('PATCH', `/api/codes/${theme.id}`, {
    description: 'Allt om rollen, “citat” & <taggar>',
    color: '#E15759',
  });
  const clarity = await createCode(owner, project.id, 'Role clarity 🎉', { parentId: theme.id });
  const other = await createCode(owner, project.id, 'Handledning');
  await addMember(owner, project.id, cora, 'coder');
  const grimDoc = grim.documents[0].id as string;
  const wallDoc = wall.documents[0].id as string;
  const h1 = await createHighlight(
    owner,
    grimDoc,
    '“predominantly positive” 😀',
    [clarity.id],
    'Ett memo 🎉\nmed två rader',
  );
  const h2 = await createHighlight(cora, grimDoc, '漢字 and 🎉 all', [clarity.id, theme.id]);
  const h3 = await createHighlight(cora, wallDoc, 'supervision as rare', [other.id]);
  const consensus = await owner.request('POST', `/api/documents/${grimDoc}/highlights`, {
    start: GRIM.indexOf('role clarity'),
    end: GRIM.indexOf('role clarity') + 'role clarity'.length,
    quote: 'role clarity',
    codeIds: [clarity.id],
    consensus: true,
  });
  expect(consensus.statusCode, consensus.body).toBe(201);
  await addMember(owner, project.id, sam, 'supervisor');
  const memo = async (who: Client, on: string, id: string | undefined, text: string) => {
    const res = await who.request('PUT', `${base}/memos`, { on, id, text });
    expect(res.statusCode, res.body).toBe(200);
  };
  await memo(owner, 'project', undefined, MEMOS.project);
  await memo(cora, 'project', undefined, MEMOS.coraProject);
  await memo(owner, 'study', grim.id, MEMOS.study);
  await memo(cora, 'document', wallDoc, MEMOS.document);
  await memo(owner, 'code', clarity.id, MEMOS.clarity);
  await memo(sam, 'code', other.id, MEMOS.other);
  return { project, base, grim, wall, theme, clarity, other, h1, h2, h3 };
}
type Arranged = Awaited<ReturnType<typeof arrange>>;

/** Notes of a .qde: guid, name, author and text (entities as written). */
const notes = (qde: string) =>
  [
    ...qde.matchAll(
      /<Note guid="([^"]+)" name="([^"]*)" creatingUser="([^"]+)"[^>]*><PlainTextContent>([^<]*)<\/PlainTextContent><\/Note>/g,
    ),
  ].map((m) => ({ guid: m[1]!, name: m[2]!, user: m[3]!, text: m[4]! }));

/** A memo's text as the .qde writes it. */
const escaped = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Selections of a .qde as [guid, startPosition, endPosition, creatingUser]. */
const selections = (qde: string) =>
  [
    ...qde.matchAll(
      /<PlainTextSelection guid="([^"]+)" name="[^"]*" startPosition="(\d+)" endPosition="(\d+)" creatingUser="([^"]+)"/g,
    ),
  ].map((m) => ({
    guid: m[1]!,
    start: Number(m[2]),
    end: Number(m[3]),
    user: m[4]!,
  }));

describe('GET /api/projects/:projectId/exports/project.qdpx', () => {
  let p: Arranged;
  let files: Record<string, string>;
  let headers: Record<string, unknown>;
  beforeAll(async () => {
    p = await arrange();
    const { res, bytes } = await download(app, owner, `${p.base}/exports/project.qdpx`);
    expect(res.statusCode, res.body).toBe(200);
    headers = res.headers;
    files = unpack(bytes);
  });

  it('tells the page that started it by a link when the file begins (downloadToken)', async () => {
    const res = await owner.request('GET', `${p.base}/exports/project.qdpx?downloadToken=abc-1`);
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'kodbok_download')?.value).toBe('abc-1');
  });

  it('refuses anyone who is not signed in, and answers 404 to a non-member', async () => {
    const anonymous = await app.inject({ method: 'GET', url: `${p.base}/exports/project.qdpx` });
    expect(anonymous.statusCode).toBe(401);
    const stranger = await createUser(app, owner, 'Stranger');
    expect((await stranger.request('GET', `${p.base}/exports/project.qdpx`)).statusCode).toBe(404);
  });

  it('is a zip of project.qde and sources/<guid>.txt, named for the project and the day', () => {
    expect(headers['content-type']).toBe('application/zip');
    const day = new Date().toISOString().slice(0, 10);
    expect(String(headers['content-disposition'])).toMatch(
      new RegExp(
        `^attachment; filename="Stod-pa-jobbet-[^"]*-project-${day}\\.qdpx"; filename\\*=UTF-8''St%C3%B6d`,
      ),
    );
    const sources = Object.keys(files).filter((f) => f !== 'project.qde');
    expect(sources).toHaveLength(2);
    for (const f of sources) expect(f).toMatch(/^sources\/[0-9a-f-]{36}\.txt$/);
    expect(files['project.qde']).toContain(`plainTextPath="internal://${sources[0]!.slice(8)}"`);
  });

  it.skipIf(!HAS_XMLLINT)('is valid against Project.xsd', () => {
    expect(xsdProblems(files['project.qde']!, 'Project')).toBe('');
  });

  it('writes texts as UTF-8 with LF and no BOM, and positions as code points of that text', () => {
    const qde = files['project.qde']!;
    const grimGuid = p.grim.documents[0].id;
    const text = files[`sources/${grimGuid}.txt`]!;
    expect(text).toBe(GRIM.replace('\r\n', '\n'));
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const chars = [...text];
    const sourceXml = qde.slice(qde.indexOf(`<TextSource guid="${grimGuid}"`));
    const quotes = selections(sourceXml.slice(0, sourceXml.indexOf('</TextSource>'))).map((s) =>
      chars.slice(s.start, s.end).join(''),
    );
    expect(quotes).toEqual(['“predominantly positive” 😀', '漢字 and 🎉 all', 'role clarity']);
  });

  it('holds studies as cases with their fields and attributes as variables', () => {
    const qde = files['project.qde']!;
    expect(countElements(qde, 'Case')).toBe(2);
    expect(qde).toContain('<Case guid="' + p.grim.id + '" name="Managing peer support workers">');
    for (const v of ['Authors', 'Year', 'DOI', 'Document kind', 'country', 'participants'])
      expect(qde).toContain(`name="${v}"`);
    expect(qde).toContain('<TextValue>Grim, Katarina; Åkerblom, Anna</TextValue>');
    expect(qde).toContain('<IntegerValue>2022</IntegerValue>');
    expect(qde).toContain('<TextValue>Sweden</TextValue>');
  });

  it('holds the codebook with hierarchy, colours and descriptions, and memos as notes', () => {
    const qde = files['project.qde']!;
    expect(qde).toMatch(
      new RegExp(
        `<Code guid="${p.theme.id}" name="Rollen" isCodable="true" color="#E15759"><Description>Allt om rollen, “citat” &amp; &lt;taggar&gt;</Description><Code guid="${p.clarity.id}"`,
      ),
    );
    expect(countElements(qde, 'Note')).toBe(1 + Object.keys(MEMOS).length);
    expect(qde).toContain('<PlainTextContent>Ett memo 🎉\nmed två rader</PlainTextContent>');
  });

  it('writes memos on the project, studies, documents and codes as notes by their authors, each referred to where the schema allows', () => {
    const qde = files['project.qde']!;
    const byText = new Map(notes(qde).map((n) => [n.text, n]));
    const note = (text: string) => byText.get(escaped(text))!;
    expect(note(MEMOS.project)).toMatchObject({ name: 'Memo on the project', user: owner.user.id });
    expect(note(MEMOS.coraProject).user).toBe(cora.user.id);
    expect(note(MEMOS.study)).toMatchObject({
      name: 'Memo on Managing peer support workers',
      user: owner.user.id,
    });
    expect(note(MEMOS.document)).toMatchObject({
      name: 'Memo on Peer workers in Norway',
      user: cora.user.id,
    });
    expect(note(MEMOS.clarity).name).toBe('Memo on the code Role clarity 🎉');
    expect(note(MEMOS.other).user).toBe(sam.user.id);
    // The project's notes: NoteRefs closing the Project, after everything else (Project.xsd).
    expect(qde).toMatch(
      new RegExp(
        `</Links>\\n(<NoteRef targetGUID="(${note(MEMOS.project).guid}|${note(MEMOS.coraProject).guid})"/>\\n){2}</Project>\\n$`,
      ),
    );
    // A code's: inside the Code (only in the .qde: a .qdc has no notes).
    expect(qde).toMatch(
      new RegExp(
        `<Code guid="${p.clarity.id}" [^>]*><NoteRef targetGUID="${note(MEMOS.clarity).guid}"/></Code>`,
      ),
    );
    expect(qde).toMatch(
      new RegExp(
        `<Code guid="${p.other.id}" [^>]*><NoteRef targetGUID="${note(MEMOS.other).guid}"/></Code>`,
      ),
    );
    // A document's: inside its TextSource, after the selections and before the variable values.
    const wallDoc = p.wall.documents[0].id;
    const source = qde.slice(qde.indexOf(`<TextSource guid="${wallDoc}"`));
    expect(source.slice(0, source.indexOf('</TextSource>'))).toMatch(
      new RegExp(
        `</PlainTextSelection>\\n<NoteRef targetGUID="${note(MEMOS.document).guid}"/>\\n<VariableValue>`,
      ),
    );
    // A study's: a Case has no NoteRef in the schema, so a Link from the Case to the note.
    expect(qde).toMatch(
      new RegExp(
        `<Link guid="[0-9a-f-]{36}" name="Memo" direction="OneWay" originGUID="${p.grim.id}" targetGUID="${note(MEMOS.study).guid}"/>`,
      ),
    );
    // The supervisor wrote but did not code: named among the users all the same.
    expect(qde).toContain(`<User guid="${sam.user.id}" name="Sam Supervisor"/>`);
  });

  it.skipIf(!HAS_XMLLINT)('is valid against Project.xsd with memos of every kind', () => {
    expect(countElements(files['project.qde']!, 'Link')).toBe(1);
    expect(xsdProblems(files['project.qde']!, 'Project')).toBe('');
  });

  it('names every coder as a user, the consensus as "Consensus", with codings by their coder', () => {
    const qde = files['project.qde']!;
    const users = [...qde.matchAll(/<User guid="([^"]+)" name="([^"]+)"\/>/g)].map((m) => m[2]);
    expect(users.sort()).toEqual(['Consensus', 'Cora Coder', 'Sam Supervisor', 'Åsa Owner']);
    expect(countElements(qde, 'PlainTextSelection')).toBe(4);
    expect(countElements(qde, 'Coding')).toBe(5);
    expect(selections(qde).filter((s) => s.user === cora.user.id)).toHaveLength(2);
  });

  // Six exports, each in a worker of its own that loads the TypeScript sources: slow on a busy machine.
  it('honours the filters: coders, studies and codes', async () => {
    const only = async (query: string) =>
      unpack((await download(app, owner, `${p.base}/exports/project.qdpx?${query}`)).bytes)[
        'project.qde'
      ]!;
    expect(selections(await only(`coders=${cora.user.id}`)).map((s) => s.user)).toEqual([
      cora.user.id,
      cora.user.id,
    ]);
    expect(selections(await only('coders=consensus'))).toHaveLength(1);
    expect(selections(await only('coders=all'))).toHaveLength(3);
    const wallOnly = await only(`studies=${p.wall.id}`);
    expect(countElements(wallOnly, 'Case')).toBe(1);
    expect(selections(wallOnly)).toHaveLength(1);
    const handledning = await only(`codes=${p.other.id}`);
    expect(countElements(handledning, 'Code')).toBe(1);
    expect(selections(handledning)).toHaveLength(1);
    const memos = (qde: string) =>
      notes(qde)
        .map((n) => n.text)
        .filter((t) => t !== 'Ett memo 🎉\nmed två rader')
        .sort();
    // Memos follow the filters: by the chosen coders, on the studies and codes kept.
    expect(memos(await only(`coders=${cora.user.id}`))).toEqual(
      [MEMOS.coraProject, MEMOS.document].sort(),
    );
    expect(memos(wallOnly)).toEqual(
      [MEMOS.project, MEMOS.coraProject, MEMOS.document, MEMOS.clarity, MEMOS.other]
        .map(escaped)
        .sort(),
    );
    expect(memos(handledning)).toEqual(
      [MEMOS.project, MEMOS.coraProject, MEMOS.study, MEMOS.document, MEMOS.other]
        .map(escaped)
        .sort(),
    );
    const bad = await owner.request('GET', `${p.base}/exports/project.qdpx?codes=nope`);
    expect(bad.statusCode).toBe(400);
  }, 60_000);

  it('with blind coding, gives a coder their own coding only and refuses another coder’s', async () => {
    const dag = await createUser(app, owner, 'Dag Coder');
    await addMember(owner, p.project.id, dag, 'coder');
    await dag.request('PUT', `${p.base}/memos`, { on: 'project', text: 'Dags memo' });
    await owner.request('PATCH', p.base, { independentCoding: true });
    const mine = unpack((await download(app, cora, `${p.base}/exports/project.qdpx`)).bytes)[
      'project.qde'
    ]!;
    expect(selections(mine).map((s) => s.user)).toEqual([cora.user.id, cora.user.id]);
    expect(mine).not.toContain('Ett memo');
    // Memos as the memo rule lets her read them: her own, the owner's and the supervisor's.
    expect(
      notes(mine)
        .map((n) => n.user)
        .sort(),
    ).toEqual(
      [cora.user.id, cora.user.id, owner.user.id, owner.user.id, owner.user.id, sam.user.id].sort(),
    );
    expect(mine).not.toContain('Dags memo');
    expect(mine).not.toContain('name="Dag Coder"');
    const theirs = await cora.request(
      'GET',
      `${p.base}/exports/project.qdpx?coders=${owner.user.id}`,
    );
    expect(theirs.statusCode).toBe(403);
    await owner.request('PATCH', p.base, { independentCoding: false });
  });
});

describe('GET /api/projects/:projectId/exports/codebook.qdc', () => {
  it.skipIf(!HAS_XMLLINT)('is the codebook, valid against Codebook.xsd', async () => {
    const p = await arrange();
    const res = await owner.request('GET', `${p.base}/exports/codebook.qdc`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(/-codebook-\d{4}-\d{2}-\d{2}\.qdc"/);
    expect(xsdProblems(res.body, 'Codebook')).toBe('');
    expect(countElements(res.body, 'Code')).toBe(3);
    expect(res.body).toContain('name="Role clarity 🎉"');
  });

  it('refuses an empty codebook with a reason (the schema needs one code)', async () => {
    const project = (await owner.request('POST', '/api/projects', { name: 'Empty' })).json();
    const res = await owner.request('GET', `/api/projects/${project.id}/exports/codebook.qdc`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/no codes to export/);
  });
});

describe('Kodbok → .qdpx → Kodbok', () => {
  it('loses none of the studies, texts, codebook, coding, coders or memos of any kind (non-BMP text included)', async () => {
    const p = await arrange();
    const { bytes } = await download(app, owner, `${p.base}/exports/project.qdpx`);
    const imported = await postFile(
      app,
      owner,
      '/api/projects/from-qdpx?mode=commit',
      'round.qdpx',
      bytes,
    );
    expect(imported.statusCode, imported.body).toBe(201);
    const copy = `/api/projects/${imported.json().id}`;
    expect(await snapshot(copy)).toEqual(await snapshot(p.base));
    const project = (await owner.request('GET', copy)).json();
    expect(project.name).toBe(p.project.name);
    expect(project.role).toBe('owner');
    const members = (await owner.request('GET', `${copy}/members`)).json();
    // The supervisor who wrote memos but coded nothing comes back as a coder holding them.
    expect(members.map((m: any) => [m.name, m.role]).sort()).toEqual([
      ['Cora Coder', 'coder'],
      ['Sam Supervisor', 'coder'],
      ['Åsa Owner', 'owner'],
    ]);
    // Cora's coding belongs to an account of her name that cannot sign in, not to her account.
    expect(members.find((m: any) => m.name === 'Cora Coder').userId).not.toBe(cora.user.id);
  });
});

/**
 * A project as comparable data: ids replaced by names, coders by their names, offsets as in
 * the text with LF line breaks (REFI-QDA texts have LF; a CRLF in a Kodbok text becomes one).
 */
async function snapshot(base: string) {
  const codes = (await owner.request('GET', `${base}/codes`)).json() as any[];
  const codeName = new Map(codes.map((c) => [c.id, c.name]));
  const studies = (await owner.request('GET', `${base}/studies`)).json() as any[];
  const attributes = (await owner.request('GET', `${base}/attributes`)).json() as any[];
  const out = [];
  for (const s of studies) {
    const documents = [];
    for (const d of s.documents) {
      const doc = (await owner.request('GET', `/api/documents/${d.id}`)).json();
      const consensus = (
        await owner.request('GET', `/api/documents/${d.id}?coders=consensus`)
      ).json();
      const lf = (offset: number) =>
        offset - (doc.text.slice(0, offset).match(/\r\n/g) ?? []).length;
      const hl = [...doc.highlights, ...consensus.highlights].map((h: any) => ({
        start: lf(h.start),
        end: lf(h.end),
        quote: h.quote.replace(/\r\n/g, '\n'),
        coder: h.coderName,
        codes: h.codeIds.map((id: string) => codeName.get(id)).sort(),
        memo: h.memo,
      }));
      documents.push({ kind: d.kind, text: doc.text.replace(/\r\n/g, '\n'), highlights: hl });
    }
    out.push({
      title: s.title,
      authors: s.authors,
      year: s.year,
      doi: s.doi,
      journal: s.journal,
      attributes: s.attributes,
      documents,
    });
  }
  const memos = (await owner.request('GET', `${base}/memos`)).json().memos as any[];
  return {
    memos: memos
      .map((m) => ({ on: m.on, about: m.targetLabel, author: m.userName, text: m.text }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    codes: codes.map((c) => ({
      name: c.name,
      parent: c.parentId ? codeName.get(c.parentId) : null,
      color: c.color,
      description: c.description,
      position: c.position,
    })),
    attributes: attributes.map((a) => ({ name: a.name, type: a.type })),
    studies: out,
  };
}
