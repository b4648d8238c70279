import { expect, test } from '../support/fixtures';
import {
  arrangeStudy,
  documentText,
  expectHighlights,
  picker,
  selectByMouse,
} from '../support/workspace';

const TEXT =
  'Peer workers felt stigma from staff on the ward. Supervision was rare, and role clarity was lacking in most teams.';
const at = (quote: string) => ({
  start: TEXT.indexOf(quote),
  end: TEXT.indexOf(quote) + quote.length,
});

test.describe('coding a passage', () => {
  test('with the mouse: two codes on one highlight, shown at once and kept after reload', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Stigma', 'Staff attitudes', 'Supervision']);
    const names = new Map(s.codes.map((c) => [c.id, c.name]));
    await page.goto(s.url);
    await expect(documentText(page)).toContainText('Peer workers felt stigma');

    const span = at('felt stigma from staff');
    await selectByMouse(page, span.start, span.end);
    const p = picker(page);
    await expect(p.input).toBeVisible();
    await p.input.fill('stig');
    await expect(p.option('Stigma')).toBeVisible();
    await p.input.press('Enter');
    await expect(page.locator('.hl').first()).toBeVisible();

    // Add a second code from the details panel of the selected highlight.
    await page.locator('.hl').first().click();
    const details = page.getByRole('region', { name: 'Selected highlight' });
    await expect(details).toContainText('felt stigma from staff');
    await details.getByRole('button', { name: /add code/i }).click();
    await page.getByLabel('Find or create a code').fill('Staff');
    await page.getByLabel('Find or create a code').press('Enter');
    await expectHighlights(
      ownerApi,
      s.documentId,
      [{ quote: 'felt stigma from staff', codes: ['Stigma', 'Staff attitudes'] }],
      names,
    );

    await page.reload();
    await expect(page.locator('.hl')).toHaveCount(1);
    await expect(page.locator('.hl').first()).toHaveText('felt stigma from staff');
  });

  test('with the keyboard only: caret, shift+arrows, picker by number keys', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Stigma', 'Supervision']);
    const names = new Map(s.codes.map((c) => [c.id, c.name]));
    await page.goto(s.url);
    await documentText(page).focus();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 'Peer '.length; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 'workers'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('c');
    const p = picker(page);
    await expect(p.input).toBeFocused();
    // The first code in the list is applied with the key 1.
    const first = (await p.options.first().textContent())!;
    await page.keyboard.press('1');
    const expected = first.startsWith('Stigma') ? 'Stigma' : 'Supervision';
    await expectHighlights(
      ownerApi,
      s.documentId,
      [{ quote: 'workers', codes: [expected] }],
      names,
    );
    await expect(page.locator('.hl')).toHaveText(['workers']);
  });

  test('Home moves the caret to the start of the line', async ({ ownerPage: page, ownerApi }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Stigma']);
    await page.goto(s.url);
    await documentText(page).focus();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    // Home: back to the start of the line, so four Shift+Right select its first word.
    await page.keyboard.press('Home');
    for (let i = 0; i < 'Peer'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('c');
    await page.keyboard.press('1');
    await expect(page.locator('.hl')).toHaveText(['Peer']);
  });

  test('overlapping highlights are all shown, with a memo, undo and redo', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Supervision', 'Role clarity']);
    const names = new Map(s.codes.map((c) => [c.id, c.name]));
    await page.goto(s.url);
    const outer = at('Supervision was rare, and role clarity');
    const inner = at('role clarity was lacking');

    await selectByMouse(page, outer.start, outer.end);
    await picker(page).input.fill('Supervision');
    await picker(page).input.press('Enter');
    await expect(page.locator('.hl')).not.toHaveCount(0);
    await selectByMouse(page, inner.start, inner.end);
    await picker(page).input.fill('Role');
    await picker(page).input.press('Enter');
    await expectHighlights(
      ownerApi,
      s.documentId,
      [
        { quote: 'Supervision was rare, and role clarity', codes: ['Supervision'] },
        { quote: 'role clarity was lacking', codes: ['Role clarity'] },
      ],
      names,
    );
    // The overlap "role clarity" is one run carrying both highlights.
    await expect(page.locator('.hl', { hasText: /^role clarity$/ })).toHaveAttribute(
      'data-highlight-ids',
      /\S+ \S+/,
    );

    await page.locator('.hl', { hasText: /^\s*was lacking$/ }).click();
    const details = page.getByRole('region', { name: 'Selected highlight' });
    await details.getByLabel('Memo').fill('Echoes the managers’ view — see Grim 2022');
    // Saved as typed: no button to press.
    await expect(details.getByText('Saved', { exact: true })).toBeVisible();
    await expect
      .poll(
        async () =>
          (await ownerApi.highlights(s.documentId)).find((h) => h.quote.startsWith('role'))?.memo,
      )
      .toBe('Echoes the managers’ view — see Grim 2022');

    await details.getByRole('button', { name: 'Delete highlight' }).click();
    await expect.poll(async () => (await ownerApi.highlights(s.documentId)).length).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await ownerApi.highlights(s.documentId)).length).toBe(2);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await ownerApi.highlights(s.documentId)).length).toBe(1);
  });

  test('non-ASCII text codes and reloads exactly', async ({ ownerPage: page, ownerApi }) => {
    const text =
      'Åkerblom i Tromsø sa: “Vi är inte bara brukare” — 同伴支援 🙂👩🏽‍⚕️ återhämtning pågår.';
    const s = await arrangeStudy(ownerApi, text, ['Identitet']);
    await page.goto(s.url);
    for (const quote of ['“Vi är inte bara brukare”', '同伴支援 🙂👩🏽‍⚕️']) {
      const start = text.indexOf(quote);
      await selectByMouse(page, start, start + quote.length);
      await picker(page).input.fill('Ident');
      await picker(page).input.press('Enter');
    }
    await expect
      .poll(async () =>
        (await ownerApi.highlights(s.documentId)).map((h) => [h.quote, h.start, h.end]).sort(),
      )
      .toEqual(
        [
          [
            '“Vi är inte bara brukare”',
            text.indexOf('“'),
            text.indexOf('“') + '“Vi är inte bara brukare”'.length,
          ],
          ['同伴支援 🙂👩🏽‍⚕️', text.indexOf('同'), text.indexOf('同') + '同伴支援 🙂👩🏽‍⚕️'.length],
        ].sort(),
      );
    await page.reload();
    await expect(page.locator('.hl')).toHaveText(['“Vi är inte bara brukare”', '同伴支援 🙂👩🏽‍⚕️']);
  });
});
