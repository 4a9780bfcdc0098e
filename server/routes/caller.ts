import type { Context } from 'hono';
import type { Caller } from '../auth';
import type { AppEnv } from '../context';

/** The authenticated caller; the auth middleware guarantees one on every /v1 route. */
export function callerOf(c: Context<AppEnv>): Caller {
  const caller = c.get('caller');
  if (!caller) throw new Error('a /v1 route ran without the auth middleware');
  return caller;
}
