/**
 * Runs the team sync server as a real child process on loopback, for tests and benchmarks.
 *
 *   const server = await startServer({ db: 'pglite' });      // or 'postgres'
 *   const res = await fetch(`${server.url}/v1/me`, { headers: { Authorization: `Bearer ${server.tokens.alice}` } });
 *   await server.kill('SIGKILL'); await server.restart();      // crash and come back on the same port and data
 *   await server.stop();                                       // SIGTERM, then delete the database
 *
 * Each server gets its own database: a copy of a migrated PGlite folder (creating one costs
 * PGlite ~10 s of initdb, so a template is made once per schema and copied), or a fresh,
 * uniquely named PostgreSQL database created through DATABASE_URL_TEST (default
 * postgres://holdfast:holdfast@127.0.0.1:5432/postgres, the role scripts/setup.sh creates)
 * and dropped by stop(). Teams and reps are made with the real CLI (`team import`), and the
 * tokens it prints are handed back by handle: `server.tokens.alice`, `server.reps.lena.id`.
 *
 * The default teams (DEFAULT_TEAMS): "acme" with reps alice and bob and lead lena, and
 * "beta" with rep mallory and lead mike.
 *
 * Several instances (DESIGN §6: a team that outgrows one machine runs several behind a load
 * balancer on one PostgreSQL): `startServer({ db: 'postgres', instances: 2 })` starts two
 * real server processes on one database. Each read of `server.url` then names the next
 * instance in turn (A, B, A, …), so every request a test or a TestClient makes goes to the
 * other instance than the one before, as a round-robin balancer sends them; `server.urls`
 * and `server.instances` name each one (to kill or restart one alone). kill(), restart()
 * and stop() act on all of them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export type DbKind = 'pglite' | 'postgres';
export const DB_KINDS: readonly DbKind[] = ['pglite', 'postgres'];

export interface RepSpec {
  handle: string;
  name: string;
  email?: string;
  lead?: boolean;
}

export interface TeamSpec {
  handle: string;
  name: string;
  reps: RepSpec[];
}

export const DEFAULT_TEAMS: readonly TeamSpec[] = [
  {
    handle: 'acme',
    name: 'Acme Sales',
    reps: [
      { handle: 'alice', name: 'Alice Ahn', email: 'alice@acme.test' },
      { handle: 'bob', name: 'Bob Brandt' },
      { handle: 'lena', name: 'Lena Li', lead: true },
    ],
  },
  {
    handle: 'beta',
    name: 'Beta Corp',
    reps: [
      { handle: 'mallory', name: 'Mallory Mohr' },
      { handle: 'mike', name: 'Mike Moss', lead: true },
    ],
  },
];

export interface StartOptions {
  db: DbKind;
  /** Server processes on the one database (PostgreSQL only: a PGlite folder is for one process). Default 1. */
  instances?: number;
  teams?: readonly TeamSpec[];
  /** Extra environment for the server process (HOLDFAST_RATE_BURST, HOLDFAST_FAULT_PUSH_STALL, …). */
  env?: Record<string, string>;
}

