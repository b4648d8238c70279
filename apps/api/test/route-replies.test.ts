import { describe, expect, it } from 'vitest';
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
