/**
 * Notifications: the kinds of mail Jobbro sends when a step waits for someone, who may receive which, what
 * is on by default, and what each mail says, in the recipient's language (decision 026). Pure: the service
 * (app/services/notifications.server.ts) reads the rows and the clock and hands the facts in.
 *
 * A mail is a pointer to the page where the step is done: it names the job and the company, never a
 * citizen (a company must not learn a candidate's name before the citizen's yes, and a mail is a poor place
 * for a name anyway), and never health notes or restrictions, which are not even among the facts it is given.
 */
import { z } from 'zod';
import { formatDateIn, formatMonthIn, listIn } from './language-format';
import { LANGUAGES, type Language } from './language';
import { addMonths, monthOf } from './agreement-rules';
import { addDays, toIsoDate, type CalendarDay } from './format';
import { nameForMail } from './text-rules';
import type { Role } from './vocabulary';

export const NOTIFICATION_KIND_ENTRIES = [
  {
    code: 'proposal_for_citizen',
    roles: ['citizen'],
    da: 'Når jobcentret foreslår dig til et job',
    en: 'When the jobcentre proposes you for a job',
  },
  {
    code: 'citizen_interest',
    roles: ['consultant'],
    da: 'Når en af dine borgere er interesseret i et job',
    en: 'When one of your citizens is interested in a job',
  },
  {
    code: 'candidate_said_yes',
    roles: ['company'],
    da: 'Når en kandidat har sagt ja til et af jeres job',
    en: 'When a candidate has said yes to one of your jobs',
  },
  {
    code: 'proposal_answered',
    roles: ['consultant'],
    da: 'Når der er svar på dit forslag: virksomhedens svar, borgerens nej, eller begge har sagt ja',
    en: 'When your proposal is answered',
  },
  {
    code: 'agreement_to_confirm',
    roles: ['citizen', 'company'],
    da: 'Når en aftale eller en ny version af den venter på din bekræftelse',
    en: 'When an agreement or a new version of it waits for your confirmation',
  },
  {
    code: 'follow_up_tomorrow',
    roles: ['citizen', 'company'],
    da: 'Dagen før en opfølgning',
    en: 'The day before a follow-up meeting',
  },
  {
    code: 'hours_reminder',
    roles: ['company'],
    da: 'Hver måned, når timerne for måneden før ikke er indberettet',
    en: 'Every month, when last month’s hours are not reported',
  },
  {
    code: 'proposal_withdrawn',
    roles: ['citizen', 'company'],
    da: 'Når et forslag, du venter på, bliver trukket tilbage',
    en: 'When a proposal you are waiting on is withdrawn',
  },
] as const satisfies readonly { code: string; roles: readonly Role[]; da: string; en: string }[];

export type NotificationKind = (typeof NOTIFICATION_KIND_ENTRIES)[number]['code'];
export const NOTIFICATION_KINDS = NOTIFICATION_KIND_ENTRIES.map((entry) => entry.code) as NotificationKind[];

/** The kinds a role can receive, in the order the settings page lists them. */
export function kindsFor(role: Role) {
  return NOTIFICATION_KIND_ENTRIES.filter((entry) => (entry.roles as readonly Role[]).includes(role));
}

/** A daily digest instead of single mails suits those who get many: companies and consultants. */
export function mayChooseDigest(role: Role): boolean {
  return role === 'company' || role === 'consultant';
}

export type NotificationPreferences = { disabledKinds: NotificationKind[]; dailyDigest: boolean; mailLanguage: Language };

/** Every kind on, one mail at a time, Danish: what a user has before they change anything. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = { disabledKinds: [], dailyDigest: false, mailLanguage: 'da' };

/** The proposal kinds speak about the citizen's profile being shared: a citizen without consent gets none. */
const NEEDS_CONSENT: readonly NotificationKind[] = ['proposal_for_citizen', 'proposal_withdrawn'];

export type Recipient = { role: Role; deactivated: boolean; preferences: NotificationPreferences };

export type Delivery = 'mail' | 'digest' | 'none';

/**
 * How a notification reaches the recipient, if at all: never a deactivated user, never a kind the role does not
 * get or the user turned off, never a proposal mail to a citizen without consent; then the daily digest when the
 * user chose it and may, else a mail at once.
 */
