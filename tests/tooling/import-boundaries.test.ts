// Proves the import-boundary rules: each offending import, linted as if it lived in the
// folder it names, must be reported by ESLint with the no-restricted-imports rule.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleHits(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const violations: Array<[string, string]> = [
  ['shared/x.ts', "import { app } from 'electron';"],
  ['shared/x.ts', "import { readFile } from 'node:fs';"],
  ['shared/x.ts', "import { createRoot } from 'react-dom/client';"],
  ['shared/x.ts', "import Dexie from 'dexie';"],
  ['shared/x.ts', "import { a } from '../renderer/app';"],
  ['shared/x.ts', "import { a } from '../electron/main';"],
  ['shared/x.ts', "import { a } from '../server/app';"],
  ['renderer/x.ts', "import { ipcRenderer } from 'electron';"],
  ['renderer/x.ts', "import { join } from 'node:path';"],
  ['renderer/x.ts', "import { a } from '../electron/main';"],
  ['renderer/sync/x.ts', "import { a } from '../../server/app';"],
  ['server/x.ts', "import { a } from '../renderer/app';"],
  ['server/x.ts', "import { a } from '../electron/main';"],
  ['electron/x.ts', "import { a } from '../renderer/app';"],
  ['electron/x.ts', "import { a } from '../server/app';"],
];

describe('import boundaries', () => {
  it.each(violations)('%s: %s is an error', async (file, code) => {
    expect(await ruleHits(file, `${code}\n`)).toContain('no-restricted-imports');
  });

  it('shared/ may not touch DOM globals', async () => {
    expect(await ruleHits('shared/x.ts', 'export const w = window.location;\n')).toContain('no-restricted-globals');
  });

  it('allowed imports pass', async () => {
    expect(await ruleHits('renderer/x.ts', "import { z } from 'zod';\nimport { a } from '../shared/y';\nexport const q = [z, a];\n")).not.toContain('no-restricted-imports');
    expect(await ruleHits('server/x.ts', "import { readFile } from 'node:fs';\nimport { a } from '../shared/y';\nexport const q = [readFile, a];\n")).toEqual([]);
    expect(await ruleHits('electron/x.ts', "import { app } from 'electron';\nexport const q = app;\n")).toEqual([]);
  });
});
