import http from 'node:http';
import { expect, test } from './test';
import { expectNoAxeViolations } from './accessibility';
import { DEMO_PASSWORD, DEMO_USERS, logIn } from './fixtures';

/**
 * What the server reads before any page does: a body too large is refused with 413 before it is parsed,
 * whether its size is declared or only shows as it streams in; a page gets only forms (415 otherwise); the
 * way back after logging in may hold any letter; and a text with an invisible control character in it is
 * refused at its field.
 */

const MEGABYTE = 1024 * 1024;

test('a 1 MB form to /login is refused with 413 and a Danish message, before it is parsed', async ({ request, baseURL }) => {
  const body = `email=${encodeURIComponent(DEMO_USERS.admin)}&password=${'x'.repeat(MEGABYTE)}`;
  const response = await request.post('/login', {
    headers: { Origin: baseURL!, 'Content-Type': 'application/x-www-form-urlencoded' },
    data: body,
    maxRedirects: 0,
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain('Formularen er for stor');
});

/** A post as written, path and all (Playwright would resolve "/api/../login"), with the body in chunks of 64 kB. */
function rawPost(baseURL: string, path: string, headers: http.OutgoingHttpHeaders, body: string): Promise<{ status: number; text: string }> {
  const { hostname, port, origin } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const call = http.request({ hostname, port, path, method: 'POST', headers: { Origin: origin, ...headers } });
    call.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    call.on('error', reject);
    for (let at = 0; at < body.length; at += 64 * 1024) call.write(body.slice(at, at + 64 * 1024));
    call.end();
  });
}

test('a streamed body without Content-Length is refused with 413 once it grows past the limit', async ({ baseURL }) => {
  const answer = await rawPost(
    baseURL!,
    '/login',
    { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' },
    `password=${'x'.repeat(MEGABYTE)}`,
  );
  expect(answer.status).toBe(413);
  expect(answer.text).toContain('Formularen er for stor');
});

test('the API takes a body up to 256 kB and refuses a larger one with 413 in JSON', async ({ request }) => {
  const response = await request.post('/api/v1/openings', {
    headers: { Authorization: 'Bearer ukendt', 'Content-Type': 'application/json' },
    data: JSON.stringify({ title: 'x'.repeat(300 * 1024) }),
  });
  expect(response.status()).toBe(413);
  expect(await response.json()).toMatchObject({ error: 'payload_too_large' });
  // Within the limit, the API answers as before: here, that the key is unknown.
  const small = await request.post('/api/v1/openings', { headers: { Authorization: 'Bearer ukendt' }, data: { title: 'x'.repeat(200 * 1024) } });
  expect(small.status()).toBe(401);
});

test('a page answers a post that is no form with 415 and a message, not a 500', async ({ request, baseURL }) => {
  for (const path of ['/login', '/glemt-adgangskode']) {
    const response = await request.post(path, {
      headers: { Origin: baseURL!, 'Content-Type': 'text/plain' },
      data: `email=${DEMO_USERS.admin}&password=${DEMO_PASSWORD}`,
      maxRedirects: 0,
    });
    expect(response.status(), path).toBe(415);
    expect(await response.text()).toContain('den tager kun imod formularer');
  }
  // Also when "/api/" only begins the path as it was written: the page it resolves to decides.
  const around = await rawPost(baseURL!, '/api/../login', { 'Content-Type': 'application/json' }, '{}');
  expect(around.status).toBe(415);
});

test('logging in with a way back of Danish letters and an emoji lands there', async ({ page }) => {
  await page.goto(`/login?redirectTo=${encodeURIComponent('/jobs?q=rengøring 🧹')}`);
  await page.getByLabel('E-mail').fill(DEMO_USERS.citizen);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page).toHaveURL(/\/jobs\?q=reng%C3%B8ring%20%F0%9F%A7%B9$/);
  await expect(page.getByRole('searchbox')).toHaveValue('rengøring 🧹');
});

test('a name pasted with a tab in it is refused at the field, and the form keeps what was typed', async ({ page }) => {
  await logIn(page, DEMO_USERS.consultant);
  await page.goto('/konsulent/borgere/ny');
  const name = `Bodil\tFane ${Date.now().toString(36)}`;
  await page.getByLabel('Navn', { exact: true }).fill(name);
  await page.getByLabel('Postnummer').fill('8200');
  await page.getByLabel('Hvor langt kan borgeren rejse? (km)').fill('10');
  await page.getByLabel('Kontanthjælp, jobparat').check();
  await page.getByLabel('Mindst antal timer om ugen').fill('5');
  await page.getByLabel('Højst antal timer om ugen').fill('10');
  await page.getByLabel('Hvor godt taler og forstår borgeren dansk?').selectOption({ label: 'Godt' });
  await page.getByRole('button', { name: 'Opret borger' }).click();

  const message = 'Navnet skal stå på én linje uden tabulatorer eller andre usynlige styretegn. Skriv teksten igen på én linje.';
  await expect(page.getByRole('alert').getByRole('link', { name: message })).toBeVisible();
  await expect(page.locator('#name-error')).toContainText(message);
  await expect(page.getByLabel('Navn', { exact: true })).toHaveValue(name);
  await expect(page.getByLabel('Postnummer')).toHaveValue('8200');
  await expectNoAxeViolations(page);
});
