import { expect, type Browser, type Page } from './test';
import { linkFromMail } from './mail';

/** A phone: the citizens of this portal mostly use one. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/**
 * The consultant makes a citizen of their own (consent given, 5–10 hours, Aarhus V) and invites them; the
 * citizen chooses a password on a phone. Each story gets its own citizen, so stories running side by side never meet.
 */
export async function createInvitedCitizen(browser: Browser, consultant: Page, name: string, { healthNote }: { healthNote?: string } = {}) {
  const { link, profileUrl, email } = await createCitizenWithInvitation(browser, consultant, name, { healthNote });
  const citizen = await (await browser.newContext(PHONE)).newPage();
  await citizen.goto(link);
  await citizen.getByLabel('Vælg en adgangskode').fill('blå-cykel-over-broen-7');
  await citizen.getByRole('button', { name: 'Gem adgangskode og log ind' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Min side' })).toBeVisible();
  return { citizen, profileUrl, citizenId: profileUrl.split('/').at(-1)!, email };
}

/** The consultant makes the citizen and invites them; returns the invitation link from the citizen's mail. */
export async function createCitizenWithInvitation(browser: Browser, consultant: Page, name: string, { healthNote }: { healthNote?: string } = {}) {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@jobbro.test`;
  await consultant.goto('/konsulent/borgere/ny');
  await consultant.getByLabel('Navn', { exact: true }).fill(name);
  await consultant.getByLabel('E-mail').fill(email);
  await consultant.getByLabel('Postnummer').fill('8210');
  await consultant.getByLabel('Hvor langt kan borgeren rejse? (km)').fill('15');
  await consultant.getByLabel('Kontanthjælp, jobparat').check();
  await consultant.getByLabel('Mindst antal timer om ugen').fill('5');
  await consultant.getByLabel('Højst antal timer om ugen').fill('10');
  await consultant.getByLabel('Borgerens jobønsker med egne ord').fill('Lager og pakning');
  if (healthNote) await consultant.getByLabel(/^Helbredsnoter/).fill(healthNote);
  await consultant.getByLabel(/Borgeren har givet samtykke/).check();
  await consultant.getByLabel('På vej mod job').check();
  await consultant.getByLabel('Hvor godt taler og forstår borgeren dansk?').selectOption({ label: 'Godt' });
  await consultant.getByRole('button', { name: 'Opret borger' }).click();
  await expect(consultant.getByText('Borgeren er oprettet.')).toBeVisible();
  const profileUrl = consultant.url().replace(/[?#].*$/, '');
  await consultant.getByRole('button', { name: 'Inviter borgeren til Jobbro' }).click();
  const link = await linkFromMail(browser, { to: email, subject: 'Velkommen til Jobbro', path: '/velkommen/' });
  return { link, profileUrl, email };
}

/** The consultant's match page for the citizen, reloaded until matching (Meilisearch, via the outbox) lists the job. */
export async function jobOnMatchPage(consultant: Page, profileUrl: string, title: string) {
  await consultant.goto(`${profileUrl}/match`);
  const job = consultant
    .getByRole('list', { name: 'Job der passer, bedste først' })
    .getByRole('listitem')
    .filter({ has: consultant.getByRole('heading', { name: title }) });
  await expect(async () => {
    await consultant.reload();
    await expect(job).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  return job;
}
