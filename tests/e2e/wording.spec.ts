/** Words a newcomer stumbled on (issue 14, item 14), checked where a person reads them. */
import { expect, test, type Browser } from './test';
import { DEMO_USERS, logIn } from './fixtures';

async function newPage(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, email);
  return page;
}

test('the administrator reads the municipality once, not "Aarhus Kommune Kommune"', async ({ browser }) => {
  const admin = await newPage(browser, DEMO_USERS.admin);
  await admin.getByRole('link', { name: 'Jobcenter Aarhus' }).click();
  await expect(admin.locator('main')).toContainText('Aarhus Kommune');
  await expect(admin.locator('main')).not.toContainText('Kommune Kommune');
});

test('the company reads its candidates’ status spoken to it, never "Afventer virksomheden … venter på jeres svar"', async ({ browser }) => {
  // Nordlys Rengøring has seeded proposals waiting for it.
  const company = await newPage(browser, 'virksomhed2@jobbro.test');
  await company.goto('/virksomhed/forslag');
  await expect(company.getByRole('table').first()).toBeVisible();
  await expect(company.locator('main')).not.toContainText('Afventer virksomheden');
  await company.goto('/virksomhed');
  await expect(company.getByRole('columnheader', { name: 'Pladser' })).toBeVisible();
  await expect(company.locator('main')).not.toContainText(/\b0 af \d/);
});

test('the consultant sends a draft from below its terms, prints without the log of contacts, and can call or mail a citizen', async ({ browser }) => {
  const consultant = await newPage(browser, DEMO_USERS.consultant);
  await consultant.goto('/konsulent/aftaler');
  await consultant.getByRole('link', { name: /Ahmed Yusuf/ }).first().click();
  await expect(consultant.getByRole('heading', { level: 1, name: /Aftale mellem Ahmed Yusuf/ })).toBeVisible();
  const termsBox = (await consultant.getByRole('table', { name: /Aftalens indhold/ }).boundingBox())!;
  const sendBox = (await consultant.getByRole('button', { name: 'Send til bekræftelse' }).boundingBox())!;
  expect(sendBox.y).toBeGreaterThan(termsBox.y + termsBox.height);

  await consultant.goto('/konsulent/aftaler');
  await consultant.getByRole('link', { name: /Jonas Kristensen/ }).first().click();
  await expect(consultant.getByRole('table', { name: 'Logbog over kontakter, nyeste først' })).toBeVisible();
  // The printout is handed to the company: the jobcentre's own notes of its talks stay off it.
  await consultant.emulateMedia({ media: 'print' });
  await expect(consultant.getByRole('table', { name: /Aftalens indhold/ })).toBeVisible();
  await expect(consultant.getByRole('table', { name: 'Logbog over kontakter, nyeste først' })).toBeHidden();
  await consultant.emulateMedia({ media: 'screen' });

  await consultant.getByRole('link', { name: 'Jonas Kristensen' }).first().click();
  await expect(consultant.locator('main a[href^="tel:"]').first()).toBeVisible();
  await expect(consultant.locator('main a[href="mailto:borger@jobbro.test"]')).toBeVisible();
});
