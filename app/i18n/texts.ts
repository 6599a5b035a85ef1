/**
 * The words of the pages a citizen reads — their own pages, the public job search and a job's page, their
 * agreement, the login and password pages, and the header, menu, footer and error page that visitors and
 * citizens see — in plain Danish ("du"-form) and English. The English dictionary must
 * have every key the Danish one has (the type says so), so a page never shows a missing text.
 */
import { da } from './da';
import { en } from './en';
import type { Language } from './language';

import type { Texts } from './da';

export type { Texts };

const TEXTS: Record<Language, Texts> = { da, en };

export function textsFor(language: Language): Texts {
  return TEXTS[language];
}

/**
 * The services' own sentences for a refusal or a missing object (errors.server.ts), in English for an English
 * reader. Keyed by the Danish sentence, so it is a lookup table rather than a text of each language: a sentence
 * not here is shown in Danish, marked as such.
 */
export const SERVICE_MESSAGES_IN_ENGLISH: Readonly<Record<string, string>> = {
  'Aftalen findes ikke.': 'The agreement does not exist.',
  'Forslaget findes ikke.': 'The proposal does not exist.',
  'Interessen findes ikke.': 'The interest does not exist.',
  'Borgeren findes ikke.': 'The citizen does not exist.',
  'Jobbet findes ikke.': 'The job does not exist.',
  'Jobopslaget findes ikke.': 'The job does not exist.',
  'Virksomheden findes ikke.': 'The company does not exist.',
  'Objektet findes ikke.': 'We could not find what you were looking for.',
  'Jobbet er ikke længere ledigt. Det kan være besat, sat på pause eller lukket.': 'The job is no longer open. It may have been filled, paused or closed.',
  'Din sag er lukket, så dine ønsker kan ikke rettes her. Kontakt jobcentret.': 'Your case is closed, so your wishes cannot be changed here. Contact the job centre.',
  'Du har ikke adgang til dette.': 'You do not have access to this.',
  'Siden er kun for administratorer.': 'This page is only for administrators.',
  'Siden er kun for jobcentrets konsulenter.': "This page is only for the job centre's consultants.",
  'Siden er kun for virksomheder.': 'This page is only for companies.',
  'Siden er kun for borgere.': 'This page is only for citizens.',
};
