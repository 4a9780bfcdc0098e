import { describe, expect, it } from 'vitest';
import type { Note } from '@/lib/model';
import { buildTimeline, laterInstant, noteCreatedAt, sortNotes, visibleNotes } from '@/lib/tenure/timeline';
import { problem } from './fixtures';

const note = (p: Partial<Note> & Pick<Note, 'id'>): Note => ({
  updatedAt: '2026-11-01T00:00:00.000Z',
  customerId: 'c1',
  text: 'called',
  authorRepId: 'me',
  visibility: 'team',
  ...p,
});
// UUIDv7 for 2026-11-20T12:00:00.000Z: the first 48 bits are the milliseconds.
const v7 = (iso: string, tail = '7000-8000-000000000000') => {
  const hex = Date.parse(iso).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8)}-${tail}`;
};

describe('notes and the timeline', () => {
  it('reads a note’s creation time from its UUIDv7 id, else uses its last change', () => {
    expect(noteCreatedAt(note({ id: v7('2026-11-20T12:00:00.000Z') }))).toBe('2026-11-20T12:00:00.000Z');
    expect(noteCreatedAt(note({ id: 'imported-1' }))).toBe('2026-11-01T00:00:00.000Z');
  });

  it('shows my notes and colleagues’ team notes, never their private ones or tombstones', () => {
    const notes = [
      note({ id: 'a' }),
      note({ id: 'b', visibility: 'private' }),
      note({ id: 'c', authorRepId: 'kim' }),
      note({ id: 'd', authorRepId: 'kim', visibility: 'private' }),
      note({ id: 'e', deleted: true }),
    ];
    expect(visibleNotes(notes, 'me').map((n) => n.id)).toEqual(['a', 'b', 'c']);
  });

  it('sorts pinned first, then newest first', () => {
    const older = note({ id: v7('2026-11-01T00:00:00.000Z') });
    const newer = note({ id: v7('2026-11-10T00:00:00.000Z') });
    const pinnedOld = note({ id: v7('2026-10-01T00:00:00.000Z'), pinned: true });
    expect(sortNotes([older, newer, pinnedOld]).map((n) => n.id)).toEqual([pinnedOld.id, newer.id, older.id]);
  });

  it('merges notes, problem events and the last contact, newest first', () => {
    const p = problem({
      title: 'Invoice wrong',
      receivedAt: '2026-11-02T00:00:00.000Z',
      events: [
        { id: 'e1', at: '2026-11-03T00:00:00.000Z', byRepId: 'me', type: 'status', from: 'open', to: 'working' },
        {
          id: 'e2',
          at: '2026-11-05T00:00:00.000Z',
          byRepId: 'me',
          type: 'confirmation',
          confirmation: { at: '2026-11-05T00:00:00.000Z', by: 'Maria', how: 'phone', satisfied: true },
        },
      ],
    });
    const n = note({ id: v7('2026-11-04T00:00:00.000Z') });
    const tl = buildTimeline({ notes: [n, note({ id: 'x', authorRepId: 'kim', visibility: 'private' })], problems: [p], lastContactAt: '2026-11-06T00:00:00.000Z', meId: 'me' });
    expect(tl.map((e) => e.kind)).toEqual(['contact', 'problem_confirmed', 'note', 'problem_status', 'problem_received']);
    expect(buildTimeline({ notes: [n], problems: [p], meId: 'me', limit: 2 })).toHaveLength(2);
  });

  it('laterInstant never moves a contact back', () => {
    expect(laterInstant(undefined, '2026-01-01T00:00:00.000Z')).toBe('2026-01-01T00:00:00.000Z');
    expect(laterInstant('2026-02-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')).toBe('2026-02-01T00:00:00.000Z');
    expect(laterInstant('2026-01-01T00:00:00.000+08:00', '2025-12-31T17:00:00.000Z')).toBe('2025-12-31T17:00:00.000Z');
  });
});