export function deliveryFor(kind: NotificationKind, recipient: Recipient, { citizenConsent = true }: { citizenConsent?: boolean } = {}): Delivery {
  if (recipient.deactivated) return 'none';
  if (!kindsFor(recipient.role).some((entry) => entry.code === kind)) return 'none';
  if (recipient.preferences.disabledKinds.includes(kind)) return 'none';
  if (recipient.role === 'citizen' && NEEDS_CONSENT.includes(kind) && !citizenConsent) return 'none';
  return recipient.preferences.dailyDigest && mayChooseDigest(recipient.role) ? 'digest' : 'mail';
}

/** Mails follow the citizen's chosen language; everyone else works in Danish (decision 016). */
export function mailLanguageFor(role: Role, preferences: NotificationPreferences): Language {
  return role === 'citizen' ? preferences.mailLanguage : 'da';
}

/**
 * The settings form: `kinds` the ticked kinds (the rest are off), `delivery` 'single' or 'digest' where the
 * role may choose, `mailLanguage` for a citizen. Fields the role does not have are ignored.
 */
export function notificationSettingsSchema(role: Role, messages: { kindsInvalid: string; deliveryInvalid: string; languageInvalid: string }) {
  const codes = kindsFor(role).map((entry) => entry.code) as [NotificationKind, ...NotificationKind[]];
  return z
    .object({
      kinds: z.array(z.enum(codes, { error: messages.kindsInvalid })),
      delivery: mayChooseDigest(role) ? z.enum(['single', 'digest'], { error: messages.deliveryInvalid }) : z.unknown(),
      mailLanguage: role === 'citizen' ? z.enum(LANGUAGES, { error: messages.languageInvalid }) : z.unknown(),
    })
    .transform(
      (values): NotificationPreferences => ({
        disabledKinds: codes.filter((code) => !values.kinds.includes(code)),
        dailyDigest: mayChooseDigest(role) && values.delivery === 'digest',
        mailLanguage: role === 'citizen' ? (values.mailLanguage as Language) : DEFAULT_NOTIFICATION_PREFERENCES.mailLanguage,
      }),
    );
}

// ── What each mail says ─────────────────────────────────────────────────────────────────────────────────

export type ProposalAnswerEvent = 'company_yes' | 'company_no' | 'both_yes' | 'citizen_no' | 'citizen_took_back';
export type WithdrawalCause = 'jobcentre' | 'consent' | 'citizen_took_back';
export type Party = 'citizen' | 'company';

/** The facts of one notification: job titles, company names, dates and ids for the link; nothing about the citizen. */
export type NotificationMessage =
  | { kind: 'proposal_for_citizen'; proposalId: string; openingTitle: string; companyName: string }
  | { kind: 'citizen_interest'; citizenId: string; openingTitle: string; companyName: string }
  | { kind: 'candidate_said_yes'; proposalId: string; openingTitle: string; bothSaidYes: boolean }
  | { kind: 'proposal_answered'; proposalId: string; citizenId: string; openingTitle: string; companyName: string; answer: ProposalAnswerEvent }
  | { kind: 'agreement_to_confirm'; agreementId: string; party: Party; openingTitle: string; companyName: string; version: number }
  | { kind: 'follow_up_tomorrow'; agreementId: string; party: Party; date: string; openingTitle: string; companyName: string }
  | { kind: 'hours_reminder'; month: string; agreements: { id: string; openingTitle: string }[] }
  | { kind: 'proposal_withdrawn'; proposalId: string; party: Party; openingTitle: string; companyName: string; cause: WithdrawalCause };

/** Where the step is done, as a path on the portal's public origin. */
export function notificationPath(message: NotificationMessage): string {
  switch (message.kind) {
    case 'proposal_for_citizen':
      return `/borger/forslag/${message.proposalId}`;
    case 'citizen_interest':
      return `/konsulent/borgere/${message.citizenId}`;
    case 'candidate_said_yes':
      return `/virksomhed/forslag/${message.proposalId}`;
    case 'proposal_answered':
      return message.answer === 'both_yes' ? `/konsulent/aftaler/ny?forslag=${message.proposalId}` : `/konsulent/borgere/${message.citizenId}`;
    case 'agreement_to_confirm':
    case 'follow_up_tomorrow':
      return message.party === 'citizen' ? `/borger/aftaler/${message.agreementId}` : `/virksomhed/aftaler/${message.agreementId}`;
    case 'hours_reminder':
      return message.agreements.length === 1 ? `/virksomhed/aftaler/${message.agreements[0]!.id}` : '/virksomhed/aftaler';
    case 'proposal_withdrawn':
      return message.party === 'citizen' ? `/borger/forslag/${message.proposalId}` : `/virksomhed/forslag/${message.proposalId}`;
  }
}

