import { ENDPOINTS } from '@kodbok/contracts';
import { request, type Page } from '@playwright/test';
import type { Code } from '@kodbok/contracts';
import { Api, unique } from './fixtures';

/*
 * Helpers for the agreement specs: a project coded blind by two coders, each through their own
 * session, so the comparison is built by the real API exactly as a team would build it.
 */

export const DOUBLE_TEXT =
  'Managers said peer workers felt stigma from staff, and that supervision was rare in 2022 — Åsa 👩🏽‍⚕️ agreed.';
export const span = (quote: string) => {
  const start = DOUBLE_TEXT.indexOf(quote);
  return { start, end: start + quote.length, quote };
};

/** An API client signed in as `account` (its own cookie jar), disposed by the caller. */
export async function apiAs(baseURL: string, account: { email: string; password: string }) {
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const api = new Api(ctx, baseURL);
  await api.call(ENDPOINTS.createSession, {
    body: { email: account.email, password: account.password },
  });
  return api;
}

/**
 * A project with independent coding on, one cited study (Grim 2022), the codes Stigma and
 * Supervision, and two coders who both code "felt stigma from staff" as Stigma while only
 * Astrid codes "supervision was rare" as Supervision: one agreement, one disagreement.
 */
export async function arrangeDoubleCoding(ownerApi: Api, baseURL: string) {
  const project = await ownerApi.createProject(unique('Agreement'));
  await ownerApi.call(ENDPOINTS.updateProject, {
    params: { projectId: project.id },
    body: { independentCoding: true },
  });
  const study = await ownerApi.call(ENDPOINTS.createStudy, {
    params: { projectId: project.id },
    body: {
      title: unique('Managing peer support workers'),
      text: DOUBLE_TEXT,
      authors: ['Grim, Katarina'],
      year: 2022,
    },
  });
  const stigma = await ownerApi.createCode(project.id, 'Stigma');
  const supervision = await ownerApi.createCode(project.id, 'Supervision');
  const astrid = await ownerApi.createUser('Astrid Lind');
  const bo = await ownerApi.createUser('Bo Berg');
  for (const a of [astrid, bo]) await ownerApi.addMember(project.id, a.email, 'coder');
  const members = await ownerApi.call(ENDPOINTS.listMembers, { params: { projectId: project.id } });
  const idOf = (email: string) => members.find((m) => m.email === email)!.userId;
  const documentId = study.documents[0]!.id;

  const code = async (account: typeof astrid, passages: Array<[string, Code]>) => {
    const api = await apiAs(baseURL, account);
    for (const [quote, c] of passages)
      await api.call(ENDPOINTS.createHighlight, {
        params: { documentId },
        body: {
          ...span(quote),
          codeIds: [c.id],
        },
      });
    return api;
  };
  const astridApi = await code(astrid, [
    ['felt stigma from staff', stigma],
    ['supervision was rare', supervision],
  ]);
  const boApi = await code(bo, [['felt stigma from staff', stigma]]);
  return {
    project,
    study,
    documentId,
    codes: { stigma, supervision },
    coders: {
      astrid: { ...astrid, id: idOf(astrid.email), api: astridApi },
      bo: { ...bo, id: idOf(bo.email), api: boApi },
    },
    async dispose() {
      await astridApi.ctx.dispose();
      await boApi.ctx.dispose();
    },
  };
}

/** A row of a table by its row header, exactly. */
export function rowOf(page: Page, name: string) {
  return page.locator('tr', { has: page.getByRole('rowheader', { name, exact: true }) });
}
