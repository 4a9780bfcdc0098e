import { describe, expect, it } from 'vitest';
import { formatText, sourceName, warningText } from '@/components/import/messages';

describe('import report words', () => {
  it('words a count of one in the singular', () => {
    expect(warningText({ code: 'owners_unmatched', params: ['1', 'Sam Seller'] })).toBe('1 owner matches no rep in Holdfast (Sam Seller); those customers keep their current owner.');
    expect(warningText({ code: 'owners_unmatched', params: ['3', 'A, B, C'] })).toBe('3 owners match no rep in Holdfast (for example A, B, C); those customers keep their current owner.');
  });

  it('says what the file was read as', () => {
    expect(formatText({ format: 'csv', encoding: 'GB18030' })).toBe('CSV · Encoding: GB18030 (Chinese GBK, as Excel saves CSV on Chinese Windows)');
    expect(formatText({ format: 'csv', encoding: 'UTF-8' })).toBe('CSV · Encoding: UTF-8');
    expect(formatText({ format: 'xlsx' })).toBe('Excel workbook (.xlsx): the first sheet is read.');
    expect(sourceName('fxiaoke')).toBe('Fxiaoke 纷享销客');
  });
});
