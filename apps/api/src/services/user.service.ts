import type { Db, Repositories } from '@kodbok/db';
import { inTransaction } from '@kodbok/db';
import { CONSENSUS_CODER_ID } from '@kodbok/contracts';
import type { CreateUserBody, UpdateUserBody, User } from '@kodbok/contracts';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { hashPassword, toUser } from './auth.service';
import type { CurrentUser } from './types';

/** Accounts are managed by the instance owner (there is no self sign-up). */
export function createUserService(db: Db, repos: Repositories) {
  function requireInstanceOwner(user: CurrentUser) {
    if (!user.isInstanceOwner) throw new ForbiddenError('Only the instance owner manages accounts');
  }
  return {
    list(user: CurrentUser): User[] {
      requireInstanceOwner(user);
      return repos.users
        .list()
        .filter((u) => u.passwordHash !== null)
        .map(toUser);
    },
    async create(user: CurrentUser, input: CreateUserBody): Promise<User> {
      requireInstanceOwner(user);
      if (repos.users.findByEmail(input.email))
        throw new ConflictError(`An account with e-mail ${input.email} exists`);
      const passwordHash = await hashPassword(input.password);
      // Hashing yields the thread: a second request for the same e-mail may have won meanwhile.
      try {
        return toUser(repos.users.insert({ email: input.email, name: input.name, passwordHash }));
      } catch (err) {
        if (isUniqueViolation(err))
          throw new ConflictError(`An account with e-mail ${input.email} exists`);
        throw err;
      }
    },
    update(user: CurrentUser, userId: string, patch: UpdateUserBody): User {
      requireInstanceOwner(user);
      const target = repos.users.findById(userId);
      // The consensus coder is not an account (migration 0005).
      if (!target || target.id === CONSENSUS_CODER_ID) throw new NotFoundError('User');
      if (patch.disabled && target.id === user.id)
        throw new BadRequestError('You cannot disable your own account');
      return inTransaction(db, () => {
        const row = repos.users.update(userId, patch);
        if (patch.disabled) {
          // Disabling takes effect at once: every session and token of the account is revoked.
          repos.sessions.deleteForUser(userId);
          repos.tokens.deleteForUser(userId);
        }
        return toUser(row!);
      });
    },
  };
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
