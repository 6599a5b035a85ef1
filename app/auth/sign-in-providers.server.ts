/**
 * OpenID Connect login through MitID, MitID Erhverv and the municipality's single sign-on (decision 034), with
 * openid-client: authorization code flow with PKCE, state and nonce, the ID token checked by the library
 * (signature, issuer, audience, expiry, nonce). What a login means for Jobbro (which user it is) is the
 * services' business (app/services/sign-ins.server.ts); this module only proves who came back.
 *
 * Which providers exist comes from the environment (OIDC_MITID_ISSUER, _CLIENT_ID, _CLIENT_SECRET, and the
 * same for OIDC_MITID_ERHVERV and OIDC_STAFF); a provider left unset is off and its button hidden, unless the
 * try-out registered the embedded test provider for it (server.ts, `registerEmbeddedSignInProviders`).
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { redirect } from '@remix-run/node';
import { eq, lt } from 'drizzle-orm';
import * as oidc from 'openid-client';
import { db } from '../../db/client';
import { sessionSignIns, signInAttempts } from '../../db/schema';
import {
  acrFor,
  assuranceLevelOf,
  callbackPath,
  COMPANY_SIGN_UP_MINUTES,
  providerByCode,
  SIGN_IN_ATTEMPT_MINUTES,
  SIGN_IN_PROVIDERS,
  type AssuranceLevel,
  type SignInProvider,
  type SignInProviderCode,
  type SignInRefusal,
} from '../domain/sign-in-rules';
import { endSession, readSessionToken, sessionIdFromToken, startSession } from './session.server';

export type ProviderSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The embedded test provider on http://localhost: plain http is allowed for it only. */
  embedded: boolean;
  /** The staff provider's jobcentre, by its name in Jobbro (OIDC_STAFF_JOBCENTRE): its consultants belong there. */
  jobcentreName?: string | null;
};

const SCOPES: Record<SignInProviderCode, string> = {
  mitid: 'openid',
  mitid_erhverv: 'openid profile email',
  staff_sso: 'openid profile email',
};

/** The assurance level asked for (acr_values); the answer is checked against the role's need afterwards. */
const ASKED_ASSURANCE: Record<SignInProviderCode, AssuranceLevel> = { mitid: 'substantial', mitid_erhverv: 'low', staff_sso: 'substantial' };

const globalStore = globalThis as typeof globalThis & { __jobbroEmbeddedSignIn?: Partial<Record<SignInProviderCode, ProviderSettings>> };

/**
 * The try-out's embedded test provider, for each provider the environment leaves unset. server.ts calls it
 * only when demo accounts exist (decision 018's gate); tests call it with the provider they start.
 */
export function registerEmbeddedSignInProviders(settings: Partial<Record<SignInProviderCode, ProviderSettings>> | null) {
  globalStore.__jobbroEmbeddedSignIn = settings ?? undefined;
  configurations.clear();
}

function configuredFromEnvironment(provider: SignInProvider): ProviderSettings | null {
  const issuer = process.env[`${provider.envPrefix}_ISSUER`];
  const clientId = process.env[`${provider.envPrefix}_CLIENT_ID`];
  const clientSecret = process.env[`${provider.envPrefix}_CLIENT_SECRET`];
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret, embedded: false, jobcentreName: process.env[`${provider.envPrefix}_JOBCENTRE`] ?? null };
}

/** Whether the environment configures a real provider for this code (then the embedded one never serves it). */
export function realProviderConfigured(code: SignInProviderCode): boolean {
  return configuredFromEnvironment(providerByCode(code)!) !== null;
}

export function providerSettings(code: SignInProviderCode): ProviderSettings | null {
  const provider = providerByCode(code)!;
  return configuredFromEnvironment(provider) ?? globalStore.__jobbroEmbeddedSignIn?.[code] ?? null;
}

/** The origins the browser is sent to for a login or a logout: the form-action of the CSP must allow them. */
export function signInProviderOrigins(): string[] {
  const origins = SIGN_IN_PROVIDERS.flatMap((provider) => {
    const issuer = configuredFromEnvironment(provider)?.issuer;
    return issuer ? [new URL(issuer).origin] : [];
  });
  return [...new Set(origins)];
}

/** The providers a login page offers: those configured. */
export function enabledSignInProviders(): SignInProviderCode[] {
  return SIGN_IN_PROVIDERS.filter((provider) => providerSettings(provider.code) !== null).map((provider) => provider.code);
}

const configurations = new Map<string, Promise<oidc.Configuration>>();

