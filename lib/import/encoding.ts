/**
 * The text of a CSV file from its bytes. Excel on Chinese Windows saves "CSV (comma
 * delimited)" in the ANSI code page, which is GBK (CP936); CRMs in China export GBK or
 * GB18030 too, while Salesforce, HubSpot and Excel's "CSV UTF-8" write UTF-8 (often with a
 * byte-order mark). "Unicode text" from Excel is UTF-16 LE with a BOM.
 *
 * How it decides: a BOM names the encoding; otherwise strict UTF-8 is tried first (GBK text
 * is almost never valid UTF-8: its two-byte sequences start with 0x81–0xFE followed by a
 * byte that UTF-8 would need to be a 0x80–0xBF continuation, so a few Chinese characters
 * are enough to fail), and GB18030, a superset of GBK and GB2312, reads the rest.
 */
export type TextEncodingName = 'UTF-8' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE';

export interface Decoded {
  text: string;
  encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: GB18030 decodes every byte sequence GBK can hold (and never throws).
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}
