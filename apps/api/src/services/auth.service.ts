import { hash, verify } from '@node-rs/argon2';
import type { Db, Repositories } from '@kodbok/db';
import { inTransaction } from '@kodbok/db';
import type { ChangePasswordResult, User } from '@kodbok/contracts';
import { BadRequestError, ConflictError, ForbiddenError, UnauthorizedError } from '../errors';
import type { CurrentUser } from './types';
import type { UserRow } from '@kodbok/db';

// Argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline.
export const hashPassword = (password: string) => hash(password);

// Verified when the e-mail is unknown, so a wrong address takes as long as a wrong password.
const DUMMY_HASH = hash('kodbok-timing-equaliser');

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isInstanceOwner: row.isInstanceOwner,
    disabled: row.disabled,
    createdAt: row.createdAt,
  };
}

export function createAuthService(db: Db, repos: Repositories) {
  return {
    setupRequired(): boolean {
      return repos.users.countWithPassword() === 0;
    },
    /** The first account owns the instance and every project without an owner (the demo). */
    async setup(input: { email: string; name: string; password: string }): Promise<User> {
      if (!this.setupRequired()) throw new ConflictError('Setup is already done: sign in instead');
      const passwordHash = await hashPassword(input.password);
      return inTransaction(db, () => {
        if (!this.setupRequired())
          throw new ConflictError('Setup is already done: sign in instead');
        if (repos.users.findByEmail(input.email))
          throw new ConflictError(`An account with e-mail ${input.email} exists`);
        const user = repos.users.insert({ ...input, passwordHash, isInstanceOwner: true });
        for (const projectId of repos.projects.listWithoutOwner())
          repos.members.upsert(projectId, user.id, 'owner');
        return toUser(user);
      });
    },
    async signIn(email: string, password: string): Promise<User> {
      const row = repos.users.findByEmail(email.trim());
      const ok = await verify(row?.passwordHash ?? (await DUMMY_HASH), password);
      if (!row || !row.passwordHash || !ok) throw new UnauthorizedError('Wrong e-mail or password');
      if (row.disabled)
        throw new ForbiddenError('This account is disabled; ask the instance owner');
      return toUser(row);
    },
    /**
     * A changed password ends every other way into the account: the other sessions and all API
     * tokens (the one making this request too), since any of them may be what was stolen.
     */
    async changePassword(
      user: CurrentUser,
      current: string,
      next: string,
    ): Promise<ChangePasswordResult> {
      const row = repos.users.findById(user.id);
      if (!row?.passwordHash || !(await verify(row.passwordHash, current))) {
        throw new BadRequestError('currentPassword is wrong');
      }
      if (current === next)
        throw new BadRequestError('newPassword must differ from the current password');
      const passwordHash = await hashPassword(next);
      return inTransaction(db, () => {
        repos.users.update(user.id, { passwordHash });
        repos.sessions.deleteForUser(user.id, user.sessionId);
        const revokedTokens = repos.tokens.listForUser(user.id).length;
        repos.tokens.deleteForUser(user.id);
        return { revokedTokens };
      });
    },
    me(user: CurrentUser): User {
      const row = repos.users.findById(user.id);
      if (!row) throw new UnauthorizedError();
      return toUser(row);
    },
  };
}
