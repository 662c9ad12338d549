// The one place that drives Leaflet: creates the map, keeps its markers in step with the clusters for the current
// view, and makes them usable by keyboard and screen reader. MapView.tsx wires this to Preact props.
// Leaflet's ES modules, not its whole UMD bundle: only the parts used here reach the map chunk (no vector layers,
// GeoJSON, tooltips or other controls). Some of them extend Map when imported (each interaction handler registers itself
// and its option; Popup adds openPopup/closePopup), so they are imported whole. Not Leaflet's long-press handler
// (tapHold: a `contextmenu` event for iOS Safari, which the app does not use) nor its box zoom (Shift-drag a rectangle
// on a desktop: the zoom buttons, the wheel and + / − do the same). Types: leaflet-src.d.ts.
import type * as L from 'leaflet';
import { createMap } from 'leaflet/src/map/Map.js';
import 'leaflet/src/map/handler/Map.DoubleClickZoom.js';
import 'leaflet/src/map/handler/Map.Drag.js';
import 'leaflet/src/map/handler/Map.Keyboard.js';
import 'leaflet/src/map/handler/Map.ScrollWheelZoom.js';
import 'leaflet/src/map/handler/Map.TouchZoom.js';
import { Control } from 'leaflet/src/control/Control.js';
import { zoom as createZoomControl } from 'leaflet/src/control/Control.Zoom.js';
import { layerGroup } from 'leaflet/src/layer/LayerGroup.js';
import { popup as createPopup } from 'leaflet/src/layer/Popup.js';
import { marker as createMarkerLayer } from 'leaflet/src/layer/marker/Marker.js';
import { divIcon } from 'leaflet/src/layer/marker/DivIcon.js';
import { tileLayer } from 'leaflet/src/layer/tile/TileLayer.js';
import { toLatLng } from 'leaflet/src/geo/LatLng.js';
import { create as createLeafletElement } from 'leaflet/src/dom/DomUtil.js';
import { disableClickPropagation } from 'leaflet/src/dom/DomEvent.js';
import { settings } from '../app/settings';
import { t } from '../i18n';
import { localClusterSource, readingOrder, type ClusterSource, type MapItem, type PointDescriptor } from './cluster';
import { creditNodes } from './attribution';
import { badgePixels, clusterBadge, clusterSize, pointBadge, popupCard, positionBadge } from './dom';
import { hasValidPosition, type BBox, type MarkerDescriptor } from './markers';

export interface LatLng {
  lat: number;
  lng: number;
}

export interface MapPosition extends LatLng {
  /** Shown beside the marker, e.g. 'You are here' or the place the person chose. */
  label: string;
}

export interface LeafletMapOptions {
  centre: LatLng;
  zoom: number;
  /** False for a small static map: no panning, zooming, focus stops or popups. */
  interactive: boolean;
}

export interface LeafletMap {
  /** Re-indexes the markers (call only when they change) and, if asked, fits the view to them. */
  setMarkers(markers: readonly MarkerDescriptor[], fitToMarkers: boolean): void;
  /** The same for clusters that come from elsewhere (the browse worker, for a region-wide feed). */
  setSource(source: ClusterSource, fitToMarkers: boolean): void;
  setView(centre: LatLng, zoom: number): void;
  setPosition(position: MapPosition | null): void;
  /** Re-reads translations and the page's direction, after a language change. */
  relabel(): void;
  /** Calls `map.remove()`: every layer, listener and pane goes. */
  destroy(): void;
}

/** OpenStreetMap's standard tiles stop at 19. */
export const MAX_ZOOM = 19;
/** Fitting to a single venue should still show its streets. */
const FIT_MAX_ZOOM = 16;
/** Clusters are fetched for a little more than the visible area, so short pans show no gaps. */
const VIEW_PADDING = 0.25;

export function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function isRightToLeft(element: Element): boolean {
  return element.closest('[dir]')?.getAttribute('dir') === 'rtl';
}

/**
 * The credits, built as DOM nodes: Leaflet's own attribution control assigns HTML strings to innerHTML, which Trusted
 * Types refuses. Same look (Leaflet's classes). The tile provider's credit (OpenStreetMap requires '© OpenStreetMap
 * contributors' with a link) comes from settings; Leaflet's credit stays, as a plain link: the minified bundle drops
 * its licence comment.
 */
