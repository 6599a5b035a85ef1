import { expect, test } from './test';
import { expectNoAxeViolations } from './accessibility';
import { DEMO_USERS, logIn } from './fixtures';

/** The seeded citizen behind this login is Lars Møller, one of the four the warehouse fleksjob matches (db/seed.ts). */
const FLEXJOB_CITIZEN = 'borger.fleksjob@jobbro.test';
const COMPANY = 'Kattegat Lager & Logistik A/S';
const OPENING = 'Lagermedarbejder i fleksjob – plukning og pakning';
/** Visitated to fleksjob (valid today), no lifting restriction, within their own reach of Tilst, hours meet 10–20. */
const ELIGIBLE = ['Lars Møller', 'Michael Thomsen', 'Mohammad Rahimi', 'Peter Dam'];
const PROPOSED = 'Lars Møller';

async function newPage(browser: import('@playwright/test').Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, email);
  return page;
}

test('a consultant finds only eligible citizens for a warehouse fleksjob and proposes one; the company sees the name only after the citizen says yes', async ({
  browser,
}) => {
  const consultant = await newPage(browser, DEMO_USERS.consultant);
  await consultant.goto('/konsulent/virksomheder');
  await consultant.getByRole('link', { name: COMPANY }).click();
  await consultant.getByRole('link', { name: OPENING }).click();
  await expect(consultant.getByRole('heading', { level: 1, name: OPENING })).toBeVisible();
  await expect(consultant.getByText('Tunge løft')).toBeVisible();

  // The index is filled by the outbox at start; the list is complete once it has caught up.
  const matches = consultant.getByRole('list', { name: 'Borgere der passer, bedste først' });
  await expect(async () => {
    await consultant.reload();
    const names = await matches.getByRole('heading', { level: 3 }).allTextContents();
    expect([...names].sort()).toEqual(ELIGIBLE);
  }).toPass({ timeout: 30_000 });
  await expect(consultant.getByText('Søgningen kører i en enklere udgave')).toHaveCount(0);

  // Each hit says in plain words why it fits.
  const lars = matches.getByRole('listitem').filter({ has: consultant.getByRole('heading', { name: PROPOSED }) });
  await expect(lars).toContainText('Ønsker lager');
  await expect(lars).toContainText('10–15 t/uge passer (10–20)');
  await expect(lars).toContainText(/\d+(,\d)? km/);
  await expect(lars).toContainText('ekstra pauser og fleksible arbejdstider tilbydes');
  await expectNoAxeViolations(consultant);

  await lars.getByRole('button', { name: `Foreslå ${PROPOSED}` }).click();
  // Confirmed before it is sent, on a step that shows exactly what the company will see: no name yet.
  const preview = consultant.getByRole('group', { name: 'Det ser virksomheden' });
  await expect(preview.getByRole('heading', { name: 'Om kandidaten' })).toBeVisible();
  await expect(preview).toContainText('Navn og kontaktoplysninger vises her, når kandidaten har sagt ja til forslaget.');
  await expect(preview).not.toContainText(PROPOSED);
  await expectNoAxeViolations(consultant);
  await consultant.getByRole('button', { name: /^Send forslaget til / }).click();
  await expect(consultant.getByText(`${PROPOSED} er foreslået til jobbet.`)).toBeVisible();
  const proposals = consultant.locator('#forslag + ul');
  await expect(proposals).toContainText(PROPOSED);
  await expect(proposals).toContainText('Foreslået af jobcentret:');
  await expect(matches.getByRole('listitem').filter({ hasText: PROPOSED })).toContainText('Afventer virksomheden og borgeren');

  // The company sees the candidate without name or contact.
  const company = await newPage(browser, DEMO_USERS.company);
  await company.getByRole('link', { name: 'Foreslåede kandidater' }).click();
  await expect(company.getByRole('heading', { level: 1, name: 'Foreslåede kandidater' })).toBeVisible();
  await expect(company.getByText(PROPOSED)).toHaveCount(0);
  await company.getByRole('row').filter({ hasText: OPENING }).getByRole('link').click();
  await expect(company.getByRole('heading', { name: 'Om kandidaten' })).toBeVisible();
  await expect(company.getByText('Lager eller pakkeri.', { exact: false })).toBeVisible();
  await expect(company.getByRole('heading', { name: 'Det skal I kunne tilbyde' })).toBeVisible();
  await expect(company.getByText('Navn og kontaktoplysninger vises her, når kandidaten har sagt ja til forslaget.')).toBeVisible();
  await expect(company.getByText(PROPOSED)).toHaveCount(0);
  await expect(company.getByRole('heading', { name: 'Navn og kontakt' })).toHaveCount(0);
  await expect(company.getByText('blodprop')).toHaveCount(0);
  await expectNoAxeViolations(company);
  const proposalUrl = company.url();

  // The citizen sees the proposal on Min side and says yes.
  const citizen = await newPage(browser, FLEXJOB_CITIZEN);
  const offers = citizen.getByRole('region', { name: 'Forslag til dig' });
  await offers.getByRole('link', { name: OPENING }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: `Forslag: ${OPENING}` })).toBeVisible();
  await expect(citizen.getByText(COMPANY).first()).toBeVisible();
  await expect(citizen.getByRole('heading', { name: 'Hvad betyder det?' })).toBeVisible();
  await expectNoAxeViolations(citizen);
  await citizen.getByRole('button', { name: 'Ja, det vil jeg gerne' }).click();
  await expect(citizen.getByText('Tak for dit ja.')).toBeVisible();

  // Now the company sees the name and says yes too.
  await company.goto(proposalUrl);
  await expect(company.getByRole('heading', { name: 'Navn og kontakt' })).toBeVisible();
  await expect(company.getByRole('cell', { name: PROPOSED })).toBeVisible();
  await company.getByRole('button', { name: 'Ja, vi vil gerne møde kandidaten' }).click();
  await expect(company.getByText('Tak for jeres ja.')).toBeVisible();
  await expect(company.getByText('I har begge sagt ja').first()).toBeVisible();

  // The consultant sees every step with its time.
  await consultant.reload();
  await expect(proposals).toContainText('Borgeren sagde ja:');
  await expect(proposals).toContainText('Virksomheden sagde ja:');
  await expect(proposals).toContainText('Begge har sagt ja');
});

