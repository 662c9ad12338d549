// Trusted Types: the built page's policy (scripts/vite/csp.ts) has `require-trusted-types-for 'script'`, so the browser
// refuses any plain string given to an HTML or script sink (innerHTML, script URLs, eval) unless a policy passes it.
// Our own code has no such sink: feed text is only ever put into the page as text. What remains is Leaflet, which
// assigns a few constant strings to innerHTML, and the service worker / module worker URLs (workbox-window and Vite
// pass plain strings). This `default` policy lets exactly those through and refuses everything else, which the
// browser then reports as a CSP violation and a TypeError: nothing is ever quietly dropped. main.tsx imports this
// module first, so the policy exists before Leaflet (which tests innerHTML as soon as it loads) or the worker.

/** The only HTML strings Leaflet 1.9 assigns with the controls and layers the app uses (src/map/leaflet.ts). */
export const LEAFLET_HTML: ReadonlySet<string> = new Set([
  '<svg/>', // its 'inline SVG' feature test, run when Leaflet loads
  '<span aria-hidden="true">+</span>', // zoom in
  '<span aria-hidden="true">&#x2212;</span>', // zoom out
  '<span aria-hidden="true">&#215;</span>', // a popup's close button
]);

/** Script files of the app itself: the service worker at /sw.js and Vite's built chunks (module workers). */
export function isAppScriptUrl(input: string, pageUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(input, pageUrl);
  } catch {
    return false;
  }
  if (url.origin !== new URL(pageUrl).origin || url.search || url.hash) return false;
  return url.pathname === '/sw.js' || /^\/assets\/[\w.-]+\.js$/.test(url.pathname);
}

interface DefaultPolicyRules {
  createHTML(input: string): string | null;
  createScript(input: string): string | null;
  createScriptURL(input: string): string | null;
}

interface TrustedTypePolicyFactory {
  createPolicy(name: string, rules: DefaultPolicyRules): unknown;
  readonly defaultPolicy: unknown;
}

/** Returning null makes the browser refuse the assignment and report it. */
export const defaultPolicyRules: DefaultPolicyRules = {
  createHTML: (input) => (LEAFLET_HTML.has(input) ? input : null),
  createScript: () => null,
  createScriptURL: (input) => (isAppScriptUrl(input, location.href) ? input : null),
};

export function installDefaultPolicy(): void {
  const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
  // Browsers without Trusted Types (Firefox, older Safari) enforce nothing, so there is nothing to allow.
  if (!factory || factory.defaultPolicy) return;
  factory.createPolicy('default', defaultPolicyRules);
}

installDefaultPolicy();
