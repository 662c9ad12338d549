// Renders feed text as text (never HTML), marking it with its own language and direction when it differs from the page.
import type { JSX } from 'preact';
import { language } from '../i18n';
import { directionOf } from '../i18n/languages';
import type { Text } from './schema';
import { pickText } from './text';
import { feedDefaultLanguage } from './state';

interface Props {
  value: Text;
  as?: 'span' | 'p' | 'h1' | 'h2' | 'h3' | 'strong';
  class?: string;
  /** Longest run of characters to show; hostile feeds can carry 100 KB names. */
  maxLength?: number;
}

export function FeedText({ value, as: Tag = 'span', class: className, maxLength = 2000 }: Props): JSX.Element {
  const shown = pickText(value, language.value, feedDefaultLanguage.value);
  const text = shown.text.length > maxLength ? `${shown.text.slice(0, maxLength)}…` : shown.text;
  const isForeign = shown.lang !== language.value;
  return (
    <Tag class={className} lang={isForeign ? shown.lang : undefined} dir={isForeign ? directionOf(shown.lang) : undefined}>
      {text}
    </Tag>
  );
}
