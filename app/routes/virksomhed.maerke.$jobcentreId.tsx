import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '../auth/permissions.server';
import { formatDate } from '../domain/format';
import { orHttpError } from '../services/errors.server';
import { socialMarkCertificate } from '../services/social-marks.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.certificate.title ?? 'Socialt ansvarlig virksomhed'} · Jobbro` }];

/** On paper only the certificate itself (public/maerke-print.css). */
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: '/maerke-print.css', media: 'print' }];

/** The company's certificate, while it holds the mark; otherwise 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'company');
  return { certificate: await orHttpError(() => socialMarkCertificate(user, params.jobcentreId ?? '')) };
}

export default function SocialMarkCertificatePage() {
  const { certificate } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print">
        <Link to="/virksomhed" className="back-link">
          Tilbage til virksomhedens side
        </Link>
      </p>
      <article className="jobbro-certificate" aria-labelledby="certificate-heading">
        <p className="jobbro-certificate-star" aria-hidden="true">
          ★
        </p>
        <p className="jobbro-certificate-kicker">Bevis</p>
        <h1 id="certificate-heading">{certificate.title}</h1>
        <p className="font-lead">
          <strong>{certificate.companyName}</strong>
          <br />
          CVR {certificate.cvr}
        </p>
        <p>
          {certificate.jobcentreName} anerkender virksomheden for at tage socialt ansvar: den har givet borgere plads i småjob, fleksjob eller skånejob, holdt
          opfølgningerne og svaret på jobcentrets forslag i tide.
        </p>
        <p>Mærket er givet {formatDate(new Date(certificate.heldSince))} og gælder, så længe virksomheden opfylder kriterierne, målt over de sidste 12 måneder.</p>
        <p className="jobbro-certificate-signature">{certificate.jobcentreName}</p>
      </article>
      <p className="no-print">
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          Udskriv beviset
        </button>
      </p>
    </>
  );
}
