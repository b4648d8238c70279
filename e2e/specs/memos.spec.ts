import { expect, test } from '../support/fixtures';
import { arrangeStudy, documentText } from '../support/workspace';

/*
 * Memos beyond highlights (issue 9): a study's and a document's memo written beside the text, the
 * project's and a code's on the Memos page, every memo listed there, and the memos export.
 */

const TEXT = 'Peer workers felt stigma from staff on the ward. Supervision was rare.';

test('memos on a study, its document, the project and a code are saved as typed and listed', async ({
  ownerPage: page,
  ownerApi,
  signInAs,
  checkA11y,
}) => {
  const s = await arrangeStudy(ownerApi, TEXT, ['Stigma']);
  await page.goto(s.url);
  await expect(documentText(page)).toContainText('Peer workers');
  const memos = page.locator('details.study-details', { hasText: 'Study memos' });
  await memos.locator('summary').click();
  await memos
    .getByLabel('Study memo', { exact: true })
    .fill('Strong on stigma — compare Grim 2022');
  await memos.getByLabel('Memo on this text').fill('Only an abstract: ask for the full text');
  await expect(memos.getByRole('status').first()).toHaveText('Saved');
  await expect(memos.getByRole('status').nth(1)).toHaveText('Saved');

  // Straight on to the Memos page: both are listed, linked to the study.
  await page.goto(`/projects/${s.project.id}/memos`);
  await expect(page.getByRole('heading', { name: 'Memos', level: 1 })).toBeVisible();
  const all = page.getByRole('region', { name: 'All memos' });
  await expect(all).toContainText('Strong on stigma — compare Grim 2022');
  await expect(all).toContainText('Only an abstract: ask for the full text');
  await expect(all.getByRole('link', { name: s.study.title, exact: true })).toHaveAttribute(
    'href',
    `/projects/${s.project.id}/studies/${s.study.id}`,
  );

  await page.getByLabel('My project memo').fill('Two themes so far: stigma and supervision');
  await page.getByLabel('Code', { exact: true }).selectOption({ label: 'Stigma' });
  await page.getByLabel('My memo on this code').fill('Staff stigma vs. self-stigma?');
  await page.getByLabel('My memo on this code').blur();
  await expect(all).toContainText('Two themes so far');
  await expect(all).toContainText('Staff stigma vs. self-stigma?');
  await checkA11y(page);

  // Stored: after a reload the workspace shows them again.
  await page.goto(s.url);
  await expect(page.getByLabel('Study memo', { exact: true })).toHaveValue(
    'Strong on stigma — compare Grim 2022',
  );

  // The export holds every kind, grouped.
  const md = await (
    await page.request.get(`/api/projects/${s.project.id}/exports/memos.md`)
  ).text();
  expect(md).toContain('## Project memos\n\nTwo themes so far: stigma and supervision');
  expect(md).toContain('### Stigma\n\nStaff stigma vs. self-stigma?');
  expect(md).toContain('Strong on stigma — compare Grim 2022');

  // A coder reads the owner's memos, read-only, and writes their own beside them.
  const coder = await ownerApi.createUser('Memo Coder');
  await ownerApi.addMember(s.project.id, coder.email, 'coder');
  const coderPage = await signInAs(coder);
  await coderPage.goto(s.url);
  const theirs = coderPage.locator('details.study-details', { hasText: 'Study memos' });
  await expect(theirs).toHaveAttribute('open', '');
  await expect(theirs).toContainText('Strong on stigma — compare Grim 2022');
  await expect(theirs.getByLabel('Study memo', { exact: true })).toHaveValue('');
});
