import { ENDPOINTS } from '@kodbok/contracts';
import { expect, type Page } from '@playwright/test';
import type { Api } from './fixtures';
import { unique } from './fixtures';

export const documentText = (page: Page) => page.getByLabel('Document text');

/** A project with one study of `text` and the given codes, as the owner; returns ids and the workspace URL. */
export async function arrangeStudy(api: Api, text: string, codeNames: string[]) {
  const project = await api.createProject(unique('Coding'));
  const study = await api.createStudy(project.id, unique('Study'), text);
  const codes = [];
  for (const name of codeNames) codes.push(await api.createCode(project.id, name));
  return {
    project,
    study,
    documentId: study.documents[0]!.id,
    codes,
    url: `/projects/${project.id}/studies/${study.id}`,
  };
}

/**
 * Selects [start, end) of the document text with a real mouse drag: the screen points of the two
 * offsets are measured from the rendered runs (each run carries its UTF-16 start as data-start).
 */
export async function selectByMouse(page: Page, start: number, end: number) {
  const points = await page.getByLabel('Document text').evaluate(
    (root, [s, e]) => {
      const pointAt = (offset: number, edge: 'start' | 'end') => {
        const runs = [...root.querySelectorAll<HTMLElement>('[data-start]')];
        for (const run of runs) {
          const runStart = Number(run.dataset.start);
          const node = [...run.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) as
            Text | undefined;
          if (!node) continue;
          const len = node.data.length;
          if (offset >= runStart && offset <= runStart + len) {
            const local = offset - runStart;
            const range = document.createRange();
            // Measure the character after the start point, or before the end point.
            if (edge === 'start' && local < len) {
              range.setStart(node, local);
              range.setEnd(node, local + 1);
            } else {
              range.setStart(node, Math.max(0, local - 1));
              range.setEnd(node, local);
            }
            const r = range.getBoundingClientRect();
            return edge === 'start'
              ? { x: r.left + 1, y: r.top + r.height / 2 }
              : { x: r.right - 1, y: r.top + r.height / 2 };
          }
        }
        throw new Error(`offset ${offset} not rendered`);
      };
      return [pointAt(s, 'start'), pointAt(e, 'end')];
    },
    [start, end] as const,
  );
  const [from, to] = points as [{ x: number; y: number }, { x: number; y: number }];
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

/** The code picker that opens at the selection. */
export function picker(page: Page) {
  return {
    input: page.getByLabel('Find or create a code'),
    options: page.getByRole('listbox', { name: 'Codes' }).getByRole('option'),
    option: (name: string) =>
      page
        .getByRole('listbox', { name: 'Codes' })
        .getByRole('option', { name: new RegExp(`^${name}`) }),
  };
}

export async function expectHighlights(
  api: Api,
  documentId: string,
  expected: Array<{ quote: string; codes: string[] }>,
  codeNameById: Map<string, string>,
) {
  await expect
    .poll(async () =>
      (await api.highlights(documentId))
        .map((h) => ({ quote: h.quote, codes: h.codeIds.map((id) => codeNameById.get(id)).sort() }))
        .sort((a, b) => a.quote.localeCompare(b.quote)),
    )
    .toEqual(
      expected
        .map((e) => ({ ...e, codes: [...e.codes].sort() }))
        .sort((a, b) => a.quote.localeCompare(b.quote)),
    );
}

/** A highlight of `quote` (its first occurrence in `text`) with the given codes, through the API. */
export function addHighlight(
  api: Api,
  documentId: string,
  text: string,
  quote: string,
  codeIds: string[],
) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return api.call(ENDPOINTS.createHighlight, {
    params: { documentId },
    body: {
      start,
      end: start + quote.length,
      quote,
      codeIds,
    },
  });
}

/**
 * The highlighted run holding `quote`. By substring: Playwright counts the count badge, which is
 * CSS generated content, as part of a run's text.
 */
export function highlighted(page: Page, quote: string) {
  return page.locator('.doc-text .hl', { hasText: quote });
}

/**
 * Clicks the middle of a highlighted run with the mouse. Playwright's actionability check reports
 * a run with a count badge (generated content) as covered by its block, while a real click there
 * does reach the run: so the mouse is moved and pressed directly.
 */
export async function clickHighlight(page: Page, quote: string) {
  const run = highlighted(page, quote);
  await expect(run).toBeVisible();
  const box = (await run.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The screen box of [start, end) of the document text, as rendered now. */
export function textBox(page: Page, start: number, end: number) {
  return documentText(page).evaluate(
    (root, [s, e]) => {
      const runs = [...root.querySelectorAll<HTMLElement>('[data-start]')];
      const point = (offset: number): [Node, number] => {
        for (const run of runs) {
          const runStart = Number(run.dataset.start);
          const node = run.firstChild!;
          if (offset >= runStart && offset <= runStart + node.textContent!.length)
            return [node, offset - runStart];
        }
        throw new Error(`offset ${offset} not rendered`);
      };
      const range = document.createRange();
      range.setStart(...point(s));
      range.setEnd(...point(e));
      const r = range.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    },
    [start, end] as const,
  );
}
