import type { Role } from '../domain/vocabulary';

/** The acting user as services see it: who, in which role, on behalf of which organisation. */
export type Actor = {
  id: string;
  name: string;
  role: Role;
  jobcentreId: string | null;
  companyId: string | null;
  citizenId: string | null;
};
