/**
 * The embedded test identity provider (idp/test-identity-provider.ts), really running on a local port, and a
 * browser's walk through it with fetch: start a login at Jobbro, follow the provider's redirects, pick a test
 * person on the simulator page, and come back with the callback request Jobbro's route would receive.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { startSignIn, registerEmbeddedSignInProviders } from '../../app/auth/sign-in-providers.server';
import type { SignInProviderCode } from '../../app/domain/sign-in-rules';
import { publicOrigin } from '../../app/services/public-origin.server';
import { createTestIdentityProvider, TEST_IDP_PATH, type TestIdentity, type TestIdentityProvider } from '../../idp/test-identity-provider';

/** Jobbro's origin, as the routes use it: the provider redirects to it, and the test catches the redirect. */
export const APP_ORIGIN = publicOrigin();

export type RunningProvider = TestIdentityProvider & { server: Server; stop: () => Promise<void> };

export async function startTestIdentityProvider(
  { identities = async () => [], staffJobcentre = null }: { identities?: (code: SignInProviderCode) => Promise<TestIdentity[]>; staffJobcentre?: string | null } = {},
): Promise<RunningProvider> {
  const app = express();
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const provider = createTestIdentityProvider({ issuer: `http://127.0.0.1:${port}${TEST_IDP_PATH}`, appOrigin: APP_ORIGIN, identities });
  app.use(TEST_IDP_PATH, provider.router);
  registerEmbeddedSignInProviders(
    Object.fromEntries(
      (Object.keys(provider.clients) as SignInProviderCode[]).map((code) => [
        code,
        { issuer: provider.issuer, ...provider.clients[code], embedded: true, jobcentreName: code === 'staff_sso' ? staffJobcentre : null },
      ]),
    ),
  );
  return {
    ...provider,
    server,
    stop: async () => {
      registerEmbeddedSignInProviders(null);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A cookie jar for one site, enough for the provider's few cookies. */
class CookieJar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      if (value.join('=') === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** What the tester does on the simulator page: pick a listed person, make a new one, or cancel. */
export type SimulatorChoice = { cancel: true } | { identity: string; assurance?: 'low' | 'substantial' | 'high'; fields?: Record<string, string> };

/** Follows the provider's redirects until one leaves it; returns that location. */
async function followAtProvider(start: string, jar: CookieJar, init?: RequestInit): Promise<{ location: string; page: string | null }> {
  let response = await fetch(start, { ...init, redirect: 'manual', headers: { ...(init?.headers ?? {}), Cookie: jar.header() } });
  for (let hops = 0; hops < 10; hops++) {
    jar.take(response);
    const location = response.headers.get('Location');
    if (!location) return { location: response.url, page: await response.text() };
    const next = new URL(location, start).toString();
    if (!next.includes(TEST_IDP_PATH)) return { location: next, page: null };
    response = await fetch(next, { redirect: 'manual', headers: { Cookie: jar.header() } });
    start = next;
  }
  throw new Error('Too many redirects at the provider');
}

/**
 * A whole login as a browser makes it, up to the request that reaches Jobbro's callback: started at Jobbro
 * (`startSignIn`, which sets the browser's attempt cookie), through the simulator, back with code and state.
 */
export async function walkThroughProvider(code: SignInProviderCode, choice: SimulatorChoice, { invitationTokenId = null }: { invitationTokenId?: string | null } = {}) {
  return walkFrom(await startSignIn(code, { baseUrl: APP_ORIGIN, invitationTokenId }), choice);
}

/** The same walk from the answer that started the login (the start route's redirect with its cookie). */
export async function walkFrom(started: Response, choice: SimulatorChoice) {
  const attemptCookie = started.headers.get('Set-Cookie')!.split(';')[0]!;
  const authorizationUrl = started.headers.get('Location')!;
  const jar = new CookieJar();
  const atSimulator = await followAtProvider(authorizationUrl, jar);
  if (atSimulator.page === null) throw new Error(`The provider did not show its login page but went to ${atSimulator.location}`);
  const form = new URLSearchParams('cancel' in choice ? { cancel: '1' } : { identity: choice.identity, assurance: choice.assurance ?? 'substantial', ...(choice.fields ?? {}) });
  const back = await followAtProvider(atSimulator.location, jar, {
    method: 'POST',
    body: form.toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  return {
    authorizationUrl,
    attemptCookie,
    callbackUrl: back.location,
    /** The callback as the browser that started the login sends it (with its attempt cookie). */
    callbackRequest: (cookie: string | null = attemptCookie, url: string = back.location) => new Request(url, { headers: cookie ? { Cookie: cookie } : {} }),
  };
}
