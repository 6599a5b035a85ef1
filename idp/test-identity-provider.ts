/**
 * The try-out's and the tests' own OpenID Provider (oidc-provider, a certified implementation): a local
 * stand-in for NemLog-in's MitID and MitID Erhverv and for a municipality's single sign-on, so the whole login
 * can be tried and tested on one machine without the network. It serves three clients (one per Jobbro
 * provider) and a "MitID-simulator" page where one picks a test identity and the assurance level.
 *
 * It is started only beside the try-out (demo accounts exist, decision 018) and only for a provider that the
 * environment does not configure (server.ts), and by the tests. Never in a real deployment. Decision 034.
 */
import crypto from 'node:crypto';
import express from 'express';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { acrFor, ASSURANCE_LEVELS, callbackPath, CLAIMS, providerByCode, type AssuranceLevel, type SignInProviderCode } from '../app/domain/sign-in-rules';

export const TEST_IDP_PATH = '/test-idp';

/** A person the simulator offers; the subject is what Jobbro binds to, so the same person gets the same one. */
export type TestIdentity = {
  subject: string;
  label: string;
  claims: Record<string, unknown>;
};

export type TestIdentitySource = (provider: SignInProviderCode) => Promise<TestIdentity[]>;

export type TestIdentityProvider = {
  issuer: string;
  /** Client id and secret per Jobbro provider, to configure the app with. */
  clients: Record<SignInProviderCode, { clientId: string; clientSecret: string }>;
  /** Express middleware to mount at TEST_IDP_PATH. */
  router: express.Router;
};

const CLIENT_NAMES: Record<SignInProviderCode, string> = {
  mitid: 'MitID',
  mitid_erhverv: 'MitID Erhverv',
  staff_sso: 'kommunens login',
};

const ASSURANCE_LABELS: Record<AssuranceLevel, string> = { low: 'Lav', substantial: 'Betydelig', high: 'Høj' };

/** A subject from what a tester types, so typing the same name or e-mail again is the same person. */
export function testSubject(kind: string, typed: string): string {
  return `test:${kind}:${crypto.createHash('sha256').update(typed.trim().toLowerCase()).digest('hex').slice(0, 24)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/dkfds/css/dkfds.min.css">
<style>
  body { background: #f5f5f5; }
  main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  .simulator-badge { display: inline-block; background: #ffe08a; color: #1a1a1a; padding: 0.25rem 0.5rem; font-weight: 600; }
  .identity-card { background: #fff; border: 1px solid #bfbfbf; padding: 1rem; margin-bottom: 1rem; }
  .identity-card .button { width: 100%; margin: 0.25rem 0; }
  fieldset { border: 0; padding: 0; margin: 0; }
  input, select { max-width: 100%; }
</style>
</head>
<body>
<main id="main-content">
${body}
</main>
</body>
</html>`;
}

function assuranceSelect(id: string): string {
  const options = ASSURANCE_LEVELS.map(
    (level) => `<option value="${level}"${level === 'substantial' ? ' selected' : ''}>${ASSURANCE_LABELS[level]}</option>`,
  ).join('');
  return `<div class="form-group"><label class="form-label" for="${id}">Sikringsniveau (NSIS)</label><select class="form-select" id="${id}" name="assurance">${options}</select></div>`;
}

function textField(name: string, label: string, hint?: string): string {
  const id = `new-${name}`;
  const hintHtml = hint ? `<span class="form-hint" id="${id}-hint">${escapeHtml(hint)}</span>` : '';
  return `<div class="form-group"><label class="form-label" for="${id}">${escapeHtml(label)}</label>${hintHtml}<input class="form-input" type="text" id="${id}" name="${name}"${hint ? ` aria-describedby="${id}-hint"` : ''}></div>`;
}

/** The fields of a new test person, by what each provider's token carries. */
function newIdentityFields(provider: SignInProviderCode): string {
  if (provider === 'mitid') return textField('name', 'Navn', 'Samme navn giver samme testperson næste gang.');
  if (provider === 'mitid_erhverv') {
    return [
      textField('name', 'Navn'),
      textField('email', 'E-mail', 'Samme e-mail giver samme medarbejder næste gang.'),
      textField('cvr', 'CVR-nummer'),
      textField('organisation', 'Virksomhedens navn'),
    ].join('');
  }
  const roles = [
    ['jobbro-konsulent', 'Konsulent'],
    ['jobbro-leder', 'Leder'],
    ['jobbro-administrator', 'Administrator'],
    ['', 'Ingen Jobbro-rolle'],
  ]
    .map(([value, label]) => `<option value="${value}">${label}</option>`)
    .join('');
  return [
    textField('name', 'Navn'),
    textField('email', 'E-mail', 'Samme e-mail giver samme medarbejder næste gang.'),
    `<div class="form-group"><label class="form-label" for="new-role">Rolle i kommunens login</label><select class="form-select" id="new-role" name="role">${roles}</select></div>`,
  ].join('');
}

