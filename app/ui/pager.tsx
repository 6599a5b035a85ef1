import { Link } from '@remix-run/react';
import type { PageOf } from '../domain/pagination';

/** The page links of a numbered list (`?side=`), kept with the URL's other parameters; nothing when one page holds all. */
export function Pager({ page, search, label }: { page: PageOf; search: string; label: string }) {
  if (page.pageCount <= 1) return null;
  const hrefFor = (number: number) => {
    const params = new URLSearchParams(search);
    if (number > 1) params.set('side', String(number));
    else params.delete('side');
    const query = params.toString();
    return query ? `?${query}` : '?';
  };
  return (
    <nav className="pagination" aria-label={label}>
      {page.page > 1 ? (
        <Link to={hrefFor(page.page - 1)} className="button button-arrow" rel="prev">
          Forrige<span className="sr-only"> side</span>
        </Link>
      ) : null}
      <span>
        Side {page.page} af {page.pageCount}
      </span>
      {page.page < page.pageCount ? (
        <Link to={hrefFor(page.page + 1)} className="button button-arrow" rel="next">
          Næste<span className="sr-only"> side</span>
        </Link>
      ) : null}
    </nav>
  );
}