export interface RepInfo {
  handle: string;
  id: string;
  name: string;
  teamId: string;
  role: 'rep' | 'lead';
  token: string;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One server process of a TestServer. */
export interface ServerInstance {
  /** http://127.0.0.1:<port>, stable across restart(). */
  readonly url: string;
  pid(): number | undefined;
  /** Sends a signal (SIGKILL: a crash) and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  /** Starts this instance again on its port (after kill). */
  restart(): Promise<void>;
}

export interface TestServer {
  /**
   * http://127.0.0.1:<port>, stable across restart(). With several instances, each read
   * names the next one in turn, so consecutive requests alternate between them.
   */
  readonly url: string;
  /** Every instance's address, in order (one with a single instance). */
  readonly urls: readonly string[];
  readonly instances: readonly ServerInstance[];
  readonly db: DbKind;
  readonly teams: Readonly<Record<string, { id: string; name: string }>>;
  readonly reps: Readonly<Record<string, RepInfo>>;
  /** Bearer token by rep handle. */
  readonly tokens: Readonly<Record<string, string>>;
  /** The server's stdout since it last started, one parsed JSON log line each (every instance's, in instance order). */
  logs(): Array<Record<string, unknown>>;
  /** The (first) running server process's id (benchmarks read its memory from /proc). */
  pid(): number | undefined;
  /** Resolves with the first log line (since the last start, of any instance) that matches. */
  waitForLog(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Sends a signal (SIGKILL: a crash) to every instance and waits for them to exit; resolves to the (first's) exit code. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  /** Starts every instance again on the same port and database (after kill). `env` replaces the start's extra env. */
  restart(opts?: { env?: Record<string, string> }): Promise<void>;
  /** Runs an admin command (`revoke …`) against this database; with PGlite the server is stopped around it. */
  admin(args: string[]): Promise<CliResult>;
  /** Runs an admin command against this database as things are (with PGlite it is refused while the server runs). */
  cli(args: string[]): Promise<CliResult>;
  /** Graceful stop (SIGTERM), then the database and temp folder are deleted. */
  stop(): Promise<void>;
}

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START_TIMEOUT_MS = 90_000;

export const postgresAdminUrl = () => process.env.DATABASE_URL_TEST || 'postgres://holdfast:holdfast@127.0.0.1:5432/postgres';

/** Runs `server/main.ts <args>` (an admin command) to completion. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A migrated, empty PGlite folder to copy, made once per schema and shared by every test run
 * on the machine.
 */
export async function pgliteTemplate(): Promise<string> {
  // Keyed by the schema and the PGlite release: either changing makes a new template.
  const schema = createHash('sha256')
    .update(readFileSync(join(ROOT, 'server/db/migrations.ts')))
    .update(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json')))
    .digest('hex')
    .slice(0, 12);
  const dir = join(tmpdir(), `holdfast-pglite-template-${schema}`);
  if (existsSync(dir)) return dir;
  const building = `${dir}.building-${process.pid}-${randomBytes(4).toString('hex')}`;
  const res = await runCli(['migrate'], { HOLDFAST_DATA_DIR: building, DATABASE_URL: '' });
  if (res.code !== 0) throw new Error(`making the PGlite template failed: ${res.stderr || res.stdout}`);
  try {
    renameSync(building, dir);
  } catch {
    // Another worker finished first; theirs is as good.
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
}

/** Fails early, with the fix in the message, when the test PostgreSQL is not reachable. */
export async function checkPostgres(): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${postgresAdminUrl().replace(/:[^:@/]*@/, ':***@')} (${err instanceof Error ? err.message : String(err)}). ` +
        'Run bash scripts/setup.sh (it installs and starts Debian\'s postgresql and creates the holdfast role), or set DATABASE_URL_TEST.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Drops the test databases of test processes that died before their stop() (a killed run),
 * leaving those of live processes alone: another suite may be running beside this one.
 */
export async function dropOrphanDatabases(): Promise<string[]> {
  return withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'holdfast_test_%'`);
    const orphans = rows.map((r) => r.datname).filter((name) => {
      const pid = Number(/^holdfast_test_(\d+)_/.exec(name)?.[1]);
      if (!pid) return false;
      try {
        process.kill(pid, 0);
        return false;
      } catch (err) {
        return (err as NodeJS.ErrnoException).code === 'ESRCH';
      }
    });
    for (const name of orphans) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    return orphans;
  });
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

interface Database {
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function createDatabase(kind: DbKind, scratch: string): Promise<Database> {
  if (kind === 'pglite') {
    const dataDir = join(scratch, 'data');
    cpSync(await pgliteTemplate(), dataDir, { recursive: true });
    return { env: { HOLDFAST_DATA_DIR: dataDir, DATABASE_URL: '' }, drop: async () => {} };
  }
  const name = `holdfast_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

export async function startServer(options: StartOptions): Promise<TestServer> {
  const count = options.instances ?? 1;
  if (count < 1 || (count > 1 && options.db !== 'postgres')) throw new Error(`${count} instances on ${options.db}: several instances share PostgreSQL only`);
  const scratch = mkdtempSync(join(tmpdir(), 'holdfast-server-'));
  const database = await createDatabase(options.db, scratch);
  const procs: ServerProcess[] = [];
  try {
    // Teams and reps through the real CLI, before the server holds the (PGlite) database.
    const teamsFile = join(scratch, 'teams.json');
    const specs = options.teams ?? DEFAULT_TEAMS;
    writeFileSync(teamsFile, JSON.stringify({ teams: specs.map((t) => ({ name: t.name, reps: t.reps.map(({ handle: _h, ...r }) => r) })) }));
    const made = await runCli(['team', 'import', teamsFile], database.env);
    if (made.code !== 0) throw new Error(`team import failed: ${made.stderr}`);
    const created = JSON.parse(made.stdout) as { teams: Array<{ id: string; name: string; reps: Array<{ repId: string; name: string; role: 'rep' | 'lead'; token: string }> }> };

    const teams: Record<string, { id: string; name: string }> = {};
    const reps: Record<string, RepInfo> = {};
    const tokens: Record<string, string> = {};
    specs.forEach((spec, i) => {
      const team = created.teams[i]!;
      teams[spec.handle] = { id: team.id, name: team.name };
      spec.reps.forEach((r, j) => {
        const rep = team.reps[j]!;
        reps[r.handle] = { handle: r.handle, id: rep.repId, name: rep.name, teamId: team.id, role: rep.role, token: rep.token };
        tokens[r.handle] = rep.token;
      });
    });

    for (let i = 0; i < count; i++) procs.push(new ServerProcess({ ...database.env, ...(options.env ?? {}) }));
    // All at once, as a load balancer's instances come up (migrations take an advisory lock).
    const ports = await Promise.all(procs.map((p) => p.start(0)));
    const urls = ports.map((port) => `http://127.0.0.1:${port}`);
    const instances: ServerInstance[] = procs.map((proc, i) => ({
      url: urls[i]!,
      pid: () => proc.child?.pid,
      kill: (signal = 'SIGKILL') => proc.kill(signal),
      async restart() {
        await proc.kill('SIGTERM');
        await proc.start(ports[i]!);
      },
    }));
    let turn = 0;
    let stopped = false;
    const all = <T>(fn: (p: ServerProcess, i: number) => Promise<T>) => Promise.all(procs.map(fn));

    const server: TestServer = {
      get url() {
        return urls[turn++ % urls.length]!;
      },
      urls,
      instances,
      db: options.db,
      teams,
      reps,
      tokens,
      logs: () => procs.flatMap((p) => p.lines),
      pid: () => procs[0]!.child?.pid,
      waitForLog: (match, timeoutMs = 30_000) =>
        count === 1 ? procs[0]!.waitForLog(match, timeoutMs) : Promise.any(procs.map((p) => p.waitForLog(match, timeoutMs))),
      kill: async (signal = 'SIGKILL') => (await all((p) => p.kill(signal)))[0]!,
      async restart(opts) {
        await all(async (proc, i) => {
          await proc.kill('SIGTERM');
          if (opts?.env) proc.env = { ...database.env, ...opts.env };
          await proc.start(ports[i]!);
        });
      },
      cli: (args) => runCli(args, database.env),
      async admin(args) {
        if (options.db === 'postgres') return runCli(args, database.env);
        const proc = procs[0]!;
        await proc.kill('SIGTERM');
        try {
          return await runCli(args, database.env);
        } finally {
          await proc.start(ports[0]!);
        }
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        await all((proc) => {
          proc.closed = true;
          return proc.kill('SIGTERM');
        });
        await database.drop();
        rmSync(scratch, { recursive: true, force: true });
      },
    };
    return server;
  } catch (err) {
    // An instance that came up while another failed must not outlive the failure.
    await Promise.all(
      procs.map((p) => {
        p.closed = true;
        return p.kill('SIGKILL');
      }),
    );
    await database.drop().catch(() => {});
    rmSync(scratch, { recursive: true, force: true });
    throw err;
  }
}

/** Every server process this test process started and that still runs. */
const live = new Set<ChildProcess>();
// A test that timed out may go on in the background and start a server after its suite
// stopped; none may outlive the test process.
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** One server child process at a time; restartable until closed. */
class ServerProcess {
  child: ChildProcess | undefined;
  /** Set by stop(): a late restart() from a timed-out test must not start an orphan. */
  closed = false;
  lines: Array<Record<string, unknown>> = [];
  private waiters: Array<{ match: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }> = [];
  private stderr = '';