function creditsControl(position: L.ControlPosition): L.Control {
  const control = new Control({ position });
  control.onAdd = () => {
    const container = createLeafletElement('div', 'leaflet-control-attribution');
    disableClickPropagation(container);
    const leaflet = document.createElement('a');
    leaflet.href = 'https://leafletjs.com';
    leaflet.hreflang = 'en';
    leaflet.textContent = 'Leaflet';
    const separator = document.createElement('span');
    separator.setAttribute('aria-hidden', 'true');
    separator.textContent = '|';
    container.append(leaflet, ' ', separator, ' ', ...creditNodes(settings.tileAttribution, document));
    return container;
  };
  return control;
}

interface RenderedItem {
  item: MapItem;
  marker: L.Marker;
}

export function createLeafletMap(element: HTMLElement, options: LeafletMapOptions): LeafletMap {
  const { interactive } = options;
  const reducedMotion = prefersReducedMotion();
  const map = createMap(element, {
    center: [options.centre.lat, options.centre.lng],
    zoom: options.zoom,
    maxZoom: MAX_ZOOM,
    zoomControl: false,
    attributionControl: false,
    dragging: interactive,
    touchZoom: interactive,
    doubleClickZoom: interactive,
    scrollWheelZoom: interactive,
    keyboard: interactive,
    zoomAnimation: !reducedMotion,
    fadeAnimation: !reducedMotion,
    markerZoomAnimation: !reducedMotion,
    inertia: !reducedMotion,
  });
  if (reducedMotion) {
    // Keyboard panning, popup auto-pan and focus auto-pan all go through panBy, which animates unless told not to.
    const panBy = map.panBy.bind(map);
    map.panBy = (offset, panOptions) => panBy(offset, { ...panOptions, animate: false });
  }

  // Tiles load only for the view (Leaflet's default small edge buffer; no prefetching), with CORS so the
  // service worker gets readable (non-opaque) responses it may cache.
  // No `attribution` option: Leaflet's attribution control writes HTML strings into the page (see creditsControl).
  tileLayer(settings.tileUrl, { maxZoom: MAX_ZOOM, crossOrigin: true }).addTo(map);

  // Controls first in the DOM (they still draw above the map), so Tab reaches zoom and credits before the markers.
  const controlContainer = element.querySelector(':scope > .leaflet-control-container');
  const mapPane = map.getPane('mapPane');
  if (controlContainer && mapPane) element.insertBefore(controlContainer, mapPane);

  let zoomControl: L.Control.Zoom | null = null;
  let attributionControl: L.Control | null = null;
  let isRtl = isRightToLeft(element);

  function addControls(): void {
    zoomControl?.remove();
    attributionControl?.remove();
    isRtl = isRightToLeft(element);
    // Mirrored in right-to-left pages: zoom sits at the top of the start side (top right), credits at the bottom of the end side.
    if (interactive) {
      zoomControl = createZoomControl({
        position: isRtl ? 'topright' : 'topleft',
        zoomInTitle: t('map.zoomIn'),
        zoomOutTitle: t('map.zoomOut'),
      }).addTo(map);
    }
    attributionControl = creditsControl(isRtl ? 'bottomleft' : 'bottomright').addTo(map);
  }
  addControls();

  const markerLayer = layerGroup().addTo(map);
  let source: ClusterSource | null = null;
  /** Views asked for; an answer arriving after a newer view was asked for is dropped. */
  let viewsAsked = 0;
  /** Set by a new source until its first view is drawn: no marker of the old one may be kept (cluster ids differ). */
  let mustReplace = false;
  let rendered = new Map<string, RenderedItem>();
  let positionMarker: L.Marker | null = null;
  let popup: L.Popup | null = null;
  let popupSource: { id: string; latLng: L.LatLng } | null = null;
  let isDestroyed = false;

  function badgeSize(item: MapItem): number {
    if (item.kind === 'cluster') return badgePixels[clusterSize(item.count)];
    return item.count > 1 ? badgePixels.group : badgePixels.point;
  }

  function createMarker(item: MapItem): L.Marker {
    const size = badgeSize(item);
    const badge = item.kind === 'cluster' ? clusterBadge(item) : pointBadge(item);
    // On a static map the badges are not buttons; the region's label says what the map shows.
    if (!interactive) badge.setAttribute('aria-hidden', 'true');
    const icon = divIcon({
      html: badge,
      className: 'map-icon',
      iconSize: [size, size],
    });
    // keyboard: true gives the icon tabindex 0 and role=button; its name comes from the badge's text.
    const marker = createMarkerLayer([item.lat, item.lng], { icon, interactive, keyboard: interactive, autoPanOnFocus: interactive });
    if (interactive) {
      marker.on('click', () => activate(item));
      marker.on('keydown', (event: L.LeafletKeyboardEvent) => {
        const key = event.originalEvent.key;
        if (key !== 'Enter' && key !== ' ') return;
        event.originalEvent.preventDefault();
        activate(item);
      });
    }
    return marker;
  }

  function activate(item: MapItem): void {
    if (item.kind === 'cluster') {
      // Focus follows to the nearest marker once the cluster splits (see render).
      map.setView([item.lat, item.lng], Math.min(item.expansionZoom, MAX_ZOOM), { animate: !reducedMotion });
    } else {
      openPopup(item);
    }
  }

  function openPopup(point: PointDescriptor): void {
    const card = popupCard(point);
    popupSource = { id: point.id, latLng: toLatLng(point.lat, point.lng) };
    popup = createPopup({
      maxWidth: 300,
      minWidth: 180,
      maxHeight: 280,
      autoPanPadding: [16, 16],
      offset: [0, 7 - badgeSize(point) / 2],
      className: 'map-popup-frame',
    })
      .setLatLng(popupSource.latLng)
      .setContent(card)
      .openOn(map);
    const frame = popup.getElement();
    const closeButton = frame?.querySelector<HTMLAnchorElement>('.leaflet-popup-close-button');
    if (closeButton) {
      closeButton.setAttribute('aria-label', t('map.closePopup'));
      closeButton.title = t('map.closePopup');
      // It is an <a role=button>: make Space work as on a real button.
      closeButton.addEventListener('keydown', (event) => {
        if (event.key !== ' ') return;
        event.preventDefault();
        map.closePopup();
      });
    }
    // Move focus into the card (it sits after every marker in the DOM); Escape or the close button brings it back.
    (card.querySelector<HTMLElement>('a[href]') ?? closeButton)?.focus({ preventScroll: true });
  }

  // Leaflet's own Escape handling works only while the map container itself has focus, not a marker or the card.
  const domListeners = new AbortController();
  element.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && popup) map.closePopup();
    },
    { signal: domListeners.signal },
  );

  map.on('popupclose', (event: L.PopupEvent) => {
    if (event.popup !== popup) return;
    const frame = event.popup.getElement();
    const active = document.activeElement;
    const hadFocus = !active || active === document.body || (frame?.contains(active) ?? false);
    const source = popupSource;
    popup = null;
    popupSource = null;
    if (hadFocus && source && !isDestroyed) focusItem(source.id, source.latLng);
  });

  function focusElement(target: HTMLElement): void {
    target.focus({ preventScroll: true });
  }

  /** Focuses the marker with this id, or the one nearest where it was, or else the map itself. */
  function focusItem(id: string, latLng: L.LatLng): void {
    if (!interactive) return;
    const exact = rendered.get(id)?.marker.getElement();
    if (exact) {
      focusElement(exact);
      return;
    }
    const from = map.latLngToContainerPoint(latLng);
    let nearest: HTMLElement | null = null;
    let best = Infinity;
    for (const { marker } of rendered.values()) {
      const icon = marker.getElement();
      if (!icon) continue;
      const distance = from.distanceTo(map.latLngToContainerPoint(marker.getLatLng()));
      if (distance < best) {
        best = distance;
        nearest = icon;
      }
    }
    focusElement(nearest ?? element);
  }

  /** Puts marker elements in reading order, without ever moving the focused one (moving it would drop focus). */
  function orderForKeyboard(): void {
    const pane = map.getPane('markerPane');
    if (!pane || !interactive) return;
    const entries: { icon: HTMLElement; x: number; y: number }[] = [];
    const zoom = map.getZoom();
    for (const { marker } of rendered.values()) {
      const icon = marker.getElement();
      if (!icon) continue;
      // World pixels, not screen ones: the order must not change as the map pans (focusing a marker pans it into view).
      const { x, y } = map.project(marker.getLatLng(), zoom);
      entries.push({ icon, x, y });
    }
    const sorted = readingOrder(entries, isRtl).map((entry) => entry.icon);
    const ours = new Set(sorted);
    const current = [...pane.children].filter((child) => ours.has(child as HTMLElement));
    if (current.length === sorted.length && current.every((child, i) => child === sorted[i])) return;
    const active = document.activeElement;
    const anchor = sorted.find((icon) => icon === active || icon.contains(active));
    if (!anchor) {
      for (const icon of sorted) pane.appendChild(icon);
      return;
    }
    const at = sorted.indexOf(anchor);
    sorted.forEach((icon, i) => {
      if (i < at) pane.insertBefore(icon, anchor);
      else if (i > at) pane.appendChild(icon);
    });
  }

  /** Brings markers in line with the clusters for the current view, keeping unchanged ones (and their focus). */
  function render(): void {
    if (isDestroyed) return;
    const bounds = map.getBounds().pad(VIEW_PADDING);
    const bbox: BBox = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
    const items = source ? source.itemsFor(bbox, map.getZoom()) : [];
    if (Array.isArray(items)) {
      draw(items);
      return;
    }
    const asked = ++viewsAsked;
    void items.then((later) => {
      if (later && asked === viewsAsked && !isDestroyed) draw(later);
    });
  }

  function draw(items: readonly MapItem[]): void {
    const replaceAll = mustReplace;
    mustReplace = false;
    const active = document.activeElement;
    let lostFocus: { id: string; latLng: L.LatLng } | null = null;
    const next = new Map<string, RenderedItem>();
    for (const item of items) {
      const kept = replaceAll ? undefined : rendered.get(item.id);
      next.set(item.id, kept ?? { item, marker: createMarker(item) });
    }
    for (const [id, entry] of rendered) {
      if (next.get(id) === entry) continue;
      if (active && entry.marker.getElement()?.contains(active)) lostFocus = { id, latLng: entry.marker.getLatLng() };
      markerLayer.removeLayer(entry.marker);
    }
    for (const [id, entry] of next) {
      if (rendered.get(id) !== entry) markerLayer.addLayer(entry.marker);
    }
    rendered = next;
    orderForKeyboard();
    if (lostFocus) focusItem(lostFocus.id, lostFocus.latLng);
  }

  map.on('moveend', () => render());

  let resizeObserver: ResizeObserver | null = null;
  if (typeof ResizeObserver === 'function') {
    // Rotating a phone or zooming the page to 400 % resizes the map without a window resize.
    resizeObserver = new ResizeObserver(() => map.invalidateSize({ animate: false }));
    resizeObserver.observe(element);
  }

  function setSource(next: ClusterSource, fitToMarkers: boolean): void {
    source = next;
    mustReplace = true;
    map.closePopup();
    if (fitToMarkers && next.bounds) {
      const [west, south, east, north] = next.bounds;
      map.fitBounds(
        [
          [south, west],
          [north, east],
        ],
        { maxZoom: FIT_MAX_ZOOM, padding: [24, 24], animate: false },
      );
    }
    render();
  }

  return {
    setMarkers: (markers, fitToMarkers) => setSource(localClusterSource(markers), fitToMarkers),
    setSource,
    setView(centre, zoom) {
      map.setView([centre.lat, centre.lng], zoom, { animate: false });
    },
    setPosition(position) {
      positionMarker?.remove();
      positionMarker = null;
      if (!position || !hasValidPosition(position)) return;
      positionMarker = createMarkerLayer([position.lat, position.lng], {
        // Drawn by CSS around its point (iconSize 0), below the activity markers so they stay clickable.
        icon: divIcon({ html: positionBadge(position.label), className: 'map-position-icon', iconSize: [0, 0] }),
        interactive: false,
        keyboard: false,
        zIndexOffset: -1000,
      }).addTo(map);
    },
    relabel() {
      addControls();
      map.closePopup();
      mustReplace = true;
      render();
    },
    destroy() {
      isDestroyed = true;
      resizeObserver?.disconnect();
      domListeners.abort();
      map.off();
      map.remove();
    },
  };
}
