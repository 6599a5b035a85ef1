/**
 * The process: keep the data folder private, open and migrate the database, seed the try-out's, start (or
 * reach) Meilisearch, start the outbox drain, the daily retention (anonymising old closed cases) and the
 * scheduled notifications (follow-ups tomorrow, last month's hours, the daily digest), and
 * serve Remix behind security headers, a Host check and an Origin check. `npm start` runs this after
 * building; `npm run dev` runs it with Vite's dev middleware.
 */
// First: the route matching every page does, remembered (decision 036), before anything loads Remix.
import './app/install-router-patch.server';
import crypto from 'node:crypto';
import path from 'node:path';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import helmet from 'helmet';
import {
  HOST_REJECTED_MESSAGE,
  isAllowedHost,
  isApiPath,
  isLocalDirectRequest,
  isSameOriginRequest,
  ORIGIN_REJECTED_MESSAGE,
  routedPath,
} from './app/auth/origin.server';
import { mustNotBeStored, PERMISSIONS_POLICY, strictTransportSecurity } from './app/auth/security-headers.server';
import { readSessionToken } from './app/auth/session.server';
import { trustProxySetting } from './app/auth/trust-proxy.server';
import { realProviderConfigured, signInProviderOrigins, registerEmbeddedSignInProviders, type ProviderSettings } from './app/auth/sign-in-providers.server';
import { SIGN_IN_PROVIDERS, type SignInProviderCode } from './app/domain/sign-in-rules';
import { demoIdentities } from './app/services/demo-identities.server';
import { allowedOrigins, publicOrigin } from './app/services/public-origin.server';
import { JOBCENTRES } from './db/seed-data/organisations';
import { createTestIdentityProvider, TEST_IDP_PATH, type TestIdentityProvider } from './idp/test-identity-provider';
import { closeDatabase, createDatabase, dataDirectory, db, openDatabase } from './db/client';
import { protectDataDirectory } from './db/data-directory';
import { migrateDatabase } from './db/migrate';
import { DEMO_PASSWORD, demoDataWanted, demoLogins, seedDemoData, type DemoLogin } from './db/seed';
import { configureSearch, searchClient, searchIndexNames } from './search/client';
import { superviseEmbeddedMeilisearch, type SupervisedMeilisearch } from './search/supervisor';
import { ensureIndexes } from './search/indexes';
import { reindexIfDocumentsChanged } from './search/reindex';
import { startOutboxWorker } from './search/outbox';
import { hasActiveAdministrator } from './app/services/administrators.server';
import { refreshDemoAccounts } from './app/services/demo.server';
import { startMailWorker } from './app/services/mail.server';
import { startNotificationWorker } from './app/services/notifications.server';
import { startSocialMarkWorker } from './app/services/social-marks.server';
import { startRetentionWorker } from './app/services/retention.server';
import { answerUnexpectedError, createRequestHandler } from './app/request-handler.server';
import { logUnexpectedError } from './app/error-log.server';
import { createLoadShedder } from './app/load-shedding.server';
import { HTTP_TIMEOUTS } from './app/domain/reliability';

const DEV = process.argv.includes('--dev');
const PORT = Number(process.env.PORT ?? 3000);
/** How many proxies (or which) stand in front; req.ip is then the address the last trusted one saw. */
const TRUST_PROXY = trustProxySetting(process.env.TRUST_PROXY);
const BUILD_DIR = process.env.JOBBRO_BUILD_DIR ?? 'build';
const ALLOWED_ORIGINS = allowedOrigins();

type Stoppable = { stop: () => Promise<void> | void };

/** A migration may run longer than a page's statement time-out: on PostgreSQL it gets a connection of its own. */
async function migrateWithoutStatementTimeout(handle: Awaited<ReturnType<typeof openDatabase>>) {
  if (handle.kind !== 'postgres' || !process.env.DATABASE_URL) return migrateDatabase(handle);
  const maintenance = await createDatabase({ url: process.env.DATABASE_URL, timeouts: 'maintenance' });
  try {
    await migrateDatabase(maintenance);
  } finally {
    await maintenance.close();
  }
}

/**
 * Opens and migrates the database; seeds the demo data only for the try-out (demoDataWanted: the embedded
 * PGlite, or JOBBRO_DEMO=1). Returns the demo logins to print, which are none unless demo accounts exist.
 */
