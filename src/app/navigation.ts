// Remembers whether the person has moved within the app, so 'Back' can return to exactly where they were,
// and moves focus to each new screen's heading so screen readers announce it.
let routeChanges = 0;

/** Called by the router for every new screen, the first one included. */
export function noteRouteChange(): void {
  routeChanges += 1;
  // The first screen keeps the browser's own focus; later screens put focus on their heading.
  if (routeChanges > 1) focusScreenHeading();
}

export function hasInAppHistory(): boolean {
  return routeChanges > 1;
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
