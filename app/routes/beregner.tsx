import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { getUser } from '../auth/permissions.server';
import { readCalculatorForm } from '../domain/benefit-calculator';
import { ratesOn } from '../domain/benefit-rates';
import { toIsoDate } from '../domain/format';
import { languageOf } from '../i18n/language.server';
import { ownBenefitStatus } from '../services/benefit-calculator.server';
import { BenefitCalculator } from '../ui/benefit-calculator';
import { InLanguage, LanguageLine } from '../ui/citizen';

const TITLE = { da: 'Beregner: hvad betyder job for min økonomi?', en: 'Calculator: what does a job mean for my money?' } as const;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${TITLE[data?.language ?? 'da']} · Jobbro` }];

/** Public, no login: anyone may try the numbers. A logged-in citizen starts from their own benefit. */
export async function loader({ request }: LoaderFunctionArgs) {
  const language = languageOf(request);
  const user = await getUser(request);
  const benefit = user?.role === 'citizen' ? await ownBenefitStatus(user) : undefined;
  const form = readCalculatorForm(new URL(request.url).searchParams, { benefit }, ratesOn(toIsoDate(new Date())), language);
  return { language, form };
}

export default function CalculatorPage() {
  const { language, form } = useLoaderData<typeof loader>();
  return (
    <InLanguage language={language}>
      <LanguageLine language={language} />
      <h1>{TITLE[language]}</h1>
      <BenefitCalculator form={form} language={language} headingLevel="h2" />
    </InLanguage>
  );
}
