import { expect, test, unique } from '../support/fixtures';

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
    await expect(page.getByText('1 study with “Study 0042” in the title')).toBeVisible();
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
    const studies = await ownerApi.json<Array<{ id: string; title: string }>>(
      'get',
      `/api/projects/${project.id}/studies`,
    );
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
