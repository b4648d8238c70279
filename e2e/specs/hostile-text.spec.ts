import { ENDPOINTS } from '@kodbok/contracts';
import { expect, test } from '../support/fixtures';
import { addHighlight } from '../support/workspace';

/*
 * Text from users and imports is shown as text (issue 12): markup, event handlers and
 * javascript: links typed into every text field render literally and run nothing, and the
 * Content-Security-Policy forbids inline script even if some did slip into the page.
 */

const SCRIPT = '<script>window.__pwned = "script"</script>';
const IMG = '<img src=x onerror="window.__pwned = \'img\'">';
const LINK = 'javascript:window.__pwned="link"';
const HOSTILE = `${SCRIPT} ${IMG} ${LINK}`;

test('hostile text in every field is shown as text and runs nothing', async ({
  ownerPage: page,
  ownerApi,
}) => {
  const project = await ownerApi.createProject(`P ${HOSTILE}`.slice(0, 200));
  const text = `Peer workers said ${HOSTILE} on the ward.`;
  const study = await ownerApi.call(ENDPOINTS.createStudy, {
    params: { projectId: project.id },
    body: {
      title: `Study ${IMG}`,
      text,
      authors: [`${SCRIPT}, A.`],
      journal: LINK,
      attributes: { [`attr ${IMG}`.slice(0, 100)]: HOSTILE },
    },
  });
  const code = await ownerApi.createCode(project.id, `Code ${IMG}`.slice(0, 200));
  await ownerApi.call(ENDPOINTS.updateCode, {
    params: { codeId: code.id },
    body: { description: HOSTILE, keywords: [IMG] },
  });
  const documentId = study.documents[0]!.id;
  const h = await addHighlight(ownerApi, documentId, text, IMG, [code.id]);
  await ownerApi.call(ENDPOINTS.updateHighlight, {
    params: { highlightId: h.id },
    body: { memo: HOSTILE },
  });
  await ownerApi.call(ENDPOINTS.putMemo, {
    params: { projectId: project.id },
    body: { on: 'project', text: HOSTILE },
  });
  await ownerApi.call(ENDPOINTS.putMemo, {
    params: { projectId: project.id },
    body: {
      on: 'study',
      id: study.id,
      text: HOSTILE,
    },
  });

  // ownerPage fails the test on any console error, a CSP violation included.
  const pages = [
    `/projects/${project.id}`,
    `/projects/${project.id}/studies/${study.id}?document=${documentId}&highlight=${h.id}`,
    `/projects/${project.id}/codebook`,
    `/projects/${project.id}/memos`,
    `/projects/${project.id}/analysis/excerpts`,
    `/projects/${project.id}/analysis/matrix`,
  ];
  for (const url of pages) {
    await page.goto(url);
    await expect(page.locator('main')).toContainText(IMG);
    // Nothing ran, and no element was made from the text.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBe(
      undefined,
    );
    expect(await page.locator('main img[src="x"], main script:not([src])').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  }
});

test('the Content-Security-Policy stops inline script', async ({ browser }) => {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('/sign-in');
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.body.append(s);
    return (window as unknown as { __inline?: boolean }).__inline === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  await page.close();
});
