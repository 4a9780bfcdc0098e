import { v7 } from 'uuid';

/** Time-ordered ids (UUIDv7): unique across devices, sortable by creation. */
export function newId(): string {
  return v7();
}

export function nowIso(): string {
  return new Date().toISOString();
}
