import { chromium, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumExecutable } from '../e2e/support/browser';
import { picker, selectByMouse } from '../e2e/support/workspace';
import { prng, synthText } from './generate';
import { startServer } from './server';

const PASSWORD = 'bench password 12';

/**
 * The coding workspace in real Chromium on a 50,000-character document with 2,000 highlights:
 * how long the document takes to appear, how long a new highlight takes to appear after Enter in
 * the picker, how long hover emphasis takes, and the longest main-thread task meanwhile.
 */
export async function benchWorkspace(opts: { characters: number; highlights: number }) {
  const server = await startServer(
    mkdtempSync(path.join(tmpdir(), 'kodbok-bench-ws-')),
    Number(process.env.BENCH_PORT ?? 3878),
  );
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const url = await arrange(page, server.url, opts);
    await observeLongTasks(page);
    const t0 = performance.now();
    await page.goto(url);
    await page.locator('.hl').first().waitFor();
    const load = performance.now() - t0;

    const codeTimes: number[] = [];
    for (let i = 0; i < 5; i++) codeTimes.push(await codeOnce(page, 300 + i * 900));
    const hover = await hoverOnce(page);
    const longest = await page.evaluate(() => (window as unknown as Bench).__longest ?? 0);

    console.log(
      `coding workspace in Chromium (${opts.characters} characters, ${opts.highlights} highlights)`,
    );
    console.log(
      `  open the document          ${load.toFixed(0)} ms (navigation to highlights shown)`,
    );
    console.log(
      `  code a passage (Enter → shown)  median ${median(codeTimes).toFixed(0)} ms, max ${Math.max(...codeTimes).toFixed(0)} ms`,
    );
    console.log(`  hover a code → emphasis painted  ${hover.toFixed(0)} ms`);
    console.log(
      `  longest main-thread task   ${longest.toFixed(0)} ms (while coding and hovering)`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

interface Bench {
  __longest?: number;
}

async function arrange(page: Page, base: string, opts: { characters: number; highlights: number }) {
  const api = page.request;
  const post = async (p: string, data: unknown) => {
    const res = await api.post(base + p, { data, headers: { origin: base } });
    if (!res.ok()) throw new Error(`POST ${p} → ${res.status()} ${await res.text()}`);
    return res.json();
  };
  await post('/api/setup', { email: 'bench@example.org', name: 'Bench Owner', password: PASSWORD });
  const project = await post('/api/projects', { name: 'Workspace bench' });
  const codeIds: string[] = [];
  for (let i = 0; i < 20; i++)
    codeIds.push((await post(`/api/projects/${project.id}/codes`, { name: `Code ${i + 1}` })).id);
  const random = prng(11);
  let text = '';
  while (text.length < opts.characters) text += synthText(random, 120) + '\n\n';
  text = text.slice(0, opts.characters);
  const study = await post(`/api/projects/${project.id}/studies`, {
    title: 'A long document',
    text,
  });
  const documentId = study.documents[0].id;
  for (let i = 0; i < opts.highlights; i++) {
    const start = Math.floor(random() * (text.length - 200));
    const end = start + 5 + Math.floor(random() * 150);
    const ids = [codeIds[Math.floor(random() * codeIds.length)]!];
    await post(`/api/documents/${documentId}/highlights`, {
      start,
      end,
      quote: text.slice(start, end),
      codeIds: ids,
    });
  }
  return `${base}/projects/${project.id}/studies/${study.id}`;
}

async function observeLongTasks(page: Page) {
  // tsx (esbuild keepNames) wraps functions in __name(); functions sent to the page need it too.
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.addInitScript(() => {
    new PerformanceObserver((list) => {
      const w = window as unknown as Bench;
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest ?? 0, e.duration);
    }).observe({ entryTypes: ['longtask'] });
  });
}

/** Selects a short passage, picks the first code, and times Enter until its run is rendered. */
async function codeOnce(page: Page, start: number): Promise<number> {
  await page.evaluate(() => {
    (window as unknown as Bench).__longest = 0;
  });
  const before = await page.locator('.hl').count();
  await page.evaluate((offset) => {
    const runs = [...document.querySelectorAll<HTMLElement>('.doc-text [data-start]')];
    const run = runs.findLast((r) => Number(r.dataset.start) <= offset);
    run?.scrollIntoView({ block: 'center' });
  }, start);
  await selectByMouse(page, start, start + 40);
  await picker(page).input.waitFor();
  // BENCH_TRACE=1 prints where the browser spent the time (script, layout, paint…).
  const trace = process.env.BENCH_TRACE ? page.context().browser() : null;
  if (trace) await trace.startTracing(page, { categories: ['devtools.timeline'] });
  const t0 = performance.now();
  await picker(page).input.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.hl').length !== n, before);
  const took = performance.now() - t0;
  if (trace) {
    await page.waitForTimeout(300);
    const events = JSON.parse((await trace.stopTracing()).toString()).traceEvents as Array<{
      name: string;
      dur?: number;
    }>;
    const sum = new Map<string, number>();
    for (const e of events) if (e.dur) sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur / 1000);
    console.log([...sum].sort((a, b) => b[1] - a[1]).slice(0, 12));
  }
  return took;
}

/**
 * Hovering a code emphasises its passages: the mouse is moved onto the codebook row by
 * Playwright, and the page itself measures from that event to the frame after next (painted).
 */
async function hoverOnce(page: Page): Promise<number> {
  const row = page.getByRole('treeitem').nth(3);
  await row.evaluate((el) => {
    el.addEventListener(
      'mouseover',
      () => {
        const t0 = performance.now();
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            (window as unknown as { __hover: number }).__hover = performance.now() - t0;
          }),
        );
      },
      { once: true, capture: true },
    );
  });
  await row.hover();
  await page.waitForFunction(() => '__hover' in window);
  return page.evaluate(() => (window as unknown as { __hover: number }).__hover);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