/** The provider's discovered configuration, fetched once per process (a failure is not kept). */
function configurationFor(code: SignInProviderCode): Promise<oidc.Configuration> {
  const settings = providerSettings(code);
  if (!settings) throw new Error(`Sign-in provider ${code} is not configured`);
  const key = `${settings.issuer} ${settings.clientId}`;
  const known = configurations.get(key);
  if (known) return known;
  const discovered = oidc.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
    execute: settings.embedded ? [oidc.allowInsecureRequests] : [],
  });
  configurations.set(key, discovered);
  discovered.catch(() => configurations.delete(key));
  return discovered;
}

// --- Short-lived cookies: the one that ties a login to the browser that started it (login CSRF), and the one
// that holds a company's sign-up begun with MitID Erhverv --------------------------------------------------------

const ATTEMPT_COOKIE_NAME = 'jobbro_sign_in';
const SIGN_UP_COOKIE_NAME = 'jobbro_mitid_sign_up';
const SIGN_UP_PATH = '/virksomhed/opret';

function shortCookie(name: string, value: string, path: string, maxAgeSeconds: number): string {
  const attributes = [`${name}=${value}`, `Path=${path}`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
  if (process.env.COOKIE_SECURE === 'true' || (process.env.COOKIE_SECURE !== 'false' && process.env.NODE_ENV === 'production')) attributes.push('Secure');
  return attributes.join('; ');
}

function readCookie(cookieHeader: string | null, wanted: string): string | null {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = pair.trim().split('=');
    if (name === wanted && rest.join('=') !== '') return rest.join('=');
  }
  return null;
}

function attemptCookie(value: string, maxAgeSeconds: number): string {
  return shortCookie(ATTEMPT_COOKIE_NAME, value, '/login', maxAgeSeconds);
}

function readAttemptCookie(cookieHeader: string | null): string | null {
  return readCookie(cookieHeader, ATTEMPT_COOKIE_NAME);
}

/** The company sign-up MitID Erhverv began (a one-time token), for the sign-up page only. */
export function mitIdSignUpCookie(token: string): string {
  return shortCookie(SIGN_UP_COOKIE_NAME, token, SIGN_UP_PATH, COMPANY_SIGN_UP_MINUTES * 60);
}

export function blankMitIdSignUpCookie(): string {
  return shortCookie(SIGN_UP_COOKIE_NAME, '', SIGN_UP_PATH, 0);
}

export function readMitIdSignUpToken(request: Request): string | null {
  return readCookie(request.headers.get('Cookie'), SIGN_UP_COOKIE_NAME);
}

function attemptIdOf(browserValue: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(browserValue)));
}

function randomValue(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/**
 * Starts a login: PKCE verifier, state and nonce are kept in `sign_in_attempts` under a value only this
 * browser gets (an HttpOnly cookie on /login, ten minutes), and the browser is sent to the provider.
 */
export async function startSignIn(
  code: SignInProviderCode,
  { baseUrl, redirectTo = null, invitationTokenId = null, now = new Date() }: { baseUrl: string; redirectTo?: string | null; invitationTokenId?: string | null; now?: Date },
): Promise<Response> {
  const provider = providerByCode(code)!;
  const configuration = await configurationFor(code);
  const browserValue = randomValue();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  await db().delete(signInAttempts).where(lt(signInAttempts.expiresAt, now));
  await db()
    .insert(signInAttempts)
    .values({
      id: attemptIdOf(browserValue),
      provider: code,
      state,
      nonce,
      codeVerifier,
      redirectTo,
      invitationTokenId,
      expiresAt: new Date(now.getTime() + SIGN_IN_ATTEMPT_MINUTES * 60_000),
    });
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: new URL(callbackPath(provider), baseUrl).toString(),
    scope: SCOPES[code],
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    // MitID asks every time; a login at Jobbro never rides on an old session at the provider.
    prompt: 'login',
    acr_values: acrFor(ASKED_ASSURANCE[code]),
  });
  return redirect(url.toString(), { headers: { 'Set-Cookie': attemptCookie(browserValue, SIGN_IN_ATTEMPT_MINUTES * 60) } });
}

/** Who came back from the provider, as its ID token says; never holds a CPR number (none is asked for). */
export type ProvedIdentity = {
  provider: SignInProviderCode;
  issuer: string;
  subject: string;
  assurance: AssuranceLevel | null;
  claims: Record<string, unknown>;
  idToken: string;
};

export type SignInOutcome =
  | { ok: true; identity: ProvedIdentity; redirectTo: string | null; invitationTokenId: string | null }
  | { ok: false; refusal: SignInRefusal };

function sameText(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let i = 0; i < left.length; i++) difference |= left[i]! ^ right[i]!;
  return difference === 0;
}

