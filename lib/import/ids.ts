import { v5 } from 'uuid';

/**
 * Holdfast's own UUID namespace for imported records (a random v4, fixed forever: changing it
 * would give every imported record a new id and break idempotent re-import).
 */
const NAMESPACE = '5b0f3a64-8c1e-4f4e-9a43-0c6d2b7e91a4';

/**
 * A deterministic id (UUIDv5) from what identifies a record in its source, e.g. the CRM key
 * `salesforce|acme|account|001…`. Importing the same file twice yields the same ids, so the
 * second import overwrites rather than duplicates. (Unlike the UUIDv7 ids made elsewhere
 * these do not sort by time; nothing relies on that.)
 */
export function stableId(kind: 'customer' | 'revenue', key: string): string {
  return v5(`holdfast:${kind}:${key}`, NAMESPACE);
}
