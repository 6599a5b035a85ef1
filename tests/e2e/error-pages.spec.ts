import { expect, test, type Browser, type Page } from './test';
import { DEMO_USERS, logIn } from './fixtures';

/** An id in the form the database stores that names nothing. */
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

async function loggedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, email);
  return page;
}

/** Opens `path`, expects `status` and returns the error page's alert (the title and the sentence below it). */
async function errorPage(page: Page, path: string, status: number) {
  expect((await page.goto(path))?.status(), path).toBe(status);
  return page.getByRole('alert');
}

test("a missing agreement, citizen or proposal shows 404 with the service's own sentence, and another jobcentre's agreement reads the same", async ({ browser }) => {
  const consultant = await loggedIn(browser, DEMO_USERS.consultant);
  for (const [path, sentence] of [
    [`/konsulent/aftaler/${MISSING_ID}`, 'Aftalen findes ikke.'],
    [`/konsulent/borgere/${MISSING_ID}`, 'Borgeren findes ikke.'],
    ['/konsulent/aftaler/ikke-et-id', 'Aftalen findes ikke.'],
  ] as const) {
    const alert = await errorPage(consultant, path, 404);
    await expect(alert.getByRole('heading', { level: 1, name: 'Siden findes ikke' })).toBeVisible();
    await expect(alert).toContainText(sentence);
    await expect(alert).not.toContainText('Vi kunne ikke finde det, du ledte efter.');
  }

  // An agreement of Aarhus, opened by Randers' consultant: the same words as for one that does not exist.
  await consultant.goto('/konsulent/aftaler?konsulent=alle');
  const href = await consultant.locator('a[href^="/konsulent/aftaler/"]').filter({ hasNotText: /Skriv|Vis/ }).first().getAttribute('href');
  const agreementId = href?.match(/^\/konsulent\/aftaler\/([0-9a-f-]{36})/)?.[1];
  expect(agreementId).toBeTruthy();
  const randers = await loggedIn(browser, DEMO_USERS.randersConsultant);
  const otherJobcentre = await (await errorPage(randers, `/konsulent/aftaler/${agreementId}`, 404)).innerText();
  const missing = await (await errorPage(randers, `/konsulent/aftaler/${MISSING_ID}`, 404)).innerText();
  expect(otherJobcentre).toBe(missing);
  expect(otherJobcentre).toContain('Aftalen findes ikke.');

  const citizen = await loggedIn(browser, DEMO_USERS.citizen);
  const proposal = await errorPage(citizen, `/borger/forslag/${MISSING_ID}`, 404);
  await expect(proposal).toContainText('Forslaget findes ikke.');
});

test('a citizen who reads English gets the 404 sentence in English', async ({ browser }) => {
  const citizen = await loggedIn(browser, DEMO_USERS.citizen);
  await citizen.getByRole('button', { name: 'English' }).click();
  await expect(citizen.getByRole('button', { name: 'Log out' })).toBeVisible();
  const agreement = await errorPage(citizen, `/borger/aftaler/${MISSING_ID}`, 404);
  await expect(agreement.getByRole('heading', { level: 1, name: 'The page does not exist' })).toBeVisible();
  await expect(agreement).toContainText('The agreement does not exist.');
  await expect(agreement).not.toContainText('findes ikke');
  await expect(citizen.locator('html')).toHaveAttribute('lang', 'en');
  const proposal = await errorPage(citizen, `/borger/forslag/${MISSING_ID}`, 404);
  await expect(proposal).toContainText('The proposal does not exist.');
  await shoot(citizen, 'not-found-en');
});

test('a company that opens a consultant page gets 403 saying whom the page is for', async ({ browser }) => {
  const company = await loggedIn(browser, DEMO_USERS.company);
  const alert = await errorPage(company, `/konsulent/borgere/${MISSING_ID}`, 403);
  await expect(alert.getByRole('heading', { level: 1, name: 'Du har ikke adgang' })).toBeVisible();
  await expect(alert).toContainText('Siden er kun for jobcentrets konsulenter.');
  await expect(alert.getByRole('link', { name: 'Gå til forsiden' })).toBeVisible();
  await shoot(company, 'forbidden');

  const consultant = await loggedIn(browser, DEMO_USERS.consultant);
  await errorPage(consultant, `/konsulent/aftaler/${MISSING_ID}`, 404);
  await shoot(consultant, 'not-found');
});

/** Screenshots at the three widths when SHOTS_DIR is set (to look at the page, not to assert). */
async function shoot(page: Page, name: string) {
  const folder = process.env.SHOTS_DIR;
  if (!folder) return;
  for (const width of [320, 390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: true });
  }
}
