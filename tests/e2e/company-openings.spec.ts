import { randomInt } from 'node:crypto';
import { expect, test, type Page } from './test';
import { makeValidCvr } from '../../app/domain/cvr';
import { DEMO_USERS, logIn } from './fixtures';
import { linkFromMail } from './mail';

function freshCvr(): string {
  for (;;) {
    const cvr = makeValidCvr(String(randomInt(1_000_000, 10_000_000)));
    if (cvr) return cvr;
  }
}

function inTwoWeeks(): string {
  return new Date(Date.now() + 14 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** A company signs up: the form, the link in the mail to the person's address, a password, and in. */
async function signUp(page: Page, companyName: string, ordinaryEmployees = '25') {
  const userEmail = `birgitte-${randomInt(1e9)}@firma.test`;
  await page.goto('/virksomhed/opret');
  await page.getByLabel('CVR-nummer').fill(freshCvr());
  await page.getByLabel('Virksomhedens navn').fill(companyName);
  await page.getByLabel('Adresse').fill('Søren Frichs Vej 10');
  await page.getByLabel('Postnummer').fill('8000');
  await page.getByLabel('Branche').fill('Fødevarer');
  await page.getByLabel('Antal ordinært ansatte').fill(ordinaryEmployees);
  await page.getByLabel('Telefon', { exact: true }).fill('86 12 34 56');
  await page.getByLabel('Virksomhedens e-mail').fill(`kontakt-${randomInt(1e9)}@firma.test`);
  await page.getByLabel('Dit navn').fill('Birgitte Holm');
  await page.getByLabel('Din e-mail').fill(userEmail);
  await page.getByRole('button', { name: 'Send mail og opret virksomhed' }).click();
  await expect(page.getByText(`Vi har sendt en mail til ${userEmail}.`)).toBeVisible();
  const link = await linkFromMail(page.context().browser()!, { to: userEmail, subject: 'Bekræft din e-mail', path: '/virksomhed/bekraeft/' });
  await page.goto(link);
  await page.getByLabel('Vælg en adgangskode').fill('bryggeri-kantine-2027');
  await page.getByRole('button', { name: 'Opret virksomheden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Virksomhedens side' })).toBeVisible();
}

type NewOpening = { kind: string; title: string; tasks: string; hours: [string, string]; expected?: string; postcode: string };

const next = (page: Page) => page.getByRole('button', { name: 'Næste' }).click();
const onStep = (page: Page, title: string) => expect(page.getByRole('heading', { name: new RegExp(`^Trin \\d af 5: ${title}$`) })).toBeVisible();

/** A new opening in its steps: the job, time and place, demands, the contact person, the summary, published. */
async function postOpening(page: Page, opening: NewOpening) {
  await page.goto('/virksomhed/jobopslag/ny');
  await page.getByLabel(opening.kind, { exact: true }).check();
  await page.getByLabel('Titel', { exact: true }).fill(opening.title);
  await page.getByLabel('Beskrivelse').fill('Et lille, roligt team med faste opgaver og en fast kontaktperson.');
  await page.getByLabel('Opgaver', { exact: true }).fill(opening.tasks);
  await next(page);
  await onStep(page, 'Tid, sted og løn');
  await page.getByLabel('Mindst antal timer om ugen').fill(opening.hours[0]);
  await page.getByLabel('Højst antal timer om ugen').fill(opening.hours[1]);
  if (opening.expected) await page.getByLabel('Forventede timer om ugen (skal udfyldes ved fleksjob)').fill(opening.expected);
  await page.getByLabel('Tirsdag').check();
  await page.getByLabel('Formiddag').check();
  await page.getByLabel('Startdato').fill(inTwoWeeks());
  await page.getByLabel('Arbejdsstedets postnummer').fill(opening.postcode);
  await next(page);
  await onStep(page, 'Krav og hensyn');
  await page.getByLabel('Ekstra pauser').check();
  await next(page);
  await onStep(page, 'Kontaktperson');
  await page.getByLabel('Navn', { exact: true }).fill('Birgitte Holm');
  await page.getByLabel('Rolle', { exact: true }).fill('Driftsleder');
  await page.getByLabel('Telefon', { exact: true }).fill('86 12 34 56');
  await page.getByLabel('E-mail', { exact: true }).fill('birgitte@firma.test');
  await next(page);
  await onStep(page, 'Tjek og offentliggør');
  await page.getByRole('button', { name: 'Offentliggør' }).click();
  await expect(page.getByRole('heading', { name: 'Jobopslaget er offentliggjort' })).toBeVisible();
  await expect(page.getByText('Status: Åben')).toBeVisible();
}

async function expectFoundOnJobs(page: Page, query: string, title: string, postcode = '8000') {
  // The outbox brings the change to Meilisearch within seconds: search again until it is there.
  await expect(async () => {
    await page.goto(`/jobs`);
    await page.getByLabel('Søg efter job').fill(query);
    await page.getByLabel('Dit postnummer').fill(postcode);
    await page.getByLabel('Højst så langt væk').selectOption('25');
    await page.getByRole('button', { name: 'Vis job' }).click();
    await expect(page).toHaveURL(/radius=25/);
    await expect(page.getByRole('link', { name: title })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

test('a company signs up, posts one opening of each kind, and a citizen finds each on /jobs', async ({ page, browser }) => {
  // Three openings through five steps each, and the search waits: more than the default two minutes on a busy machine.
  const suffix = randomInt(1000, 9999);
  await signUp(page, `Bryggeriet Åby ${suffix} ApS`);
  const openings: (NewOpening & { search: string })[] = [
    { kind: 'Ordinære timer (småjob)', title: `Rengøring i bryggeriet ${suffix}`, tasks: 'Gulvvask\nRengøring af kar', hours: ['5', '8'], postcode: '8230', search: `rengoring brygeriet ${suffix}` },
    { kind: 'Fleksjob', title: `Lager på savværket ${suffix}`, tasks: 'Pakning af ordrer', hours: ['4', '12'], expected: '8', postcode: '8210', search: `lagerr savvaerket ${suffix}` },
    { kind: 'Skånejob', title: `Køkkenhjælp i sejlklubben ${suffix}`, tasks: 'Opvask\nAnretning', hours: ['10', '15'], postcode: '8000', search: `kokkenhjaelp sejlklubben ${suffix}` },
  ];
  for (const opening of openings) await postOpening(page, opening);

  const citizen = await (await browser.newContext()).newPage();
  for (const opening of openings) await expectFoundOnJobs(citizen, opening.search, opening.title);

  // Far away from Randers (8900) with a 5 km limit, none of them shows.
  await citizen.goto(`/jobs?q=${suffix}&postcode=8900&radius=5`);
  await expect(citizen.getByRole('link', { name: openings[0]!.title })).toHaveCount(0);

  // Closing one removes it from search, and an old link to it says the job is no longer available.
  await citizen.goto(`/jobs?q=${encodeURIComponent(openings[0]!.search)}`);
  const oldLink = await citizen.getByRole('link', { name: openings[0]!.title }).getAttribute('href');
  await page.goto('/virksomhed');
  await page.getByRole('link', { name: openings[0]!.title }).click();
  await page.getByRole('button', { name: 'Luk opslaget' }).click();
  await expect(page.getByText('Status: Lukket')).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Jobopslaget er lukket og vises ikke længere i søgningen.');
  await expect(async () => {
    await citizen.goto(`/jobs?q=${encodeURIComponent(openings[0]!.search)}`);
    await expect(citizen.getByRole('link', { name: openings[0]!.title })).toHaveCount(0);
  }).toPass({ timeout: 20_000 });
  const gone = await citizen.goto(oldLink!);
  expect(gone?.status()).toBe(410);
  await expect(citizen.getByRole('heading', { level: 1, name: 'Jobbet er ikke længere ledigt' })).toBeVisible();
  await citizen.getByRole('link', { name: 'Find andre job' }).click();
  await expect(citizen).toHaveURL(/\/jobs$/);
});

test('a small company hears the skånejob rule of thumb on the form and again when its skånejob is saved', async ({ page }) => {
  const suffix = randomInt(1000, 9999);
  await signUp(page, `Lille Bageri ${suffix} ApS`, '4');
  await page.goto('/virksomhed/jobopslag/ny');
  const rule =
    'Virksomheden har 4 ordinært ansatte og ingen i skånejob eller fleksjob. Tommelfingerreglen er omkring ét skånejob pr. fem ordinært ansatte, så efter den er der ikke plads til et skånejob. Med én til bliver det 1.';
  await expect(page.getByRole('status').filter({ hasText: 'Hvis det er et skånejob:' })).toContainText(rule);
  await expect(page.getByText(/allerede 0/)).toHaveCount(0);
  await postOpening(page, { kind: 'Skånejob', title: `Opvask i bageriet ${suffix}`, tasks: 'Opvask\nFeje gulv', hours: ['5', '10'], postcode: '8000' });
  await expect(page.getByRole('status').filter({ hasText: 'Mange i skånejob i forhold til de ordinært ansatte' })).toContainText(rule);

  // Ordinary hours at the same company: nothing to warn about.
  await postOpening(page, { kind: 'Ordinære timer (småjob)', title: `Kasse i bageriet ${suffix}`, tasks: 'Betjene kunder', hours: ['5', '10'], postcode: '8000' });
  await expect(page.getByText('Mange i skånejob i forhold til de ordinært ansatte')).toHaveCount(0);
});

test('bad input gets Danish messages at the fields of its step, keeps the values and saves nothing', async ({ page }) => {
  await signUp(page, `Fejlfri Kantine ${randomInt(1000, 9999)} ApS`);
  await page.goto('/virksomhed/jobopslag/ny');
  await page.getByLabel('Fleksjob', { exact: true }).check();
  await page.getByLabel('Titel', { exact: true }).fill('Opvask <b>nu</b>');
  await next(page);
  await expect(page.getByRole('heading', { name: 'Der er et problem' })).toBeVisible();
  await onStep(page, 'Jobbet');
  await expect(page.locator('#title-error')).toContainText('HTML');
  await expect(page.locator('#tasks-error')).toContainText('mindst én opgave');
  await expect(page.getByLabel('Titel', { exact: true })).toHaveValue('Opvask <b>nu</b>');
  await expect(page.getByLabel('Fleksjob', { exact: true })).toBeChecked();

  await page.getByLabel('Titel', { exact: true }).fill('Opvask');
  await page.getByLabel('Beskrivelse').fill('Et lille køkken med faste kolleger.');
  await page.getByLabel('Opgaver', { exact: true }).fill('Opvask');
  await next(page);
  await page.getByLabel('Mindst antal timer om ugen').fill('12');
  await page.getByLabel('Højst antal timer om ugen').fill('40');
  await page.getByLabel('Arbejdsstedets postnummer').fill('9999');
  await next(page);
  await onStep(page, 'Tid, sted og løn');
  await expect(page.locator('#hoursMax-error')).toContainText('Højst 37 timer om ugen.');
  await expect(page.locator('#postcode-error')).toContainText('Postnummeret findes ikke');
  await expect(page.getByLabel('Højst antal timer om ugen')).toHaveValue('40');
  // The first step's answers came along.
  await page.getByRole('button', { name: 'Tilbage' }).click();
  await expect(page.getByLabel('Opgaver', { exact: true })).toHaveValue('Opvask');
  await page.goto('/virksomhed');
  await expect(page.getByText('I har ingen jobopslag endnu.')).toBeVisible();
});

test('discriminating wording in any field is refused with the other problems of its step, at its field, with the values kept', async ({ page }) => {
  await signUp(page, `Ung Lager ${randomInt(1000, 9999)} ApS`);
  await page.goto('/virksomhed/jobopslag/ny');
  await page.getByLabel('Ordinære timer (småjob)', { exact: true }).check();
  await page.getByLabel('Titel', { exact: true }).fill('Lagermedarbejder');
  await page.getByLabel('Beskrivelse').fill('Vi søger en frisk medarbejder til lageret. Du har gerne 5 års erfaring.');
  await page.getByLabel('Opgaver', { exact: true }).fill('Pakning');
  await next(page);
  // "5 års erfaring" is innocent: on to the next step.
  await onStep(page, 'Tid, sted og løn');
  await page.getByLabel('Mindst antal timer om ugen').fill('5');
  await page.getByLabel('Højst antal timer om ugen').fill('10');
  await page.getByLabel('Bemærkning om arbejdstiden (frivilligt)').fill('Ingen tørklæder på lageret');
  await page.getByLabel('Startdato').fill(inTwoWeeks());
  await page.getByLabel('Arbejdsstedets postnummer').fill('9999');
  await next(page);

  // One round: the wording and the postcode together, the summary in focus, each message at its field.
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Der er et problem' }) });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(2);
  await expect(page.locator('#scheduleNote-error')).toContainText('på grund af religion eller tro');
  await expect(page.locator('#postcode-error')).toContainText('Postnummeret findes ikke');
  await expect(page.getByLabel('Bemærkning om arbejdstiden (frivilligt)')).toHaveValue('Ingen tørklæder på lageret');

  // The same problems again: the summary takes focus again, so the company is not left where it clicked.
  await page.getByRole('button', { name: 'Næste' }).focus();
  await page.getByRole('button', { name: 'Næste' }).press('Enter');
  await expect(page.locator('#scheduleNote-error')).toBeVisible();
  await expect(summary).toBeFocused();

  await page.getByLabel('Bemærkning om arbejdstiden (frivilligt)').fill('Gerne tidligt om morgenen');
  await page.getByLabel('Arbejdsstedets postnummer').fill('8000');
  await next(page);
  await page.getByLabel('Krav til sprog (frivilligt)').fill('Kun ansøgere under 30 år og etnisk danske');
  await next(page);
  await expect(page.locator('#languageNeeds-error')).toContainText('"under 30 år", "etnisk danske" kan være forskelsbehandling på grund af alder og etnisk eller national oprindelse');
  await expect(page.getByLabel('Krav til sprog (frivilligt)')).toHaveAccessibleDescription(/på grund af alder/);
  await expect(page.getByLabel('Krav til sprog (frivilligt)')).toHaveValue('Kun ansøgere under 30 år og etnisk danske');
  await page.getByLabel('Krav til sprog (frivilligt)').fill('Du kan forstå en mundtlig instruktion på dansk.');
  await next(page);
  await page.getByLabel('Rolle', { exact: true }).fill('Lagerchef');
  await next(page);
  await page.getByRole('button', { name: 'Offentliggør' }).click();
  await expect(page.getByText('Status: Åben')).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a company posts in steps: required fields marked, the kinds explained, its postcode and contact filled in, a summary, and the page the citizens see', async ({ page }) => {
    const suffix = randomInt(1000, 9999);
    await signUp(page, `Trinvis Bageri ${suffix} ApS`);
    await page.goto('/virksomhed/jobopslag/ny');
    const steps = page.getByRole('navigation', { name: 'Trin i jobopslaget' }).getByRole('listitem');
    await expect(steps).toHaveText([/1\s*Jobbet/, /2\s*Tid, sted og løn/, /3\s*Krav og hensyn/, /4\s*Kontaktperson/, /5\s*Tjek og offentliggør/]);
    await expect(page.getByText('Felter med * skal udfyldes.')).toBeVisible();
    // The star is drawn after the label (CSS, so the field's name stays "Titel"); optional fields say so in words.
    const star = (selector: string) => page.locator(selector).evaluate((element) => getComputedStyle(element, '::after').content);
    expect(await star('label[for="title"]')).toContain('*');
    expect(await star('fieldset:has(#kind-flexjob) legend')).toContain('*');
    await expect(page.getByRole('textbox', { name: 'Titel', exact: true })).toHaveAttribute('required', '');
    await expect(page.getByLabel('Fleksjob', { exact: true })).toHaveAccessibleDescription(/Kun for en person, som kommunen har visiteret til fleksjob.*kommunen betaler et tilskud/);
    await expect(page.getByLabel('Skånejob', { exact: true })).toHaveAccessibleDescription(/Kun for en person, der får førtidspension.*løntilskud/);
    await expect(page.getByLabel('Ordinære timer (småjob)', { exact: true })).toHaveAccessibleDescription(/Alle kan få det/);

    await page.getByLabel('Skånejob', { exact: true }).check();
    await page.getByLabel('Titel', { exact: true }).fill(`Opvask i bageriet ${suffix}`);
    await page.getByLabel('Beskrivelse').fill('Et lille bageri med faste kolleger.');
    await page.getByLabel('Opgaver', { exact: true }).fill('Opvask\nOprydning');
    await next(page);
    await onStep(page, 'Tid, sted og løn');
    await expect(page.getByLabel('Arbejdsstedets postnummer')).toHaveValue('8000');
    await expect(page.locator('label[for="scheduleNote"]')).toHaveText('Bemærkning om arbejdstiden (frivilligt)');
    await page.getByLabel('Mindst antal timer om ugen').fill('5');
    await page.getByLabel('Højst antal timer om ugen').fill('10');
    await page.getByLabel('Startdato').fill(inTwoWeeks());
    await next(page);
    await next(page);
    await onStep(page, 'Kontaktperson');
    await expect(page.getByLabel('Navn', { exact: true })).toHaveValue('Birgitte Holm');
    await expect(page.getByLabel('Telefon', { exact: true })).toHaveValue('86 12 34 56');
    await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue(/^birgitte-\d+@firma\.test$/);
    await page.getByLabel('Rolle', { exact: true }).fill('Bager');
    await next(page);

    await onStep(page, 'Tjek og offentliggør');
    await expect(page.getByText(`Opvask i bageriet ${suffix}`)).toBeVisible();
    await expect(page.getByText('Opvask\nOprydning')).toBeVisible();
    await page.getByRole('button', { name: 'Ret jobbet' }).click();
    await expect(page.getByLabel('Opgaver', { exact: true })).toHaveValue('Opvask\nOprydning');
    for (let step = 0; step < 4; step++) await next(page);
    await page.getByRole('button', { name: 'Offentliggør' }).click();

    const saved = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Jobopslaget er offentliggjort' }) });
    await expect(saved).toBeVisible();
    await saved.getByRole('link', { name: 'Se opslaget som borgerne ser det' }).click();
    await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: `Opvask i bageriet ${suffix}` })).toBeVisible();
  });
});

