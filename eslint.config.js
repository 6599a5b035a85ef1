import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers (docs/decisions/029-layout-and-homes-of-rules.md): each folder imports only from the folders
 * below it. From the top: routes, ui, services, auth, search, db, i18n, domain. A folder's rule lists what it
 * may not import; `npm run lint` (and so `npm test`) fails on an import that runs back up.
 */
const layer = (message, ...group) => ({ group, message });
const UP_FROM_ROUTES = ['**/routes/*'];
const UI = ['**/ui/*'];
const SERVICES = ['**/services/*'];
const AUTH = ['**/auth/*'];
const SEARCH = ['**/search/*'];
const DB = ['**/db/*'];
const I18N = ['**/i18n/*'];
const WITH_IO = ['node:*', 'fs', 'path', 'drizzle-orm', 'drizzle-orm/*', 'meilisearch', 'postgres', '@electric-sql/*', 'nodemailer', '@node-rs/*', 'react', 'react-dom', '@remix-run/*', '*.server', '**/*.server'];

function restrictedImports(...patterns) {
  return { 'no-restricted-imports': ['error', { patterns }] };
}

const layers = [
  {
    files: ['app/domain/**/*.{ts,tsx}'],
    rules: restrictedImports(
      layer(
        'app/domain holds the pure rules: it imports nothing with I/O and no other layer of the app (decision 029).',
        ...WITH_IO,
        ...UP_FROM_ROUTES,
        ...UI,
        ...SERVICES,
        ...AUTH,
        ...SEARCH,
        ...DB,
        ...I18N,
      ),
    ),
  },
  {
    files: ['app/i18n/**/*.{ts,tsx}'],
    rules: restrictedImports(layer('app/i18n holds texts and languages above the domain only (decision 029).', ...UP_FROM_ROUTES, ...UI, ...SERVICES, ...AUTH, ...SEARCH, ...DB)),
  },
  {
    // The demo seed creates users and proposals as the services would; it is a script at the top (decision 029).
    files: ['db/**/*.ts'],
    ignores: ['db/seed.ts'],
    rules: restrictedImports(layer('db/ is the schema and the client: it imports the domain only (decision 029).', ...UP_FROM_ROUTES, ...UI, ...SERVICES, ...AUTH, ...SEARCH, ...I18N)),
  },
  {
    files: ['search/**/*.ts'],
    rules: restrictedImports(layer('search/ sits on db/ and the domain; services call it, not the other way round (decision 029).', ...UP_FROM_ROUTES, ...UI, ...SERVICES, ...AUTH, ...I18N)),
  },
  {
    files: ['app/auth/**/*.ts'],
    rules: restrictedImports(layer('app/auth sits below the services and the pages (decision 029).', ...UP_FROM_ROUTES, ...UI, ...SERVICES)),
  },
  {
    files: ['app/services/**/*.ts'],
    rules: restrictedImports(layer('Services sit below the pages: a type a service needs belongs in app/domain (decision 029).', ...UP_FROM_ROUTES, ...UI)),
  },
  {
    files: ['app/ui/**/*.{ts,tsx}'],
    rules: restrictedImports(layer('app/ui reads through the services and the domain, never db/ or search/ directly (decision 029).', ...UP_FROM_ROUTES, ...DB, ...SEARCH)),
  },
  {
    // tests/e2e/test.ts closes the contexts a test opens; Playwright's own `test` leaves them running.
    files: ['tests/e2e/**/*.ts'],
    ignores: ['tests/e2e/test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: '@playwright/test', message: "Import test and expect from './test', which closes the contexts a test opens." }] }] },
  },
  {
    files: ['app/routes/**/*.{ts,tsx}'],
    rules: restrictedImports(layer('Routes are thin: they call services, never db/ or search/ directly (decision 029).', ...DB, ...SEARCH)),
  },
];

export default tseslint.config(
  { ignores: ['build/**', 'data/**', '.e2e-data/**', 'public/**', 'node_modules/**', 'playwright-report/**', 'test-results/**', 'bench/.data/**', 'bench/.data-*/**', 'bench/.faults-data/**', 'bench/.faults-build/**', 'vendor/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  ...layers,
);
