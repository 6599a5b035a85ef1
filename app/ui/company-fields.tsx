import { TextField } from './form';

type FieldProps = { name: string; defaultValue: string; error?: string };

/**
 * A company's details, the same fields on every form that writes them: the company's sign-up (by mail or by
 * MitID Erhverv, which brings CVR and name itself), its profile, and the consultant's new company. `ownCompany`
 * lets the browser fill in the address and phone it knows; a consultant types another company's.
 */
export function CompanyFields({
  field,
  withCvrAndName = true,
  ownCompany,
  emailLabel = 'E-mail',
}: {
  field: (name: string) => FieldProps;
  withCvrAndName?: boolean;
  ownCompany: boolean;
  emailLabel?: string;
}) {
  const fill = (token: string) => (ownCompany ? token : 'off');
  return (
    <>
      {withCvrAndName ? (
        <>
          <TextField {...field('cvr')} label="CVR-nummer" hint="8 cifre" inputMode="numeric" />
          <TextField {...field('name')} label="Virksomhedens navn" autoComplete={fill('organization')} />
        </>
      ) : null}
      <TextField {...field('address')} label="Adresse" autoComplete={fill('street-address')} />
      <TextField {...field('postcode')} label="Postnummer" inputMode="numeric" autoComplete={fill('postal-code')} />
      <TextField {...field('industry')} label="Branche" hint="Fx rengøring, detailhandel eller lager" />
      <TextField {...field('ordinaryEmployees')} label="Antal ordinært ansatte" inputMode="numeric" />
      <TextField {...field('phone')} label="Telefon" type="tel" autoComplete={fill('tel')} />
      <TextField {...field('email')} label={emailLabel} type="email" autoComplete={fill('email')} />
    </>
  );
}
