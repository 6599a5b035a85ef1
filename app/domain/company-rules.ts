import { z } from 'zod';
import { cvrProblem, normalizeCvr } from './cvr';
import { emailAddress, nameText, phoneNumber, plainText } from './text-rules';

/** How long a company's sign-up link and a colleague's invitation work. */
export const COMPANY_SIGNUP_DAYS = 2;
export const COLLEAGUE_INVITATION_DAYS = 7;

type CompanyContext = { postcodeExists: (postcode: string) => boolean };

export function companyProfileSchema({ postcodeExists }: CompanyContext) {
  return z.object({
    cvr: z
      .string({ error: 'Skriv virksomhedens CVR-nummer.' })
      .transform(normalizeCvr)
      .superRefine((cvr, context) => {
        const problem = cvrProblem(cvr);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      }),
    name: nameText({ field: 'Navnet', missing: 'Skriv virksomhedens navn.', min: 2, max: 160 }),
    address: plainText({ field: 'Adressen', missing: 'Skriv virksomhedens adresse.', min: 3, max: 200 }),
    postcode: z
      .string()
      .trim()
      .regex(/^\d{4}$/, 'Skriv et postnummer med 4 cifre.')
      .refine(postcodeExists, 'Postnummeret findes ikke. Tjek, at det er skrevet rigtigt.'),
    industry: plainText({ field: 'Branchen', missing: 'Skriv virksomhedens branche, fx rengøring eller detailhandel.', min: 2, max: 120 }),
    ordinaryEmployees: z.coerce
      .number({ error: 'Skriv antallet af ansatte som et tal.' })
      .int('Skriv antallet af ansatte som et helt tal.')
      .min(0, 'Antallet af ansatte kan ikke være negativt.')
      .max(100_000, 'Antallet af ansatte er for stort.'),
    phone: phoneNumber,
    email: emailAddress,
  });
}

/** A person's name at a company: it goes into the mails that person's invitations send. */
export const companyPersonName = nameText({ field: 'Dit navn', missing: 'Skriv dit navn.', min: 2, max: 120 });

/**
 * What a company's sign-up asks for. No password: the person chooses it after opening the link mailed to
 * their address, so nothing is created for an address nobody has confirmed.
 */
export function companySignupSchema(context: CompanyContext) {
  return companyProfileSchema(context).extend({
    userName: companyPersonName,
    userEmail: emailAddress,
  });
}

export type CompanyProfileInput = z.output<ReturnType<typeof companyProfileSchema>>;
export type CompanySignupInput = z.output<ReturnType<typeof companySignupSchema>>;