test('each party sees only its own proposals: another company’s is not found, and the consultant’s match page is refused', async ({ browser }) => {
  // borger@ has seeded proposals from Café Åen and Nordlys Rengøring, not from Kattegat.
  const citizen = await newPage(browser, DEMO_USERS.citizen);
  const ownProposal = citizen.getByRole('region', { name: 'Forslag til dig' }).getByRole('link').first();
  const href = await ownProposal.getAttribute('href');
  expect(href).toMatch(/^\/borger\/forslag\//);
  await ownProposal.click();
  await expect(citizen.getByRole('heading', { name: 'Hvad betyder det?' })).toBeVisible();

  const company = await newPage(browser, DEMO_USERS.company);
  await company.goto(href!.replace('/borger/', '/virksomhed/'));
  await expect(company.getByRole('heading', { level: 1, name: 'Siden findes ikke' })).toBeVisible();
  await company.goto('/konsulent/virksomheder');
  await expect(company.getByRole('heading', { level: 1, name: 'Du har ikke adgang' })).toBeVisible();

  await citizen.goto('/virksomhed/forslag');
  await expect(citizen.getByRole('heading', { level: 1, name: 'Du har ikke adgang' })).toBeVisible();
});

test('a consultant finds the jobs a citizen could fill, and narrows them by kind and distance', async ({ browser }) => {
  const consultant = await newPage(browser, DEMO_USERS.consultant);
  // The whole jobcentre's citizens, not only the consultant's own caseload.
  await consultant.goto('/konsulent/borgere?konsulent=alle');
  await consultant.getByRole('link', { name: PROPOSED }).click();
  await consultant.getByRole('link', { name: 'Find job til borgeren' }).click();
  await expect(consultant.getByRole('heading', { level: 1, name: `Job der passer til ${PROPOSED}` })).toBeVisible();

  const jobs = consultant.getByRole('list', { name: 'Job der passer, bedste først' });
  await expect(async () => {
    await consultant.reload();
    await expect(jobs.getByRole('heading', { level: 3, name: OPENING })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  // Lars is visitated to fleksjob and not on førtidspension: never a skånejob.
  await expect(jobs).not.toContainText('Skånejob');
  await expectNoAxeViolations(consultant);

  await consultant.getByRole('group', { name: 'Kun disse jobtyper' }).getByLabel('Skånejob').check();
  await consultant.getByRole('button', { name: 'Søg', exact: true }).click();
  await expect(consultant.getByText('Der er ingen ledige job, der opfylder alle borgerens krav og din søgning.')).toBeVisible();
  expect(new URL(consultant.url()).searchParams.getAll('kind')).toEqual(['sheltered_job']);

  await consultant.getByRole('group', { name: 'Kun disse jobtyper' }).getByLabel('Skånejob').uncheck();
  await consultant.getByRole('group', { name: 'Kun disse jobtyper' }).getByLabel('Fleksjob').check();
  await consultant.getByLabel('Højst afstand (km)').fill('tolv');
  await consultant.getByRole('button', { name: 'Søg', exact: true }).click();
  await expect(consultant.getByText('Skriv afstanden som et tal, fx 10.')).toBeVisible();
  await expect(consultant.getByLabel('Højst afstand (km)')).toHaveValue('tolv');
  await expect(jobs.getByRole('heading', { level: 3, name: OPENING })).toBeVisible();
  await expect(jobs.getByRole('listitem').first()).toContainText('Fleksjob');
});

test('a consultant withdraws a proposal with a reason: asked for at the field when missing, then shown in the steps', async ({ browser }) => {
  const citizenName = 'Ahmed Yusuf';
  const consultant = await newPage(browser, DEMO_USERS.consultant);
  await consultant.goto('/konsulent/borgere?konsulent=alle');
  await consultant.getByRole('link', { name: citizenName }).click();
  await consultant.getByRole('link', { name: 'Find job til borgeren' }).click();
  await expect(consultant.getByRole('heading', { level: 1, name: `Job der passer til ${citizenName}` })).toBeVisible();
  const jobs = consultant.getByRole('list', { name: 'Job der passer, bedste først' });
  // Not the job the first test proposes for, whose company's list that test reads row by row.
  const job = jobs
    .getByRole('listitem')
    .filter({ hasNot: consultant.getByRole('heading', { name: OPENING }) })
    .filter({ has: consultant.getByRole('button', { name: /^Foreslå/ }) })
    .first();
  await expect(async () => {
    await consultant.reload();
    await expect(job).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const title = (await job.getByRole('heading', { level: 3 }).textContent())!;
  await job.getByRole('button', { name: /^Foreslå/ }).click();
  await consultant.getByRole('button', { name: /^Send forslaget til / }).click();
  await expect(consultant.getByText(`${citizenName} er foreslået til ${title}.`)).toBeVisible();

  const proposal = consultant.locator('#forslag + ul > li').filter({ has: consultant.getByRole('heading', { name: title }) });
  await proposal.locator('summary', { hasText: 'Træk forslaget tilbage' }).click();
  await proposal.getByRole('button', { name: 'Træk forslaget tilbage' }).click();
  await expect(proposal.getByText('Skriv en kort begrundelse. Borgeren kan læse den.')).toBeVisible();
  await proposal.getByLabel('Begrundelse').fill('Ahmed er startet på et kursus de næste tre måneder.');
  await proposal.getByRole('button', { name: 'Træk forslaget tilbage' }).click();

  await expect(consultant.getByText(`Forslaget til ${title} er trukket tilbage. Borgeren kan se din begrundelse.`)).toBeVisible();
  await expect(proposal).toContainText('Trukket tilbage');
  await expect(proposal).toContainText('Trukket tilbage af jobcentret:');
  await expect(proposal).toContainText('“Ahmed er startet på et kursus de næste tre måneder.”');
  await expect(proposal.locator('summary', { hasText: 'Træk forslaget tilbage' })).toHaveCount(0);
});
