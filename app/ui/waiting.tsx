/**
 * "Venter på dig" at the top of a start page: one small section per kind of thing, most urgent first (the
 * order comes from app/domain/waiting.ts), each item a link to where it is done, "og N mere" when a list is cut.
 */
import { Form, Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { formatDate } from '../domain/format';
import { OPENING_WITHOUT_CANDIDATE_WORKING_DAYS, type WaitingGroup, type WaitingItem, type WaitingKind } from '../domain/waiting';
import { formatMonth } from './agreement';

export type WaitingWords = {
  heading: string;
  empty: string;
  groupHeading: (kind: WaitingKind) => string;
  more: (count: number) => string;
  moreHref: (kind: WaitingKind) => string;
  item: (item: WaitingItem) => ReactNode;
};

export function WaitingForYou({ groups, words, after }: { groups: WaitingGroup[]; words: WaitingWords; after?: (kind: WaitingKind) => ReactNode }) {
  return (
    <section aria-labelledby="waiting-heading" className="jobbro-waiting mb-6">
      <h2 id="waiting-heading">{words.heading}</h2>
      {groups.length === 0 ? <p>{words.empty}</p> : null}
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`waiting-${group.kind}`} className="mb-4">
          <h3 className="h4 mb-2" id={`waiting-${group.kind}`}>
            {words.groupHeading(group.kind)}
          </h3>
          <ul className="nobullet-list mt-0">
            {group.items.map((item) => (
              <li key={item.id} className="mb-2">
                {words.item(item)}
              </li>
            ))}
          </ul>
          {group.more > 0 ? (
            <p className="mt-0">
              <Link to={words.moreHref(group.kind)}>{words.more(group.more)}</Link>
            </p>
          ) : null}
          {after?.(group.kind)}
        </section>
      ))}
    </section>
  );
}

const more = (count: number) => `og ${count} mere`;

// ── The company ─────────────────────────────────────────────────────────────────────────────────────────

const COMPANY_HEADINGS: Partial<Record<WaitingKind, string>> = {
  answerCandidate: 'Kandidater der venter på jeres svar',
  confirmAgreement: 'Aftaler der venter på jeres bekræftelse',
  reportHours: 'Måneder uden oplyste timer',
};

/** Never a candidate's name: only the opening (the name is on the proposal's page, once the citizen said yes). */
export const COMPANY_WAITING_WORDS: WaitingWords = {
  heading: 'Venter på jer',
  empty: 'Intet venter på jer lige nu.',
  groupHeading: (kind) => COMPANY_HEADINGS[kind] ?? kind,
  more,
  moreHref: (kind) => (kind === 'answerCandidate' ? '/virksomhed/forslag' : '/virksomhed/aftaler'),
  item: (item) => {
    switch (item.kind) {
      case 'answerCandidate':
        return (
          <>
            <Link to={item.href}>Kandidat til {item.title}</Link>
            {item.note === 'citizenSaidYes' ? ' · kandidaten har sagt ja' : ' · ny kandidat'}
          </>
        );
      case 'confirmAgreement':
        return (
          <>
            <Link to={item.href}>Aftalen om {item.title}</Link>
            {item.version && item.version > 1 ? ` · ny version (${item.version}) skal bekræftes` : ' · skal bekræftes'}
          </>
        );
      case 'reportHours':
        return (
          <>
            <Link to={item.href}>
              Oplys timer for {formatMonth(item.date!)}: {item.title}
            </Link>
          </>
        );
      default:
        return <Link to={item.href}>{item.title}</Link>;
    }
  },
};

// ── The consultant ──────────────────────────────────────────────────────────────────────────────────────

const CONSULTANT_HEADINGS: Partial<Record<WaitingKind, string>> = {
  followUpOverdue: 'Opfølgninger der er overskredet',
  writeAgreement: 'Begge har sagt ja: skriv aftalen',
  passOnInterest: 'Borgere der er interesseret i et job',
  followUpThisWeek: 'Opfølgninger i denne uge',
  openingWithoutCandidate: `Job uden kandidat i mere end ${OPENING_WITHOUT_CANDIDATE_WORKING_DAYS} arbejdsdage`,
  newOpening: 'Nye jobopslag siden du sidst kiggede',
  newCompany: 'Nye virksomheder siden du sidst kiggede',
};

const CONSULTANT_MORE: Partial<Record<WaitingKind, string>> = {
  followUpOverdue: '/konsulent/aftaler',
  followUpThisWeek: '/konsulent/aftaler',
  writeAgreement: '/konsulent/aftaler#ready-heading',
  passOnInterest: '/konsulent/interesse',
  openingWithoutCandidate: '/jobs',
  newOpening: '/jobs',
  newCompany: '/konsulent/virksomheder',
};

export const CONSULTANT_WAITING_WORDS: WaitingWords = {
  heading: 'Venter på dig',
  empty: 'Intet venter på dig lige nu.',
  groupHeading: (kind) => CONSULTANT_HEADINGS[kind] ?? kind,
  more,
  moreHref: (kind) => CONSULTANT_MORE[kind] ?? '/konsulent',
  item: (item) => {
    switch (item.kind) {
      case 'followUpOverdue':
        return (
          <>
            <Link to={item.href}>
              {item.citizenName} hos {item.companyName}
            </Link>
            {item.count && item.count > 1
              ? `: ${item.count} overskredet, den første planlagt ${formatDate(item.date!)}`
              : `: planlagt ${formatDate(item.date!)}`}
          </>
        );
      case 'followUpThisWeek':
        return (
          <>
            <Link to={item.href}>
              {item.citizenName} hos {item.companyName}
            </Link>
            : planlagt {formatDate(item.date!)}
          </>
        );
      case 'writeAgreement':
        return (
          <>
            {item.citizenName}: {item.title} hos {item.companyName} ·{' '}
            <Link to={item.href} aria-label={`Skriv aftale for ${item.citizenName}: ${item.title}`}>
              Skriv aftale
            </Link>
          </>
        );
      case 'passOnInterest':
        return (
          <>
            {item.citizenName}: {item.title} hos {item.companyName} ·{' '}
            <Link to={item.href} aria-label={`${item.citizenName} er interesseret i ${item.title}: send videre?`}>
              Send videre?
            </Link>
          </>
        );
      case 'openingWithoutCandidate':
        return (
          <>
            <Link to={item.href}>
              {item.title} hos {item.companyName}
            </Link>{' '}
            · slået op {formatDate(item.date!)}
          </>
        );
      case 'newOpening':
        return (
          <Link to={item.href}>
            {item.title} hos {item.companyName}
          </Link>
        );
      default:
        return <Link to={item.href}>{item.title}</Link>;
    }
  },
};

/** After the new companies and openings: the consultant says they have seen them (no JavaScript needed). */
export function MarkNewAsSeen() {
  return (
    <Form method="post" className="mt-0">
      <input type="hidden" name="intent" value="seen" />
      <button type="submit" className="button button-secondary">
        Jeg har set dem
      </button>
    </Form>
  );
}
