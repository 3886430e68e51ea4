// @ts-check
/**
 * The rules that keep the codebase in shape, checked by `npm run lint` inside `npm test`.
 *
 * - typescript-eslint's recommended rules, react-hooks (rules of hooks, exhaustive deps);
 * - i18n: no literal words in JSX (tools/eslint/noJsxLiterals.js);
 * - layers (eslint-plugin-boundaries): `shared` ← `server`; `shared` ← `client/sync` (with
 *   `client/i18n`) ← `client/state` (with `client/identity`) ← `client/ui` ← `client/stages` ←
 *   `client/app` and `client/screen`, two peers at the top. A layer imports itself and the layers
 *   below it, never one above; `shared` stands on no platform (`node:*`, the DOM's React);
 * - no import cycles at runtime (import-x/no-cycle; type-only imports erase and do not count).
 */
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import boundaries from 'eslint-plugin-boundaries'
import importX from 'eslint-plugin-import-x'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import local from './tools/eslint/noJsxLiterals.js'

/** Layers from the bottom up; each may import itself and every layer listed before it in `below`. */
const layers = {
  shared: { pattern: 'shared/**', below: [] },
  server: { pattern: 'server/**', below: ['shared'] },
  'client-sync': { pattern: 'client/sync/**', below: ['shared'] },
  'client-i18n': { pattern: 'client/i18n/**', below: ['shared'] },
  'client-state': { pattern: ['client/state/**', 'client/identity/**'], below: ['shared', 'client-sync', 'client-i18n'] },
  'client-ui': { pattern: 'client/ui/**', below: ['shared', 'client-sync', 'client-i18n', 'client-state'] },
  'client-testing': { pattern: 'client/testing/**', below: ['shared', 'client-sync', 'client-i18n', 'client-state', 'client-ui'] },
  'client-stages': { pattern: 'client/stages/**', below: ['shared', 'client-sync', 'client-i18n', 'client-state', 'client-ui', 'client-testing'] },
  'client-top': {
    pattern: ['client/app/**', 'client/screen/**'],
    below: ['shared', 'client-sync', 'client-i18n', 'client-state', 'client-ui', 'client-testing', 'client-stages'],
  },
}

/** The packages shared/ may use: pure code that runs the same in a browser and in Node. */
const SHARED_PACKAGES = ['yjs', 'zod', 'fractional-indexing', 'lib0', '@orama/stemmers', 'fast-diff', 'hyphen']

/** Full zod would add about 15 KB gzip to what a participant's phone loads first. */
const ZOD_MINI_ONLY = { name: 'zod', message: "Import 'zod/mini' in the client and shared code: the browser loads it." }

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'data/**', 'bench/results/**', 'tests/screenshots/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Benchmarks, scripts and tests talk to a terminal; the app and the server do not.
    files: ['client/**/*.{ts,tsx}', 'server/**/*.ts', 'shared/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-console': ['error', { allow: ['warn', 'error'] }] },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, local },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // A participant's phone downloads every schema: zod/mini is the same validators, tree-shakable.
    files: ['client/**/*.{ts,tsx}'],
    ignores: ['client/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [ZOD_MINI_ONLY] }] },
  },
  {
    files: ['client/**/*.tsx'],
    ignores: ['client/**/*.test.tsx', 'client/**/testKit.tsx', 'client/**/testing/**', 'client/**/testRoom.tsx'],
    rules: { 'local/no-jsx-literals': 'error' },
  },
  {
    files: ['client/**/*.{ts,tsx}', 'server/**/*.ts', 'shared/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}'],
    plugins: { boundaries, 'import-x': importX },
    settings: {
      'boundaries/elements': Object.entries(layers).map(([type, { pattern }]) => ({ type, pattern, partialMatch: false })),
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: Object.entries(layers).map(([type, { below }]) => ({
            from: { element: { type } },
            allow: { to: { element: { type: [type, ...below] } } },
          })),
        },
      ],
      'boundaries/no-unknown-files': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ZOD_MINI_ONLY],
          patterns: [
            {
              regex: `^(?!\\.|(${SHARED_PACKAGES.join('|')})(/|$))`,
              message: 'shared/ runs in the browser and on the server: it imports only itself and pure packages.',
            },
          ],
        },
      ],
    },
  },
  prettier,
)
