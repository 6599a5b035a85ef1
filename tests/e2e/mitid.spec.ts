/**
 * Logging in as Danes do, against the embedded test identity provider that the try-out runs (decision 034):
 * a citizen binds MitID through the consultant's invitation and logs in with it afterwards; a company signs up
 * with MitID Erhverv with CVR and name filled in, and a second employee gets in; a consultant logs in through
 * the municipality's login and lands on their jobcentre.
 */
import { randomUUID } from 'node:crypto';
import { makeValidCvr } from '../../app/domain/cvr';
import { expectNoAxeViolations } from './accessibility';
import { DEMO_USERS, logIn } from './fixtures';
import { createCitizenWithInvitation, PHONE } from './new-citizen';
import { expect, test, type Page } from './test';

/** On the simulator page: a new test person with these fields, at the assurance level "Betydelig". */
async function pickNewTestPerson(page: Page, fields: Record<string, string>) {
  await expect(page.getByText('Kun til afprøvning')).toBeVisible();
  const card = page.locator('form').filter({ has: page.getByRole('button', { name: 'Log ind som ny testperson' }) });
  for (const [label, value] of Object.entries(fields)) await card.getByLabel(label, { exact: true }).fill(value);
  await card.getByRole('button', { name: 'Log ind som ny testperson' }).click();
}

function someCvr(): string {
  for (;;) {
    const cvr = makeValidCvr(String(1_000_000 + Math.floor(Math.random() * 9_000_000)));
    if (cvr) return cvr;
  }
}

test('a citizen binds MitID through the invitation and afterwards logs in with MitID alone', async ({ browser, page: consultant }) => {
  await logIn(consultant, DEMO_USERS.consultant);
  const name = `Mitid Borger ${randomUUID().slice(0, 6)}`;
  const { link } = await createCitizenWithInvitation(browser, consultant, name);

  const citizen = await (await browser.newContext(PHONE)).newPage();
  await citizen.goto(link);
  await citizen.getByRole('button', { name: 'Log ind med MitID', exact: true }).click();
  await pickNewTestPerson(citizen, { Navn: name });
  await expect(citizen.getByRole('heading', { level: 1, name: 'Min side' })).toBeVisible();

  // "Log af" ends the session at MitID too, and comes back to the login page.
  await citizen.getByRole('button', { name: 'Log af' }).click();
  await citizen.getByRole('button', { name: 'Log af' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();

  await citizen.getByRole('button', { name: 'Log ind med MitID', exact: true }).click();
  await pickNewTestPerson(citizen, { Navn: name });
  await expect(citizen.getByRole('heading', { level: 1, name: 'Min side' })).toBeVisible();

  // The invitation link is used up: it cannot bind another MitID.
  await citizen.goto(link);
  await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Linket virker ikke længere');
});

test('an unknown MitID without an invitation is told in Danish what to do', async ({ page }) => {
  await page.goto('/login');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Log ind med MitID', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind med MitID' })).toBeVisible();
  await expectNoAxeViolations(page);
  await pickNewTestPerson(page, { Navn: `Ukendt ${randomUUID().slice(0, 6)}` });
  await expect(page.getByRole('heading', { level: 1, name: 'Du er ikke logget ind' })).toBeVisible();
  await expect(page.getByText('Vi kender ikke dit MitID endnu.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a company signs up with MitID Erhverv, CVR and name filled in, and a second employee gets in', async ({ browser, page: founder }) => {
  const cvr = someCvr();
  const organisation = `Mitid Lager ${randomUUID().slice(0, 6)} ApS`;
  const suffix = randomUUID().slice(0, 8);

  await founder.goto('/virksomhed/opret');
  await founder.getByRole('button', { name: 'Opret med MitID Erhverv' }).click();
  await pickNewTestPerson(founder, { Navn: 'Frida Stifter', 'E-mail': `frida-${suffix}@mitid-lager.test`, 'CVR-nummer': cvr, 'Virksomhedens navn': organisation });

  await expect(founder.getByRole('heading', { level: 1, name: 'Opret din virksomhed' })).toBeVisible();
  await expect(founder.getByText(cvr, { exact: true })).toBeVisible();
  await expect(founder.getByText(organisation, { exact: true })).toBeVisible();
  await expect(founder.getByLabel('CVR-nummer')).toHaveCount(0);
  await expectNoAxeViolations(founder);
  await founder.getByLabel('Adresse').fill('Havnegade 4');
  await founder.getByLabel('Postnummer').fill('8000');
  await founder.getByLabel('Branche').fill('Lager');
  await founder.getByLabel('Antal ordinært ansatte').fill('9');
  await founder.getByLabel('Telefon').fill('86 11 22 33');
  await founder.getByRole('button', { name: 'Opret virksomhed' }).click();
  await expect(founder.getByText(organisation).first()).toBeVisible();
  await expect(founder).toHaveURL(/\/virksomhed(\?|$)/);

  const employee = await (await browser.newContext()).newPage();
  await employee.goto('/login');
  await employee.getByRole('button', { name: 'Log ind med MitID Erhverv' }).click();
  await pickNewTestPerson(employee, { Navn: 'Emil Kollega', 'E-mail': `emil-${suffix}@mitid-lager.test`, 'CVR-nummer': cvr, 'Virksomhedens navn': organisation });
  await expect(employee).toHaveURL(/\/virksomhed$/);
  await expect(employee.getByText(organisation).first()).toBeVisible();

  // The company's first user sees the new colleague and can take their access away.
  await founder.goto('/virksomhed/profil');
  await founder.getByRole('link', { name: 'Fjern adgang for Emil Kollega' }).click();
  await founder.getByRole('button', { name: 'Ja, fjern adgangen' }).click();
  await expect(founder.getByText('Emil Kollega har ikke længere adgang')).toBeVisible();
});

test('a consultant logs in through the municipality’s login and lands on their jobcentre', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Log ind med kommunens login' }).click();
  await pickNewTestPerson(page, { Navn: 'Sofie Sso', 'E-mail': `sofie-${randomUUID().slice(0, 8)}@aarhus.test` });
  await expect(page).toHaveURL(/\/konsulent$/);
  await expect(page.getByText('Jobcenter Aarhus').first()).toBeVisible();
});
