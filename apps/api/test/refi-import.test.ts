import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  addMember,
  createCode,
  createHighlight,
  createUser,
  setupOwner,
  startApp,
  upload,
  type Client,
} from './helper';
import { download, postFile } from './refi-helper';

const app = await startApp();
const owner = await setupOwner(app, 'Importer');

const G = {
  code: '11111111-1111-4111-8111-111111111111',
  child: '22222222-2222-4222-8222-222222222222',
  source: '33333333-3333-4333-8333-333333333333',
  sel: '44444444-4444-4444-8444-444444444444',
  user: 'AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA',
};
const TEXT = 'Hej 😀 världen.\r\nAndra raden.';

/** A small project XML; `selection` replaces the one coded selection. */
function qde(options: { selection?: string; root?: string; prolog?: string } = {}) {
  const selection =
    options.selection ??
    `<PlainTextSelection guid="${G.sel}" startPosition="4" endPosition="13" creatingUser="{${G.user}}"><Coding guid="${G.sel.replace('4444', '5555')}"><CodeRef targetGUID="${G.child.toUpperCase()}"/></Coding></PlainTextSelection>`;
  return `${options.prolog ?? '<?xml version="1.0" encoding="utf-8"?>'}
<${options.root ?? 'Project xmlns="urn:QDA-XML:project:1.0"'} name="Liten" origin="Some tool 1.0">
<Users><User guid="${G.user}" name="Åse"/></Users>
<CodeBook><Codes><Code guid="${G.code}" name="Tema" isCodable="false" color="#abc"><Code guid="${G.child}" name="Kod" isCodable="true"/></Code></Codes></CodeBook>
<Sources><TextSource guid="${G.source}" name="Källa" plainTextPath="internal://${G.source}.txt">${selection}</TextSource></Sources>
<Sets/>
</Project>`;
}
const qdpx = (
  xml: string,
  sources: Record<string, string> = { [`Sources/${G.source}.txt`]: `\uFEFF${TEXT}` },
) =>
  zipSync({
    'project.qde': strToU8(xml),
    ...Object.fromEntries(Object.entries(sources).map(([k, v]) => [k, strToU8(v)])),
  });

const projectCount = async () =>
  (await owner.request('GET', '/api/projects')).json().length as number;
const refused = async (name: string, bytes: Uint8Array | string) => {
  const before = await projectCount();
  const res = await postFile(app, owner, '/api/projects/from-qdpx?mode=commit', name, bytes);
  expect(await projectCount()).toBe(before);
  return res;
};

