// A change in pull's wire format (PROTOCOL.md), assembled as text by the database: a page leaves
// PostgreSQL as one value instead of thousands of rows each parsed by the driver, which is most of a
// pull's cost on PGlite. Row data stays the text PostgreSQL stored; ids are uuids and entity names
// plain words, so the pieces need no escaping. The expressions read the columns entity, id and data.
export const PUT_JSON = `'{"entity":"' || entity || '","id":"' || id || '","op":"put","data":' || data::text || '}'`;
export const DELETE_JSON = `'{"entity":"' || entity || '","id":"' || id || '","op":"delete"}'`;
