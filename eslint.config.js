// Lint rules, including the architecture boundaries of DESIGN.md §1: shared/ is the pure
// domain core and imports none of the front ends; the renderer never imports the desktop shell.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const frontEnds = ['**/renderer/**', '**/electron/**', '**/cli/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: frontEnds, message: 'shared/ is the pure domain core: it must not import the front ends.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'shared/ has no Node built-ins.' },
            { group: ['electron', 'react', 'react-dom', 'zustand', 'maplibre-gl'], message: 'shared/ has no UI or shell dependencies.' },
            { group: ['@turf/turf'], message: 'The Turf barrel is a devDependency (scripts and tests only): import the single @turf/* package.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', 'electron'], message: 'The renderer talks to the desktop shell only through HostApi.' },
            { group: ['node:*', 'fs', 'path', 'child_process'], message: 'No Node in the renderer.' },
            { group: ['@turf/turf'], message: 'The Turf barrel is a devDependency (scripts and tests only): import the single @turf/* package.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@turf/turf'], message: 'The Turf barrel is a devDependency (scripts and tests only): import the single @turf/* package.' },] }] },
  },
  {
    files: ['electron/**/*.ts', 'cli/**/*.ts', 'scripts/**/*.{ts,mjs,js}', 'tests/**/*.{ts,mjs}', 'bench/**/*.ts', 'bin/**/*.mjs', '*.js', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
