/**
 * The mark "Socialt ansvarlig virksomhed" (issue 17, decision 033): a company sees how close it is, earns the
 * mark when it confirms its first agreement, prints its certificate, and a visitor finds the mark on its job
 * on /jobs and filters on it, with JavaScript and without. Egå Idrætscenter (virksomhed3@) is seeded one
 * confirmation short of the mark, for this story only.
 */
import { expectNoAxeViolations } from './accessibility';
import { DEMO_USERS, logIn } from './fixtures';
import { expect, test } from './test';

const COMPANY = 'Egå Idrætscenter';
const MARK = 'Socialt ansvarlig virksomhed – Jobcenter Aarhus';
const ONLY_MARKED = 'Kun virksomheder med mærket Socialt ansvarlig virksomhed';

test('a company sees its progress, earns the mark, and a visitor finds the mark on its job and filters on it', async ({ page: company, browser }) => {
  await logIn(company, DEMO_USERS.thirdCompany);
  const markSection = company.getByRole('region', { name: 'Socialt ansvarlig virksomhed' });
  await expect(markSection.getByRole('heading', { name: MARK })).toBeVisible();
  await expect(markSection).toContainText('I opfylder 2 af 3 kriterier. Når I opfylder dem alle, får I mærket.');
  await expect(markSection).toContainText('✗ Mangler: Mindst 1 aftale om småjob, fleksjob eller skånejob er startet.');
  await expect(markSection).toContainText('1 aftale mere skal starte.');
  await expectNoAxeViolations(company);

  // The company confirms the agreement the citizen has already confirmed: it starts, and the mark follows.
  await company.goto('/virksomhed/aftaler');
  await company.getByRole('link', { name: 'Ole Frandsen' }).click();
  await company.getByRole('button', { name: 'Vi bekræfter aftalen' }).click();
  await expect(company.getByText('Aftalen er nu aktiv.')).toBeVisible();

  await company.goto('/virksomhed');
  await expect(markSection).toContainText('I har mærket siden');
  await expect(markSection).toContainText('✓ Opfyldt: Mindst 1 aftale om småjob, fleksjob eller skånejob er startet.');
  await markSection.getByRole('link', { name: 'Se og udskriv beviset' }).click();
  await expect(company.getByRole('heading', { level: 1, name: MARK })).toBeVisible();
  await expect(company.getByRole('article')).toContainText(COMPANY);
  await expect(company.getByRole('button', { name: 'Udskriv beviset' })).toBeVisible();
  await expectNoAxeViolations(company);

  // A visitor: the job carries the mark once search has caught up (the outbox), and the filter keeps it.
  const visitor = await (await browser.newContext()).newPage();
  const card = visitor.getByRole('article').filter({ hasText: COMPANY }).first();
  await expect(async () => {
    await visitor.goto('/jobs?q=Egå');
    await expect(card.getByText(MARK)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await visitor.goto('/jobs');
  await visitor.getByLabel(ONLY_MARKED).check();
  await expect(visitor).toHaveURL(/mark=1/);
  await expect(card.getByText(MARK)).toBeVisible();
  // Every job listed carries the mark; Kattegat, a missed follow-up short of it, is not among them.
  const cards = visitor.getByRole('article');
  expect(await cards.count()).toBeGreaterThan(1);
  expect(await cards.filter({ hasNotText: 'Socialt ansvarlig virksomhed' }).count()).toBe(0);
  expect(await cards.locator('strong').allTextContents()).not.toContain('Kattegat Lager & Logistik A/S');
  await card.getByRole('link').first().click();
  await expect(visitor).toHaveURL(/\/jobs\/[0-9a-f-]{36}/);
  await expect(visitor.getByText(`${COMPANY} ·`)).toBeVisible();
  await expect(visitor.getByText(MARK)).toBeVisible();

  // Without JavaScript the filter is a plain GET form, like the others on /jobs.
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await plain.goto('/jobs?q=Egå');
  await plain.getByLabel(ONLY_MARKED).check();
  await plain.getByRole('button', { name: 'Vis job' }).click();
  await expect(plain).toHaveURL(/mark=on/);
  await expect(plain.getByLabel(ONLY_MARKED)).toBeChecked();
  await expect(plain.getByRole('article').filter({ hasText: COMPANY }).first().getByText(MARK)).toBeVisible();
});