/** The claims of a new test person from the simulator's form. */
function newIdentity(provider: SignInProviderCode, form: Record<string, string | undefined>): TestIdentity | null {
  const name = form.name?.trim() ?? '';
  if (name === '') return null;
  if (provider === 'mitid') return { subject: testSubject('mitid', name), label: name, claims: { name } };
  const email = form.email?.trim().toLowerCase() ?? '';
  if (email === '') return null;
  if (provider === 'mitid_erhverv') {
    return {
      subject: testSubject('mitid-erhverv', email),
      label: name,
      claims: { name, email, [CLAIMS.cvr]: form.cvr?.trim() ?? '', [CLAIMS.organisationName]: form.organisation?.trim() ?? '' },
    };
  }
  return { subject: testSubject('kommune', email), label: name, claims: { name, email, [CLAIMS.staffRoles]: form.role ? [form.role] : [] } };
}

function simulatorPage(provider: SignInProviderCode, uid: string, identities: TestIdentity[], error: string | null): string {
  const action = `${TEST_IDP_PATH}/interaction/${uid}`;
  const known = identities
    .map(
      (identity, index) => `<form method="post" action="${action}" class="identity-card">
  <input type="hidden" name="identity" value="${escapeHtml(identity.subject)}">
  <h3 class="h4 mt-0">${escapeHtml(identity.label)}</h3>
  ${assuranceSelect(`assurance-${index}`)}
  <button class="button button-primary" type="submit">Log ind som ${escapeHtml(identity.label)}</button>
</form>`,
    )
    .join('\n');
  const errorHtml = error ? `<div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-text">${escapeHtml(error)}</p></div></div>` : '';
  return page(
    `${CLIENT_NAMES[provider]} · testlogin`,
    `<p class="simulator-badge">Kun til afprøvning. Ikke det rigtige ${escapeHtml(CLIENT_NAMES[provider])}</p>
<h1>Log ind med ${escapeHtml(CLIENT_NAMES[provider])}</h1>
<p class="font-lead">Jobbro beder om dit login. Vælg en testperson. Alt her er opdigtet.</p>
${errorHtml}
${identities.length > 0 ? `<h2 class="h3">Testpersoner</h2>\n${known}` : ''}
<h2 class="h3">Ny testperson</h2>
<form method="post" action="${action}" class="identity-card">
  <input type="hidden" name="identity" value="new">
  ${newIdentityFields(provider)}
  ${assuranceSelect('assurance-new')}
  <button class="button button-primary" type="submit">Log ind som ny testperson</button>
</form>
<form method="post" action="${action}">
  <input type="hidden" name="cancel" value="1">
  <button class="button button-secondary" type="submit">Afbryd og gå tilbage til Jobbro</button>
</form>`,
  );
}

type Stored = { payload: Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string; consumed?: number }; expiresAt: number };

/**
 * The provider's store, in memory: a stand-in forgets its logins at restart, which is what a tester expects.
 * Written out (not the library's default) so the try-out does not print the library's warning at every start.
 */
function memoryAdapter(entries: Map<string, Stored>) {
  return class MemoryAdapter {
    constructor(private readonly model: string) {}
    private key(id: string) {
      return `${this.model}:${id}`;
    }
    private live(key: string) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt < Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.payload;
    }
    async upsert(id: string, payload: Stored['payload'], expiresIn: number) {
      entries.set(this.key(id), { payload, expiresAt: Date.now() + expiresIn * 1000 });
    }
    async find(id: string) {
      return this.live(this.key(id));
    }
    async findByUid(uid: string) {
      for (const [key, entry] of entries) if (key.startsWith(`${this.model}:`) && entry.payload.uid === uid) return this.live(key);
      return undefined;
    }
    async findByUserCode(userCode: string) {
      for (const [key, entry] of entries) if (key.startsWith(`${this.model}:`) && entry.payload.userCode === userCode) return this.live(key);
      return undefined;
    }
    async consume(id: string) {
      const payload = this.live(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      entries.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [key, entry] of entries) if (entry.payload.grantId === grantId) entries.delete(key);
    }
  };
}

/**
 * Creates the provider at `issuer` (which must end in TEST_IDP_PATH, where the router is mounted) for a Jobbro
 * at `appOrigin`. `identities` lists the ready-made test people (the try-out's demo users).
 */
