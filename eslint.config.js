// Lint enforces who may import whom (ARCHITECTURE §1), so the layers cannot rot:
// only electron/main/platform/, electron/main/index.ts and electron/preload/ may import 'electron';
// shared/ imports nothing from electron/ or renderer/; renderer/ never imports electron/; core never imports platform.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noElectron = { name: 'electron', message: 'Only electron/main/platform/ and electron/preload/ may import electron.' };
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net'].map((p) => ({
  group: [p],
  message: 'shared/ is pure: no Node built-ins.',
}));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from electron/ or renderer/.' },
            ...nodeBuiltins,
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ group: ['**/electron/**', 'node:*'], message: 'renderer/ talks to the app only through window.api.' }],
        },
      ],
    },
  },
  {
    files: ['electron/main/core/**', 'electron/preview/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ group: ['**/platform/**', '**/platform'], message: 'The core never depends on the platform adapter.' }],
        },
      ],
    },
  },
);
