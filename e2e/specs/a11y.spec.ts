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

test.describe('accessibility of the analysis views', () => {
  test('frequencies, matrix with its excerpts drawer, cross-tab, co-occurrence, excerpts', async ({
    ownerPage: page,
    ownerApi,
    checkA11y,
  }) => {
    const s = await arrangeStudy(
      ownerApi,
      'Peer support workers described stigma and unclear roles.',
      ['Stigma', 'Role clarity'],
    );
    await ownerApi.json('patch', `/api/studies/${s.study.id}`, {
      attributes: { country: 'Norway' },
    });
    await ownerApi.json('post', `/api/documents/${s.documentId}/highlights`, {
      start: 31,
      end: 37,
      quote: 'stigma',
      codeIds: [s.codes[0]!.id, s.codes[1]!.id],
    });
    const base = `/projects/${s.project.id}/analysis`;
    await page.goto(`${base}/frequencies`);
    await expect(page.getByRole('rowheader', { name: 'Stigma' })).toBeVisible();
    await checkA11y(page);
    await page.goto(`${base}/matrix?groupBy=country`);
    await page.getByRole('button', { name: /^Stigma in / }).click();
    await expect(page.getByRole('dialog').locator('.excerpt-quote')).toHaveText('stigma');
    await checkA11y(page);
    await page.goto(`${base}/crosstab?attribute=country`);
    await expect(page.getByRole('columnheader', { name: /Norway/ })).toBeVisible();
    await checkA11y(page);
    await page.goto(`${base}/cooccurrence`);
    const pair = page.getByRole('button', { name: 'Stigma with Role clarity: 1' });
    await expect(pair).toBeVisible();
    await checkA11y(page);
    // Arrow keys move between cells, so the heatmap needs no Tab per cell.
    await pair.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('button', { name: 'Stigma: 1', exact: true })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('button', { name: 'Role clarity with Stigma: 1' })).toBeFocused();
    await page.goto(`${base}/excerpts?q=stigma`);
    await expect(page.locator('mark').first()).toHaveText('stigma');
    await checkA11y(page);
  });
});
