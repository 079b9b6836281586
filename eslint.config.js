import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronOnly = {
  name: 'electron',
  message: 'Only the Electron shell (src/main/electron, src/main/index.ts, src/preload) may import electron.',
};
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'crypto', 'better-sqlite3'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronOnly] }],
    },
  },
  {
    // Layering by runtime, as in VS Code: the shared contract is platform-free.
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            {
              group: [...nodeBuiltins, 'react', 'lexical', '@lexical/*', '**/main/**', '**/renderer/**', '**/cli/**'],
              message: 'src/shared must not depend on a runtime.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**', 'src/bridge/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            {
              group: [...nodeBuiltins, '**/main/**', '**/cli/**', '**/preload/**'],
              message: 'The renderer reaches the services only through window.api.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/services/**', 'src/main/loopback/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'Services are plain Node and never reach into a shell or the renderer.',
            },
          ],
        },
      ],
    },
  },
  { files: ['src/main/electron/**', 'src/main/index.ts', 'src/preload/**'], rules: { 'no-restricted-imports': 'off' } },
);
