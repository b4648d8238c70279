import { buildApp } from './app';
import { loadConfig } from './config';

const config = loadConfig();
const app = await buildApp(config);
try {
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Kodbok is running on http://localhost:${config.port} (data in ${config.dataDir})`);
} catch (err) {
  app.log.error(err, 'could not start');
  process.exit(1);
}
// On SIGTERM: stop taking requests (503), answer those in flight, close the database (folding
// the WAL in). A client that never lets its connection go idle does not keep the server up: past
// five seconds its connections are cut; every answered write was committed before its answer.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    setTimeout(() => app.server.closeAllConnections(), 5_000).unref();
    void app.close().then(() => process.exit(0));
  });
}
