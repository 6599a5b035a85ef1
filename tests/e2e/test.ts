/**
 * The e2e specs' `test`: Playwright's, plus one rule. A context a test opens itself (`browser.newContext()`,
 * for a second user or a phone) is closed when the test ends. Playwright closes only the contexts of its own
 * fixtures; the others stayed open for the rest of the worker's run, every page of every earlier story still
 * alive in Chromium, and the suite ran about twice as slow as its tests one by one.
 */
import { test as base } from '@playwright/test';

export * from '@playwright/test';

export const test = base.extend<{ closeContextsOpenedByTheTest: void }>({
  closeContextsOpenedByTheTest: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(browser.contexts().filter((context) => !before.has(context)).map((context) => context.close()));
    },
    { auto: true },
  ],
});
