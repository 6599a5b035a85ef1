import { expect, test } from './test';
import { expectNoAxeViolations } from './accessibility';
import { DEMO_USERS, logIn } from './fixtures';
import { linkFromMail } from './mail';

test('the administrator creates a jobcentre and adds a consultant, who chooses a password and is in', async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const jobcentreName = `Jobcenter Skive ${suffix}`;
  const email = `ny.konsulent.${suffix}@jobbro.test`;
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, DEMO_USERS.admin);
  await expect(admin.getByRole('rowheader', { name: 'Jobcenter Aarhus' })).toBeVisible();

  await admin.getByRole('button', { name: 'Opret jobcenter' }).click();
  await expect(admin.locator('#name-error')).toContainText('Skriv jobcentrets navn');
  await expect(admin.locator('#municipality-error')).toContainText('Skriv den kommune');
  await admin.getByLabel('Kommune').fill('Skive');
  await admin.getByRole('button', { name: 'Opret jobcenter' }).click();
  await expect(admin.getByLabel('Kommune')).toHaveValue('Skive');
  await admin.getByLabel('Jobcentrets navn').fill(jobcentreName);
  await admin.getByRole('button', { name: 'Opret jobcenter' }).click();

  await expect(admin.getByRole('heading', { level: 1, name: jobcentreName })).toBeVisible();
  await expect(admin.getByText('Jobcentret har ingen konsulenter endnu.')).toBeVisible();
  await expectNoAxeViolations(admin);

  await admin.getByLabel('Medarbejderens navn').fill('Ane Konsulent');
  await admin.getByLabel('Medarbejderens e-mail').fill(DEMO_USERS.consultant);
  await admin.getByRole('button', { name: 'Tilføj medarbejder' }).click();
  await expect(admin.locator('#email-error')).toContainText('Der findes allerede en bruger med denne e-mail');
  await expect(admin.getByLabel('Medarbejderens navn')).toHaveValue('Ane Konsulent');

  await admin.getByLabel('Medarbejderens e-mail').fill(email);
  await admin.getByRole('button', { name: 'Tilføj medarbejder' }).click();
  const added = admin.getByRole('status').filter({ hasText: 'Ane Konsulent er tilføjet' });
  await expect(added).toBeVisible();
  const row = admin.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Ane Konsulent');
  await expect(row).toContainText('Har ikke valgt adgangskode endnu');
  // The link goes to the consultant's mail only; the administrator's page never shows it.
  await expect(added).not.toContainText('/ny-adgangskode/');
  const link = await linkFromMail(browser, { to: email, subject: 'Velkommen til Jobbro', path: '/ny-adgangskode/' });

  await admin.getByRole('link', { name: 'Tilbage til administration' }).click();
  const listed = admin.getByRole('row').filter({ hasText: jobcentreName });
  await expect(listed).toContainText('Skive');
  await expect(listed.getByRole('cell').nth(1)).toHaveText('1');
  await expect(listed.getByRole('cell').nth(2)).toHaveText('0');

  const consultant = await (await browser.newContext()).newPage();
  await consultant.goto(link);
  await expect(consultant.getByRole('heading', { level: 1, name: 'Velkommen til Jobbro – vælg din adgangskode' })).toBeVisible();
  await consultant.getByLabel('Adgangskode', { exact: true }).fill('anes-lange-adgangskode');
  await consultant.getByRole('button', { name: 'Gem adgangskode' }).click();
  await expect(consultant.getByRole('heading', { level: 1, name: 'Konsulentforside' })).toBeVisible();
  await expect(consultant.getByText(jobcentreName).first()).toBeVisible();
});

test('the administrator adds a leader with the same form, whose fields name neither role', async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const email = `ny.leder.${suffix}@jobbro.test`;
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, DEMO_USERS.admin);
  await admin.getByLabel('Kommune').fill('Viborg');
  await admin.getByLabel('Jobcentrets navn').fill(`Jobcenter Viborg ${suffix}`);
  await admin.getByRole('button', { name: 'Opret jobcenter' }).click();

  // The role is chosen in the form itself, without JavaScript: no field may call a leader a consultant.
  const form = admin.locator('form').filter({ has: admin.getByRole('button', { name: 'Tilføj medarbejder' }) });
  await expect(form).not.toContainText('Konsulentens');
  await form.getByLabel('Jobcenterleder').check();
  await form.getByLabel('Medarbejderens navn').fill('Lis Leder');
  await form.getByLabel('Medarbejderens e-mail').fill(email);
  await form.getByRole('button', { name: 'Tilføj medarbejder' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Lis Leder er tilføjet' })).toBeVisible();
  await expect(admin.getByRole('row').filter({ hasText: email })).toContainText('Jobcenterleder');
  await expectNoAxeViolations(admin);
});

