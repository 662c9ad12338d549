// `npm run pwa:icons`: renders public/icons/icon.svg into the PNG icons the web app manifest and iOS need, with Debian's
// Chromium (no image library needed). Run it after changing the SVG and commit the PNGs.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const ICONS = new URL('../public/icons/', import.meta.url);
const BACKGROUND = '#1f5f5b'; // the icon's own square, and the manifest's theme colour

interface IconSpec {
  file: string;
  size: number;
  /**
   * 'any': the SVG as it is, corners transparent. 'full-bleed': the artwork on a full square of the background colour,
   * scaled to `scale` so it stays inside the safe zone launchers keep when they mask the icon (a circle of 80 % of the width).
   */
  kind: 'any' | 'full-bleed';
  scale?: number;
}

const SPECS: IconSpec[] = [
  { file: 'icon-192.png', size: 192, kind: 'any' },
  { file: 'icon-512.png', size: 512, kind: 'any' },
  { file: 'maskable-192.png', size: 192, kind: 'full-bleed', scale: 0.8 },
  { file: 'maskable-512.png', size: 512, kind: 'full-bleed', scale: 0.8 },
  // iOS rounds the corners itself and shows transparency as black.
  { file: 'apple-touch-icon.png', size: 180, kind: 'full-bleed', scale: 0.9 },
];

function pageFor(svg: string, spec: IconSpec): string {
  const inner = spec.kind === 'any' ? 100 : (spec.scale ?? 1) * 100;
  const background = spec.kind === 'any' ? 'transparent' : BACKGROUND;
  return `<!doctype html><html><head><style>
    html, body { margin: 0; inline-size: ${spec.size}px; block-size: ${spec.size}px; background: ${background}; overflow: hidden; }
    body { display: grid; place-items: center; }
    svg { inline-size: ${inner}%; block-size: ${inner}%; display: block; }
  </style></head><body>${svg}</body></html>`;
}

const svg = readFileSync(new URL('icon.svg', ICONS), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const spec of SPECS) {
    const page = await browser.newPage({ viewport: { width: spec.size, height: spec.size }, deviceScaleFactor: 1 });
    await page.setContent(pageFor(svg, spec));
    const png = await page.screenshot({ type: 'png', omitBackground: spec.kind === 'any' });
    writeFileSync(new URL(spec.file, ICONS), png);
    console.log(`public/icons/${spec.file} (${spec.size}×${spec.size}, ${png.length} bytes)`);
    await page.close();
  }
} finally {
  await browser.close();
}
