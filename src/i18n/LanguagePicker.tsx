// The language picker in the header: every language in its own name and script, on every screen.
import { useState } from 'preact/hooks';
import { availableLanguages, changeLanguage, language, t } from './index';

// Until someone reaches the picker it holds only the language in use. Laying out the others' names is the first use of
// four more scripts (Arabic, Bengali, Gurmukhi, Gujarati), whose fonts the browser must find: that made the first
// layout of every page twice as long, before anything was painted. Reaching it by Tab focuses it; a tap or a click
// presses it before it focuses (and before Safari builds its list of choices), so both are listened for.
let isReached = false;

export function LanguagePicker() {
  const [failed, setFailed] = useState<string | null>(null);
  const [isListed, setListed] = useState(isReached);
  const reach = () => setListed((isReached = true));
  if (availableLanguages.length < 2) return null;
  return (
    <div class="language-picker">
      <label for="language-picker">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" class="language-picker__icon">
          <path
            fill="currentColor"
            d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm6.9 6h-2.9a15.7 15.7 0 0 0-1.4-3.6A8 8 0 0 1 18.9 8ZM12 4c.8 1.2 1.5 2.5 1.9 4h-3.8c.4-1.5 1.1-2.8 1.9-4ZM4.3 14a8.2 8.2 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4H4.3Zm.8 2h2.9c.3 1.3.8 2.5 1.4 3.6A8 8 0 0 1 5.1 16ZM8 8H5.1a8 8 0 0 1 4.3-3.6C8.8 5.5 8.3 6.7 8 8Zm4 12c-.8-1.2-1.5-2.5-1.9-4h3.8c-.4 1.5-1.1 2.8-1.9 4Zm2.3-6H9.7a14.7 14.7 0 0 1 0-4h4.6a14.7 14.7 0 0 1 0 4Zm.3 5.6c.6-1.1 1.1-2.3 1.4-3.6h2.9a8 8 0 0 1-4.3 3.6Zm1.7-5.6a16.5 16.5 0 0 0 0-4h3.4a8.2 8.2 0 0 1 0 4h-3.4Z"
          />
        </svg>
        <span class="language-picker__label">{t('language.label')}</span>
      </label>
      <select
        id="language-picker"
        value={language.value}
        onFocus={reach}
        onPointerDown={reach}
        onChange={(event) => {
          const code = event.currentTarget.value;
          setFailed(null);
          changeLanguage(code).catch(() => {
            setFailed(code);
            event.currentTarget.value = language.value;
          });
        }}
      >
        {availableLanguages.filter((info) => isListed || info.code === language.value).map((info) => (
          <option key={info.code} value={info.code} lang={info.code} dir={info.dir}>
            {info.nativeName}
          </option>
        ))}
      </select>
      {failed && (
        <p class="language-picker__problem" role="alert">
          {t('language.failed')}
        </p>
      )}
    </div>
  );
}
