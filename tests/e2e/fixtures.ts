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

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('button', { name: 'Log af' })).toBeVisible();
}
