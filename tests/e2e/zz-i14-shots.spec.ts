// Temporary: screenshots for the i14-forms branch (not committed).
import { expect, test, type Page } from '@playwright/test';
import { DEMO_USERS, logIn } from './fixtures';

const WIDTHS = [320, 390, 1280];
const DIR = '/tmp/shots/i14-forms';

async function shoot(page: Page, name: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${DIR}/${name}-${width}.png`, fullPage: true });
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (sideways > 0) console.log(`SIDEWAYS ${name} ${width}: ${sideways}px`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

test('company opening steps', async ({ page }) => {
  await logIn(page, DEMO_USERS.company);
  await page.goto('/virksomhed/jobopslag/ny');
  await shoot(page, 'opening-step1');
  await page.getByRole('button', { name: 'Næste' }).click();
  await expect(page.getByRole('heading', { name: 'Der er et problem' })).toBeVisible();
  await shoot(page, 'opening-step1-errors');
  await page.getByLabel('Fleksjob', { exact: true }).check();
  await page.getByLabel('Titel', { exact: true }).fill('Pakning på lageret');
  await page.getByLabel('Beskrivelse').fill('Et roligt lager med faste kolleger og en fast kontaktperson.');
  await page.getByLabel('Opgaver', { exact: true }).fill('Pakning\nEtiketter');
  await page.getByRole('button', { name: 'Næste' }).click();
  await page.getByLabel('Mindst antal timer om ugen').fill('4');
  await page.getByLabel('Højst antal timer om ugen').fill('12');
  await page.getByLabel('Forventede timer om ugen (skal udfyldes ved fleksjob)').fill('8');
  await page.getByLabel('Tirsdag').check();
  await page.getByLabel('Formiddag').check();
  await page.getByLabel('Startdato').fill(inTwoWeeks());
  await shoot(page, 'opening-step2');
  await page.getByRole('button', { name: 'Næste' }).click();
  await page.getByLabel('Ekstra pauser').check();
  await shoot(page, 'opening-step3');
  await page.getByRole('button', { name: 'Næste' }).click();
  await shoot(page, 'opening-step4');
  await page.getByLabel('Rolle', { exact: true }).fill('Lagerchef');
  await page.getByRole('button', { name: 'Næste' }).click();
  await shoot(page, 'opening-summary');
  await page.getByRole('button', { name: 'Offentliggør' }).click();
  await expect(page.getByText('Jobopslaget er offentliggjort')).toBeVisible();
  await shoot(page, 'opening-published');
});

test('consultant jobordre and agreement forms', async ({ page }) => {
  await logIn(page, DEMO_USERS.consultant);
  await page.goto('/konsulent/virksomheder');
  await page.locator('main a[href^="/konsulent/virksomheder/"]').first().click();
  await page.getByRole('link', { name: 'Opret jobordre' }).click();
  await shoot(page, 'jobordre-step1');
  await page.goto('/konsulent/aftaler');
  const links = await page.locator('main a[href^="/konsulent/aftaler/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const agreement = links.find((href) => /^\/konsulent\/aftaler\/[0-9a-f-]{36}$/.test(href));
  if (agreement) {
    await page.goto(agreement);
    await shoot(page, 'agreement-page');
    await page.goto(`${agreement}/genforhandling`);
    await shoot(page, 'agreement-form');
    if (await page.getByRole('button', { name: 'Tilføj delmål' }).count()) {
      await page.getByRole('button', { name: 'Tilføj delmål' }).click();
      await page.getByLabel('Dato for delmål 1').fill('2020-01-01');
      await page.getByRole('button', { name: /Gem/ }).click();
      await shoot(page, 'agreement-form-errors');
    }
  } else console.log('NO AGREEMENT FOUND', links);
});

test('company agreement hours', async ({ page }) => {
  await logIn(page, DEMO_USERS.company);
  await page.goto('/virksomhed/aftaler');
  const links = await page.locator('main a[href^="/virksomhed/aftaler/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  if (links[0]) {
    await page.goto(links[0]);
    await shoot(page, 'company-agreement');
  }
});
