/**
 * Structured logs: one JSON object per line on stdout, for `jq` or a log shipper. Nothing
 * secret goes in: no tokens, no Authorization header, no record content.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export function log(level: 'info' | 'warn' | 'error', msg: string, fields: LogFields = {}): void {
  const line: LogFields = { time: new Date().toISOString(), level, msg, ...fields };
  process.stdout.write(JSON.stringify(line) + '\n');
}