describe('POST /api/projects/from-qdpx', () => {
  it('needs a signed-in user and a multipart file', async () => {
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/projects/from-qdpx',
      headers: { origin: 'http://localhost:80', host: 'localhost:80' },
    });
    expect(anonymous.statusCode).toBe(401);
    const json = await owner.request('POST', '/api/projects/from-qdpx', { file: 'x' });
    expect(json.statusCode).toBe(415);
    const two = await upload(app, owner, '/api/projects/from-qdpx', [
      { name: 'a.qdpx', content: Buffer.from(qdpx(qde())) },
      { name: 'b.qdpx', content: Buffer.from(qdpx(qde())) },
    ]);
    expect(two.statusCode).toBe(400);
    expect(two.json().message).toMatch(/Send one file/);
  });

  it('creates the project when no mode is given, as scripts call it (201 {id})', async () => {
    const res = await postFile(app, owner, '/api/projects/from-qdpx', 'liten.qdpx', qdpx(qde()));
    expect(res.statusCode, res.body).toBe(201);
    const project = await owner.request('GET', `/api/projects/${res.json().id}`);
    expect(project.json()).toMatchObject({ name: 'Liten', role: 'owner' });
  });

  it('previews what the file holds, what it creates and what was tolerated, storing nothing', async () => {
    const before = await projectCount();
    const res = await postFile(
      app,
      owner,
      '/api/projects/from-qdpx?mode=preview',
      'liten.qdpx',
      qdpx(qde()),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Liten',
      origin: 'Some tool 1.0',
      holds: { sources: 1, cases: 0, codes: 2, selections: 1, users: 1, notes: 0 },
      creates: { studies: 1, documents: 1, codes: 2, highlights: 1, memos: 0 },
      coders: [{ name: 'Åse', highlights: 1, memos: 0, becomes: 'new coder' }],
    });
    const adjusted = res.json().adjusted.map((a: any) => a.what);
    expect(adjusted).toContain('The folder "Sources/"');
    expect(adjusted).toContain('1 code(s) marked not codable (isCodable="false")');
    expect(await projectCount()).toBe(before);
  });

  it('creates a project the caller owns, with the coder as an account that cannot sign in', async () => {
    const res = await postFile(
      app,
      owner,
      '/api/projects/from-qdpx?mode=commit',
      'liten.qdpx',
      qdpx(qde()),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Liten',
      studies: 1,
      codes: 2,
      highlights: 1,
      memos: 0,
    });
    const base = `/api/projects/${res.json().id}`;
    expect((await owner.request('GET', base)).json().role).toBe('owner');
    const codes = (await owner.request('GET', `${base}/codes`)).json();
    expect(codes.find((c: any) => c.name === 'Tema').color).toBe('#AABBCC');
    const [study] = (await owner.request('GET', `${base}/studies`)).json();
    expect(study.title).toBe('Källa');
    const doc = (await owner.request('GET', `/api/documents/${study.documents[0].id}`)).json();
    expect(doc.text).toBe(TEXT.replace('\r\n', '\n'));
    // "Some tool" is unknown and the text has an emoji: code points fit the selection (13 ends
    // "världen"), UTF-16 units would cut the word.
    expect(doc.highlights.map((h: any) => [h.quote, h.coderName])).toEqual([['😀 världen', 'Åse']]);
    const members = (await owner.request('GET', `${base}/members`)).json();
    const ase = members.find((m: any) => m.name === 'Åse');
    expect(ase.role).toBe('coder');
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { origin: 'http://localhost:80', host: 'localhost:80' },
      payload: { email: ase.email, password: 'anything at all' },
    });
    expect(signIn.statusCode).toBe(401);
  });

  it('reads a bare .qde, listing the sources whose text it lacks', async () => {
    const res = await postFile(
      app,
      owner,
      '/api/projects/from-qdpx?mode=preview',
      'liten.qde',
      qde(),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().skipped).toEqual([
      {
        what: 'Source "Källa" and its 1 selection(s)',
        why: `its text (internal://${G.source}.txt) is not in the file`,
      },
    ]);
  });

  describe('refuses what is not what it claims, naming the problem and storing nothing', () => {
    const cases: Array<[string, string, () => Uint8Array | string, number, RegExp]> = [
      [
        'not a zip',
        'x.qdpx',
        () => new Uint8Array([1, 2, 3, 4, 5]),
        400,
        /neither a REFI-QDA project archive \(\.qdpx, a zip\) nor a project XML/,
      ],
      ['a broken zip', 'x.qdpx', () => qdpx(qde()).slice(0, 60), 400, /not a readable zip archive/],
      [
        'a zip without a .qde',
        'x.qdpx',
        () => zipSync({ 'notes.txt': strToU8('hi') }),
        400,
        /holds no project file/,
      ],
      [
        'two .qde files',
        'x.qdpx',
        () => zipSync({ 'a.qde': strToU8(qde()), 'b.qde': strToU8(qde()) }),
        400,
        /holds 2 project files \(a\.qde, b\.qde\)/,
      ],
      [
        'a path leaving the archive',
        'x.qdpx',
        () => zipSync({ 'project.qde': strToU8(qde()), '../../etc/evil.txt': strToU8('x') }),
        400,
        /entry "\.\.\/\.\.\/etc\/evil\.txt" whose path leaves the archive/,
      ],
      [
        'an absolute path',
        'x.qdpx',
        () => zipSync({ 'project.qde': strToU8(qde()), '/etc/evil.txt': strToU8('x') }),
        400,
        /whose path leaves the archive/,
      ],
      [
        'a zip bomb (declared sizes over the cap)',
        'x.qdpx',
        () => bomb(qdpx(qde())),
        413,
        /unpacks to more than 512 MB: refused as a possible zip bomb/,
      ],
      [
        'a DOCTYPE',
        'x.qde',
        () =>
          qde({ prolog: '<?xml version="1.0"?><!DOCTYPE Project SYSTEM "file:///etc/passwd">' }),
        400,
        /has a DOCTYPE/,
      ],
      [
        'entity expansion',
        'x.qde',
        () =>
          qde({
            prolog:
              '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>',
          }),
        400,
        /has a DOCTYPE/,
      ],
      [
        'an undeclared entity',
        'x.qde',
        () => qde().replace('name="Liten"', 'name="&xxe;"'),
        400,
        /not well-formed XML: undefined entity/,
      ],
      [
        'XML that is not well-formed',
        'x.qde',
        () => qde().replace('</Sources>', ''),
        400,
        /not well-formed XML/,
      ],
      [
        'the wrong namespace',
        'x.qde',
        () => qde({ root: 'Project xmlns="urn:example:other"' }),
        400,
        /root element is \{urn:example:other\}Project, expected Project in namespace urn:QDA-XML:project:1\.0/,
      ],
      ['no namespace', 'x.qde', () => qde({ root: 'Project' }), 400, /Project without a namespace/],
      [
        'a selection past the end of its text',
        'x.qdpx',
        () =>
          qdpx(
            qde({
              selection: `<PlainTextSelection guid="${G.sel}" name="lång" startPosition="4" endPosition="400"><Coding guid="${G.sel}"><CodeRef targetGUID="${G.child}"/></Coding></PlainTextSelection>`,
            }),
          ),
        400,
        /Selection 44444444-4444-4444-8444-444444444444 "lång" in source "Källa" spans \[4, 400\), outside its text of 28 positions/,
      ],
      [
        'a selection without startPosition',
        'x.qdpx',
        () => qdpx(qde({ selection: `<PlainTextSelection guid="${G.sel}" endPosition="4"/>` })),
        400,
        /PlainTextSelection at line \d+ has no startPosition attribute, which it requires/,
      ],
      [
        'a position that is not a number',
        'x.qdpx',
        () =>
          qdpx(
            qde({
              selection: `<PlainTextSelection guid="${G.sel}" startPosition="a" endPosition="4"/>`,
            }),
          ),
        400,
        /startPosition="a", which is not a whole number/,
      ],
      [
        'a code without a guid',
        'x.qde',
        () => qde().replace(`guid="${G.child}" `, ''),
        400,
        /Code "Kod" at line \d+ has no guid attribute/,
      ],
    ];
    it.each(cases)('%s', async (_what, name, make, status, message) => {
      const res = await refused(name, make());
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().message).toMatch(message);
    });
  });
});

