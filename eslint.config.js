// @ts-check
/**
 * Payload's lint, as `@payloadcms/eslint-config` sets it (ESLint's and typescript-eslint's
 * type-checked recommendations, eslint-plugin-regexp, Prettier's config, Payload's rule choices),
 * written out here because that package is not released with payload 3.90 and every @payloadcms
 * package of this project stays on one version. `npm run lint` checks the plugin (src/, collections/).
 */
import js from '@eslint/js'
import prettier from 'eslint-config-prettier/flat'
import perfectionist from 'eslint-plugin-perfectionist'
import { configs as regexp } from 'eslint-plugin-regexp'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['**/node_modules/', 'dist/', '.next/', '.tmp/', '.data/', 'host/payload-types.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  regexp['flat/recommended'],
  prettier,
  {
    files: ['src/**/*.{ts,tsx}', 'collections/**/*.ts'],
    languageOptions: {
      globals: globals.node,
      // The repository's program: the demo's generated types narrow Payload's slugs, so a cast the
      // plugin needs there is not called unnecessary (`npm run typecheck` checks the plugin alone too).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { perfectionist },
    rules: {
      // Payload's choices (packages/eslint-config/index.mjs).
      'class-methods-use-this': 'off',
      curly: ['warn', 'all'],
      'no-console': 'warn',
      'no-restricted-exports': ['warn', { restrictDefaultExports: { direct: true } }],
      'no-useless-escape': 'warn',
      'object-shorthand': 'warn',
      '@typescript-eslint/ban-ts-comment': 'warn',
      '@typescript-eslint/consistent-type-imports': 'warn',
      '@typescript-eslint/no-base-to-string': 'warn',
      '@typescript-eslint/no-empty-object-type': 'warn',
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      '@typescript-eslint/no-redundant-type-constituents': 'warn',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unused-vars': [
        'warn',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^(_|ignore)',
          destructuredArrayIgnorePattern: '^_',
          varsIgnorePattern: '^_',
        },
      ],
      '@typescript-eslint/restrict-template-expressions': 'warn',
      '@typescript-eslint/unbound-method': 'warn',
      'perfectionist/sort-named-imports': ['warn', { type: 'natural' }],
    },
  },
  // The rest of the tree (demo host, tests, scripts) is formatted, not linted.
  {
    ignores: [
      'app/',
      'bench/',
      'host/',
      'scripts/',
      'seed/',
      'test/',
      '*.config.*',
      'eslint.config.js',
      '.dependency-cruiser.cjs',
      'payload.config.ts',
    ],
  },
)
