import { expect, test } from './test';
import { expectNoAxeViolations } from './accessibility';
import { DEMO_USERS, logIn, logInByForm } from './fixtures';

test('the front door tells a visitor what Jobbro is, with a door for each kind of reader and the newest jobs', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Et job, der passer til dig' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Hvad er Jobbro?' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Gå til sidens indhold' })).toBeAttached();
  const main = page.locator('main');
  await expect(main.getByRole('link', { name: 'Log ind som borger' })).toHaveAttribute('href', '/login');
  await expect(main.getByRole('link', { name: 'Se ledige job' })).toHaveAttribute('href', '/jobs');
  await expect(main.getByRole('link', { name: 'Opret virksomheden' })).toHaveAttribute('href', '/virksomhed/opret');
  await expect(main.getByRole('link', { name: 'Log ind som virksomhed' })).toHaveAttribute('href', '/login');
  await expect(main.getByRole('link', { name: 'Log ind som medarbejder' })).toHaveAttribute('href', '/login');

  // The newest public openings, each to its own page.
  const latest = page.getByRole('region', { name: 'Nyeste job' }).locator('li a');
  await expect(latest.first()).toBeVisible();
  expect(await latest.count()).toBeLessThanOrEqual(5);
  await expect(latest.first()).toHaveAttribute('href', /^\/jobs\/[0-9a-f-]{36}$/);
  const title = await latest.first().innerText();
  await latest.first().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  await page.goto('/');
  await main.getByRole('link', { name: 'Log ind som medarbejder' }).click();
  await expect(page.getByRole('heading', { name: 'Log ind', exact: true })).toBeVisible();
});

test('a logged-in user who opens the front door is taken to the start page of their role', async ({ page }) => {
  await logIn(page, DEMO_USERS.company);
  await page.goto('/');
  await expect(page).toHaveURL(/\/virksomhed$/);
});

test('every page has the footer of a Danish public site, and its four pages say what the law asks', async ({ page }) => {
  await page.goto('/jobs');
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByRole('link', { name: 'Tilgængelighedserklæring' })).toHaveAttribute('href', '/tilgaengelighed');
  await expect(footer.getByRole('link', { name: 'Privatliv og behandling af personoplysninger' })).toHaveAttribute('href', '/privatliv');
  await expect(footer.getByRole('link', { name: 'Cookies' })).toHaveAttribute('href', '/cookies');
  await expect(footer.getByRole('link', { name: 'Kontakt' })).toHaveAttribute('href', '/kontakt');

  await footer.getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tilgængelighedserklæring for Jobbro' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Det, der ikke er tilgængeligt endnu' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Digitaliseringsstyrelsen/ })).toHaveAttribute('href', /digst\.dk/);
  // Feedback by phone and in writing, as the law asks: the jobcentre's, as links.
  await expect(page.locator('main a[href^="tel:"]').first()).toBeVisible();
  await expect(page.locator('main a[href^="mailto:"]').first()).toBeVisible();

  await page.getByRole('contentinfo').getByRole('link', { name: 'Privatliv og behandling af personoplysninger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Privatliv og behandling af personoplysninger' })).toBeVisible();
  await expect(page.locator('main')).toContainText('Aarhus Kommune (Jobcenter Aarhus)');
  await expect(page.locator('main')).toContainText('5 år');

  await page.getByRole('contentinfo').getByRole('link', { name: 'Cookies' }).click();
  await expect(page.getByRole('rowheader', { name: 'jobbro_session' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'jobbro_lang' })).toBeVisible();

  await page.getByRole('contentinfo').getByRole('link', { name: 'Kontakt' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Jobcenter Aarhus' })).toBeVisible();
  await expect(page.getByRole('link', { name: '87 10 00 00' })).toHaveAttribute('href', 'tel:87100000');
  await expect(page.getByRole('link', { name: 'jobcenter@aarhus.jobbro.test' })).toHaveAttribute('href', 'mailto:jobcenter@aarhus.jobbro.test');
  await expectNoAxeViolations(page);
});

test('the footer follows the language the reader chose, and a long Danish page says so in English', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'A job that suits you' })).toBeVisible();
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByRole('link', { name: 'Accessibility statement' })).toBeVisible();
  await footer.getByRole('link', { name: 'Privacy and personal data' }).click();
  await expect(page.getByText('This page is only in Danish.')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Cookies' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cookies' })).toBeVisible();
  await expect(page.getByText('Jobbro only uses the cookies that the site needs to work.')).toBeVisible();
  await expectNoAxeViolations(page);
});

const ROLE_HOMES = [
  { email: DEMO_USERS.consultant, path: '/konsulent', heading: 'Konsulentforside', organisation: 'Jobcenter Aarhus' },
  { email: DEMO_USERS.company, path: '/virksomhed', heading: 'Virksomhedens side', organisation: null },
  { email: DEMO_USERS.citizen, path: '/borger', heading: 'Min side', organisation: null },
  { email: DEMO_USERS.admin, path: '/admin', heading: 'Administration', organisation: null },
  { email: DEMO_USERS.leader, path: '/leder', heading: 'Jobcentrets tal', organisation: 'Jobcenter Aarhus' },
];

for (const home of ROLE_HOMES) {
  test(`${home.email} lands on the page of their role`, async ({ page }) => {
    await logInByForm(page, home.email);
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
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page).toHaveURL(/\/konsulent$/);
});

test('a wrong password gets a Danish message and keeps the email', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(DEMO_USERS.admin);
  await page.getByLabel('Adgangskode').fill('forkert-kode');
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
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
