import { devices, expect, test } from './test';
import { expectNoAxeViolations } from './accessibility';
import { DEMO_PASSWORD, logIn, logInByForm } from './fixtures';

/** Rasmus Bech, a consultant no other story logs in as: this one changes his password. */
const RASMUS = 'konsulent2@jobbro.test';
const NEW_PASSWORD = 'rasmus-nye-lange-kode';

test('a consultant sees where he is logged in, logs his phone out from the office, changes his password, and the phone must log in again with the new one', async ({
  browser,
}) => {
  const office = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext({ ...devices['Pixel 7'] })).newPage();
  await logInByForm(office, RASMUS);
  await logInByForm(phone, RASMUS);

  await office.getByRole('link', { name: 'Min konto' }).click();
  await expect(office.getByRole('heading', { level: 1, name: 'Min konto' })).toBeVisible();
  await expect(office.getByText('Som medarbejder bliver du logget af efter 30 minutter uden brug')).toBeVisible();
  const devicesList = office.getByRole('list').filter({ hasText: 'Logget ind:' });
  await expect(devicesList.getByRole('listitem')).toHaveCount(2);
  await expect(devicesList.getByRole('listitem').filter({ hasText: 'Denne enhed' })).toContainText('Chrome');
  await expect(devicesList.getByRole('listitem').filter({ hasNotText: 'Denne enhed' })).toContainText('Chrome · Android');
  await expectNoAxeViolations(office);

  await office.getByRole('button', { name: /^Log af Chrome · Android/ }).click();
  await expect(office.getByText('Enheden er logget af.')).toBeVisible();
  await expect(devicesList.getByRole('listitem')).toHaveCount(1);
  await expect(office.getByText('Du er kun logget ind her.')).toBeVisible();
  await phone.goto('/konsulent/borgere');
  await expect(phone).toHaveURL(/\/login\?redirectTo=%2Fkonsulent%2Fborgere/);

  // The phone logs in again; changing the password from the office logs it out once more.
  await logInByForm(phone, RASMUS);
  await office.reload();
  await expect(devicesList.getByRole('listitem')).toHaveCount(2);
  await office.getByLabel('Nuværende adgangskode').fill(DEMO_PASSWORD);
  await office.getByLabel('Ny adgangskode', { exact: true }).fill(NEW_PASSWORD);
  await office.getByLabel('Gentag den nye adgangskode').fill(`${NEW_PASSWORD}x`);
  await office.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(office.locator('#repeatPassword-error')).toContainText('De to nye adgangskoder er ikke ens.');

  await office.getByLabel('Nuværende adgangskode').fill(DEMO_PASSWORD);
  await office.getByLabel('Ny adgangskode', { exact: true }).fill(NEW_PASSWORD);
  await office.getByLabel('Gentag den nye adgangskode').fill(NEW_PASSWORD);
  await office.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(office.getByText('Din adgangskode er skiftet, og dine andre enheder er logget af.')).toBeVisible();
  await expect(devicesList.getByRole('listitem')).toHaveCount(1);

  await phone.goto('/konsulent');
  await expect(phone).toHaveURL(/\/login/);
  await phone.getByLabel('E-mail').fill(RASMUS);
  await phone.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await phone.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(phone.getByText('Forkert e-mail eller adgangskode.').first()).toBeVisible();
  await logInByForm(phone, RASMUS, NEW_PASSWORD);
  await expect(phone).toHaveURL(/\/konsulent$/);
});

test('every logged-in role reaches "Min konto" from the header', async ({ browser }) => {
  for (const email of ['borger@jobbro.test', 'virksomhed@jobbro.test', 'admin@jobbro.test']) {
    const page = await (await browser.newContext()).newPage();
    await logIn(page, email);
    await page.getByRole('banner').getByRole('link', { name: 'Min konto' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Min konto' })).toBeVisible();
    await expect(page.getByText(`Du er logget ind som ${email}.`)).toBeVisible();
    await page.context().close();
  }
});
