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

describe('the demo project as a double-coded review', () => {
  it('has both demo coders blind on every study, done, and their agreement to compare', async () => {
    const [project] = (await owner.request('GET', '/api/projects')).json();
    expect(project.independentCoding).toBe(true);
    const base = `/api/projects/${project.id}`;
    const { coders } = (await owner.request('GET', `${base}/assignments`)).json();
    const demo = coders.filter((c: { name: string }) => c.name.includes('demo coder'));
    expect(demo).toHaveLength(2);
    for (const c of demo) expect(c).toMatchObject({ assigned: 4, started: 4, done: 4 });
    const ids = demo.map((c: { userId: string }) => c.userId).join(',');
    const agreement = (await owner.request('GET', `${base}/agreement?coders=${ids}`)).json();
    expect(agreement).toMatchObject({ studies: 4, documents: 4 });
    // The corpus has the coders agree on some passages and differ on others.
    expect(agreement.overall.percentAgreement).toBeGreaterThan(0.5);
    expect(agreement.overall.percentAgreement).toBeLessThan(1);
  });
});
