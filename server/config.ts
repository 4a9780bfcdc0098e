/** Everything the server reads from its environment, in one place, with the defaults. */
import type { DbConfig } from './db/open';
import type { RateLimit } from './rate-limit';
import { DEFAULT_TEAM_QUOTA_BYTES } from './sync/quota';

export interface FaultConfig {
  /** Test-only: stall a push just before or just after its COMMIT, so a test can kill the process there. */
  when: 'before-commit' | 'after-commit';
  ms: number;
  /** Only this client's pushes stall; all pushes when absent. */
  clientId?: string;
}

export interface ServerConfig {
  db: DbConfig;
  port: number;
  host: string;
  maxBodyBytes: number;
  /** The most bytes of records one team may store (HOLDFAST_TEAM_QUOTA_BYTES, 1 GB). */
  teamQuotaBytes: number;
  rateLimit: RateLimit;
  /** Test-only fault injection (HOLDFAST_FAULT_PUSH_STALL); empty in normal use. */
  faults: FaultConfig[];
}

export const DEFAULT_DATA_DIR = '.holdfast-data/server';

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, not "${raw}".`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  const config: ServerConfig = {
    db: {
      ...(databaseUrl ? { databaseUrl } : {}),
      dataDir: env.HOLDFAST_DATA_DIR || DEFAULT_DATA_DIR,
      poolSize: int(env, 'PG_POOL_SIZE', 10, 1),
    },
    port: int(env, 'PORT', 8787),
    host: env.HOST || '127.0.0.1',
    maxBodyBytes: int(env, 'HOLDFAST_MAX_BODY_BYTES', 5 * 1024 * 1024, 1024),
    teamQuotaBytes: int(env, 'HOLDFAST_TEAM_QUOTA_BYTES', DEFAULT_TEAM_QUOTA_BYTES, 1024),
    rateLimit: { burst: int(env, 'HOLDFAST_RATE_BURST', 120, 1), perSecond: int(env, 'HOLDFAST_RATE_PER_SECOND', 20, 1) },
    faults: parseFaults(env.HOLDFAST_FAULT_PUSH_STALL),
  };
  return config;
}

/** `before-commit:2000:<clientId>,after-commit:500`: each a moment, a stall, and optionally one client. */
function parseFaults(spec: string | undefined): FaultConfig[] {
  if (!spec) return [];
  return spec.split(',').map((one) => {
    const m = /^(before-commit|after-commit):(\d+)(?::([0-9a-f-]{36}))?$/.exec(one.trim());
    if (!m) throw new Error('HOLDFAST_FAULT_PUSH_STALL is a comma-separated list of before-commit|after-commit:<ms>[:<clientId>].');
    return { when: m[1] as FaultConfig['when'], ms: Number(m[2]), ...(m[3] ? { clientId: m[3] } : {}) };
  });
}
