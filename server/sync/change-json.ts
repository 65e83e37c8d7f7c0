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
const NON_ASCII = /[\u007f-\uffff]/;
const NON_ASCII_ALL = /[\u007f-\uffff]/g;
const escapes = new Map<string, string>();
const escape = (ch: string): string => {
  let e = escapes.get(ch);
  if (e === undefined) escapes.set(ch, (e = `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return e;
};

/** JSON.stringify, with every non-ASCII character escaped (the stored and the wire form of row data). */
export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  return NON_ASCII.test(json) ? json.replace(NON_ASCII_ALL, escape) : json;
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