/** Every memo of a project as comparable data: what it is about, its author and its text. */
async function memosOf(client: Client, projectId: string) {
  const res = await client.request('GET', `/api/projects/${projectId}/memos`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().memos as any[])
    .map((m) => ({ on: m.on, about: m.targetLabel, author: m.userName, text: m.text }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('POST /api/projects/from-qdpx: notes become memos', () => {
  const N = (n: number) => `66666666-6666-4666-8666-${String(n).padStart(12, '0')}`;
  const BO = 'BBBBBBBB-BBBB-4BBB-8BBB-BBBBBBBBBBBB';
  const note = (n: number, text: string, user?: string) =>
    `<Note guid="${N(n)}" name="Note ${n}"${user ? ` creatingUser="${user}"` : ''}><PlainTextContent>${text}</PlainTextContent></Note>`;
  const ref = (n: number) => `<NoteRef targetGUID="${N(n)}"/>`;
  /** Notes on the project, a case (by a Link), a source and a code, by Åse (who codes), Bo (who does not) and no one. */
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Anteckningar" origin="Some tool 1.0">
<Users><User guid="${G.user}" name="Åse"/><User guid="${BO}" name="Bo"/></Users>
<CodeBook><Codes><Code guid="${G.code}" name="Tema" isCodable="true"><Description>Temats beskrivning</Description>${ref(4)}${ref(5)}<Code guid="${G.child}" name="Kod" isCodable="true"/></Code></Codes></CodeBook>
<Cases><Case guid="${N(90)}" name="Fallet"><Description>Fallets beskrivning 🎉</Description><SourceRef targetGUID="${G.source}"/></Case></Cases>
<Sources><TextSource guid="${G.source}" name="Källa" plainTextPath="internal://${G.source}.txt"><Description>Källans beskrivning</Description><PlainTextSelection guid="${G.sel}" startPosition="4" endPosition="13" creatingUser="${G.user}"><Coding guid="${G.sel.replace('4444', '5555')}" creatingUser="${G.user}"><CodeRef targetGUID="${G.child}"/></Coding></PlainTextSelection>${ref(2)}${ref(3)}</TextSource></Sources>
<Notes>${note(1, 'Projektets anteckning 𝄞', BO)}${note(2, 'Åses första', G.user)}${note(3, 'Åses andra', G.user)}${note(4, 'Bo om temat', BO)}${note(5, 'Utan författare')}${note(6, 'Länkad till fallet', G.user)}</Notes>
<Links><Link guid="${N(91)}" originGUID="${N(90)}" targetGUID="${N(6)}"/></Links>
${ref(1)}
</Project>`;
  const file = () => qdpx(xml, { [`sources/${G.source}.txt`]: TEXT });

  it('previews the memos it creates and counts them for their authors, a user who only wrote notes among the coders', async () => {
    const res = await postFile(
      app,
      owner,
      '/api/projects/from-qdpx?mode=preview',
      'a.qdpx',
      file(),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      holds: { notes: 6 },
      creates: { studies: 1, documents: 1, codes: 2, highlights: 1, memos: 7 },
      coders: [
        { name: 'Åse', highlights: 1, memos: 2, becomes: 'new coder' },
        { name: 'Bo', highlights: 0, memos: 2, becomes: 'new coder' },
      ],
    });
    expect(res.json().skipped).toEqual([]);
    expect(res.json().adjusted).toContainEqual({
      what: '1 memo(s)',
      why: 'joined from several notes by one author on one thing, a blank line between them: Kodbok keeps one memo per author and thing',
    });
  });

  it('puts each note where Kodbok keeps memos, by its author; descriptions and authorless notes are the importer’s', async () => {
    const res = await postFile(app, owner, '/api/projects/from-qdpx?mode=commit', 'a.qdpx', file());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ highlights: 1, memos: 7 });
    const id = res.json().id as string;
    expect(await memosOf(owner, id)).toEqual(
      [
        { on: 'project', about: '', author: 'Bo', text: 'Projektets anteckning 𝄞' },
        { on: 'study', about: 'Fallet', author: 'Importer', text: 'Fallets beskrivning 🎉' },
        { on: 'study', about: 'Fallet', author: 'Åse', text: 'Länkad till fallet' },
        {
          on: 'document',
          about: 'text of Fallet',
          author: 'Importer',
          text: 'Källans beskrivning',
        },
        {
          on: 'document',
          about: 'text of Fallet',
          author: 'Åse',
          text: 'Åses första\n\nÅses andra',
        },
        { on: 'code', about: 'Tema', author: 'Bo', text: 'Bo om temat' },
        { on: 'code', about: 'Tema', author: 'Importer', text: 'Utan författare' },
      ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    const codes = (await owner.request('GET', `/api/projects/${id}/codes`)).json();
    expect(codes.find((c: any) => c.name === 'Tema').description).toBe('Temats beskrivning');
    const members = (await owner.request('GET', `/api/projects/${id}/members`)).json();
    expect(members.map((m: any) => [m.name, m.role]).sort()).toEqual([
      ['Bo', 'coder'],
      ['Importer', 'owner'],
      ['Åse', 'coder'],
    ]);
  });
  it('joins into one memo what two of the file’s authors wrote on one thing when both are the importer', async () => {
    // The importer's own GUID (their Kodbok export) and a note without a user are both the importer.
    const mine = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Mina" origin="Some tool 1.0">
<Users><User guid="${owner.user.id}" name="Importer"/></Users>
<Notes>${note(1, 'Min anteckning 😀', owner.user.id)}${note(2, 'Ingens anteckning')}</Notes>
<Description>Projektets beskrivning</Description>${ref(1)}${ref(2)}
</Project>`;
    const res = await postFile(app, owner, '/api/projects/from-qdpx', 'mina.qde', mine);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().memos).toBe(1);
    const [memo] = (await owner.request('GET', `/api/projects/${res.json().id}/memos`)).json()
      .memos;
    expect(memo).toMatchObject({ on: 'project', userId: owner.user.id });
    expect(memo.text.split('\n\n').sort()).toEqual(
      ['Ingens anteckning', 'Min anteckning 😀', 'Projektets beskrivning'].sort(),
    );
  });
});

