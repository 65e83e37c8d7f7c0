// Reads an asar archive's file list and files (the format: a pickled JSON header, then file bytes),
// so the packaging test needs no extra package.
import { readFileSync } from 'node:fs';

interface AsarEntry {
  files?: Record<string, AsarEntry>;
  offset?: string;
  size?: number;
}

export function readAsar(path: string) {
  const archive = readFileSync(path);
  const headerPickleSize = archive.readUInt32LE(4);
  const jsonLength = archive.readUInt32LE(12);
  const header = JSON.parse(archive.toString('utf8', 16, 16 + jsonLength)) as AsarEntry;
  const base = 8 + headerPickleSize;
  const files = new Map<string, AsarEntry>();
  const walk = (entry: AsarEntry, prefix: string) => {
    for (const [name, child] of Object.entries(entry.files ?? {})) {
      const path = `${prefix}/${name}`;
      if (child.files) walk(child, path);
      else files.set(path, child);
    }
  };
  walk(header, '');
  return {
    list: () => [...files.keys()].sort(),
    read(path: string): Buffer {
      const entry = files.get(path);
      if (entry?.offset === undefined || entry.size === undefined) throw new Error(`${path} not in archive`);
      const start = base + Number(entry.offset);
      return archive.subarray(start, start + entry.size);
    },
  };
}
