// Row data is stored and sent as ASCII-only JSON; the pieces of an answer become its UTF-8 bytes.
import { describe, expect, it } from 'vitest';
import { asciiJson, jsonBytes } from '../../server/sync/change-json';

describe('asciiJson', () => {
  it('writes the same JSON value with every character beyond ASCII escaped', () => {
    const value = { subject: 'Tiskárna – „nefunguje“ 🖨', lone: '\ud800x', separators: '\u2028\u2029\u007f', plain: 'ok', n: [1, null, true] };
    const text = asciiJson(value);
    expect([...text].every((ch) => ch.charCodeAt(0) < 0x7f)).toBe(true);
    expect(JSON.parse(text)).toEqual(value);
    expect(asciiJson({ plain: 'ok' })).toBe(JSON.stringify({ plain: 'ok' }));
  });
});

describe('jsonBytes', () => {
  it('joins ASCII and non-ASCII pieces into their UTF-8 bytes', () => {
    const pieces = ['{"a":"', 'plain', '","b":"', 'žluťoučký 🐎', '"}'];
    expect(jsonBytes(pieces).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
    expect(jsonBytes([]).length).toBe(0);
  });
});
