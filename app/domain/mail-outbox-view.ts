/**
 * What the local mail outbox page (/dev/mail) may show. Its mails carry live one-time links (first passwords,
 * password resets, invitations): whoever reads one can take over that account and read a citizen's health
 * notes. So the whole mail is shown only where no real person's account is at stake:
 *
 * - in development (NODE_ENV is not production: `npm run dev`, the tests), where the outbox is the developer's
 *   inbox;
 * - in the try-out, while demo accounts exist: the administrator's password is public there (the Demo banner
 *   says so on every page), so anyone may read the outbox anyway and masking would only break the try-out,
 *   whose invitations and resets are read here (README, the e2e tests).
 *
 * Otherwise (a real deployment without SMTP) each mail shows recipient, subject, time and its text with every
 * link cut after the page's name, so the administrator can see what went out but never use it. With SMTP_URL
 * set the mail has gone to real inboxes: sent mail is not shown at all, unsent mail only as recipient,
 * subject and time.
 */
export type OutboxView = 'full' | 'masked' | 'unsent';

export function outboxView({ production, smtp, demo }: { production: boolean; smtp: boolean; demo: boolean }): OutboxView {
  if (smtp) return 'unsent';
  return !production || demo ? 'full' : 'masked';
}

/** A link's first path segment is kept when it is a page's plain name (ny-adgangskode, velkommen…). */
const PAGE_NAME = /^[a-z][a-z-]{0,39}$/;
export const MASK = '…';

/**
 * Cuts every link in a mail's text after its origin and the page's name: `…/ny-adgangskode/<token>` becomes
 * `…/ny-adgangskode/…`. Whatever follows (a token in the path, a query, a fragment) is gone, so nothing that
 * opens an account is left, whatever form a future link takes.
 */
export function maskLinks(text: string): string {
  return text.replace(/https?:\/\/\S+/g, (link) => {
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      return MASK;
    }
    const [first = '', ...rest] = url.pathname.split('/').filter(Boolean);
    const kept = PAGE_NAME.test(first) ? `/${first}` : '';
    const hidden = rest.length > 0 || url.search !== '' || url.hash !== '' || (first !== '' && kept === '');
    return `${url.origin}${kept}${hidden ? `/${MASK}` : ''}`;
  });
}
