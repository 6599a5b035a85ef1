/**
 * Logging in through an identity provider (OpenID Connect): MitID for citizens, MitID Erhverv for companies
 * (both through NemLog-in) and the municipality's own single sign-on for staff. The pure rules: which provider
 * serves whom, the assurance level each role needs, what the claims mean, and the refusals a person can meet.
 * Decision 034.
 */
import type { Role } from './vocabulary';

/** A provider by what it is for; the slug is the URL (/login/<slug>) and the key of its configuration. */
export const SIGN_IN_PROVIDERS = [
  { code: 'mitid', slug: 'mitid', audience: 'citizen', envPrefix: 'OIDC_MITID' },
  { code: 'mitid_erhverv', slug: 'mitid-erhverv', audience: 'company', envPrefix: 'OIDC_MITID_ERHVERV' },
  { code: 'staff_sso', slug: 'kommune', audience: 'staff', envPrefix: 'OIDC_STAFF' },
] as const;

export type SignInProviderCode = (typeof SIGN_IN_PROVIDERS)[number]['code'];
export type SignInProvider = (typeof SIGN_IN_PROVIDERS)[number];

export function providerBySlug(slug: string | undefined): SignInProvider | null {
  return SIGN_IN_PROVIDERS.find((provider) => provider.slug === slug) ?? null;
}

export function providerByCode(code: string): SignInProvider | null {
  return SIGN_IN_PROVIDERS.find((provider) => provider.code === code) ?? null;
}

/** The redirect URI a provider sends the browser back to; registered with NemLog-in or the municipality. */
export function callbackPath(provider: SignInProvider): string {
  return `/login/${provider.slug}/svar`;
}

/**
 * NSIS assurance levels (sikringsniveau) in rising order, as NemLog-in reports them in `acr`
 * (https://data.gov.dk/concept/core/nsis/loa/Substantial) and its older profile in `loa` ("Substantial").
 */
export const ASSURANCE_LEVELS = ['low', 'substantial', 'high'] as const;
export type AssuranceLevel = (typeof ASSURANCE_LEVELS)[number];

const NSIS_NAMES: Record<string, AssuranceLevel> = { low: 'low', substantial: 'substantial', high: 'high' };
export const NSIS_ACR_PREFIX = 'https://data.gov.dk/concept/core/nsis/loa/';

/** The `acr` value that names a level, as the embedded test provider and NemLog-in send it. */
export function acrFor(level: AssuranceLevel): string {
  return `${NSIS_ACR_PREFIX}${level[0]!.toUpperCase()}${level.slice(1)}`;
}

/** The level a token reports, or null when it reports none we know (then the login is refused). */
export function assuranceLevelOf(acr: unknown): AssuranceLevel | null {
  if (typeof acr !== 'string') return null;
  const name = acr.startsWith(NSIS_ACR_PREFIX) ? acr.slice(NSIS_ACR_PREFIX.length) : acr;
  return NSIS_NAMES[name.toLowerCase()] ?? null;
}

/**
 * "Betydelig" for everyone who reads health-related data: the citizen (their own), consultants, and
 * administrators (who can make themselves consultants). A jobcentre's leader sees figures, never a citizen,
 * but is staff who grants the company mark and sets the jobcentre's goals: "betydelig" as the other staff.
 * A company never sees health data: "lav" will do.
 */
const REQUIRED_ASSURANCE: Record<Role, AssuranceLevel> = {
  citizen: 'substantial',
  consultant: 'substantial',
  admin: 'substantial',
  leader: 'substantial',
  company: 'low',
};

export function requiredAssurance(role: Role): AssuranceLevel {
  return REQUIRED_ASSURANCE[role];
}

export function meetsAssurance(reported: AssuranceLevel | null, role: Role): boolean {
  if (!reported) return false;
  return ASSURANCE_LEVELS.indexOf(reported) >= ASSURANCE_LEVELS.indexOf(requiredAssurance(role));
}

/** The claims Jobbro reads, by the names NemLog-in's OIDC profile gives them (OIOSAML 3 attribute names). */
export const CLAIMS = {
  cvr: 'https://data.gov.dk/model/core/eid/professional/cvr',
  organisationName: 'https://data.gov.dk/model/core/eid/professional/orgName',
  /** The municipal provider's roles (Entra ID's app roles are `roles`; a group claim is configured the same way). */
  staffRoles: 'roles',
} as const;

/**
 * What a staff member's role claim means in Jobbro. The municipality's identity provider decides: the role is
 * set again from the claim at every login.
 * TODO(leader role, parallel branch): map 'jobbro-leder' → 'leader' once that role exists; until then a
 * leader claim alone is not a role Jobbro knows and the login is refused with `unknown_role`.
 */
export type SsoStaffRole = Extract<Role, 'consultant' | 'leader' | 'admin'>;

export const STAFF_ROLE_CLAIM_VALUES: Record<string, SsoStaffRole> = {
  'jobbro-konsulent': 'consultant',
  'jobbro-leder': 'leader',
  'jobbro-administrator': 'admin',
};

/**
 * One Jobbro role from the claim's values, or null: the administrator first, then the consultant (who works
 * with the citizens), then the leader. Someone both leader and consultant works the cases here.
 */
export function staffRoleFromClaim(claim: unknown): SsoStaffRole | null {
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  const roles = values.flatMap((value) => (typeof value === 'string' && STAFF_ROLE_CLAIM_VALUES[value] ? [STAFF_ROLE_CLAIM_VALUES[value]] : []));
  if (roles.includes('admin')) return 'admin';
  if (roles.includes('consultant')) return 'consultant';
  if (roles.includes('leader')) return 'leader';
  return null;
}

/** A CVR number as MitID Erhverv sends it: eight digits (also when sent as a number). */
export function cvrFromClaim(claim: unknown): string | null {
  const value = typeof claim === 'number' ? String(claim) : claim;
  return typeof value === 'string' && /^\d{8}$/.test(value.trim()) ? value.trim() : null;
}

/**
 * Why a login through a provider was refused. Each has a Danish page (app/i18n/da.ts `signIn.refusals`) and
 * is logged by its code only, never with the person's data.
 */
export const SIGN_IN_REFUSALS = [
  'cancelled',
  'provider_error',
  'state_mismatch',
  'expired',
  'token_invalid',
  'assurance_too_low',
  'unknown_citizen',
  'invitation_used',
  'identity_taken',
  'access_removed',
  'company_missing_cvr',
  'company_mismatch',
  'email_missing',
  'email_has_user',
  'unknown_role',
  'unknown_jobcentre',
] as const;
export type SignInRefusal = (typeof SIGN_IN_REFUSALS)[number];

export function isSignInRefusal(value: unknown): value is SignInRefusal {
  return typeof value === 'string' && (SIGN_IN_REFUSALS as readonly string[]).includes(value);
}

/**
 * The subject the embedded test provider gives a demo user of the try-out (and the seed binds demo citizens
 * to): never a real person's.
 */
export function demoSubject(email: string): string {
  return `demo:${email}`;
}

/** How long a started login may take at the provider before its state is thrown away. */
export const SIGN_IN_ATTEMPT_MINUTES = 10;
/** How long a company has to finish its sign-up after MitID Erhverv told us who it is. */
export const COMPANY_SIGN_UP_MINUTES = 30;
