import { expect, test, type Browser } from './test';
import { expectNoSeriousAxeViolations } from './accessibility';
import { DEMO_USERS, logIn } from './fixtures';

const DANISH_BANNER =
  'Demo: Det her er en prøveversion af Jobbro. Alle personer, virksomheder og sager er opdigtede, og adgangskoden til demo-brugerne er offentlig. Skriv ikke rigtige oplysninger om nogen.';
const ENGLISH_BANNER =
  'Demo: This is a try-out version of Jobbro. All people, companies and cases are invented, and the password of the demo users is public. Do not enter real information about anyone.';

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test('the try-out tells visitors on every page that it is a demo with invented people and a public password, in their language', async ({ browser }) => {
  const visitor = await newPage(browser);
  for (const address of ['/', '/jobs', '/login', '/glemt-adgangskode', '/findes-ikke']) {
    await visitor.goto(address);
    await expect(visitor.getByRole('banner')).toContainText(DANISH_BANNER);
  }
  await visitor.goto('/jobs');
  await expectNoSeriousAxeViolations(visitor);
  await visitor.getByRole('button', { name: 'English' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Find a job' })).toBeVisible();
  await expect(visitor.getByRole('banner')).toContainText(ENGLISH_BANNER);
});

test('every role sees the Demo banner on its own pages while demo accounts exist', async ({ browser }) => {
  for (const email of [DEMO_USERS.citizen, DEMO_USERS.company, DEMO_USERS.consultant, DEMO_USERS.admin]) {
    const page = await newPage(browser);
    await logIn(page, email);
    await expect(page.getByRole('banner')).toContainText(DANISH_BANNER);
    await page.goto('/jobs');
    await expect(page.getByRole('banner')).toContainText(DANISH_BANNER);
    await page.context().close();
  }
});
