import { ENDPOINTS } from '@kodbok/contracts';
import { expect, test } from '../support/fixtures';
import { codeInUi } from '../support/consistency';
import {
  addHighlight,
  arrangeStudy,
  clickHighlight,
  documentText,
  expectHighlights,
  highlighted,
  picker,
  selectByMouse,
  textBox,
} from '../support/workspace';

/*
 * The workspace as a daily tool (issue 11): each bug that lost work or surprised a coder, as the
 * coder met it in the browser.
 */

const TEXT =
  'Peer workers felt stigma from staff on the ward. Supervision was rare, and role clarity was lacking in most teams.';

test.describe('memos', () => {
  test('a memo typed and left at once for another highlight is kept, marked and stored', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Stigma', 'Supervision']);
    const [stigma, supervision] = s.codes;
    await addHighlight(ownerApi, s.documentId, TEXT, 'felt stigma from staff', [stigma!.id]);
    await addHighlight(ownerApi, s.documentId, TEXT, 'Supervision was rare', [supervision!.id]);
    await page.goto(s.url);
    const details = page.getByRole('region', { name: 'Selected highlight' });
    const memo = details.getByLabel('Memo');

    await highlighted(page, 'felt stigma from staff').click();
    await memo.fill('Staff stigma, as in Grim 2022');
    // No pause for the debounce: straight to another highlight.
    await highlighted(page, 'Supervision was rare').click();
    await expect(details).toContainText('Supervision was rare');
    await expect(memo).toHaveValue('');
    await highlighted(page, 'felt stigma from staff').click();
    await expect(memo).toHaveValue('Staff stigma, as in Grim 2022');
    await expect
      .poll(async () => (await ownerApi.highlights(s.documentId)).map((h) => h.memo))
      .toContain('Staff stigma, as in Grim 2022');

    // The memo is marked in the margin and named in the passage's tooltip.
    const mark = page.locator('.doc-stripes .memo-mark');
    await expect(mark).toHaveCount(1);
    await expect(mark).toHaveAttribute('title', 'Memo: Staff stigma, as in Grim 2022');
    await expect(highlighted(page, 'felt stigma from staff')).toHaveAttribute(
      'title',
      /Memo: Staff stigma, as in Grim 2022/,
    );

    await page.reload();
    await expect(documentText(page)).toContainText('Peer workers');
    await highlighted(page, 'felt stigma from staff').click();
    await expect(memo).toHaveValue('Staff stigma, as in Grim 2022');
  });

  test('saves as you type, says so, and keeps a refused memo with a Retry', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Stigma', 'Supervision']);
    const [stigma, supervision] = s.codes;
    await addHighlight(ownerApi, s.documentId, TEXT, 'felt stigma from staff', [stigma!.id]);
    await addHighlight(ownerApi, s.documentId, TEXT, 'Supervision was rare', [supervision!.id]);
    await page.goto(s.url);
    const details = page.getByRole('region', { name: 'Selected highlight' });
    const memo = details.getByLabel('Memo');
    const status = details.getByRole('status');

    await highlighted(page, 'Supervision was rare').click();
    await memo.pressSequentially('Rare');
    await expect(status).toHaveText('Saved');
    await expect(memo).toBeFocused();
    await expect
      .poll(async () => (await ownerApi.highlights(s.documentId)).map((h) => h.memo))
      .toContain('Rare');

    // The server refuses the next saves (a 4xx the test provokes).
    await page.route('**/api/highlights/*', (route) =>
      route.request().method() === 'PATCH'
        ? route.fulfill({
            status: 409,
            contentType: 'application/json',
            body: JSON.stringify({ statusCode: 409, error: 'Conflict', message: 'Try again' }),
          })
        : route.fallback(),
    );
    await memo.pressSequentially(' in most teams');
    await expect(status).toContainText('Couldn’t save');
    // Leaving and coming back keeps the text that was not stored.
    await highlighted(page, 'felt stigma from staff').click();
    await highlighted(page, 'Supervision was rare').click();
    await expect(memo).toHaveValue('Rare in most teams');
    await expect(status).toContainText('Couldn’t save');

    await page.unroute('**/api/highlights/*');
    await status.getByRole('button', { name: 'Retry' }).click();
    await expect(status).toHaveText('Saved');
    await expect
      .poll(async () => (await ownerApi.highlights(s.documentId)).map((h) => h.memo))
      .toContain('Rare in most teams');
  });
});

