/**
 * Why a job suits the citizen, said to the citizen ("du"-form) in their language: the wishes it meets, the
 * hours that fit, how far away it is and which of their needs the company offers, and what to mind, which
 * includes hours, a distance or a demand of the job that no longer fit what the citizen can (a proposal is
 * explained from the rows as they are now, and the citizen may have changed their hours since). The
 * consultant's explanation (app/domain/matching.ts) speaks about "borgeren"; this one speaks to them.
 * Pure: the distance comes in with the pair.
 */
import { formatHoursIn, formatKmIn, listIn } from './language-format';
import type { Language } from './language';
import { roundKm } from './format';
import { accommodationCoverage, conflictingDemands, hoursOverlap, matchedWishWords, withinReach, type MatchCitizen, type MatchOpening } from './matching';
import { ACCOMMODATION_ENTRIES, DEMAND_ENTRIES, type Accommodation, type Demand } from './vocabulary';

export type CitizenExplanation = { reasons: string[]; mind: string[] };

function namesIn<Code extends string>(entries: readonly { code: Code; da: string; en: string }[], codes: readonly Code[], language: Language): string[] {
  return codes.map((code) => {
    const label = entries.find((entry) => entry.code === code)?.[language] ?? code;
    return label.charAt(0).toLocaleLowerCase(language) + label.slice(1);
  });
}

const accommodationNames = (codes: readonly Accommodation[], language: Language) => namesIn(ACCOMMODATION_ENTRIES, codes, language);
const demandNames = (codes: readonly Demand[], language: Language) => namesIn(DEMAND_ENTRIES, codes, language);

const TALK_TO_CONSULTANT = { da: 'Tal med din jobkonsulent om det.', en: 'Talk to your job consultant about it.' } as const;

export function explainForCitizen(
  citizen: Pick<MatchCitizen, 'wishes' | 'hoursMin' | 'hoursMax' | 'neededAccommodations' | 'reachKm' | 'restrictions'>,
  opening: Pick<MatchOpening, 'title' | 'tasks' | 'hoursMin' | 'hoursMax' | 'accommodations' | 'demands'>,
  { distanceKm, language }: { distanceKm: number; language: Language },
): CitizenExplanation {
  const da = language === 'da';
  const reasons: string[] = [];
  const mind: string[] = [];
  const talk = TALK_TO_CONSULTANT[language];

  const words = matchedWishWords(citizen, opening);
  if (words.length > 0) reasons.push(da ? `Du ønsker ${listIn(words, language)}` : `You wish for ${listIn(words, language)}`);

  const jobHours = formatHoursIn({ min: opening.hoursMin, max: opening.hoursMax }, language);
  const overlap = hoursOverlap({ min: citizen.hoursMin, max: citizen.hoursMax }, { min: opening.hoursMin, max: opening.hoursMax });
  if (overlap) {
    reasons.push(da ? `${formatHoursIn(overlap, language)} passer til dig (jobbet er på ${jobHours})` : `${formatHoursIn(overlap, language)} suits you (the job is ${jobHours})`);
  } else {
    const yourHours = formatHoursIn({ min: citizen.hoursMin, max: citizen.hoursMax }, language);
    mind.push(da ? `Jobbet er på ${jobHours}, og du kan arbejde ${yourHours}. ${talk}` : `The job is ${jobHours}, and you can work ${yourHours}. ${talk}`);
  }

  const distance = formatKmIn(distanceKm, language);
  // Judged as shown, as the hard filter judges it: 3,24 km is within a reach of 3,2 km.
  if (withinReach(roundKm(distanceKm), citizen.reachKm)) {
    reasons.push(da ? `${distance} fra dig` : `${distance} from you`);
  } else {
    const reach = formatKmIn(citizen.reachKm, language);
    mind.push(da ? `Jobbet ligger ${distance} fra dig, og du kan højst komme ${reach}. ${talk}` : `The job is ${distance} from you, and you can travel at most ${reach}. ${talk}`);
  }

  const conflicts = conflictingDemands(citizen.restrictions, opening.demands);
  if (conflicts.length > 0) {
    const names = listIn(demandNames(conflicts, language), language);
    mind.push(da ? `Jobbet indebærer ${names}, som du skal undgå. ${talk}` : `The job involves ${names}, which you should avoid. ${talk}`);
  }

  const coverage = accommodationCoverage(citizen.neededAccommodations, opening.accommodations);
  if (coverage.covered.length > 0) {
    const names = listIn(accommodationNames(coverage.covered, language), language);
    reasons.push(da ? `Virksomheden tilbyder ${names}` : `The company offers ${names}`);
  }
  if (coverage.missing.length > 0) {
    const names = listIn(accommodationNames(coverage.missing, language), language);
    mind.push(da ? `Virksomheden har ikke skrevet, at den tilbyder ${names}. ${talk}` : `The company has not said that it offers ${names}. ${talk}`);
  }
  return { reasons, mind };
}
