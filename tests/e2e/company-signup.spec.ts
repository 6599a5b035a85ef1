import { randomInt } from 'node:crypto';
import { expect, test, type Page } from './test';
import { makeValidCvr } from '../../app/domain/cvr';
import { expectNoSeriousAxeViolations } from './accessibility';
import { DEMO_USERS, logIn } from './fixtures';
import { linkFromMail, mailText } from './mail';

function freshCvr(): string {
  for (;;) {
    const cvr = makeValidCvr(String(randomInt(1_000_000, 10_000_000)));
    if (cvr) return cvr;
  }
}

async function fillSignup(page: Page, { name, userEmail, cvr = freshCvr() }: { name: string; userEmail: string; cvr?: string }) {
  await page.goto('/virksomhed/opret');
  await page.getByLabel('CVR-nummer').fill(cvr);
  await page.getByLabel('Virksomhedens navn').fill(name);
  await page.getByLabel('Adresse').fill('Mejlgade 12');
  await page.getByLabel('Postnummer').fill('8000');
  await page.getByLabel('Branche').fill('Café');
  await page.getByLabel('Antal ordinært ansatte').fill('4');
  await page.getByLabel('Telefon', { exact: true }).fill('86 12 34 56');
  await page.getByLabel('Virksomhedens e-mail').fill(`kontakt-${randomInt(1e9)}@cafe.test`);
  await page.getByLabel('Dit navn').fill('Sofie Sol');
  await page.getByLabel('Din e-mail').fill(userEmail);
}

const SIGNUP_BUTTON = 'Send mail og opret virksomhed';

test('a newcomer signs up a company through the link in the mail; nothing exists before the link is opened', async ({ page, browser }) => {
  const suffix = randomInt(1e9);
  const userEmail = `sofie-${suffix}@cafe.test`;
  const cvr = freshCvr();

  // A name that looks like a web address is refused at the field, with every value kept.
  await fillSignup(page, { name: 'Cafe-tilbud.dk', userEmail, cvr });
  await page.getByRole('button', { name: SIGNUP_BUTTON }).click();
  await expect(page.locator('#name-error')).toContainText('Navnet må ikke ligne en webadresse');
  await expect(page.getByLabel('Din e-mail')).toHaveValue(userEmail);
  await expect(page.getByLabel('CVR-nummer')).toHaveValue(cvr);
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel('Virksomhedens navn').fill(`Café Solsikken ${suffix} ApS`);
  await page.getByRole('button', { name: SIGNUP_BUTTON }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tjek din mail' })).toBeVisible();
  await expect(page.getByText(`Vi har sendt en mail til ${userEmail}.`)).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // The link in the mail to the address is the only way on.
  const link = await linkFromMail(browser, { to: userEmail, subject: 'Bekræft din e-mail for at oprette en virksomhed i Jobbro', path: '/virksomhed/bekraeft/' });
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Bekræft og opret virksomheden' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Virksomhed/ }).first()).toContainText(`Café Solsikken ${suffix} ApS`);
  await expect(page.getByRole('row', { name: /CVR-nummer/ })).toContainText(cvr);
  await expect(page.getByRole('row', { name: /Din e-mail/ })).toContainText(userEmail);
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel('Vælg en adgangskode').fill('kort');
  await page.getByRole('button', { name: 'Opret virksomheden' }).click();
  await expect(page.locator('#password-error')).toContainText('Adgangskoden skal være mindst');
  await page.getByLabel('Vælg en adgangskode').fill('solsikke-kaffe-bar-2027');
  await page.getByRole('button', { name: 'Opret virksomheden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Virksomhedens side' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Virksomheden er oprettet' })).toBeVisible();
  await expect(page.getByText(`Café Solsikken ${suffix} ApS (CVR ${cvr})`)).toBeVisible();

  // The link works once.
  const other = await (await browser.newContext()).newPage();
  expect((await other.goto(link))?.status()).toBe(410);
  await expect(other.getByRole('heading', { level: 1, name: 'Linket virker ikke længere' })).toBeVisible();
});

test('an address that already has a user gets the same page; only its owner’s mail says so', async ({ page, browser }) => {
  const unknown = `ny-${randomInt(1e9)}@cafe.test`;
  const answers: string[] = [];
  for (const userEmail of [unknown, DEMO_USERS.citizen]) {
    await fillSignup(page, { name: `Café Prøve ${randomInt(1e9)}`, userEmail });
    await page.getByRole('button', { name: SIGNUP_BUTTON }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tjek din mail' })).toBeVisible();
    answers.push(((await page.locator('main').textContent()) ?? '').replace(userEmail, '<adressen>'));
  }
  expect(answers[1]).toBe(answers[0]);

  const toCitizen = await mailText(browser, { to: DEMO_USERS.citizen, subject: 'Nogen har prøvet at oprette en virksomhed i Jobbro med din e-mail' });
  expect(toCitizen).toContain('Der findes allerede en bruger i Jobbro med e-mailen');
  expect(toCitizen).not.toContain('/virksomhed/bekraeft/');
  expect(toCitizen).not.toContain('Café Prøve');
});

test('a company invites colleagues: the answer is the same for a new address and one with a user, and never shows the link', async ({ page, browser }) => {
  await logIn(page, DEMO_USERS.company);
  const fresh = `kollega-${randomInt(1e9)}@firma.test`;
  const answers: string[] = [];
  for (const email of [fresh, DEMO_USERS.consultant]) {
    await page.goto('/virksomhed/profil');
    await page.getByLabel('Kollegaens e-mail').fill(email);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Vi har sendt en invitation til' });
    await expect(status).toBeVisible();
    answers.push(((await status.textContent()) ?? '').replace(email, '<adressen>'));
  }
  expect(answers[1]).toBe(answers[0]);
  await expect(page.locator('main')).not.toContainText('/invitation/');

  // The new colleague finds the link in the mail and gets in.
  const link = await linkFromMail(browser, { to: fresh, subject: 'Du er inviteret til Jobbro', path: '/invitation/' });
  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(link);
  await colleague.getByLabel('Dit navn').fill('Kaj Kollega');
  await colleague.getByLabel('Vælg en adgangskode').fill('kollega-kantine-2027');
  await colleague.getByRole('button', { name: 'Opret bruger' }).click();
  await expect(colleague.getByRole('heading', { level: 1, name: 'Virksomhedens side' })).toBeVisible();
});
