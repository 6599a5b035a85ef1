/** The jobcentres, their staff and the companies of the demo, with the demo logins. Data only: db/seed.ts builds the rows from it. */

export type JobcentreKey = 'aarhus' | 'randers';
export type ConsultantKey = 'mette' | 'rasmus' | 'lone';
export type CompanyKey =
  | 'kattegat'
  | 'nordlys'
  | 'cafeAaen'
  | 'brabrandPleje'
  | 'vibyAuto'
  | 'groenHave'
  | 'risskovVaskeri'
  | 'lystrupKantine'
  | 'tranbjergKoebmand'
  | 'skoedstrupGenbrug'
  | 'egaaIdraet';

export type Contact = { name: string; role: string; phone: string; email: string };

// ---------------------------------------------------------------------------------------------------------
// Organisations and staff

export const JOBCENTRES: Record<JobcentreKey, { name: string; municipality: string; phone: string; email: string }> = {
  aarhus: { name: 'Jobcenter Aarhus', municipality: 'Aarhus Kommune', phone: '87 10 00 00', email: 'jobcenter@aarhus.jobbro.test' },
  randers: { name: 'Jobcenter Randers', municipality: 'Randers Kommune', phone: '89 10 00 00', email: 'jobcenter@randers.jobbro.test' },
};

export const CONSULTANTS: Record<ConsultantKey, { email: string; name: string; phone: string; jobcentre: JobcentreKey }> = {
  mette: { email: 'konsulent@jobbro.test', name: 'Mette Sørensen', phone: '87 10 12 34', jobcentre: 'aarhus' },
  rasmus: { email: 'konsulent2@jobbro.test', name: 'Rasmus Bech', phone: '87 10 12 57', jobcentre: 'aarhus' },
  lone: { email: 'konsulent.randers@jobbro.test', name: 'Lone Brandt', phone: '89 10 20 41', jobcentre: 'randers' },
};

/** The jobcentre's leader (jobcenterleder): sees the jobcentre's figures on /leder, never a citizen's name. */
export const LEADERS: { email: string; name: string; phone: string; jobcentre: JobcentreKey }[] = [
  { email: 'leder@jobbro.test', name: 'Hanne Kjær', phone: '87 10 11 00', jobcentre: 'aarhus' },
];

export const ADMIN = { email: 'admin@jobbro.test', name: 'Anders Holm' };

/** Company logins; the other companies were registered by the jobcentre, which posts their openings. */
export const COMPANY_LOGINS: { email: string; company: CompanyKey }[] = [
  { email: 'virksomhed@jobbro.test', company: 'kattegat' },
  { email: 'virksomhed2@jobbro.test', company: 'nordlys' },
  // Close to the mark "Socialt ansvarlig virksomhed": confirming its agreement earns it (decision 033).
  { email: 'virksomhed3@jobbro.test', company: 'egaaIdraet' },
];

export const CITIZEN_LOGIN_EMAIL = 'borger@jobbro.test';
/** A fleksjob-visitated citizen whom the warehouse fleksjob matches, so the proposal story can be played to the end. */
export const FLEXJOB_CITIZEN_LOGIN = { email: 'borger.fleksjob@jobbro.test', citizenName: 'Lars Møller' };

export type CompanySeed = {
  key: CompanyKey;
  name: string;
  address: string;
  postcode: string;
  industry: string;
  ordinaryEmployees: number;
  phone: string;
  email: string;
  contact: Contact;
};

