// ESLint flat config: typescript-eslint's recommended rules (syntax only, no type information,
// so a lint run stays a few seconds), plus the layering rule of architecture.md: machines/ and
// src/rules/ are pure and may import only xstate, zod, a few pure packages and each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Packages a pure module may import: no I/O, no clock, no process. */
const PURE_PACKAGES = ['xstate', 'zod', 'canonicalize', '@noble/hashes', 'chinese-days'];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const pureImports = (relativeRule) => [
  'error',
  {
    patterns: [
      {
        // Any package (node:* built-ins, knex, pg, express, pdfkit, ...) outside the allowlist.
        regex: `^(?!\\.|(${PURE_PACKAGES.map(escape).join('|')})(/|$))`,
        message: 'machines/ and src/rules/ are pure (architecture.md): only xstate, zod and pure packages may be imported.',
      },
      relativeRule,
    ],
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'samples/**', 'scratch-*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', AbortController: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
        setImmediate: 'readonly', queueMicrotask: 'readonly', structuredClone: 'readonly', performance: 'readonly',
        TextEncoder: 'readonly', TextDecoder: 'readonly', fetch: 'readonly', __dirname: 'readonly', require: 'readonly',
        module: 'writable',
      },
    },
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring a field away, an unused parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // The machines' generic rule books and a few JSON boundaries are typed `any` on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
      'prefer-const': 'error',
      // Chinese documents indent with the ideographic space (U+3000) inside their template text.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      // dagre's types are ES modules only; this CommonJS project loads its CommonJS build.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^@dagrejs/dagre$'] }],
    },
  },
  {
    // Plain CommonJS files, and benches that require a module late so that its loading is timed.
    files: ['**/*.cjs', '**/*.js', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['machines/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': pureImports({
        // Inside the repository a machine reaches only machines/ and src/rules/.
        regex: '(^|/)(src/(?!rules(/|$))|templates|bench|test|migrations)',
        message: 'machines/ may import only machines/ and src/rules/ (architecture.md).',
      }),
    },
  },
  {
    files: ['src/rules/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': pureImports({
        // src/rules/x.ts may import ./y and ../../machines/..., nothing else of src/.
        regex: '^\\.\\./(?!\\.\\./machines/)',
        message: 'src/rules/ may import only src/rules/ and machines/ (architecture.md).',
      }),
    },
  },
);