test('the API creates an opening with a token and refuses one without', async ({ page, request }) => {
  await signUp(page, `Api Lager ${randomInt(1000, 9999)} ApS`);
  await page.goto('/virksomhed/api');
  await page.getByLabel('Navn på nøglen').fill('Lønsystem');
  await page.getByRole('button', { name: 'Opret nøgle' }).click();
  const token = (await page.getByTestId('new-api-token').textContent())!.trim();

  const body = {
    kind: 'ordinary_hours',
    title: 'Pakning af julekurve',
    description: 'Hjælp med at pakke julekurve i december.',
    tasks: ['Pakning', 'Etiketter'],
    hoursMin: 5,
    hoursMax: 10,
    startDate: inTwoWeeks(),
    slots: 2,
    postcode: '8000',
    demands: ['prolonged_standing'],
    accommodations: ['extra_breaks'],
    contactName: 'Per Lund',
    contactRole: 'Lagerchef',
    contactPhone: '86 00 11 22',
    contactEmail: 'per@firma.test',
  };
  const refused = await request.post('/api/v1/openings', { data: body });
  expect(refused.status()).toBe(401);

  const invalid = await request.post('/api/v1/openings', { data: { ...body, hoursMax: 40 }, headers: { Authorization: `Bearer ${token}` } });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).fields.hoursMax).toBe('Højst 37 timer om ugen.');

  const created = await request.post('/api/v1/openings', { data: body, headers: { Authorization: `Bearer ${token}` } });
  expect(created.status()).toBe(201);
  const { opening } = await created.json();
  expect(opening.status).toBe('open');

  const listed = await request.get('/api/v1/openings', { headers: { Authorization: `Bearer ${token}` } });
  expect((await listed.json()).openings.map((o: { id: string }) => o.id)).toContain(opening.id);

  // The signed-in company's own session cookie grants nothing on the API; a cookie that comes along with a
  // token (a load balancer's) takes nothing away.
  const withSessionOnly = await page.request.post('/api/v1/openings', { data: body });
  expect(withSessionOnly.status()).toBe(401);
  expect((await withSessionOnly.json()).error).toBe('unauthorized');
  const closed = await request.post(`/api/v1/openings/${opening.id}/close`, { headers: { Authorization: `Bearer ${token}`, Cookie: 'lb=node-2' } });
  expect(closed.status()).toBe(200);
  expect((await closed.json()).opening.status).toBe('closed');

  const openapi = await request.get('/api/v1/openapi.json');
  expect((await openapi.json()).paths['/api/v1/openings'].post).toBeTruthy();
});

