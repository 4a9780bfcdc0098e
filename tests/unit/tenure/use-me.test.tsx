// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, expect, it } from 'vitest';
import { useMe } from '@/components/tenure/useMe';
import { db, ensureMe } from '@/lib/db';

function Name() {
  const me = useMe();
  return <p>{me ? `${me.id}:${me.name}` : 'loading'}</p>;
}

let host: HTMLElement;
afterEach(async () => {
  render(null, host);
  host.remove();
  await db().delete();
  await db().open();
});

async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

it('follows "me" when it changes underneath an open page (team sync adopts the server’s rep id)', async () => {
  host = document.createElement('div');
  document.body.append(host);
  render(<Name />, host);
  await until(() => host.textContent !== 'loading');
  const first = await ensureMe(db());
  expect(host.textContent).toBe(`${first.id}:Me`);

  // What connecting does: the team's rep record, and me pointing at it.
  await db().transaction('rw', db().reps, db().settings, async () => {
    await db().reps.put({ id: 'team-rep-7', name: 'Alice Ahn', updatedAt: new Date().toISOString() });
    await db().settings.put({ key: 'meRepId', value: 'team-rep-7' });
  });
  await until(() => host.textContent === 'team-rep-7:Alice Ahn');
  expect(host.textContent).toBe('team-rep-7:Alice Ahn');
});
