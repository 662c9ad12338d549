// The map's credits as DOM nodes. TILE_ATTRIBUTION is a setting written as a little HTML ('© <a href="…">OpenStreetMap</a>
// contributors'); Leaflet would assign it to innerHTML, which Trusted Types forbids, so this reads just that much HTML:
// text, character references and <a href="http(s)…">text</a>. Any other markup stays visible as plain text, so a
// mistake in the setting shows up on the map instead of running.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©' };

/** Decodes the character references a credit line uses (&copy; &amp; &#169; &#xA9;); unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

export type CreditPart = { text: string } | { text: string; href: string };

const LINK = /<a\s+[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>([^<]*)<\/a\s*>/gi;

/** Splits a credit line into text and links; only http(s) links become links. */
export function creditParts(html: string): CreditPart[] {
  const parts: CreditPart[] = [];
  let last = 0;
  for (const match of html.matchAll(LINK)) {
    if (match.index > last) parts.push({ text: decodeEntities(html.slice(last, match.index)) });
    const href = decodeEntities(match[1] ?? match[2] ?? '').trim();
    const text = decodeEntities(match[3] ?? '');
    parts.push(/^https?:\/\//i.test(href) ? { text, href } : { text });
    last = match.index + match[0].length;
  }
  if (last < html.length) parts.push({ text: decodeEntities(html.slice(last)) });
  return parts.filter((part) => part.text !== '');
}

/** The credit line as nodes: text nodes and <a> elements, built without any HTML parsing by the browser. */
export function creditNodes(html: string, document: Document): Node[] {
  return creditParts(html).map((part) => {
    if (!('href' in part)) return document.createTextNode(part.text);
    const link = document.createElement('a');
    link.href = part.href;
    link.textContent = part.text;
    return link;
  });
}
