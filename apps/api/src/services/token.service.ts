import { createHash, randomBytes } from 'node:crypto';
import { isBusy, type Repositories } from '@kodbok/db';
import type { CreatedToken, Token } from '@kodbok/contracts';
import { NotFoundError } from '../errors';
import type { CurrentUser } from './types';

const PREFIX = 'kb_';
const TOUCH_EVERY_MS = 60_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Personal API tokens for scripts. Only a SHA-256 of the secret is stored: the secret has 256
 * bits of entropy, so a slow hash adds nothing, and lookups stay one indexed read per request.
 */
export function createTokenService(repos: Repositories) {
  const lastTouched = new Map<string, number>();
  return {
    list(user: CurrentUser): Token[] {
      return repos.tokens
        .listForUser(user.id)
        .map(({ id, name, createdAt, lastUsedAt }) => ({ id, name, createdAt, lastUsedAt }));
    },
    create(user: CurrentUser, name: string): CreatedToken {
      const secret = PREFIX + randomBytes(32).toString('base64url');
      const row = repos.tokens.insert(user.id, name, sha256(secret));
      return {
        id: row.id,
        name: row.name,
        createdAt: row.createdAt,
        lastUsedAt: null,
        token: secret,
      };
    },
    revoke(user: CurrentUser, tokenId: string): void {
      if (!repos.tokens.delete(user.id, tokenId)) throw new NotFoundError('Token');
    },
    /** The token's owner, or null for an unknown or revoked token or a disabled account. */
    authenticate(secret: string): CurrentUser | null {
      const found = repos.tokens.findUserByHash(sha256(secret));
      if (!found || found.user.disabled) return null;
      const nowMs = Date.now();
      if ((lastTouched.get(found.tokenId) ?? 0) + TOUCH_EVERY_MS < nowMs) {
        lastTouched.set(found.tokenId, nowMs);
        // Best effort: an import's slice holding the write lock must not fail the request.
        try {
          repos.tokens.touch(found.tokenId, new Date(nowMs).toISOString());
        } catch (err) {
          if (!isBusy(err)) throw err;
          lastTouched.delete(found.tokenId);
        }
      }
      const { id, name, email, isInstanceOwner } = found.user;
      return { id, name, email, isInstanceOwner };
    },
  };
}
