import { z } from 'zod';
import { emailAddress, plainText } from './text-rules';

/** How long a new consultant's link to choose a password works, as long as a citizen's invitation. */
export const CONSULTANT_INVITATION_DAYS = 7;

/** What an administrator types to create a jobcentre. */
export const jobcentreSchema = z.object({
  name: plainText({ field: 'Navnet', missing: 'Skriv jobcentrets navn, fx Jobcenter Aarhus.', min: 2, max: 160 }),
  municipality: plainText({ field: 'Kommunen', missing: 'Skriv den kommune, jobcentret hører til, fx Aarhus.', min: 2, max: 120 }),
});

/** What an administrator types to add a consultant to a jobcentre; the consultant chooses the password. */
export const consultantSchema = z.object({
  name: plainText({ field: 'Navnet', missing: 'Skriv konsulentens navn.', min: 2, max: 120 }),
  email: emailAddress,
});

/** The buttons in a consultant's row: send a new first link, or deactivate (after the confirmation). */
export const consultantActionSchema = z.object({
  intent: z.enum(['resend', 'deactivate']),
  consultantId: z.string().min(1).max(100),
});

export type JobcentreInput = z.output<typeof jobcentreSchema>;
export type ConsultantInput = z.output<typeof consultantSchema>;

/**
 * The municipality as a name ("Aarhus Kommune"), whether it was typed as the form asks ("Aarhus") or in full
 * ("Aarhus Kommune", as the demo data has it; "Bornholms Regionskommune"): never "Aarhus Kommune Kommune".
 */
export function municipalityName(municipality: string): string {
  const trimmed = municipality.trim();
  return /kommune$/i.test(trimmed) ? trimmed : `${trimmed} Kommune`;
}
