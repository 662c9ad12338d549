// Feed text from a saved favourite, in the reader's language when it has one. Like FeedText, but with the
// default language the favourite was saved with, since its listing (and so the live feed's) may be gone.
import type { Text } from '../feed/schema';
import { pickText } from '../feed/text';
import { language } from '../i18n';
import { directionOf } from '../i18n/languages';

export function SavedText({ value, defaultLanguage, maxLength = 200 }: { value: Text; defaultLanguage: string; maxLength?: number }) {
  const shown = pickText(value, language.value, defaultLanguage);
  const text = shown.text.length > maxLength ? `${shown.text.slice(0, maxLength)}…` : shown.text;
  const isForeign = shown.lang !== language.value;
  return (
    <span lang={isForeign ? shown.lang : undefined} dir={isForeign ? directionOf(shown.lang) : undefined}>
      {text}
    </span>
  );
}
