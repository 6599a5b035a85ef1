import { expect, test } from '@playwright/test';
import { DEMO_USERS, logIn } from './fixtures';

test('the front door shows the login page to a visitor', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Log ind' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Gå til sidens indhold' })).toBeAttached();
});

const ROLE_HOMES = [
  { email: DEMO_USERS.consultant, path: '/konsulent', heading: 'Konsulentforside', organisation: 'Jobcenter Aarhus' },
  { email: DEMO_USERS.company, path: '/virksomhed', heading: 'Virksomhedens side', organisation: null },
  { email: DEMO_USERS.citizen, path: '/borger', heading: 'Min side', organisation: null },
  { email: DEMO_USERS.admin, path: '/admin', heading: 'Administration', organisation: null },
];

for (const home of ROLE_HOMES) {
  test(`${home.email} lands on the page of their role`, async ({ page }) => {
    await logIn(page, home.email);
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByRole('heading', { level: 1, name: home.heading })).toBeVisible();
    if (home.organisation) await expect(page.getByText(home.organisation).first()).toBeVisible();
  });
}

test('a company user is refused the consultant page, and a consultant the company page', async ({ browser }) => {
  const companyPage = await (await browser.newContext()).newPage();
  await logIn(companyPage, DEMO_USERS.company);
  const refused = await companyPage.goto('/konsulent');
  expect(refused?.status()).toBe(403);
  await expect(companyPage.getByRole('heading', { name: 'Du har ikke adgang' })).toBeVisible();

  const consultantPage = await (await browser.newContext()).newPage();
  await logIn(consultantPage, DEMO_USERS.consultant);
  const alsoRefused = await consultantPage.goto('/virksomhed');
  expect(alsoRefused?.status()).toBe(403);
});

test('a visitor who opens a role page is sent to log in and then back', async ({ page }) => {
  await page.goto('/konsulent');
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fkonsulent/);
  await page.getByLabel('E-mail').fill(DEMO_USERS.consultant);
  await page.getByLabel('Adgangskode').fill('jobbro-demo');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL(/\/konsulent$/);
});

test('a wrong password gets a Danish message and keeps the email', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(DEMO_USERS.admin);
  await page.getByLabel('Adgangskode').fill('forkert-kode');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByText('Forkert e-mail eller adgangskode.').first()).toBeVisible();
  await expect(page.getByLabel('E-mail')).toHaveValue(DEMO_USERS.admin);
});

test('logging out ends the session', async ({ page }) => {
  await logIn(page, DEMO_USERS.citizen);
  await page.getByRole('button', { name: 'Log af' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/borger');
  await expect(page).toHaveURL(/\/login/);
});

test('a form post from another site is refused', async ({ request }) => {
  const response = await request.post('/login', {
    headers: { Origin: 'https://evil.example' },
    form: { email: DEMO_USERS.admin, password: 'jobbro-demo' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain('Anmodningen blev afvist');
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
  await logIn(page, DEMO_USERS.company);
  const cookie = (await context.cookies()).find((c) => c.name === 'jobbro_session');
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
  expect(cookie?.secure).toBe(true);
});

test('/healthz reports the database and Meilisearch', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.ok()).toBe(true);
  const health = await response.json();
  expect(health.database.ok).toBe(true);
  expect(health.search.ok).toBe(true);
});
