import { expect, test, type Page } from './test';
import { expectNoSeriousAxeViolations } from './accessibility';
import { DEMO_USERS, logIn } from './fixtures';
import { createInvitedCitizen, PHONE } from './new-citizen';


/** A småjob at Kattegat (virksomhed@jobbro.test) in reach of Aarhus V, at 5–10 hours (db/seed.ts). */
const KATTEGAT_JOB = 'Pakkemedhjælper om eftermiddagen – småjob';

function citizenMenu(page: Page) {
  return page.getByRole('navigation', { name: /^(Mine sider|My pages)$/ });
}

test('a citizen withdraws consent on their own page, and the open proposal at the company ends at once: "trukket tilbage", no answer buttons', async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const name = `Sofie Samtykke ${suffix}`;

  // The consultant makes a citizen who has said yes to sharing a summary, and invites them.
  const consultant = await (await browser.newContext()).newPage();
  await logIn(consultant, DEMO_USERS.consultant);
  const { citizen, profileUrl } = await createInvitedCitizen(browser, consultant, name);

  // The consultant proposes the citizen for Kattegat's job once matching has found them.
  await consultant.goto(`${profileUrl}/match`);
  await expect(consultant.getByRole('heading', { level: 1, name: `Job der passer til ${name}` })).toBeVisible();
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

  // The proposal waits for the company's answer.
  await citizen.reload();
  await citizen.getByRole('link', { name: KATTEGAT_JOB }).first().click();
  await expect(citizen).toHaveURL(/\/borger\/forslag\/[0-9a-f-]{36}$/);
  const proposalId = new URL(citizen.url()).pathname.split('/').at(-1)!;
  const company = await (await browser.newContext()).newPage();
  await logIn(company, DEMO_USERS.company);
  await company.goto(`/virksomhed/forslag/${proposalId}`);
  await expect(company.getByRole('button', { name: 'Ja, vi vil gerne møde kandidaten' })).toBeVisible();

  // The citizen reads in plain words what is shared and what a no means, and withdraws consent.
  await citizenMenu(citizen).getByRole('link', { name: 'Samtykke' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Samtykke' })).toBeVisible();
  await expect(citizen.getByRole('heading', { name: 'Du har givet samtykke.' })).toBeVisible();
  await expect(citizen.getByText('Aldrig din diagnose eller dine helbredsnoter.', { exact: false })).toBeVisible();
  await expect(citizen.getByText('Forslag, der ikke er afsluttet, bliver afsluttet med det samme.', { exact: false })).toBeVisible();
  await expectNoSeriousAxeViolations(citizen);
  // Withdrawing works without JavaScript too: a plain form, answered with the page anew.
  const withoutScript = await (await browser.newContext({ ...PHONE, javaScriptEnabled: false, storageState: await citizen.context().storageState() })).newPage();
  await withoutScript.goto('/borger/samtykke');
  await withoutScript.getByRole('button', { name: 'Træk mit samtykke tilbage' }).click();
  await expect(withoutScript.getByText('Dit samtykke er trukket tilbage, og et åbent forslag blev afsluttet.')).toBeVisible();
  await expect(withoutScript.getByRole('heading', { name: 'Du har ikke givet samtykke.' })).toBeVisible();
  const history = withoutScript.getByRole('list', { name: 'Ændringer af dit samtykke, nyeste først' });
  await expect(history.getByRole('listitem').first()).toContainText('Samtykke trukket tilbage');
  await expect(history.getByRole('listitem').first()).toContainText('Af: Dig selv');
  // The consultant's giving of it, when the profile was made, is there too.
  await expect(history.getByRole('listitem').nth(1)).toContainText('Samtykke givet');
  await expect(history.getByRole('listitem').nth(1)).toContainText('(virksomhedskonsulent)');

  // The company: withdrawn, nothing to answer.
  await company.reload();
  await expect(company.getByText('Trukket tilbage').first()).toBeVisible();
  await expect(company.getByRole('status').filter({ hasText: 'Forslaget er trukket tilbage' })).toContainText('I skal ikke svare på det');
  await expect(company.getByRole('button', { name: 'Ja, vi vil gerne møde kandidaten' })).toHaveCount(0);
  await expect(company.getByRole('button', { name: 'Nej tak' })).toHaveCount(0);
  await expect(company.getByText('venter på jeres svar', { exact: false })).toHaveCount(0);
  await expect(company.getByRole('heading', { name: 'Om kandidaten' })).toHaveCount(0);

  // The citizen's proposal says why it ended; Mine data says how long each kind of data is kept.
  await citizen.goto(`/borger/forslag/${proposalId}`);
  await expect(citizen.getByRole('status').filter({ hasText: 'Forslaget blev afsluttet, fordi samtykket blev trukket tilbage' })).toContainText('Virksomheden ser kun');
  await citizenMenu(citizen).getByRole('link', { name: 'Mine data' }).click();
  await expect(citizen.getByRole('heading', { name: 'Hvor længe gemmer vi dine oplysninger?' })).toBeVisible();
  await expect(citizen.getByText('Når sagen er lukket, gemmer vi dem i 5 år.', { exact: false })).toBeVisible();
  await expectNoSeriousAxeViolations(citizen);
});
