import { ENDPOINTS } from '@kodbok/contracts';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { arrangeStudy, documentText, picker, selectByMouse } from '../support/workspace';

// Long enough to be rendered in several blocks (chunks), most of them off screen at first.
const PARAGRAPHS = Array.from(
  { length: 24 },
  (_, i) =>
    `Paragraph ${i + 1}: ` +
    'peer workers described supervision, role clarity and the stigma they met on the ward. '.repeat(
      10,
    ),
);
const TEXT = PARAGRAPHS.map((p) => p.trim()).join('\n\n');

/** Where the n-th block of the rendered text starts (its first character is a newline). */
async function blockStart(page: Page, n: number): Promise<number> {
  const starts = await documentText(page)
    .locator('[data-chunk-start]')
    .evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.chunkStart)));
  expect(starts.length).toBeGreaterThan(n);
  return starts[n]!;
}

/**
 * Scrolls the character at `offset` to the middle of the document pane, for a mouse to reach it.
 * Blocks laid out for the first time replace their estimated heights a frame later: scroll
 * again once they have.
 */
async function scrollTo(page: Page, offset: number) {
  await documentText(page).evaluate(async (root, o) => {
    const runs = [...root.querySelectorAll<HTMLElement>('[data-start]')];
    const run = runs.findLast((r) => Number(r.dataset.start) <= o)!;
    const range = document.createRange();
    range.setStart(run.firstChild!, o - Number(run.dataset.start));
    range.setEnd(run.firstChild!, o - Number(run.dataset.start) + 1);
    const pane = root.closest('main')!;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let i = 0; i < 2; i++) {
      const box = pane.getBoundingClientRect();
      pane.scrollTop += range.getBoundingClientRect().top - (box.top + box.height / 2);
      await frame();
      await frame();
    }
  }, offset);
}

test.describe('a long document rendered in blocks', () => {
  test('shows exactly the text, and a mouse selection across blocks copies and codes it', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Supervision']);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(s.url);
    await expect(documentText(page)).toContainText('Paragraph 1:');
    expect(await documentText(page).evaluate((el) => el.textContent)).toBe(TEXT);

    const boundary = await blockStart(page, 1);
    const [start, end] = [boundary - 60, boundary + 40];
    const quote = TEXT.slice(start, end).trim();
    await scrollTo(page, boundary);
    await selectByMouse(page, start, end);
    await expect(picker(page).input).toBeVisible();
    // Escape gives the selection back to the text: copy it as a reader would.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+c');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(quote);

    await page.keyboard.press('c');
    await expect(picker(page).input).toBeFocused();
    await page.keyboard.press('1');
    await expect
      .poll(async () => (await ownerApi.highlights(s.documentId)).map((h) => h.quote))
      .toEqual([quote]);
    await expect(page.locator('.hl')).toHaveText(quote.split(/(?<=\n)(?=\n)/));
  });

  test('shift+arrows extend a keyboard selection from one block into the next', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Role clarity']);
    await page.goto(s.url);
    await expect(documentText(page)).toContainText('Paragraph 1:');
    const boundary = await blockStart(page, 1);
    const caret = TEXT.lastIndexOf(' ', boundary - 30) + 1;
    await documentText(page).focus();
    // Put the caret at the start of a word on the last line of the first block.
    await documentText(page).evaluate((root, offset) => {
      const runs = [...root.querySelectorAll<HTMLElement>('[data-start]')];
      const run = runs.findLast((r) => Number(r.dataset.start) <= offset)!;
      window.getSelection()!.collapse(run.firstChild, offset - Number(run.dataset.start));
    }, caret);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('c');
    await expect(picker(page).input).toBeFocused();
    await page.keyboard.press('1');
    await expect.poll(async () => (await ownerApi.highlights(s.documentId)).length).toBe(1);
    const [h] = await ownerApi.highlights(s.documentId);
    expect(h!.start).toBe(caret);
    expect(h!.end).toBeGreaterThan(boundary + 1);
    expect(h!.quote).toBe(TEXT.slice(h!.start, h!.end));
  });

  test('stripes beside a block first shown by scrolling line up with its passages', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Stigma']);
    const start = TEXT.indexOf('Paragraph 23:');
    const end = start + 'Paragraph 23: peer workers'.length;
    await ownerApi.call(ENDPOINTS.createHighlight, {
      params: { documentId: s.documentId },
      body: {
        start,
        end,
        quote: TEXT.slice(start, end),
        codeIds: [s.codes[0]!.id],
      },
    });
    await page.goto(s.url);
    const run = page.locator('.hl');
    await run.scrollIntoViewIfNeeded();
    const stripe = page.locator('.doc-stripes .stripe');
    await expect
      .poll(async () => {
        const [a, b] = [await run.boundingBox(), await stripe.boundingBox()];
        return a && b ? Math.round(Math.abs(a.y - b.y)) : null;
      })
      .toBeLessThanOrEqual(2);
  });
});