test('a consultant creates a company and a jobordre for it, and is told each is done, with the way to the public page', async ({ page }) => {
  const suffix = randomInt(1000, 9999);
  await logIn(page, DEMO_USERS.consultant);
  await page.goto('/konsulent/virksomheder/ny');
  await page.getByLabel('CVR-nummer').fill(freshCvr());
  await page.getByLabel('Virksomhedens navn').fill(`Havnens Kantine ${suffix} ApS`);
  await page.getByLabel('Adresse').fill('Havnegade 4');
  await page.getByLabel('Postnummer').fill('8000');
  await page.getByLabel('Branche').fill('Kantine');
  await page.getByLabel('Antal ordinært ansatte').fill('12');
  await page.getByLabel('Telefon').fill('86 40 50 60');
  await page.getByLabel('E-mail').fill(`kantine-${suffix}@firma.test`);
  await page.getByRole('button', { name: 'Opret virksomhed' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Virksomheden er oprettet' })).toContainText('Nu kan du oprette en jobordre for virksomheden.');

  await page.getByRole('link', { name: 'Opret jobordre' }).click();
  await page.getByLabel('Ordinære timer (småjob)', { exact: true }).check();
  await page.getByLabel('Titel', { exact: true }).fill(`Opvask i kantinen ${suffix}`);
  await page.getByLabel('Beskrivelse').fill('En travl kantine ved havnen med et fast hold.');
  await page.getByLabel('Opgaver', { exact: true }).fill('Opvask');
  await next(page);
  // The company's postcode is filled in for the consultant as for the company.
  await expect(page.getByLabel('Arbejdsstedets postnummer')).toHaveValue('8000');
  await page.getByLabel('Mindst antal timer om ugen').fill('5');
  await page.getByLabel('Højst antal timer om ugen').fill('8');
  await page.getByLabel('Startdato').fill(inTwoWeeks());
  // Each step waits for the next to show: a second click while the first is on its way posts a step twice.
  await next(page);
  await onStep(page, 'Krav og hensyn');
  await next(page);
  await onStep(page, 'Kontaktperson');
  await expect(page.getByLabel('Telefon', { exact: true })).toHaveValue('86 40 50 60');
  await page.getByLabel('Navn', { exact: true }).fill('Kim Havn');
  await page.getByLabel('Rolle', { exact: true }).fill('Køkkenchef');
  await next(page);
  await onStep(page, 'Tjek og offentliggør');
  await page.getByRole('button', { name: 'Offentliggør' }).click();

  const done = page.getByRole('status').filter({ hasText: 'Jobordren er oprettet' });
  await expect(done).toContainText(`Opvask i kantinen ${suffix} er offentliggjort.`);
  await done.getByRole('link', { name: 'Se opslaget som borgerne ser det' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Opvask i kantinen ${suffix}` })).toBeVisible();
});
