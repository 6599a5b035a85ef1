/** Companies: self sign-up with a first user, creation by a consultant (jobordre), profile, colleagues. */
import { and, count, eq, ilike, inArray, isNull, like, or } from 'drizzle-orm';
import { offsetOf, pageOf, PICKER_MATCHES } from '../domain/pagination';
import { db, type Executor } from '../../db/client';
import { companies, oneTimeTokens, users } from '../../db/schema';
import { createOneTimeToken, findUsableToken, useToken } from '../auth/one-time-tokens.server';
import { hashPassword } from '../auth/password.server';
import { COLLEAGUE_INVITATION_DAYS, COMPANY_SIGNUP_DAYS, companySignupSchema, type CompanyProfileInput, type CompanySignupInput } from '../domain/company-rules';
import { RATE_LIMITS } from '../domain/rate-limit-rules';
import { nameForMail } from '../domain/text-rules';
import { normaliseEmail } from './accounts.server';
import type { Actor } from './actor';
import { FieldRefusedError, ForbiddenError, NotFoundError } from './errors.server';
import { consultantJobcentre } from './object-access.server';
import { sendMail } from './mail.server';
import { isUuid } from './object-access.server';
import { findPostcode } from './postcodes.server';
import { clientKey, takeAllowance } from './rate-limits.server';
import { likePattern } from './sql-filters.server';

/** A clash with an existing row, reported at the field the person can fix. */
export class DuplicateError extends FieldRefusedError {
  constructor(field: string, message: string) {
    super(message, field);
    this.name = 'DuplicateError';
  }
}

/**
 * Told to the one who typed the CVR, with what to do next: a consultant finds the company in the list (it is
 * their own jobcentre's portal); a company is told where the jobcentre's phone and e-mail are (/kontakt).
 */
const DUPLICATE_CVR_FOR_CONSULTANT = (name: string) =>
  `Virksomheden ${name} har allerede dette CVR-nummer i Jobbro. Find den under Virksomheder i menuen.`;
const DUPLICATE_CVR_FOR_COMPANY =
  'Der findes allerede en anden virksomhed med dette CVR-nummer i Jobbro. Tjek nummeret. Er det jeres, så ring eller skriv til jobcentret. Telefon og e-mail står på siden Kontakt nederst på siden.';

function profileColumns(input: CompanyProfileInput) {
  return {
    cvr: input.cvr,
    name: input.name,
    address: input.address,
    postcode: input.postcode,
    city: findPostcode(input.postcode)?.city ?? '',
    industry: input.industry,
    ordinaryEmployees: input.ordinaryEmployees,
    phone: input.phone,
    email: input.email,
  };
}

/** For staff and a company's own profile: they may know which companies are in Jobbro. */
async function assertCvrFree(actor: Actor, cvr: string, exceptCompanyId?: string) {
  const clash = await companyWithCvr(db(), cvr);
  if (!clash || clash.id === exceptCompanyId) return;
  throw new DuplicateError('cvr', actor.role === 'company' ? DUPLICATE_CVR_FOR_COMPANY : DUPLICATE_CVR_FOR_CONSULTANT(clash.name));
}

/** What waits in the sign-up link until it is opened (one_time_tokens.payload); the address is the token's. */
const pendingSignupSchema = companySignupSchema({ postcodeExists: (code) => findPostcode(code) !== undefined }).omit({ userEmail: true });

/** The mails of sign-ups and invitations carry nothing anyone typed but the names `nameForMail` lets through. */
function signupMail(link: string) {
  return {
    subject: 'Bekræft din e-mail for at oprette en virksomhed i Jobbro',
    body: [
      'Hej',
      '',
      'Nogen, forhåbentlig dig, har bedt om at oprette en virksomhed i Jobbro med denne e-mail.',
      '',
      `Åbn linket for at bekræfte din e-mail og vælge en adgangskode. Først da bliver virksomheden oprettet. Linket virker én gang og i ${COMPANY_SIGNUP_DAYS} dage:`,
      link,
      '',
      'Har du ikke bedt om det, kan du se bort fra denne mail. Så bliver der ikke oprettet noget.',
    ].join('\n'),
  };
}

