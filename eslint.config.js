import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, bottom to top: core → engine → data (the sources) → react → ui → demo.
 * Imports point down only (the sources sit beside react: neither imports the other); core and
 * engine import no framework.
 */
const REACT = ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/*'];
function layer(files, above, extra = []) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...above.map((name) => ({
              group: [`**/${name}/*`, `**/${name}`],
              message: `${files[0]} sits below src/${name}: imports point down only.`,
            })),
            ...(extra.length ? [{ group: extra, message: 'core and engine are framework-free.' }] : []),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-lib/',
      'storybook-static/',
      'node_modules/',
      '.test-output/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  jsxA11y.flatConfigs.recommended,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The positions table lays its rows out as grids; it states its table roles explicitly, as
    // engines that drop a table's semantics under a CSS display still read ARIA roles.
    files: ['src/ui/table/**/*.tsx'],
    rules: {
      'jsx-a11y/no-redundant-roles': [
        'error',
        { table: ['table'], thead: ['rowgroup'], tbody: ['rowgroup'], tr: ['row'] },
      ],
      'jsx-a11y/no-interactive-element-to-noninteractive-role': [
        'error',
        { tr: ['row'], th: ['rowheader', 'columnheader'], td: ['cell'] },
      ],
    },
  },
  layer(['src/core/**'], ['engine', 'data', 'react', 'ui', 'demo'], REACT),
  layer(['src/engine/**'], ['data', 'react', 'ui', 'demo'], REACT),
  layer(['src/data/**'], ['react', 'ui', 'demo']),
  layer(['src/react/**'], ['data', 'ui', 'demo']),
  layer(['src/ui/**'], ['data', 'demo']),
  // The two views are siblings: only src/ui/PositionsTable.tsx composes them.
  layer(['src/ui/table/**'], ['data', 'demo', 'dialog', 'summary', 'transfer']),
  layer(['src/ui/dialog/**'], ['data', 'demo', 'table', 'summary', 'transfer']),
  // Transfer out is built from the dialog's parts; the account summary opens it.
  layer(['src/ui/transfer/**'], ['data', 'demo', 'table', 'summary']),
  layer(['src/ui/summary/**'], ['data', 'demo', 'table', 'dialog']),
  prettier,
);
