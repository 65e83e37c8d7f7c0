// Lint rules, including the import boundaries of DESIGN.md: the folder says where code runs,
// and a file that reaches across a boundary fails the lint.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'Node built-ins do not run here.' };
const electronModule = { group: ['electron', 'electron/*'], message: 'Only electron/ may import Electron.' };
const folder = (name, where) => ({
  group: [`**/${name}`, `**/${name}/**`],
  message: `${where} must not import from ${name}/.`,
});
const domOnly = {
  group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'dexie', 'dexie-react-hooks', 'zustand', 'zustand/*'],
  message: 'shared/ is pure: no DOM-only modules.',
};

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'coverage/', 'test-results/', 'tests/tooling/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      ...restrict(nodeBuiltins, electronModule, domOnly, folder('renderer', 'shared/'), folder('electron', 'shared/'), folder('server', 'shared/')),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'process', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(nodeBuiltins, electronModule, folder('electron', 'renderer/'), folder('server', 'renderer/')),
  },
  {
    files: ['server/**/*.ts'],
    rules: restrict(electronModule, folder('renderer', 'server/'), folder('electron', 'server/')),
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict(folder('renderer', 'electron/'), folder('server', 'electron/')),
  },
);
