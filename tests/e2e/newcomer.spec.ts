import { expect, test } from './test';
import { DEMO_USERS, logIn } from './fixtures';

test.describe('on a phone without JavaScript', () => {
  // Many citizens use a phone, and the menu must not hide behind dkfds's script drawer.
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, javaScriptEnabled: false });

  test('a visitor sees the menu and can find "Log ind"', async ({ page }) => {
    await page.goto('/jobs');
    const menu = page.getByRole('navigation', { name: 'Hovedmenu' });
    await expect(menu.getByRole('link', { name: 'Find job' })).toBeVisible();
    await expect(menu.getByRole('link', { name: 'Log ind' })).toBeVisible();
  });

  test('a consultant sees the whole menu within the screen', async ({ page }) => {
    await logIn(page, DEMO_USERS.consultant);
    const menu = page.getByRole('navigation', { name: 'Hovedmenu' });
    for (const name of ['Konsulentforside', 'Mine borgere', 'Virksomheder', 'Aftaler', 'Ledige job']) {
      const link = menu.getByRole('link', { name });
      await expect(link).toBeVisible();
      const box = await link.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390, `${name} lies within the screen`).toBe(true);
    }
  });

  test('a consultant’s lists of citizens and agreements scroll their table, not the whole page', async ({ page }) => {
    await logIn(page, DEMO_USERS.consultant);
    for (const path of ['/konsulent/borgere', '/konsulent/aftaler']) {
      await page.goto(path);
      await expect(page.getByRole('table').first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
  });
});

test('a company is not told that the fleksjob hours are optional', async ({ page }) => {
  await logIn(page, DEMO_USERS.company);
  await page.goto('/virksomhed/jobopslag/ny');
  await page.getByLabel('Fleksjob', { exact: true }).check();
  await page.getByLabel('Titel', { exact: true }).fill('Lager');
  await page.getByLabel('Beskrivelse').fill('Et roligt lager med faste kolleger.');
  await page.getByLabel('Opgaver', { exact: true }).fill('Pakning');
  await page.getByRole('button', { name: 'Næste' }).click();
  const expected = page.getByLabel('Forventede timer om ugen');
  await expect(expected).toBeVisible();
  await expect(page.locator('label[for="flexjobExpectedHours"]')).toHaveText('Forventede timer om ugen (skal udfyldes ved fleksjob)');
});

test('a shared link to a page past the last does not say "side 99 af 2"', async ({ page }) => {
  await page.goto('/jobs?page=99');
  await expect(page.getByText('Der er ikke flere job på denne side.')).toBeVisible();
  await expect(page.getByText(/Du ser side 99/)).toHaveCount(0);
});


test('a company that is asked why it says no is not told the reason is optional', async ({ browser }) => {
  const consultant = await (await browser.newContext()).newPage();
  await logIn(consultant, DEMO_USERS.consultant);
  await consultant.goto('/jobs?q=Rengøringsassistent+på+kontorer');
  const opening = await consultant.getByRole('link', { name: 'Rengøringsassistent på kontorer – småjob' }).first().getAttribute('href');
  await consultant.goto(`/konsulent/jobopslag/${opening!.split('?')[0]!.split('/').at(-1)}`);
  await consultant.getByRole('button', { name: /^Foreslå/ }).first().click();
  await consultant.getByRole('button', { name: /^Send forslaget til / }).click();
  await expect(consultant.getByText(/er foreslået til jobbet/)).toBeVisible();

  const company = await (await browser.newContext()).newPage();
  await logIn(company, 'virksomhed2@jobbro.test');
  await company.goto('/virksomhed/forslag');
  await company.getByRole('row').filter({ hasText: 'venter på jeres svar' }).getByRole('link').first().click();
  await expect(company.locator('label[for="reason"]')).toHaveText('Hvis I siger nej: hvorfor?');
  await expect(company.getByText('Skal udfyldes, hvis I siger nej.', { exact: false })).toBeVisible();
});

test.describe('on a shared computer without JavaScript', () => {
  // Without scripts every navigation is a document load, which the browser may serve from its cache.
  test.use({ javaScriptEnabled: false });

  test('after "Log af", Back does not show the citizen profile with its health notes again', async ({ page }) => {
    await logIn(page, DEMO_USERS.consultant);
    await page.goto('/konsulent/borgere');
    await page.getByRole('table').getByRole('link').first().click();
    const profile = page.url();
    const response = await page.reload();
    expect(response?.headers()['cache-control']).toContain('no-store');
    await expect(page.getByRole('heading', { name: /Helbredsnoter/ })).toBeVisible();
    await page.getByRole('button', { name: 'Log af' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goBack();
    await expect(page.getByRole('heading', { name: /Helbredsnoter/ })).toHaveCount(0);
    expect(page.url()).not.toBe(profile);
  });
});

test('a citizen who types three digits for a postcode is told so at the field, and keeps what they typed', async ({ page }) => {
  await page.goto('/jobs');
  await page.getByLabel('Dit postnummer').fill('800');
  await page.getByRole('button', { name: 'Vis job' }).click();
  await expect(page.locator('#postcode-error')).toContainText('Et postnummer har 4 cifre, fx 8000.');
  await expect(page.getByLabel('Dit postnummer')).toHaveValue('800');
  await expect(page.getByLabel('Dit postnummer')).toHaveAttribute('aria-invalid', 'true');
});
