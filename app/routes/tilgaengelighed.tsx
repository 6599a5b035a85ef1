import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { languageOf } from '../i18n/language.server';
import { jobcentreContacts } from '../services/jobcentres.server';
import { LanguageLine } from '../ui/citizen';
import { DanishOnlyNotice } from '../ui/danish-only';
import { JobcentreContacts } from '../ui/jobcentre-contacts';

export const meta: MetaFunction = () => [{ title: 'Tilgængelighedserklæring · Jobbro' }];

/** When the statement was last reviewed against the pages; the law asks for at least once a year. */
const REVIEWED = '7. december 2026';
const DIGST_COMPLAINT_URL = 'https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/';

/**
 * The accessibility statement the web accessibility law (lov nr. 692 af 8. juni 2018, § 4) requires, in the
 * shape of the EU's model statement: status, what is not accessible, how it was made, feedback with phone and
 * writing, and the complaint route. Written in Danish; the reader's language only decides the notice above it.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return { language: 'da' as const, readerLanguage: languageOf(request), contacts: await jobcentreContacts() };
}

export default function AccessibilityStatementPage() {
  const { readerLanguage, contacts } = useLoaderData<typeof loader>();
  return (
    <>
      <LanguageLine language={readerLanguage} />
      <DanishOnlyNotice readerLanguage={readerLanguage} />
      <h1>Tilgængelighedserklæring for Jobbro</h1>
      <p className="font-lead">
        Jobbro skal kunne bruges af alle. Også hvis du ser dårligt, bruger skærmlæser, ikke kan bruge en mus eller læser dansk med besvær.
      </p>
      <p>
        Jobbro drives af jobcentret i din kommune. Kommunen skal gøre Jobbro tilgængelig efter lov om tilgængelighed af offentlige organers
        websteder og mobilapplikationer (webtilgængelighedsloven). Her kan du læse, hvor godt Jobbro lever op til loven.
      </p>

      <h2>Lever Jobbro op til kravene?</h2>
      <p>
        Jobbro lever <strong>delvist</strong> op til kravene. Kravene er standarden WCAG 2.1 på niveau AA. Nogle dele er endnu ikke helt
        tilgængelige. Dem kan du læse om herunder.
      </p>

      <h2>Det, der virker</h2>
      <ul>
        <li>Siderne er bygget med Det Fælles Designsystem, som offentlige hjemmesider i Danmark bruger.</li>
        <li>Du kan bruge alle sider med tastaturet. Øverst på hver side er et link direkte til sidens indhold.</li>
        <li>Overskrifter, formularfelter og knapper har navne, som en skærmlæser kan læse op.</li>
        <li>Skriver du noget forkert i en formular, står fejlen ved feltet, og en oversigt over fejlene står øverst.</li>
        <li>Siderne virker på mobiltelefoner og uden JavaScript.</li>
        <li>Borgerens sider, jobsøgningen og login kan læses på engelsk. Vælg English øverst på siden.</li>
      </ul>

      <h2>Det, der ikke er tilgængeligt endnu</h2>
      <ul>
        <li>
          Sider for virksomheder og for jobcentrets medarbejdere findes kun på dansk. Lange sider som denne og siden om privatliv findes også kun
          på dansk.
        </li>
        <li>
          Jobopslag, aftaler og noter er skrevet af virksomheder og jobcentret. De er ikke altid skrevet i et let sprog og bliver ikke oversat.
        </li>
        <li>Nogle datoer skal skrives som tal i et tekstfelt, fx 2027-01-12, i stedet for at vælges i en kalender.</li>
        <li>
          Nogle lange sider og tabeller er svære at overskue på en lille skærm, fx listen over, hvem der har set dine oplysninger, og oversigten
          over timer.
        </li>
        <li>Filen med dine data (Mine data) er en teknisk fil (JSON), som kan være svær at læse uden hjælp.</li>
      </ul>
      <p>
        Vi retter fejlene løbende. Har du brug for oplysningerne på en anden måde, så kontakt jobcentret. Så hjælper vi dig, fx over telefonen
        eller ved et møde.
      </p>

      <h2>Sådan er erklæringen lavet</h2>
      <p>
        Erklæringen er lavet ved en selvevaluering. Vi tester alle sider automatisk med værktøjet axe. Vi ser også selv siderne igennem på en
        computer og på en mobiltelefon med en skærm på 320 pixels, og vi bruger dem med tastaturet. Erklæringen blev sidst gennemgået{' '}
        {REVIEWED}.
      </p>

      <h2>Giv os besked</h2>
      <p>
        Oplever du noget i Jobbro, som du ikke kan bruge? Så ring eller skriv til jobcentret. Fortæl, hvilken side det er, og hvad der ikke
        virker. Vi svarer så hurtigt som muligt og senest inden for 10 arbejdsdage.
      </p>
      <JobcentreContacts contacts={contacts} headingLevel={3} />

      <h2>Klag til Digitaliseringsstyrelsen</h2>
      <p>
        Har du ikke fået svar fra jobcentret inden for 10 arbejdsdage? Eller er du ikke tilfreds med svaret? Så kan du klage til
        Digitaliseringsstyrelsen. Den fører tilsyn med, at offentlige hjemmesider er tilgængelige.
      </p>
      <p>
        <a href={DIGST_COMPLAINT_URL}>Læs hos Digitaliseringsstyrelsen, hvordan du klager</a>
      </p>
    </>
  );
}
