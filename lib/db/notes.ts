/**
 * Notes on a customer (DESIGN §5): text, author, private or team-visible, pinned. Deleting
 * leaves a tombstone so that the deletion syncs. Only the author edits, pins or deletes a
 * note; a private note is only ever shown to its author (lib/tenure/timeline.ts).
 *
 * Writing a note is a contact with the customer: it moves the customer's last contact
 * forward (never back).
 */
import * as z from 'zod/mini';
import { Note } from '../model';
import { laterInstant, sortNotes, visibleNotes } from '../tenure/timeline';
import { newId, nowIso } from '../util/ids';
import type { HoldfastDB } from './database';

export interface NoteInput {
  customerId: string;
  text: string;
  visibility: Note['visibility'];
  pinned?: boolean;
}

export type NotePatch = Partial<Pick<Note, 'text' | 'visibility' | 'pinned'>>;

export class NoteRefused extends Error {
  override readonly name = 'NoteRefused';
}

/** Move the customer's last contact to `at` unless a later one is recorded. */
export async function touchLastContact(d: HoldfastDB, customerId: string, at: string = nowIso()): Promise<void> {
  await d.transaction('rw', d.customers, async () => {
    const row = await d.customers.get(customerId);
    if (!row || row.deleted) return;
    const next = laterInstant(row.lastContactAt, at);
    if (next === row.lastContactAt) return;
    await d.customers.put({ ...row, lastContactAt: next, updatedAt: nowIso() });
  });
}

export async function addNote(d: HoldfastDB, input: NoteInput, meId: string, now: string = nowIso()): Promise<Note> {
  const note = z.parse(Note, {
    id: newId(),
    updatedAt: now,
    customerId: input.customerId,
    text: input.text.trim(),
    authorRepId: meId,
    visibility: input.visibility,
    ...(input.pinned ? { pinned: true } : {}),
  });
  await d.transaction('rw', d.notes, d.customers, async () => {
    await d.notes.add(note);
    await touchLastContact(d, note.customerId, now);
  });
  return note;
}

async function ownNote(d: HoldfastDB, id: string, meId: string): Promise<Note> {
  const note = await d.notes.get(id);
  if (!note || note.deleted) throw new NoteRefused('no such note');
  if (note.authorRepId !== meId) throw new NoteRefused('only the author can change a note');
  return note;
}

export async function editNote(d: HoldfastDB, id: string, patch: NotePatch, meId: string): Promise<Note> {
  return d.transaction('rw', d.notes, async () => {
    const before = await ownNote(d, id, meId);
    const next = z.parse(Note, { ...before, ...patch, ...(patch.text !== undefined ? { text: patch.text.trim() } : {}), updatedAt: nowIso() });
    await d.notes.put(next);
    return next;
  });
}

export const pinNote = (d: HoldfastDB, id: string, pinned: boolean, meId: string) => editNote(d, id, { pinned }, meId);

/** A tombstone: the text is dropped, the record stays so the deletion can sync. */
export async function deleteNote(d: HoldfastDB, id: string, meId: string): Promise<void> {
  await d.transaction('rw', d.notes, async () => {
    const before = await ownNote(d, id, meId);
    await d.notes.put({ ...before, deleted: true, pinned: false, text: '-', updatedAt: nowIso() });
  });
}

/** The notes on a customer the rep may see, pinned first, newest first. */
export async function notesFor(d: HoldfastDB, customerId: string, meId: string): Promise<Note[]> {
  const all = await d.notes.where('customerId').equals(customerId).limit(1_000).toArray();
  return sortNotes(visibleNotes(all, meId));
}
