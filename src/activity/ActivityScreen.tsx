// An activity's own page at /activity/<id>: everything needed to decide and to go, and the way to join that fits.
import { useMemo } from 'preact/hooks';
import type { Activity, Feed, Organisation, Venue } from '../feed/schema';
import { currentFeed } from '../feed/state';
import { WithDescription } from '../feed/details';
import { nextOccurrences, localParts } from '../feed/schedule';
import { FeedText } from '../feed/FeedText';
import { paragraphs, pickText } from '../feed/text';
import { isStale } from '../feed/stale';
import { language, t } from '../i18n';
import { dateTimeFormat } from '../i18n/format';
import { usePageTitle } from '../app/usePageTitle';
import { BackLink } from '../app/BackLink';
import { Badges } from './Badges';
import { describeOccurrence } from './when';
import { describeSession, describeSessionWindow, knownTerm, languageName, mailtoHref, telHref } from './facts';
import { ActivityNotFound } from './ActivityNotFound';
import { AccessibilityList, DirectionsLink, VenueAddressLines, accessibilityOf } from './VenueParts';
import { NeedsInternet } from '../pwa/NeedsInternet';
import { FavouriteToggle } from '../favourites/FavouriteToggle';
import { LazyMapView } from '../map/LazyMapView';
import { ActivityShareBar } from '../share/ActivityShareBar';


interface Props {
  params?: { id?: string };
  id?: string;
}

export function ActivityScreen(props: Props) {
  const feed = currentFeed.value;
  const id = props.params?.id ?? props.id ?? '';
  const activity = feed?.activities.find((a) => a.id === id);
  if (!feed) return null;
  if (!activity) return <ActivityNotFound id={id} />;
  return <ActivityDetails feed={feed} activity={activity} />;
}

