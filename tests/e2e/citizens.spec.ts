import { expect, test } from './test';
import { expectNoAxeViolations } from './accessibility';
import { DEMO_USERS, logIn } from './fixtures';

test('a consultant keeps a citizen profile; another jobcentre gets 404 and a company 403', async ({ browser }) => {
  const consultantPage = await (await browser.newContext()).newPage();
  const page = consultantPage;
  await logIn(page, DEMO_USERS.consultant);

  // A citizen of the test's own, without consent, so no other test's matching sees it.
  const name = `Bodil E2E ${Date.now().toString(36)}`;
  await page.getByRole('link', { name: 'Mine borgere' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine borgere' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Opret borger' }).click();
  await page.getByLabel('Navn', { exact: true }).fill(name);
  await page.getByLabel('Postnummer').fill('8200');
  await page.getByLabel('Hvor langt kan borgeren rejse? (km)').fill('10');
  await page.getByLabel('Kontanthjælp, jobparat').check();
  await page.getByLabel('Mindst antal timer om ugen').fill('5');
  await page.getByLabel('Højst antal timer om ugen').fill('10');
  await page.getByLabel('Kompetencer og erfaring').fill('Madlavning derhjemme\nRengøring');
  await page.getByLabel('Helbredsnoter (følsomme — vises kun for jobcentret)').fill('Ondt i ryggen ved lange vagter.');
  await page.getByLabel('Natarbejde').check();
  // Nothing is chosen for the consultant: the Danish level must be chosen, not saved as "Godt" by itself.
  await expect(page.getByLabel('Hvor godt taler og forstår borgeren dansk?')).toHaveValue('');
  await page.getByRole('button', { name: 'Opret borger' }).click();
  await expect(page.locator('#danishLevel-error')).toContainText('Vælg, hvor godt borgeren taler dansk.');
  await page.getByLabel('Hvor godt taler og forstår borgeren dansk?').selectOption({ label: 'Flydende' });
  await page.getByRole('button', { name: 'Opret borger' }).click();
  await expect(page.getByText('Borgeren er oprettet.')).toBeVisible();

  // "Mine borgere" lists the citizen; opening them shows the profile in plain Danish.
  await page.getByRole('link', { name: 'Tilbage til Mine borgere' }).click();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Afklaring');
  await expect(row).toContainText('Kontanthjælp, jobparat');
  await expect(row).toContainText('5–10');
  await row.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Helbredsnoter (følsomme — vises kun for jobcentret)' })).toBeVisible();
  await expect(page.getByText('Ondt i ryggen ved lange vagter.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Find job til borgeren' })).toHaveAttribute('href', /\/match$/);
  await expectNoAxeViolations(page);
  const profileUrl = page.url();

  // An invalid range comes back with the Danish message at the field and every value kept.
  await page.getByRole('link', { name: 'Ret', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Ret ${name}` })).toBeVisible();
  await page.getByLabel('Borgerens jobønsker med egne ord').fill('Køkken om formiddagen');
  await page.getByLabel('Mindst antal timer om ugen').fill('20');
  await page.getByLabel('Højst antal timer om ugen').fill('10');
  await page.getByRole('button', { name: 'Gem ændringer' }).click();
  const message = 'Det største antal timer skal være mindst lige så stort som det mindste.';
  await expect(page.getByRole('alert').getByRole('link', { name: message })).toBeVisible();
  await expect(page.locator('#hoursMax-error')).toContainText(message);
  await expect(page.getByLabel('Højst antal timer om ugen')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Mindst antal timer om ugen')).toHaveValue('20');
  await expect(page.getByLabel('Højst antal timer om ugen')).toHaveValue('10');
  await expect(page.getByLabel('Borgerens jobønsker med egne ord')).toHaveValue('Køkken om formiddagen');
  await expect(page.getByLabel('Natarbejde')).toBeChecked();
  await expect(page.getByLabel('Helbredsnoter (følsomme — vises kun for jobcentret)')).toHaveValue('Ondt i ryggen ved lange vagter.');
  await expectNoAxeViolations(page);

  await page.getByLabel('Højst antal timer om ugen').fill('25');
  await page.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(page.getByText('Profilen er gemt.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Timer om ugen/ })).toContainText('20–25 t/uge');
  await expect(page.getByRole('row', { name: /Jobønsker/ })).toContainText('Køkken om formiddagen');

  const randersPage = await (await browser.newContext()).newPage();
  await logIn(randersPage, DEMO_USERS.randersConsultant);
  const notFound = await randersPage.goto(profileUrl);
  expect(notFound?.status()).toBe(404);
  await expect(randersPage.getByText(name)).toHaveCount(0);
  expect((await randersPage.goto(`${profileUrl}/ret`))?.status()).toBe(404);

  const companyPage = await (await browser.newContext()).newPage();
  await logIn(companyPage, DEMO_USERS.company);
  const forbidden = await companyPage.goto(profileUrl);
  expect(forbidden?.status()).toBe(403);
  await expect(companyPage.getByText(name)).toHaveCount(0);
  await expect(companyPage.getByText('Ondt i ryggen')).toHaveCount(0);
});

test('the consultant start page links to the caseload and counts it per phase', async ({ page }) => {
  await logIn(page, DEMO_USERS.consultant);
  await expect(page.getByRole('link', { name: 'Mine borgere' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Virksomheder' }).first()).toHaveAttribute('href', '/konsulent/virksomheder');
  await expect(page.getByRole('link', { name: 'Ledige job' }).first()).toHaveAttribute('href', '/jobs');
  await expect(page.getByRole('table', { name: 'Dine borgere fordelt på fase' })).toBeVisible();
  await page.getByRole('table', { name: 'Dine borgere fordelt på fase' }).getByRole('link', { name: 'På vej mod job' }).click();
  await expect(page).toHaveURL(/fase=towards_job/);
  await expect(page.getByLabel('Fase')).toHaveValue('towards_job');
});
