import { describe, expect, it } from 'vitest';
import { startApp } from './helper';

const app = await startApp();

describe('GET /api/openapi.json', () => {
  it('documents the import and attribute routes', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths;
    expect(paths['/api/projects/{projectId}/imports'].post.responses).toHaveProperty('413');
    expect(paths).toHaveProperty('/api/projects/{projectId}/attributes/{name}/studies');
  });
});
