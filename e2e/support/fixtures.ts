import { test as base, expect, request, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {
  endpointUrl,
  ENDPOINTS,
  type Endpoint,
  type InputOf,
  type ResultOf,
  type Role,
} from '@kodbok/contracts';
import { OWNER_STATE, PASSWORD } from './accounts';

let seq = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++seq}`;

/** Talks to the real API as one signed-in account (for arranging data, never for asserting UI). */
export class Api {
  constructor(
    readonly ctx: APIRequestContext,
    readonly baseURL: string,
  ) {}
  /** Calls an endpoint of the table in packages/contracts, as the web app does; throws unless 2xx. */
  async call<E extends Endpoint>(endpoint: E, input: InputOf<E>): Promise<ResultOf<E>> {
    const url = endpointUrl(
      endpoint,
      input.params as Record<string, string> | undefined,
      input.query as Parameters<typeof endpointUrl>[2],
    );
    const res = await this.ctx.fetch(url, {
      method: endpoint.method,
      ...(input.body === undefined ? {} : { data: input.body }),
    });
    if (!res.ok())
      throw new Error(`${endpoint.method} ${url} → ${res.status()} ${await res.text()}`);
    return (res.status() === 204 ? null : await res.json()) as ResultOf<E>;
  }
  createProject(name = unique('Project')) {
    return this.call(ENDPOINTS.createProject, { body: { name } });
  }
  createStudy(projectId: string, title: string, text: string) {
    return this.call(ENDPOINTS.createStudy, { params: { projectId }, body: { title, text } });
  }
  createCode(projectId: string, name: string, parentId?: string) {
    return this.call(ENDPOINTS.createCode, {
      params: { projectId },
      body: {
        name,
        ...(parentId ? { parentId } : {}),
      },
    });
  }
  codes(projectId: string) {
    return this.call(ENDPOINTS.listCodes, { params: { projectId } });
  }
  async highlights(documentId: string) {
    return (await this.call(ENDPOINTS.getDocument, { params: { documentId } })).highlights;
  }
  /**
   * Makes `email` a member as a team would, over two sessions: invited from this account and
   * accepted from the invitee's (every account made by createUser has PASSWORD).
   */
  async addMember(projectId: string, email: string, role: Role) {
    const invitation = await this.call(ENDPOINTS.createInvitation, {
      params: { projectId },
      body: { email, role },
    });
    const origin = { origin: this.baseURL };
    const invitee = await request.newContext({ baseURL: this.baseURL, extraHTTPHeaders: origin });
    try {
      const inviteeApi = new Api(invitee, this.baseURL);
      await inviteeApi.call(ENDPOINTS.createSession, { body: { email, password: PASSWORD } });
      await inviteeApi.call(ENDPOINTS.acceptInvitation, {
        params: { invitationId: invitation.id },
      });
    } finally {
      await invitee.dispose();
    }
  }
  async createUser(name: string) {
    const email = `${unique(name.toLowerCase().replace(/\W+/g, '-'))}@example.org`;
    await this.call(ENDPOINTS.createUser, { body: { email, name, password: PASSWORD } });
    return { email, name, password: PASSWORD };
  }
}

interface Fixtures {
  ownerApi: Api;
  /** A page signed in as the instance owner. */
  ownerPage: Page;
  /** Opens a new browser context signed in as the given account. */
  signInAs: (account: { email: string; password: string }) => Promise<Page>;
  checkA11y: (page: Page) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  ownerApi: async ({ baseURL }, use) => {
    const ctx = await request.newContext({
      baseURL,
      storageState: OWNER_STATE,
      extraHTTPHeaders: { origin: baseURL! },
    });
    await use(new Api(ctx, baseURL!));
    await ctx.dispose();
  },
  ownerPage: async ({ browser }, use) => {
    const context = await browser.newContext({ storageState: OWNER_STATE });
    const page = await context.newPage();
    failOnConsoleErrors(page);
    await use(page);
    await context.close();
  },
  signInAs: async ({ browser, baseURL }, use) => {
    const contexts: Array<{ close: () => Promise<void> }> = [];
    await use(async (account) => {
      const context = await browser.newContext({ baseURL });
      contexts.push(context);
      const res = await context.request.post('/api/session', {
        data: { email: account.email, password: account.password },
        headers: { origin: baseURL! },
      });
      expect(res.status(), await res.text()).toBe(200);
      const page = await context.newPage();
      failOnConsoleErrors(page);
      return page;
    });
    for (const c of contexts) await c.close();
  },
  // Playwright fixtures must destructure their dependencies, even when there are none.
  // eslint-disable-next-line no-empty-pattern
  checkA11y: async ({}, use) => {
    await use(async (page) => {
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(
        serious.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        ),
      ).toEqual([]);
    });
  },
});

/** An unexpected console error fails the test (a CSP violation, a React warning, a crash). */
function failOnConsoleErrors(page: Page) {
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    // Failed requests the test provokes on purpose (403, 404…) are logged by the browser too.
    if (/Failed to load resource: the server responded with a status of (4\d\d)/.test(text)) return;
    throw new Error(`console error: ${text}`);
  });
}

export { expect };
export { unique };