describe('Kodbok → .qdpx → Kodbok: memos', () => {
  it('keeps every project, study, document, code and highlight memo with its author and its text', async () => {
    const ann = await createUser(app, owner, 'Ann Ångström');
    const sup = await createUser(app, owner, 'Sune Handledare');
    const project = (await owner.request('POST', '/api/projects', { name: 'Memon 😀' })).json();
    const base = `/api/projects/${project.id}`;
    const study = (
      await owner.request('POST', `${base}/studies`, {
        title: 'Studien om stöd',
        text: 'Stöd på jobbet 😀 och 𝄞 musik.\nAndra raden.',
      })
    ).json();
    const code = await createCode(owner, project.id, 'Stöd 🎉');
    await addMember(owner, project.id, ann, 'coder');
    await addMember(owner, project.id, sup, 'supervisor');
    const doc = study.documents[0].id as string;
    await createHighlight(owner, doc, 'Stöd på jobbet 😀', [code.id], 'Markeringens memo 𝄞');
    await createHighlight(ann, doc, 'och 𝄞 musik', [code.id], 'Anns markeringsmemo 🎉');
    const put = async (who: Client, on: string, id: string | undefined, text: string) => {
      const res = await who.request('PUT', `${base}/memos`, { on, id, text });
      expect(res.statusCode, res.body).toBe(200);
    };
    await put(owner, 'project', undefined, 'Projektets memo 𝄞 “citat” & <tecken>');
    await put(ann, 'project', undefined, 'Anns projektmemo 😀');
    await put(owner, 'study', study.id, 'Studiens memo 🎉\r\nmed två rader');
    await put(ann, 'study', study.id, 'Ann om studien');
    await put(ann, 'document', doc, 'Dokumentets memo 漢字 😀');
    await put(owner, 'code', code.id, 'Kodens memo 𝄞');
    await put(sup, 'code', code.id, 'Handledarens kodmemo');

    const { res, bytes } = await download(app, owner, `${base}/exports/project.qdpx`);
    expect(res.statusCode, res.body).toBe(200);
    const copy = await postFile(app, owner, '/api/projects/from-qdpx?mode=commit', 'm.qdpx', bytes);
    expect(copy.statusCode, copy.body).toBe(201);
    const copyId = copy.json().id as string;

    expect(await memosOf(owner, copyId)).toEqual(await memosOf(owner, project.id));
    expect((await memosOf(owner, copyId)).length).toBe(7);
    const highlightMemos = async (projectId: string) => {
      const [s] = (await owner.request('GET', `/api/projects/${projectId}/studies`)).json();
      const d = (await owner.request('GET', `/api/documents/${s.documents[0].id}`)).json();
      return d.highlights.map((h: any) => [h.quote, h.coderName, h.memo]).sort();
    };
    expect(await highlightMemos(copyId)).toEqual(await highlightMemos(project.id));
    // The importer's own memos are theirs again; the others' belong to accounts of their names.
    const mine = (await owner.request('GET', `/api/projects/${copyId}/memos?on=project`)).json();
    expect(mine.memos.find((m: any) => m.userName === 'Importer').userId).toBe(owner.user.id);
  });
});

