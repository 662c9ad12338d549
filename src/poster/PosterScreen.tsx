// Posters for community centres at /poster/activity/<id> and /poster/venue/<id>: A4 or A5 (?size=a5), in English
// and a second language the centre picks (?lang=ur), with a large QR code of the listing's own address. On screen the
// page shows its controls; on paper only the poster prints, on exactly one page.
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import i18next, { type TFunction } from 'i18next';
import type { Activity, Feed, Venue } from '../feed/schema';
import { currentFeed } from '../feed/state';
import { pickText } from '../feed/text';
import { availableLanguages, language, loadStrings, t } from '../i18n';
import { usePageTitle } from '../app/usePageTitle';
import { BackLink } from '../app/BackLink';
import { activityUrl, venueUrl } from '../share/links';
import { activitiesAtVenue, venueOf } from '../share/listing';
import { activityPosterText, posterPhone, sizeFrom, venuePosterText, type PosterSize, type PosterText, type VenuePosterText } from './poster-data';
import { QrCode } from './QrCode';
import '../share/share.css';
import './poster.css';

interface Props {
  params?: { kind?: string; id?: string };
}

/** Loads a language's main and share strings, so the poster can be written in it whatever the page's language is. */
async function loadPosterLanguage(code: string): Promise<TFunction> {
  await i18next.loadLanguages(code);
  await loadStrings('share', code);
  return i18next.getFixedT(code);
}

function usePosterLanguages(second: string | null): { english: TFunction; other: TFunction | null } | null {
  const [loaded, setLoaded] = useState<{ key: string; english: TFunction; other: TFunction | null } | null>(null);
  const key = second ?? '';
  useEffect(() => {
    let isCurrent = true;
    void Promise.all([loadPosterLanguage('en'), second ? loadPosterLanguage(second) : Promise.resolve(null)]).then(([english, other]) => {
      if (isCurrent) setLoaded({ key, english, other });
    });
    return () => void (isCurrent = false);
  }, [key]);
  return loaded && loaded.key === key ? loaded : null;
}

export default function PosterScreen({ params }: Props) {
  const feed = currentFeed.value;
  const { url, route } = useLocation();
  const query = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?')) : '');
  const size = sizeFrom(query.get('size'));
  const requested = query.get('lang');
  const second = requested && requested !== 'en' && availableLanguages.some((l) => l.code === requested) ? requested : null;
  const kind = params?.kind === 'venue' ? 'venue' : 'activity';
  const id = params?.id ?? '';
  const activity = kind === 'activity' ? feed?.activities.find((a) => a.id === id) : undefined;
  const venue = kind === 'venue' ? feed?.venues.get(id) : activity ? venueOf(activity, feed!) : undefined;
  const subject = kind === 'activity' ? activity : venue;
  const name = feed && subject ? pickText(subject.name, language.value, feed.defaultLanguage).text.slice(0, 200) : '';
  usePageTitle(subject ? t('share.poster.title', { name }) : t('share.poster.notFound'));
  const texts = usePosterLanguages(second);
  if (!feed) return null;
  if (!subject) {
    return (
      <section class="page">
        <h1 tabIndex={-1}>{t('share.poster.notFound')}</h1>
        <p>
          <a href="/">{t('notFound.home')}</a>
        </p>
      </section>
    );
  }

  const change = (next: { size?: PosterSize; lang?: string | null }) => {
    const nextSize = next.size ?? size;
    const nextLang = next.lang === undefined ? second : next.lang;
    const search = new URLSearchParams();
    if (nextSize !== 'a4') search.set('size', nextSize);
    if (nextLang) search.set('lang', nextLang);
    const text = search.toString();
    route(`/poster/${kind}/${encodeURIComponent(id)}${text ? `?${text}` : ''}`, true);
  };

  return (
    <div class="poster-page">
      <div class="poster-controls no-print">
        <BackLink href={kind === 'activity' ? `/activity/${encodeURIComponent(id)}` : `/venue/${encodeURIComponent(id)}`} />
        <h1 tabIndex={-1}>{t('share.poster.title', { name })}</h1>
        <p>{t('share.poster.intro')}</p>
        <div class="poster-controls__row">
          <fieldset class="poster-controls__size">
            <legend>{t('share.poster.size')}</legend>
            {(['a4', 'a5'] as const).map((option) => (
              <label key={option} class="choice">
                <input type="radio" name="poster-size" value={option} checked={size === option} onChange={() => change({ size: option })} />
                {t(`share.poster.${option}`)}
              </label>
            ))}
          </fieldset>
          <p class="poster-controls__language">
            <label for="poster-language">{t('share.poster.language')}</label>
            <select id="poster-language" value={second ?? ''} onChange={(event) => change({ lang: event.currentTarget.value || null })}>
              <option value="">{t('share.poster.englishOnly')}</option>
              {availableLanguages
                .filter((l) => l.code !== 'en')
                .map((l) => (
                  <option key={l.code} value={l.code} lang={l.code}>
                    {l.nativeName}
                  </option>
                ))}
            </select>
          </p>
        </div>
        <button type="button" class="button poster-controls__print" onClick={() => window.print()} disabled={!texts}>
          {t('share.poster.print')}
        </button>
      </div>
      {texts && (
        <div class="poster-preview">
          {kind === 'activity' && activity ? (
            <ActivityPoster activity={activity} feed={feed} size={size} english={texts.english} other={texts.other} second={second} />
          ) : (
            venue && <VenuePoster venue={venue} feed={feed} size={size} english={texts.english} other={texts.other} second={second} />
          )}
        </div>
      )}
    </div>
  );
}

