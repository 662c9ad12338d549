// The pieces of a venue that both an activity page and the venue's own page show: its address lines, the link that
// hands its location to the phone's maps app, and the access it offers in the reader's words.
import type { Venue } from '../feed/schema';
import { t } from '../i18n';
import { NeedsInternet } from '../pwa/NeedsInternet';
import { directionsHref, knownTerm } from './facts';

/** Street address and postcode, as the feed writes them (addresses are English and left to right). */
export function VenueAddressLines({ venue }: { venue: Venue }) {
  return (
    <>
      {venue.address && (
        <span class="venue__line" lang="en" dir="ltr">
          {venue.address.slice(0, 300)}
        </span>
      )}
      {venue.postcode && (
        <span class="venue__line" lang="en" dir="ltr">
          {venue.postcode.slice(0, 12)}
        </span>
      )}
    </>
  );
}

export function DirectionsLink({ venue }: { venue: Venue }) {
  return (
    <p>
      <a href={directionsHref(venue.lat, venue.lng)} target="_blank" rel="noopener noreferrer" class="external">
        {t('activity.where.directions')}
        <NeedsInternet />
        <span class="visually-hidden"> {t('app.opensInNewTab')}</span>
      </a>
    </p>
  );
}

/** The venue's accessibility terms the app has words for; free text it does not know is left out. */
export function accessibilityOf(venue: Venue): string[] {
  return venue.accessibility.map((word) => knownTerm(t, 'access', word)).filter((words) => words !== undefined);
}

export function AccessibilityList({ words }: { words: string[] }) {
  return (
    <ul class="ticks">
      {words.map((term) => (
        <li key={term}>{term}</li>
      ))}
    </ul>
  );
}
