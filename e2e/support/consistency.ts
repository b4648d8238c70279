import { ENDPOINTS } from '@kodbok/contracts';
import { expect, type Page } from '@playwright/test';
import type { Api } from './fixtures';
import { picker, selectByMouse } from './workspace';

/*
 * Helpers for the coding-consistency specs: a team of members, coding a passage through the UI,
 * and reading what the workspace shows.
 */

export interface Account {
  email: string;
  name: string;
  password: string;
}

/** New accounts added to the project with the given roles, in order. */
export async function addTeam(
  api: Api,
  projectId: string,
  people: Array<{ name: string; role: 'supervisor' | 'coder' | 'viewer' }>,
): Promise<Account[]> {
  const accounts: Account[] = [];
  for (const p of people) {
    const account = await api.createUser(p.name);
    await api.addMember(projectId, account.email, p.role);
    accounts.push(account);
  }
  return accounts;
}

export function setIndependentCoding(api: Api, projectId: string, on: boolean) {
  return api.call(ENDPOINTS.updateProject, {
    params: { projectId },
    body: { independentCoding: on },
  });
}

/**
 * The highlights on a document of `coders` ("all": every coder but the consensus; "consensus";
 * ids), as the account behind `api` may read them.
 */
export function highlightsOf(api: Api, documentId: string, coders = 'all') {
  return api
    .call(ENDPOINTS.getDocument, { params: { documentId }, query: { coders } })
    .then((d) => d.highlights);
}

/** Codes [start, end) of the document text with an existing code, through the picker. */
export async function codeInUi(page: Page, start: number, end: number, codeName: string) {
  const before = await page.locator('.doc-text .hl').count();
  await selectByMouse(page, start, end);
  const p = picker(page);
  await expect(p.input).toBeFocused();
  await p.input.fill(codeName);
  await expect(p.option(codeName)).toBeVisible();
  await p.input.press('Enter');
  await expect(page.getByLabel('Find or create a code')).toHaveCount(0);
  await expect.poll(() => page.locator('.doc-text .hl').count()).toBeGreaterThan(before);
}

/** The codebook entry of a code, named with its count ("Stigma, 1 highlight"). */
export function codebookEntry(page: Page, name: string) {
  return page.getByRole('tree', { name: 'Codebook' }).locator(`[role="treeitem"]`, {
    has: page.locator('.code-name', { hasText: new RegExp(`^${name}$`) }),
  });
}

/** The "Coding shown" popover of owners and supervisors. */
export function coderChoice(page: Page) {
  const button = page.getByRole('button', { name: /^Coding shown/ });
  const panel = page.getByRole('group', { name: 'Show the coding of' });
  return { button, panel, option: (name: string) => panel.getByRole('checkbox', { name }) };
}