/**
 * Finishes a login on the callback: the attempt must belong to this browser (cookie) and match the state in
 * the URL, and is used up whatever happens next; then the code is exchanged (with the PKCE verifier) and the
 * ID token checked, nonce included. Refusals carry only a code: the caller logs it and shows the Danish page.
 */
export async function finishSignIn(code: SignInProviderCode, request: Request, { baseUrl, now = new Date() }: { baseUrl: string; now?: Date }): Promise<SignInOutcome> {
  const provider = providerByCode(code)!;
  const browserValue = readAttemptCookie(request.headers.get('Cookie'));
  if (!browserValue) return { ok: false, refusal: 'state_mismatch' };
  const [attempt] = await db().delete(signInAttempts).where(eq(signInAttempts.id, attemptIdOf(browserValue))).returning();
  const params = new URL(request.url).searchParams;
  if (!attempt || attempt.provider !== code || !sameText(params.get('state') ?? '', attempt.state)) return { ok: false, refusal: 'state_mismatch' };
  if (attempt.expiresAt < now) return { ok: false, refusal: 'expired' };
  const error = params.get('error');
  if (error) return { ok: false, refusal: error === 'access_denied' ? 'cancelled' : 'provider_error' };

  const redirectUri = new URL(callbackPath(provider), baseUrl).toString();
  const currentUrl = new URL(redirectUri);
  currentUrl.search = params.toString();
  const configuration = await configurationFor(code);
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(
      configuration,
      currentUrl,
      { pkceCodeVerifier: attempt.codeVerifier, expectedState: attempt.state, expectedNonce: attempt.nonce, idTokenExpected: true },
      { redirect_uri: redirectUri },
    );
  } catch (failure) {
    // invalid_grant: the code expired, was used before, or was issued to another client.
    if (failure instanceof oidc.ResponseBodyError && failure.error === 'invalid_grant') return { ok: false, refusal: 'expired' };
    if (failure instanceof oidc.AuthorizationResponseError) return { ok: false, refusal: failure.error === 'access_denied' ? 'cancelled' : 'provider_error' };
    console.warn(`Login via ${code} afvist: ${failure instanceof Error ? `${failure.name} ${(failure as { code?: string }).code ?? ''}` : 'ukendt fejl'}`);
    return { ok: false, refusal: 'token_invalid' };
  }
  const claims = tokens.claims();
  if (!tokens.id_token || !claims) return { ok: false, refusal: 'token_invalid' };
  return {
    ok: true,
    identity: {
      provider: code,
      issuer: claims.iss,
      subject: claims.sub,
      assurance: assuranceLevelOf(claims.acr ?? claims.loa),
      claims: { ...claims },
      idToken: tokens.id_token,
    },
    redirectTo: attempt.redirectTo,
    invitationTokenId: attempt.invitationTokenId,
  };
}

/** The cookie value that ends the attempt cookie, for every callback answer. */
export function blankAttemptCookie(): string {
  return attemptCookie('', 0);
}

/**
 * Logs the user in as `switchSessionTo` does (the same session as a password login) and keeps the ID token
 * beside the session, so "Log af" can end the session at the provider too.
 */
export async function startProviderSession(request: Request, userId: string, identity: Pick<ProvedIdentity, 'provider' | 'idToken'>, to: string): Promise<Response> {
  await endSession(request);
  const { session, setCookie } = await startSession(userId, new Date(), request.headers.get('User-Agent'));
  await db().insert(sessionSignIns).values({ sessionId: session.id, provider: identity.provider, idToken: identity.idToken });
  const headers = new Headers();
  headers.append('Set-Cookie', setCookie);
  headers.append('Set-Cookie', blankAttemptCookie());
  return redirect(to, { headers });
}

/**
 * Where "Log af" should send the browser after the local session ended: the provider's end_session endpoint
 * for a session started there (null for a password login, or a provider without one).
 */
export async function providerLogoutUrl(request: Request, baseUrl: string): Promise<string | null> {
  const token = readSessionToken(request.headers.get('Cookie'));
  if (!token) return null;
  const [signIn] = await db().select().from(sessionSignIns).where(eq(sessionSignIns.sessionId, sessionIdFromToken(token)));
  if (!signIn || !providerSettings(signIn.provider)) return null;
  try {
    const configuration = await configurationFor(signIn.provider);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return oidc
      .buildEndSessionUrl(configuration, { id_token_hint: signIn.idToken, post_logout_redirect_uri: new URL('/login', baseUrl).toString() })
      .toString();
  } catch {
    // The provider cannot be reached: the local session still ends.
    return null;
  }
}
