import fs from 'node:fs';
import { expect, test, type Browser, type Page } from './test';
import { expectNoSeriousAxeViolations } from './accessibility';
import { DEMO_USERS, logIn } from './fixtures';
import { linkFromMail } from './mail';

/** A phone: the citizens of this portal mostly use one. */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** A småjob at Kattegat (virksomhed@jobbro.test) with free slots, in reach of Aarhus V, at 5–10 hours (db/seed.ts). */
const KATTEGAT_JOB = 'Pakkemedhjælper om eftermiddagen – småjob';

/** Openings of the demo data with heavy lifting, all within reach of Aarhus V (db/seed.ts). */
const HEAVY_LIFTING_JOBS = [
  'Lagermedarbejder i fleksjob – plukning og pakning',
  'Fleksjob som værkstedshjælper – dæk og oprydning',
  'Pedelmedhjælper – opstilling og små reparationer',
];

/** The citizen's own menu ("Mine sider" / "My pages"), above every citizen page. */
function citizenMenu(page: Page) {
  return page.getByRole('navigation', { name: /^(Mine sider|My pages)$/ });
}

async function phonePage(browser: Browser) {
  return (await browser.newContext(PHONE)).newPage();
}

function inOneYear(): string {
  const date = new Date();
  date.setFullYear(date.getFullYear() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The consultant makes a fleksjob-visitated citizen who must avoid heavy lifting, and invites them; returns
 * the link from the mail to the citizen, the only place it goes.
 */
async function consultantInvitesNewCitizen(consultant: Page, name: string, email: string) {
  await consultant.goto('/konsulent/borgere/ny');
  await consultant.getByLabel('Navn', { exact: true }).fill(name);
  await consultant.getByLabel('E-mail').fill(email);
  await consultant.getByLabel('Postnummer').fill('8210');
  await consultant.getByLabel('Hvor langt kan borgeren rejse? (km)').fill('15');
  await consultant.getByLabel('Ledighedsydelse (visiteret til fleksjob)').check();
  await consultant.getByLabel('Fleksjobvisitationen gælder til og med').fill(inOneYear());
  await consultant.getByLabel('Mindst antal timer om ugen').fill('10');
  await consultant.getByLabel('Højst antal timer om ugen').fill('15');
  await consultant.getByLabel('Borgerens jobønsker med egne ord').fill('Lager');
  await consultant.getByLabel('Tunge løft').check();
  await consultant.getByLabel('Helbredsnoter (følsomme — vises kun for jobcentret)').fill('Diskusprolaps i lænden.');
  await consultant.getByLabel(/Borgeren har givet samtykke/).check();
  await consultant.getByLabel('På vej mod job').check();
  await consultant.getByLabel('Hvor godt taler og forstår borgeren dansk?').selectOption({ label: 'Godt' });
  await consultant.getByRole('button', { name: 'Opret borger' }).click();
  await expect(consultant.getByText('Borgeren er oprettet.')).toBeVisible();
  // The ticked boxes were saved, not only drawn ticked (a box that sent an empty value once lost the consent).
  await expect(consultant.getByRole('row', { name: /Samtykke/ })).toContainText('Ja — et resumé uden navn');

  await expect(consultant.getByText('Borgeren kan ikke logge ind endnu.')).toBeVisible();
  await consultant.getByRole('button', { name: 'Inviter borgeren til Jobbro' }).click();
  await expect(consultant.getByText(`Vi har sendt et link til ${email}.`)).toBeVisible();
  return linkFromMail(consultant.context().browser()!, { to: email, subject: 'Velkommen til Jobbro', path: '/velkommen/' });
}

test('a consultant invites a citizen, who sets a password, edits wishes, sees only jobs they may take, says they are interested, accepts the agreement, sees the next follow-up and who has read their data', async ({
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const name = `Frida Fleks ${suffix}`;
  const email = `frida.${suffix}@jobbro.test`;

  const consultant = await (await browser.newContext()).newPage();
  await logIn(consultant, DEMO_USERS.consultant);
  const link = await consultantInvitesNewCitizen(consultant, name, email);
  // Without the notice and anchor the invitation left in the address, so going back loads the page anew.
  const profileUrl = consultant.url().replace(/[?#].*$/, '');

  // The consultant never sees the link: only where and when it went.
  await expect(consultant.locator('main')).not.toContainText(link.split('/').at(-1)!);

  // The citizen opens the link on a phone; a weak password gets a clear message.
  const citizen = await phonePage(browser);
  await citizen.goto(link);
  await expect(citizen.getByRole('heading', { level: 1, name: 'Velkommen til Jobbro' })).toBeVisible();
  await expectNoSeriousAxeViolations(citizen);
  await citizen.getByLabel('Vælg en adgangskode').fill('kort');
  await citizen.getByRole('button', { name: 'Gem adgangskode og log ind' }).click();
  await expect(citizen.locator('#password-error')).toContainText('Adgangskoden skal være mindst 12 tegn.');
  await citizen.getByLabel('Vælg en adgangskode').fill('adgangskode123');
  await citizen.getByRole('button', { name: 'Gem adgangskode og log ind' }).click();
  await expect(citizen.locator('#password-error')).toContainText('Adgangskoden er for almindelig.');
  await expectNoSeriousAxeViolations(citizen);
  await citizen.getByLabel('Vælg en adgangskode').fill('grøn-kaffe-cykel-2027');
  await citizen.getByRole('button', { name: 'Gem adgangskode og log ind' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Min side' })).toBeVisible();
  await expect(citizen.getByText('Velkommen! Din adgangskode er gemt, og du er logget ind.')).toBeVisible();
  await expect(citizen.getByText('Mette Sørensen')).toBeVisible();
  // The first login says what to do next.
  const gettingStarted = citizen.getByRole('region', { name: 'Kom i gang' });
  await expect(gettingStarted.getByRole('link', { name: 'Tjek dine ønsker, og skriv, hvad du kan' })).toHaveAttribute('href', '/borger/oensker');
  await expect(gettingStarted.getByRole('link', { name: 'Se job til dig' })).toHaveAttribute('href', '/borger/job');
  await expectNoSeriousAxeViolations(citizen);

  // Mine ønsker: HTML is refused at the field with every value kept; health notes are never shown.
  await citizenMenu(citizen).getByRole('link', { name: 'Mine ønsker' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Mine ønsker' })).toBeVisible();
  await expect(citizen.getByText('Diskusprolaps')).toHaveCount(0);
  await expect(citizen.getByRole('region', { name: 'Det skal du undgå' })).toContainText('Tunge løft');
  await citizen.getByLabel('Hvad vil du gerne arbejde med?').fill('<b>Lager</b> og pakning');
  await citizen.getByLabel('Højst antal timer om ugen').fill('14');
  await citizen.getByLabel('Ekstra pauser').check();
  await citizen.getByRole('button', { name: 'Gem mine ønsker' }).click();
  await expect(citizen.locator('#wishes-error')).toContainText('Teksten må ikke indeholde HTML-koder.');
  await expect(citizen.getByLabel('Hvad vil du gerne arbejde med?')).toHaveValue('<b>Lager</b> og pakning');
  await expect(citizen.getByLabel('Højst antal timer om ugen')).toHaveValue('14');
  await expect(citizen.getByLabel('Ekstra pauser')).toBeChecked();
  await expectNoSeriousAxeViolations(citizen);
  await citizen.getByLabel('Hvad vil du gerne arbejde med?').fill('Lager og pakning, gerne om formiddagen');
  // The citizen writes what they can, one per line, on the same page as their wishes.
  await citizen.getByLabel('Hvad kan du?').fill('Plukning med håndscanner\nOpvask');
  await citizen.getByRole('button', { name: 'Gem mine ønsker' }).click();
  await expect(citizen.getByText('Dine ønsker er gemt.')).toBeVisible();
  await expect(citizen.getByLabel('Hvad kan du?')).toHaveValue('Plukning med håndscanner\nOpvask');
  await expect(citizen.getByLabel('Hvad vil du gerne arbejde med?')).toHaveValue('Lager og pakning, gerne om formiddagen');

  // The consultant sees the change on the profile.
  await consultant.goto(profileUrl);
  await expect(consultant.getByRole('row', { name: /Jobønsker/ })).toContainText('Lager og pakning, gerne om formiddagen');
  await expect(consultant.getByRole('row', { name: /Timer om ugen/ })).toContainText('10–14 t/uge');
  await expect(consultant.locator('main')).toContainText('Plukning med håndscanner');

  // Job til mig: only jobs the citizen may take — no skånejob, nothing with heavy lifting — each explained.
  await citizenMenu(citizen).getByRole('link', { name: 'Job til mig' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Job til mig' })).toBeVisible();
  const jobs = citizen.getByRole('list', { name: 'Job der passer til dig, bedste først' });
  await expect(jobs.getByRole('listitem').first()).toBeVisible();
  const titles = await jobs.getByRole('heading', { level: 2 }).allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  for (const heavy of HEAVY_LIFTING_JOBS) expect(titles).not.toContain(heavy);
  await expect(jobs).not.toContainText('Skånejob');
  await expect(jobs.getByRole('listitem').first()).toContainText('Derfor passer jobbet til dig');
  await expect(jobs.getByRole('listitem').first()).toContainText(/km fra dig/);
  await expect(citizen.getByText('Søgningen kører i en enklere udgave')).toHaveCount(0);
  await expectNoSeriousAxeViolations(citizen);

  // Kattegat has a login of its own, so the story can go on to an agreement.
  expect(titles).toContain(KATTEGAT_JOB);
  const chosen = KATTEGAT_JOB;

  // Matching from the job sees the citizen's own new words (a competence they added) within seconds (the outbox reaches Meilisearch).
  const jobHref = await jobs.getByRole('link', { name: `Læs mere om ${chosen}` }).getAttribute('href');
  const openingId = jobHref!.split('/').at(-1)!;
  await expect(async () => {
    await consultant.goto(`/konsulent/jobopslag/${openingId}?q=h%C3%A5ndscanner`);
    await expect(consultant.getByRole('list', { name: 'Borgere der passer, bedste først' }).getByRole('heading', { name })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const chosenItem = jobs.getByRole('listitem').filter({ has: citizen.getByRole('heading', { name: chosen }) });
  await chosenItem.getByRole('button', { name: `Jeg er interesseret i ${chosen}` }).click();
  await expect(citizen.getByText(`Tak! Din jobkonsulent kan nu se, at du er interesseret i "${chosen}".`)).toBeVisible();
  await expect(jobs.getByRole('listitem').filter({ has: citizen.getByRole('heading', { name: chosen }) })).toContainText('Du har vist interesse');

  // The consultant sees the interest and can turn it into a proposal.
  await consultant.goto('/konsulent');
  await expect(consultant.getByRole('region', { name: 'Borgere der er interesseret i et job' })).toContainText(name);
  await consultant.goto(profileUrl);
  const interest = consultant.getByRole('region', { name: 'Borgeren er interesseret' });
  await expect(interest).toContainText(chosen);
  await interest.getByRole('button', { name: /^Send til .* som forslag$/ }).click();
  await expect(consultant.getByText('Interessen er sendt videre til virksomheden som et forslag.')).toBeVisible();

  // Min side shows it as waiting for the company; with wishes, competences and an interest, Kom i gang has done its job.
  await citizenMenu(citizen).getByRole('link', { name: 'Min side' }).click();
  await expect(citizen.getByRole('listitem').filter({ hasText: chosen })).toContainText('Du har sagt ja · venter på virksomheden');
  await expect(citizen.getByRole('region', { name: 'Kom i gang' })).toHaveCount(0);

  // The company says yes, the consultant writes the agreement, the company confirms it.
  const company = await (await browser.newContext()).newPage();
  await logIn(company, DEMO_USERS.company);
  await company.goto('/virksomhed/forslag');
  await company.getByRole('link', { name }).click();
  await company.getByRole('button', { name: 'Ja, vi vil gerne møde kandidaten' }).click();
  await expect(company.getByText('Tak for jeres ja.')).toBeVisible();
  await consultant.goto('/konsulent/aftaler');
  await consultant.getByRole('link', { name: `Skriv aftale for ${name}: ${chosen}` }).click();
  await consultant.getByLabel('Ordinære timer om ugen').fill('10');
  await consultant.getByRole('button', { name: 'Send til bekræftelse' }).click();
  await expect(consultant.getByText('Aftalen er gemt.')).toBeVisible();
  await company.goto('/virksomhed/aftaler');
  await company.getByRole('link', { name }).first().click();
  await company.getByRole('button', { name: 'Vi bekræfter aftalen' }).click();
  await expect(company.getByText('Tak. Aftalen bliver aktiv, når borgeren også har bekræftet den.')).toBeVisible();

  // The citizen sees the agreement waiting on Min side, accepts it, and then sees the next follow-up.
  await citizen.reload();
  const agreement = citizen.getByRole('region', { name: 'Din aftale' });
  await expect(agreement).toContainText('Aftalen venter på, at den bliver bekræftet.');
  await expect(agreement).toContainText('Kattegat Lager & Logistik A/S');
  await agreement.getByRole('link', { name: 'Se hele aftalen' }).click();
  await citizen.getByRole('button', { name: 'Jeg bekræfter aftalen' }).click();
  await expect(citizen.getByText('Tak. Aftalen er nu aktiv.')).toBeVisible();
  await citizenMenu(citizen).getByRole('link', { name: 'Min side' }).click();
  await expect(agreement).not.toContainText('venter på, at den bliver bekræftet');
  await expect(agreement.getByRole('row', { name: /Timer om ugen/ })).toContainText('10 ordinære timer');
  await expect(agreement.getByRole('row', { name: /Næste opfølgning/ })).toContainText(/\d{1,2}\. [a-zæøå]+ \d{4}/);
  await expect(citizen.getByRole('region', { name: 'Din jobkonsulent' })).toContainText('Mette Sørensen');
  await expectNoSeriousAxeViolations(citizen);

  // Mine data shows the consultant's read with organisation, role and why.
  await citizenMenu(citizen).getByRole('link', { name: 'Mine data' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Mine data' })).toBeVisible();
  const log = citizen.getByRole('list', { name: 'Hvem har set mine oplysninger, nyeste dag først' });
  const jobcentreToday = log.locator('details').filter({ hasText: 'Jobcenter Aarhus' }).first();
  await jobcentreToday.locator('summary').click();
  const read = jobcentreToday.getByRole('listitem').filter({ hasText: 'Sagsbehandling: din profil blev åbnet' }).first();
  await expect(read).toBeVisible();
  await expect(read).toContainText('Virksomhedskonsulent');
  await expect(read).toContainText('Læst');
  await expectNoSeriousAxeViolations(citizen);

  // The download holds the citizen's data and is itself logged.
  const downloading = citizen.waitForEvent('download');
  await citizen.getByRole('link', { name: 'Hent mine oplysninger (JSON)' }).click();
  const download = await downloading;
  const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as { profile: { name: string; wishes: string } };
  expect(exported.profile).toMatchObject({ name, wishes: 'Lager og pakning, gerne om formiddagen' });
  await citizen.reload();
  await expect(log.locator('summary').first()).toContainText('Dig selv');
  await expect(log.locator('summary').first()).toContainText('Eksporteret: 1');

  // English, remembered from page to page.
  await citizen.getByRole('button', { name: 'English' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'My data' })).toBeVisible();
  await expect(citizen.getByRole('heading', { name: 'Who has seen my information' })).toBeVisible();
  await citizenMenu(citizen).getByRole('link', { name: 'Jobs for me' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Jobs for me' })).toBeVisible();
  await expect(citizen.getByRole('list', { name: 'Jobs that suit you, best first' })).toContainText(/km from you/);
  // Screen readers read the page in English, and the citizen's header and menu are English too (decision 016).
  await expect(citizen.locator('html')).toHaveAttribute('lang', 'en');
  await expect(citizen.getByRole('banner')).toHaveAttribute('lang', 'en');
  await expect(citizen.getByRole('banner').getByRole('button', { name: 'Log out' })).toBeVisible();
  // The jobs' own titles are the companies' Danish words, and say so.
  await expect(citizen.getByRole('list', { name: 'Jobs that suit you, best first' }).getByRole('heading', { level: 2 }).first()).toHaveAttribute('lang', 'da');
  await expectNoSeriousAxeViolations(citizen);
  await citizenMenu(citizen).getByRole('link', { name: 'My wishes' }).click();
  await expect(citizen.getByLabel('What would you like to work with?')).toHaveValue('Lager og pakning, gerne om formiddagen');
  // A mistake is announced to a screen reader in English too, not as "Fejl:".
  await citizen.getByLabel('Most hours a week').fill('99');
  await citizen.getByRole('button', { name: 'Save my wishes' }).click();
  await expect(citizen.locator('#hoursMax-error .sr-only')).toHaveText('Error:');
  await expect(citizen.getByLabel('Most hours a week')).toHaveValue('99');
  await citizen.getByRole('button', { name: 'Dansk' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Mine ønsker' })).toBeVisible();
  await expect(citizen.locator('html')).toHaveAttribute('lang', 'da');

  // The used link says so clearly.
  const used = await citizen.goto(link);
  expect(used?.status()).toBe(410);
  await expect(citizen.getByRole('heading', { level: 1, name: 'Linket virker ikke længere' })).toBeVisible();
  await expectNoSeriousAxeViolations(citizen);
});

test('a citizen opening another citizen\'s proposal gets 404; a consultant\'s page is forbidden', async ({ browser }) => {
  const demoCitizen = await phonePage(browser);
  await logIn(demoCitizen, DEMO_USERS.citizen);
  await expect(demoCitizen.getByRole('heading', { level: 1, name: 'Min side' })).toBeVisible();
  await expectNoSeriousAxeViolations(demoCitizen);
  const proposalHref = await demoCitizen.getByRole('region', { name: 'Forslag til dig' }).getByRole('link').first().getAttribute('href');
  expect(proposalHref).toMatch(/^\/borger\/forslag\//);
  await demoCitizen.goto(proposalHref!);
  await expect(demoCitizen.getByRole('heading', { name: 'Hvad betyder det?' })).toBeVisible();
  await expectNoSeriousAxeViolations(demoCitizen);
  await demoCitizen.getByRole('button', { name: 'English' }).click();
  await expect(demoCitizen.getByRole('heading', { name: 'What does it mean?' })).toBeVisible();
  await expect(demoCitizen.getByRole('button', { name: 'Yes, I would like that' })).toBeVisible();
  await expectNoSeriousAxeViolations(demoCitizen);
  await demoCitizen.getByRole('button', { name: 'Dansk' }).click();
  await expect(demoCitizen.getByRole('heading', { name: 'Hvad betyder det?' })).toBeVisible();
  await demoCitizen.goto('/borger/mine-data');
  await expect(demoCitizen.getByRole('list', { name: 'Hvem har set mine oplysninger, nyeste dag først' })).toContainText('Jobcenter Aarhus');

  const otherCitizen = await phonePage(browser);
  await logIn(otherCitizen, 'borger.fleksjob@jobbro.test');
  const response = await otherCitizen.goto(proposalHref!);
  expect(response?.status()).toBe(404);
  await expect(otherCitizen.getByRole('heading', { name: 'Siden findes ikke' })).toBeVisible();
  expect((await otherCitizen.goto('/konsulent/borgere'))?.status()).toBe(403);
});

test('a forgotten password is replaced by a link from the mail outbox, and the link works once', async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const email = `glemsom.${suffix}@jobbro.test`;
  const consultant = await (await browser.newContext()).newPage();
  await logIn(consultant, DEMO_USERS.consultant);
  await consultant.goto('/konsulent/borgere/ny');
  await consultant.getByLabel('Navn', { exact: true }).fill(`Gustav Glemsom ${suffix}`);
  await consultant.getByLabel('E-mail').fill(email);
  await consultant.getByLabel('Postnummer').fill('8000');
  await consultant.getByLabel('Hvor langt kan borgeren rejse? (km)').fill('10');
  await consultant.getByLabel('Kontanthjælp, jobparat').check();
  await consultant.getByLabel('Mindst antal timer om ugen').fill('5');
  await consultant.getByLabel('Højst antal timer om ugen').fill('10');
  await consultant.getByLabel('Hvor godt taler og forstår borgeren dansk?').selectOption({ label: 'Godt' });
  await consultant.getByRole('button', { name: 'Opret borger' }).click();
  await consultant.getByRole('button', { name: 'Inviter borgeren til Jobbro' }).click();
  await expect(consultant.getByText(`Vi har sendt et link til ${email}.`)).toBeVisible();
  const invitation = await linkFromMail(browser, { to: email, subject: 'Velkommen til Jobbro', path: '/velkommen/' });

  const citizen = await phonePage(browser);
  await citizen.goto(invitation);
  await citizen.getByLabel('Vælg en adgangskode').fill('første-lange-kode');
  await citizen.getByRole('button', { name: 'Gem adgangskode og log ind' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Min side' })).toBeVisible();
  await citizen.getByRole('button', { name: 'Log af' }).click();
  // Wait for the logout to land; navigating away earlier would cancel it and keep the session.
  await expect(citizen).toHaveURL(/\/login/);

  await citizen.getByRole('link', { name: 'Har du glemt din adgangskode?' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Glemt adgangskode' })).toBeVisible();
  await citizen.getByLabel('E-mail').fill('ikke-en-mail');
  await citizen.getByRole('button', { name: 'Send link' }).click();
  await expect(citizen.locator('#email-error')).toContainText('Skriv e-mailen i formatet navn@eksempel.dk.');
  await expect(citizen.getByLabel('E-mail')).toHaveValue('ikke-en-mail');
  await expectNoSeriousAxeViolations(citizen);
  await citizen.getByLabel('E-mail').fill(email);
  await citizen.getByRole('button', { name: 'Send link' }).click();
  await expect(citizen.getByText('Hvis e-mailen har en bruger i Jobbro, har vi sendt et link til den nu.')).toBeVisible();

  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, DEMO_USERS.admin);
  await admin.goto(`/dev/mail?til=${encodeURIComponent(email)}`);
  const mail = admin.getByRole('article').filter({ hasText: email }).filter({ hasText: 'Ny adgangskode til Jobbro' }).first();
  const resetLink = await mail.getByRole('link', { name: /\/ny-adgangskode\// }).getAttribute('href');

  await citizen.goto(resetLink!);
  await expect(citizen.getByRole('heading', { level: 1, name: 'Vælg en ny adgangskode' })).toBeVisible();
  await expectNoSeriousAxeViolations(citizen);
  await citizen.getByLabel('Ny adgangskode').fill('123456789012');
  await citizen.getByRole('button', { name: 'Gem ny adgangskode' }).click();
  await expect(citizen.locator('#password-error')).toContainText('Adgangskoden er for almindelig.');
  await citizen.getByLabel('Ny adgangskode').fill('anden-lange-kode');
  await citizen.getByRole('button', { name: 'Gem ny adgangskode' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Min side' })).toBeVisible();

  expect((await citizen.goto(resetLink!))?.status()).toBe(410);
  await expect(citizen.getByRole('heading', { level: 1, name: 'Linket virker ikke længere' })).toBeVisible();
});

test('the core citizen pages work without JavaScript: password, wishes, interest and language', async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const consultant = await (await browser.newContext()).newPage();
  await logIn(consultant, DEMO_USERS.consultant);
  const link = await consultantInvitesNewCitizen(consultant, `Uffe Uden JS ${suffix}`, `uffe.${suffix}@jobbro.test`);
  // Without the notice and anchor the invitation left in the address, so going back loads the page anew.
  const profileUrl = consultant.url().replace(/[?#].*$/, '');

  const citizen = await (await browser.newContext({ ...PHONE, javaScriptEnabled: false })).newPage();
  await citizen.goto(link);
  await citizen.getByLabel('Vælg en adgangskode').fill('kort');
  await citizen.getByRole('button', { name: 'Gem adgangskode og log ind' }).click();
  await expect(citizen.locator('#password-error')).toContainText('Adgangskoden skal være mindst 12 tegn.');
  await citizen.getByLabel('Vælg en adgangskode').fill('uden-javascript-virker');
  await citizen.getByRole('button', { name: 'Gem adgangskode og log ind' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Min side' })).toBeVisible();

  await citizenMenu(citizen).getByRole('link', { name: 'Mine ønsker' }).click();
  await citizen.getByLabel('Højst antal timer om ugen').fill('13');
  await citizen.getByRole('button', { name: 'Gem mine ønsker' }).click();
  await expect(citizen.getByText('Dine ønsker er gemt.')).toBeVisible();
  await expect(citizen.getByLabel('Højst antal timer om ugen')).toHaveValue('13');

  await citizenMenu(citizen).getByRole('link', { name: 'Job til mig' }).click();
  const jobs = citizen.getByRole('list', { name: 'Job der passer til dig, bedste først' });
  const first = (await jobs.getByRole('heading', { level: 2 }).first().textContent())!;
  await jobs.getByRole('button', { name: `Jeg er interesseret i ${first}` }).click();
  await expect(citizen.getByText(`Tak! Din jobkonsulent kan nu se, at du er interesseret i "${first}".`)).toBeVisible();

  await citizen.getByRole('button', { name: 'English' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Jobs for me' })).toBeVisible();
  await citizenMenu(citizen).getByRole('link', { name: 'My page' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'My page' })).toBeVisible();
  await expect(citizen.getByRole('listitem').filter({ hasText: first })).toContainText('You are interested · the job centre is looking at it');

  // The consultant does not pass the interest on; a reason is needed, and the citizen reads it.
  await consultant.goto(profileUrl);
  const interest = consultant.getByRole('region', { name: 'Borgeren er interesseret' });
  await interest.locator('summary', { hasText: 'Send ikke interessen videre' }).click();
  await interest.getByRole('button', { name: 'Send ikke interessen videre' }).click();
  await expect(interest.getByText('Skriv en kort begrundelse. Borgeren kan læse den.')).toBeVisible();
  await interest.getByLabel('Begrundelse').fill('Jobbet kræver, at du kan møde kl. 6.');
  await interest.getByRole('button', { name: 'Send ikke interessen videre' }).click();
  await expect(consultant.getByText('Interessen er ikke sendt videre. Borgeren kan se din begrundelse under Min side.')).toBeVisible();

  await citizen.reload();
  const declined = citizen.getByRole('listitem').filter({ hasText: first });
  await expect(declined).toContainText('The job centre did not pass your interest on');
  await declined.getByRole('link', { name: first }).click();
  await expect(citizen.getByRole('status')).toContainText('The job centre’s reason (in Danish): “Jobbet kræver, at du kan møde kl. 6.”');
  await expect(citizen.getByRole('button', { name: 'Yes, I would like that' })).toHaveCount(0);
});

test('the consultant sees that the invitation went to the citizen (where and when), never the link, and can send it again, which stops the old link', async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const email = `sigrid.${suffix}@jobbro.test`;
  const consultant = await (await browser.newContext()).newPage();
  await logIn(consultant, DEMO_USERS.consultant);
  const firstLink = await consultantInvitesNewCitizen(consultant, `Sigrid Sendt ${suffix}`, email);
  const access = consultant.getByRole('region', { name: 'Borgerens adgang til Jobbro' });
  await expect(access.getByRole('status')).toContainText('Invitationen er sendt');
  await expect(access.getByRole('row', { name: /Sendt til/ })).toContainText(email);
  await expect(access.getByRole('row', { name: /^Sendt\b/ }).last()).toContainText(/kl\. \d{2}\.\d{2}/);
  await expect(access.getByRole('row', { name: /Linket virker til og med/ })).toBeVisible();
  await expect(consultant.locator('main')).not.toContainText(firstLink.split('/').at(-1)!);
  await expect(consultant.getByLabel('Link til borgeren')).toHaveCount(0);
  await expectNoSeriousAxeViolations(consultant);

  await access.getByRole('button', { name: 'Send invitationen igen' }).click();
  await expect(access.getByRole('status')).toContainText(`Vi har sendt et link til ${email}.`);
  const secondLink = await linkFromMail(browser, { to: email, subject: 'Velkommen til Jobbro', path: '/velkommen/' });
  expect(secondLink).not.toBe(firstLink);

  const citizen = await phonePage(browser);
  expect((await citizen.goto(firstLink))?.status()).toBe(410);
  await expect(citizen.getByRole('heading', { level: 1, name: 'Linket virker ikke længere' })).toBeVisible();
  await citizen.goto(secondLink);
  await citizen.getByLabel('Vælg en adgangskode').fill('sigrids-egen-kode-2027');
  await citizen.getByRole('button', { name: 'Gem adgangskode og log ind' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Min side' })).toBeVisible();

  await consultant.reload();
  await expect(access).toContainText('Borgeren har valgt en adgangskode og kan logge ind.');
  await expect(access.getByRole('button', { name: 'Send invitationen igen' })).toHaveCount(0);
});