/** To the owner of an address that already has a user: the only place that says so. */
function signupForKnownAddressMail(baseUrl: string) {
  return {
    subject: 'Nogen har prøvet at oprette en virksomhed i Jobbro med din e-mail',
    body: [
      'Hej',
      '',
      'Nogen har prøvet at oprette en virksomhed i Jobbro med denne e-mail. Der findes allerede en bruger i Jobbro med e-mailen, så der er ikke oprettet noget.',
      '',
      ...loginHelp(baseUrl),
      '',
      'En e-mail kan kun have én bruger i Jobbro. Skal du bruge Jobbro for en virksomhed, så brug en anden e-mail, fx din arbejdsmail.',
      '',
      'Var det ikke dig, kan du se bort fra denne mail. Din bruger er ikke ændret.',
    ].join('\n'),
  };
}

function loginHelp(baseUrl: string) {
  return [
    `Du logger ind her: ${new URL('/login', baseUrl).toString()}`,
    `Har du glemt din adgangskode, kan du få en ny her: ${new URL('/glemt-adgangskode', baseUrl).toString()}`,
  ];
}

async function userWithEmail(executor: Executor, email: string) {
  const [user] = await executor.select({ id: users.id }).from(users).where(eq(users.email, email));
  return user ?? null;
}

async function companyWithCvr(executor: Executor, cvr: string) {
  const [company] = await executor.select({ id: companies.id, name: companies.name }).from(companies).where(eq(companies.cvr, cvr));
  return company ?? null;
}

/**
 * A company's sign-up, step one: nothing is created yet. An address without a user gets a link that holds
 * the sign-up until it is opened (`confirmCompanySignup`); an address that has a user (a company's, a
 * consultant's, a citizen's) gets a mail telling its owner so. Either way the caller answers the same, "we
 * have sent a mail to …", so the form tells nobody who has a user in Jobbro. Limited per client address and
 * per recipient (RateLimitedError), the same for every address.
 */
export async function requestCompanySignup(input: CompanySignupInput, { baseUrl, clientIp, now = new Date() }: { baseUrl: string; clientIp: string; now?: Date }) {
  const email = normaliseEmail(input.userEmail);
  await takeAllowance(
    [
      { ...RATE_LIMITS.signupPerClient, key: clientKey(clientIp) },
      { ...RATE_LIMITS.signupPerRecipient, key: email },
    ],
    now,
  );
  const { userEmail: _userEmail, ...payload } = input;
  await db().transaction(async (tx) => {
    if (await userWithEmail(tx, email)) {
      await sendMail(tx, { to: email, ...signupForKnownAddressMail(baseUrl) });
      return;
    }
    const token = await createOneTimeToken(tx, { purpose: 'company_signup', email, payload, validDays: COMPANY_SIGNUP_DAYS, now });
    await sendMail(tx, { to: email, ...signupMail(new URL(`/virksomhed/bekraeft/${token}`, baseUrl).toString()) });
  });
  return { email };
}

/**
 * Why a confirmed sign-up cannot become a company. Told only to the one who opened the link, that is the
 * owner of the address: their address got a user meanwhile, or the CVR is already in Jobbro (then a
 * colleague invites them, or the jobcentre helps when nobody at the company has a user).
 */
export type SignupBlock = 'email_has_user' | 'cvr_exists';

export type PendingCompanySignup = Omit<CompanySignupInput, 'userEmail'> & { email: string; city: string; block: SignupBlock | null };

async function signupBlock(executor: Executor, email: string, cvr: string): Promise<SignupBlock | null> {
  if (await userWithEmail(executor, email)) return 'email_has_user';
  if (await companyWithCvr(executor, cvr)) return 'cvr_exists';
  return null;
}

async function pendingSignupRow(executor: Executor, token: string, now: Date) {
  const row = await findUsableToken(executor, token, 'company_signup', now);
  const payload = pendingSignupSchema.safeParse(row?.payload);
  if (!row?.email || !payload.success) return null;
  return { tokenId: row.id, email: row.email, signup: payload.data };
}

/** The sign-up a usable link holds, and whether it can still become a company; null when the link does not work. */
export async function pendingCompanySignup(token: string, now = new Date()): Promise<PendingCompanySignup | null> {
  const pending = await pendingSignupRow(db(), token, now);
  if (!pending) return null;
  return {
    ...pending.signup,
    email: pending.email,
    city: findPostcode(pending.signup.postcode)?.city ?? '',
    block: await signupBlock(db(), pending.email, pending.signup.cvr),
  };
}

/**
 * Step two: the owner of the address opened the link and chose a password (already checked). The company
 * and its first user are created and the link used up in one transaction. Null when the link no longer works.
 */
