// Recognises map tile requests from the tile URL template (settings.tileUrl), so the service worker caches tiles and
// nothing else from the tile server's origin.

/**
 * A pattern matching the URLs `template` produces, resolved against `base` (the template may be relative, as in the
 * journeys' `/test-tiles/{z}/{x}/{y}.png`). Leaflet's placeholders: {s} subdomain, {z}/{x}/{y} numbers, {r} '@2x' or ''.
 */
export function tileUrlPattern(template: string, base: string): RegExp {
  // Resolve with the placeholders intact: URL() would percent-encode braces, so they are swapped out first.
  const marked = template.replace(/\{([a-z]+)\}/gi, '__tile_$1__');
  const absolute = new URL(marked, base).href;
  const escaped = absolute.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = escaped.replace(/__tile_([a-z]+)__/gi, (_, name: string) => {
    switch (name) {
      case 's':
        return '[a-z0-9-]+';
      case 'r':
        return '(?:@2x)?';
      case 'z':
      case 'x':
      case 'y':
        return '-?\\d+';
      default:
        return '[^/?#]*';
    }
  });
  return new RegExp(`^${pattern}(?:\\?.*)?$`);
}
