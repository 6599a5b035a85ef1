import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Each run gets its own port, data folder and database, so two runs on one machine never meet. The main
// process picks the port; Playwright's workers inherit it through the environment.
process.env.E2E_PORT ??= String(process.env.CI ? 3100 : 3100 + Math.floor(Math.random() * 800));
const PORT = Number(process.env.E2E_PORT);
// Playwright's own browser download does not work on every machine; the system Chromium does.
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => fs.existsSync(file));

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  // Two workers, the app, Meilisearch and Chromium share two cores; the longest story takes about 40 s alone.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    // Tracing records every test and costs CPU the whole run shares; CI keeps the error context instead.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: SYSTEM_CHROMIUM,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'npx tsx scripts/e2e-server.ts',
    url: `http://localhost:${PORT}/healthz`,
    env: { PORT: String(PORT) },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
