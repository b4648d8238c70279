import { readFileSync } from 'node:fs';
import { OWNER } from '../support/accounts';
import { expect, test } from '../support/fixtures';

test.describe('backup of the instance', () => {
  test('the instance owner downloads a backup from the Users page', async ({ ownerPage: page }) => {
    await page.goto('/admin/users');
    const section = page.getByRole('region', { name: 'Backup' });
    await expect(section).toBeVisible();
    await expect(section.getByText('npm run restore')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('backup-section.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Download backup' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kodbok-backup-\d{8}T\d{6}Z\.sqlite$/);
    const bytes = readFileSync(await download.path());
    // A SQLite database file, holding (among everything else) the owner's account.
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from(OWNER.email))).toBe(true);
  });

  test('an account that is not the instance owner gets no backup', async ({
    ownerApi,
    signInAs,
  }) => {
    const coder = await ownerApi.createUser('Cora Coder');
    const page = await signInAs(coder);
    await page.goto('/admin/users');
    await expect(page.getByRole('alert')).toContainText('only the owner of this Kodbok instance');
    await expect(page.getByRole('link', { name: 'Download backup' })).toHaveCount(0);
    expect((await page.request.get('/api/admin/backup')).status()).toBe(403);
  });
});
