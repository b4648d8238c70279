import { ENDPOINTS } from '@kodbok/contracts';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Code } from '@kodbok/contracts';
import type { Download, Page } from '@playwright/test';
import { expect, test, unique, type Api } from '../support/fixtures';

const TEXT =
  'Åkerblom noted that peer workers in Tromsø felt stigma 😀 from staff, and that supervision was rare.';
const span = (quote: string) => ({
  start: TEXT.indexOf(quote),
  end: TEXT.indexOf(quote) + quote.length,
  quote,
});

/** A project with one cited study (Grim 2022) and a theme with two codes, each coded once. */
async function arrange(api: Api) {
  const project = await api.createProject(unique('Export'));
  const study = await api.call(ENDPOINTS.createStudy, {
    params: { projectId: project.id },
    body: {
      title: 'Managing peer support',
      text: TEXT,
      authors: ['Grim, Katarina'],
      year: 2022,
    },
  });
  const theme = await api.createCode(project.id, 'Organisational culture');
  const stigma = await api.createCode(project.id, 'Stigma', theme.id);
  const supervision = await api.createCode(project.id, 'Supervision', theme.id);
  const other = await api.createCode(project.id, 'Other theme');
  const documentId = study.documents[0]!.id;
  const code = (quote: string, codes: Code[], memo?: string) =>
    api.call(ENDPOINTS.createHighlight, {
      params: { documentId },
      body: {
        ...span(quote),
        codeIds: codes.map((c) => c.id),
        memo,
      },
    });
  await code('felt stigma 😀 from staff', [stigma], 'Tromsø: återhämtning');
  await code('supervision was rare', [supervision]);
  await code('Åkerblom noted', [other]);
  return { project, theme };
}

/** Opens the Export panel from the Analysis page (with `query` as its filters). */
async function openPanel(page: Page, projectId: string, query = '') {
  await page.goto(`/projects/${projectId}/analysis/frequencies${query}`);
  await page.getByRole('button', { name: 'Export…' }).click();
  const panel = page.getByRole('dialog', { name: 'Export' });
  await expect(panel).toBeVisible();
  return panel;
}

async function downloadFrom(page: Page, panel: ReturnType<Page['getByRole']>): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('link', { name: 'Download' }).click(),
  ]);
  return download;
}

test.describe('exports', () => {
  test('downloads the coded excerpts of a theme as an Excel workbook, then as CSV', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const { project, theme } = await arrange(ownerApi);
    const panel = await openPanel(page, project.id, `?code=${theme.id}`);
    await expect(panel.getByRole('list', { name: 'Filters in force' })).toHaveText(
      'Code: Organisational culture and its codes',
    );
    await expect(panel.getByText('2 excerpts in this selection.')).toBeVisible();
    await expect(panel.getByRole('radio', { name: /Coded excerpts/ })).toBeChecked();
    await expect(panel.getByRole('radio', { name: 'Excel workbook (.xlsx)' })).toBeChecked();

    const xlsx = await downloadFrom(page, panel);
    expect(xlsx.suggestedFilename()).toMatch(/^Export-.+ excerpts-\d{4}-\d\d-\d\d\.xlsx$/);
    await expect(panel.getByRole('status')).toHaveText('Your download has started.');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path())!);
    const sheet = book.getWorksheet('Excerpts')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual([
      'study',
      'authors',
      'year',
      'title',
      'doi',
      'document',
      'code',
      'coder',
      'excerpt',
      'start',
      'end',
      'memo',
      'created',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[6], r[8], r[9], r[11]])).toEqual([
      [
        'Grim 2022',
        'Organisational culture › Stigma',
        'felt stigma 😀 from staff',
        span('felt stigma').start,
        'Tromsø: återhämtning',
      ],
      [
        'Grim 2022',
        'Organisational culture › Supervision',
        'supervision was rare',
        span('supervision').start,
        undefined,
      ],
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    await panel.getByRole('radio', { name: 'CSV (.csv)' }).check();
    const csv = await downloadFrom(page, panel);
    expect(csv.suggestedFilename()).toMatch(/ excerpts-\d{4}-\d\d-\d\d\.csv$/);
    const text = await readFile((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFFstudy,authors,year,title,doi,document,code,coder')).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Organisational culture › Stigma');
    expect(lines[1]).toContain('felt stigma 😀 from staff');
  });

  test('the panel is keyboard-usable, closes with Escape and opens from the Studies page', async ({
    ownerPage: page,
    ownerApi,
    checkA11y,
  }) => {
    const { project } = await arrange(ownerApi);
    const panel = await openPanel(page, project.id);
    await expect(
      panel.getByText('None: all coders’ coding of every study you can see.'),
    ).toBeVisible();
    await checkA11y(page);
    await panel.getByRole('radio', { name: /Synthesis table/ }).check();
    await expect(panel.getByRole('radio', { name: 'Excel workbook (.xlsx)' })).toBeChecked();
    await expect(
      panel.getByRole('checkbox', { name: 'Ticks (✓) instead of counts' }),
    ).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(page.getByRole('button', { name: 'Export…' })).toBeFocused();

    await page.goto(`/projects/${project.id}`);
    await page.getByRole('button', { name: 'Export…' }).click();
    const fromStudies = page.getByRole('dialog', { name: 'Export' });
    await fromStudies.getByRole('radio', { name: /Codebook/ }).check();
    await fromStudies.getByRole('radio', { name: 'CSV (.csv)' }).check();
    const codebook = await downloadFrom(page, fromStudies);
    const text = await readFile((await codebook.path())!, 'utf8');
    expect(text).toContain('Organisational culture › Stigma');
  });
});
