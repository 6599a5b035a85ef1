/**
 * "Venter på dig" and the consultant's dead ends, each as a user meets it: new companies until "Jeg har set
 * dem", a citizen's own interest passed on from the opening's match page, the name search on Mine borgere,
 * and the way from /jobs and a job's page to the citizens who match it.
 */
import { expect, test, type Browser } from './test';
import { expectNoAxeViolations } from './accessibility';
import { DEMO_USERS, logIn } from './fixtures';
import { createInvitedCitizen } from './new-citizen';

const KATTEGAT_JOB = 'Pakkemedhjælper om eftermiddagen – småjob';

async function newPage(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, email);
  return page;
}

test('the consultant’s start page: what waits first, and new openings until "Jeg har set dem"', async ({ browser }) => {
  // No other story presses "Jeg har set dem". (Not the second demo consultant: the account story changes his password.)
  const consultant = await newPage(browser, DEMO_USERS.consultant);
  await expect(consultant.getByRole('heading', { level: 2, name: 'Venter på dig' })).toBeVisible();
  // Openings the demo published in the last fortnight are new to a consultant who has not looked yet.
  const fresh = consultant.getByRole('region', { name: 'Nye jobopslag siden du sidst kiggede' });
  await expect(fresh.getByRole('link').first()).toHaveAttribute('href', /^\/konsulent\/jobopslag\//);
  await expectNoAxeViolations(consultant);
  await consultant.getByRole('button', { name: 'Jeg har set dem' }).click();
  await expect(consultant.getByRole('region', { name: 'Nye virksomheder siden du sidst kiggede' })).toHaveCount(0);
  await expect(consultant.getByRole('region', { name: 'Nye jobopslag siden du sidst kiggede' })).toHaveCount(0);
});

test('a citizen’s own interest reads as what it is, and is passed on from the opening’s match page', async ({ browser }) => {
  const consultant = await newPage(browser, DEMO_USERS.consultant);
  const name = `Ida Interesse ${Date.now().toString(36)}`;
  const { citizen } = await createInvitedCitizen(browser, consultant, name);
  // The citizen says "Jeg er interesseret" once matching has found the job for them.
  const item = citizen.getByRole('listitem').filter({ has: citizen.getByRole('heading', { name: KATTEGAT_JOB }) });
  await expect(async () => {
    await citizen.goto('/borger/job');
    await expect(item).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await item.getByRole('button', { name: `Jeg er interesseret i ${KATTEGAT_JOB}` }).click();
  await expect(citizen.getByText(`Tak! Din jobkonsulent kan nu se, at du er interesseret i "${KATTEGAT_JOB}".`)).toBeVisible();

  // The consultant's start page shows the five longest waiting (other stories' citizens may be older), and
  // "Borgere der er interesseret i et job" lists them all: "send videre?" leads to the opening's match page.
  await consultant.goto('/konsulent');
  await expect(consultant.getByRole('region', { name: 'Borgere der er interesseret i et job' })).toBeVisible();
  await consultant.goto('/konsulent/interesse');
  await expect(consultant.getByRole('heading', { level: 1, name: 'Borgere der er interesseret i et job' })).toBeVisible();
  await expectNoAxeViolations(consultant);
  await consultant.getByRole('link', { name: `${name} er interesseret i ${KATTEGAT_JOB}: send videre?` }).click();
  await expect(consultant.getByRole('heading', { level: 1, name: KATTEGAT_JOB })).toBeVisible();
  const proposal = consultant.locator('#forslag + ul > li').filter({ has: consultant.getByRole('heading', { name }) });
  await expect(proposal).toContainText('Borgeren er interesseret – send videre?');
  await expect(proposal).not.toContainText('Afventer virksomheden');
  await proposal.getByRole('button', { name: /^Send videre til Kattegat/ }).click();
  await expect(consultant.getByText(`${name}s interesse er sendt videre til virksomheden som et forslag.`)).toBeVisible();
  await expect(consultant.locator('#forslag + ul > li').filter({ has: consultant.getByRole('heading', { name }) })).toContainText('Afventer virksomheden');
});

test('Mine borgere finds a citizen by name, also without JavaScript, and says so at the field when the search is too long', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const consultant = await context.newPage();
  await logIn(consultant, DEMO_USERS.consultant);
  await consultant.goto('/konsulent/borgere');
  await consultant.getByLabel('Konsulent').selectOption({ label: 'Alle i jobcentret' });
  await consultant.getByLabel('Søg på navn').fill('hanne bak');
  await consultant.getByRole('button', { name: 'Vis borgere' }).click();
  const rows = consultant.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: 'Hanne Bak' })).toHaveCount(1);
  await expect(rows).toHaveCount(2);
  await consultant.getByLabel('Søg på navn').fill('x'.repeat(101));
  await consultant.getByRole('button', { name: 'Vis borgere' }).click();
  await expect(consultant.getByText('Skriv højst 100 tegn af navnet.')).toBeVisible();
  await expect(consultant.getByLabel('Søg på navn')).toHaveValue('x'.repeat(101));
});

test('from Ledige job and a job’s page, staff go to the citizens who match it; a visitor does not see the way', async ({ browser }) => {
  const consultant = await newPage(browser, DEMO_USERS.consultant);
  await consultant.goto(`/jobs?q=${encodeURIComponent('Pakkemedhjælper om eftermiddagen')}`);
  await consultant.getByRole('link', { name: `Se borgere der passer til ${KATTEGAT_JOB}` }).first().click();
  await expect(consultant.getByRole('heading', { level: 2, name: 'Borgere der passer' })).toBeVisible();
  const openingId = new URL(consultant.url()).pathname.split('/').at(-1)!;
  await consultant.goto(`/jobs/${openingId}`);
  await consultant.getByRole('link', { name: 'Se borgere der passer' }).click();
  await expect(consultant).toHaveURL(new RegExp(`/konsulent/jobopslag/${openingId}$`));

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/jobs/${openingId}`);
  await expect(visitor.getByRole('heading', { level: 1, name: KATTEGAT_JOB })).toBeVisible();
  await expect(visitor.getByRole('link', { name: /Se borgere der passer/ })).toHaveCount(0);
});
