/**
 * A proposal's explanation for the consultant. The text stored with a proposal is what was said when it was
 * made; the citizen's hours, reach, wishes and needs and the opening's hours and demands change after that.
 * While a proposal is open, the lists show the explanation worked out from the rows as they are now, say
 * plainly when the pair no longer passes a hard filter, and show the stored text only where it says
 * something else. Pure: today comes in as an argument.
 */
import type { CalendarDay } from './format';
import { explainMatch, softShortfalls, hardFilterFailures, type MatchCitizen, type MatchExplanation, type MatchOpening } from './matching';
import { caseRefusals, type CaseFacts } from './proposal-rules';

/**
 * The explanation as a proposal stores it: the reasons on one line, then what is missing. Each missing
 * sentence says what it is ("Virksomheden tilbyder ikke roligt arbejdssted"), so no label goes before it.
 */
export function proposalExplanationText(explanation: MatchExplanation): string {
  return explanation.missing.length > 0 ? `${explanation.summary} — ${explanation.missing.join('; ')}` : explanation.summary;
}

export type CurrentProposalExplanation = {
  /** What fits now, on one line. */
  summary: string;
  /** What is missing now that does not stop the match (accommodations not offered, a required licence lacking). */
  missing: string[];
  /** Why the citizen could not be proposed for the job now, one Danish sentence each; empty while it still fits. */
  noLongerFits: string[];
  /** The stored text, when it says something other than the explanation now; null otherwise. */
  atProposal: string | null;
};

/** An open proposal's explanation, from the citizen's and the opening's rows as they are now. */
export function currentProposalExplanation(
  stored: string,
  citizen: MatchCitizen & CaseFacts,
  opening: MatchOpening,
  { today }: { today: CalendarDay },
): CurrentProposalExplanation {
  const explanation = explainMatch(citizen, opening);
  const now = proposalExplanationText(explanation);
  return {
    summary: explanation.summary,
    missing: softShortfalls(citizen, opening),
    noLongerFits: [...caseRefusals(citizen), ...hardFilterFailures(citizen, opening, { today })],
    atProposal: stored !== '' && stored !== now ? stored : null,
  };
}
