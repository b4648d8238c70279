import Fastify, { type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createRepositories, lockWaitersOf, openDatabase, startCheckpointer } from '@kodbok/db';
import type { Config } from './config';
import { createServices } from './services';
import { createImportRunner } from './services/import-runner';
import { discardInBackground } from './services/import-staging';
import { startCountsFollower } from './services/counts-follower';
import { createReadRunner } from './services/read-runner';
import { besideServer } from './worker-start';
import type { RefiJob, RefiResult } from './services/refi-run';
import { registerSecurity } from './plugins/security';
import { registerCompression } from './plugins/compression';
import { registerServerTiming } from './plugins/server-timing';
import { registerErrors } from './plugins/errors';
import { registerBusyRetry } from './plugins/busy-retry';
import { registerAuth } from './plugins/auth';
import { registerOpenApi } from './plugins/openapi';
import { registerWeb } from './plugins/web';
import { registerRoutes } from './routes';
import { registerMultipart } from './plugins/multipart';
import { strictBodyValidator } from './plugins/validation';
import { seedDemoProject } from './demo/seed';

// The workers beside this module (docs/decisions/010, 011, 013).
const IMPORT_WORKER = besideServer('import-worker');
const REFI_WORKER = besideServer('refi-worker');
const READ_WORKER = besideServer('read-worker');

/**
 * How long a write on the API thread waits, blocking it, for another connection's write lock: a
 * few milliseconds. An import holds the lock in slices of about 40 ms (docs/decisions/019); a
 * write that meets one is run again from a timer (plugins/busy-retry.ts, group-commit.ts) for up
 * to a second, so the event loop goes on serving everyone meanwhile. Past that, 503.
 */
const API_BUSY_TIMEOUT = 5;

/**
 * Builds the whole server as one Fastify instance: third-party plugins first, then ours, then
 * the routes. Tests call this with a fresh data folder and talk to it with `app.inject`.
 */
export async function buildApp(config: Config, options: FastifyServerOptions = {}) {
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    schemaController: { compilersFactory: { buildValidator: strictBodyValidator() } },
    ...options,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // 8 MB of page cache: the API thread's reads are single documents and pages of excerpts, which
  // the OS's file cache serves as fast (measured at 1M highlights: writes, document opens and
  // excerpt pages alike), and the 24 MB less is a tenth of the mixed load's peak (decision 022).
  const db = openDatabase(config.databaseFile, { busyTimeout: API_BUSY_TIMEOUT, cacheMb: 8 });
  const repos = createRepositories(db);
  // Writes here that meet an import's lock are counted, and the import pauses for them.
  const waiters = lockWaitersOf(db);
  const runRead = createReadRunner(READ_WORKER, config.databaseFile);
  const limits = { timeLimit: config.importTimeLimit, atOnce: config.importsAtOnce };
  // An import stopped part-way leaves its hidden staging project (a REFI-QDA import: its hidden
  // new project, with the coder accounts made for it); so does a server killed during one (found
  // here at start). Deleted in short slices, between requests (docs/decisions/019).
  const discard = (stagingId: string) =>
    void discardInBackground(db, repos, stagingId, (err) =>
      app.log.error(err, 'an import’s staging project could not be deleted'),
    );
  repos.projects.listStaging().forEach(discard);
  const services = createServices(db, repos, config, {
    runImport: createImportRunner(
      IMPORT_WORKER,
      config.databaseFile,
      'import',
      limits,
      discard,
      waiters.buffer,
    ),
    runRead,
    runRefi: createImportRunner<RefiJob, RefiResult>(
      REFI_WORKER,
      config.databaseFile,
      'REFI-QDA exchange',
      limits,
      discard,
      waiters.buffer,
    ),
  });
  app.decorate('services', services);
  const checkpointer = startCheckpointer(db, config.databaseFile, {
    onError: (err) =>
      app.log.error(err, 'the checkpoint worker stopped; SQLite checkpoints itself'),
  });
  const follower = startCountsFollower(db, runRead, (err) =>
    app.log.error(err, 'keeping the read worker’s counts current failed'),
  );
  app.addHook('onClose', async () => {
    follower.stop();
    await checkpointer.stop();
    await runRead.close();
    db.$client.close();
  });
  if (config.seedDemo) seedDemoProject(db, repos, app.log);

  await registerSecurity(app, config);
  // A 10,000-study list is megabytes of repetitive JSON. Export routes opt out (`compress:
  // false`): they stream from the read worker at 100,000 rows a second, and XLSX, DOCX and .qdpx
  // are zips already.
  await registerCompression(app);
  registerServerTiming(app);
  registerErrors(app);
  registerBusyRetry(app, waiters);
  await registerAuth(app, config, repos);
  await registerOpenApi(app);
  await registerMultipart(app, config);
  await app.register(registerRoutes, { prefix: '/api' });
  await registerWeb(app, config);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

declare module 'fastify' {
  interface FastifyInstance {
    services: ReturnType<typeof createServices>;
  }
}
