/** What the request handlers share: the database, the settings, and who is calling. */
import type { Caller } from './auth';
import type { ServerConfig } from './config';
import type { Db } from './db/adapter';
import type { RateLimiter } from './rate-limit';

export interface Deps {
  db: Db;
  config: ServerConfig;
  limiter: RateLimiter;
  version: string;
}

export interface AppEnv {
  Variables: {
    /** Set by the auth middleware on /v1/*. */
    caller?: Caller;
  };
}
