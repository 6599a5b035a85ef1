import { expect, test } from './test';
import { expectNoAxeViolations } from './accessibility';
import { DEMO_USERS, logIn } from './fixtures';

// The excluded-company pickers hold the companies a search finds, not every company; the search posts the
// form back with what was typed kept, and works without JavaScript.
for (const javaScriptEnabled of [true, false]) {
  test(`a consultant finds the citizen's last employer by a part of its name (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }) => {
    const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
    await logIn(page, DEMO_USERS.consultant);
    await page.goto('/konsulent/borgere/ny');
    const employer = page.getByLabel('Seneste arbejdsgiver');
    // Before a search the picker offers nothing but "Ingen".
    await expect(employer.locator('option')).toHaveText(['Ingen']);

    const name = `Vibeke E2E ${Date.now().toString(36)}`;
    await page.getByLabel('Navn', { exact: true }).fill(name);
    await page.getByLabel('Find virksomheden').fill('nordlys');
    await page.getByRole('button', { name: 'Find virksomhed' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'passer på »nordlys«' })).toBeVisible();
    await expect(page.getByLabel('Navn', { exact: true })).toHaveValue(name);
    // axe runs as a script in the page.
    if (javaScriptEnabled) await expectNoAxeViolations(page);
    const nordlys = await employer.locator('option', { hasText: 'Nordlys Rengøring ApS' }).getAttribute('value');
    await employer.selectOption(nordlys!);
    await expect(employer.locator('option:checked')).toContainText('Nordlys Rengøring ApS');
  });
}