test('the administrator sends a new link to a consultant who lost the first, and deactivates one who left, confirming without JavaScript', async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const jobcentreName = `Jobcenter Lemvig ${suffix}`;
  const email = `bo.konsulent.${suffix}@jobbro.test`;
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, DEMO_USERS.admin);
  await admin.getByLabel('Kommune').fill('Lemvig');
  await admin.getByLabel('Jobcentrets navn').fill(jobcentreName);
  await admin.getByRole('button', { name: 'Opret jobcenter' }).click();
  await admin.getByLabel('Medarbejderens navn').fill('Bo Konsulent');
  await admin.getByLabel('Medarbejderens e-mail').fill(email);
  await admin.getByRole('button', { name: 'Tilføj medarbejder' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Bo Konsulent er tilføjet' })).toBeVisible();
  const firstLink = await linkFromMail(browser, { to: email, subject: 'Velkommen til Jobbro', path: '/ny-adgangskode/' });

  const row = admin.getByRole('row').filter({ hasText: email });
  await row.getByRole('button', { name: 'Send nyt link' }).click();
  const resent = admin.getByRole('status').filter({ hasText: `Et nyt link er sendt til ${email}` });
  await expect(resent).toContainText('Det gamle link virker ikke længere');
  await expect(resent).not.toContainText('/ny-adgangskode/');
  const newLink = await linkFromMail(browser, { to: email, subject: 'Nyt link: Velkommen til Jobbro', path: '/ny-adgangskode/' });
  await expectNoAxeViolations(admin);

  const consultant = await (await browser.newContext()).newPage();
  await consultant.goto(firstLink);
  await expect(consultant.getByRole('heading', { level: 1, name: 'Linket virker ikke længere' })).toBeVisible();
  await consultant.goto(newLink);
  await consultant.getByLabel('Adgangskode', { exact: true }).fill('bos-lange-adgangskode');
  await consultant.getByRole('button', { name: 'Gem adgangskode' }).click();
  await expect(consultant.getByRole('heading', { level: 1, name: 'Konsulentforside' })).toBeVisible();

  await admin.reload();
  await expect(row).toContainText('Kan logge ind');
  await expect(row.getByRole('button', { name: 'Send nyt link' })).toHaveCount(0);
  await row.getByRole('button', { name: 'Deaktiver' }).click();
  const confirmation = admin.getByRole('region', { name: 'Vil du deaktivere Bo Konsulent?' });
  await expect(confirmation).toContainText('beholder Bo Konsulent som ansvarlig konsulent');
  await confirmation.getByRole('link', { name: 'Fortryd' }).click();
  await expect(admin.getByRole('region', { name: 'Vil du deaktivere Bo Konsulent?' })).toHaveCount(0);
  await expect(row).toContainText('Kan logge ind');
  await row.getByRole('button', { name: 'Deaktiver' }).click();
  await expectNoAxeViolations(admin);

  const adminWithoutScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await logIn(adminWithoutScript, DEMO_USERS.admin);
  await adminWithoutScript.goto(new URL(admin.url()).pathname);
  const rowWithoutScript = adminWithoutScript.getByRole('row').filter({ hasText: email });
  await rowWithoutScript.getByRole('button', { name: 'Deaktiver' }).click();
  await adminWithoutScript.getByRole('button', { name: 'Ja, deaktiver Bo Konsulent' }).click();
  await expect(adminWithoutScript.getByRole('status').filter({ hasText: 'Bo Konsulent er deaktiveret og kan ikke længere logge ind.' })).toBeVisible();
  await expect(rowWithoutScript).toContainText('Deaktiveret');
  await expect(rowWithoutScript.getByRole('button')).toHaveCount(0);

  await consultant.reload();
  await expect(consultant).toHaveURL(/\/login/);
  await consultant.getByLabel('E-mail').fill(email);
  await consultant.getByLabel('Adgangskode').fill('bos-lange-adgangskode');
  await consultant.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(consultant.getByText('Forkert e-mail eller adgangskode.').first()).toBeVisible();
});

test('a consultant is refused the administration pages', async ({ page }) => {
  await logIn(page, DEMO_USERS.consultant);
  const refused = await page.goto('/admin');
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Du har ikke adgang' })).toBeVisible();
});
