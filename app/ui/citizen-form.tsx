/** The consultant's form for a citizen's profile, shared by "Opret borger" and "Ret borger". */
import { Form } from '@remix-run/react';
import type { LanguageSkill } from '../domain/vocabulary';
import { languageLine, otherLanguages } from '../domain/citizen-rules';
import { EXCLUSION_REASON_LABELS, LANGUAGE_LEVEL_ENTRIES } from '../domain/vocabulary';
import {
  ACCOMMODATION_ENTRIES,
  BENEFIT_STATUS_ENTRIES,
  DEMAND_ENTRIES,
  MAX_WEEKLY_HOURS,
  PATH_PHASE_ENTRIES,
  TRANSPORT_MODE_ENTRIES,
  type PathPhase,
  type TransportMode,
} from '../domain/vocabulary';
import { Checkbox, CheckboxGroup, RadioGroup, SelectField } from './choice-fields';
import { ErrorSummary, SubmitButton, TextField, type FieldErrors } from './form';
import { TextArea } from './text-area';

export type CitizenFormValues = Record<string, string | string[] | undefined>;

type Choice = { id: string; name: string };

/**
 * The excluded-company pickers offer the companies already chosen and the matches of a search (at most
 * PICKER_MATCHES), never every company: the "Find virksomhed" button posts the form with this intent, and
 * the page comes back with every value kept and the matches to choose from (works without JavaScript).
 */
export const FIND_COMPANIES_INTENT = 'find-companies';
export type CompanyPicker = { companies: (Choice & { cvr: string; city: string })[]; search: string; matches: number; more: boolean };

/** What the pickers need from the form's values: the search typed and the companies already chosen. */
export function companyPickerQuery(values: CitizenFormValues) {
  return { search: text(values, 'companySearch'), chosenIds: [text(values, 'excludedEmployerId'), text(values, 'excludedPartnerCompanyId')].filter(Boolean) };
}

export function isCompanySearch(values: CitizenFormValues): boolean {
  return values.intent === FIND_COMPANIES_INTENT;
}

function pickerStatus(picker: CompanyPicker): string {
  if (!picker.search) return 'Søg efter virksomheden først. Listerne nedenfor viser de virksomheder, søgningen finder.';
  if (picker.matches === 0) return `Ingen virksomheder passer på »${picker.search}«. Prøv en anden del af navnet eller CVR-nummeret.`;
  const found = picker.matches === 1 ? '1 virksomhed passer' : `${picker.matches} virksomheder passer`;
  return picker.more
    ? `${found} på »${picker.search}« (de første ${picker.matches} vises; skriv mere af navnet for at finde den rigtige). Vælg nedenfor.`
    : `${found} på »${picker.search}«. Vælg nedenfor.`;
}

const text = (values: CitizenFormValues, name: string) => {
  const value = values[name];
  return Array.isArray(value) ? value.join('\n') : (value ?? '');
};
const list = (values: CitizenFormValues, name: string) => {
  const value = values[name];
  return Array.isArray(value) ? value : value ? [value] : [];
};
const options = (entries: readonly { code: string; da: string }[]) => entries.map((entry) => ({ code: entry.code, label: entry.da }));

/** The order the error summary lists problems in: the order of the fields on the page. */
const FIELD_ORDER = [
  'name',
  'email',
  'phone',
  'postcode',
  'transportMode',
  'reachKm',
  'benefitStatus',
  'flexjobVisitationUntil',
  'excludedEmployerId',
  'excludedPartnerCompanyId',
  'hoursMin',
  'hoursMax',
  'wishes',
  'competences',
  'languages',
  'danishLevel',
  'restrictions',
  'neededAccommodations',
  'healthNotes',
  'phase',
  'nextAction',
  'nextActionDate',
  'consultantId',
];