/** The subject and the one or two sentences of a notification, without greeting and link. */
function wording(message: NotificationMessage, language: Language): { subject: string; text: string } {
  const en = language === 'en';
  switch (message.kind) {
    case 'proposal_for_citizen':
      return en
        ? {
            subject: 'You have been proposed for a job',
            text: `Your jobcentre has proposed you for the job "${message.openingTitle}" at ${message.companyName}. Read about the job and answer yes or no.`,
          }
        : {
            subject: 'Du er foreslået til et job',
            text: `Dit jobcenter har foreslået dig til jobbet "${message.openingTitle}" hos ${message.companyName}. Læs om jobbet, og svar ja eller nej.`,
          };
    case 'citizen_interest':
      return {
        subject: 'En borger er interesseret i et job',
        text: `En af dine borgere er interesseret i jobbet "${message.openingTitle}" hos ${message.companyName}. Se interessen, og send den videre til virksomheden, hvis den passer.`,
      };
    case 'candidate_said_yes':
      return {
        subject: 'En kandidat har sagt ja',
        text: message.bothSaidYes
          ? `Kandidaten til jobbet "${message.openingTitle}" har også sagt ja. I kan nu se kandidatens navn, og jobcentret skriver aftalen.`
          : `En kandidat har sagt ja til jobbet "${message.openingTitle}". Se kandidaten, og svar ja eller nej.`,
      };
    case 'proposal_answered': {
      const about = `forslaget til jobbet "${message.openingTitle}" hos ${message.companyName}`;
      const answers: Record<ProposalAnswerEvent, { subject: string; text: string }> = {
        company_yes: { subject: 'Virksomheden har sagt ja', text: `Virksomheden har sagt ja til ${about}. Nu mangler borgerens svar.` },
        company_no: { subject: 'Virksomheden har sagt nej', text: `Virksomheden har sagt nej til ${about}. Se begrundelsen.` },
        both_yes: { subject: 'Begge har sagt ja: skriv aftalen', text: `Borgeren og virksomheden har begge sagt ja til ${about}. Skriv aftalen.` },
        citizen_no: { subject: 'Borgeren har sagt nej', text: `Borgeren har sagt nej til ${about}.` },
        citizen_took_back: { subject: 'Borgeren har trukket sit ja tilbage', text: `Borgeren har trukket sit ja til ${about} tilbage.` },
      };
      return answers[message.answer];
    }
    case 'agreement_to_confirm': {
      const isNewVersion = message.version > 1;
      if (message.party === 'citizen') {
        return en
          ? {
              subject: isNewVersion ? 'A new version of your agreement waits for you' : 'Your agreement waits for your confirmation',
              text: `${isNewVersion ? `Version ${message.version} of your agreement` : 'Your agreement'} with ${message.companyName} about "${message.openingTitle}" is ready. Read it and confirm it.`,
            }
          : {
              subject: isNewVersion ? 'En ny version af din aftale venter på dig' : 'Din aftale venter på din bekræftelse',
              text: `${isNewVersion ? `Version ${message.version} af din aftale` : 'Din aftale'} med ${message.companyName} om "${message.openingTitle}" er klar. Læs den, og bekræft den.`,
            };
      }
      return {
        subject: isNewVersion ? 'En ny version af en aftale venter på jer' : 'En aftale venter på jeres bekræftelse',
        text: `${isNewVersion ? `Version ${message.version} af aftalen` : 'Aftalen'} om jobbet "${message.openingTitle}" er klar. Læs den, og bekræft den.`,
      };
    }
    case 'follow_up_tomorrow': {
      const date = formatDateIn(message.date, language);
      if (message.party === 'citizen') {
        return en
          ? {
              subject: 'Follow-up tomorrow',
              text: `Tomorrow, ${date}, your jobcentre follows up on your agreement with ${message.companyName} about "${message.openingTitle}".`,
            }
          : {
              subject: 'Opfølgning i morgen',
              text: `I morgen, ${date}, følger dit jobcenter op på din aftale med ${message.companyName} om "${message.openingTitle}".`,
            };
      }
      return { subject: 'Opfølgning i morgen', text: `I morgen, ${date}, følger jobcentret op på aftalen om jobbet "${message.openingTitle}".` };
    }
    case 'hours_reminder': {
      const month = formatMonthIn(message.month, 'da');
      const titles = listIn(
        message.agreements.map((agreement) => `"${agreement.openingTitle}"`),
        'da',
      );
      return {
        subject: `Indberet timerne for ${month}`,
        text: `Timerne for ${month} mangler for ${message.agreements.length === 1 ? 'aftalen' : 'aftalerne'} om ${titles}. Indberet dem, så jobcentret kan følge med.`,
      };
    }
    case 'proposal_withdrawn': {
      if (message.party === 'citizen') {
        return en
          ? {
              subject: 'A proposal has been withdrawn',
              text: `The proposal for the job "${message.openingTitle}" at ${message.companyName} has been withdrawn. You do not need to answer it. See why on the page.`,
            }
          : {
              subject: 'Et forslag er trukket tilbage',
              text: `Forslaget om jobbet "${message.openingTitle}" hos ${message.companyName} er trukket tilbage. Du skal ikke svare på det. Se hvorfor på siden.`,
            };
      }
      return {
        subject: 'Et forslag er trukket tilbage',
        text:
          message.cause === 'citizen_took_back'
            ? `Kandidaten til jobbet "${message.openingTitle}" har trukket sit ja tilbage. Forslaget er afsluttet.`
            : `Forslaget om en kandidat til jobbet "${message.openingTitle}" er trukket tilbage. I skal ikke svare på det.`,
      };
    }
  }
}

