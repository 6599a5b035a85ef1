/**
 * Why a job suits the citizen, said to the citizen ("du"-form) in their language: the wishes it meets, the
 * hours that fit, how far away it is and which of their needs the company offers, and what to mind. The
 * consultant's explanation (app/domain/matching.ts) speaks about "borgeren"; this one speaks to them.
 * Pure: the distance comes in with the pair.
 */
import { formatHoursIn, formatKmIn } from '../i18n/format';
import type { Language } from '../i18n/language';
import { accommodationCoverage, hoursOverlap, matchedWishWords, type MatchCitizen, type MatchOpening } from './matching';
import { ACCOMMODATION_ENTRIES, type Accommodation } from './vocabulary';

export type CitizenExplanation = { reasons: string[]; mind: string[] };

function accommodationNames(codes: readonly Accommodation[], language: Language): string[] {
  return codes.map((code) => {
    const label = ACCOMMODATION_ENTRIES.find((entry) => entry.code === code)?.[language] ?? code;
    return label.charAt(0).toLocaleLowerCase(language) + label.slice(1);
  });
}

function listIn(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${language === 'da' ? 'og' : 'and'} ${items[items.length - 1]}`;
}

export function explainForCitizen(
  citizen: Pick<MatchCitizen, 'wishes' | 'hoursMin' | 'hoursMax' | 'neededAccommodations'>,
  opening: Pick<MatchOpening, 'title' | 'tasks' | 'hoursMin' | 'hoursMax' | 'accommodations'>,
  { distanceKm, language }: { distanceKm: number; language: Language },
): CitizenExplanation {
  const da = language === 'da';
  const reasons: string[] = [];
  const mind: string[] = [];

  const words = matchedWishWords(citizen, opening);
  if (words.length > 0) reasons.push(da ? `Du ønsker ${listIn(words, language)}` : `You wish for ${listIn(words, language)}`);

  const overlap = hoursOverlap({ min: citizen.hoursMin, max: citizen.hoursMax }, { min: opening.hoursMin, max: opening.hoursMax });
  if (overlap) {
    const jobHours = formatHoursIn({ min: opening.hoursMin, max: opening.hoursMax }, language);
    reasons.push(da ? `${formatHoursIn(overlap, language)} passer til dig (jobbet er på ${jobHours})` : `${formatHoursIn(overlap, language)} suits you (the job is ${jobHours})`);
  }

  reasons.push(da ? `${formatKmIn(distanceKm, language)} fra dig` : `${formatKmIn(distanceKm, language)} from you`);

  const coverage = accommodationCoverage(citizen.neededAccommodations, opening.accommodations);
  if (coverage.covered.length > 0) {
    const names = listIn(accommodationNames(coverage.covered, language), language);
    reasons.push(da ? `Virksomheden tilbyder ${names}` : `The company offers ${names}`);
  }
  if (coverage.missing.length > 0) {
    const names = listIn(accommodationNames(coverage.missing, language), language);
    mind.push(da ? `Virksomheden har ikke skrevet, at den tilbyder ${names}. Tal med din jobkonsulent om det.` : `The company has not said that it offers ${names}. Talk to your job consultant about it.`);
  }
  return { reasons, mind };
}
