import { expect, test, type Browser, type Page } from './test';
import { expectNoSeriousAxeViolations } from './accessibility';
import { DEMO_USERS, logIn } from './fixtures';

/** A phone: the citizens of this portal mostly use one. */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function citizenOnPhone(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const page = await (await browser.newContext({ ...PHONE, ...options })).newPage();
  await logIn(page, DEMO_USERS.citizen);
  return page;
}

/** Whether the element's whole box lies within the first screen, the page unscrolled. */
async function onFirstScreen(page: Page, selector: ReturnType<Page['locator']>): Promise<boolean> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await selector.boundingBox();
  const height = page.viewportSize()!.height;
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

test('Mine data on a phone: the download comes first, the log is a line per organisation and day that opens, and the readable version opens with words, not codes', async ({ browser }) => {
  const citizen = await citizenOnPhone(browser);
  await citizen.goto('/borger/mine-data');
  const main = citizen.locator('main');
  const readable = main.getByRole('link', { name: 'Læs og udskriv mine oplysninger' });
  const json = main.getByRole('link', { name: 'Hent mine oplysninger (JSON)' });
  const log = main.getByRole('list', { name: 'Hvem har set mine oplysninger, nyeste dag først' });
  await expect(log).toBeVisible();
  // Download first: both links come before the log.
  const [readableBox, logBox] = [await readable.boundingBox(), await log.boundingBox()];
  expect(readableBox!.y).toBeLessThan(logBox!.y);
  expect((await json.boundingBox())!.y).toBeLessThan(logBox!.y);

  // Each organisation on a day is one closed line saying how many times; the times are inside.
  const group = log.locator('details').filter({ hasText: 'Jobcenter Aarhus' }).first();
  await expect(group).not.toHaveAttribute('open');
  await expect(group.locator('summary')).toContainText(/Jobcenter Aarhus · (1 gang|\d+ gange)/);
  const firstTime = group.locator('.jobbro-log > li').first();
  await expect(firstTime).toBeHidden();
  await group.locator('summary').click();
  await expect(firstTime).toBeVisible();
  await expect(firstTime).toContainText('Hvorfor');
  await expectNoSeriousAxeViolations(citizen);
  // The page holds no more lines than days × organisations: far shorter than one card per entry.
  const lines = await log.locator('details').count();
  const entries = await log.locator('.jobbro-log > li').count();
  expect(lines).toBeLessThanOrEqual(entries);

  // The readable version: Danish labels, the vocabulary's words instead of its codes.
  await readable.click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Alle mine oplysninger i Jobbro' })).toBeVisible();
  const about = citizen.getByRole('region', { name: 'Om dig' });
  await expect(about).toContainText('Forsørgelse');
  await expect(about).toContainText('Sådan kommer du på arbejde');
  await expect(citizen.locator('main')).not.toContainText(/public_transport|cash_benefit|citizen_accepted|consultant\b/);
  await expect(citizen.getByRole('region', { name: 'Hvem har set dine oplysninger' })).toContainText('Jobcenter Aarhus');
  await expectNoSeriousAxeViolations(citizen);
  // Printed, the menus stay off the paper.
  await citizen.emulateMedia({ media: 'print' });
  await expect(citizen.getByRole('banner')).toBeHidden();
  await expect(citizen.getByRole('navigation', { name: 'Mine sider' })).toBeHidden();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Alle mine oplysninger i Jobbro' })).toBeVisible();
  await citizen.emulateMedia({ media: 'screen' });

  // Opening it is an export, and the log says so.
  await citizen.goto('/borger/mine-data');
  await expect(log.locator('summary').first()).toContainText('Eksporteret: ');

  // In English, the readable version speaks English.
  await citizen.getByRole('button', { name: 'English' }).click();
  await citizen.getByRole('link', { name: 'Read and print my information' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'All my information in Jobbro' })).toBeVisible();
  await expect(citizen.getByRole('region', { name: 'About you' })).toContainText('How you get to work');
  await citizen.getByRole('button', { name: 'Dansk' }).click();
});