export async function confirmCompanySignup(token: string, password: string, now = new Date()): Promise<{ userId: string } | { block: SignupBlock } | null> {
  if (!(await pendingSignupRow(db(), token, now))) return null;
  const passwordHash = await hashPassword(password);
  return db().transaction(async (tx) => {
    const pending = await pendingSignupRow(tx, token, now);
    if (!pending) return null;
    const block = await signupBlock(tx, pending.email, pending.signup.cvr);
    if (block) return { block };
    if (!(await useToken(tx, pending.tokenId, now))) return null;
    const [company] = await tx.insert(companies).values(profileColumns(pending.signup)).returning({ id: companies.id });
    const [user] = await tx
      .insert(users)
      .values({ email: pending.email, name: pending.signup.userName, passwordHash, passwordChangedAt: now, role: 'company', companyId: company!.id })
      .returning({ id: users.id });
    return { userId: user!.id };
  });
}

/** A consultant creates a company that is not in Jobbro yet, to post a jobordre on its behalf. */
export async function createCompanyForJobOrder(actor: Actor, input: CompanyProfileInput) {
  const jobcentreId = consultantJobcentre(actor, 'Kun jobcentrets konsulenter kan oprette en virksomhed for at give en jobordre.');
  await assertCvrFree(actor, input.cvr);
  const [company] = await db()
    .insert(companies)
    .values({ ...profileColumns(input), createdByJobcentreId: jobcentreId })
    .returning();
  return company!;
}

export async function getCompany(actor: Actor, companyId: string) {
  if (actor.role === 'company' && actor.companyId !== companyId) throw new NotFoundError('Virksomheden');
  if (actor.role === 'citizen') throw new ForbiddenError();
  const [company] = await db().select().from(companies).where(eq(companies.id, companyId));
  if (!company) throw new NotFoundError('Virksomheden');
  return company;
}

export async function updateCompanyProfile(actor: Actor, companyId: string, input: CompanyProfileInput) {
  await getCompany(actor, companyId);
  await assertCvrFree(actor, input.cvr, companyId);
  const [company] = await db()
    .update(companies)
    .set({ ...profileColumns(input), updatedAt: new Date() })
    .where(eq(companies.id, companyId))
    .returning();
  return company!;
}

const pickerColumns = { id: companies.id, name: companies.name, cvr: companies.cvr, city: companies.city };

export type CompanyChoices = {
  /** The chosen companies first, then the matches by name. */
  companies: { id: string; name: string; cvr: string; city: string }[];
  /** The search as used ('' when none). */
  search: string;
  /** How many of `companies` matched the search, and whether more did than are shown (PICKER_MATCHES). */
  matches: number;
  more: boolean;
};

/**
 * What a company picker offers: the companies already chosen (by id) and at most PICKER_MATCHES whose name
 * contains the search, or whose CVR number does. Never the whole table.
 */
export async function companyChoices({ search = '', chosenIds = [] }: { search?: string; chosenIds?: readonly string[] }): Promise<CompanyChoices> {
  const ids = [...new Set(chosenIds.filter(isUuid))];
  const term = search.trim().slice(0, 100);
  const [chosen, found] = await Promise.all([
    ids.length > 0 ? db().select(pickerColumns).from(companies).where(inArray(companies.id, ids)).orderBy(companies.name) : [],
    term
      ? db()
          .select(pickerColumns)
          .from(companies)
          .where(or(ilike(companies.name, likePattern(term)), like(companies.cvr, likePattern(term.replace(/\s/g, '')))))
          .orderBy(companies.name, companies.id)
          .limit(PICKER_MATCHES + 1)
      : [],
  ]);
  const matches = found.slice(0, PICKER_MATCHES);
  const chosenSet = new Set(chosen.map((company) => company.id));
  return { companies: [...chosen, ...matches.filter((company) => !chosenSet.has(company.id))], search: term, matches: matches.length, more: found.length > PICKER_MATCHES };
}

/** One numbered page of all companies by name, for the consultants' list. */
export async function listCompaniesPage(requested: number) {
  const [row] = await db().select({ n: count() }).from(companies);
  const page = pageOf(requested, row?.n ?? 0);
  const rows = await db()
    .select({ id: companies.id, name: companies.name, cvr: companies.cvr, city: companies.city })
    .from(companies)
    .orderBy(companies.name, companies.id)
    .limit(page.pageSize)
    .offset(offsetOf(page));
  return { companies: rows, page };
}

export async function listColleagues(actor: Actor, companyId: string) {
  await getCompany(actor, companyId);
  return db()
    .select({ id: users.id, name: users.name, email: users.email, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.companyId, companyId))
    .orderBy(users.name);
}

