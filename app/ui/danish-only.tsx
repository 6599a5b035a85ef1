import type { Language } from '../i18n/language';
import { textsFor } from '../i18n/texts';

/** Above a long page written in Danish only: an English reader is told so, in English (decision 016). */
export function DanishOnlyNotice({ readerLanguage }: { readerLanguage: Language }) {
  const notice = textsFor(readerLanguage).about.danishOnly;
  if (!notice) return null;
  return (
    <div className="alert alert-info" lang={readerLanguage}>
      <div className="alert-body">
        <p className="alert-text">{notice}</p>
      </div>
    </div>
  );
}
