// MapView in jsdom: accessible markers and clusters, hostile feed text shown as text, popups that navigate in the app,
// focus that never gets lost or trapped, and a map that is removed with the component.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, useLocation } from 'preact-iso';
import i18next from 'i18next';
import en from '../../locales/en.json';
import { language } from '../../src/i18n';
import { MapView, type MapViewProps } from '../../src/map/MapView';
import type { MarkerDescriptor } from '../../src/map/markers';

const HOSTILE = 'Coffee <img src=x onerror="alert(1)"> morning';

const library = { lat: 53.5409, lng: -2.1183 };
const markers: MarkerDescriptor[] = [
  // Three activities at one venue.
  { id: 'knit', lat: library.lat, lng: library.lng, title: 'Knit and natter', href: '/activity/knit', subtitle: 'Oldham Library' },
  { id: 'coffee', lat: library.lat, lng: library.lng, title: HOSTILE, href: '/activity/coffee' },
  { id: 'urdu', lat: library.lat, lng: library.lng, title: 'اردو کہانی', titleLang: 'ur', href: '/activity/urdu' },
  // One on its own, well away from the rest at zoom 15.
  { id: 'walk', lat: 53.5445, lng: -2.0969, title: HOSTILE, href: '/activity/walk', subtitle: '<b>Alexandra Park</b>' },
  // Two close together, which cluster at zoom 15.
  { id: 'choir', lat: 53.5312, lng: -2.1354, title: 'Community choir', href: '/activity/choir' },
  { id: 'garden', lat: 53.5313, lng: -2.1352, title: 'Garden club', href: '/activity/garden' },
];

const base: MapViewProps = { markers, centre: { lat: 53.5387, lng: -2.1165 }, zoom: 14, label: 'Map of activities' };

// Leaflet sizes the map from clientWidth/clientHeight, which jsdom leaves at 0.
const sizeDescriptors = {
  clientWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
  clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
};

beforeAll(async () => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

afterAll(() => {
  for (const [name, descriptor] of Object.entries(sizeDescriptors)) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
  }
});

beforeEach(() => {
  document.documentElement.dir = 'ltr';
  history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
});

function mapRegion(): HTMLElement {
  return screen.getByRole('region', { name: 'Map of activities' });
}

function press(target: Element, key: string, keyCode: number): boolean {
  return fireEvent.keyDown(target, { key, keyCode, which: keyCode });
}

function openPopup(): HTMLElement {
  return document.querySelector<HTMLElement>('.leaflet-popup')!;
}