/** The zip with every central-directory entry claiming 4 GB uncompressed (a lying bomb). */
function bomb(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0xf0000000, true);
  }
  return out;
}

describe('POST /api/projects/:projectId/codes/import', () => {
  async function project() {
    const p = (
      await owner.request('POST', '/api/projects', { name: `Kodbok ${Math.random()}` })
    ).json();
    const theme = await createCode(owner, p.id, 'Rollen');
    await createCode(owner, p.id, 'Role clarity', { parentId: theme.id });
    return { id: p.id as string, url: `/api/projects/${p.id}/codes/import`, theme };
  }
  const names = async (id: string) => {
    const codes = (await owner.request('GET', `/api/projects/${id}/codes`)).json() as any[];
    const byId = new Map(codes.map((c) => [c.id, c]));
    const path = (c: any): string =>
      c.parentId ? `${path(byId.get(c.parentId))} › ${c.name}` : c.name;
    return codes.map(path).sort();
  };

  it('matches codes by name under the same parent, adds the rest, and previews first', async () => {
    const p = await project();
    const csv =
      'path,description,color,keywords\nROLLEN,,,\nRollen › role  clarity,,,\nRollen › Boundaries,Where the role ends,#59a14f,limits; edges\nNew theme › Sub,,,\n';
    const preview = await postFile(app, owner, p.url, 'book.csv', csv);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      format: 'csv',
      codes: 5,
      matched: [{ path: 'ROLLEN' }, { path: 'ROLLEN › role clarity' }],
    });
    expect(preview.json().added.map((a: any) => a.path)).toEqual([
      'ROLLEN › Boundaries',
      'New theme',
      'New theme › Sub',
    ]);
    expect(preview.json().notices).toContainEqual({
      what: 'Code "New theme"',
      why: 'added: the path "New theme › Sub" names it but no row has it',
    });
    expect(await names(p.id)).toEqual(['Rollen', 'Rollen › Role clarity']);
  });

  it('commits a JSON codebook in one go, keywords and colours included', async () => {
    const p = await project();
    const json = JSON.stringify({
      codes: [
        {
          name: 'Rollen',
          children: [
            {
              name: 'Boundaries',
              color: '#59A14F',
              keywords: ['limits'],
              description: 'Där rollen slutar 😀',
            },
          ],
        },
        { name: 'Stöd' },
      ],
    });
    const res = await postFile(app, owner, `${p.url}?mode=commit`, 'book.json', json);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ created: 2, matched: 1 });
    expect(await names(p.id)).toEqual([
      'Rollen',
      'Rollen › Boundaries',
      'Rollen › Role clarity',
      'Stöd',
    ]);
    const codes = (await owner.request('GET', `/api/projects/${p.id}/codes`)).json();
    expect(codes.find((c: any) => c.name === 'Boundaries')).toMatchObject({
      color: '#59A14F',
      keywords: ['limits'],
      description: 'Där rollen slutar 😀',
      parentId: p.theme.id,
    });
  });

  it('takes back its own codebook.qdc: nothing new the second time', async () => {
    const source = await project();
    await createCode(owner, source.id, 'Extra');
    const qdc = (await owner.request('GET', `/api/projects/${source.id}/exports/codebook.qdc`))
      .body;
    const target = await project();
    const first = await postFile(app, owner, `${target.url}?mode=commit`, 'book.qdc', qdc);
    expect(first.json()).toEqual({ created: 1, matched: 2 });
    const again = await postFile(app, owner, `${target.url}?mode=commit`, 'book.qdc', qdc);
    expect(again.json()).toEqual({ created: 0, matched: 3 });
  });

  it('refuses a file without codes, a codebook in the wrong namespace, and a member who may not edit the codebook', async () => {
    const p = await project();
    const empty = await postFile(app, owner, p.url, 'book.json', '{"codes": []}');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe('book.json holds no codes');
    const wrong = await postFile(
      app,
      owner,
      p.url,
      'book.qdc',
      '<CodeBook xmlns="urn:nope"><Codes/></CodeBook>',
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(
      /expected CodeBook in namespace urn:QDA-XML:codebook:1\.0/,
    );
    const coder = await createUser(app, owner, 'Coder');
    await addMember(owner, p.id, coder, 'coder');
    const denied = await postFile(app, coder, p.url, 'book.csv', 'name\nX\n');
    expect(denied.statusCode).toBe(403);
    const stranger = await createUser(app, owner, 'Stranger');
    expect((await postFile(app, stranger, p.url, 'book.csv', 'name\nX\n')).statusCode).toBe(404);
  });
});
