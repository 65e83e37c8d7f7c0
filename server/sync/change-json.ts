// A change in pull's wire format (PROTOCOL.md), assembled as text by the database: a page leaves
// PostgreSQL as a few dozen values instead of thousands of rows each parsed by the driver, which is
// most of a pull's cost on PGlite. Row data stays the text PostgreSQL stored; ids are uuids and entity names
// plain words, so the pieces need no escaping. The expressions read the columns entity, id and data.
export const PUT_JSON = `'{"entity":"' || entity || '","id":"' || id || '","op":"put","data":' || data::text || '}'`;
export const DELETE_JSON = `'{"entity":"' || entity || '","id":"' || id || '","op":"delete"}'`;

// Row data is stored as JSON with every character outside ASCII written as a \u escape: the same JSON
// value, but PostgreSQL's answers then reach Node as ASCII, which node-postgres decodes, Fastify
// measures and the socket encodes several times faster than text with Czech letters in it (those three
// passes were most of a pull page's cost in the server process). About 7 % more bytes on the wire.
// The escaping writes bytes into one reused buffer: a regular expression calling back for every letter,
// and joining the rows afterwards, took twice as long (seconds when seeding 100,000 tickets).
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const KEEP_BYTES = 16 * 1024 * 1024;
let scratch = Buffer.allocUnsafe(64 * 1024);

/** The JSON texts of these values joined by commas, every non-ASCII character escaped (stored and wire form). */
export function asciiJsonList(values: readonly unknown[]): string {
  let out = scratch;
  let o = 0;
  for (let k = 0; k < values.length; k++) {
    const json = JSON.stringify(values[k]) ?? 'null';
    const room = o + 1 + json.length * 6; // at most six bytes (\uXXXX) a character
    if (out.length < room) {
      const bigger = Buffer.allocUnsafe(Math.max(out.length * 2, room));
      out.copy(bigger, 0, 0, o);
      out = bigger;
    }
    if (k > 0) out[o++] = 0x2c; // ,
    for (let i = 0; i < json.length; i++) {
      const c = json.charCodeAt(i);
      if (c < 0x7f) {
        out[o++] = c;
      } else {
        out[o++] = 0x5c; // \
        out[o++] = 0x75; // u
        out[o++] = HEX[c >> 12] as number;
        out[o++] = HEX[(c >> 8) & 15] as number;
        out[o++] = HEX[(c >> 4) & 15] as number;
        out[o++] = HEX[c & 15] as number;
      }
    }
  }
  if (out.length <= KEEP_BYTES) scratch = out;
  return out.toString('latin1', 0, o);
}

/**
 * The UTF-8 bytes of a JSON answer made of pieces, for Fastify to send as they are. An ASCII piece (row
 * data is stored escaped) is copied byte for byte, which is many times faster than encoding it; the
 * pieces are written into one buffer, and a Buffer spares Fastify measuring a joined string's length
 * character by character.
 */
export function jsonBytes(pieces: readonly string[]): Buffer {
  const lengths = pieces.map((p) => Buffer.byteLength(p));
  const bytes = Buffer.allocUnsafe(lengths.reduce((a, b) => a + b, 0));
  let offset = 0;
  pieces.forEach((p, i) => {
    offset += bytes.write(p, offset, lengths[i] === p.length ? 'latin1' : 'utf8');
  });
  return bytes;
}
