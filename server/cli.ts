/**
 * `npm run server -- <command>`: the team admin's command line.
 *
 *   (nothing) | serve                          run the HTTP server (PORT, HOST, DATABASE_URL, …)
 *   migrate                                    create or upgrade the database, then exit
 *   team create "Acme Sales" [--json]          prints the new team's id
 *   team import teams.json                     teams and reps from a file; prints ids and tokens as JSON
 *   invite --team <id> --name "Wang Fang" [--email x] [--lead] [--json]
 *                                              prints the rep id and the token, once; a name
 *                                              taken in the team (case and spaces aside) is refused
 *   token <repId> [--json]                     a new token for an existing rep (lost token, second device)
 *   revoke <repId | token prefix>              revokes the rep's tokens, or the one token
 *
 * With PGlite only one process may open the data folder: stop the server before running an
 * admin command (or use PostgreSQL, where both run side by side).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AdminError, checkRevokeTarget, createTeam, importTeams, invite, issueToken, repRecord, revoke, type Invited } from './admin';
import { readConfig } from './config';
import type { Db } from './db/adapter';
import { openDb } from './db/open';
import { DataDirInUse } from './db/pglite';
import { tokenPrefix } from './tokens';

export const USAGE = `Usage: npm run server -- [command]

  serve (the default)        run the team sync server
  migrate                    create or upgrade the database, then exit
  team create <name> [--json]
  team import <file.json>    {"teams":[{"name":"Acme","reps":[{"name":"Wang Fang","email":"…","lead":true}]}]}
  invite --team <teamId> --name <name> [--email <email>] [--lead] [--json]
  token <repId> [--json]     a new token for an existing rep, who keeps their id and problems
  revoke <repId | hf_token-prefix>

Environment: DATABASE_URL (PostgreSQL; PGlite otherwise), HOLDFAST_DATA_DIR (PGlite folder,
default .holdfast-data/server), PORT (8787), HOST (127.0.0.1), HOLDFAST_MAX_BODY_BYTES,
HOLDFAST_RATE_BURST, HOLDFAST_RATE_PER_SECOND, PG_POOL_SIZE.`;

/** Runs one admin command; resolves to the process exit code. */
export async function runAdmin(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  let db: Db | undefined;
  try {
    const open = async () => (db = await openDb(readConfig().db));
    switch (command) {
      case 'migrate': {
        await open();
        process.stdout.write('The database is up to date.\n');
        return 0;
      }
      case 'team':
        return await teamCommand(rest, open);
      case 'invite':
        return await inviteCommand(rest, open);
      case 'token': {
        const { positionals, values } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean' } } });
        const [repId] = positionals;
        if (!repId || positionals.length > 1) return usage('token takes one rep id.');
        printToken(await issueToken(await open(), repId), values.json === true);
        return 0;
      }
      case 'revoke': {
        const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
        const [target] = positionals;
        if (!target || positionals.length > 1) return usage('revoke takes one rep id or token prefix.');
        checkRevokeTarget(target);
        const revoked = await revoke(await open(), target);
        for (const r of revoked) process.stdout.write(`Revoked ${r.prefix}… of rep ${r.repId}\n`);
        return 0;
      }
      default:
        return usage(`Unknown command "${command ?? ''}".`);
    }
  } catch (err) {
    if (err instanceof AdminError || err instanceof DataDirInUse) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) return usage(err.message);
    throw err;
  } finally {
    await db?.close();
  }
}

async function teamCommand(args: string[], open: () => Promise<Db>): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  const [sub, arg, ...extra] = positionals;
  if (sub === 'create' && arg && extra.length === 0) {
    const team = await createTeam(await open(), arg);
    if (values.json) process.stdout.write(JSON.stringify(team) + '\n');
    else {
      process.stdout.write(`${team.id}\n`);
      process.stderr.write(`Created team "${team.name}". Invite reps with: npm run server -- invite --team ${team.id} --name "…"\n`);
    }
    return 0;
  }
  if (sub === 'import' && arg && extra.length === 0) {
    let file: unknown;
    try {
      file = JSON.parse(readFileSync(arg, 'utf8'));
    } catch (err) {
      throw new AdminError(`Cannot read ${arg}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const teams = await importTeams(await open(), file);
    process.stdout.write(JSON.stringify({ teams }, null, 2) + '\n');
    return 0;
  }
  return usage('Use: team create "Name", or team import file.json');
}

async function inviteCommand(args: string[], open: () => Promise<Db>): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { team: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, lead: { type: 'boolean' }, json: { type: 'boolean' } },
  });
  if (!values.team || !values.name || positionals.length) return usage('invite needs --team <teamId> and --name "Full Name".');
  const spec = { name: values.name, ...(values.email ? { email: values.email } : {}), lead: values.lead === true };
  repRecord('check', spec); // A bad name or email is refused before the database is opened.
  const rep = await invite(await open(), values.team, spec);
  printToken(rep, values.json === true);
  return 0;
}

function printToken(rep: Invited, json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify(rep) + '\n');
    return;
  }
  process.stdout.write(`rep ${rep.repId}\ntoken ${rep.token}\n`);
  process.stderr.write(
    `${rep.name} (${rep.role}): the token is shown only this once. Give it to ${rep.name} for Options → Team sync.\n` +
      `Revoke it with: npm run server -- revoke ${tokenPrefix(rep.token)}\n`,
  );
}

function usage(problem: string): number {
  process.stderr.write(`${problem}\n\n${USAGE}\n`);
  return 2;
}
