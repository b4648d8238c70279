import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
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

  it('leaves small answers and exports as they are', async () => {
    expect((await get('/api/health', 'br')).headers['content-encoding']).toBeUndefined();
    const csv = await get(`/api/projects/${projectId}/exports/codebook.csv`, 'br, gzip');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-encoding']).toBeUndefined();
  });
});
