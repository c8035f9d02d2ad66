// Lint rules: typescript-eslint's recommended set over every TypeScript file of the project; layout is prettier's
// (.prettierrc.json), so eslint-config-prettier turns off the rules that would argue with it.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const prettier = require('eslint-config-prettier');

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', 'coverage/', 'bench/results/', 'console/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Code bundled into functions: a named `z` import makes esbuild keep zod's whole namespace (every locale, ~250 KB).
    files: ['functions/**/*.ts', 'shared/**/*.ts', 'events/**/*.ts', 'statemachines/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value='zod'][importKind='value'] > ImportSpecifier[imported.name='z'][importKind='value']",
          message: "Use import * as z from 'zod': a named z import bundles every zod locale.",
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
