import { build, type Plugin } from 'esbuild';
import path from 'node:path';

/**
 * Bundles the server into one ES module, `apps/api/dist/main.js`, that plain Node runs: our own
 * TypeScript (the api and the @kodbok workspaces) is compiled in, every npm package stays an
 * import from node_modules. Running the bundle instead of tsx spares the production process a
 * loader thread and per-file source maps (docs/decisions/008-bundled-server.md).
 */
const ownCode: Plugin = {
  name: 'npm-packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@kodbok/') ? undefined : { path: args.path, external: true },
    );
  },
};

await build({
  entryPoints: [path.join(import.meta.dirname, 'src/main.ts')],
  outfile: path.join(import.meta.dirname, 'dist/main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  plugins: [ownCode],
  logLevel: 'warning',
});
