/**
 * The jobcentre leader's story (issue 17): log in, see the year's figures and the goals, change a goal (a bad
 * value is refused at its field and kept), and download the whole dashboard as CSV. The demo data's year of
 * history (db/seed-history.ts) gives the figures.
 */
import fs from 'node:fs';
import { expect, test } from './test';
import { DEMO_USERS, logIn } from './fixtures';

test('a leader sees the figures and goals, changes a goal, and downloads the CSV', async ({ page }) => {
  await logIn(page, DEMO_USERS.leader);
  await expect(page).toHaveURL(/\/leder$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Jobcentrets tal' })).toBeVisible();
  await expect(page.getByText('Jobcenter Aarhus.')).toBeVisible();
  for (const section of ['Jobordrer', 'Forslag og svar', 'Aftaler og 30 ordinære timer', 'Fleksjob', 'Opfølgning og virksomheder']) {
    await expect(page.getByRole('heading', { level: 2, name: section, exact: true })).toBeVisible();
  }
  // A year of work: the openings received in the period is a number, not hidden and not nothing.
  const received = page.locator('tr[data-figure="openingsReceived"] td[data-cell="total"]');
  await expect(received).toHaveText(/^\d+$/);
  expect(Number(await received.innerText())).toBeGreaterThanOrEqual(50);
  // Each chart has its text alternative with every month, and the table says "under 5" where a month is small.
  await expect(page.getByRole('img', { name: /Jobordrer modtaget pr\. måned/ }).first()).toBeAttached();

  const goal = page.getByLabel('Fleksjob i første hug (mindst, %)');
  await goal.fill('150');
  await page.getByRole('button', { name: 'Gem målene' }).click();
  await expect(page.locator('#flexjobFirstTime-error, .form-error-message').filter({ hasText: 'Skriv et mål i procent fra 0 til 100' }).first()).toBeVisible();
  await expect(page.getByLabel('Fleksjob i første hug (mindst, %)')).toHaveValue('150');
  await page.getByLabel('Fleksjob i første hug (mindst, %)').fill('60');
  await page.getByRole('button', { name: 'Gem målene' }).click();
  await expect(page.getByText('Målene er gemt.')).toBeVisible();
  await expect(page.locator('tr[data-figure="flexjobFirstTime"] td[data-cell="goal"]')).toContainText('Mål: mindst 60 %');

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Hent alle tal som CSV' }).click();
  const download = await downloading;
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('Afsnit;Tal;Måned;Værdi;Mål;Mål nået');
  expect(csv).toContain('Fleksjob;Heraf i første hug;');
  expect(csv).toContain('Mål: mindst 60 %');

  // The figures of another jobcentre are not there to ask for.
  const other = await page.goto('/leder?jobcenter=00000000-0000-4000-8000-000000000000');
  expect(other?.status()).toBe(404);

  if (process.env.SHOTS_DIR) {
    await page.goto('/leder');
    for (const width of [320, 390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${process.env.SHOTS_DIR}/leder-${width}.png`, fullPage: true });
      await page.screenshot({ path: `${process.env.SHOTS_DIR}/leder-${width}-top.png` });
      for (const id of ['jobordrer', 'fleksjob', 'goals']) {
        await page.locator(`section[aria-labelledby="${id}-heading"]`).screenshot({ path: `${process.env.SHOTS_DIR}/leder-${width}-${id}.png` });
      }
    }
  }
});

test('a company and a citizen are refused the leader’s figures with 403', async ({ browser }) => {
  for (const email of [DEMO_USERS.company, DEMO_USERS.citizen]) {
    const page = await (await browser.newContext()).newPage();
    await logIn(page, email);
    expect((await page.goto('/leder'))?.status()).toBe(403);
    expect((await page.goto('/leder/tal.csv'))?.status()).toBe(403);
  }
});