function ActivityDetails({ feed, activity }: { feed: Feed; activity: Activity }) {
  const name = pickText(activity.name, language.value, feed.defaultLanguage).text;
  usePageTitle(name);
  const timeZone = feed.area.timeZone;
  const now = useMemo(() => new Date(), [activity]);
  const today = localParts(now, timeZone).date;
  const venue = activity.venue ? feed.venues.get(activity.venue) : undefined;
  const organisation = feed.organisations.get(activity.organisation);
  const upcoming = activity.status === 'active' ? nextOccurrences(activity.schedule, now, timeZone, 4) : [];
  const categories = activity.categories.map((id) => feed.categories.get(id)).filter((c) => c !== undefined);

  return (
    <article class="activity">
      <BackLink />
      <h1 tabIndex={-1} class="activity__title">
        <FeedText value={activity.name} maxLength={200} />
      </h1>
      <FavouriteToggle activity={activity} feed={feed} />
      <ActivityShareBar activity={activity} feed={feed} now={now} />
      {activity.status !== 'active' && (
        <p class={`banner banner--${activity.status}`} role="note">
          <strong>{t(`activity.status.${activity.status}`)}</strong> {t(`activity.status.${activity.status}Explained`)}
        </p>
      )}
      {isStale(activity, today) && activity.checked && (
        <p class="banner banner--stale" role="note">
          {t('activity.stale.explained', { date: longDate(activity.checked) })}
        </p>
      )}
      <FeedText as="p" class="activity__summary" value={activity.summary} maxLength={1000} />
      <Badges activity={activity} venue={venue} today={today} />
      {categories.length > 0 && (
        <p class="activity__categories">
          {categories.map((category, index) => (
            <span key={category.id}>
              {index > 0 && ', '}
              <a href={`/?cat=${category.id}`}>
                <FeedText value={category.name} maxLength={80} />
              </a>
            </span>
          ))}
        </p>
      )}

      <div class="activity__grid">
        <section aria-labelledby="when-heading" class="activity__section">
          <h2 id="when-heading">{t('activity.when.title')}</h2>
          {activity.schedule.length === 0 ? (
            <p>{t('activity.when.byArrangement')}</p>
          ) : (
            <>
              {upcoming.length > 0 ? (
                <>
                  <h3 class="subheading">{t('activity.when.next')}</h3>
                  <ul class="sessions">
                    {upcoming.map((occurrence) => (
                      <li key={occurrence.start.toISOString()}>{describeOccurrence(occurrence, now, timeZone, t)}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>{activity.status === 'active' ? t('activity.when.noneComing') : t(`activity.when.none.${activity.status}`)}</p>
              )}
              <h3 class="subheading">{t('activity.when.pattern')}</h3>
              <ul class="sessions sessions--rules">
                {activity.schedule.map((session, index) => (
                  <li key={index}>
                    {describeSession(session, t)}
                    {describeSessionWindow(session, t).map((line) => (
                      <span class="session__window" key={line}>
                        {line}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section aria-labelledby="where-heading" class="activity__section">
          <h2 id="where-heading">{t('activity.where.title')}</h2>
          {venue ? <VenueDetails venue={venue} activityName={name} activityId={activity.id} /> : <p>{t('activity.where.online')}</p>}
        </section>

        <section aria-labelledby="join-heading" class="activity__section activity__join">
          <h2 id="join-heading">{t('activity.join.title')}</h2>
          <HowToJoin activity={activity} feed={feed} organisation={organisation} />
        </section>

        <section aria-labelledby="details-heading" class="activity__section">
          <h2 id="details-heading">{t('activity.details.title')}</h2>
          <dl class="facts">
            <dt>{t('activity.details.cost')}</dt>
            <dd>
              {activity.cost.free ? t('activity.badges.free') : t('activity.badges.paid')}
              {activity.cost.note && (
                <>
                  {' – '}
                  <FeedText value={activity.cost.note} maxLength={300} />
                </>
              )}
            </dd>
            <dt>{t('activity.details.audience')}</dt>
            <dd>{describeAudience(activity)}</dd>
            {activity.childcare && (
              <>
                <dt>{t('activity.details.children')}</dt>
                <dd>{t('activity.details.childrenWelcome')}</dd>
              </>
            )}
            {activity.languages.length > 0 && (
              <>
                <dt>{t('activity.details.languages')}</dt>
                <dd>{activity.languages.map((code) => languageName(code, language.value)).join(', ')}</dd>
              </>
            )}
          </dl>
        </section>
      </div>

      {/* A built feed's descriptions come from a shard, once the page is open (src/feed/details.ts). */}
      <WithDescription activity={activity}>
        {(description) =>
          description !== undefined && (
            <section aria-labelledby="about-heading" class="activity__section activity__about">
              <h2 id="about-heading">{t('activity.about')}</h2>
              <Description activity={{ ...activity, description }} feed={feed} />
            </section>
          )
        }
      </WithDescription>

      {organisation && (
        <section aria-labelledby="org-heading" class="activity__section">
          <h2 id="org-heading">{t('activity.organisation.title')}</h2>
          <p>
            <FeedText value={organisation.name} maxLength={200} />
          </p>
          <ContactLinks phone={organisation.phone} email={organisation.email} website={organisation.website} subject={name} />
        </section>
      )}

      {activity.checked && <p class="activity__checked">{t('activity.checked', { date: longDate(activity.checked) })}</p>}
    </article>
  );
}

function longDate(isoDate: string): string {
  return dateTimeFormat({ day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`));
}

function describeAudience(activity: Activity): string {
  const parts: string[] = [];
  const audience = activity.audience;
  if (audience?.gender === 'women') parts.push(t('activity.details.womenOnly'));
  if (audience?.gender === 'men') parts.push(t('activity.details.menOnly'));
  const min = audience?.minAge ?? null;
  const max = audience?.maxAge ?? null;
  if (min !== null && max !== null) parts.push(t('activity.details.ageBetween', { min, max }));
  else if (min !== null && min > 0) parts.push(t('activity.details.ageFrom', { min }));
  else if (max !== null) parts.push(t('activity.details.ageUpTo', { max }));
  for (const tag of audience?.tags ?? []) {
    const words = knownTerm(t, 'tags', tag);
    if (words) parts.push(words);
  }
  return parts.length > 0 ? parts.join('; ') : t('activity.details.everyone');
}

function Description({ activity, feed }: { activity: Activity; feed: Feed }) {
  const shown = pickText(activity.description!, language.value, feed.defaultLanguage);
  const isForeign = shown.lang !== language.value;
  return (
    <div lang={isForeign ? shown.lang : undefined}>
      {paragraphs(shown.text.slice(0, 20_000)).map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}

function VenueDetails({ venue, activityName, activityId }: { venue: Venue; activityName: string; activityId: string }) {
  const accessibility = accessibilityOf(venue);
  return (
    <>
      <address class="venue">
        <a href={`/venue/${encodeURIComponent(venue.id)}`} class="venue__name">
          <FeedText value={venue.name} maxLength={200} />
        </a>
        <VenueAddressLines venue={venue} />
      </address>
      <DirectionsLink venue={venue} />
      <div class="activity__map">
        <LazyMapView
          markers={[{ id: venue.id, lat: venue.lat, lng: venue.lng, title: activityName, href: `/activity/${activityId}` }]}
          centre={{ lat: venue.lat, lng: venue.lng }}
          zoom={15}
          label={t('activity.where.mapLabel')}
          interactive={false}
        />
      </div>
      {accessibility.length > 0 && (
        <>
          <h3 class="subheading">{t('activity.where.accessibility')}</h3>
          <AccessibilityList words={accessibility} />
        </>
      )}
    </>
  );
}

function HowToJoin({ activity, feed, organisation }: { activity: Activity; feed: Feed; organisation: Organisation | undefined }) {
  const name = pickText(activity.name, language.value, feed.defaultLanguage).text;
  switch (activity.howToJoin) {
    case 'drop-in':
      return <p>{t('activity.join.dropIn')}</p>;
    case 'self-refer': {
      const referral = feed.referral;
      return (
        <>
          <p>{t('activity.join.selfRefer')}</p>
          {referral && (
            <>
              <p class="activity__ask">
                <a class="button" href={`/refer?activity=${encodeURIComponent(activity.id)}`}>
                  {t('activity.join.askToJoin')}
                </a>
              </p>
              <p>
                {t('activity.join.hub')} <FeedText value={referral.hub} />
              </p>
              {(referral.phone || referral.email) && <p>{t('activity.join.orContact')}</p>}
              <ContactLinks phone={referral.phone} email={referral.email} subject={t('activity.join.emailSubject', { name })} />
            </>
          )}
        </>
      );
    }
    case 'professional-referral':
      return <p>{t('activity.join.professional')}</p>;
    case 'contact-organiser':
    default: {
      const contact = activity.contact;
      return (
        <>
          <p>{activity.howToJoin === 'contact-organiser' ? t('activity.join.contactOrganiser') : t('activity.join.unknown')}</p>
          {contact?.name && (
            <p>
              {t('activity.join.contactName')} <FeedText value={contact.name} maxLength={120} />
            </p>
          )}
          <ContactLinks
            phone={contact?.phone ?? organisation?.phone}
            email={contact?.email ?? organisation?.email}
            website={contact?.website ?? organisation?.website}
            subject={name}
          />
        </>
      );
    }
  }
}

function ContactLinks({ phone, email, website, subject }: { phone?: string | undefined; email?: string | undefined; website?: string | undefined; subject: string }) {
  const tel = phone ? telHref(phone) : null;
  const mailto = email ? mailtoHref(email, subject) : null;
  if (!tel && !mailto && !website) return null;
  return (
    <ul class="contact-links">
      {tel && phone && (
        <li>
          {t('activity.contact.phone')}{' '}
          <a href={tel} dir="ltr" lang="en">
            {phone.slice(0, 40)}
          </a>
        </li>
      )}
      {mailto && email && (
        <li>
          {t('activity.contact.email')}{' '}
          <a href={mailto} dir="ltr" lang="en">
            {email.slice(0, 120)}
          </a>
        </li>
      )}
      {website && (
        <li>
          <a href={website} target="_blank" rel="noopener noreferrer" class="external">
            {t('activity.contact.website')}
            <NeedsInternet />
            <span class="visually-hidden"> {t('app.opensInNewTab')}</span>
          </a>
        </li>
      )}
    </ul>
  );
}
