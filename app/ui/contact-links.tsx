/** Phone numbers and e-mail addresses as links, so a phone calls and a mail program opens with one tap. */

/** The number as typed ("87 10 00 00") is shown; the link dials it without spaces. */
export function PhoneLink({ phone }: { phone: string }) {
  return <a href={`tel:${phone.replace(/[\s-]/g, '')}`}>{phone}</a>;
}

/** Long addresses wrap rather than push a phone's page sideways. */
export function EmailLink({ email }: { email: string }) {
  return (
    <a href={`mailto:${email}`} className="jobbro-break">
      {email}
    </a>
  );
}
