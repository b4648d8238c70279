// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

/*
 * One lint config for the whole repository. Besides the usual rules it enforces the dependency
 * direction of DESIGN.md: core depends on nothing; contracts and db never on apps; the web app
 * never on the server side; a web feature never on another feature (app/ composes them).
 */

const SERVER_ONLY = ['@kodbok/db', '@kodbok/api', 'fastify', 'drizzle-orm', 'better-sqlite3'];
const restrict = (names, patterns = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: names.map((name) => ({
        name,
        message: 'This layer may not depend on that one (see DESIGN.md).',
      })),
      patterns: [
        ...names.map((n) => ({
          group: [`${n}/*`],
          message: 'This layer may not depend on that one (see DESIGN.md).',
        })),
        ...patterns,
      ],
    },
  ],
});

const features = readdirSync(new URL('./apps/web/src/features', import.meta.url), {
  withFileTypes: true,
})
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** A feature may not import another feature, nor the app/ composition root. */
const featureBoundaries = features.map((feature) => {
  const others = features.filter((f) => f !== feature);
  const groups = others.flatMap((o) => [
    `**/features/${o}/**`,
    `../${o}/**`,
    `../../${o}/**`,
    `../../../${o}/**`,
    `../../../../${o}/**`,
  ]);
  return {
    files: [`apps/web/src/features/${feature}/**/*.{ts,tsx}`],
    rules: restrict(SERVER_ONLY, [
      {
        group: groups,
        message: `Feature "${feature}" may not import another feature: compose them in app/.`,
      },
      { group: ['**/app/**'], message: 'Features may not import the app/ composition root.' },
    ]),
  };
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'migrations/**',
      '**/test-results/**',
      '**/playwright-report/**',
      'bench/.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/src/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    files: ['**/test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: restrict(
      [...SERVER_ONLY, '@kodbok/contracts', 'react', 'typebox'],
      [{ group: ['node:*'], message: 'packages/core is pure: no I/O, no Node built-ins.' }],
    ),
  },
  { files: ['packages/contracts/src/**/*.ts'], rules: restrict([...SERVER_ONLY, 'react']) },
  {
    files: ['packages/db/src/**/*.ts'],
    rules: restrict(['@kodbok/api', '@kodbok/contracts', 'fastify', 'react']),
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(SERVER_ONLY, [
        { group: ['node:*'], message: 'The web app runs in the browser.' },
      ]),
    },
  },
  ...featureBoundaries,
  {
    // Every call goes through the endpoint table (docs/decisions/021): call(), urlOf().
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['Literal[value=/^\\/api\\//]', 'TemplateElement[value.raw=/^\\/api\\//]'].map(
          (selector) => ({
            selector,
            message: 'Call the API through its endpoint (lib/api-client.ts: call, urlOf).',
          }),
        ),
      ],
    },
  },
  { files: ['e2e/**/*.ts'], rules: restrict(['@kodbok/db', '@kodbok/api']) },
);