test.describe('counts and re-coding', () => {
  test('re-coding my own span adds to it, and every count follows coding, re-coding and deleting', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Stigma', 'Supervision']);
    const span = spanOf('felt stigma from staff');
    // The studies page first, so its list is cached when the coder comes back to it.
    await page.goto(`/projects/${s.project.id}`);
    const row = page.getByRole('row', { name: new RegExp(s.study.title) });
    const myCoding = row.getByRole('cell').filter({ hasText: /\d of \d/ });
    await expect(myCoding).toHaveText('0 of 0');
    await row.getByRole('link', { name: s.study.title }).click();
    const sidebarCount = page
      .getByRole('navigation', { name: 'Studies' })
      .locator('a[aria-current="page"] .count');
    await expect(sidebarCount).toHaveText(/highlights shown: 0$/);

    // Watch every run: a duplicate would show as a run carrying two highlight ids, if only for a frame.
    await documentText(page).evaluate((el) => {
      const w = window as unknown as { sawTwoIds: boolean };
      w.sawTwoIds = false;
      new MutationObserver(() => {
        if (el.querySelector('.hl[data-highlight-ids*=" "]')) w.sawTwoIds = true;
      }).observe(el, { subtree: true, childList: true, attributes: true });
    });
    await codeInUi(page, span.start, span.end, 'Stigma');
    await expect(sidebarCount).toHaveText(/highlights shown: 1$/);

    await selectByMouse(page, span.start, span.end);
    await picker(page).input.fill('Supervision');
    await picker(page).input.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: 'Coded as Supervision' }),
    ).toBeVisible();
    await expect
      .poll(async () => (await ownerApi.highlights(s.documentId)).map((h) => h.codeIds.length))
      .toEqual([2]);
    await expect(page.locator('.doc-stripes .stripe')).toHaveCount(2);
    expect(await page.evaluate(() => (window as unknown as { sawTwoIds: boolean }).sawTwoIds)).toBe(
      false,
    );
    await expect(sidebarCount).toHaveText(/highlights shown: 1$/);

    // Back to the studies page inside the app: its cached list was refreshed.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').first().click();
    await expect(myCoding).toHaveText('1 of 1');

    await row.getByRole('link', { name: s.study.title }).click();
    await clickHighlight(page, 'felt stigma from staff');
    await page
      .getByRole('region', { name: 'Selected highlight' })
      .getByRole('button', { name: 'Delete highlight' })
      .click();
    await expect(sidebarCount).toHaveText(/highlights shown: 0$/);
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').first().click();
    await expect(myCoding).toHaveText('0 of 0');
  });
});

test.describe('the code picker', () => {
  // An interview of forty short paragraphs, longer than any window, and a codebook long enough
  // to fill the picker's list.
  const LONG = Array.from(
    { length: 40 },
    (_, i) => `Passage ${i + 1}: peers said support from staff mattered most.`,
  ).join('\n\n');
  const CODES = Array.from({ length: 12 }, (_, i) => `Code ${String(i + 1).padStart(2, '0')}`);

  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 1440, height: 900 },
  ]) {
    test(`is wholly on screen for a selection low in a ${viewport.width}×${viewport.height} window`, async ({
      ownerPage: page,
      ownerApi,
    }) => {
      await page.setViewportSize(viewport);
      const s = await arrangeStudy(ownerApi, LONG, CODES);
      await page.goto(s.url);
      await expect(documentText(page)).toContainText('Passage 40');
      // The last passage low in the window, with no room for the picker below it; not at the very
      // edge, where dragging the mouse would scroll the pane.
      let chosen: { start: number; end: number; top: number; bottom: number } | null = null;
      for (let i = 40; i >= 1 && !chosen; i--) {
        const start = LONG.indexOf(`peers said`, LONG.indexOf(`Passage ${i}:`));
        const end = start + 'peers said support'.length;
        const box = await textBox(page, start, end);
        if (box.bottom < viewport.height - 60) chosen = { start, end, ...box };
      }
      expect(chosen!.bottom).toBeGreaterThan(viewport.height - 250);
      await selectByMouse(page, chosen!.start, chosen!.end);
      const p = picker(page);
      await expect(p.input).toBeFocused();
      const floating = page.locator('.picker');
      await expect(floating).toBeInViewport({ ratio: 1 });
      await expect(floating).toHaveAttribute('data-side', 'above');
      const box = (await floating.boundingBox())!;
      // Above the selection (tinted while the picker has focus), not over it.
      const selection = (await page.locator('.doc-pending div').first().boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(selection.y);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      // Filtering shrinks it towards the selection, still on screen and still above it.
      await p.input.fill('Code 1');
      await expect(p.option('Code 02')).toHaveCount(0);
      await expect(floating).toBeInViewport({ ratio: 1 });
      const narrowed = (await floating.boundingBox())!;
      expect(narrowed.y + narrowed.height).toBeCloseTo(box.y + box.height, 0);
      await page.screenshot({ path: test.info().outputPath(`picker-${viewport.width}.png`) });
    });
  }

  test('opens below a selection with room under it', async ({ ownerPage: page, ownerApi }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    const s = await arrangeStudy(ownerApi, LONG, CODES);
    await page.goto(s.url);
    const start = LONG.indexOf('peers said', LONG.indexOf('Passage 2:'));
    await selectByMouse(page, start, start + 'peers said'.length);
    const floating = page.locator('.picker');
    await expect(floating).toHaveAttribute('data-side', 'below');
    await expect(floating).toBeInViewport({ ratio: 1 });
  });
});

