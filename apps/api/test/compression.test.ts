import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { setupOwner, startApp, type Client } from './helper';

/* JSON answers above a small size are compressed on the wire (issue 13), exports are not. */

let app: App;
let owner: Client;
let projectId: string;

beforeAll(async () => {
  app = await startApp();
  owner = await setupOwner(app);
  projectId = (await owner.request('POST', '/api/projects', { name: 'Compressed' })).json().id;
  for (let i = 0; i < 30; i++) {
    await owner.request('POST', `/api/projects/${projectId}/studies`, {
      title: `Peer support study ${i} in Tromsø`,
      text: 'x',
      authors: ['Åkerblom, Anna', 'Wall, Åse'],
    });
  }
});

const get = (url: string, encoding: string) =>
  app.inject({
    method: 'GET',
    url,
    headers: { cookie: owner.cookie, 'accept-encoding': encoding },
  });

describe('compressed answers', () => {
  it('sends a large JSON list with Brotli or gzip, as the client accepts, decoding to the same JSON', async () => {
    const url = `/api/projects/${projectId}/studies`;
    const plain = await get(url, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get(url, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());
    const gz = await get(url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('compresses a document of any size, as the client accepts, with Vary: accept-encoding', async () => {
    // A 40 kB and a 1 MB text: one compressed on the API thread, the other on libuv's pool.
    for (const words of [5_000, 125_000]) {
      const text = Array.from({ length: words }, (_, i) => `ord${i % 977}`).join(' ');
      const study = (
        await owner.request('POST', `/api/projects/${projectId}/studies`, {
          title: `Long study of ${words} words`,
          text,
        })
      ).json();
      const url = `/api/documents/${study.documents[0].id}`;
      const plain = await get(url, 'identity');
      expect(plain.json().text).toBe(text);
      for (const [accept, encoding, decode] of [
        ['br;q=1, gzip;q=0.5', 'br', brotliDecompressSync],
        ['gzip, deflate', 'gzip', gunzipSync],
        ['*', 'gzip', gunzipSync],
      ] as const) {
        const res = await get(url, accept);
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
        expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
        expect(JSON.parse(decode(res.rawPayload).toString('utf8'))).toEqual(plain.json());
      }
      const unwanted = await app.inject({
        method: 'GET',
        url,
        headers: { cookie: owner.cookie, 'accept-encoding': 'br', 'x-no-compression': '1' },
      });
      expect(unwanted.headers['content-encoding']).toBeUndefined();
      expect(unwanted.json().text).toBe(text);
    }
  });

  it('leaves small answers and exports as they are', async () => {
    expect((await get('/api/health', 'br')).headers['content-encoding']).toBeUndefined();
    const csv = await get(`/api/projects/${projectId}/exports/codebook.csv`, 'br, gzip');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-encoding']).toBeUndefined();
  });
});

describe('the web app’s files', () => {
  // As the build leaves them (apps/web/scripts/precompress.mjs): each text asset with a .br and a
  // .gz copy made at the highest levels, to be sent as they are.
  const webDist = mkdtempSync(path.join(tmpdir(), 'kodbok-web-'));
  const script = Array.from({ length: 2000 }, (_, i) => `export const v${i} = ${i % 97};`).join(
    '\n',
  );
  const br = brotliCompressSync(script);
  const gz = gzipSync(script, { level: 9 });
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Kodbok</title>');
  writeFileSync(path.join(webDist, 'app.js'), script);
  writeFileSync(path.join(webDist, 'app.js.br'), br);
  writeFileSync(path.join(webDist, 'app.js.gz'), gz);
  afterAll(() => rmSync(webDist, { recursive: true, force: true }));

  it('are sent precompressed as the client accepts, and plain to one that accepts neither', async () => {
    const web = await startApp({ config: { webDist } });
    const file = (encoding: string) =>
      web.inject({ method: 'GET', url: '/app.js', headers: { 'accept-encoding': encoding } });
    const asBr = await file('gzip, deflate, br');
    expect(asBr.headers['content-encoding']).toBe('br');
    expect(asBr.rawPayload.equals(br)).toBe(true);
    const asGzip = await file('gzip');
    expect(asGzip.headers['content-encoding']).toBe('gzip');
    expect(asGzip.rawPayload.equals(gz)).toBe(true);
    const plain = await file('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    await web.close();
  });
});
