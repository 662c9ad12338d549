// What the map shows, as plain data: one descriptor per activity, grouped when activities share a venue's point.
// No Leaflet here, so screens can build descriptors without pulling the map into the first screen's bundle.

export interface MarkerDescriptor {
  /** Unique per marker set (an activity's id). */
  id: string;
  lat: number;
  lng: number;
  /** The activity or venue name, as text (never HTML). */
  title: string;
  /** The language `title` is written in, when it is not the page's. */
  titleLang?: string;
  /** A second line in the popup, e.g. the venue or the next session, as text. */
  subtitle?: string;
  /** Where the title links to, e.g. `/activity/<id>`. */
  href: string;
}

/** Activities that share one point on the map (several activities at one venue). */
export interface MarkerGroup {
  key: string;
  lat: number;
  lng: number;
  /** In the order they were given, so the lead's sort order carries into the popup. */
  members: MarkerDescriptor[];
}

/** `[west, south, east, north]` in degrees, as supercluster and GeoJSON use. */
export type BBox = [number, number, number, number];

export function hasValidPosition(marker: Pick<MarkerDescriptor, 'lat' | 'lng'>): boolean {
  const { lat, lng } = marker;
  return Number.isFinite(lat) && Number.isFinite(lng) && lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180;
}

/** Points closer than about 10 cm count as the same place, so float noise in a feed does not split a venue. */
export function positionKey(lat: number, lng: number): string {
  // Integer micro-degrees: several times faster than toFixed over 100,000 markers.
  return `${Math.round(lat * 1e6)},${Math.round(lng * 1e6)}`;
}

/** Groups markers by point, skipping any without a usable position (a hostile or broken feed must not break the map). */
export function groupByPosition(markers: readonly MarkerDescriptor[]): MarkerGroup[] {
  const groups = new Map<string, MarkerGroup>();
  for (const marker of markers) {
    if (!hasValidPosition(marker)) continue;
    const key = positionKey(marker.lat, marker.lng);
    const group = groups.get(key);
    if (group) group.members.push(marker);
    else groups.set(key, { key, lat: marker.lat, lng: marker.lng, members: [marker] });
  }
  return [...groups.values()];
}

/** The smallest box holding every group, or null when there are none. */
export function boundsOf(groups: readonly Pick<MarkerGroup, 'lat' | 'lng'>[]): BBox | null {
  if (groups.length === 0) return null;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const { lat, lng } of groups) {
    if (lng < west) west = lng;
    if (lng > east) east = lng;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return [west, south, east, north];
}

/**
 * Whether two marker lists say the same thing. Screens often rebuild the array on every render; comparing
 * contents (linear, cheap next to re-indexing 100,000 points) lets the map skip needless re-clustering.
 */
export function sameMarkers(a: readonly MarkerDescriptor[], b: readonly MarkerDescriptor[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x.id !== y.id || x.lat !== y.lat || x.lng !== y.lng || x.title !== y.title || x.titleLang !== y.titleLang || x.subtitle !== y.subtitle || x.href !== y.href) {
      return false;
    }
  }
  return true;
}

/**
 * The href if following it can only open a web page (http or https, relative or absolute), else null.
 * Descriptors are built from feed data, and a `javascript:` link in a popup would run the feed's code.
 */
export function safeHref(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? href : null;
  } catch {
    return null;
  }
}

/** Feed text can be enormous; labels and popups show at most this much of it. */
export function clipText(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}
