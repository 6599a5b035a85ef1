import { expect, type Page } from './test';

export const DEMO_PASSWORD = 'jobbro-demo';

export const DEMO_USERS = {
  consultant: 'konsulent@jobbro.test',
  company: 'virksomhed@jobbro.test',
  secondCompany: 'virksomhed2@jobbro.test',
  /** Egå Idrætscenter, one confirmation short of the mark "Socialt ansvarlig virksomhed" (social-mark.spec.ts). */
  thirdCompany: 'virksomhed3@jobbro.test',
  citizen: 'borger@jobbro.test',
  admin: 'admin@jobbro.test',
  randersConsultant: 'konsulent.randers@jobbro.test',
  leader: 'leder@jobbro.test',
} as const;

/** Logs in through the login form, as a person does: for the stories about logging in. */
export async function logInByForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Log af' })).toBeVisible();
}

/**
 * Logs in for a story that is about something else (the Epic Stack's session fixture): the same POST the form
 * sends, from the page's own context so the session cookie lands in its browser, then the role's start page.
 * It skips drawing the login page, which every story otherwise paid for once per user.
 */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const origin = `http://localhost:${process.env.E2E_PORT}`;
  const response = await page.request.post(`${origin}/login`, { form: { email, password }, headers: { Origin: origin }, maxRedirects: 0 });
  expect(response.status(), `login as ${email}`).toBe(302);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Log af' })).toBeVisible();
}
