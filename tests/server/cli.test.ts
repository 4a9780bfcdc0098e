/**
 * The admin command line as a team lead uses it: create a team, invite reps (the token is
 * printed once and works at once), issue a replacement token, revoke. With PGlite an admin
 * command is refused while a server holds the data folder (two processes would overwrite
 * each other's data); with PostgreSQL both run side by side.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeResponse } from '../../lib/sync/protocol';
import { put, raw, TestClient } from './client';
import { DB_KINDS, startServer, type TestServer } from './harness';
import { rep } from './records';

describe.each(DB_KINDS)('admin CLI on %s', (db) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ db, teams: [] });
  });
  afterAll(() => server?.stop());
  const me = async (token: string) => raw(server, '/v1/me', { headers: { Authorization: `Bearer ${token}` } });

  if (db === 'pglite') {
    it('refuses to open the PGlite folder while the server holds it, and says what to do', async () => {
      const r = await server.cli(['team', 'create', 'Too Early']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/in use by process \d+.*stop the server first, or use PostgreSQL/s);
    });
  }

  it('creates a team, invites a lead and a rep whose tokens work at once, and the others pull the new names', async () => {
    // With PGlite the commands need the folder to themselves: stop the server around them.
    await server.kill('SIGTERM');
    const team = await server.cli(['team', 'create', 'Gamma Sales']);
    expect(team.code).toBe(0);
    const teamId = team.stdout.trim();
    expect(teamId).toMatch(/^[0-9a-f-]{36}$/);

    const lead = await server.cli(['invite', '--team', teamId, '--name', 'Wang Fang', '--email', 'wang.fang@gamma.test', '--lead']);
    expect(lead.code).toBe(0);
    const [, leadId] = /^rep (\S+)$/m.exec(lead.stdout)!;
    const [, leadToken] = /^token (hf_\S+)$/m.exec(lead.stdout)!;
    expect(lead.stderr).toMatch(/shown only this once/);
    expect(lead.stderr).toContain(`revoke ${leadToken!.slice(0, 11)}`);

    const rep = await server.cli(['invite', '--team', teamId, '--name', 'Li Lei', '--json']);
    expect(rep.code).toBe(0);
    const invited = JSON.parse(rep.stdout) as { repId: string; token: string; role: string };
    expect(invited.role).toBe('rep');
    // A replacement token keeps the rep's id (a lost token, a second device).
    const again = await server.cli(['token', invited.repId, '--json']);
    const second = JSON.parse(again.stdout) as { repId: string; token: string };
    expect(second.repId).toBe(invited.repId);
    await server.restart();

    expect(MeResponse.parse((await me(leadToken!)).json)).toEqual({ teamId, teamName: 'Gamma Sales', repId: leadId, repName: 'Wang Fang', role: 'lead' });
    expect((await me(invited.token)).json).toMatchObject({ teamId, repId: invited.repId, role: 'rep' });
    expect((await me(second.token)).json).toMatchObject({ teamId, repId: invited.repId, role: 'rep' });
    // The invite wrote each rep's profile record into the team's stream.
    const { state } = await new TestClient(server, invited.token).pullAll();
    expect(state.get(`reps:${leadId}`)).toMatchObject({ name: 'Wang Fang', email: 'wang.fang@gamma.test' });
    expect(state.get(`reps:${invited.repId}`)).toMatchObject({ name: 'Li Lei' });

    // Revoking the first token by its printed prefix leaves the replacement working;
    // revoking by rep id then ends every token the rep has, and nobody else's.
    await server.kill('SIGTERM');
    expect((await server.cli(['revoke', invited.token.slice(0, 11)])).code).toBe(0);
    await server.restart();
    expect((await me(invited.token)).status).toBe(401);
    expect((await me(second.token)).json).toMatchObject({ repId: invited.repId });
    expect((await server.admin(['revoke', invited.repId])).code).toBe(0);
    expect((await me(second.token)).status).toBe(401);
    expect((await me(leadToken!)).status).toBe(200);
  });

  it('refuses to invite a name already taken in the team, case and spaces aside, as a push is refused', async () => {
    await server.kill('SIGTERM');
    const teamId = (await server.cli(['team', 'create', 'Delta Sales'])).stdout.trim();
    const first = await server.cli(['invite', '--team', teamId, '--name', 'Zhou Min', '--json']);
    expect(first.code).toBe(0);
    const zhou = JSON.parse(first.stdout) as { repId: string; token: string };
    const refused = async (r: { code: number | null; stdout: string; stderr: string }, taken: string) => {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`already called "${taken}"`);
      expect(r.stdout).not.toMatch(/hf_/);
    };
    // The rule of rules/names.ts, the one a rep renaming themself by a push meets.
    await refused(await server.cli(['invite', '--team', teamId, '--name', '  zhou   MIN ']), 'Zhou Min');
    // A team file is held to the same rule within each team, and refused whole: another
    // team's Zhou Min passes, its second Ann Lee does not.
    const file = join(mkdtempSync(join(tmpdir(), 'holdfast-cli-')), 'team.json');
    writeFileSync(file, JSON.stringify({ teams: [{ name: 'Zeta', reps: [{ name: 'Zhou Min' }, { name: 'Ann Lee' }, { name: 'ANN LEE' }] }] }));
    const imported = await server.cli(['team', 'import', file]);
    await refused(imported, 'Ann Lee');
    expect(imported.stderr).not.toContain('Zhou Min');

    // The name a rep goes by since a rename pushed through sync is the one taken, and the old one is free.
    await server.restart();
    const client = new TestClient(server, zhou.token);
    const renamed = await client.pushOk(client.number(put('reps', rep(zhou.repId, { name: 'Min Zhou', updatedAt: new Date().toISOString() }))));
    expect(renamed.results).toEqual([expect.objectContaining({ ok: true })]);
    await server.kill('SIGTERM');
    await refused(await server.cli(['invite', '--team', teamId, '--name', 'min zhou']), 'Min Zhou');
    expect((await server.cli(['invite', '--team', teamId, '--name', 'Zhou Min'])).code).toBe(0);
    await server.restart();
    const { state } = await client.pullAll();
    const names = [...state].filter(([k, r]) => k.startsWith('reps:') && r).map(([, r]) => (r as { name: string }).name);
    expect(names.sort()).toEqual(['Min Zhou', 'Zhou Min']);
  });

  it('explains bad input with a non-zero exit and writes nothing', async () => {
    // These are found before the database is opened, so they may run beside the server.
    const [noName, unknown, badEmail, shortToken] = await Promise.all([
      server.cli(['invite', '--team', 'x']),
      server.cli(['frobnicate']),
      server.cli(['invite', '--team', 'any-team', '--name', 'Bad Mail', '--email', 'not-an-email']),
      server.cli(['revoke', 'hf_short']),
    ]);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toMatch(/--name/);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command/);
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toMatch(/email/);
    expect(badEmail.stdout).not.toMatch(/hf_/);
    expect(shortToken.code).toBe(1);
    expect(shortToken.stderr).toMatch(/at least 11 characters/);

    const noTeam = await server.admin(['invite', '--team', 'no-such-team', '--name', 'Ghost']);
    expect(noTeam.code).toBe(1);
    expect(noTeam.stderr).toMatch(/no team no-such-team/);
    expect(noTeam.stdout).not.toMatch(/hf_/);
  });
});
