// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '**/*.js', '**/*.mjs', 'e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // antd 6 marks the props it drops in 7 as deprecated (and warns about them in the browser console): the web
    // app uses none. The docx slips are left out: docx's TextRun takes `IRunOptions | string`, so its `bold`
    // option resolves to the deprecated String.prototype.bold — nothing of antd's.
    files: ['packages/web/src/**/*.{ts,tsx}'],
    ignores: ['**/slips-docx.ts'],
    rules: { '@typescript-eslint/no-deprecated': 'error' },
  },
);
