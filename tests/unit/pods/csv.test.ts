import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../lib/pods/csv';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('parseCsv', () => {
  it('reads plain rows with LF, CRLF or CR line ends', () => {
    expect(fields('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fields('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fields('a,b\r1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('handles quoted commas, doubled quotes and line breaks inside quotes', () => {
    expect(fields('"Li, Wei","say ""hi""",3')).toEqual([['Li, Wei', 'say "hi"', '3']]);
    const records = parseCsv('name,note\n"Chen","two\nlines"\nLi,x\n');
    expect(records.map((r) => r.fields)).toEqual([['name', 'note'], ['Chen', 'two\nlines'], ['Li', 'x']]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('skips blank lines but keeps line numbers true to the file', () => {
    const records = parseCsv('a\n\n  \nb\n');
    expect(records.map((r) => [r.line, r.fields[0]])).toEqual([[1, 'a'], [4, 'b']]);
  });

  it('drops a byte-order mark and keeps empty fields', () => {
    expect(fields('\uFEFFname,,x')).toEqual([['name', '', 'x']]);
  });

  it('reads semicolon and tab separated sheets, ignoring quoted separators', () => {
    expect(fields('name;email;goal\nLi;li@acme.com;80')).toEqual([['name', 'email', 'goal'], ['Li', 'li@acme.com', '80']]);
    expect(fields('name\temail\nLi\tli@acme.com')).toEqual([['name', 'email'], ['Li', 'li@acme.com']]);
    expect(fields('"a;b;c",d\n1,2')).toEqual([['a;b;c', 'd'], ['1', '2']]);
  });

  it('keeps what it read when a quote is never closed', () => {
    expect(fields('a,"unclosed\nstill')).toEqual([['a', 'unclosed\nstill']]);
  });
});