test.describe('coding with several codes from the keyboard', () => {
  test('ticking works after typing a filter, and the toast names every code applied', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Stigma', 'Funding', 'Role clarity']);
    const names = new Map(s.codes.map((c) => [c.id, c.name]));
    await page.goto(s.url);
    const p = picker(page);
    const toast = (text: string) => page.locator('.toast', { hasText: text });

    // Type, tick with Ctrl+Enter (the filter clears), type the next, Enter applies both.
    const first = spanOf('felt stigma from staff');
    await selectByMouse(page, first.start, first.end);
    await p.input.fill('stig');
    await p.input.press('Control+Enter');
    await expect(p.input).toHaveValue('');
    await expect(p.option('Stigma')).toHaveAttribute('aria-checked', 'true');
    await p.input.fill('fund');
    await p.input.press('Enter');
    await expect(toast('Coded as Stigma, Funding')).toBeVisible();

    // With a name typed, Space types (code names have spaces); Ctrl+Space ticks.
    const second = spanOf('role clarity was lacking');
    await selectByMouse(page, second.start, second.end);
    await p.input.pressSequentially('role cl');
    await expect(p.input).toHaveValue('role cl');
    await p.input.press('Control+Space');
    await expect(p.input).toHaveValue('');
    // A new code's toast names it, ticked codes included.
    await p.input.fill('Teams');
    await expect(p.options.first()).toHaveText(/Create code “Teams”/);
    await p.input.press('Enter');
    await expect(toast('Coded as Role clarity, Teams')).toBeVisible();

    const codes = await ownerApi.codes(s.project.id);
    for (const c of codes) names.set(c.id, c.name);
    await expectHighlights(
      ownerApi,
      s.documentId,
      [
        { quote: 'felt stigma from staff', codes: ['Stigma', 'Funding'] },
        { quote: 'role clarity was lacking', codes: ['Role clarity', 'Teams'] },
      ],
      names,
    );
  });
});