/** The first company is the one `virksomhed@jobbro.test` works for. */
export const COMPANIES: CompanySeed[] = [
  {
    key: 'kattegat',
    name: 'Kattegat Lager & Logistik A/S',
    address: 'Agerøvej 9',
    postcode: '8381',
    industry: 'Lager og logistik',
    ordinaryEmployees: 120,
    phone: '86 24 51 00',
    email: 'kontakt@kattegat-logistik.test',
    contact: { name: 'Bo Jessen', role: 'Lagerchef', phone: '86 24 51 30', email: 'bo.jessen@kattegat-logistik.test' },
  },
  {
    key: 'nordlys',
    name: 'Nordlys Rengøring ApS',
    address: 'Silkeborgvej 212',
    postcode: '8230',
    industry: 'Rengøring og ejendomsservice',
    ordinaryEmployees: 34,
    phone: '86 15 22 00',
    email: 'kontakt@nordlys-rengoering.test',
    contact: { name: 'Pia Andersen', role: 'Driftsleder', phone: '86 15 22 40', email: 'pia.andersen@nordlys-rengoering.test' },
  },
  {
    key: 'cafeAaen',
    name: 'Café Åen',
    address: 'Åboulevarden 18',
    postcode: '8000',
    industry: 'Café og restaurant',
    ordinaryEmployees: 14,
    phone: '86 12 40 10',
    email: 'hej@cafe-aaen.test',
    contact: { name: 'Sara Lindberg', role: 'Køkkenchef', phone: '86 12 40 18', email: 'sara@cafe-aaen.test' },
  },
  {
    key: 'brabrandPleje',
    name: 'Brabrand Plejecenter',
    address: 'Gudrunsvej 80',
    postcode: '8220',
    industry: 'Ældrepleje (Aarhus Kommune)',
    ordinaryEmployees: 85,
    phone: '87 13 52 00',
    email: 'brabrand-plejecenter@aarhus.jobbro.test',
    contact: { name: 'Birgit Lauesen', role: 'Leder af aktivitetscentret', phone: '87 13 52 60', email: 'birgit.lauesen@aarhus.jobbro.test' },
  },
  {
    key: 'vibyAuto',
    name: 'Viby Auto & Bilvask',
    address: 'Skanderborgvej 190',
    postcode: '8260',
    industry: 'Autoværksted og bilvask',
    ordinaryEmployees: 18,
    phone: '86 14 33 70',
    email: 'info@vibyauto.test',
    contact: { name: 'Kenneth Bøgh', role: 'Værkstedsleder', phone: '86 14 33 72', email: 'kenneth@vibyauto.test' },
  },
  {
    key: 'groenHave',
    name: 'Grøn Have Service ApS',
    address: 'Hasselager Centervej 14',
    postcode: '8361',
    industry: 'Anlægsgartner og havepleje',
    ordinaryEmployees: 9,
    phone: '86 29 14 00',
    email: 'kontakt@groenhave.test',
    contact: { name: 'Jesper Kaae', role: 'Indehaver', phone: '86 29 14 05', email: 'jesper@groenhave.test' },
  },
  {
    key: 'risskovVaskeri',
    name: 'Risskov Vaskeri ApS',
    address: 'Ravnsøvej 12',
    postcode: '8240',
    industry: 'Vaskeri',
    ordinaryEmployees: 22,
    phone: '86 17 90 30',
    email: 'kontakt@risskov-vaskeri.test',
    contact: { name: 'Lotte Brix', role: 'Daglig leder', phone: '86 17 90 31', email: 'lotte@risskov-vaskeri.test' },
  },
  {
    key: 'lystrupKantine',
    name: 'Lystrup Kantine & Catering',
    address: 'Nymarksvej 5',
    postcode: '8520',
    industry: 'Kantine og catering',
    ordinaryEmployees: 26,
    phone: '86 22 71 40',
    email: 'kontakt@lystrup-kantine.test',
    contact: { name: 'Ahmad Karimi', role: 'Køkkenleder', phone: '86 22 71 44', email: 'ahmad@lystrup-kantine.test' },
  },
  {
    key: 'tranbjergKoebmand',
    name: 'Tranbjerg Købmand',
    address: 'Tranbjerg Hovedgade 30',
    postcode: '8310',
    industry: 'Dagligvarehandel',
    ordinaryEmployees: 16,
    phone: '86 29 03 10',
    email: 'butik@tranbjerg-koebmand.test',
    contact: { name: 'Claus Frederiksen', role: 'Købmand', phone: '86 29 03 11', email: 'claus@tranbjerg-koebmand.test' },
  },
  {
    key: 'skoedstrupGenbrug',
    name: 'Skødstrup Genbrug',
    address: 'Grenåvej 740',
    postcode: '8541',
    industry: 'Genbrugsbutik',
    ordinaryEmployees: 6,
    phone: '86 99 12 80',
    email: 'butik@skoedstrup-genbrug.test',
    contact: { name: 'Inge Dalsgaard', role: 'Butiksleder', phone: '86 99 12 81', email: 'inge@skoedstrup-genbrug.test' },
  },
  {
    key: 'egaaIdraet',
    name: 'Egå Idrætscenter',
    address: 'Egå Centervej 3',
    postcode: '8250',
    industry: 'Idræts- og fritidscenter',
    ordinaryEmployees: 12,
    phone: '86 22 45 90',
    email: 'kontakt@egaa-idraet.test',
    contact: { name: 'Niels Ebbesen', role: 'Centerleder', phone: '86 22 45 91', email: 'niels@egaa-idraet.test' },
  },
];
