import { expect, test, type Page } from './test';
import { expectNoSeriousAxeViolations } from './accessibility';
import { DEMO_USERS, logIn } from './fixtures';
import { createInvitedCitizen, jobOnMatchPage } from './new-citizen';

/** A phone: the citizens of this portal mostly use one. */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const SHOTS = '/tmp/shots/i18-rates';

/** The page as it is now, at the three widths, each in a plain browser window of that width. */
async function shots(page: Page, name: string) {
  const storageState = await page.context().storageState();
  for (const width of [320, 390, 1280]) {
    const context = await page.context().browser()!.newContext({ storageState, viewport: { width, height: 900 } });
    const shot = await context.newPage();
    await shot.goto(page.url());
    await shot.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    await context.close();
  }
}

async function openFirstProposal(page: Page) {
  await page.goto('/borger');
  const href = await page.locator('a[href^="/borger/forslag/"]').first().getAttribute('href');
  expect(href).toMatch(/^\/borger\/forslag\//);
  await page.goto(href!);
  return href!;
}

test('a citizen on a phone reads what the proposed job means for their money, changes the wage and sees it change — with and without JavaScript', async ({ browser }) => {
  const citizen = await (await browser.newContext(PHONE)).newPage();
  await logIn(citizen, DEMO_USERS.citizen);
  const href = await openFirstProposal(citizen);

  const calculator = citizen.getByRole('region', { name: 'Hvad betyder det for min økonomi?' });
  await expect(calculator).toBeVisible();
  // Prefilled from the citizen's own benefit and the job's hours; the seeded job states no wage.
  await expect(calculator.getByLabel('Din forsørgelse i dag')).toHaveValue('cash_benefit_activity_ready');
  await calculator.getByLabel('Timer om ugen').fill('10');
  await calculator.getByLabel('Timeløn i kroner før skat').fill('150');
  // With JavaScript the answer comes as the citizen types: no button pressed.
  await expect(calculator.getByTestId('calculator-difference')).toHaveText('Med jobbet har du 1.761 kr. mere om måneden før skat.');
  await expect(calculator.getByTestId('calculator-with-job-total')).toHaveText('14.087 kr.');
  await expect(calculator.getByText('Kommunen ser bort fra 28,66 kr. pr. arbejdstime', { exact: false })).toBeVisible();
  // The reform of 1 July 2025 is not worked out yet, and the answer says so before anything else.
  await expect(calculator.getByText('Fra 1. juli 2025 gælder nye regler for kontanthjælp', { exact: false })).toBeVisible();
  await expect(calculator.getByText('vejledende og ikke en afgørelse', { exact: false })).toBeVisible();
  await expect(calculator.getByRole('img', { name: /Før skat om måneden: nu og med jobbet/ })).toBeVisible();
  await calculator.getByLabel('Timeløn i kroner før skat').fill('200');
  await expect(calculator.getByTestId('calculator-with-job-total')).not.toHaveText('14.087 kr.');
  const withHigherWage = await calculator.getByTestId('calculator-with-job-total').textContent();
  await expectNoSeriousAxeViolations(citizen);
  await shots(citizen, 'proposal');

  // Without JavaScript: the same GET form, answered with the page anew.
  const withoutScript = await (await browser.newContext({ ...PHONE, javaScriptEnabled: false, storageState: await citizen.context().storageState() })).newPage();
  await withoutScript.goto(href);
  const plain = withoutScript.getByRole('region', { name: 'Hvad betyder det for min økonomi?' });
  await plain.getByLabel('Timer om ugen').fill('10');
  await plain.getByLabel('Timeløn i kroner før skat').fill('150');
  await plain.getByRole('button', { name: 'Beregn' }).click();
  await expect(plain.getByTestId('calculator-with-job-total')).toHaveText('14.087 kr.');
  await plain.getByLabel('Timeløn i kroner før skat').fill('200');
  await plain.getByRole('button', { name: 'Beregn' }).click();
  await expect(plain.getByTestId('calculator-with-job-total')).toHaveText(withHigherWage!);
  // Bad input: the message at the field, the values kept.
  await plain.getByLabel('Timer om ugen').fill('40');
  await plain.getByRole('button', { name: 'Beregn' }).click();
  await expect(plain.getByText('Skriv et antal timer om ugen mellem 0 og 37.')).toBeVisible();
  await expect(plain.getByLabel('Timer om ugen')).toHaveValue('40');
  await expect(plain.getByLabel('Timeløn i kroner før skat')).toHaveValue('200');
});

test('a visitor uses /beregner without logging in: fleksjob figures, an absurd wage refused at the field, and an honest answer for sygedagpenge', async ({ page }) => {
  await page.goto('/beregner');
  await expect(page.getByRole('heading', { level: 1, name: 'Beregner: hvad betyder job for min økonomi?' })).toBeVisible();
  await page.getByLabel('Din forsørgelse i dag').selectOption({ label: 'Ledighedsydelse (visiteret til fleksjob)' });
  await page.getByLabel('Timer om ugen').fill('15');
  await page.getByLabel('Timeløn i kroner før skat').fill('160');
  await page.getByLabel('Pension fra arbejdsgiveren i procent').fill('10');
  await page.getByRole('button', { name: 'Beregn' }).click();
  // 2026: 98 % of the highest dagpenge (22.041 kr.) is 21.600 kr.; the lønloft (37 t) caps the subsidy.
  await expect(page.getByTestId('calculator-difference')).toHaveText('Med jobbet har du 7.042 kr. mere om måneden før skat.');
  await expect(page.getByText('Fleksløntilskuddet er højst 21.600 kr.', { exact: false })).toBeVisible();
  await expect(page.getByTestId('calculator-years')).toContainText('Satser fra 2022, 2023, 2024, 2026');
  await shots(page, 'beregner');

  await page.getByLabel('Timeløn i kroner før skat').fill('1200');
  await page.getByRole('button', { name: 'Beregn' }).click();
  await expect(page.getByText('Skriv en timeløn mellem 0 og 1000 kr.')).toBeVisible();
  await expect(page.getByLabel('Timeløn i kroner før skat')).toHaveValue('1200');

  await page.getByLabel('Din forsørgelse i dag').selectOption({ label: 'Sygedagpenge / jobafklaring' });
  await page.getByLabel('Timeløn i kroner før skat').fill('150');
  await page.getByRole('button', { name: 'Beregn' }).click();
  await expect(page.getByTestId('calculator-not-covered')).toContainText('Beregneren dækker ikke din ydelse endnu – spørg din jobkonsulent.');
  await expect(page.getByTestId('calculator-answer')).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
});

test('the consultant sees the same figure on the agreement form as the citizen on their proposal', async ({ page }) => {
  await logIn(page, DEMO_USERS.consultant);
  await page.goto('/konsulent/borgere');
  await page.getByRole('link', { name: 'Jonas Kristensen' }).first().click();
  await page.waitForURL(/\/konsulent\/borgere\/[0-9a-f-]{36}$/);
  const citizenId = new URL(page.url()).pathname.split('/').at(-1)!;
  await page.goto(`/konsulent/aftaler/ny?borger=${citizenId}`);
  const job = await page.locator('#jobopslag option', { hasText: 'Opvasker i weekenden – småjob' }).first().getAttribute('value');
  await page.getByLabel('Job', { exact: true }).selectOption(job!);
  await page.getByRole('button', { name: 'Videre' }).click();
  await page.getByText('Hvad betyder aftalen for borgerens økonomi?').click();
  const calculator = page.getByRole('region', { name: 'Hvad betyder det for min økonomi?' });
  await expect(calculator.getByLabel('Din forsørgelse i dag')).toHaveValue('cash_benefit_activity_ready');
  await calculator.getByLabel('Timer om ugen').fill('10');
  await calculator.getByLabel('Timeløn i kroner før skat').fill('150');
  await calculator.getByRole('button', { name: 'Beregn' }).click();
  await expect(calculator.getByTestId('calculator-difference')).toHaveText('Med jobbet har du 1.761 kr. mere om måneden før skat.');
  // The agreement form is still there, for the same citizen and job.
  await expect(page.getByRole('heading', { level: 1, name: /^Aftale mellem Jonas Kristensen og / })).toBeVisible();
  await shots(page, 'agreement-form');
});

test("the consultant's match page says what a job with a wage means for the citizen's money, the agreement form's figure", async ({ browser, page, request }) => {
  // A job of our own with an hourly wage, through the company's API; a citizen of our own (5–10 hours, kontanthjælp).
  const suffix = `${Date.now()}`.slice(-6);
  const title = `Lager og pakning ${suffix}`;
  await logIn(page, DEMO_USERS.company);
  await page.goto('/virksomhed/api');
  await page.getByLabel('Navn på nøglen').fill(`Beregner ${suffix}`);
  await page.getByRole('button', { name: 'Opret nøgle' }).click();
  const token = (await page.getByTestId('new-api-token').textContent())!.trim();
  const startDate = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const created = await request.post('/api/v1/openings', {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      kind: 'ordinary_hours', title, description: 'Lager og pakning i et lille team.', tasks: ['Lager', 'Pakning'], hoursMin: 5, hoursMax: 10,
      startDate, slots: 2, postcode: '8210', demands: [], accommodations: ['extra_breaks'], hourlyWage: 160,
      contactName: 'Per Lund', contactRole: 'Lagerchef', contactPhone: '86 00 11 22', contactEmail: 'per@firma.test',
    },
  });
  expect(created.status()).toBe(201);

  const consultant = await (await browser.newContext()).newPage();
  await logIn(consultant, DEMO_USERS.consultant);
  const { profileUrl } = await createInvitedCitizen(browser, consultant, `Lone Beregner ${suffix}`);
  const job = await jobOnMatchPage(consultant, profileUrl, title);
  // 5 hours (the citizen's minimum inside 5–10) × 160 kr.: 3.464 kr. in wages, kontanthjælp 12.326 → 9.760 kr.
  await expect(job.getByTestId('match-money')).toHaveText('Med jobbet: +898 kr. om måneden, vejledende. Se beregningen');
  await job.getByRole('link', { name: 'Se beregningen' }).click();
  const calculator = consultant.getByRole('region', { name: 'Hvad betyder det for min økonomi?' });
  await expect(calculator.getByTestId('calculator-difference')).toHaveText('Med jobbet har du 898 kr. mere om måneden før skat.');
  await expect(calculator.getByLabel('Timer om ugen')).toHaveValue('5');
});
