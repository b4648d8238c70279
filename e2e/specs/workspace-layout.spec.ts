import { expect, test } from '../support/fixtures';
import { addHighlight, arrangeStudy, clickHighlight, documentText } from '../support/workspace';

/*
 * The workspace's layout (issue 11): the selected highlight's details in view however long the
 * codebook, a line between them the user can move, and at 1024×768 a text column that keeps a
 * readable measure with the study list folded into a drawer.
 */

const TEXT =
  'Peer workers felt stigma from staff on the ward. Supervision was rare, and role clarity was lacking in most teams.';
const CODES = Array.from({ length: 40 }, (_, i) => `Code ${String(i + 1).padStart(2, '0')}`);

test('at 1440×900 the details are in view beside a long codebook, and the split moves by keys', async ({
  ownerPage: page,
  ownerApi,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const s = await arrangeStudy(ownerApi, TEXT, CODES);
  await addHighlight(ownerApi, s.documentId, TEXT, 'felt stigma from staff', [s.codes[39]!.id]);
  await page.goto(s.url);
  await expect(documentText(page)).toContainText('Peer workers');
  // Wide enough for the study list beside the text: no drawer, no button for one.
  await expect(page.getByRole('region', { name: 'Study list' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Studies', exact: true })).toBeHidden();
  await clickHighlight(page, 'felt stigma from staff');
  const details = page.getByRole('region', { name: 'Selected highlight' });
  await expect(details).toContainText('Code 40');
  // Wholly on screen without scrolling anything.
  const box = (await details.boundingBox())!;
  expect(box.y).toBeGreaterThan(0);
  expect(box.y + 80).toBeLessThan(900);

  const handle = page.getByRole('separator', { name: 'Resize the codebook and the details' });
  const before = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(handle).toHaveAttribute('aria-valuenow', String(before - 10));
  const higher = (await details.boundingBox())!.y;
  expect(higher).toBeLessThan(box.y);
  // Remembered in this browser.
  await page.reload();
  await expect(
    page.getByRole('separator', { name: 'Resize the codebook and the details' }),
  ).toHaveAttribute('aria-valuenow', String(before - 10));
});

test('at 1024×768 the text keeps ≥ 60 characters a line and the study list is a drawer', async ({
  ownerPage: page,
  ownerApi,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const s = await arrangeStudy(ownerApi, TEXT, ['Stigma']);
  const other = await ownerApi.createStudy(s.project.id, 'Another study', 'Funding was short.');
  await page.goto(s.url);
  await expect(documentText(page)).toContainText('Peer workers');
  const perLine = await documentText(page).evaluate((el) => {
    const style = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${style.fontSize} ${style.fontFamily}`;
    const sample = 'peer support workers felt stigma from staff on the ward, and ';
    return el.clientWidth / (ctx.measureText(sample).width / sample.length);
  });
  expect(perLine).toBeGreaterThanOrEqual(60);

  const studies = page.getByRole('region', { name: 'Study list' });
  await expect(studies).toBeHidden();
  const toggle = page.getByRole('button', { name: 'Studies', exact: true });
  await toggle.click();
  await expect(studies).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(studies).toBeHidden();
  await expect(toggle).toBeFocused();
  await toggle.click();
  await studies.getByRole('link', { name: /Another study/ }).click();
  await expect(page).toHaveURL(new RegExp(`/studies/${other.id}`));
  await expect(documentText(page)).toContainText('Funding was short.');
  await expect(studies).toBeHidden();
});
