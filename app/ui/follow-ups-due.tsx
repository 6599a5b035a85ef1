/** The follow-ups due this week and those overdue, across the consultant's caseload. */
import { Link } from '@remix-run/react';
import { formatDate } from '../domain/format';

type Due = { id: string; citizenName: string; companyName: string; next: string | null; upcoming: string | null; overdueDates: string[] };

/** What each item says after the names: every missed date in the overdue list, the next date in this week's. */
function dueText(item: Due, overdue: boolean): string {
  if (overdue && item.overdueDates.length > 1) return `: ${item.overdueDates.length} overskredet, planlagt ${item.overdueDates.map(formatDate).join(', ')}`;
  if (overdue && item.overdueDates.length === 1) return `: planlagt ${formatDate(item.overdueDates[0]!)}`;
  return item.upcoming ? `: planlagt ${formatDate(item.upcoming)}` : '';
}

function DueList({ items, id, heading, empty, overdue }: { items: Due[]; id: string; heading: string; empty: string; overdue: boolean }) {
  return (
    <section aria-labelledby={id} className="mb-6">
      <h2 className="h3" id={id}>
        {heading}
      </h2>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="nobullet-list">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={`/konsulent/aftaler/${item.id}#opfoelgning`}>
                {item.citizenName} hos {item.companyName}
              </Link>
              {dueText(item, overdue)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function FollowUpsDue({ overdue, dueThisWeek }: { overdue: Due[]; dueThisWeek: Due[] }) {
  return (
    <>
      <DueList items={overdue} id="overdue-heading" heading="Opfølgninger der er overskredet" empty="Ingen opfølgninger er overskredet." overdue />
      <DueList items={dueThisWeek} id="due-heading" heading="Opfølgninger i denne uge" empty="Der er ingen planlagte opfølgninger resten af ugen." overdue={false} />
    </>
  );
}