  constructor(public env: Record<string, string>) {}

  start(port: number): Promise<number> {
    if (this.closed) return Promise.reject(new Error('this test server was stopped'));
    this.lines = [];
    this.stderr = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
      cwd: ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    live.add(child);
    child.once('exit', () => live.delete(child));
    let buffered = '';
    child.stdout!.on('data', (d: Buffer) => {
      buffered += d.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const text = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        let line: Record<string, unknown>;
        try {
          line = JSON.parse(text) as Record<string, unknown>;
        } catch {
          line = { msg: 'unparsed', text };
        }
        this.lines.push(line);
        this.waiters = this.waiters.filter((w) => (w.match(line) ? (w.resolve(line), false) : true));
      }
    });
    child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));

    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start in ${START_TIMEOUT_MS} ms: ${this.stderr}`)), START_TIMEOUT_MS);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code}) before listening: ${this.stderr}\n${JSON.stringify(this.lines)}`));
      });
      this.waitForLog((l) => l.msg === 'listening', START_TIMEOUT_MS).then((l) => {
        clearTimeout(timer);
        resolve(Number(new URL(String(l.url)).port));
      }, reject);
    });
  }

  waitForLog(match: (l: Record<string, unknown>) => boolean, timeoutMs: number): Promise<Record<string, unknown>> {
    const seen = this.lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching server log line within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ match, resolve: (l) => (clearTimeout(timer), resolve(l)) });
    });
  }

  kill(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child?.exitCode ?? null);
    return new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', (code) => {
        live.delete(child);
        resolve(code);
      });
      child.kill(signal);
    });
  }
}