function colleagueInvitationMail(inviter: string, companyName: string, link: string) {
  return {
    subject: 'Du er inviteret til Jobbro',
    body: [
      'Hej',
      '',
      `${inviter} fra ${companyName} har inviteret dig til virksomhedens side i Jobbro.`,
      '',
      `Åbn linket inden for ${COLLEAGUE_INVITATION_DAYS} dage, og vælg en adgangskode:`,
      link,
      '',
      'Kender du ikke afsenderen, kan du se bort fra denne mail.',
    ].join('\n'),
  };
}

/** To the owner of an address that already has a user: the inviter is not told, this mail says it. */
function colleagueInvitationForKnownAddressMail(inviter: string, companyName: string, baseUrl: string) {
  return {
    subject: 'Du er inviteret til Jobbro',
    body: [
      'Hej',
      '',
      `${inviter} fra ${companyName} har prøvet at invitere dig til virksomhedens side i Jobbro. Der findes allerede en bruger i Jobbro med denne e-mail, og en e-mail kan kun have én bruger, så invitationen kan ikke bruges.`,
      '',
      ...loginHelp(baseUrl),
      '',
      'Skal du have adgang til virksomhedens side, så bed om en invitation til en anden e-mail, fx din arbejdsmail.',
    ].join('\n'),
  };
}

/**
 * Invites a colleague by e-mail. The inviter gets the same answer whether the address has a user or not
 * (the mail tells the owner instead), and never the link: only the owner of the address can use it. A new
 * invitation to the same address voids the older one. Limited per account, client address and recipient.
 */
export async function inviteColleague(actor: Actor, address: string, { baseUrl, clientIp, now = new Date() }: { baseUrl: string; clientIp: string; now?: Date }) {
  if (actor.role !== 'company' || !actor.companyId) throw new ForbiddenError();
  const companyId = actor.companyId;
  const email = normaliseEmail(address);
  await takeAllowance(
    [
      { ...RATE_LIMITS.colleagueInvitationPerAccount, key: actor.id },
      { ...RATE_LIMITS.colleagueInvitationPerClient, key: clientKey(clientIp) },
      { ...RATE_LIMITS.colleagueInvitationPerRecipient, key: email },
    ],
    now,
  );
  const [company] = await db().select({ name: companies.name }).from(companies).where(eq(companies.id, companyId));
  const inviter = nameForMail(actor.name, 'En kollega');
  const companyName = nameForMail(company?.name ?? '', 'en virksomhed');
  await db().transaction(async (tx) => {
    if (await userWithEmail(tx, email)) {
      await sendMail(tx, { to: email, ...colleagueInvitationForKnownAddressMail(inviter, companyName, baseUrl) });
      return;
    }
    await tx
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(and(eq(oneTimeTokens.email, email), eq(oneTimeTokens.companyId, companyId), eq(oneTimeTokens.purpose, 'colleague_invitation'), isNull(oneTimeTokens.usedAt)));
    const token = await createOneTimeToken(tx, { purpose: 'colleague_invitation', email, companyId, createdBy: actor.id, validDays: COLLEAGUE_INVITATION_DAYS, now });
    await sendMail(tx, { to: email, ...colleagueInvitationMail(inviter, companyName, new URL(`/invitation/${token}`, baseUrl).toString()) });
  });
  return { email };
}

export async function colleagueInvitation(token: string) {
  const row = await findUsableToken(db(), token, 'colleague_invitation');
  if (!row?.email || !row.companyId) return null;
  const [company] = await db().select({ name: companies.name }).from(companies).where(eq(companies.id, row.companyId));
  return { email: row.email, companyName: company?.name ?? '' };
}

/** The invited colleague sets name and password; the link is used up in the same transaction. */
export async function acceptColleagueInvitation(token: string, details: { name: string; password: string }) {
  const row = await findUsableToken(db(), token, 'colleague_invitation');
  if (!row?.email || !row.companyId) return null;
  const passwordHash = await hashPassword(details.password);
  return db().transaction(async (tx) => {
    // The address may have got a user since the invitation went out (another invitation, a sign-up).
    if (await userWithEmail(tx, row.email!)) return null;
    if (!(await useToken(tx, row.id))) return null;
    const [user] = await tx
      .insert(users)
      .values({ email: row.email!, name: details.name, passwordHash, role: 'company', companyId: row.companyId! })
      .returning({ id: users.id });
    return { userId: user!.id };
  });
}
