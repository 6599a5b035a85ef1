import { expect, test, type Browser, type Page } from './test';
import { addDays, addMonths, monthOf, proposeFollowUpDates } from '../../app/domain/agreement-rules';
import { toIsoDate } from '../../app/domain/format';
import { expectNoAxeViolations } from './accessibility';
import { DEMO_USERS, logIn } from './fixtures';

/** Lars Møller (borger.fleksjob@) fits Nordlys' office cleaning småjob at 10 hours a week (db/seed.ts). */
const CITIZEN_LOGIN = 'borger.fleksjob@jobbro.test';
const CITIZEN = 'Lars Møller';
const COMPANY_LOGIN = 'virksomhed2@jobbro.test';
const COMPANY = 'Nordlys Rengøring ApS';
const OPENING = 'Rengøringsassistent på kontorer – småjob';

/** The follow-up plan, one date field per row: the given dates first, the remaining rows emptied. */
async function setFollowUps(page: Page, dates: string[]) {
  const rows = page.locator('input[name="followUpDates"]');
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(dates.length);
  for (let row = 0; row < count; row++) await rows.nth(row).fill(dates[row] ?? '');
}

async function newPage(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, email);
  return page;
}

function isoDay(date: Date) {
  return date.toISOString().slice(0, 10);
}

