// The DOM the map puts on screen (marker badges, popup cards, the position label), built with textContent only:
// feed text is hostile, so it never passes through innerHTML. No Leaflet here; leaflet.ts places these elements.
import { t } from '../i18n';
import { intlLocale } from '../i18n/format';
import { directionOf } from '../i18n/languages';
import type { ClusterDescriptor, PointDescriptor } from './cluster';
import { clipText, safeHref, type MarkerDescriptor } from './markers';

/** Feed names can be 100 KB long; the map shows this much of a title or subtitle. */
const MAX_TEXT = 200;

/** Stands in for an element inside a translated sentence, so each language keeps its own word order. */
const SLOT = '\uE000';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Text for screen readers only (the badge itself shows a dot or a number). */
function screenReaderText(): HTMLSpanElement {
  return element('span', 'map-sr-only');
}

/** A title as text, marked with its language and direction when it is not in the page's language. */
function titleText(marker: MarkerDescriptor, tag: 'span' | 'a', className: string): HTMLElement {
  const node = element(tag, className, clipText(marker.title, MAX_TEXT));
  if (marker.titleLang) {
    node.lang = marker.titleLang;
    node.dir = directionOf(marker.titleLang);
  }
  return node;
}

/** Appends a translated sentence to `parent`, with `slotted` where the sentence's {{title}} goes. */
function appendSentence(parent: HTMLElement, sentence: string, slotted: HTMLElement): void {
  const [before = '', ...rest] = sentence.split(SLOT);
  if (before) parent.append(before);
  if (rest.length === 0) return; // A translation without {{title}}: the sentence alone still names the button.
  parent.append(slotted, rest.join(''));
}

const compactFormats = new Map<string, Intl.NumberFormat>();

/** 1234 → '1.2K' in the page's language, short enough for a badge. */
export function badgeCount(count: number): string {
  const locale = intlLocale();
  let format = compactFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    compactFormats.set(locale, format);
  }
  return format.format(count);
}

export type BadgeSize = 'small' | 'medium' | 'large';

export function clusterSize(count: number): BadgeSize {
  return count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
}

/** The pixel sizes map.css gives each badge; Leaflet centres icons on their point with these. */
export const badgePixels = { point: 32, group: 36, small: 40, medium: 46, large: 52 } as const;

/** A cluster: its count on a badge, and 'N activities, zoom in' as its accessible name. */
export function clusterBadge(cluster: ClusterDescriptor): HTMLElement {
  const badge = element('span', `map-badge map-badge--cluster map-badge--${clusterSize(cluster.count)}`);
  badge.dataset.count = String(cluster.count);
  const shown = element('span', 'map-badge__count', badgeCount(cluster.count));
  shown.setAttribute('aria-hidden', 'true');
  const name = screenReaderText();
  name.textContent = t('map.cluster', { count: cluster.count });
  badge.append(shown, name);
  return badge;
}

/** One point: a dot named after its activity, or, for several activities at one venue, their count. */
export function pointBadge(point: PointDescriptor): HTMLElement {
  const first = point.members[0];
  const name = screenReaderText();
  if (point.members.length === 1 && first) {
    const badge = element('span', 'map-badge map-badge--point');
    badge.dataset.count = '1';
    appendSentence(name, t('map.point', { title: SLOT }), titleText(first, 'span', ''));
    badge.append(name);
    return badge;
  }
  const badge = element('span', 'map-badge map-badge--group');
  badge.dataset.count = String(point.count);
  const shown = element('span', 'map-badge__count', badgeCount(point.count));
  shown.setAttribute('aria-hidden', 'true');
  name.textContent = t('map.group', { count: point.count });
  badge.append(shown, name);
  return badge;
}

function popupEntry(marker: MarkerDescriptor, container: HTMLElement): void {
  const href = safeHref(marker.href, document.baseURI);
  const title = titleText(marker, href === null ? 'span' : 'a', 'map-popup__title');
  // A plain same-origin <a href>: preact-iso's LocationProvider turns its click into in-app navigation.
  if (title instanceof HTMLAnchorElement && href !== null) title.href = href;
  container.append(title);
  if (marker.subtitle) container.append(element('span', 'map-popup__subtitle', clipText(marker.subtitle, MAX_TEXT)));
}

/** The popup card for a point: the activity's name linking to its page, or a list of every activity at that venue. */
export function popupCard(point: PointDescriptor): HTMLElement {
  const card = element('div', 'map-popup');
  const first = point.members[0];
  if (point.members.length === 1 && first) {
    const entry = element('p', 'map-popup__entry');
    popupEntry(first, entry);
    card.append(entry);
    return card;
  }
  card.append(element('p', 'map-popup__heading', t('map.groupHeading', { count: point.count })));
  const list = element('ul', 'map-popup__list');
  for (const member of point.members) {
    const item = element('li', 'map-popup__entry');
    popupEntry(member, item);
    list.append(item);
  }
  card.append(list);
  return card;
}

/** The device's position or the chosen place: a ringed dot with its label beside it. */
export function positionBadge(label: string): HTMLElement {
  const badge = element('span', 'map-position');
  const dot = element('span', 'map-position__dot');
  dot.setAttribute('aria-hidden', 'true');
  badge.append(dot, element('span', 'map-position__label', clipText(label, MAX_TEXT)));
  return badge;
}
