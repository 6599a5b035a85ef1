import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { municipalityName } from '../domain/jobcentre-rules';
import { languageOf } from '../i18n/language.server';
import { jobcentreContacts } from '../services/jobcentres.server';
import { LanguageLine } from '../ui/citizen';
import { DanishOnlyNotice } from '../ui/danish-only';

export const meta: MetaFunction = () => [{ title: 'Privatliv og behandling af personoplysninger · Jobbro' }];

/**
 * What the GDPR (art. 13 and 14) says a person must be told: who is responsible, what is processed, why and on
 * what grounds, who sees it, how long it is kept (docs/decisions/012-retention.md) and the person's rights.
 * Written in Danish; the reader's language only decides the notice above it.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const contacts = await jobcentreContacts();
  return {
    language: 'da' as const,
    readerLanguage: languageOf(request),
    controllers: contacts.map((contact) => ({ id: contact.id, jobcentre: contact.name, municipality: municipalityName(contact.municipality) })),
  };
}

export default function PrivacyPage() {
  const { readerLanguage, controllers } = useLoaderData<typeof loader>();
  return (
    <>
      <LanguageLine language={readerLanguage} />
      <DanishOnlyNotice readerLanguage={readerLanguage} />
      <h1>Privatliv og behandling af personoplysninger</h1>
      <p className="font-lead">Her kan du læse, hvilke oplysninger Jobbro har om dig, hvorfor, hvem der ser dem, og hvor længe vi gemmer dem.</p>

      <h2>Hvem er ansvarlig?</h2>
      <p>
        Kommunen er dataansvarlig for dine oplysninger. Det er den kommune, hvis jobcenter du er tilknyttet. Jobcentret bruger Jobbro i sit
        arbejde med at hjælpe borgere i job.
      </p>
      {controllers.length > 0 ? (
        <ul>
          {controllers.map((controller) => (
            <li key={controller.id}>
              {controller.municipality} ({controller.jobcentre})
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        Kommunen har en databeskyttelsesrådgiver. Du kan kontakte rådgiveren gennem kommunen. Jobcentrets telefon og e-mail står på siden{' '}
        <Link to="/kontakt">Kontakt</Link>.
      </p>

      <h2>Hvis du er borger</h2>
      <h3>Hvilke oplysninger har vi?</h3>
      <ul>
        <li>Dit navn, din e-mail, dit telefonnummer og dit postnummer.</li>
        <li>Dine jobønsker, det du er god til, dine sprog, og om du har kørekort.</li>
        <li>Hvor mange timer du kan arbejde, og hvor langt du kan komme.</li>
        <li>Din ydelse, og om du er visiteret til fleksjob eller får førtidspension. Det afgør, hvilke job du kan få.</li>
        <li>
          Hensyn til dit helbred: hvad du ikke kan (fx tunge løft), hvad du har brug for (fx ekstra pauser), og noter fra jobcentret. Det er
          følsomme oplysninger.
        </li>
        <li>Forslag til job, dine svar, din aftale med en virksomhed, dine timer og jobcentrets opfølgning.</li>
        <li>Hvem der har set dine oplysninger, og hvornår.</li>
      </ul>
      <p>Vi gemmer ikke dit CPR-nummer.</p>

      <h3>Hvorfor?</h3>
      <p>
        Jobcentret bruger oplysningerne til at finde job, der passer til dig, og til at følge op, når du er startet. Det er en del af kommunens
        opgaver efter lov om en aktiv beskæftigelsesindsats. Grundlaget er databeskyttelsesforordningens artikel 6, stk. 1, litra e
        (myndighedsudøvelse), og for helbredsoplysninger artikel 9, stk. 2, litra b, og databeskyttelseslovens § 7.
      </p>

      <h3>Hvem ser dine oplysninger?</h3>
      <ul>
        <li>Du selv og jobkonsulenterne i dit jobcenter.</li>
        <li>
          En virksomhed ser kun et kort resumé uden dit navn, indtil du har sagt ja til et job. Så ser den dit navn og hvordan den kan kontakte
          dig.
        </li>
        <li>
          En virksomhed ser aldrig en diagnose eller jobcentrets noter. Den ser kun de hensyn, den selv skal tage, og kun hvis du har sagt ja til
          det.
        </li>
        <li>
          Hver gang en anden end dig ser dine oplysninger, skriver Jobbro det ned. Du kan se listen under Mine data, når du er logget ind.
        </li>
      </ul>

      <h2>Hvis du er en virksomhed</h2>
      <p>
        Vi har virksomhedens CVR-nummer, navn, adresse, branche og antal ansatte, og navn, e-mail og telefon på de personer, der bruger Jobbro
        for virksomheden. Jobbro bruger dem til at slå job op, til at lave aftaler og til at følge op. Jobopslag kan alle se under Find job.
      </p>

      <h2>Hvor længe gemmer vi oplysningerne?</h2>
      <ul>
        <li>
          Når din sag er lukket, gemmer vi oplysningerne i 5 år. Så bliver de gjort anonyme: navn, kontakt, ønsker, helbred og noter bliver
          slettet. Kun tal til statistik bliver tilbage.
        </li>
        <li>Listen over, hvem der har set dine oplysninger, gemmer vi i 2 år.</li>
        <li>Et login holder højst 30 dage for borgere og virksomheder og højst 12 timer for jobcentrets medarbejdere.</li>
      </ul>

      <h2>Dine rettigheder</h2>
      <ul>
        <li>Du har ret til at se de oplysninger, vi har om dig. Som borger kan du hente dem selv under Mine data.</li>
        <li>Du har ret til at få forkerte oplysninger rettet. Dine ønsker kan du selv rette. Resten retter jobcentret.</li>
        <li>Du har i nogle tilfælde ret til at få oplysninger slettet eller til at få brugen af dem begrænset.</li>
        <li>Du har ret til at gøre indsigelse mod, at vi bruger dine oplysninger.</li>
      </ul>
      <p>
        Vil du bruge dine rettigheder, så kontakt jobcentret. Se telefon og e-mail på siden <Link to="/kontakt">Kontakt</Link>.
      </p>

      <h2>Klag til Datatilsynet</h2>
      <p>
        Er du utilfreds med, hvordan vi bruger dine oplysninger, kan du klage til Datatilsynet. Læs hvordan på{' '}
        <a href="https://www.datatilsynet.dk">datatilsynet.dk</a>.
      </p>

      <h2>Cookies</h2>
      <p>
        Jobbro bruger kun nødvendige cookies. Læs mere på siden <Link to="/cookies">Cookies</Link>.
      </p>
    </>
  );
}
