/**
 * Issue 13's story between the three users: a consultant proposes a citizen who already has an agreement; the
 * citizen finds it under "Venter på dig" and says yes; the company says yes; the consultant finds "Skriv
 * aftale" on the start page and writes it; both confirm it from their start pages; the citizen withdraws
 * consent, and an open proposal at another job ends at the company's side at once.
 */
import { expect, test, type Browser, type Page } from './test';
import { DEMO_USERS, logIn } from './fixtures';
import { mailText } from './mail';
import { createInvitedCitizen, jobOnMatchPage } from './new-citizen';

/** Kattegat (virksomhed@): the agreement the citizen already has, and the proposal left open (db/seed.ts). */
const KATTEGAT_JOB = 'Pakkemedhjælper om eftermiddagen – småjob';
/** Nordlys (virksomhed2@): the new agreement. */
const NORDLYS = 'Nordlys Rengøring ApS';
const OFFICE_JOB = 'Rengøringsassistent på kontorer – småjob';

async function newPage(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, email);
  return page;
}

/** The consultant writes an agreement on the open form, with hours inside both ranges, and sends it. */
async function sendAgreement(consultant: Page) {
  await consultant.getByLabel('Ordinære timer om ugen').fill('6');
  await consultant.getByRole('button', { name: 'Send til bekræftelse' }).click();
  await expect(consultant.getByText('Aftalen er gemt.')).toBeVisible();
  return new URL(consultant.url()).pathname.split('/').at(-1)!;
}

/** The company adds two places to its opening, so this story's agreement takes none that another story needs. */
async function makeRoom(company: Page, openingId: string) {
  await company.goto(`/virksomhed/jobopslag/${openingId}`);
  const places = company.getByLabel('Antal pladser');
  await places.fill(String(Number(await places.inputValue()) + 2));
  await company.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(company.getByRole('heading', { level: 1 })).toBeVisible();
}

/** The company and the citizen each confirm the agreement from "Venter på dig" on their start page. */
async function bothConfirmFromStartPages(company: Page, citizen: Page, agreementId: string) {
  await company.goto('/virksomhed');
  await company.getByRole('region', { name: 'Aftaler der venter på jeres bekræftelse' }).locator(`a[href="/virksomhed/aftaler/${agreementId}"]`).click();
  await company.getByRole('button', { name: 'Vi bekræfter aftalen' }).click();
  await expect(company.getByText('Tak. Aftalen bliver aktiv, når borgeren også har bekræftet den.')).toBeVisible();
  await citizen.goto('/borger');
  await citizen.getByRole('region', { name: 'Aftaler du skal bekræfte' }).locator(`a[href="/borger/aftaler/${agreementId}"]`).click();
  await citizen.getByRole('button', { name: 'Jeg bekræfter aftalen' }).click();
  await expect(citizen.getByText('Tak. Aftalen er nu aktiv.')).toBeVisible();
}

