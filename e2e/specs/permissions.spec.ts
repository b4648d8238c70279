import { expect, test } from '../support/fixtures';
import { arrangeStudy, documentText, selectByMouse } from '../support/workspace';

const TEXT = 'Peer workers were seen as outsiders by some of the staff.';

test.describe('who may see and do what', () => {
  test('a viewer reads the study but cannot code it', async ({ ownerApi, signInAs }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Power dynamics']);
    const viewer = await ownerApi.createUser('Vera Viewer');
    await ownerApi.addMember(s.project.id, viewer.email, 'viewer');
    const page = await signInAs(viewer);
    await page.goto(s.url);
    await expect(documentText(page)).toContainText('outsiders');
    await expect(page.getByText(/can read but not code/i)).toBeVisible();
    await selectByMouse(page, TEXT.indexOf('outsiders'), TEXT.indexOf('outsiders') + 9);
    await expect(page.getByLabel('Find or create a code')).toHaveCount(0);
    // The server refuses too, whatever the page shows.
    const res = await page.request.post(`/api/documents/${s.documentId}/highlights`, {
      data: { start: 26, end: 35, quote: 'outsiders', codeIds: [s.codes[0]!.id] },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(res.status()).toBe(403);
    expect((await ownerApi.highlights(s.documentId)).length).toBe(0);
  });

  test("a second user cannot see the first user's project", async ({ ownerApi, signInAs }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Power dynamics']);
    const other = await ownerApi.createUser('Otto Other');
    const page = await signInAs(other);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
    await expect(page.getByText(s.project.name)).toHaveCount(0);
    await page.goto(s.url);
    await expect(page.getByText(/not found/i).first()).toBeVisible();
    await expect(page.getByText('outsiders')).toHaveCount(0);
    expect((await page.request.get(`/api/documents/${s.documentId}`)).status()).toBe(404);
  });
});