test('the log opens without JavaScript', async ({ browser }) => {
  const citizen = await citizenOnPhone(browser, { javaScriptEnabled: false });
  await citizen.goto('/borger/mine-data');
  const group = citizen.getByRole('list', { name: 'Hvem har set mine oplysninger, nyeste dag først' }).locator('details').first();
  await group.locator('summary').click();
  await expect(group.locator('.jobbro-log > li').first()).toBeVisible();
});

test('a citizen’s Find job is their own jobs; Min side is one page with one name; the public list points a citizen to their own', async ({ browser }) => {
  const citizen = await citizenOnPhone(browser);
  const header = citizen.getByRole('navigation', { name: 'Hovedmenu' });
  await expect(header.getByRole('link', { name: 'Find job' })).toHaveAttribute('href', '/borger/job');
  await header.getByRole('link', { name: 'Find job' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Job til mig' })).toBeVisible();

  // One name for the citizen's start page, in the header and in the citizen's menu.
  const menu = citizen.getByRole('navigation', { name: 'Mine sider' });
  await expect(menu.getByRole('link', { name: 'Min side' })).toHaveAttribute('href', '/borger');
  await expect(citizen.getByRole('link', { name: 'Min vej' })).toHaveCount(0);
  await header.getByRole('link', { name: 'Min side' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Min side' })).toBeVisible();
  await expect(citizen).toHaveTitle('Min side · Jobbro');

  // Someone who finds the public list anyway is told where their own jobs are.
  await citizen.goto('/jobs');
  const notice = citizen.getByRole('status').filter({ hasText: 'Du er logget ind som borger' });
  await notice.getByRole('link', { name: 'Gå til Job til mig' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: 'Job til mig' })).toBeVisible();

  // A visitor keeps the public list, without the notice.
  const visitor = await (await browser.newContext(PHONE)).newPage();
  await visitor.goto('/jobs');
  await expect(visitor.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Find job' })).toHaveAttribute('href', '/jobs');
  await expect(visitor.getByText('Du er logget ind som borger')).toHaveCount(0);
});

test('on a phone (390 px) a proposal’s answer buttons are on the first screen, after a short summary and what the answer means; the details follow', async ({ browser }) => {
  const citizen = await citizenOnPhone(browser);
  const waiting = citizen.getByRole('region', { name: 'Forslag til dig' }).getByRole('listitem').filter({ hasText: /venter på dit svar/i }).first();
  await waiting.getByRole('link').click();
  await expect(citizen.getByRole('heading', { level: 1, name: /^Forslag: / })).toBeVisible();

  const yes = citizen.getByRole('button', { name: 'Ja, det vil jeg gerne' });
  const no = citizen.getByRole('button', { name: 'Nej tak' });
  expect(await onFirstScreen(citizen, yes)).toBe(true);
  expect(await onFirstScreen(citizen, no)).toBe(true);
  // What a yes means stands above the buttons; the job's details come after them.
  const meaning = citizen.getByRole('heading', { name: 'Hvad betyder det?' });
  expect((await meaning.boundingBox())!.y).toBeLessThan((await yes.boundingBox())!.y);
  expect((await citizen.getByRole('heading', { name: 'Om jobbet' }).boundingBox())!.y).toBeGreaterThan((await no.boundingBox())!.y);
  expect((await citizen.getByRole('heading', { name: 'Forløb' }).boundingBox())!.y).toBeGreaterThan((await no.boundingBox())!.y);
  // The short summary: kind, hours, place and start, above the answer.
  await expect(citizen.locator('.jobbro-summary-line')).toContainText(/t\/uge · .+ · start \d{1,2}\. [a-zæøå]+ \d{4}/);

  // The reason for a no is one line until opened.
  const reason = citizen.getByLabel('Vil du fortælle, hvorfor du siger nej?');
  await expect(reason).toBeHidden();
  await citizen.getByText('Siger du nej? Fortæl gerne hvorfor').click();
  await expect(reason).toBeVisible();
  await expectNoSeriousAxeViolations(citizen);
});
