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
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
