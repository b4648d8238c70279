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
