import { expect, test } from '../support/fixtures';
import { arrangeStudy, documentText } from '../support/workspace';

test.describe('accessibility (axe: no serious or critical violations)', () => {
  test('projects, studies and the coding workspace', async ({
    ownerPage: page,
    ownerApi,
    checkA11y,
  }) => {
    const s = await arrangeStudy(
      ownerApi,
      'Peer support workers described stigma and unclear roles.',
      ['Stigma', 'Role clarity'],
    );
    await ownerApi.json('post', `/api/documents/${s.documentId}/highlights`, {
      start: 31,
      end: 37,
      quote: 'stigma',
      codeIds: [s.codes[0]!.id],
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
    await checkA11y(page);
    await page.goto(`/projects/${s.project.id}`);
    await expect(page.getByLabel('Search studies')).toBeVisible();
    await checkA11y(page);
    await page.goto(s.url);
    await expect(documentText(page)).toContainText('stigma');
    await expect(page.locator('.hl')).toHaveCount(1);
    await checkA11y(page);
  });
});
