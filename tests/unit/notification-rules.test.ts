import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  deliveryFor,
  digestMail,
  followUpDayFor,
  hoursReminderMonth,
  isScheduledTime,
  kindsFor,
  notificationContent,
  notificationMail,
  notificationSettingsSchema,
  type NotificationPreferences,
} from '../../app/domain/notification-rules';

const ORIGIN = 'https://jobbro.aarhus.dk';
const on = DEFAULT_NOTIFICATION_PREFERENCES;
const digest: NotificationPreferences = { ...on, dailyDigest: true };
const messages = { kindsInvalid: 'kinds', deliveryInvalid: 'delivery', languageInvalid: 'language' };

describe('deliveryFor', () => {
  it('mails at once by default, and only kinds the role gets', () => {
    expect(deliveryFor('proposal_for_citizen', { role: 'citizen', deactivated: false, preferences: on })).toBe('mail');
    expect(deliveryFor('proposal_for_citizen', { role: 'company', deactivated: false, preferences: on })).toBe('none');
    expect(deliveryFor('hours_reminder', { role: 'citizen', deactivated: false, preferences: on })).toBe('none');
  });

  it('never to a deactivated user or for a kind turned off', () => {
    expect(deliveryFor('candidate_said_yes', { role: 'company', deactivated: true, preferences: on })).toBe('none');
    expect(deliveryFor('candidate_said_yes', { role: 'company', deactivated: false, preferences: { ...on, disabledKinds: ['candidate_said_yes'] } })).toBe('none');
    expect(deliveryFor('hours_reminder', { role: 'company', deactivated: false, preferences: { ...on, disabledKinds: ['candidate_said_yes'] } })).toBe('mail');
  });

  it('no proposal mail to a citizen without consent; an agreement mail still goes', () => {
    const citizen = { role: 'citizen' as const, deactivated: false, preferences: on };
    expect(deliveryFor('proposal_for_citizen', citizen, { citizenConsent: false })).toBe('none');
    expect(deliveryFor('proposal_withdrawn', citizen, { citizenConsent: false })).toBe('none');
    expect(deliveryFor('agreement_to_confirm', citizen, { citizenConsent: false })).toBe('mail');
  });

  it('the digest is for companies and consultants only', () => {
    expect(deliveryFor('candidate_said_yes', { role: 'company', deactivated: false, preferences: digest })).toBe('digest');
    expect(deliveryFor('proposal_answered', { role: 'consultant', deactivated: false, preferences: digest })).toBe('digest');
    expect(deliveryFor('proposal_for_citizen', { role: 'citizen', deactivated: false, preferences: digest })).toBe('mail');
  });

  it('an administrator gets no kinds', () => {
    expect(kindsFor('admin')).toEqual([]);
  });
});

describe('what a mail says', () => {
  it('a citizen reads English when they chose it; the link is on the public origin', () => {
    const content = notificationContent({ kind: 'proposal_for_citizen', proposalId: 'p1', openingTitle: 'Lager', companyName: 'Nordlys ApS' }, 'en', ORIGIN);
    expect(content.subject).toBe('You have been proposed for a job');
    expect(content.link).toBe(`${ORIGIN}/borger/forslag/p1`);
    const mail = notificationMail(content, { recipientName: 'Ali', language: 'en', origin: ORIGIN });
    expect(mail.body.startsWith('Dear Ali')).toBe(true);
    expect(mail.body).toContain(`${ORIGIN}/konto/notifikationer`);
  });

  it('a name that looks like a link is not put in the greeting', () => {
    const content = notificationContent({ kind: 'hours_reminder', month: '2027-04-01', agreements: [{ id: 'a1', openingTitle: 'Lager' }] }, 'da', ORIGIN);
    expect(notificationMail(content, { recipientName: 'www.evil.test', language: 'da', origin: ORIGIN }).body.startsWith('Hej\n')).toBe(true);
    expect(content.subject).toBe('Indberet timerne for april 2027');
    expect(content.link).toBe(`${ORIGIN}/virksomhed/aftaler/a1`);
  });

  it('several agreements missing hours lead to the list', () => {
    const content = notificationContent({ kind: 'hours_reminder', month: '2027-04-01', agreements: [{ id: 'a1', openingTitle: 'Lager' }, { id: 'a2', openingTitle: 'Kantine' }] }, 'da', ORIGIN);
    expect(content.text).toContain('"Lager" og "Kantine"');
    expect(content.link).toBe(`${ORIGIN}/virksomhed/aftaler`);
  });

  it('the digest counts and lists what waits', () => {
    const mail = digestMail(
      [
        { subject: 'En kandidat har sagt ja', body: 'tekst 1\nlink1' },
        { subject: 'Et forslag er trukket tilbage', body: 'tekst 2\nlink2' },
      ],
      { recipientName: 'Kim', day: '2027-05-10', origin: ORIGIN },
    );
    expect(mail.subject).toBe('Jobbro: 2 ting venter på dig');
    expect(mail.body).toContain('1. En kandidat har sagt ja\ntekst 1\nlink1');
    expect(mail.body).toContain('10. maj 2027');
  });
});

describe('when the scheduled ones run', () => {
  it('from 07:00 Danish time, summer and winter', () => {
    expect(isScheduledTime(new Date('2027-01-15T05:59:00Z'))).toBe(false);
    expect(isScheduledTime(new Date('2027-01-15T06:00:00Z'))).toBe(true);
    expect(isScheduledTime(new Date('2027-07-15T04:59:00Z'))).toBe(false);
    expect(isScheduledTime(new Date('2027-07-15T05:00:00Z'))).toBe(true);
  });

  it('tomorrow across a month end, and last month across a year end', () => {
    expect(followUpDayFor('2027-02-28')).toBe('2027-03-01');
    expect(followUpDayFor(new Date('2027-03-31T22:30:00Z'))).toBe('2027-04-02');
    expect(hoursReminderMonth('2027-01-03')).toBe('2026-12-01');
  });
});

describe('the settings form', () => {
  it('unticked kinds are off; a role’s missing fields are ignored', () => {
    expect(notificationSettingsSchema('company', messages).parse({ kinds: ['candidate_said_yes'], delivery: 'digest' })).toEqual({
      disabledKinds: ['agreement_to_confirm', 'follow_up_tomorrow', 'hours_reminder', 'proposal_withdrawn'],
      dailyDigest: true,
      mailLanguage: 'da',
    });
    expect(notificationSettingsSchema('citizen', messages).parse({ kinds: [], delivery: 'digest', mailLanguage: 'en' }).dailyDigest).toBe(false);
  });

  it('refuses a kind of another role and an unknown language', () => {
    expect(notificationSettingsSchema('citizen', messages).safeParse({ kinds: ['hours_reminder'], mailLanguage: 'da' }).success).toBe(false);
    expect(notificationSettingsSchema('citizen', messages).safeParse({ kinds: [], mailLanguage: 'fr' }).success).toBe(false);
  });
});
