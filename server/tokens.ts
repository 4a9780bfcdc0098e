/**
 * Bearer tokens: `hf_` and 32 random bytes in base64url. The database keeps only the SHA-256
 * (a fast hash is enough: the token is random and 256 bits long, nothing to brute-force) and
 * a short prefix by which an admin can name a token to revoke.
 */
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_MARK = 'hf_';
/** `hf_` and 8 characters: enough to tell a team's tokens apart, useless for signing in. */
export const TOKEN_PREFIX_LENGTH = TOKEN_MARK.length + 8;
const TOKEN_SHAPE = /^hf_[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return TOKEN_MARK + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function tokenPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX_LENGTH);
}

export function looksLikeToken(s: string): boolean {
  return TOKEN_SHAPE.test(s);
}
