/** The rulebook's JSON equality (kept in lib/owners so the client and the server share it). */
export { jsonEqual } from '../../lib/owners/json-equal';
