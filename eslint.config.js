import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronOnly = {
  name: 'electron',
  message: 'Only the Electron shell (src/main/electron, src/main/index.ts, src/preload) may import electron.',
};
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'crypto', 'better-sqlite3'];
/** Layering by runtime, as in VS Code: each folder lists what it may not reach. */
const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { paths: [electronOnly], patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'native/**', 'docs/screens/**'] },
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
    // CommonJS on purpose (bin/sourcebook.cjs says why): require is how these files import.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error; a promise where a callback
    // expects void (an event handler) runs unobserved.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Spreading an array into a call's arguments overflows the stack past ~100k elements: the
    // index once failed at 500k passages that way. Search handles lists of any length.
    files: ['src/main/services/search/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression > SpreadElement',
          message: 'Do not spread a list into call arguments: loop, or use a typed array method.',
        },
        { selector: 'NewExpression > SpreadElement', message: 'Do not spread a list into constructor arguments.' },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.tsx', 'src/renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    // The classic hook rules. The plugin's React Compiler rules (set-state-in-effect, refs) are
    // for code compiled by the React Compiler, which this app does not use.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/shared/**'],
    rules: forbid(
      [...nodeBuiltins, 'react', 'lexical', '@lexical/*', '**/main/**', '**/renderer/**', '**/cli/**'],
      'src/shared must not depend on a runtime.',
    ),
  },
  {
    files: ['src/renderer/**', 'src/bridge/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: forbid(
      [...nodeBuiltins, '**/main/**', '**/cli/**', '**/preload/**'],
      'The renderer reaches the services only through window.api.',
    ),
  },
  {
    files: ['src/main/services/**'],
    rules: forbid(
      ['**/renderer/**', '**/electron/**', '**/loopback/**', '**/cli/**', '**/web/**'],
      'Services are plain Node: they never reach into a shell, the CLI or the renderer.',
    ),
  },
  {
    files: ['src/main/loopback/**', 'src/main/web/**'],
    rules: forbid(
      ['**/renderer/**', '**/electron/**', '**/cli/**'],
      'The loopback shell serves the services; it never imports another shell.',
    ),
  },
  {
    files: ['src/cli/**'],
    rules: forbid(['**/renderer/**', '**/electron/**'], 'The CLI reaches the services; it never imports the renderer or Electron.'),
  },
  {
    files: ['src/main/electron/**', 'src/main/index.ts', 'src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/loopback/**', '**/cli/**', '**/renderer/**'],
              message: 'The Electron shell shares only src/main/web and the services.',
            },
          ],
        },
      ],
    },
  },
);
