import { build, type BuildOptions, type Plugin } from 'esbuild';
import path from 'node:path';

/**
 * Bundles the server into ES modules that plain Node runs, `apps/api/dist/main.js` and the
 * import worker beside it: our own TypeScript (the api and the @kodbok workspaces) is compiled
 * in, every npm package stays an import from node_modules. Running the bundle instead of tsx
 * spares the production process a loader thread and per-file source maps
 * (docs/decisions/008-bundle-the-server.md).
 */
const ownCode: Plugin = {
  name: 'npm-packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@kodbok/') ? undefined : { path: args.path, external: true },
    );
  },
};

/** The server's bundle (a test builds it in memory to check what each thread loads). */
export const SERVER_BUILD = {
  // The server, the worker each import runs in (docs/decisions/010) and the read worker (011).
  entryPoints: {
    main: path.join(import.meta.dirname, 'src/main.ts'),
    'import-worker': path.join(import.meta.dirname, 'src/import-worker.ts'),
    'read-worker': path.join(import.meta.dirname, 'src/read-worker.ts'),
    // REFI-QDA exports and imports (docs/decisions/013).
    'refi-worker': path.join(import.meta.dirname, 'src/refi-worker.ts'),
  },
  outdir: path.join(import.meta.dirname, 'dist'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  plugins: [ownCode],
  logLevel: 'warning',
} satisfies BuildOptions;

if (process.argv[1] === import.meta.filename) await build(SERVER_BUILD);
