import { ENDPOINTS } from '@kodbok/contracts';
import { readFile } from 'node:fs/promises';
import { expect, test } from '../support/fixtures';
import { arrangeDoubleCoding, rowOf, span } from '../support/agreement';

test.describe('coding agreement and the consensus coding', () => {
  test('two coders code blind; the supervisor sees the statistics and the grid, resolves a disagreement, and the consensus is counted in analysis', async ({
    ownerPage: page,
    ownerApi,
    baseURL,
  }) => {
    const s = await arrangeDoubleCoding(ownerApi, baseURL!);
    const { astrid, bo } = s.coders;
    // Blind: each coder reads only their own highlights.
    const seenBy = async (api: typeof astrid.api) =>
      (await api.call(ENDPOINTS.getDocument, { params: { documentId: s.documentId } })).highlights;
    expect((await seenBy(bo.api)).map((h) => h.coderId)).toEqual([bo.id]);
    expect(new Set((await seenBy(astrid.api)).map((h) => h.coderId))).toEqual(new Set([astrid.id]));

    // Statistics: the project's two coders are compared by default, at the document level.
    await page.goto(`/projects/${s.project.id}/agreement`);
    await expect(page.getByRole('heading', { name: 'Coding agreement' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Astrid Lind' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Bo Berg' })).toBeChecked();
    const cells = (code: string) => rowOf(page, code).getByRole('cell');
    // Both applied Stigma: full agreement, and a kappa that is undefined rather than 1.
    await expect(cells('Stigma').nth(2)).toHaveText('100.0%');
    await expect(cells('Stigma').nth(3)).toHaveText('n/a');
    await expect(cells('Supervision').nth(2)).toHaveText('0.0%');
    await expect(cells('Overall (all codes)').first()).toHaveText('2');
    // The report: the table as CSV, with a byte order mark, undefined figures left empty.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await readFile((await (await download).path())!, 'utf8');
    expect(csv.startsWith('\uFEFFcode,theme,units,agreements,percent_agreement,')).toBe(true);
    expect(csv).toContain('\r\nStigma,,1,1,1,,,,1');
    await page.getByLabel('Segment').click();
    await expect(page.getByLabel('Segment')).toBeChecked();
    await expect(page).toHaveURL(/level=segment/);
    await expect(page.getByRole('table')).toContainText('matched at 90% overlap');

    // The grid: Supervision applied by Astrid only.
    await page.getByRole('link', { name: 'Agreement grid' }).click();
    await expect(page.getByText('0 of 1 study reconciled')).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Stigma in Grim 2022: every coder applied it' }),
    ).toHaveText('✓');
    const cell = page.getByRole('link', {
      name: 'Supervision in Grim 2022: only Astrid Lind applied it',
    });
    await expect(cell).toHaveText('AL');
    await cell.click();

    // The review opens on that disagreement.
    await expect(page.getByRole('heading', { name: 'Disagreements in Grim 2022' })).toBeVisible();
    const detail = page.getByRole('region', { name: /^Supervision/ });
    const lanes = detail.getByRole('table', { name: 'How each coder coded Supervision here' });
    await expect(lanes.getByRole('rowheader')).toHaveText([
      /Astrid Lind\s*coded it/,
      /Bo Berg\s*did not code it/,
      /Consensus\s*did not code it/,
    ]);
    await expect(lanes.locator('mark')).toHaveText('supervision was rare');
    await detail.getByRole('button', { name: 'Accept Astrid Lind' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Resolved Supervision' })).toHaveText(
      /the consensus took Astrid Lind's version/,
    );
    await expect(
      detail.getByText(/^Resolved by Olivia Owner on .+: took Astrid Lind's version\.$/),
    ).toBeVisible();
    await expect(lanes.getByRole('rowheader').last()).toHaveText(/Consensus\s*coded it/);

    // The study is reconciled, and the grid counts it.
    await page.getByRole('button', { name: 'Mark study reconciled' }).click();
    await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the grid' }).click();
    await expect(page.getByText('1 of 1 study reconciled')).toBeVisible();

    // Analysis filtered to the consensus counts the accepted passage.
    await page.goto(`/projects/${s.project.id}/analysis/frequencies?coder=consensus`);
    await expect(rowOf(page, 'Supervision').getByRole('cell')).toHaveText(['1', '1', '1', '100%']);
    await expect(rowOf(page, 'Stigma').getByRole('cell')).toHaveText(['0', '0', '0', '0%']);
    await s.dispose();
  });

  test('j and k move through the disagreements; agreed coding is copied into the consensus; comments stay with a region', async ({
    ownerPage: page,
    ownerApi,
    baseURL,
  }) => {
    const s = await arrangeDoubleCoding(ownerApi, baseURL!);
    const { astrid, bo } = s.coders;
    // A second disagreement: Bo alone codes the year as Stigma.
    await bo.api.call(ENDPOINTS.createHighlight, {
      params: { documentId: s.documentId },
      body: {
        ...span('2022'),
        codeIds: [s.codes.stigma.id],
      },
    });
    await page.goto(
      `/projects/${s.project.id}/agreement/review/${s.documentId}?coders=${astrid.id},${bo.id}`,
    );
    const list = page.getByRole('list', { name: 'Disagreements in this document' });
    await expect(list.getByRole('button')).toHaveCount(2);
    await expect(page.getByText('Disagreement 1 of 2')).toBeVisible();
    await page.keyboard.press('j');
    await expect(page.getByText('Disagreement 2 of 2')).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Stigma/ })).toBeVisible();
    await page.keyboard.press('k');
    await expect(page.getByRole('heading', { name: /^Supervision/ })).toBeVisible();

    await page.getByLabel('Add a comment').fill('Rare supervision is a finding, not context.');
    await page.getByRole('button', { name: 'Comment' }).click();
    await expect(page.getByRole('region', { name: 'Comments' })).toContainText('Olivia Owner');
    await expect(page.getByLabel('Add a comment')).toHaveValue('');

    await page.getByRole('button', { name: 'Copy agreed coding to consensus' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText(
      'Copied 1 agreed passage into the consensus.',
    );
    const consensus = await ownerApi.call(ENDPOINTS.getDocument, {
      params: { documentId: s.documentId },
      query: { coders: 'consensus' },
    });
    expect(consensus.highlights.map((h) => h.quote)).toEqual(['felt stigma from staff']);
    await s.dispose();
  });

  test('coders are told politely that agreement is for supervisors', async ({
    ownerApi,
    baseURL,
    signInAs,
  }) => {
    const s = await arrangeDoubleCoding(ownerApi, baseURL!);
    const page = await signInAs(s.coders.bo);
    await page.goto(`/projects/${s.project.id}/agreement`);
    await expect(page.getByRole('note')).toContainText(
      "Agreement and reconciliation are for the project's owners and supervisors.",
    );
    await page.goto(`/projects/${s.project.id}/agreement/review/${s.documentId}`);
    await expect(page.getByRole('note')).toBeVisible();
    await s.dispose();
  });
});
