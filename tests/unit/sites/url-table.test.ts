// @vitest-environment happy-dom
/**
 * github-url-detection style: every URL of every adapter's table runs against every adapter;
 * only its own adapter may match, with the ids the table says.
 */
import { describe, expect, it } from 'vitest';
import { PageSubject } from '../../../lib/model/page-subject';
import { ADAPTERS } from './adapters';
import { emptyDocument } from './load-fixture';

const all = ADAPTERS.flatMap(({ adapter, testUrls }) => testUrls.map((t) => ({ owner: adapter.id, ...t })));

describe('adapter URL tables', () => {
  it('every adapter has a table with records, non-records and foreign URLs', () => {
    for (const { adapter, testUrls } of ADAPTERS) {
      expect(testUrls.some((t) => t.expect?.recordId), adapter.id).toBe(true);
      expect(testUrls.some((t) => t.expect && !t.expect.recordId), adapter.id).toBe(true);
      expect(testUrls.some((t) => t.expect === null), adapter.id).toBe(true);
    }
  });

  it('adapter ids are unique', () => {
    const ids = ADAPTERS.map((a) => a.adapter.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const { owner, url, expect: want } of all) {
    it(`${owner}: ${url}`, () => {
      const u = new URL(url);
      const doc = emptyDocument();
      for (const { adapter } of ADAPTERS) {
        const own = adapter.id === owner;
        const matches = adapter.matches(u);
        const subject = adapter.detect(u, doc);
        if (!own || want === null) {
          expect(matches, `${adapter.id}.matches`).toBe(false);
          expect(subject, `${adapter.id}.detect`).toBeNull();
          continue;
        }
        expect(matches, `${adapter.id}.matches`).toBe(true);
        expect(subject).not.toBeNull();
        expect(PageSubject.safeParse(subject).success).toBe(true);
        expect(subject?.site).toBe(adapter.id);
        expect({
          objectType: subject?.objectType,
          recordId: subject?.recordId,
          tenant: subject?.tenant,
        }).toEqual({ objectType: want.objectType, recordId: want.recordId, tenant: want.tenant });
      }
    });
  }
});
