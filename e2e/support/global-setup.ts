import { request, type FullConfig } from '@playwright/test';
import { OWNER, OWNER_STATE } from './accounts';

/** Creates the instance owner through the real API and saves the signed-in browser state. */
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]!.use.baseURL!;
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const res = await ctx.post('/api/setup', { data: OWNER });
  if (res.status() !== 201)
    throw new Error(`owner setup failed: ${res.status()} ${await res.text()}`);
  await ctx.storageState({ path: OWNER_STATE });
  await ctx.dispose();
}
