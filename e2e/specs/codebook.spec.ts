import { ENDPOINTS } from '@kodbok/contracts';
import { expect, test } from '../support/fixtures';
import { arrangeStudy } from '../support/workspace';

const TEXT = 'Managers noted stigma and a lack of supervision; funding was short-term.';

test.describe('the codebook', () => {
  test('create a code, move it under a theme, merge it, delete a code moving its highlights', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Organisation', 'Stigma', 'Supervision']);
    const [theme, stigma, supervision] = s.codes as [
      (typeof s.codes)[0],
      (typeof s.codes)[0],
      (typeof s.codes)[0],
    ];
    // Two existing highlights to see merge and delete-with-move carry them over.
    await ownerApi.call(ENDPOINTS.createHighlight, {
      params: { documentId: s.documentId },
      body: {
        start: 15,
        end: 21,
        quote: 'stigma',
        codeIds: [stigma.id],
      },
    });
    await ownerApi.call(ENDPOINTS.createHighlight, {
      params: { documentId: s.documentId },
      body: {
        start: TEXT.indexOf('supervision'),
        end: TEXT.indexOf('supervision') + 11,
        quote: 'supervision',
        codeIds: [supervision.id],
      },
    });
    await page.goto(s.url);
    const tree = page.getByRole('tree', { name: 'Codebook' });
    await expect(tree.getByRole('treeitem', { name: /Stigma/ })).toBeVisible();

    // Create
    await page.getByRole('button', { name: 'New code' }).click();
    await page.getByRole('dialog').getByLabel(/name/i).fill('Funding');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /create|save/i })
      .click();
    await expect(tree.getByRole('treeitem', { name: /Funding/ })).toBeVisible();

    // Move "Stigma" under "Organisation" with the keyboard-reachable menu
    await page.getByRole('button', { name: 'Actions for Stigma' }).click();
    await page.getByRole('menuitem', { name: 'Move to…' }).click();
    const moveDialog = page.getByRole('dialog');
    await moveDialog.getByRole('combobox').selectOption({ label: 'Organisation' });
    await moveDialog.getByRole('button', { name: /move/i }).click();
    await expect
      .poll(
        async () => (await ownerApi.codes(s.project.id)).find((c) => c.name === 'Stigma')?.parentId,
      )
      .toBe(theme.id);

    // Merge "Supervision" into "Stigma": its highlight now carries Stigma
    await page.getByRole('button', { name: 'Actions for Supervision' }).click();
    await page.getByRole('menuitem', { name: 'Merge into…' }).click();
    const mergeDialog = page.getByRole('dialog');
    await mergeDialog.getByRole('combobox').selectOption({ label: 'Stigma' });
    await mergeDialog.getByRole('button', { name: /merge/i }).click();
    await expect
      .poll(async () => (await ownerApi.codes(s.project.id)).map((c) => c.name).sort())
      .toEqual(['Funding', 'Organisation', 'Stigma']);
    await expect
      .poll(
        async () =>
          (await ownerApi.codes(s.project.id)).find((c) => c.name === 'Stigma')?.highlightCount,
      )
      .toBe(2);

    // Delete "Stigma", moving its highlights to "Funding"
    await page.getByRole('button', { name: 'Actions for Stigma' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const deleteDialog = page.getByRole('dialog');
    await deleteDialog.getByLabel(/move/i).first().check();
    await deleteDialog.getByRole('combobox').selectOption({ label: 'Funding' });
    await deleteDialog.getByRole('button', { name: /delete/i }).click();
    await expect
      .poll(async () => (await ownerApi.codes(s.project.id)).map((c) => c.name).sort())
      .toEqual(['Funding', 'Organisation']);
    const funding = (await ownerApi.codes(s.project.id)).find((c) => c.name === 'Funding')!;
    await expect
      .poll(async () => (await ownerApi.highlights(s.documentId)).map((h) => h.codeIds))
      .toEqual([[funding.id], [funding.id]]);
  });

  test('rename, merge and delete are each undone from their toast', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Organisation', 'Stigma', 'Supervision']);
    const [, stigma, supervision] = s.codes;
    await ownerApi.call(ENDPOINTS.createHighlight, {
      params: { documentId: s.documentId },
      body: {
        start: 15,
        end: 21,
        quote: 'stigma',
        codeIds: [stigma!.id],
      },
    });
    await page.goto(s.url);
    const tree = page.getByRole('tree', { name: 'Codebook' });
    await expect(tree.getByRole('treeitem', { name: /Stigma/ })).toBeVisible();
    const names = async () => (await ownerApi.codes(s.project.id)).map((c) => c.name).sort();
    const undoIn = (message: string | RegExp) =>
      page.locator('.toast', { hasText: message }).getByRole('button', { name: 'Undo' }).click();

    // Rename, then undo.
    await page.getByRole('button', { name: 'Actions for Stigma' }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Stigmatisering');
    await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
    await expect.poll(names).toContain('Stigmatisering');
    await undoIn('Renamed “Stigma” to “Stigmatisering”');
    await expect.poll(names).toEqual(['Organisation', 'Stigma', 'Supervision']);
    await expect(page.locator('.toast', { hasText: 'Undone: Renamed' })).toBeVisible();

    // Merge Supervision into Stigma, then undo: both codes and their codings are back.
    await page.getByRole('button', { name: 'Actions for Supervision' }).click();
    await page.getByRole('menuitem', { name: 'Merge into…' }).click();
    await page.getByRole('dialog').getByRole('combobox').selectOption({ label: 'Stigma' });
    await page.getByRole('dialog').getByRole('button', { name: /merge/i }).click();
    await expect.poll(names).toEqual(['Organisation', 'Stigma']);
    await undoIn(/Merged “Supervision” into “Stigma”/);
    await expect.poll(names).toEqual(['Organisation', 'Stigma', 'Supervision']);
    await expect(tree.getByRole('treeitem', { name: /Supervision/ })).toBeVisible();
    expect((await ownerApi.codes(s.project.id)).find((c) => c.id === supervision!.id)).toBeTruthy();

    // Delete Stigma with its highlight, then undo: the highlight comes back too.
    await page.getByRole('button', { name: 'Actions for Stigma' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const deleteDialog = page.getByRole('dialog');
    await deleteDialog
      .getByLabel(/delete/i)
      .first()
      .check();
    await deleteDialog.getByRole('button', { name: /delete/i }).click();
    await expect.poll(async () => (await ownerApi.highlights(s.documentId)).length).toBe(0);
    await undoIn('Deleted “Stigma”');
    await expect
      .poll(async () => (await ownerApi.highlights(s.documentId)).map((h) => h.codeIds))
      .toEqual([[stigma!.id]]);
    await expect(page.locator('.doc-text .hl', { hasText: 'stigma' })).toBeVisible();
  });

  test('the Codebook page shows each code with its definition, use and examples, linked to the text', async ({
    ownerPage: page,
    ownerApi,
    checkA11y,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Organisation']);
    const stigma = await ownerApi.createCode(s.project.id, 'Stigma', s.codes[0]!.id);
    await ownerApi.call(ENDPOINTS.updateCode, {
      params: { codeId: stigma.id },
      body: {
        description: 'Negative attitudes towards peer workers’ lived experience.',
        keywords: ['stigma', 'stigmatisering'],
      },
    });
    const h = await ownerApi.call(ENDPOINTS.createHighlight, {
      params: { documentId: s.documentId },
      body: {
        start: 15,
        end: 21,
        quote: 'stigma',
        codeIds: [stigma.id],
      },
    });
    await page.goto(`/projects/${s.project.id}`);
    await page.getByRole('link', { name: 'Codebook' }).click();
    await expect(page.getByRole('heading', { name: 'Codebook', level: 1 })).toBeVisible();
    const entry = page.getByRole('region', { name: 'Stigma' });
    await expect(entry.getByRole('heading', { level: 3 })).toHaveText('Stigma');
    await expect(entry).toContainText('Negative attitudes towards peer workers’ lived experience.');
    await expect(entry).toContainText('Keywords: stigma, stigmatisering');
    await expect(entry).toContainText('1 highlight in 1 of 1 study');
    await expect(page.getByRole('region', { name: 'Organisation' })).toContainText(
      'No definition yet.',
    );
    await checkA11y(page);
    await entry.getByRole('link', { name: s.study.title }).click();
    await expect(page).toHaveURL(new RegExp(`highlight=${h.id}`));
    await expect(page.getByRole('region', { name: 'Selected highlight' })).toContainText('stigma');
  });

  test('a duplicate name among siblings is refused with a clear message', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Stigma']);
    await page.goto(s.url);
    await page.getByRole('button', { name: 'New code' }).click();
    await page.getByRole('dialog').getByLabel(/name/i).fill('stigma');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /create|save/i })
      .click();
    await expect(page.getByText(/already exists/)).toBeVisible();
    expect((await ownerApi.codes(s.project.id)).length).toBe(1);
  });
});
