import { expect, test, type Browser } from './test';
import { expectNoSeriousAxeViolations } from './accessibility';
import { DEMO_USERS, logIn } from './fixtures';

/** A paused opening of Kattegat (virksomhed@jobbro.test) in the demo data (db/seed.ts): its public page is gone. */
const PAUSED_JOB = 'Truckfører lørdag morgen';

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

/** The id of the paused opening, as its company's own page links to it. */
async function pausedOpeningId(browser: Browser): Promise<string> {
  const company = await newPage(browser);
  await logIn(company, DEMO_USERS.company);
  await company.goto('/virksomhed');
  const href = await company.getByRole('link', { name: PAUSED_JOB }).getAttribute('href');
  return href!.split('/').at(-1)!;
}

test('a visitor who chooses English reads the job search, its messages, a job and an old link to a paused job in English', async ({ browser }) => {
  const visitor = await newPage(browser);
  await visitor.goto('/jobs');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Find job' })).toBeVisible();
  await visitor.getByRole('button', { name: 'English' }).click();

  // The search: headings, filters with their English names, the count, the page's title and language.
  await expect(visitor.getByRole('heading', { level: 1, name: 'Find a job' })).toBeVisible();
  await expect(visitor).toHaveTitle('Find a job · Jobbro');
  await expect(visitor.locator('html')).toHaveAttribute('lang', 'en');
  await expect(visitor.getByRole('group', { name: 'Kind of job' })).toContainText('Sheltered job');
  await expect(visitor.getByRole('group', { name: 'Hours a week' })).toContainText('21 hours or more');
  await expect(visitor.getByRole('group', { name: 'When can you start?' })).toContainText('Within a month');
  await expect(visitor.getByLabel('Show first')).toContainText('Newest first');
  await expect(visitor.getByRole('status').filter({ hasText: /^We found \d+ jobs\./ })).toBeVisible();
  await expect(visitor.getByText(/^Start: \d{1,2} [A-Z][a-z]+ \d{4}$/).first()).toBeVisible();
  await expectNoSeriousAxeViolations(visitor);

  // A mistyped postcode is told at the field, in English, and kept.
  await visitor.getByLabel('Your postcode').fill('800');
  await visitor.getByRole('button', { name: 'Show jobs' }).click();
  await expect(visitor.locator('#postcode-error')).toContainText('A postcode has 4 digits, for example 8000. Until then we show jobs in all of Denmark.');
  await expect(visitor.getByLabel('Your postcode')).toHaveValue('800');
  await visitor.getByLabel('Your postcode').fill('0999');
  await visitor.getByRole('button', { name: 'Show jobs' }).click();
  await expect(visitor.locator('#postcode-error')).toContainText('We do not know this postcode.');
  await expectNoSeriousAxeViolations(visitor);

  // A job's page: the portal's words in English, the company's own words marked as Danish.
  await visitor.getByLabel('Your postcode').fill('8000');
  await visitor.getByRole('button', { name: 'Show jobs' }).click();
  await expect(visitor.getByRole('article').first()).toContainText(/ · \d+(\.\d)? km/);
  await visitor.getByRole('article').getByRole('link').first().click();
  await expect(visitor.getByRole('heading', { level: 2, name: 'About the job' })).toBeVisible();
  await expect(visitor.getByRole('heading', { level: 2, name: 'Time and place' })).toBeVisible();
  await expect(visitor.getByRole('link', { name: 'Log in to see phone and email' })).toBeVisible();
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'da');
  await expect(visitor.locator('html')).toHaveAttribute('lang', 'en');
  await expect(visitor).toHaveTitle(/ · Find a job · Jobbro$/);
  await expectNoSeriousAxeViolations(visitor);
  const jobUrl = visitor.url();
  await visitor.getByRole('link', { name: 'Back to the search' }).first().click();
  await expect(visitor.getByLabel('Your postcode')).toHaveValue('8000');

  // Someone who has not chosen English reads the same job in Danish.
  const other = await newPage(browser);
  await other.goto(jobUrl);
  await expect(other.getByRole('heading', { level: 2, name: 'Om jobbet' })).toBeVisible();
  await expect(other.locator('html')).toHaveAttribute('lang', 'da');

  // An old link to a job that is paused says so in English, and the way on is English too.
  const paused = await pausedOpeningId(browser);
  const gone = await visitor.goto(`/jobs/${paused}`);
  expect(gone?.status()).toBe(410);
  await expect(visitor.getByRole('heading', { level: 1, name: 'The job is no longer available' })).toBeVisible();
  await expect(visitor.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoSeriousAxeViolations(visitor);
  await visitor.getByRole('link', { name: 'Find other jobs' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Find a job' })).toBeVisible();
  expect((await other.goto(`/jobs/${paused}`))?.status()).toBe(410);
  await expect(other.getByRole('heading', { level: 1, name: 'Jobbet er ikke længere ledigt' })).toBeVisible();

  // And back to Danish.
  await visitor.getByRole('button', { name: 'Dansk' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Find job' })).toBeVisible();
  await expect(visitor.locator('html')).toHaveAttribute('lang', 'da');
});

test('the citizen who chooses English reads their agreement in English; the consultant reads it in Danish even in a browser set to English', async ({ browser }) => {
  const citizen = await newPage(browser);
  await logIn(citizen, DEMO_USERS.citizen);
  await citizen.getByRole('button', { name: 'English' }).click();
  await citizen.getByRole('region', { name: 'Your agreement' }).getByRole('link', { name: 'See the whole agreement' }).click();

  await expect(citizen.getByRole('heading', { level: 1, name: /^Agreement between Jonas Kristensen and / })).toBeVisible();
  await expect(citizen).toHaveTitle('My agreement · Jobbro');
  await expect(citizen.locator('html')).toHaveAttribute('lang', 'en');
  await expect(citizen.getByText(/^Active · version 1 · Ordinary hours \(small job\)$/)).toBeVisible();
  await expect(citizen.getByRole('link', { name: 'My page' }).first()).toBeVisible();
  const terms = citizen.getByRole('table', { name: 'What the agreement says, version 1' });
  await expect(terms.getByRole('row', { name: /Ordinary paid hours a week/ })).toContainText('8 h/week');
  await expect(terms.getByRole('row', { name: /When in the week/ })).toContainText('Monday, Tuesday, Wednesday, Thursday and Friday, morning. Kl. 7–10');
  await expect(terms.getByRole('row', { name: /First renegotiation/ })).toContainText(/^First renegotiation\s*\d{1,2} [A-Z][a-z]+ \d{4}$/);
  // The parties' own words stay as they wrote them, and say they are Danish.
  await expect(terms.getByRole('row', { name: /Sub-goals/ })).toContainText(/By \d{1,2} [A-Z][a-z]+ \d{4}: 10 ordinære timer om ugen/);
  await expect(terms.getByRole('row', { name: /Tasks/ }).getByRole('list')).toHaveAttribute('lang', 'da');
  await expect(terms.getByRole('row', { name: /Considerations the company must know/ })).toContainText('Har det bedst med faste opgaver');
  await expect(citizen.getByRole('heading', { name: 'Confirmations' })).toBeVisible();
  await expect(citizen.getByText(/^The citizen: confirmed \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}$/)).toBeVisible();
  await expect(citizen.getByText(/^Next follow-up from the job centre: \d{1,2} [A-Z][a-z]+ \d{4}\.$/)).toBeVisible();
  await expect(citizen.getByRole('heading', { level: 2, name: 'Hours and progress' })).toBeVisible();
  await expect(citizen.getByRole('img', { name: /^Ordinary paid hours per month against the goal of 30 hours/ })).toBeVisible();
  await expect(citizen.getByRole('table', { name: 'Hours per month' })).toContainText('The company');
  await expect(citizen.getByRole('button', { name: 'Print the agreement' })).toBeVisible();
  await expectNoSeriousAxeViolations(citizen);
  const agreementUrl = new URL(citizen.url()).pathname;

  // The consultant's browser chose English on the public job search; the consultant's own pages stay Danish.
  const consultant = await newPage(browser);
  await logIn(consultant, DEMO_USERS.consultant);
  await consultant.goto('/jobs');
  await consultant.getByRole('button', { name: 'English' }).click();
  await expect(consultant.getByRole('heading', { level: 1, name: 'Find a job' })).toBeVisible();
  await consultant.goto(agreementUrl.replace('/borger/', '/konsulent/'));
  await expect(consultant.getByRole('heading', { level: 1, name: /^Aftale mellem Jonas Kristensen og / })).toBeVisible();
  await expect(consultant.locator('html')).toHaveAttribute('lang', 'da');
  const danishTerms = consultant.getByRole('table', { name: 'Aftalens indhold, version 1' });
  await expect(danishTerms.getByRole('row', { name: /Ordinære timer om ugen/ })).toContainText('8 t/uge');
  await expect(danishTerms.getByRole('row', { name: /Hvornår på ugen/ })).toContainText('Mandag, tirsdag, onsdag, torsdag og fredag, formiddag. Kl. 7–10');
  await expect(consultant.getByRole('button', { name: 'Udskriv aftalen' })).toBeVisible();

  // Back to Danish for the citizen.
  await citizen.getByRole('button', { name: 'Dansk' }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: /^Aftale mellem Jonas Kristensen og / })).toBeVisible();
  await expect(citizen.getByRole('table', { name: 'Aftalens indhold, version 1' }).getByRole('row', { name: /Ordinære timer om ugen/ })).toContainText('8 t/uge');
  await expect(citizen.locator('html')).toHaveAttribute('lang', 'da');
});

test('a visitor who chooses English logs in, is told a wrong password and meets an unknown address in English; others keep Danish; a consultant\'s chrome stays Danish', async ({ browser }) => {
  const visitor = await newPage(browser);
  await visitor.goto('/login');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await visitor.getByRole('button', { name: 'English' }).click();

  // The login page, its title and the header, menu and footer around it.
  await expect(visitor.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await expect(visitor).toHaveTitle('Log in · Jobbro');
  await expect(visitor.locator('html')).toHaveAttribute('lang', 'en');
  await expect(visitor.locator('header')).toHaveAttribute('lang', 'en');
  const menu = visitor.getByRole('navigation', { name: 'Main menu' });
  await expect(menu.getByRole('link', { name: 'Find a job' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Log in' })).toBeVisible();
  await expect(visitor.getByRole('contentinfo')).toContainText('a partnership between the job centre');
  await expectNoSeriousAxeViolations(visitor);

  // A missing password and a wrong one are told at the field, in English.
  await visitor.getByLabel('Email').fill('nobody@jobbro.test');
  await visitor.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(visitor.locator('#password-error')).toContainText('Write your password.');
  await visitor.getByLabel('Password', { exact: true }).fill('not-the-password');
  await visitor.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(visitor.locator('#email-error')).toContainText('Error: Wrong email or password.');
  await expect(visitor.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  await expect(visitor.getByLabel('Email')).toHaveValue('nobody@jobbro.test');
  await expectNoSeriousAxeViolations(visitor);

  await visitor.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Forgot your password' })).toBeVisible();

  // An address that does not exist.
  const missing = await visitor.goto('/findes-ikke');
  expect(missing?.status()).toBe(404);
  await expect(visitor.getByRole('heading', { level: 1, name: 'The page does not exist' })).toBeVisible();
  await expect(visitor.locator('html')).toHaveAttribute('lang', 'en');
  await expect(visitor.getByRole('link', { name: 'Go to the front page' })).toBeVisible();
  await expectNoSeriousAxeViolations(visitor);

  // Someone who has not chosen English reads all of it in Danish.
  const other = await newPage(browser);
  await other.goto('/login');
  await expect(other.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await expect(other.locator('html')).toHaveAttribute('lang', 'da');
  await expect(other.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Find job' })).toBeVisible();
  expect((await other.goto('/findes-ikke'))?.status()).toBe(404);
  await expect(other.getByRole('heading', { level: 1, name: 'Siden findes ikke' })).toBeVisible();
  await expect(other.locator('html')).toHaveAttribute('lang', 'da');

  // A citizen who chooses English reads the header in English.
  const citizen = await newPage(browser);
  await logIn(citizen, DEMO_USERS.citizen);
  await citizen.getByRole('button', { name: 'English' }).click();
  await expect(citizen.getByRole('button', { name: 'Log out' })).toBeVisible();
  await expect(citizen.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My page' })).toBeVisible();
  await expect(citizen.locator('header')).toContainText('Citizen');

  // A consultant whose browser chose English on the job search keeps the Danish header, menu and error page.
  const consultant = await newPage(browser);
  await logIn(consultant, DEMO_USERS.consultant);
  await consultant.goto('/jobs');
  await consultant.getByRole('button', { name: 'English' }).click();
  await expect(consultant.getByRole('heading', { level: 1, name: 'Find a job' })).toBeVisible();
  await expect(consultant.locator('header')).toHaveAttribute('lang', 'da');
  await expect(consultant.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Konsulentforside' })).toBeVisible();
  await expect(consultant.getByRole('button', { name: 'Log af' })).toBeVisible();
  expect((await consultant.goto('/findes-ikke'))?.status()).toBe(404);
  await expect(consultant.getByRole('heading', { level: 1, name: 'Siden findes ikke' })).toBeVisible();
  await expect(consultant.locator('html')).toHaveAttribute('lang', 'da');
  await expect(consultant.getByRole('button', { name: 'Log af' })).toBeVisible();
});
