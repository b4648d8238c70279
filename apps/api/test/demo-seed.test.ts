import { describe, expect, it } from 'vitest';
import { setupOwner, startApp } from './helper';

const app = await startApp({ demo: true });
const owner = await setupOwner(app);

describe('the demo project', () => {
  it('has its studies with every bibliographic field and typed attributes', async () => {
    const [project] = (await owner.request('GET', '/api/projects')).json();
    const studies = (await owner.request('GET', `/api/projects/${project.id}/studies`)).json();
    const gillard = studies.find((s: any) => s.title.startsWith('Introducing New Peer Worker'));
    expect(gillard).toMatchObject({ pmid: '25331447', volume: '42', issue: '6', pages: '682-694' });
    const attributes = (
      await owner.request('GET', `/api/projects/${project.id}/attributes`)
    ).json();
    expect(attributes.find((a: any) => a.name === 'country')).toMatchObject({
      type: 'category',
      values: [
        { value: 'Sweden', studies: 2 },
        { value: 'England', studies: 1 },
        { value: 'Norway', studies: 1 },
      ],
    });
  });
});
