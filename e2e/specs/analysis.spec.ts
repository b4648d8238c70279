import { ENDPOINTS } from '@kodbok/contracts';
import type { Code } from '@kodbok/contracts';
import { expect, test, unique, type Api } from '../support/fixtures';
import { documentText, picker, selectByMouse } from '../support/workspace';
import type { Page } from '@playwright/test';

const TEXT =
  'Åkerblom noted that peer workers in Tromsø felt stigma from staff, and that supervision was rare.';
const at = (quote: string) => ({
  start: TEXT.indexOf(quote),
  end: TEXT.indexOf(quote) + quote.length,
});

/** A project with one cited study (Grim 2022, Sweden) and a theme with two codes. */
async function arrange(api: Api) {
  const project = await api.createProject(unique('Analysis'));
  const study = await api.call(ENDPOINTS.createStudy, {
    params: { projectId: project.id },
    body: {
      title: unique('Managing peer support'),
      text: TEXT,
      authors: ['Grim, Katarina'],
      year: 2022,
      attributes: { country: 'Sweden' },
    },
  });
  const theme = await api.createCode(project.id, 'Organisational culture');
  const stigma = await api.createCode(project.id, 'Stigma', theme.id);
  const supervision = await api.createCode(project.id, 'Supervision', theme.id);
  return { project, study, codes: { theme, stigma, supervision } as Record<string, Code> };
}

const analysisUrl = (projectId: string, view: string) => `/projects/${projectId}/analysis/${view}`;
const frequencyRow = (page: Page, code: string) =>
  page.locator('tr', { has: page.getByRole('rowheader', { name: code, exact: true }) });

test.describe('analysis across studies', () => {
  test('coding a passage updates frequencies, the matrix cell and the excerpts; an excerpt leads back to it', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const { project, study } = await arrange(ownerApi);
    await page.goto(analysisUrl(project.id, 'frequencies'));
    await expect(frequencyRow(page, 'Stigma').getByRole('cell')).toHaveText(['0', '0', '0', '0%']);

    await page.goto(`/projects/${project.id}/studies/${study.id}`);
    await expect(documentText(page)).toContainText('felt stigma');
    const span = at('felt stigma from staff');
    await selectByMouse(page, span.start, span.end);
    await picker(page).input.fill('Stigma');
    await picker(page).input.press('Enter');
    await expect(page.locator('.hl')).toHaveCount(1);

    await page.goto(analysisUrl(project.id, 'frequencies'));
    await expect(frequencyRow(page, 'Stigma').getByRole('cell')).toHaveText([
      '1',
      '1',
      '1',
      '100%',
    ]);
    await expect(frequencyRow(page, 'Organisational culture').getByRole('cell')).toHaveText([
      '1',
      '1',
      '1',
      '100%',
    ]);

    await page.getByRole('link', { name: 'Theme × study matrix' }).click();
    const cell = page.getByRole('button', { name: 'Stigma in Grim 2022: 1 highlight' });
    await expect(cell).toHaveText('1');
    await cell.click();
    const drawer = page.getByRole('dialog', { name: 'Stigma in Grim 2022' });
    await expect(drawer.locator('.excerpt-quote')).toHaveText('felt stigma from staff');

    await drawer.getByRole('link', { name: 'Grim 2022' }).click();
    await expect(page).toHaveURL(new RegExp(`/studies/${study.id}\\?document=.+&highlight=`));
    const details = page.getByRole('region', { name: 'Selected highlight' });
    await expect(details).toContainText('felt stigma from staff');
  });

  test('excerpts are searchable across quotes and documents, with the match marked', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const { project, study, codes } = await arrange(ownerApi);
    const span = at('supervision was rare');
    await ownerApi.call(ENDPOINTS.createHighlight, {
      params: { documentId: study.documents[0]!.id },
      body: {
        ...span,
        quote: 'supervision was rare',
        codeIds: [codes.supervision!.id],
        memo: 'Rarely offered',
      },
    });
    await page.goto(analysisUrl(project.id, 'excerpts'));
    await expect(page.locator('.excerpt-quote')).toHaveText('supervision was rare');
    await page.getByLabel('Search excerpts and documents').fill('SUPERV');
    await page.getByRole('button', { name: 'Search' }).click();
    const excerpts = page.getByRole('region', { name: 'Excerpts' });
    await expect(excerpts.locator('mark')).toHaveText('superv');
    const documents = page.getByRole('region', { name: 'In documents' });
    await expect(documents.locator('mark')).toHaveText('superv');
    await page.getByLabel('Search excerpts and documents').fill('tromsø STIGMA');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(excerpts).toContainText('No excerpt contains');
    await expect(documents.locator('mark')).toHaveText(['Tromsø', 'stigma']);
  });

  test('filters narrow every view and show as removable chips', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const { project, study, codes } = await arrange(ownerApi);
    await ownerApi.call(ENDPOINTS.createHighlight, {
      params: { documentId: study.documents[0]!.id },
      body: {
        ...at('felt stigma'),
        quote: 'felt stigma',
        codeIds: [codes.stigma!.id],
      },
    });
    await page.goto(analysisUrl(project.id, 'frequencies'));
    await page.getByLabel('Study attribute').selectOption('country');
    await page.getByLabel('Value').selectOption('Sweden');
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(
      'country = Sweden',
    );
    await expect(frequencyRow(page, 'Stigma').getByRole('cell')).toHaveText([
      '1',
      '1',
      '1',
      '100%',
    ]);
    await page.getByRole('link', { name: 'Cross-tab' }).click();
    await page.getByLabel('Compare groups of').selectOption('country');
    await expect(page.getByRole('columnheader', { name: /Sweden/ })).toBeVisible();
    await page.getByRole('button', { name: 'Remove filter country = Sweden' }).click();
    await expect(page.getByRole('list', { name: 'Active filters' })).toHaveCount(0);
  });
});
