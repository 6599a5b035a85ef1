/**
 * What the server answers before any page runs: a request addressed to another name is refused, a cookie
 * action cannot pass for an API call, one-time links and API answers are never cached, the security headers
 * say one thing each, and /healthz tells the public only that the portal is up.
 */
import http from 'node:http';
import { expect, test, type Page } from './test';
import { DEMO_USERS, logIn } from './fixtures';

const PORT = Number(process.env.E2E_PORT);
const ORIGIN = `http://localhost:${PORT}`;

/** A raw request, its path sent exactly as written (Playwright, like browsers, resolves "..").*/
function rawRequest(options: { method: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: PORT, method: options.method, path: options.path, headers: { Host: `localhost:${PORT}`, ...options.headers } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

/** The mails in the local outbox to one address with one subject, as the administrator sees them. */
async function mailsTo(admin: Page, email: string, subject: string) {
  await admin.goto(`/dev/mail?til=${encodeURIComponent(email)}`);
  return admin.getByRole('article').filter({ hasText: email }).filter({ hasText: subject });
}

test('a password reset addressed to another host name is refused and mails nothing; the portal’s own name works', async ({ request, browser }) => {
  const email = DEMO_USERS.randersConsultant;
  const admin = await (await browser.newContext()).newPage();
  await logIn(admin, DEMO_USERS.admin);
  const before = await (await mailsTo(admin, email, 'Ny adgangskode til Jobbro')).count();

  const forged = await request.post('/glemt-adgangskode', {
    headers: { Host: 'evil.example', Origin: 'http://evil.example' },
    form: { email },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(400);
  expect(await forged.text()).toBe('Anmodningen blev afvist, fordi den ikke var sendt til Jobbros adresse. Brug adressen fra dit link eller din mail.');
  for (const host of [`evil.example:${PORT}`, `localhost:${PORT}.evil.example`, 'localhost']) {
    expect((await request.get('/login', { headers: { Host: host } })).status()).toBe(400);
  }
  await expect(await mailsTo(admin, email, 'Ny adgangskode til Jobbro')).toHaveCount(before);

  const genuine = await request.post('/glemt-adgangskode', { headers: { Origin: ORIGIN }, form: { email } });
  expect(genuine.status()).toBe(200);
  const mails = await mailsTo(admin, email, 'Ny adgangskode til Jobbro');
  await expect(mails).toHaveCount(before + 1);
  await expect(mails.first()).toContainText(`${ORIGIN}/ny-adgangskode/`);
  await expect(admin.getByText('evil.example')).toHaveCount(0);
  expect((await request.get(`http://127.0.0.1:${PORT}/login`)).status()).toBe(200);
});

test('a cookie action cannot pass for an API call by a path that leaves /api/', async ({ page, context }) => {
  await logIn(page, DEMO_USERS.citizen);
  const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
  for (const path of ['/api/../borger/oensker', '/api/%2e%2e/borger/oensker', '/api/v1/..\\..\\borger/oensker']) {
    const answer = await rawRequest({
      method: 'POST',
      path,
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'wishes=Sneaky',
    });
    expect(answer.status, path).toBe(403);
    expect(answer.body).toContain('Anmodningen blev afvist, fordi den ikke kom fra Jobbro.');
  }
  // A real API call still needs no Origin: it is refused for want of a token, not of an Origin.
  expect((await rawRequest({ method: 'POST', path: '/api/v1/openings', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
});

test('pages opened by a one-time link and API answers are never stored', async ({ request }) => {
  for (const path of ['/velkommen/ukendt-token', '/invitation/ukendt-token', '/ny-adgangskode/ukendt-token', '/api/v1/openings', '/api/v1/openapi.json']) {
    const answer = await request.get(path);
    expect(answer.headers()['cache-control'], path).toContain('no-store');
  }
  expect((await request.get('/jobs')).headers()['cache-control'] ?? '').not.toContain('no-store');
});

test('the security headers: one framing rule, no browser powers, no HSTS over plain http', async ({ page, request }) => {
  const policyErrors: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Permissions-Policy')) policyErrors.push(message.text());
  });
  const answer = await page.goto('/login');
  const headers = answer!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBeUndefined();
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'interest-cohort']) expect(headers['permissions-policy']).toContain(`${feature}=()`);
  expect(headers['strict-transport-security']).toBeUndefined();
  await expect(page.getByRole('heading', { name: 'Log ind', exact: true })).toBeVisible();
  expect(policyErrors).toEqual([]);
  // Without TRUST_PROXY a client's claim to have come over https changes nothing.
  const claimed = await request.get('/login', { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(claimed.headers()['strict-transport-security']).toBeUndefined();
});

test('/healthz tells the public only that the portal is up; the details are for this machine and an administrator', async ({ request, page }) => {
  const viaProxy = { 'X-Forwarded-For': '203.0.113.9' };
  const outside = await request.get('/healthz', { headers: viaProxy });
  expect(outside.status()).toBe(200);
  expect(await outside.text()).toBe('ok');
  // Claiming to be this machine does not help: the socket's address decides, and a proxy's header says "from elsewhere".
  expect(await (await request.get('/healthz', { headers: { 'X-Forwarded-For': '127.0.0.1' } })).text()).toBe('ok');
  // A load balancer's probe names the instance by its address; it still gets its answer.
  expect((await request.get('/healthz', { headers: { ...viaProxy, Host: '10.0.0.7:3000' } })).status()).toBe(200);

  const internal = await request.get('/healthz');
  expect(await internal.json()).toMatchObject({ database: { ok: true }, search: { ok: true } });

  await logIn(page, DEMO_USERS.admin);
  const asAdmin = await page.request.get('/healthz', { headers: viaProxy });
  expect(await asAdmin.json()).toMatchObject({ status: 'ok', database: { ok: true }, search: { pendingChanges: expect.any(Number) } });
});
