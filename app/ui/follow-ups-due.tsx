/** The follow-ups due this week and those overdue, across the consultant's caseload. */
import { Link } from '@remix-run/react';
import { formatDate } from '../domain/format';

type Due = { id: string; citizenName: string; companyName: string; next: string | null };

function DueList({ items, id, heading, empty }: { items: Due[]; id: string; heading: string; empty: string }) {
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
              {item.next ? `: planlagt ${formatDate(item.next)}` : ''}
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
      <DueList items={overdue} id="overdue-heading" heading="Opfølgninger der er overskredet" empty="Ingen opfølgninger er overskredet." />
      <DueList items={dueThisWeek} id="due-heading" heading="Opfølgninger i denne uge" empty="Der er ingen planlagte opfølgninger resten af ugen." />
    </>
  );
}
