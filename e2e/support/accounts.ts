import path from 'node:path';

/** The instance owner created once per run by global-setup (the first-run spec uses its own server). */
export const OWNER = {
  email: 'olivia@example.org',
  name: 'Olivia Owner',
  password: 'olivia owner password',
};
// One file per port: two runs side by side (E2E_PORT) must not sign each other's owner out.
export const OWNER_STATE = path.resolve(
  import.meta.dirname,
  `../.auth/owner-${process.env.E2E_PORT ?? 3999}.json`,
);
export const PASSWORD = 'a long enough password';
