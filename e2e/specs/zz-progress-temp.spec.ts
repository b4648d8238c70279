import { expect, test, unique } from '../support/fixtures';
import { generateRis } from '../../bench/ris-generator';

test('progress screenshot (temporary)', async ({ ownerPage: page, ownerApi }) => {
  const project = await ownerApi.createProject(unique('Progress'));
  await page.goto(`/projects/${project.id}`);
  await page.getByRole('button', { name: 'Import studies' }).click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 2 * 1024 * 1024,
  });
  await page.getByLabel('choose files').setInputFiles({
    name: 'big.ris',
    mimeType: 'text/plain',
    buffer: Buffer.from(generateRis(6000)),
  });
  await expect(page.getByText(/Uploading…/)).toBeVisible();
  await page.waitForTimeout(800);
  await page.screenshot({ path: '/tmp/impshots/uploading.png' });
  await expect(page.getByText('Reading the records…')).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: '/tmp/impshots/reading.png' });
  await expect(page.getByRole('list', { name: 'Import summary' })).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: '/tmp/impshots/preview-big.png', fullPage: false });
});
