import { z } from 'zod';
import { emailAddress, plainText } from './text-rules';

/**
 * How long the first administrator's link to choose a password works. The operator runs the command and
 * passes the link on at once; running it again makes a new one.
 */
export const ADMINISTRATOR_LINK_HOURS = 24;

/** What `npm run admin:create -- --email … [--name …]` takes; the administrator chooses the password. */
export const administratorSchema = z.object({
  name: plainText({ field: 'Navnet', missing: 'Skriv administratorens navn med --name.', min: 2, max: 120 }),
  email: emailAddress,
});

export type AdministratorInput = z.output<typeof administratorSchema>;
