import path from 'node:path';

/** The instance owner created once per run by global-setup (the first-run spec uses its own server). */
export const OWNER = {
  email: 'olivia@example.org',
  name: 'Olivia Owner',
  password: 'olivia owner password',
};
export const OWNER_STATE = path.resolve(import.meta.dirname, '../.auth/owner.json');
export const PASSWORD = 'a long enough password';
