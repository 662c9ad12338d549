// Remembers whether the person has moved within the app, so 'Back' can return to exactly where they were,
// and moves focus to each new screen's heading so screen readers announce it.
let routeChanges = 0;

/** Called by the router when the path changes (not for the first screen, which keeps the browser's own focus). */
export function noteRouteChange(): void {
  routeChanges += 1;
  focusScreenHeading();
}

export function hasInAppHistory(): boolean {
  return routeChanges > 0;
}

function focusScreenHeading(): void {
  requestAnimationFrame(() => {
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    // preact-iso scrolls to the top on a new page; going back keeps the browser's restored scroll.
    heading.focus({ preventScroll: true });
  });
}