test('what waits for whom: proposed, answered, written, confirmed from the start pages, and consent withdrawn', async ({ browser }) => {
  const name = `Vilma Venter ${Date.now().toString(36)}`;
  const consultant = await newPage(browser, DEMO_USERS.consultant);
  const { citizen, profileUrl, citizenId, email } = await createInvitedCitizen(browser, consultant, name);
  const kattegat = await newPage(browser, DEMO_USERS.company);
  const nordlys = await newPage(browser, DEMO_USERS.secondCompany);

  // The agreement she already has: written directly at Kattegat and confirmed by both.
  const kattegatJob = await jobOnMatchPage(consultant, profileUrl, KATTEGAT_JOB);
  const kattegatOpening = (await kattegatJob.getByRole('link', { name: KATTEGAT_JOB }).getAttribute('href'))!.split('/').at(-1)!;
  // Kattegat makes room first: other stories (consent, notifications) propose citizens for this job at the same time.
  await makeRoom(kattegat, kattegatOpening);
  await consultant.goto(`/konsulent/aftaler/ny?borger=${citizenId}&jobopslag=${kattegatOpening}`);
  const first = await sendAgreement(consultant);
  await bothConfirmFromStartPages(kattegat, citizen, first);

  // Nordlys makes room at its office job (other stories fill its places), so this story's agreement has a place.
  const officeJob = await jobOnMatchPage(consultant, profileUrl, OFFICE_JOB);
  const officeOpening = (await officeJob.getByRole('link', { name: OFFICE_JOB }).getAttribute('href'))!.split('/').at(-1)!;
  await makeRoom(nordlys, officeOpening);

  // The consultant proposes her for Nordlys' office job and for more hours at Kattegat, each confirmed on the
  // step that shows what the company will see (no name yet).
  for (const title of [OFFICE_JOB, KATTEGAT_JOB]) {
    const job = await jobOnMatchPage(consultant, profileUrl, title);
    await job.getByRole('button', { name: /^Foreslå/ }).click();
    await expect(consultant.getByRole('group', { name: 'Det ser virksomheden' })).not.toContainText(name);
    await consultant.getByRole('button', { name: /^Send forslaget til / }).click();
    await expect(consultant.getByText(`${name} er foreslået til ${title}.`)).toBeVisible();
  }

  // The citizen finds both under "Venter på dig" on Min side and says yes to the office job.
  await citizen.goto('/borger');
  const toAnswer = citizen.getByRole('region', { name: 'Forslag du skal svare på' });
  await expect(toAnswer).toContainText(OFFICE_JOB);
  await expect(toAnswer).toContainText(KATTEGAT_JOB);
  const kattegatProposal = (await toAnswer.getByRole('link', { name: KATTEGAT_JOB }).getAttribute('href'))!.split('/').at(-1)!;
  await toAnswer.getByRole('link', { name: OFFICE_JOB }).click();
  await expect(citizen).toHaveURL(/\/borger\/forslag\/[0-9a-f-]{36}$/);
  const officeProposal = new URL(citizen.url()).pathname.split('/').at(-1)!;
  // She was told by mail too, with the link to answer.
  const proposalMail = await mailText(browser, { to: email, subject: 'Du er foreslået til et job' });
  expect(proposalMail).toContain('/borger/forslag/');
  await citizen.getByRole('button', { name: 'Ja, det vil jeg gerne' }).click();
  await expect(citizen.getByText('Tak for dit ja.')).toBeVisible();

  // Kattegat finds its candidate under "Venter på jer" without a name; Nordlys says yes to the one who said yes.
  // Nordlys was told by mail that a candidate said yes: a link to answer, and still no name.
  const yesMail = await mailText(browser, { to: DEMO_USERS.secondCompany, subject: 'En kandidat har sagt ja' });
  expect(yesMail).toContain(`/virksomhed/forslag/${officeProposal}`);
  expect(yesMail).not.toContain(name);
  await kattegat.goto('/virksomhed');
  const candidates = kattegat.getByRole('region', { name: 'Kandidater der venter på jeres svar' });
  await expect(candidates.locator(`a[href="/virksomhed/forslag/${kattegatProposal}"]`)).toBeVisible();
  await expect(candidates).not.toContainText(name);
  await nordlys.goto('/virksomhed');
  await nordlys.getByRole('region', { name: 'Kandidater der venter på jeres svar' }).locator(`a[href="/virksomhed/forslag/${officeProposal}"]`).click();
  await nordlys.getByRole('button', { name: 'Ja, vi vil gerne møde kandidaten' }).click();
  await expect(nordlys.getByText('Tak for jeres ja.')).toBeVisible();

  // The consultant finds "Skriv aftale" on the start page and writes the agreement.
  await consultant.goto('/konsulent');
  await consultant.getByRole('region', { name: 'Begge har sagt ja: skriv aftalen' }).getByRole('link', { name: `Skriv aftale for ${name}: ${OFFICE_JOB}` }).click();
  await expect(consultant.getByRole('heading', { level: 1, name: `Aftale mellem ${name} og ${NORDLYS}` })).toBeVisible();
  const second = await sendAgreement(consultant);
  // Both are asked by mail to confirm, each with the link to their own page of the agreement.
  expect(await mailText(browser, { to: email, subject: 'Din aftale venter på din bekræftelse' })).toContain(`/borger/aftaler/${second}`);
  expect(await mailText(browser, { to: DEMO_USERS.secondCompany, subject: 'En aftale venter på jeres bekræftelse' })).toContain(`/virksomhed/aftaler/${second}`);
  await bothConfirmFromStartPages(nordlys, citizen, second);

  // Min side shows every agreement, and nothing waits any more.
  await citizen.goto('/borger');
  const all = citizen.getByRole('region', { name: 'Alle dine aftaler' });
  await expect(all).toContainText(KATTEGAT_JOB);
  await expect(all).toContainText(OFFICE_JOB);
  await expect(citizen.getByRole('region', { name: 'Aftaler du skal bekræfte' })).toHaveCount(0);

  // The citizen withdraws consent: the open proposal at Kattegat ends at the company's side at once.
  await citizen.goto('/borger/samtykke');
  await citizen.getByRole('button', { name: 'Træk mit samtykke tilbage' }).click();
  await expect(citizen.getByText('Dit samtykke er trukket tilbage, og et åbent forslag blev afsluttet.')).toBeVisible();
  await kattegat.goto(`/virksomhed/forslag/${kattegatProposal}`);
  await expect(kattegat.getByText('Trukket tilbage').first()).toBeVisible();
  await expect(kattegat.getByRole('button', { name: 'Ja, vi vil gerne møde kandidaten' })).toHaveCount(0);
  await kattegat.goto('/virksomhed');
  await expect(kattegat.locator(`a[href="/virksomhed/forslag/${kattegatProposal}"]`)).toHaveCount(0);
  // The citizen is told what happened: their consent, not the jobcentre.
  await citizen.goto('/borger');
  await expect(citizen.getByRole('region', { name: 'Forslag til dig' }).getByRole('listitem').filter({ hasText: KATTEGAT_JOB })).toContainText(
    'Afsluttet, fordi dit samtykke blev trukket tilbage',
  );
});
