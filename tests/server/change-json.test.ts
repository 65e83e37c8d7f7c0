// Row data is stored and sent as ASCII-only JSON; the pieces of an answer become its UTF-8 bytes.
import { describe, expect, it } from 'vitest';
import { asciiJsonList, jsonBytes } from '../../server/sync/change-json';

describe('asciiJsonList', () => {
  it('writes the same JSON values with every character beyond ASCII escaped, joined by commas', () => {
    const values = [
      { subject: 'Tiskárna – „nefunguje“ 🖨', lone: '\ud800x', separators: '\u2028\u2029\u007f', plain: 'ok', n: [1, null, true] },
      'Příliš žluťoučký kůň'.repeat(5000), // longer than the buffer it starts with
      { plain: 'ok' },
    ];
    const text = asciiJsonList(values);
    expect([...text].every((ch) => ch.charCodeAt(0) < 0x7f)).toBe(true);
    expect(JSON.parse(`[${text}]`)).toEqual(values);
    expect(asciiJsonList([{ plain: 'ok' }])).toBe(JSON.stringify({ plain: 'ok' }));
    expect(asciiJsonList([])).toBe('');
  });
});

describe('jsonBytes', () => {
  it('joins ASCII and non-ASCII pieces into their UTF-8 bytes', () => {
    const pieces = ['{"a":"', 'plain', '","b":"', 'žluťoučký 🐎', '"}'];
    expect(jsonBytes(pieces).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
    expect(jsonBytes([]).length).toBe(0);
  });
});
