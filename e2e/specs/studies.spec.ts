import { ENDPOINTS } from '@kodbok/contracts';
import type { Page } from '@playwright/test';
import { expect, test, unique, type Api } from '../support/fixtures';

/** `count` minimal RIS records titled "Study 0001 …" so their order by title is their number. */
function risOf(count: number): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `TY  - JOUR\nTI  - Study ${String(i + 1).padStart(4, '0')} of peer support\nAU  - Author${i}, A.\nPY  - ${2000 + (i % 25)}\nER  - \n`,
  ).join('\n');
}

test.describe('the studies list', () => {
  test('a review of 1,200 studies renders a window of rows, scrolls to the last, and searches', async ({
    ownerPage: page,
    ownerApi,
    checkA11y,
  }) => {
    const project = await ownerApi.createProject(unique('Many'));
    const res = await ownerApi.ctx.post(`/api/projects/${project.id}/imports?mode=commit`, {
      multipart: {
        file: { name: 'many.ris', mimeType: 'text/plain', buffer: Buffer.from(risOf(1200)) },
      },
    });
    expect(res.status()).toBe(201);

    await page.goto(`/projects/${project.id}`);
    const table = page.getByRole('table', { name: 'Studies' });
    await expect(table.getByRole('link', { name: /^Study 0001 / })).toBeVisible();
    await expect(page.getByText('1,200 studies')).toBeVisible();
    // Only the rows in view (and a few either side) are in the page, not 1,200.
    expect(await table.getByRole('row').count()).toBeLessThan(80);
    await checkA11y(page);

    await page.locator('.table-scroll').evaluate((box) => box.scrollTo(0, box.scrollHeight));
    await expect(table.getByRole('link', { name: /^Study 1200 / })).toBeVisible();
    await expect(table.getByRole('row').last()).toHaveAttribute('aria-rowindex', '1201');

    // Sorting by a column: the newest first, then back to the top of the list.
    await table.getByRole('button', { name: /^Year/ }).click();
    await expect(table.getByRole('columnheader', { name: /^Year/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(table.getByRole('row').nth(1)).toContainText('2024');

    await page.getByRole('searchbox', { name: 'Search studies' }).fill('Study 0042');
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(page.getByText('1 study matching “Study 0042”')).toBeVisible();
  });

  test('the workspace study list shows the open study among 1,200 and filters them all', async ({
    ownerPage: page,
    ownerApi,
    checkA11y,
  }) => {
    const project = await ownerApi.createProject(unique('ManyWorkspace'));
    await ownerApi.ctx.post(`/api/projects/${project.id}/imports?mode=commit`, {
      multipart: {
        file: { name: 'many.ris', mimeType: 'text/plain', buffer: Buffer.from(risOf(1200)) },
      },
    });
    const studies = await ownerApi.call(ENDPOINTS.listStudies, {
      params: { projectId: project.id },
    });
    const open = studies.find((s) => s.title.startsWith('Study 0900 '))!;
    await page.goto(`/projects/${project.id}/studies/${open.id}`);
    const list = page.getByRole('navigation', { name: 'Studies' });
    await expect(list.locator('[aria-current="page"]')).toBeInViewport();
    expect(await list.getByRole('link').count()).toBeLessThan(80);
    await checkA11y(page);

    await page.getByRole('searchbox', { name: 'Filter studies' }).fill('Study 1200');
    await expect(list.getByRole('link')).toHaveCount(1);
    await list.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Study 1200');
  });
});

/** Screenshots of what a test shows, at the two window sizes the layout must serve. */
async function screenshots(page: Page, name: string) {
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}x${height}.png`) });
  }
}

/** Four studies; the first, "Peer suport", coded twice (by the owner) with two codes. */
async function arrangeStudies(api: Api) {
  const project = await api.createProject(unique('Correct'));
  const typo = await api.createStudy(project.id, 'Peer suport', 'Trust grew between peers.');
  for (const title of ['Recovery colleges', 'Stigma at work', 'Lived experience']) {
    await api.createStudy(project.id, title, `${title}: an abstract.`);
  }
  const code = await api.createCode(project.id, 'Trust');
  const documentId = typo.documents[0]!.id;
  for (const [start, end] of [
    [0, 5],
    [6, 10],
  ] as const) {
    const quote = 'Trust grew between peers.'.slice(start, end);
    await api.call(ENDPOINTS.createHighlight, {
      params: { documentId },
      body: {
        start,
        end,
        quote,
        codeIds: [code.id],
      },
    });
  }
  return { project, typo };
}

test.describe('correcting and removing studies', () => {
  test('an owner corrects a study’s title and authors, deletes one seeing its highlights, and deletes two at once', async ({
    ownerPage: page,
    ownerApi,
    checkA11y,
  }) => {
    const { project, typo } = await arrangeStudies(ownerApi);
    await page.goto(`/projects/${project.id}`);
    const table = page.getByRole('table', { name: 'Studies' });
    await expect(page.getByText('4 studies')).toBeVisible();

    // Edit: a problem is shown next to its field, with the focus on it.
    const edit = table.getByRole('button', { name: 'Edit “Peer suport”' });
    await edit.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit study' });
    await expect(dialog).toBeVisible();
    const title = dialog.getByRole('textbox', { name: 'Title' });
    await expect(title).toHaveValue('Peer suport');
    await title.fill(' ');
    await dialog.getByRole('textbox', { name: 'Year' }).fill('22');
    await dialog.getByRole('button', { name: 'Save study' }).click();
    await expect(title).toHaveAccessibleDescription('Give the study a title.');
    await expect(title).toBeFocused();
    await expect(dialog.getByRole('textbox', { name: 'Year' })).toHaveAccessibleDescription(
      /Four digits/,
    );
    await screenshots(page, 'edit-study-errors');
    await checkA11y(page);

    await title.fill('Peer support in Tromsø');
    await dialog
      .getByRole('textbox', { name: 'Authors, one per line, in order' })
      .fill('Øvreås, Ingrid\nWall, A.\n');
    await dialog.getByRole('textbox', { name: 'Year' }).fill('2023');
    await dialog.getByRole('textbox', { name: 'DOI' }).fill('https://doi.org/10.1080/0803.2023.1');
    await dialog.getByRole('button', { name: 'Add attribute' }).click();
    await dialog.getByRole('textbox', { name: 'Attribute 1 name' }).fill('country');
    await dialog.getByRole('textbox', { name: 'Attribute 1 value' }).fill('Norge');
    await screenshots(page, 'edit-study');
    await dialog.getByRole('button', { name: 'Save study' }).click();
    await expect(dialog).toBeHidden();
    const row = table.getByRole('row', { name: /Peer support in Tromsø/ });
    await expect(row).toContainText('Øvreås');
    await expect(row).toContainText('2023');
    const saved = await ownerApi.call(ENDPOINTS.getStudy, { params: { studyId: typo.id } });
    expect(saved).toMatchObject({
      authors: ['Øvreås, Ingrid', 'Wall, A.'],
      doi: '10.1080/0803.2023.1',
      attributes: { country: 'Norge' },
    });

    // The search finds it by an author (any case), by its year and by its DOI.
    const search = page.getByRole('searchbox', { name: 'Search studies' });
    for (const q of ['øvreås', 'wall 2023', '10.1080/0803']) {
      await search.fill(q);
      await expect(page.getByText(`1 study matching “${q}”`)).toBeVisible();
      await expect(row).toBeVisible();
    }
    await search.fill('');
    await expect(page.getByText('4 studies')).toBeVisible();

    // Delete one: the confirmation counts its highlights; Esc keeps it and gives the focus back.
    const remove = table.getByRole('button', { name: 'Delete “Peer support in Tromsø”' });
    await remove.click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Peer support in Tromsø”?' });
    await expect(confirm).toContainText(
      'With it go 1 document and 2 highlights (every coder’s). This cannot be undone.',
    );
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await screenshots(page, 'delete-study');
    await checkA11y(page);
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(remove).toBeFocused();
    await expect(page.getByText('4 studies')).toBeVisible();

    await page.keyboard.press('Enter');
    await confirm.getByRole('button', { name: 'Delete study' }).click();
    await expect(confirm).toBeHidden();
    // The focus is not lost with the row: it is on the count, which says the new total.
    await expect(page.getByText('3 studies')).toBeFocused();
    await expect(row).toHaveCount(0);

    // Delete two at once, chosen by their checkboxes.
    await table.getByRole('checkbox', { name: 'Select Recovery colleges' }).check();
    await table.getByRole('checkbox', { name: 'Select Stigma at work' }).check();
    await page.getByRole('button', { name: 'Delete the 2 selected…' }).click();
    const bulk = page.getByRole('dialog', { name: 'Delete 2 studies?' });
    await expect(bulk).toContainText('With them go 2 documents; no one has coded them.');
    await screenshots(page, 'delete-studies');
    await bulk.getByRole('button', { name: 'Delete 2 studies' }).click();
    await expect(bulk).toBeHidden();
    await expect(page.getByText('1 study', { exact: true })).toBeFocused();
    await expect(table.getByRole('link', { name: 'Lived experience' })).toBeVisible();
    await expect(page.getByRole('button', { name: /selected…$/ })).toHaveCount(0);
    const left = await ownerApi.call(ENDPOINTS.listStudies, { params: { projectId: project.id } });
    expect(left).toHaveLength(1);
  });

  test('a study corrected from the workspace changes its heading and its place in the list', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const { project, typo } = await arrangeStudies(ownerApi);
    await page.goto(`/projects/${project.id}/studies/${typo.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Peer suport');
    await page.getByText('Study attributes').click();
    await page.getByRole('button', { name: 'Edit title, authors and details…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit study' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Peer support');
    await dialog
      .getByRole('textbox', { name: 'Authors, one per line, in order' })
      .fill('Åkerblom, Karin');
    await dialog.getByRole('textbox', { name: 'Year' }).fill('2015');
    await dialog.getByRole('button', { name: 'Save study' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Peer support');
    const list = page.getByRole('navigation', { name: 'Studies' });
    await expect(list.locator('[aria-current="page"]')).toContainText('Åkerblom 2015');
  });

  test('a coder sees no edit or delete controls', async ({ ownerApi, signInAs }) => {
    const { project } = await arrangeStudies(ownerApi);
    const coder = await ownerApi.createUser('Coder');
    await ownerApi.addMember(project.id, coder.email, 'coder');
    const page = await signInAs(coder);
    await page.goto(`/projects/${project.id}`);
    const table = page.getByRole('table', { name: 'Studies' });
    await expect(table.getByRole('link', { name: 'Peer suport' })).toBeVisible();
    await expect(table.getByRole('button', { name: /^(Edit|Delete) / })).toHaveCount(0);
    await expect(table.getByRole('checkbox')).toHaveCount(0);
  });
});
