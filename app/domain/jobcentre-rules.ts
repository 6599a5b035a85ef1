import { z } from 'zod';
import { emailAddress, plainText } from './text-rules';

/** How long a new consultant's link to choose a password works, as long as a citizen's invitation. */
export const CONSULTANT_INVITATION_DAYS = 7;

/** What an administrator types to create a jobcentre. */
export const jobcentreSchema = z.object({
  name: plainText({ field: 'Navnet', missing: 'Skriv jobcentrets navn, fx Jobcenter Aarhus.', min: 2, max: 160 }),
  municipality: plainText({ field: 'Kommunen', missing: 'Skriv den kommune, jobcentret hører til, fx Aarhus.', min: 2, max: 120 }),
});

/**
 * The roles of a jobcentre's staff, both created by the administrator under one jobcentre by the same first
 * link: company consultants, and leaders (jobcenterledere) who see the jobcentre's figures.
 */
export const STAFF_ROLES = ['consultant', 'leader'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What an administrator types to add a consultant or a leader to a jobcentre; they choose the password. */
export const consultantSchema = z.object({
  name: plainText({ field: 'Navnet', missing: 'Skriv medarbejderens navn.', min: 2, max: 120 }),
  email: emailAddress,
  // A form without the choice (older pages, scripts) adds a consultant, as before the leader role existed.
  role: z.enum(STAFF_ROLES, { message: 'Vælg, om medarbejderen er konsulent eller jobcenterleder.' }).default('consultant'),
});

/** The buttons in a consultant's row: send a new first link, or deactivate (after the confirmation). */
export const consultantActionSchema = z.object({
  intent: z.enum(['resend', 'deactivate']),
  consultantId: z.string().min(1).max(100),
});

export type JobcentreInput = z.output<typeof jobcentreSchema>;
/** A staff member to add; without a role, a consultant. */
export type ConsultantInput = Omit<z.output<typeof consultantSchema>, 'role'> & { role?: StaffRole };

/**
 * The municipality as a name ("Aarhus Kommune"), whether it was typed as the form asks ("Aarhus") or in full
 * ("Aarhus Kommune", as the demo data has it; "Bornholms Regionskommune"): never "Aarhus Kommune Kommune".
 */
export function municipalityName(municipality: string): string {
  const trimmed = municipality.trim();
  return /kommune$/i.test(trimmed) ? trimmed : `${trimmed} Kommune`;
}