export function CitizenForm({
  values,
  errors,
  consultants,
  companies,
  submitLabel,
}: {
  values: CitizenFormValues;
  errors: FieldErrors;
  consultants: Choice[];
  companies: CompanyPicker;
  submitLabel: string;
}) {
  const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);
  const summary = Object.entries(errors)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([fieldId, message]) => ({ fieldId, message: message ?? '' }));
  const companyOptions = [{ code: '', label: 'Ingen' }, ...companies.companies.map((company) => ({ code: company.id, label: `${company.name} (CVR ${company.cvr}, ${company.city})` }))];
  return (
    <Form method="post" noValidate>
      {/* Enter in any field saves the citizen: the first submit button is the form's default, and the search's comes earlier. */}
      <button type="submit" className="sr-only" tabIndex={-1} aria-hidden="true">
        {submitLabel}
      </button>
      <ErrorSummary errors={summary} />

      <fieldset>
        <legend className="h3">Borgeren</legend>
        <TextField name="name" label="Navn" autoComplete="off" defaultValue={text(values, 'name')} error={errors.name} />
        <TextField name="email" label="E-mail" type="email" autoComplete="off" optional defaultValue={text(values, 'email')} error={errors.email} />
        <TextField name="phone" label="Telefon" type="tel" autoComplete="off" optional defaultValue={text(values, 'phone')} error={errors.phone} />
        <TextField name="postcode" label="Postnummer" hint="Hvor borgeren bor. Bruges til at regne afstanden til arbejdspladser." inputMode="numeric" defaultValue={text(values, 'postcode')} error={errors.postcode} />
      </fieldset>

      <fieldset>
        <legend className="h3">Transport</legend>
        <RadioGroup name="transportMode" legend="Hvordan kommer borgeren på arbejde?" options={options(TRANSPORT_MODE_ENTRIES)} selected={text(values, 'transportMode') || undefined} error={errors.transportMode} />
        <TextField name="reachKm" label="Hvor langt kan borgeren rejse? (km)" hint="Fra 1 til 100 km." inputMode="decimal" defaultValue={text(values, 'reachKm')} error={errors.reachKm} />
        <Checkbox name="drivingLicence" label="Borgeren har kørekort" checked={text(values, 'drivingLicence') === 'on'} />
      </fieldset>

      <fieldset>
        <legend className="h3">Forsørgelse</legend>
        <RadioGroup name="benefitStatus" legend="Hvad er borgerens forsørgelse?" options={options(BENEFIT_STATUS_ENTRIES)} selected={text(values, 'benefitStatus') || undefined} error={errors.benefitStatus} />
        <TextField
          name="flexjobVisitationUntil"
          label="Fleksjobvisitationen gælder til og med"
          hint="Skal udfyldes ved ledighedsydelse."
          type="date"
          optional
          defaultValue={text(values, 'flexjobVisitationUntil')}
          error={errors.flexjobVisitationUntil}
        />
        <fieldset>
          <legend className="form-label">Virksomheder, borgeren ikke må få skånejob hos (seneste arbejdsgiver, ægtefælles/partners virksomhed)</legend>
          <TextField name="companySearch" label="Find virksomheden" hint="En del af navnet eller CVR-nummeret." optional defaultValue={companies.search} />
          <p>
            <button type="submit" name="intent" value={FIND_COMPANIES_INTENT} className="button button-secondary">
              Find virksomhed
            </button>
          </p>
          <p role="status">{pickerStatus(companies)}</p>
          <SelectField name="excludedEmployerId" label={EXCLUSION_REASON_LABELS.most_recent_employer} options={companyOptions} selected={text(values, 'excludedEmployerId')} error={errors.excludedEmployerId} />
          <SelectField
            name="excludedPartnerCompanyId"
            label={`Virksomhed ${EXCLUSION_REASON_LABELS.owned_by_partner.toLowerCase()}`}
            options={companyOptions}
            selected={text(values, 'excludedPartnerCompanyId')}
            error={errors.excludedPartnerCompanyId}
          />
        </fieldset>
      </fieldset>

      <fieldset>
        <legend className="h3">Timer om ugen</legend>
        <TextField name="hoursMin" label="Mindst antal timer om ugen" hint={`Fra 0 til ${MAX_WEEKLY_HOURS} timer.`} inputMode="decimal" defaultValue={text(values, 'hoursMin')} error={errors.hoursMin} />
        <TextField name="hoursMax" label="Højst antal timer om ugen" hint={`Højst ${MAX_WEEKLY_HOURS} timer.`} inputMode="decimal" defaultValue={text(values, 'hoursMax')} error={errors.hoursMax} />
      </fieldset>

      <fieldset>
        <legend className="h3">Ønsker og kompetencer</legend>
        <TextArea name="wishes" label="Borgerens jobønsker med egne ord" optional defaultValue={text(values, 'wishes')} error={errors.wishes} />
        <TextArea
          name="competences"
          label="Kompetencer og erfaring"
          hint="Skriv én pr. linje. Tag også det med, borgeren kan fra hjemmet og fritiden, fx madlavning, rengøring eller omsorg."
          optional
          rows={6}
          defaultValue={text(values, 'competences')}
          error={errors.competences}
        />
        <TextArea
          name="languages"
          label="Sprog"
          hint={`Andre sprog end dansk. Skriv ét sprog pr. linje med niveau, fx "Engelsk: godt". Niveauer: ${LANGUAGE_LEVEL_ENTRIES.map((entry) => entry.da.toLowerCase()).join(', ')}.`}
          optional
          rows={3}
          defaultValue={text(values, 'languages')}
          error={errors.languages}
        />
        <SelectField
          name="danishLevel"
          label="Hvor godt taler og forstår borgeren dansk?"
          options={options(LANGUAGE_LEVEL_ENTRIES)}
          placeholder="Vælg niveau"
          selected={text(values, 'danishLevel') || undefined}
          error={errors.danishLevel}
        />
      </fieldset>

      <CheckboxGroup
        name="restrictions"
        legend="Hvad skal borgeren undgå i arbejdet?"
        hint="Kun det, der har betydning for, hvilket arbejde borgeren kan klare. Skriv ingen diagnoser her."
        options={options(DEMAND_ENTRIES)}
        checked={list(values, 'restrictions')}
        error={errors.restrictions}
      />
      <CheckboxGroup
        name="neededAccommodations"
        legend="Hvilke hensyn har borgeren brug for?"
        options={options(ACCOMMODATION_ENTRIES)}
        checked={list(values, 'neededAccommodations')}
        error={errors.neededAccommodations}
      />

      <div className="bg-alternative p-5 mb-6">
        <TextArea
          name="healthNotes"
          label="Helbredsnoter (følsomme — vises kun for jobcentret)"
          hint="Følsomme oplysninger. De vises aldrig for virksomheder og kommer ikke med i søgningen."
          optional
          rows={4}
          defaultValue={text(values, 'healthNotes')}
          error={errors.healthNotes}
        />
      </div>

      <Checkbox
        name="consentToShare"
        label="Borgeren har givet samtykke til, at et resumé uden navn og kontaktoplysninger må vises for virksomheder"
        hint="Uden samtykke bliver borgeren ikke fundet, når du matcher med ledige job."
        checked={text(values, 'consentToShare') === 'on'}
      />

      <fieldset>
        <legend className="h3">Forløb</legend>
        <RadioGroup name="phase" legend="Hvor er borgeren i forløbet?" options={options(PATH_PHASE_ENTRIES)} selected={text(values, 'phase') || undefined} error={errors.phase} />
        <TextField name="nextAction" label="Næste handling" hint="Fx Samtale om ønsker og ressourcer" optional defaultValue={text(values, 'nextAction')} error={errors.nextAction} />
        <TextField name="nextActionDate" label="Dato for næste handling" type="date" optional defaultValue={text(values, 'nextActionDate')} error={errors.nextActionDate} />
        <SelectField
          name="consultantId"
          label="Ansvarlig konsulent"
          options={consultants.map((consultant) => ({ code: consultant.id, label: consultant.name }))}
          selected={text(values, 'consultantId') || undefined}
          error={errors.consultantId}
        />
      </fieldset>

      <div className="form-group">
        <SubmitButton pendingText="Gemmer …">{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}

/** A new profile starts in clarification, with the consultant who creates it as the one responsible. */
export function newCitizenFormValues(consultantId: string): CitizenFormValues {
  return {
    consultantId,
    phase: 'clarification' satisfies PathPhase,
    transportMode: 'public_transport' satisfies TransportMode,
  };
}

/** The form values of a saved profile, for editing. */
export function citizenToFormValues(citizen: {
  name: string;
  email: string | null;
  phone: string | null;
  postcode: string;
  transportMode: string;
  reachKm: number;
  benefitStatus: string;
  flexjobVisitationUntil: string | null;
  hoursMin: number;
  hoursMax: number;
  wishes: string;
  competences: string[];
  languages: LanguageSkill[];
  danishLevel: string;
  drivingLicence: boolean;
  restrictions: string[];
  neededAccommodations: string[];
  healthNotes: string;
  consentToShare: boolean;
  phase: string;
  nextAction: string | null;
  nextActionDate: string | null;
  consultantId: string | null;
  excludedCompanies: { companyId: string; reason: string }[];
}): CitizenFormValues {
  const number = (n: number) => String(n).replace('.', ',');
  const excluded = (reason: string) => citizen.excludedCompanies.find((entry) => entry.reason === reason)?.companyId ?? '';
  return {
    name: citizen.name,
    email: citizen.email ?? '',
    phone: citizen.phone ?? '',
    postcode: citizen.postcode,
    transportMode: citizen.transportMode,
    reachKm: number(citizen.reachKm),
    benefitStatus: citizen.benefitStatus,
    flexjobVisitationUntil: citizen.flexjobVisitationUntil ?? '',
    hoursMin: number(citizen.hoursMin),
    hoursMax: number(citizen.hoursMax),
    wishes: citizen.wishes,
    competences: citizen.competences.join('\n'),
    languages: otherLanguages(citizen.languages).map(languageLine).join('\n'),
    danishLevel: citizen.danishLevel,
    drivingLicence: citizen.drivingLicence ? 'on' : '',
    restrictions: citizen.restrictions,
    neededAccommodations: citizen.neededAccommodations,
    healthNotes: citizen.healthNotes,
    consentToShare: citizen.consentToShare ? 'on' : '',
    phase: citizen.phase,
    nextAction: citizen.nextAction ?? '',
    nextActionDate: citizen.nextActionDate ?? '',
    consultantId: citizen.consultantId ?? '',
    excludedEmployerId: excluded('most_recent_employer'),
    excludedPartnerCompanyId: excluded('owned_by_partner'),
  };
}
