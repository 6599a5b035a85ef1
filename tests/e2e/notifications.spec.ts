import { expect, test, type Page } from './test';
import { expectNoSeriousAxeViolations } from './accessibility';
import { DEMO_USERS, logIn } from './fixtures';
import { createInvitedCitizen } from './new-citizen';

const SHOTS = '/tmp/shots/i13-notify';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
/** A småjob at Kattegat (virksomhed@jobbro.test) in reach of Aarhus V, at 5–10 hours (db/seed.ts). */
const KATTEGAT_JOB = 'Pakkemedhjælper om eftermiddagen – småjob';

async function shoot(page: Page, name: string) {
  for (const width of [320, 390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
}

test('a company user turns one kind of mail off on their settings page, without JavaScript, and the choice is kept', async ({ browser }) => {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await logIn(page, DEMO_USERS.secondCompany);
  await page.goto('/konto');
  await page.getByRole('link', { name: 'Vælg hvilke mails du får' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mails fra Jobbro' })).toBeVisible();
  const hours = page.getByLabel('Hver måned, når timerne for måneden før ikke er indberettet');
  await expect(hours).toBeChecked();
  await expect(page.getByLabel('En mail for hver ting, når den sker')).toBeChecked();
  // axe needs JavaScript; the citizen's story below checks the same page with it.
  await shoot(page, 'settings-company');

  await hours.uncheck();
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByText('Dine valg er gemt.')).toBeVisible();
  await page.goto('/konto/notifikationer');
  await expect(page.getByLabel('Hver måned, når timerne for måneden før ikke er indberettet')).not.toBeChecked();
  await expect(page.getByLabel('Når en kandidat har sagt ja til et af jeres job')).toBeChecked();
  await expect(page.getByLabel('En mail for hver ting, når den sker')).toBeChecked();
});

test('a citizen who reads English is proposed for a job, gets the mail in English, and its link opens the proposal', async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const name = `Noah Notifikation ${suffix}`;

  const consultant = await (await browser.newContext()).newPage();
  await logIn(consultant, DEMO_USERS.consultant);
  const { citizen, profileUrl, email } = await createInvitedCitizen(browser, consultant, name, { healthNote: 'Hemmelig note om ryggen' });
  // Switching the pages to English makes the mails English too.
  await citizen.getByRole('button', { name: 'English' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'My page' })).toBeVisible();
  await citizen.goto('/konto/notifikationer');
  await expect(citizen.getByRole('heading', { level: 1, name: 'Mail from Jobbro' })).toBeVisible();
  await expect(citizen.getByLabel('English')).toBeChecked();
  await expectNoSeriousAxeViolations(citizen);
  await shoot(citizen, 'settings-citizen-english');
  await citizen.setViewportSize(PHONE.viewport);

  await consultant.goto(`${profileUrl}/match`);
  const job = consultant
    .getByRole('list', { name: 'Job der passer, bedste først' })
    .getByRole('listitem')
    .filter({ has: consultant.getByRole('heading', { name: KATTEGAT_JOB }) });
  await expect(async () => {
    await consultant.reload();
    await expect(job.getByRole('button', { name: /^Foreslå/ })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await job.getByRole('button', { name: /^Foreslå/ }).click();
  await consultant.getByRole('button', { name: /^Send forslaget til / }).click();
  await expect(consultant.getByText(`${name} er foreslået til ${KATTEGAT_JOB}.`)).toBeVisible();

  // The mail, as /dev/mail shows it: in English, about the job, with the link to answer and nothing private.
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, DEMO_USERS.admin);
  await admin.goto(`/dev/mail?til=${encodeURIComponent(email)}`);
  const mail = admin.getByRole('article').filter({ hasText: email }).filter({ hasText: 'You have been proposed for a job' });
  await expect(mail).toBeVisible();
  await expect(mail).toContainText(`"${KATTEGAT_JOB}" at Kattegat Lager & Logistik A/S`);
  await expect(mail).not.toContainText('Hemmelig note');
  const link = mail.getByRole('link', { name: /\/borger\/forslag\/[0-9a-f-]{36}$/ });
  const href = (await link.getAttribute('href'))!;

  await citizen.goto(href);
  await expect(citizen).toHaveURL(/\/borger\/forslag\/[0-9a-f-]{36}$/);
  await expect(citizen.getByRole('heading', { level: 1 })).toContainText(KATTEGAT_JOB);
});
