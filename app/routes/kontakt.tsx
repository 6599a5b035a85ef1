import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { languageOf } from '../i18n/language.server';
import { textsFor } from '../i18n/texts';
import { jobcentreContacts } from '../services/jobcentres.server';
import { InLanguage, LanguageLine } from '../ui/citizen';
import { JobcentreContacts } from '../ui/jobcentre-contacts';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${textsFor(data?.language ?? 'da').about.contactTitle} · Jobbro` }];

/** Public, in the reader's language: the jobcentres' own phone and e-mail, as the administrators entered them. */
export async function loader({ request }: LoaderFunctionArgs) {
  return { language: languageOf(request), contacts: await jobcentreContacts() };
}

export default function ContactPage() {
  const { language, contacts } = useLoaderData<typeof loader>();
  const t = textsFor(language).about;
  return (
    <InLanguage language={language}>
      <LanguageLine language={language} />
      <h1>{t.contactTitle}</h1>
      <p className="font-lead">{t.contactIntro}</p>
      <p>{t.contactCitizen}</p>
      <JobcentreContacts contacts={contacts} language={language} />
    </InLanguage>
  );
}