async function startDatabase(): Promise<{ demoLogins: DemoLogin[] }> {
  const handle = await openDatabase();
  await migrateWithoutStatementTimeout(handle);
  const seed = demoDataWanted() ? await seedDemoData(handle.db, { today: new Date() }) : null;
  const demo = await refreshDemoAccounts(handle.db);
  const where = handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite i ${path.join(dataDirectory(), 'pglite')}`;
  console.info(`Database: ${where}${seed?.seeded ? ', demodata indlæst' : ''}`);
  if (!demo && !(await hasActiveAdministrator(handle.db))) {
    console.info('Der er ingen administrator endnu. Opret den første: npm run admin:create -- --email navn@kommune.dk');
  }
  return { demoLogins: demo ? demoLogins() : [] };
}

/**
 * Meilisearch is optional for start-up: without it the app serves, /healthz says so, and the outbox waits.
 * The embedded one is supervised: restarted when it dies, and the outbox drained as soon as it is back.
 */
async function startSearch(): Promise<Stoppable | null> {
  let embedded: SupervisedMeilisearch | null = null;
  let worker: ReturnType<typeof startOutboxWorker> | null = null;
  try {
    if (process.env.MEILI_URL) {
      configureSearch({ host: process.env.MEILI_URL, apiKey: process.env.MEILI_MASTER_KEY ?? '' });
      console.info(`Meilisearch: ${process.env.MEILI_URL}`);
    } else {
      embedded = await superviseEmbeddedMeilisearch({ dataDir: dataDirectory(), onRestarted: () => void worker?.retryNow() });
      const running = embedded.current()!;
      configureSearch({ host: running.url, apiKey: running.masterKey });
      console.info(`Meilisearch: indbygget på ${running.url}`);
    }
    await ensureIndexes(searchClient(), searchIndexNames());
    const rebuilt = await reindexIfDocumentsChanged({ db: db(), client: searchClient(), indexNames: searchIndexNames() });
    if (rebuilt) console.info(`Meilisearch: indeksene er bygget på ny (${rebuilt.openings} jobopslag, ${rebuilt.citizens} borgere)`);
  } catch (error) {
    console.error(`Meilisearch kunne ikke startes: ${(error as Error).message}`);
    console.error('Portalen kører videre uden søgning; ændringer venter i udbakken, til søgningen er tilbage.');
  }
  worker = startOutboxWorker({});
  const outbox = worker;
  const mailWorker = startMailWorker({ db });
  if (process.env.SMTP_URL) console.info('Mail: sendes via SMTP_URL');
  return {
    stop: async () => {
      await outbox.stop();
      await mailWorker.stop();
      await embedded?.stop();
    },
  };
}

function securityHeaders(): express.RequestHandler[] {
  const nonce: express.RequestHandler = (_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString('base64');
    next();
  };
  const headers = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: DEV ? ["'self'", 'ws:'] : ["'self'"],
        // A login or a logout at MitID or the municipality is a form post answered with a redirect there.
        formAction: ["'self'", ...signInProviderOrigins()],
        // The one framing rule; X-Frame-Options is left out, as a second header could only disagree with it.
        frameAncestors: ["'none'"],
        // The portal runs on plain http on localhost; upgrading would break it there.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: false,
    // Sent below, and only over https.
    strictTransportSecurity: false,
  });
  const more: express.RequestHandler = (req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    const hsts = strictTransportSecurity({ secure: req.secure });
    if (hsts) res.setHeader('Strict-Transport-Security', hsts);
    next();
  };
  return [nonce, headers, more];
}

/**
 * Refuses a request addressed to a name that is not Jobbro's own (see isAllowedHost), before any route runs.
 * /healthz answers whatever the Host: a load balancer's probe names the instance's own address, and the public
 * answer is only "ok".
 */
const hostCheck: express.RequestHandler = (req, res, next) => {
  if (routedPath(req.originalUrl) === '/healthz' || isAllowedHost(req.get('host'), ALLOWED_ORIGINS)) return next();
  res.status(400).type('text/plain; charset=utf-8').send(HOST_REJECTED_MESSAGE);
};

/** Refuses state-changing requests from other sites (CSRF); API calls authenticate by token, not by cookie. */
const originCheck: express.RequestHandler = (req, res, next) => {
  const allowed = isSameOriginRequest({
    method: req.method,
    origin: req.get('origin') ?? null,
    allowedOrigins: ALLOWED_ORIGINS,
    isApiCall: isApiPath(req.originalUrl),
  });
  if (allowed) return next();
  res.status(403).type('text/plain; charset=utf-8').send(ORIGIN_REJECTED_MESSAGE);
};

/**
 * A signed-in person's pages hold personal data, health notes among them. No browser or proxy may keep them,
 * so Back after "Log af" on a shared computer asks the server again (and gets the login page). Nor may they
 * keep the pages a one-time link opens or an API answer (mustNotBeStored), whoever asks.
 */
const noStore: express.RequestHandler = (req, res, next) => {
  if (readSessionToken(req.get('cookie') ?? null)) res.setHeader('Cache-Control', 'private, no-store');
  else if (mustNotBeStored(req.originalUrl)) res.setHeader('Cache-Control', 'no-store');
  next();
};

/**
 * The try-out's embedded test identity provider (decision 034): started only while demo accounts exist (the
 * try-out's state, decision 018) and only for the providers the environment leaves unset, at
 * APP_ORIGIN/test-idp on the app's own port. Its staff login serves the demo's Jobcenter Aarhus.
 */
function startTestIdentityProvider(demo: boolean): TestIdentityProvider | null {
  const embedded = SIGN_IN_PROVIDERS.map((provider) => provider.code).filter((code) => !realProviderConfigured(code));
  if (!demo || embedded.length === 0) {
    registerEmbeddedSignInProviders(null);
    return null;
  }
  const staffJobcentre = JOBCENTRES.aarhus.name;
  const provider = createTestIdentityProvider({
    issuer: `${publicOrigin()}${TEST_IDP_PATH}`,
    appOrigin: publicOrigin(),
    identities: (code) => demoIdentities(code, { staffJobcentre }),
  });
  const settings: Partial<Record<SignInProviderCode, ProviderSettings>> = {};
  for (const code of embedded) {
    settings[code] = { issuer: provider.issuer, ...provider.clients[code], embedded: true, jobcentreName: code === 'staff_sso' ? staffJobcentre : null };
  }
  registerEmbeddedSignInProviders(settings);
  console.info(`Testlogin (MitID-simulator): ${provider.issuer} for ${embedded.join(', ')}; kun i afprøvningen`);
  return provider;
}

/**
 * Static files all have an extension (`.css`, `.svg`); a page's path has none. Without this, every page
 * asked the disk twice whether it was a file (a failed stat each, ~0.4 ms of CPU per page under load).
 */
function filesOnly(serveStatic: express.RequestHandler): express.RequestHandler {
  return (req, res, next) => (path.extname(req.path) === '' ? next() : serveStatic(req, res, next));
}

async function createApp(shedder: ReturnType<typeof createLoadShedder>, testIdentityProvider: TestIdentityProvider | null) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', TRUST_PROXY);
  app.use(compression());
  // Remix flushes the compressor after every chunk React writes (a dozen per page), each flush a deflate
  // block of its own: about a millisecond of CPU per page and a larger answer (bench/RESULTS.md). No page
  // streams deferred data, so each answer is compressed whole and sent when it ends.
  app.use((_req, res, next) => {
    res.flush = () => {};
    next();
  });
  app.use(...securityHeaders());
  app.use(hostCheck);
  // Before the Origin check: the provider's token endpoint is called server to server, without an Origin.
  if (testIdentityProvider) app.use(TEST_IDP_PATH, testIdentityProvider.router);
  app.use(originCheck);
  app.use('/dkfds', express.static(path.resolve('node_modules/dkfds/dist'), { maxAge: '1d' }));

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (DEV) {
    const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }));
    app.use(vite.middlewares);
    build = () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
  } else {
    app.use('/assets', express.static(path.join(BUILD_DIR, 'client/assets'), { immutable: true, maxAge: '1y' }));
    app.use(filesOnly(express.static(path.join(BUILD_DIR, 'client'), { maxAge: '1h' })));
    const serverBuildPath = path.resolve(BUILD_DIR, 'server/index.js');
    build = (await import(serverBuildPath)) as ServerBuild;
  }
  app.use(filesOnly(express.static('public', { maxAge: '1h' })));
  app.use(noStore);
  // Static files above are cheap and never shed; pages and the API are bounded here (app/load-shedding.server.ts).
  app.use(shedder.middleware);
  // Reads each body before Remix does, up to a limit (413), and only forms for the pages (415).
  app.all(
    '*',
    createRequestHandler({
      build,
      mode: DEV ? 'development' : 'production',
      getLoadContext: (req, res) => ({
        clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        cspNonce: res.locals.cspNonce,
        localDirectRequest: isLocalDirectRequest({ remoteAddress: req.socket.remoteAddress, headers: req.headers }),
      }),
    }),
  );
  app.use(answerUnexpectedError);
  return app;
}

async function main() {
  // A stray rejection is logged (without data, by id), not the end of the process for every user:
  // postgres.js can leave a connection's ECONNRESET unhandled when PostgreSQL restarts mid-transaction (decision 035).
  process.on('unhandledRejection', (reason) => logUnexpectedError(reason, 'unhandled rejection'));
  const tightened = protectDataDirectory(dataDirectory());
  if (tightened > 0) console.info(`Datamappen: adgangen til ${tightened} filer og mapper er rettet, så kun ejeren kan læse dem`);
  const { demoLogins: logins } = await startDatabase();
  const search = await startSearch();
  const retention = startRetentionWorker();
  const scheduledNotifications = startNotificationWorker();
  const socialMarks = startSocialMarkWorker();
  const shedder = createLoadShedder();
  const app = await createApp(shedder, startTestIdentityProvider(logins.length > 0));
  const server = app.listen(PORT, () => {
    console.info(`\nJobbro kører på http://localhost:${PORT}`);
    if (logins.length === 0) return;
    console.info(`Demo-logins til afprøvning (adgangskode: ${DEMO_PASSWORD}):`);
    for (const login of logins) console.info(`  ${login.email.padEnd(32)} ${login.role}`);
  });
  // A slow client may not hold a connection for Node's default 300 s (decision 028).
  server.headersTimeout = HTTP_TIMEOUTS.headersMs;
  server.requestTimeout = HTTP_TIMEOUTS.requestMs;
  server.keepAliveTimeout = HTTP_TIMEOUTS.keepAliveMs;

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    shedder.stop();
    await retention.stop();
    await scheduledNotifications.stop();
    await socialMarks.stop();
    await search?.stop();
    await closeDatabase();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
