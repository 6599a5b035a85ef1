import { municipalityName } from '../domain/jobcentre-rules';
import type { Language } from '../i18n/language';
import { textsFor } from '../i18n/texts';
import { EmailLink, PhoneLink } from './contact-links';

export type JobcentreContactView = { id: string; name: string; municipality: string; phone: string | null; email: string | null };

/** Each jobcentre with its phone and e-mail as links: where a page says "kontakt jobcentret", this says how. */
export function JobcentreContacts({ contacts, language = 'da', headingLevel = 2 }: { contacts: JobcentreContactView[]; language?: Language; headingLevel?: 2 | 3 }) {
  const t = textsFor(language).about;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  if (contacts.length === 0) return <p>{t.contactNone}</p>;
  return (
    <ul className="nobullet-list jobbro-contacts">
      {contacts.map((contact) => (
        <li key={contact.id}>
          <Heading className="h4" lang="da">
            {contact.name}
          </Heading>
          <p>
            <span lang="da">{municipalityName(contact.municipality)}</span>
            <br />
            {t.phone}: {contact.phone ? <PhoneLink phone={contact.phone} /> : t.noPhone}
            <br />
            {t.email}: {contact.email ? <EmailLink email={contact.email} /> : t.noPhone}
          </p>
        </li>
      ))}
    </ul>
  );
}