describe('MapView', () => {
  it('names the map, its clusters and its places for screen readers and keyboards', () => {
    render(<MapView {...base} zoom={15} />);
    const region = mapRegion();
    expect(region.getAttribute('aria-roledescription')).toBe('map');
    expect(region.tabIndex).toBe(0);
    const cluster = screen.getByRole('button', { name: '2 activities, zoom in' });
    expect(cluster.tabIndex).toBe(0);
    expect(screen.getByRole('button', { name: '3 activities at this place, show the list' }).tabIndex).toBe(0);
    const single = screen.getByRole('button', { name: `${HOSTILE}, show details` });
    expect(single.tabIndex).toBe(0);
    expect(region.querySelector('img:not(.leaflet-tile)')).toBeNull();
    expect(screen.getByRole('button', { name: 'Zoom in' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zoom out' })).toBeTruthy();
    // The credit OpenStreetMap requires, and Leaflet's.
    expect(within(region).getByRole('link', { name: 'OpenStreetMap' }).getAttribute('href')).toBe('https://www.openstreetmap.org/copyright');
    expect(within(region).getByRole('link', { name: 'Leaflet' }).getAttribute('href')).toBe('https://leafletjs.com');
  });

  it('puts the zoom buttons before the markers in the Tab order, and never holds on to Tab', () => {
    render(<MapView {...base} zoom={15} />);
    const zoomIn = screen.getByRole('button', { name: 'Zoom in' });
    const cluster = screen.getByRole('button', { name: '2 activities, zoom in' });
    expect(zoomIn.compareDocumentPosition(cluster) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // fireEvent returns false when a handler called preventDefault.
    expect(press(mapRegion(), 'Tab', 9)).toBe(true);
    expect(press(cluster, 'Tab', 9)).toBe(true);
  });

  it('shows feed text in a popup as text, with the title linking to its page', () => {
    render(<MapView {...base} zoom={15} />);
    fireEvent.click(screen.getByRole('button', { name: `${HOSTILE}, show details` }));
    const popup = openPopup();
    const link = within(popup).getByRole('link', { name: HOSTILE });
    expect(link.textContent).toBe(HOSTILE);
    expect(link.getAttribute('href')).toBe('/activity/walk');
    expect(popup.querySelector('img, b')).toBeNull();
    expect(within(popup).getByText('<b>Alexandra Park</b>')).toBeTruthy();
    // Focus moves into the card, and the close button speaks the page's language.
    expect(document.activeElement).toBe(link);
    expect(within(popup).getByRole('button', { name: 'Close' })).toBeTruthy();
  });

  it('lists every activity at a shared venue, marking a title in another language', () => {
    render(<MapView {...base} zoom={15} />);
    press(screen.getByRole('button', { name: '3 activities at this place, show the list' }), 'Enter', 13);
    const popup = openPopup();
    expect(within(popup).getByText('3 activities here')).toBeTruthy();
    const links = within(popup).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/activity/knit', '/activity/coffee', '/activity/urdu']);
    expect(links[2]!.getAttribute('lang')).toBe('ur');
    expect(links[2]!.getAttribute('dir')).toBe('rtl');
    expect(popup.querySelector('img')).toBeNull();
  });

  it('closes the popup with Escape and gives focus back to the place it came from', async () => {
    render(<MapView {...base} zoom={15} />);
    const place = screen.getByRole('button', { name: '3 activities at this place, show the list' });
    press(place, 'Enter', 13);
    const link = within(openPopup()).getAllByRole('link')[0]!;
    expect(document.activeElement).toBe(link);
    press(link, 'Escape', 27);
    expect(document.activeElement).toBe(place);
    // Leaflet fades the popup out before removing it.
    await waitFor(() => expect(document.querySelector('.leaflet-popup')).toBeNull());
  });

  it('navigates within the app when a popup link is clicked', async () => {
    function Path() {
      return <p data-testid="path">{useLocation().path}</p>;
    }
    render(
      <LocationProvider>
        <MapView {...base} zoom={15} />
        <Path />
      </LocationProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: `${HOSTILE}, show details` }));
    const link = within(openPopup()).getByRole('link', { name: HOSTILE });
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link.dispatchEvent(event);
    // preact-iso took the click (so the browser does not load a new page) and changed the route.
    expect(event.defaultPrevented).toBe(true);
    expect(location.pathname).toBe('/activity/walk');
    await waitFor(() => expect(screen.getByTestId('path').textContent).toBe('/activity/walk'));
  });

  it('zooms into a cluster with Enter and keeps focus on a marker there', () => {
    render(<MapView {...base} zoom={15} />);
    const cluster = screen.getByRole('button', { name: '2 activities, zoom in' });
    cluster.focus();
    press(cluster, 'Enter', 13);
    expect(screen.queryByRole('button', { name: '2 activities, zoom in' })).toBeNull();
    const choir = screen.getByRole('button', { name: 'Community choir, show details' });
    const garden = screen.getByRole('button', { name: 'Garden club, show details' });
    expect([choir, garden]).toContain(document.activeElement);
  });

  it('does not render a link for a href that is not a web page', () => {
    render(<MapView {...base} markers={[{ id: 'x', lat: 53.54, lng: -2.11, title: 'Sneaky', href: 'javascript:alert(1)' }]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sneaky, show details' }));
    const popup = openPopup();
    expect(within(popup).queryByRole('link')).toBeNull();
    expect(within(popup).getByText('Sneaky')).toBeTruthy();
  });

  it('updates markers and position when props change, on the same map', () => {
    const { rerender } = render(<MapView {...base} zoom={15} />);
    const pane = document.querySelector('.leaflet-map-pane');
    expect(pane).not.toBeNull();
    rerender(
      <MapView
        {...base}
        zoom={15}
        markers={[{ id: 'new', lat: 53.54, lng: -2.11, title: 'Tea dance', href: '/activity/new' }]}
        position={{ lat: 53.539, lng: -2.112, label: 'You are <here>' }}
      />,
    );
    expect(document.querySelector('.leaflet-map-pane')).toBe(pane);
    expect(screen.getByRole('button', { name: 'Tea dance, show details' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '2 activities, zoom in' })).toBeNull();
    // Shown as text, and not a focus stop.
    const position = screen.getByText('You are <here>').closest('.leaflet-marker-icon');
    expect(position).not.toBeNull();
    expect(position!.hasAttribute('tabindex')).toBe(false);
  });

  it('fits the view to the markers when asked', () => {
    render(<MapView {...base} centre={{ lat: 0, lng: 0 }} zoom={2} fitToMarkers />);
    // Fitted to Oldham, every activity is on screen and counted once.
    const names = screen.getAllByRole('button').map((b) => b.textContent ?? '');
    expect(names.some((name) => name.includes('Garden') || name.includes('activities, zoom in'))).toBe(true);
    expect(screen.queryByRole('button', { name: /^6 activities/ })).toBeNull();
  });

  it('puts the zoom buttons at the start side in right-to-left pages', () => {
    document.documentElement.dir = 'rtl';
    render(<MapView {...base} />);
    expect(screen.getByRole('button', { name: 'Zoom in' }).closest('.leaflet-top.leaflet-right')).not.toBeNull();
  });

  it('relabels its controls and markers, and mirrors them, when the language changes', async () => {
    i18next.addResourceBundle('ar', 'translation', {
      map: { ...en.map, zoomIn: 'تكبير', cluster_other: '{{count}} أنشطة، تكبير', cluster_two: '{{count}} نشاطان، تكبير' },
    });
    render(<MapView {...base} zoom={15} />);
    expect(screen.getByRole('button', { name: 'Zoom in' }).closest('.leaflet-left')).not.toBeNull();
    try {
      await i18next.changeLanguage('ar');
      document.documentElement.dir = 'rtl';
      language.value = 'ar';
      await waitFor(() => expect(screen.getByRole('button', { name: 'تكبير' }).closest('.leaflet-top.leaflet-right')).not.toBeNull());
      expect(screen.getByRole('button', { name: '2 نشاطان، تكبير' })).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Zoom in' })).toBeNull();
    } finally {
      await i18next.changeLanguage('en');
      language.value = 'en';
    }
  });

  it('shows a static map without focus stops when not interactive', () => {
    render(<MapView {...base} markers={markers.slice(3, 4)} interactive={false} />);
    const region = mapRegion();
    expect(region.hasAttribute('tabindex')).toBe(false);
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(region.querySelector('.map-badge')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('removes the Leaflet map on unmount', () => {
    const { unmount } = render(<MapView {...base} zoom={15} />);
    const element = mapRegion();
    expect(element.querySelector('.leaflet-pane')).not.toBeNull();
    unmount();
    expect(element.querySelector('.leaflet-pane, .leaflet-control-container, .leaflet-marker-icon')).toBeNull();
    expect(element.children).toHaveLength(0);
  });
});