export function createTestIdentityProvider({ issuer, appOrigin, identities }: { issuer: string; appOrigin: string; identities: TestIdentitySource }): TestIdentityProvider {
  const codes: SignInProviderCode[] = ['mitid', 'mitid_erhverv', 'staff_sso'];
  const clients = Object.fromEntries(
    codes.map((code) => [code, { clientId: `jobbro-${providerByCode(code)!.slug}`, clientSecret: crypto.randomBytes(24).toString('base64url') }]),
  ) as TestIdentityProvider['clients'];
  const codeOfClient = (clientId: string | undefined) => codes.find((code) => clients[code].clientId === clientId) ?? null;
  /** Who logged in, by subject: the provider asks findAccount for their claims when it issues the ID token. */
  const accounts = new Map<string, Record<string, unknown>>();

  const signingKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const configuration: Configuration = {
    adapter: memoryAdapter(new Map()),
    clients: codes.map((code) => ({
      client_id: clients[code].clientId,
      client_secret: clients[code].clientSecret,
      client_name: CLIENT_NAMES[code],
      redirect_uris: [new URL(callbackPath(providerByCode(code)!), appOrigin).toString()],
      post_logout_redirect_uris: [new URL('/login', appOrigin).toString()],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    jwks: { keys: [{ ...signingKey, kid: 'test-idp', use: 'sig', alg: 'RS256' } as never] },
    cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    // Short lives, as a login takes minutes; set, so the provider does not warn about its defaults.
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    acrValues: ASSURANCE_LEVELS.map(acrFor),
    claims: { openid: ['sub'], profile: ['name', CLAIMS.cvr, CLAIMS.organisationName, CLAIMS.staffRoles], email: ['email'] },
    // NemLog-in puts the attributes in the ID token; so does the stand-in.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.body = page(
            'Log af · testlogin',
            `<p class="simulator-badge">Kun til afprøvning</p><h1>Log af testlogin</h1><p>Du er logget af Jobbro. Log også af testlogin?</p>${form}<button class="button button-primary" type="submit" form="op.logoutForm" name="logout" value="yes">Log af</button>`,
          );
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          ctx.body = page('Logget af · testlogin', '<h1>Du er logget af</h1>');
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${TEST_IDP_PATH}/interaction/${interaction.uid}` },
    findAccount: async (_ctx, subject) => {
      const claims = accounts.get(subject);
      if (!claims) return undefined;
      return { accountId: subject, claims: async () => ({ sub: subject, ...claims }) };
    },
    // Every client here is Jobbro: what it asks for is granted without a consent page.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope('openid profile email');
      grant.addOIDCClaims(['name', 'email', CLAIMS.cvr, CLAIMS.organisationName, CLAIMS.staffRoles]);
      await grant.save();
      return grant;
    },
    renderError: async (ctx, _out, error) => {
      ctx.type = 'html';
      ctx.body = page('Fejl · testlogin', `<h1>Testlogin kunne ikke fortsætte</h1><p>${escapeHtml(error.message)}</p>`);
    },
  };
  const provider = new Provider(issuer, configuration);
  // Dates and keys are the provider's; its warnings about development defaults do not apply to a stand-in.
  provider.on('server_error', (_ctx, error) => console.error(`Testlogin: ${error.message}`));

  const router = express.Router();
  router.get('/interaction/:uid', async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const code = codeOfClient(details.params.client_id as string | undefined);
      if (!code) return void res.status(400).send('Ukendt klient');
      res.set('Cache-Control', 'no-store').type('html').send(simulatorPage(code, details.uid, await identities(code), null));
    } catch (error) {
      next(error);
    }
  });
  router.post('/interaction/:uid', express.urlencoded({ extended: false }), async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const code = codeOfClient(details.params.client_id as string | undefined);
      if (!code) return void res.status(400).send('Ukendt klient');
      const form = req.body as Record<string, string | undefined>;
      if (form.cancel) {
        await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'Brugeren afbrød login' }, { mergeWithLastSubmission: false });
        return;
      }
      const known = await identities(code);
      const identity = form.identity === 'new' ? newIdentity(code, form) : (known.find((candidate) => candidate.subject === form.identity) ?? null);
      if (!identity) {
        res.status(400).type('html').send(simulatorPage(code, details.uid, known, 'Udfyld felterne for den nye testperson, eller vælg en af testpersonerne.'));
        return;
      }
      const assurance = (ASSURANCE_LEVELS as readonly string[]).includes(form.assurance ?? '') ? (form.assurance as AssuranceLevel) : 'substantial';
      accounts.set(identity.subject, identity.claims);
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: identity.subject, acr: acrFor(assurance), amr: ['mitid'], remember: false } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      next(error);
    }
  });
  router.use(provider.callback());
  return { issuer, clients, router };
}