/** The agreement started on the first of the month three months ago, so three whole months lie behind it. */
const now = new Date();
const START = isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 1)));
const MONTHS = [0, 1, 2].map((offset) => addMonths(START, offset).slice(0, 7));
const DANISH_MONTH = new Intl.DateTimeFormat('da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthName = (month: string) => DANISH_MONTH.format(new Date(`${month}-01T12:00:00Z`));

test('from an accepted proposal to 30 ordinary hours: written, confirmed by both, followed up, renegotiated', async ({ browser }) => {

  // The consultant proposes Lars for the cleaning job; Lars and the company both say yes.
  const consultant = await newPage(browser, DEMO_USERS.consultant);
  await consultant.goto('/konsulent/virksomheder');
  await consultant.getByRole('link', { name: COMPANY }).click();
  await consultant.getByRole('link', { name: OPENING }).click();
  await expect(consultant.getByRole('heading', { level: 1, name: OPENING })).toBeVisible();
  const matches = consultant.getByRole('list', { name: 'Borgere der passer, bedste først' });
  // Many citizens fit a småjob; Lars is the one who has worked with a hand scanner.
  const searchUrl = `${new URL(consultant.url()).pathname}?q=h%C3%A5ndscanner`;
  await expect(async () => {
    await consultant.goto(searchUrl);
    await expect(matches.getByRole('heading', { level: 3, name: CITIZEN })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await matches.getByRole('button', { name: `Foreslå ${CITIZEN}` }).click();
  await consultant.getByRole('button', { name: /^Send forslaget til / }).click();
  await expect(consultant.getByText(`${CITIZEN} er foreslået til jobbet.`)).toBeVisible();

  const citizen = await newPage(browser, CITIZEN_LOGIN);
  await citizen.getByRole('region', { name: 'Forslag til dig' }).getByRole('link', { name: OPENING }).click();
  await citizen.getByRole('button', { name: 'Ja, det vil jeg gerne' }).click();
  await expect(citizen.getByText('Tak for dit ja.')).toBeVisible();

  const company = await newPage(browser, COMPANY_LOGIN);
  await company.goto('/virksomhed/forslag');
  await company.getByRole('link', { name: CITIZEN }).click();
  await company.getByRole('button', { name: 'Ja, vi vil gerne møde kandidaten' }).click();
  await expect(company.getByText('Tak for jeres ja.')).toBeVisible();

  // The consultant writes the agreement from the accepted proposal.
  await consultant.goto('/konsulent/aftaler');
  await consultant.getByRole('link', { name: `Skriv aftale for ${CITIZEN}: ${OPENING}` }).click();
  await expect(consultant.getByRole('heading', { level: 1, name: `Aftale mellem ${CITIZEN} og ${COMPANY}` })).toBeVisible();
  // Prefilled from the opening.
  await expect(consultant.getByLabel('Fast kontaktperson i virksomheden')).not.toHaveValue('');
  await expect(consultant.getByLabel('Opfølgning 1', { exact: true })).not.toHaveValue('');
  await expectNoAxeViolations(consultant);

  // Bad input: hours outside the ranges, a contact without phone or e-mail, a plan with a gap.
  await consultant.getByLabel('Ordinære timer om ugen').fill('20');
  await consultant.getByLabel('Startdato').fill(START);
  await consultant.getByLabel('Første genforhandling').fill(addMonths(START, 4));
  await consultant.getByLabel('Kontaktpersonens telefon').fill('');
  await consultant.getByLabel('Kontaktpersonens e-mail').fill('');
  await consultant.getByLabel('Dato for delmål 1').fill(addMonths(START, 2));
  await consultant.getByLabel('Delmål 1', { exact: true }).fill('7 ordinære timer om ugen');
  // One more sub-goal row, by a button that posts the form: every value stays.
  await consultant.getByRole('button', { name: 'Tilføj delmål' }).click();
  await expect(consultant.getByLabel('Dato for delmål 2')).toHaveValue('');
  await expect(consultant.getByLabel('Delmål 1', { exact: true })).toHaveValue('7 ordinære timer om ugen');
  await expect(consultant.getByLabel('Ordinære timer om ugen')).toHaveValue('20');
  await expect(consultant.getByRole('heading', { name: 'Der er et problem' })).toHaveCount(0);
  await setFollowUps(consultant, [addMonths(START, 1), addMonths(START, 3)]);
  await consultant.getByRole('button', { name: 'Send til bekræftelse' }).click();
  await expect(consultant.getByRole('alert').getByRole('heading', { name: 'Der er et problem' })).toBeVisible();
  const form = consultant.locator('form').filter({ has: consultant.getByLabel('Startdato') });
  await expect(form.getByText('Timerne skal ligge inden for jobopslagets 5–10 t/uge.').first()).toBeVisible();
  await expect(form.getByText('Skriv et telefonnummer eller en e-mail til kontaktpersonen, så borgeren kan komme i kontakt.').first()).toBeVisible();
  await expect(form.getByText(/Der er mere end en måned uden opfølgning mellem/).first()).toBeVisible();
  await expect(consultant.getByLabel('Ordinære timer om ugen')).toHaveValue('20');
  await expect(consultant.getByLabel('Ordinære timer om ugen')).toHaveAttribute('aria-invalid', 'true');
  await expect(consultant.getByLabel('Startdato')).toHaveValue(START);
  await expect(consultant.getByLabel('Dato for delmål 1')).toHaveValue(addMonths(START, 2));
  await expect(consultant.getByLabel('Delmål 1', { exact: true })).toHaveValue('7 ordinære timer om ugen');

  // A follow-up before the start is named at its own field.
  await consultant.getByLabel('Ordinære timer om ugen').fill('10');
  await consultant.getByLabel('Kontaktpersonens telefon').fill('86 12 34 56');
  const proposed = proposeFollowUpDates(START, 'ordinary_hours');
  const followUpRows = consultant.locator('input[name="followUpDates"]');
  const rowsBefore = await followUpRows.count();
  await consultant.getByRole('button', { name: 'Tilføj opfølgning' }).click();
  await expect(followUpRows).toHaveCount(rowsBefore + 1);
  await setFollowUps(consultant, [proposed[0]!, addDays(START, -3), ...proposed.slice(1)]);
  await consultant.getByRole('button', { name: 'Send til bekræftelse' }).click();
  await expect(consultant.getByLabel('Opfølgning 2', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(consultant.locator('#followUpDate-1-error')).toContainText('ligger før startdatoen');
  await expect(consultant.getByLabel('Opfølgning 2', { exact: true })).toHaveValue(addDays(START, -3));

  await setFollowUps(consultant, proposed);
  await consultant.getByRole('button', { name: 'Send til bekræftelse' }).click();
  await expect(consultant.getByText('Aftalen er gemt.')).toBeVisible();
  await expect(consultant.getByText('Afventer bekræftelse').first()).toBeVisible();
  const agreementUrl = new URL(consultant.url());
  const agreementId = agreementUrl.pathname.split('/').at(-1)!;

  // Another company finds no such agreement, and may not confirm it.
  const otherCompany = await newPage(browser, DEMO_USERS.company);
  await otherCompany.goto(`/virksomhed/aftaler/${agreementId}`);
  await expect(otherCompany.getByRole('heading', { level: 1, name: 'Siden findes ikke' })).toBeVisible();
  const refused = await otherCompany.evaluate(async (url) => {
    const body = new URLSearchParams({ intent: 'confirm' });
    return (await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status;
  }, `/virksomhed/aftaler/${agreementId}`);
  expect(refused).toBe(404);

  // The company and the citizen confirm; who and when are recorded.
  await company.goto('/virksomhed/aftaler');
  await company.getByRole('link', { name: CITIZEN }).click();
  await expect(company.getByRole('heading', { level: 1, name: `Aftale mellem ${CITIZEN} og ${COMPANY}` })).toBeVisible();
  await expectNoAxeViolations(company);
  // The button comes after the terms it confirms, not above them.
  const termsBox = (await company.getByRole('table', { name: /Aftalens indhold/ }).boundingBox())!;
  const confirmBox = (await company.getByRole('button', { name: 'Vi bekræfter aftalen' }).boundingBox())!;
  expect(confirmBox.y).toBeGreaterThan(termsBox.y + termsBox.height);
  await company.getByRole('button', { name: 'Vi bekræfter aftalen' }).click();
  await expect(company.getByText('Tak. Aftalen bliver aktiv, når borgeren også har bekræftet den.')).toBeVisible();
  await expect(company.getByText(/Virksomheden: bekræftet .* af /)).toBeVisible();

  await citizen.goto(`/borger/aftaler/${agreementId}`);
  await expectNoAxeViolations(citizen);
  await citizen.getByRole('button', { name: 'Jeg bekræfter aftalen' }).click();
  await expect(citizen.getByText('Tak. Aftalen er nu aktiv.')).toBeVisible();
  await expect(citizen.getByText(/Borgeren: bekræftet .* af Lars Møller/)).toBeVisible();

  // Three monthly follow-ups with 12, 22 and 31 ordinary hours.
  await consultant.reload();
  await expect(consultant.getByText('Aktiv', { exact: true }).first()).toBeVisible();
  for (const [index, ordinary] of [12, 22, 31].entries()) {
    const month = MONTHS[index]!;
    await consultant.getByLabel('Dato', { exact: true }).fill(`${month}-20`);
    await consultant.getByRole('group', { name: 'Med hvem' }).getByLabel('Borgeren og virksomheden').check();
    await consultant.getByLabel('Hvad talte I om').fill(`Opfølgning ${index + 1}: det går godt, flere timer næste måned.`);
    await consultant.getByRole('button', { name: 'Gem opfølgningen' }).click();
    await expect(consultant.getByText('Opfølgningen er gemt.')).toBeVisible();
    await consultant.getByLabel('Måned', { exact: true }).fill(month);
    await consultant.getByLabel('Ordinære timer i måneden').fill(String(ordinary));
    await consultant.getByLabel('Praktiktimer').fill('4');
    await consultant.getByRole('button', { name: 'Gem timerne' }).click();
    await expect(consultant.getByText('Timerne er gemt.')).toBeVisible();
  }
  await expect(consultant.getByRole('table', { name: 'Logbog over kontakter, nyeste først' }).getByRole('row')).toHaveCount(4);

  // Three contacts held the three oldest planned dates; every later date that has passed stays overdue, one by one.
  const plan = consultant.getByRole('table', { name: 'Opfølgningsplanen og hvad der er blevet af hver dato' });
  const today = toIsoDate(new Date());
  const missed = proposeFollowUpDates(START, 'ordinary_hours').slice(3).filter((day) => day < today);
  await expect(plan.getByRole('row').filter({ hasText: 'Overskredet' })).toHaveCount(missed.length);
  await expect(consultant.getByText(`${missed.length} planlagte opfølgninger er overskredet`)).toBeVisible();
  const skip = consultant.locator('#spring-over');
  await skip.getByLabel('Hvorfor springes den over?').fill('Virksomheden holdt lukket for vareoptælling.');
  await skip.getByRole('button', { name: 'Spring opfølgningen over' }).click();
  await expect(consultant.getByText('Opfølgningen er sprunget over, og begrundelsen er gemt.')).toBeVisible();
  await expect(plan.getByRole('row').filter({ hasText: 'Overskredet' })).toHaveCount(missed.length - 1);
  await expect(plan).toContainText('Sprunget over: Virksomheden holdt lukket for vareoptælling.');

  // The chart shows the path against the 30-hours line, and the citizen has reached the goal.
  const chart = consultant.getByRole('img', { name: /Ordinære timer pr\. måned mod målet på 30 timer/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleName(new RegExp(`${monthName(MONTHS[0]!)}: 12 timer, ${monthName(MONTHS[1]!)}: 22 timer, ${monthName(MONTHS[2]!)}: 31 timer`));
  const hours = consultant.getByRole('table', { name: 'Timer pr. måned' });
  await expect(hours.getByRole('row', { name: new RegExp(monthName(MONTHS[2]!)) })).toContainText('31');
  await expect(hours.getByRole('row', { name: new RegExp(monthName(MONTHS[1]!)) })).toContainText('Nej');
  await expect(consultant.getByText('Målet er nået: 30 ordinære timer')).toBeVisible();
  await expect(consultant.getByText(`Borgeren arbejdede mindst 30 ordinære timer i ${monthName(MONTHS[2]!)}.`)).toBeVisible();
  await expectNoAxeViolations(consultant);

  await consultant.getByRole('link', { name: CITIZEN }).first().click();
  await expect(consultant.getByRole('region', { name: 'Aftaler' })).toContainText(`30 ordinære timer nået i ${monthName(MONTHS[2]!)}`);

  // Renegotiation: a new version; both versions readable, with what changed; confirmed again.
  await consultant.goto(agreementUrl.pathname);
  await consultant.getByRole('link', { name: 'Genforhandl aftalen' }).click();
  await consultant.getByLabel('Hvad har I genforhandlet?').fill('Tre timers praktik med vinduespudsning ved siden af.');
  await consultant.getByLabel('Virksomhedspraktik om ugen ved siden af').fill('3');
  await consultant.getByRole('button', { name: 'Gem den nye version' }).click();
  await expect(consultant.getByText('Aftalen er gemt.')).toBeVisible();
  const versions = consultant.getByRole('region', { name: 'Versioner' });
  await expect(versions.getByRole('heading', { name: /Version 2 \(gældende\)/ })).toBeVisible();
  await expect(versions.getByRole('heading', { name: /^Version 1 · / })).toBeVisible();
  await expect(versions.getByRole('table', { name: 'Ændret fra version 1' }).getByRole('row', { name: /Praktiktimer om ugen/ })).toContainText('0 t/uge');
  await expect(versions.getByRole('table', { name: 'Ændret fra version 1' }).getByRole('row', { name: /Praktiktimer om ugen/ })).toContainText('3 t/uge');
  await expect(consultant.getByText('Afventer bekræftelse').first()).toBeVisible();

  await citizen.goto(`/borger/aftaler/${agreementId}`);
  await expect(citizen.getByRole('heading', { name: 'Bekræft den nye version' })).toBeVisible();
  await expect(citizen.getByRole('region', { name: 'Versioner' })).toContainText('Tre timers praktik med vinduespudsning ved siden af.');
});

test('the consultant’s start page lists follow-ups overdue and due this week', async ({ browser }) => {
  const consultant = await newPage(browser, DEMO_USERS.consultant);
  await expect(consultant.getByRole('heading', { name: 'Opfølgninger der er overskredet' })).toBeVisible();
  await expect(consultant.getByRole('region', { name: 'Opfølgninger der er overskredet' })).toContainText('Hanne Bak hos Kattegat Lager & Logistik A/S');
  await expect(consultant.getByRole('region', { name: 'Opfølgninger i denne uge' })).toContainText('Kim Rasmussen');
  // Hanne Bak missed a date five days ago and has the next one ahead: she is on both lists.
  await consultant.getByRole('region', { name: 'Opfølgninger der er overskredet' }).getByRole('link', { name: /Hanne Bak hos/ }).click();
  await expect(consultant.getByText('En planlagt opfølgning er overskredet')).toBeVisible();
  const ics = await consultant.request.get(`${new URL(consultant.url()).pathname}/kalender.ics`);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  expect(await ics.text()).toContain('BEGIN:VEVENT');
});

test('a citizen sees only their own agreement, and a company only its own', async ({ browser }) => {
  const citizen = await newPage(browser, DEMO_USERS.citizen);
  await citizen.getByRole('link', { name: /aftale/i }).first().click();
  await expect(citizen).toHaveURL(/\/borger\/aftaler\//);
  await expect(citizen.getByRole('heading', { level: 1, name: /Aftale mellem Jonas Kristensen/ })).toBeVisible();
  const ownUrl = citizen.url();
  // The follow-up dates for the citizen's own calendar, as the consultant has them.
  await expect(citizen.getByRole('link', { name: 'Hent opfølgningsdatoerne til din kalender (.ics)' })).toBeVisible();
  const ics = await citizen.request.get(`${new URL(ownUrl).pathname}/kalender.ics`);
  expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(await ics.text()).toContain('SUMMARY:Opfølgning på din aftale med');
  // On paper only the agreement itself: no menu, no buttons.
  await citizen.emulateMedia({ media: 'print' });
  await expect(citizen.getByRole('button', { name: 'Log af' })).toBeHidden();
  await expect(citizen.getByRole('button', { name: 'Udskriv aftalen' })).toBeHidden();
  await expect(citizen.getByRole('table', { name: /Aftalens indhold/ })).toBeVisible();
  await citizen.emulateMedia({ media: 'screen' });

  const company = await newPage(browser, COMPANY_LOGIN);
  await company.goto(ownUrl.replace('/borger/', '/virksomhed/'));
  await expect(company.getByRole('heading', { level: 1, name: 'Siden findes ikke' })).toBeVisible();

  const otherCitizen = await newPage(browser, CITIZEN_LOGIN);
  await otherCitizen.goto(ownUrl);
  await expect(otherCitizen.getByRole('heading', { level: 1, name: 'Siden findes ikke' })).toBeVisible();
});

/** A consultant writes a direct agreement for a citizen and a job they found themselves, saved as a draft. */
async function saveDirectDraft(consultant: Page, citizenName: string, openingTitle: string) {
  await consultant.goto('/konsulent/borgere?konsulent=alle');
  await consultant.getByRole('link', { name: citizenName }).click();
  await consultant.getByRole('link', { name: 'Skriv en aftale direkte' }).click();
  await expect(consultant.getByRole('heading', { level: 1, name: `Skriv en aftale med ${citizenName}` })).toBeVisible();
  const opening = await consultant.locator('option', { hasText: openingTitle }).getAttribute('value');
  await consultant.getByLabel('Job', { exact: true }).selectOption(opening!);
  await consultant.getByRole('button', { name: 'Videre' }).click();
  await expect(consultant.getByRole('heading', { level: 1, name: new RegExp(`^Aftale mellem ${citizenName} og `) })).toBeVisible();
  await consultant.getByRole('button', { name: 'Gem som kladde' }).click();
  await expect(consultant.getByText('Aftalen er gemt.')).toBeVisible();
}

test('a consultant writes a direct agreement for a citizen and a company who found each other, saved as a draft', async ({ browser }) => {
  const consultant = await newPage(browser, DEMO_USERS.consultant);
  await saveDirectDraft(consultant, 'Gitte Holst', 'Havemedhjælper – græsslåning og hækklipning');
  await expect(consultant.getByText('Kladde', { exact: true })).toBeVisible();
  // A draft is not the company's to see yet, so there is nothing to confirm.
  await expect(consultant.getByRole('button', { name: 'Send til bekræftelse' })).toBeVisible();
});

test('a consultant ends an agreement with a reason, which the agreement then shows; a missing reason is asked for at the field', async ({ browser }) => {
  const consultant = await newPage(browser, DEMO_USERS.consultant);
  await saveDirectDraft(consultant, 'Nikolaj Berg', 'Butiksmedhjælper – varepåfyldning om morgenen');

  const ending = consultant.getByRole('region', { name: 'Afslut aftalen' });
  await ending.getByRole('button', { name: 'Afslut aftalen' }).click();
  await expect(ending.getByText('Skriv, hvorfor aftalen slutter.')).toBeVisible();
  await expect(consultant.getByText('Aftalen er afsluttet', { exact: false })).toHaveCount(0);
  await ending.getByLabel('Hvorfor slutter aftalen?').fill('Nikolaj har fået et fuldtidsjob et andet sted.');
  await ending.getByRole('button', { name: 'Afslut aftalen' }).click();

  await expect(consultant.getByText('Aftalen er afsluttet. Borgeren er tilbage i "På vej mod job".')).toBeVisible();
  await expect(consultant.getByText('Begrundelse: Nikolaj har fået et fuldtidsjob et andet sted.')).toBeVisible();
  // Ended is final: no form to end it again.
  await expect(consultant.getByRole('region', { name: 'Afslut aftalen' })).toHaveCount(0);
  await expectNoAxeViolations(consultant);
});

test('a company reports the hours of a month itself; a mistake is explained at the field, and the consultant sees the month as reported by the company', async ({ browser }) => {
  // Hanne Bak's agreement with Kattegat (virksomhed@) is active since a few weeks (db/seed.ts). Without
  // JavaScript, to show the plain form does it all.
  const company = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await logIn(company, DEMO_USERS.company);
  await company.goto('/virksomhed/aftaler');
  await company.getByRole('link', { name: 'Hanne Bak' }).first().click();
  await expect(company.getByRole('heading', { level: 1, name: 'Aftale mellem Hanne Bak og Kattegat Lager & Logistik A/S' })).toBeVisible();
  const thisMonth = monthOf(toIsoDate(new Date())).slice(0, 7);
  const nextMonth = addMonths(`${thisMonth}-01`, 1).slice(0, 7);

  const form = company.locator('form').filter({ has: company.getByRole('heading', { name: 'Oplys timer for en måned' }) });
  await expect(form.getByText('Kun ordinære timer med løn tæller med i målet på 30 timer om måneden.')).toBeVisible();
  await form.getByLabel('Måned', { exact: true }).fill(nextMonth);
  await form.getByLabel('Ordinære timer med løn').fill('800');
  await form.getByLabel('Timer i virksomhedspraktik').fill('6');
  await form.getByRole('button', { name: 'Gem timerne' }).click();
  await expect(form.getByRole('alert').getByRole('heading', { name: 'Der er et problem' })).toBeVisible();
  await expect(form.locator('.form-error-message', { hasText: 'Måneden ligger i fremtiden. Timer registreres, når de er arbejdet.' })).toBeVisible();
  await expect(form.locator('.form-error-message', { hasText: 'En måned har højst 744 timer.' })).toBeVisible();
  await expect(form.getByLabel('Måned', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Ordinære timer med løn')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Måned', { exact: true })).toHaveValue(nextMonth);
  await expect(form.getByLabel('Ordinære timer med løn')).toHaveValue('800');
  await expect(form.getByLabel('Timer i virksomhedspraktik')).toHaveValue('6');
  await expect(company.getByRole('table', { name: 'Timer pr. måned' }).getByRole('row', { name: new RegExp(monthName(thisMonth)) })).toHaveCount(0);

  await form.getByLabel('Måned', { exact: true }).fill(thisMonth);
  await form.getByLabel('Ordinære timer med løn').fill('12,5');
  await form.getByRole('button', { name: 'Gem timerne' }).click();
  await expect(company.getByText('Timerne er gemt.')).toBeVisible();
  const reported = company.getByRole('table', { name: 'Timer pr. måned' }).getByRole('row', { name: new RegExp(monthName(thisMonth)) });
  await expect(reported).toContainText('12,5');
  await expect(reported).toContainText('Virksomheden');
  await expect(company.getByRole('img', { name: /Ordinære timer pr\. måned mod målet på 30 timer/ })).toHaveAccessibleName(new RegExp(`${monthName(thisMonth)}: 12,5 timer`));
  await expect(form.getByLabel('Ordinære timer med løn')).toHaveValue('');

  const consultant = await newPage(browser, DEMO_USERS.consultant);
  await consultant.goto(new URL(company.url()).pathname.replace('/virksomhed/', '/konsulent/'));
  const seen = consultant.getByRole('table', { name: 'Timer pr. måned' }).getByRole('row', { name: new RegExp(monthName(thisMonth)) });
  await expect(seen).toContainText('12,5');
  await expect(seen.getByRole('cell').nth(1)).toHaveText('6');
  await expect(seen).toContainText('Virksomheden');
});

test('a month entered twice is not silently replaced: the consultant is asked, corrects it on purpose, and sees who changed what', async ({ browser }) => {
  // Fatima Al-Sayed's agreement with Risskov Vaskeri started three months ago (db/seed.ts); this month has no hours yet.
  const consultant = await newPage(browser, DEMO_USERS.consultant);
  await consultant.goto('/konsulent/aftaler?konsulent=alle');
  await consultant.getByRole('link', { name: 'Fatima Al-Sayed' }).first().click();
  await expect(consultant.getByRole('heading', { level: 1, name: /Aftale mellem Fatima Al-Sayed/ })).toBeVisible();
  const thisMonth = monthOf(toIsoDate(new Date())).slice(0, 7);
  const hoursForm = consultant.locator('#timer-form');
  await hoursForm.getByLabel('Måned', { exact: true }).fill(thisMonth);
  await hoursForm.getByLabel('Ordinære timer i måneden').fill('0');
  await hoursForm.getByLabel('Praktiktimer').fill('40');
  await hoursForm.getByRole('button', { name: 'Gem timerne' }).click();
  await expect(consultant.getByText('Timerne er gemt.')).toBeVisible();

  // The same month again with 0 praktik hours: asked, not replaced; the form keeps what was typed.
  await hoursForm.getByLabel('Måned', { exact: true }).fill(thisMonth);
  await hoursForm.getByLabel('Ordinære timer i måneden').fill('0');
  await hoursForm.getByLabel('Praktiktimer').fill('0');
  await hoursForm.getByRole('button', { name: 'Gem timerne' }).click();
  await expect(hoursForm.locator('.form-error-message', { hasText: `Der er allerede registreret timer for ${monthName(thisMonth)}: praktiktimer: 40 t` })).toBeVisible();
  await expect(hoursForm.getByText(`Du retter timerne for ${monthName(thisMonth)}`)).toBeVisible();
  await expect(hoursForm.getByLabel('Praktiktimer')).toHaveValue('0');
  const row = consultant.getByRole('table', { name: 'Timer pr. måned' }).getByRole('row', { name: new RegExp(monthName(thisMonth)) });
  await expect(row.getByRole('cell').nth(1)).toHaveText('40');
  await expectNoAxeViolations(consultant);

  // Corrected on purpose: saved, and the history says who changed what.
  await hoursForm.getByLabel('Praktiktimer').fill('36');
  await hoursForm.getByRole('button', { name: `Ret timerne for ${monthName(thisMonth)}` }).click();
  await expect(consultant.getByText('Rettelsen er gemt og står i historikken.')).toBeVisible();
  await expect(row.getByRole('cell').nth(1)).toHaveText('36');
  await consultant.getByText('Historik: hvem har registreret og rettet timerne').click();
  const history = consultant.locator('.hours-history');
  await expect(history).toContainText(`${monthName(thisMonth)}: rettet`);
  await expect(history).toContainText('Praktiktimer: 40 t → 36 t');
});

test('the company corrects a month it reported with "Ret", the form filled with the saved hours, and sees the history', async ({ browser }) => {
  // Hanne Bak's agreement with Kattegat (virksomhed@) has 18 ordinary hours last month, reported by the company (db/seed.ts).
  const company = await newPage(browser, DEMO_USERS.company);
  await company.goto('/virksomhed/aftaler');
  await company.getByRole('link', { name: 'Hanne Bak' }).first().click();
  const lastMonth = addMonths(monthOf(toIsoDate(new Date())), -1).slice(0, 7);
  await company.getByRole('link', { name: `Ret timerne for ${monthName(lastMonth)}` }).click();
  const form = company.locator('#timer-form');
  await expect(form.getByText(`Du retter timerne for ${monthName(lastMonth)}`)).toBeVisible();
  await expect(form.getByLabel('Måned', { exact: true })).toHaveValue(lastMonth);
  await expect(form.getByLabel('Ordinære timer med løn')).toHaveValue('18');
  await form.getByLabel('Ordinære timer med løn').fill('20');
  await form.getByRole('button', { name: `Ret timerne for ${monthName(lastMonth)}` }).click();
  await expect(company.getByText('Timerne er gemt.')).toBeVisible();
  const row = company.getByRole('table', { name: 'Timer pr. måned' }).getByRole('row', { name: new RegExp(monthName(lastMonth)) });
  await expect(row.getByRole('cell').nth(0)).toHaveText('20');
  await company.getByText('Historik: hvem har registreret og rettet timerne').click();
  await expect(company.locator('.hours-history')).toContainText('Ordinære timer: 18 t → 20 t');
  await expectNoAxeViolations(company);
});
