import { expect, test } from '../support/fixtures';
import { freshServerPort, startFreshServer } from '../support/server';

test.describe('first run and signing in', () => {
  test('the first visit creates the owner, who finds the demo project and can sign out and in again', async ({
    page,
  }) => {
    // Booting a server of its own (migrations, demo seed) and three Argon2 hashes take a while
    // on a busy 2-core machine: more time than the suite's default 30 s.
    test.setTimeout(90_000);
    const server = await startFreshServer(freshServerPort(test.info().parallelIndex));
    try {
      await page.goto(server.url);
      await expect(page).toHaveURL(/\/setup$/);
      await page.getByLabel('Email').fill('first@example.org');
      await page.getByLabel('Name', { exact: true }).fill('Frida First');
      await page.getByLabel('Password', { exact: true }).fill('short');
      await page.getByLabel('Confirm password').fill('short');
      await page.getByRole('button', { name: 'Create owner account' }).click();
      await expect(page.getByRole('alert')).toContainText(/12/);

      await page.getByLabel('Password', { exact: true }).fill('frida first password');
      await page.getByLabel('Confirm password').fill('frida first password');
      await page.getByRole('button', { name: 'Create owner account' }).click();
      await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
      await expect(
        page.getByRole('link', { name: /Peer support workers in mental health services/ }),
      ).toBeVisible();

      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/sign-in/);

      await page.getByLabel('Email').fill('first@example.org');
      await page.getByLabel('Password').fill('wrong password here');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert')).toContainText(/wrong e-mail or password/i);
      await page.getByLabel('Password').fill('frida first password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
    } finally {
      await server.stop();
    }
  });
});
