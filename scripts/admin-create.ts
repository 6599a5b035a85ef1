/**
 * `npm run admin:create -- --email … [--name …]`: the first administrator of a real deployment (which has no
 * demo accounts). Opens the database the server uses (DATABASE_URL, else PGlite in DATA_DIR), migrates it,
 * creates the administrator without a password and prints a one-time link, on the public origin (APP_ORIGIN's
 * first entry), where they choose it. Run again for the same address to get a new link while no password is set.
 */
import { parseArgs } from 'node:util';
import { administratorSchema, ADMINISTRATOR_LINK_HOURS, type AdministratorInput } from '../app/domain/administrator-rules';
import { AdministratorNotCreatedError, createAdministrator } from '../app/services/administrators.server';
import { configuredOrigins, publicOrigin } from '../app/services/public-origin.server';
import { closeDatabase, dataDirectory, openDatabase } from '../db/client';
import { protectDataDirectory } from '../db/data-directory';
import { migrateDatabase } from '../db/migrate';

const USAGE = 'Brug: npm run admin:create -- --email navn@kommune.dk [--name "Fornavn Efternavn"]';

function readArguments(): { ok: true; input: AdministratorInput } | { ok: false; problems: string[] } {
  let values: { email?: string; name?: string };
  try {
    ({ values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true }));
  } catch (error) {
    return { ok: false, problems: [(error as Error).message] };
  }
  const parsed = administratorSchema.safeParse({ email: values.email, name: values.name ?? 'Administrator' });
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
}

async function main() {
  const parsed = readArguments();
  if (!parsed.ok) {
    for (const problem of parsed.problems) console.error(problem);
    console.error(USAGE);
    process.exitCode = 1;
    return;
  }
  protectDataDirectory(dataDirectory());
  const handle = await openDatabase();
  try {
    await migrateDatabase(handle);
    const result = await createAdministrator(parsed.input, { baseUrl: publicOrigin() });
    console.info(
      result.outcome === 'created'
        ? `Administratoren ${result.email} er oprettet uden adgangskode.`
        : `Administratoren ${result.email} har endnu ingen adgangskode; de tidligere links virker ikke længere.`,
    );
    console.info(`Åbn linket, og vælg adgangskoden. Det virker én gang og i ${ADMINISTRATOR_LINK_HOURS} timer:\n\n  ${result.link}\n`);
    if (configuredOrigins().length === 0) {
      console.info('APP_ORIGIN er ikke sat, så linket peger på denne maskine. Sæt APP_ORIGIN til portalens offentlige adresse for et link, der virker udefra.');
    }
  } catch (error) {
    if (!(error instanceof AdministratorNotCreatedError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(`Administratoren kunne ikke oprettes: ${(error as Error).message}`);
  if (!process.env.DATABASE_URL) console.error('Kører appen på samme datamappe (PGlite)? Stop den først, eller brug DATABASE_URL.');
  process.exitCode = 1;
});
