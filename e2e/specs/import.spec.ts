import { ENDPOINTS } from '@kodbok/contracts';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test, unique } from '../support/fixtures';
import { documentText, picker, selectByMouse } from '../support/workspace';

const RIS = readFileSync(
  new URL('../../apps/api/src/demo/peer-support.ris', import.meta.url),
  'utf8',
);

/** Drops a file on the drop zone the way a browser does: a drop event carrying a DataTransfer. */
async function dropFile(page: Page, name: string, content: string, target?: Locator) {
  const transfer = await page.evaluateHandle(
    ([n, c]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([c], n, { type: 'application/x-research-info-systems' }));
      return dt;
    },
    [name, content] as const,
  );
  const zone = target ?? page.getByTestId('drop-zone');
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

test.describe('importing studies', () => {
  test('drop a RIS file, review the preview, import, and code a new abstract', async ({
    ownerPage: page,
    ownerApi,
    checkA11y,
  }, testInfo) => {
    const project = await ownerApi.createProject(unique('Import'));
    await ownerApi.createCode(project.id, 'Leadership');
    await page.goto(`/projects/${project.id}`);
    await expect(page.getByText(/No studies yet/)).toBeVisible();

    await page.getByRole('button', { name: 'Import studies' }).click();
    await dropFile(page, 'peer-support.ris', RIS);
    const summary = page.getByRole('list', { name: 'Import summary' });
    await expect(summary).toContainText('4 records read as RIS from 1 file');
    await expect(summary).toContainText('4 new studies will be created');
    const records = page.getByRole('region', { name: 'Records' });
    await expect(records.getByRole('row')).toHaveCount(5);
    await expect(records).toContainText('Managers as peer workers');
    await checkA11y(page);
    await page.screenshot({ path: testInfo.outputPath('import-preview.png'), fullPage: true });
    // Nothing is stored by the preview.
    expect(
      (await ownerApi.call(ENDPOINTS.listStudies, { params: { projectId: project.id } })).length,
    ).toBe(0);

    await page.getByRole('button', { name: 'Import 4 studies' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toHaveText(
      'Imported: 4 created, 0 updated, 0 skipped.',
    );
    await page.getByRole('button', { name: 'Close' }).click();
    const table = page.getByRole('table', { name: 'Studies' });
    await expect(table.getByRole('row')).toHaveCount(5);

    await table.getByRole('link', { name: /^Managing Peer Support Workers/ }).click();
    const text = documentText(page);
    await expect(text).toContainText('Even though it has been demonstrated');
    const abstract = (await text.textContent())!;
    const quote = 'managers were predominantly positive';
    const start = abstract.indexOf(quote);
    await selectByMouse(page, start, start + quote.length);
    await picker(page).input.fill('Lead');
    await picker(page).input.press('Enter');
    await expect(page.locator('.hl')).toHaveText([quote]);
  });

  test('files dropped anywhere on the studies page open the import with their preview', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const project = await ownerApi.createProject(unique('PageDrop'));
    // The project (and so the user's role) arrives late, as on a slow connection: a file
    // dropped before it waits for it instead of being lost or opened by the browser.
    await page.route(`**/api/projects/${project.id}`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.goto(`/projects/${project.id}`);
    // On the studies page itself, not the placeholder shown while the session loads (which is
    // a <main> too: a drop there, in the first tenth of a second, made this test flaky).
    await dropFile(page, 'peer-support.ris', RIS, page.locator('main:not([aria-busy])'));
    await expect(page.getByRole('list', { name: 'Import summary' })).toContainText(
      '4 new studies will be created',
    );
    expect(new URL(page.url()).pathname).toBe(`/projects/${project.id}`);
  });

  test('a file dropped while the session is still loading is previewed once the page is up', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const project = await ownerApi.createProject(unique('EarlyDrop'));
    // The session answers only after the drop, as on a slow connection: meanwhile the shell
    // shows its placeholder, and the file lands there.
    let answerSession!: () => void;
    const dropped = new Promise<void>((resolve) => (answerSession = resolve));
    await page.route('**/api/session', async (route) => {
      await dropped;
      await route.continue();
    });
    await page.goto(`/projects/${project.id}`);
    await dropFile(page, 'peer-support.ris', RIS, page.locator('main[aria-busy="true"]'));
    answerSession();
    await expect(page.getByRole('list', { name: 'Import summary' })).toContainText(
      '4 new studies will be created',
    );
    expect(new URL(page.url()).pathname).toBe(`/projects/${project.id}`);
  });

  test('importing the same file again skips the duplicates', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const project = await ownerApi.createProject(unique('Again'));
    await page.goto(`/projects/${project.id}`);
    await page.getByRole('button', { name: 'Import studies' }).click();
    await dropFile(page, 'peer-support.ris', RIS);
    await page.getByRole('button', { name: 'Import 4 studies' }).click();
    await page.getByRole('button', { name: 'Import more' }).click();

    await page.getByLabel('choose files').setInputFiles({
      name: 'again.ris',
      mimeType: 'text/plain',
      buffer: Buffer.from(RIS),
    });
    const summary = page.getByRole('list', { name: 'Import summary' });
    await expect(summary).toContainText('0 new studies will be created');
    await expect(summary).toContainText('4 duplicates');
    await expect(page.getByRole('radio', { name: /Skip them/ })).toBeChecked();
    await expect(page.getByRole('button', { name: 'Import 0 studies' })).toBeDisabled();
    await page.getByRole('radio', { name: /Update the existing studies/ }).check();
    await page.getByRole('button', { name: 'Import 0 studies and update 4' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toHaveText(
      'Imported: 0 created, 4 updated, 0 skipped.',
    );
  });

  test('a malformed file is refused with its line, and a CSV is mapped before import', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const project = await ownerApi.createProject(unique('Csv'));
    await page.goto(`/projects/${project.id}`);
    await page.getByRole('button', { name: 'Import studies' }).click();
    await dropFile(page, 'cut.ris', 'TY  - JOUR\nTI  - Cut short\n');
    await expect(page.getByRole('alert')).toContainText(
      'RIS file cut.ris, line 1: no complete record: a RIS record starts with "TY  - " and ends with "ER  -", and the record that starts here has no "ER  -" line',
    );

    const csv = 'Name;Summary;Land\nÅkerblom study;Managers in Tromsø;Norway\nWall study;;Sweden\n';
    await dropFile(page, 'studies.csv', csv);
    await expect(page.getByText('no column is mapped to the title')).toBeVisible();
    await page.getByLabel('Title', { exact: true }).selectOption('Name');
    await page.getByLabel('Abstract / text').selectOption('Summary');
    await page.getByRole('button', { name: 'Apply mapping' }).click();
    await expect(page.getByRole('list', { name: 'Import summary' })).toContainText(
      '1 without text: nothing to code yet',
    );
    await page.getByRole('button', { name: 'Import 2 studies' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toContainText(
      '2 created',
    );
    const studies = await ownerApi.call(ENDPOINTS.listStudies, {
      params: { projectId: project.id },
    });
    // In Kodbok's one order for text: Å beside A, before W.
    expect(studies.map((s) => [s.title, s.attributes])).toEqual([
      ['Åkerblom study', { Land: 'Norway' }],
      ['Wall study', { Land: 'Sweden' }],
    ]);
  });

  test('a Scopus CSV gets its comma-separated authors guessed, and the separator can be changed', async ({
    ownerPage: page,
    ownerApi,
    checkA11y,
  }, testInfo) => {
    const project = await ownerApi.createProject(unique('Scopus'));
    await page.goto(`/projects/${project.id}`);
    await page.getByRole('button', { name: 'Import studies' }).click();
    const csv =
      'Authors,Title,Year,Source title,Abstract\n' +
      '"Aguiar L., Gagnepain P.",Absorptive capacity,2022,Int J Ind Organ,[No abstract available]\n' +
      '[No author name available],Knowledge transfer,2001,Acad Manage J,Units learn.\n';
    await dropFile(page, 'scopus.csv', csv);
    const separator = page.getByLabel('Authors separated by');
    await expect(separator).toHaveValue(',');
    const records = page.getByRole('region', { name: 'Records' });
    await expect(records).toContainText('Aguiar & Gagnepain');
    await checkA11y(page);
    await page.screenshot({ path: testInfo.outputPath('csv-mapping.png'), fullPage: true });

    await separator.selectOption(';');
    await page.getByRole('button', { name: 'Apply mapping' }).click();
    await expect(records).not.toContainText('Aguiar & Gagnepain');
    await page.getByLabel('Authors separated by').selectOption(',');
    await page.getByRole('button', { name: 'Apply mapping' }).click();
    await expect(records).toContainText('Aguiar & Gagnepain');
    await page.getByRole('button', { name: 'Import 2 studies' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toContainText(
      '2 created',
    );
    const studies = await ownerApi.call(ENDPOINTS.listStudies, {
      params: { projectId: project.id },
    });
    expect(studies.map((s) => [s.title, s.authors])).toEqual([
      ['Absorptive capacity', ['Aguiar, L.', 'Gagnepain, P.']],
      ['Knowledge transfer', []],
    ]);
  });

  test('pasted BibTeX is previewed and imported with its accents as real characters', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const project = await ownerApi.createProject(unique('Paste'));
    await page.goto(`/projects/${project.id}`);
    await page.getByRole('button', { name: 'Import studies' }).click();
    await page.getByText('Or paste references').click();
    await page
      .getByLabel('References (RIS, BibTeX, PubMed or CSV)')
      .fill(
        '@article{sj2022, author = {Stjernsw{\\"a}rd, Sigrid and {\\AA}kerblom, Kristina}, title = {Peer support in Troms{\\o}}, year = 2022}',
      );
    await page.getByRole('button', { name: 'Preview pasted references' }).click();
    await expect(page.getByRole('list', { name: 'Import summary' })).toContainText(
      '1 record read as BibTeX',
    );
    await expect(page.getByRole('region', { name: 'Records' })).toContainText(
      'Peer support in Tromsø',
    );
    await page.getByRole('button', { name: 'Import 1 study' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toContainText(
      '1 created',
    );
    const [study] = await ownerApi.call(ENDPOINTS.listStudies, {
      params: { projectId: project.id },
    });
    expect(study!.authors).toEqual(['Stjernswärd, Sigrid', 'Åkerblom, Kristina']);
  });

  test('a large file shows its upload progress, then the preview', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const project = await ownerApi.createProject(unique('Large'));
    await page.goto(`/projects/${project.id}`);
    await page.getByRole('button', { name: 'Import studies' }).click();
    // A slow uplink, so the upload lasts long enough to be seen.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 1024 * 1024,
    });
    const copies = Array.from({ length: 400 }, (_, i) =>
      RIS.replace(/^TI {2}- /gm, `TI  - Copy ${i}: `).replace(/^DO {2}- .*$/gm, ''),
    );
    await page.getByLabel('choose files').setInputFiles({
      name: 'large.ris',
      mimeType: 'text/plain',
      buffer: Buffer.from(copies.join('\n')),
    });
    const progress = page.getByRole('progressbar', { name: /Uploading… .* of .* MB/ });
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('max', /\d+/);
    await expect(page.getByRole('list', { name: 'Import summary' })).toContainText(
      '1600 new studies will be created',
      { timeout: 20_000 },
    );
    await expect(page.getByRole('region', { name: 'Records' })).toContainText('…and 1500 more.');
  });

  test('a coder sees the studies but no import, and the server refuses one too', async ({
    ownerApi,
    signInAs,
  }) => {
    const project = await ownerApi.createProject(unique('Coder'));
    await ownerApi.createStudy(project.id, 'Grim 2022', 'An abstract.');
    const coder = await ownerApi.createUser('Cora Coder');
    await ownerApi.addMember(project.id, coder.email, 'coder');
    const page = await signInAs(coder);
    await page.goto(`/projects/${project.id}`);
    await expect(page.getByRole('link', { name: 'Grim 2022' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Import studies' })).toHaveCount(0);
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    const res = await page.request.post(`/api/projects/${project.id}/imports?mode=commit`, {
      multipart: { file: { name: 'a.ris', mimeType: 'text/plain', buffer: Buffer.from(RIS) } },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(res.status()).toBe(403);
    expect((await res.json()).message).toMatch(/Only owners and supervisors add/);
  });
});