test.describe('a coder whose codebook is locked', () => {
  test('is offered only existing codes, never "Create code" or an in-vivo code', async ({
    ownerApi,
    signInAs,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Stigma']);
    const coder = await ownerApi.createUser('Cora Coder');
    await ownerApi.addMember(s.project.id, coder.email, 'coder');
    await ownerApi.call(ENDPOINTS.updateProject, {
      params: { projectId: s.project.id },
      body: { coderCanEditCodebook: false },
    });
    const page = await signInAs(coder);
    await page.goto(s.url);
    await expect(page.getByRole('button', { name: 'New code' })).toHaveCount(0);

    const span = spanOf('felt stigma from staff');
    await selectByMouse(page, span.start, span.end);
    const p = picker(page);
    await expect(p.options).toHaveText([/^Stigma/]);
    await p.input.fill('Funding');
    await expect(p.options).toHaveCount(0);
    await expect(page.locator('.picker')).toContainText(
      'Only owners and supervisors add codes in this project.',
    );
    await p.input.press('Enter');
    await p.input.fill('stig');
    await p.input.press('Enter');
    await expect(page.locator('.toast', { hasText: 'Coded as Stigma' })).toBeVisible();

    // Unlocked, the same coder may create codes from the picker.
    await ownerApi.call(ENDPOINTS.updateProject, {
      params: { projectId: s.project.id },
      body: { coderCanEditCodebook: true },
    });
    await page.reload();
    const other = spanOf('Supervision was rare');
    await selectByMouse(page, other.start, other.end);
    await p.input.fill('Funding');
    await expect(p.option('Create code “Funding”')).toBeVisible();
    await expect(p.options.filter({ hasText: 'In-vivo code' })).toHaveCount(1);
  });
});

test.describe('risky codebook dialogs', () => {
  test('merge and delete-with-move choose no target for the user, and say what will happen', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Stigma', 'Funding', 'Supervision']);
    const [stigma, , supervision] = s.codes;
    await addHighlight(ownerApi, s.documentId, TEXT, 'Supervision was rare', [supervision!.id]);
    await page.goto(s.url);
    const names = async () => (await ownerApi.codes(s.project.id)).map((c) => c.name).sort();

    await page.getByRole('button', { name: 'Actions for Supervision' }).click();
    await page.getByRole('menuitem', { name: 'Merge into…' }).click();
    const dialog = page.getByRole('dialog');
    const into = dialog.getByLabel('Merge into');
    await expect(into).toBeFocused();
    await expect(into).toHaveValue('');
    await expect(dialog.getByRole('button', { name: /^Merge/ })).toBeDisabled();
    await page.keyboard.press('Enter');
    await expect(dialog).toContainText('Choose the code that takes over the 1 highlight');
    expect(await names()).toEqual(['Funding', 'Stigma', 'Supervision']);

    await into.selectOption({ label: 'Funding' });
    await expect(dialog).toContainText(
      'Its 1 highlight and its sub-codes will move to “Funding”, and “Supervision” will be removed.',
    );
    await dialog.getByRole('button', { name: 'Merge into “Funding”' }).click();
    await expect.poll(names).toEqual(['Funding', 'Stigma']);

    await page.getByRole('button', { name: 'Actions for Funding' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const moveTo = dialog.getByLabel('Move highlights to');
    await expect(moveTo).toHaveValue('');
    await expect(dialog.getByRole('button', { name: 'Delete code' })).toBeDisabled();
    await expect(dialog).toContainText('Choose the code its 1 highlight move to.');
    await moveTo.selectOption({ label: 'Stigma' });
    await expect(dialog).toContainText(
      '“Funding” will be deleted; its 1 highlight will be coded “Stigma” instead.',
    );
    await dialog.getByRole('button', { name: 'Delete code' }).click();
    await expect.poll(names).toEqual(['Stigma']);
    await expect
      .poll(async () => (await ownerApi.highlights(s.documentId)).map((h) => h.codeIds))
      .toEqual([[stigma!.id]]);
  });
});

test.describe('a first visit', () => {
  test('leaves the browser console clean on the way to signing in', async ({ page, ownerApi }) => {
    const account = await ownerApi.createUser('Fiona First');
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('response', (res) => {
      if (res.status() >= 400) errors.push(`${res.status()} ${res.url()}`);
    });
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe('small things', () => {
  test('tabs are titled after the project, study and view; the favicon is there; a chosen code is not "All codes"', async ({
    ownerPage: page,
    ownerApi,
  }) => {
    const s = await arrangeStudy(ownerApi, TEXT, ['Stigma', 'Funding']);
    const project = s.project.name;
    await page.goto(`/projects/${s.project.id}`);
    await expect(page).toHaveTitle(`${project} — Kodbok`);
    await page.goto(s.url);
    await expect(page).toHaveTitle(`${s.study.title} · ${project} — Kodbok`);
    await page.goto(`/projects/${s.project.id}/analysis/frequencies`);
    await expect(page).toHaveTitle(`Analysis · ${project} — Kodbok`);

    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    const res = await page.request.get(icon!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/svg/);

    const codeFilter = page.getByLabel('Code or theme');
    await expect(codeFilter.locator('option').first()).toHaveText('All codes');
    await codeFilter.selectOption({ label: 'Stigma' });
    await expect(codeFilter.locator('option').first()).toHaveText('Add a code…');
  });
});

function spanOf(quote: string) {
  const start = TEXT.indexOf(quote);
  return { start, end: start + quote.length };
}
