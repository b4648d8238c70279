import { ENDPOINTS } from '@kodbok/contracts';
import { expect, test } from '../support/fixtures';
import { arrangeStudy, documentText } from '../support/workspace';
import { arrangeDoubleCoding } from '../support/agreement';

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
    await ownerApi.call(ENDPOINTS.createHighlight, {
      params: { documentId: s.documentId },
      body: {
        start: 31,
        end: 37,
        quote: 'stigma',
        codeIds: [s.codes[0]!.id],
      },
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
    await ownerApi.call(ENDPOINTS.updateStudy, {
      params: { studyId: s.study.id },
      body: {
        attributes: { country: 'Norway' },
      },
    });
    await ownerApi.call(ENDPOINTS.createHighlight, {
      params: { documentId: s.documentId },
      body: {
        start: 31,
        end: 37,
        quote: 'stigma',
        codeIds: [s.codes[0]!.id, s.codes[1]!.id],
      },
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

test.describe('accessibility of coding consistency: whose coding, settings, progress', () => {
  test('the workspace with two coders marked and the coder popover open, settings, progress, my queue', async ({
    ownerPage: page,
    ownerApi,
    signInAs,
    checkA11y,
    baseURL,
  }) => {
    const s = await arrangeStudy(
      ownerApi,
      'Peer support workers described stigma and unclear roles.',
      ['Stigma', 'Role clarity'],
    );
    const coder = await ownerApi.createUser('Cora Coder');
    await ownerApi.addMember(s.project.id, coder.email, 'coder');
    const coderPage = await signInAs(coder);
    const coded = await coderPage.request.post(`/api/documents/${s.documentId}/highlights`, {
      data: { start: 42, end: 55, quote: 'unclear roles', codeIds: [s.codes[1]!.id] },
      headers: { origin: baseURL! },
    });
    expect(coded.status()).toBe(201);
    await ownerApi.call(ENDPOINTS.createHighlight, {
      params: { documentId: s.documentId },
      body: {
        start: 31,
        end: 37,
        quote: 'stigma',
        codeIds: [s.codes[0]!.id],
      },
    });
    await ownerApi.call(ENDPOINTS.updateProject, {
      params: { projectId: s.project.id },
      body: { independentCoding: true },
    });
    const users = await ownerApi.call(ENDPOINTS.listMembers, {
      params: { projectId: s.project.id },
    });
    await ownerApi.call(ENDPOINTS.createAssignments, {
      params: { projectId: s.project.id },
      body: {
        studyIds: [s.study.id],
        userIds: users.map((u) => u.userId),
      },
    });

    await page.goto(s.url);
    await expect(page.getByRole('list', { name: 'Coders shown and their marks' })).toBeVisible();
    await expect(page.locator('.doc-text .hl')).toHaveCount(2);
    await checkA11y(page);
    await page.getByRole('button', { name: /^Coding shown/ }).click();
    await expect(page.getByRole('group', { name: 'Show the coding of' })).toBeVisible();
    await checkA11y(page);

    await page.goto(`/projects/${s.project.id}/settings`);
    await expect(page.getByRole('switch')).toHaveAttribute('aria-checked', 'true');
    await checkA11y(page);

    await page.goto(`/projects/${s.project.id}/progress`);
    await expect(page.getByRole('table', { name: 'Progress per study' })).toContainText(
      'Cora Coder',
    );
    await checkA11y(page);

    await coderPage.goto(`/projects/${s.project.id}/progress`);
    await expect(coderPage.getByRole('table', { name: 'My queue' })).toBeVisible();
    await checkA11y(coderPage);
    await coderPage.goto(s.url);
    await expect(coderPage.getByRole('button', { name: 'Mark study done' })).toBeVisible();
    await checkA11y(coderPage);
  });
});

test.describe('accessibility of coding agreement', () => {
  test('statistics, the agreement grid, and the disagreement review after a resolution', async ({
    ownerPage: page,
    ownerApi,
    baseURL,
    checkA11y,
  }) => {
    const s = await arrangeDoubleCoding(ownerApi, baseURL!);
    await page.goto(`/projects/${s.project.id}/agreement?level=segment`);
    await expect(page.getByRole('rowheader', { name: 'Supervision' })).toBeVisible();
    await checkA11y(page);
    await page.goto(`/projects/${s.project.id}/agreement?view=grid`);
    const cell = page.getByRole('link', { name: /^Supervision in Grim 2022/ });
    await expect(cell).toBeVisible();
    await checkA11y(page);
    // Arrow keys move between the grid's links.
    await cell.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('link', { name: /^Stigma in Grim 2022/ })).toBeFocused();
    await cell.click();
    await page.getByRole('button', { name: 'Accept Astrid Lind' }).click();
    await expect(page.getByText(/^Resolved by Olivia Owner/)).toBeVisible();
    await checkA11y(page);
    await s.dispose();
  });
});
