import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import autoImports from './.wxt/eslint-auto-imports.mjs';

export default tseslint.config(
  { ignores: ['.output/**', '.output-*/**', 'test-results-*/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'server/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  autoImports,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, chrome: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Page or user data must never reach the DOM as HTML.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never write HTML: render with Preact or set textContent.' },
        { property: 'outerHTML', message: 'Never write HTML: render with Preact or set textContent.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML in the UI.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No raw HTML in the UI.' },
      ],
    },
  },
  {
    // Tests may set up fixture DOM from trusted strings.
    files: ['tests/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
