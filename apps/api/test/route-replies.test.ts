import Fastify from 'fastify';
import http from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { exportEndpoints } from '@kodbok/contracts';
import { route } from '../src/routes/route';
import { createProjectWithStudy, setupOwner, startApp } from './helper';

/*
 * Every route goes through routes/route.ts, which sends what a handler returns unless the handler
 * sent the answer itself (a view the read worker wrote, a download, a 204). Sending twice is no
 * error the client sees, only a warning in the server's log ("Reply was already sent"): so the
 * log is what this test reads, on the kinds of answer there are.
 */
const logged: Array<{ level: number; msg: string }> = [];
const app = await startApp({
  fastify: {
    logger: {
      level: 'warn',
      stream: { write: (line: string) => void logged.push(JSON.parse(line)) },
    },
  },
});
const owner = await setupOwner(app);
const { project, documentId, code } = await createProjectWithStudy(owner);

describe('a route’s answer', () => {
  it('is sent once, however the handler answers', async () => {
    const statuses = [];
    // A result to serialise (201), a view the read worker wrote, a download, a 204.
    const created = await owner.request('POST', `/api/documents/${documentId}/highlights`, {
      start: 0,
      end: 4,
      quote: 'Peer',
      codeIds: [code.id],
    });
    statuses.push(created.statusCode);
    for (const url of [
      `/api/projects/${project.id}/frequencies`,
      `/api/projects/${project.id}/exports/excerpts.csv`,
    ])
      statuses.push((await owner.request('GET', url)).statusCode);
    statuses.push(
      (await owner.request('DELETE', `/api/highlights/${created.json().id}`)).statusCode,
    );
    expect(statuses).toEqual([201, 200, 200, 204]);
    expect(logged.filter((l) => l.level >= 40).map((l) => l.msg)).toEqual([]);
  });

  it('says how long the server worked on it (Server-Timing), for every kind of answer', async () => {
    for (const url of [
      `/api/documents/${documentId}`,
      `/api/projects/${project.id}/frequencies`,
      `/api/documents/${documentId}/nothing-here`,
    ]) {
      const res = await owner.request('GET', url);
      expect(res.headers['server-timing']).toMatch(/^app;dur=\d+\.\d$/);
    }
  });
});

describe('a download the client leaves part-way', () => {
  it('stops, and leaves no error in the log', async () => {
    // A bare server with one route, as route.ts registers every route, whose file never ends: the
    // client is sure to leave in the middle of it.
    const lines: Array<{ level: number; msg: string }> = [];
    const bare = Fastify({
      logger: { level: 'info', stream: { write: (l: string) => void lines.push(JSON.parse(l)) } },
    });
    let stopped = false;
    route(bare, exportEndpoints.exportCodebook, (_request, reply) =>
      reply.header('content-type', 'text/csv').send(
        new Readable({
          read() {
            this.push(Buffer.alloc(64 * 1024, 'a'));
          },
          destroy(err, callback) {
            stopped = true;
            callback(err);
          },
        }),
      ),
    );
    const url = await bare.listen({ port: 0, host: '127.0.0.1' });
    try {
      await new Promise<void>((resolve, reject) => {
        const req = http.get(`${url}/projects/${project.id}/exports/codebook.csv`, (res) => {
          expect(res.statusCode).toBe(200);
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', (err) =>
          (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(err),
        );
      });
      for (let i = 0; i < 50 && !stopped; i++) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 50));
      expect(stopped).toBe(true);
      expect(lines.filter((l) => l.level >= 40)).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});