interface PosterProps {
  feed: Feed;
  size: PosterSize;
  english: TFunction;
  other: TFunction | null;
  second: string | null;
}

interface Language {
  text: PosterText;
  t: TFunction;
}

function ActivityPoster({ activity, feed, size, english, other, second }: PosterProps & { activity: Activity }) {
  const languages: Language[] = [{ text: activityPosterText(activity, feed, 'en', english), t: english }];
  if (other && second) languages.push({ text: activityPosterText(activity, feed, second, other), t: other });
  const venue = venueOf(activity, feed);
  const phone = posterPhone(activity, feed);
  const url = activityUrl(location.origin, activity.id);
  const english0 = languages[0]!.text;
  return (
    <article class={`poster poster--${size}`} aria-label={english0.name}>
      <header class="poster__head">
        {languages
          .filter(({ text }, index) => index === 0 || text.hasOwnName)
          .map(({ text }) => (
            <h2 key={text.lang} class="poster__name" lang={text.lang} dir={text.dir}>
              {text.name}
            </h2>
          ))}
        <p class="poster__cost">
          {languages.map(({ text }) => (
            <span key={text.lang} lang={text.lang} dir={text.dir}>
              {text.cost}
            </span>
          ))}
        </p>
      </header>
      <div class="poster__body">
        <div class="poster__facts">
          {languages.map(({ text, t: tIn }) => (
            <section key={text.lang} class="poster__language" lang={text.lang} dir={text.dir}>
              <h3 class="poster__label">{tIn('activity.when.title')}</h3>
              {text.when.map((line) => (
                <p key={line}>{line}</p>
              ))}
              <h3 class="poster__label">{tIn('activity.where.title')}</h3>
              <p>{text.where}</p>
              <h3 class="poster__label">{tIn('activity.join.title')}</h3>
              <p>{text.join}</p>
            </section>
          ))}
          {venue && (
            <p class="poster__address" lang="en" dir="ltr">
              {[venue.address, venue.postcode].filter(Boolean).join(', ')}
            </p>
          )}
          {phone && (
            <p class="poster__phone" lang="en" dir="ltr">
              {phone}
            </p>
          )}
        </div>
        <QrBlock url={url} languages={languages.map(({ text }) => text)} label={english0.name} />
      </div>
    </article>
  );
}

function QrBlock({ url, languages, label }: { url: string; languages: { lang: string; dir: 'ltr' | 'rtl'; scan: string }[]; label: string }) {
  return (
    <figure class="poster__qr">
      <QrCode text={url} label={t('share.poster.qrLabel', { name: label })} />
      <figcaption>
        {languages.map((text) => (
          <span key={text.lang} lang={text.lang} dir={text.dir}>
            {text.scan}
          </span>
        ))}
        <span class="poster__url" lang="en" dir="ltr">
          {url.replace(/^https?:\/\//, '')}
        </span>
      </figcaption>
    </figure>
  );
}

function VenuePoster({ venue, feed, size, english, other, second }: PosterProps & { venue: Venue }) {
  const activities = activitiesAtVenue(feed, venue.id);
  const languages: { text: VenuePosterText; t: TFunction }[] = [{ text: venuePosterText(venue, activities, feed, 'en', english, size), t: english }];
  if (other && second) languages.push({ text: venuePosterText(venue, activities, feed, second, other, size), t: other });
  const english0 = languages[0]!.text;
  const url = venueUrl(location.origin, venue.id);
  return (
    <article class={`poster poster--${size} poster--venue`} aria-label={english0.title}>
      <header class="poster__head">
        {languages.map(({ text }) => (
          <h2 key={text.lang} class="poster__name" lang={text.lang} dir={text.dir}>
            {text.title}
          </h2>
        ))}
        <p class="poster__address" lang="en" dir="ltr">
          {[venue.address, venue.postcode].filter(Boolean).join(', ')}
        </p>
      </header>
      <div class="poster__body">
        <ul class="poster__activities">
          {english0.activities.map((entry, index) => (
            <li key={entry.id}>
              {languages.map(({ text }) => {
                const item = text.activities[index]!;
                return (
                  <div key={text.lang} lang={text.lang} dir={text.dir}>
                    <p class="poster__activity-name">{item.name}</p>
                    {item.when.map((line) => (
                      <p key={line}>{line}</p>
                    ))}
                  </div>
                );
              })}
            </li>
          ))}
          {english0.more && (
            <li>
              {languages.map(({ text }) => (
                <p key={text.lang} lang={text.lang} dir={text.dir}>
                  {text.more}
                </p>
              ))}
            </li>
          )}
        </ul>
        <QrBlock url={url} languages={languages.map(({ text }) => text)} label={english0.title} />
      </div>
    </article>
  );
}