export type NotificationContent = { subject: string; text: string; link: string };

/** What a notification says and where it leads, on the portal's public origin. */
export function notificationContent(message: NotificationMessage, language: Language, origin: string): NotificationContent {
  return { ...wording(message, language), link: new URL(notificationPath(message), origin).toString() };
}

export const NOTIFICATION_SETTINGS_PATH = '/konto/notifikationer';

function closing(language: Language, origin: string): string[] {
  const settings = new URL(NOTIFICATION_SETTINGS_PATH, origin).toString();
  return language === 'en'
    ? ['', 'You get this mail from Jobbro because something waits for you. You can choose which mails you get here:', settings]
    : ['', 'Du får denne mail fra Jobbro, fordi noget venter på dig. Du kan vælge, hvilke mails du får, her:', settings];
}

function greeting(recipientName: string, language: Language): string {
  return `${language === 'en' ? 'Dear' : 'Hej'} ${nameForMail(recipientName, '')}`.trim();
}

/** One notification as a whole mail: greeting, what waits, the link, and where to turn such mails off. */
export function notificationMail(content: NotificationContent, { recipientName, language, origin }: { recipientName: string; language: Language; origin: string }) {
  const open = language === 'en' ? 'Open the page here (you may need to log in):' : 'Åbn siden her (du skal måske logge ind):';
  return {
    subject: content.subject,
    body: [greeting(recipientName, language), '', content.text, '', open, content.link, ...closing(language, origin)].join('\n'),
  };
}

/** The day's notifications of a company user or a consultant in one Danish mail, oldest first (each its text and link). */
export function digestMail(items: readonly { subject: string; body: string }[], { recipientName, day, origin }: { recipientName: string; day: CalendarDay; origin: string }) {
  const count = items.length === 1 ? '1 ting' : `${items.length} ting`;
  return {
    subject: `Jobbro: ${count} venter på dig`,
    body: [
      greeting(recipientName, 'da'),
      '',
      `Her er dagens samlede mail fra Jobbro, ${formatDateIn(day, 'da')}. ${count[0]!.toUpperCase()}${count.slice(1)} venter på dig:`,
      ...items.flatMap((item, index) => ['', `${index + 1}. ${item.subject}`, item.body]),
      ...closing('da', origin),
    ].join('\n'),
  };
}

// ── When the scheduled ones run ─────────────────────────────────────────────────────────────────────────

/** Scheduled mails (follow-ups, hours, the digest) go from 07:00 Danish time, not in the night. */
export const SCHEDULED_FROM_HOUR = 7;

const copenhagenHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' });

export function isScheduledTime(now: Date): boolean {
  return Number(copenhagenHour.format(now)) >= SCHEDULED_FROM_HOUR;
}

/** The day after `today`: the follow-ups whose mails go today. */
export function followUpDayFor(today: CalendarDay): string {
  return addDays(toIsoDate(today), 1);
}

/** The month whose hours are reminded of during `today`'s month: the one before. */
export function hoursReminderMonth(today: CalendarDay): string {
  return addMonths(monthOf(toIsoDate(today)), -1);
}

/** The keys that make each scheduled notification happen once for its recipient, whatever runs it. */
export const DEDUP_KEYS = {
  followUp: (agreementId: string, date: string, userId: string) => `follow_up:${agreementId}:${date}:${userId}`,
  hours: (userId: string, month: string) => `hours:${userId}:${month}`,
  digest: (userId: string, day: string) => `digest:${userId}:${day}`,
} as const;
