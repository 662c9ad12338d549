// Markers grouped by venue and clustered per view: every activity is counted once, venues never split, bboxes filter.
import { describe, expect, it } from 'vitest';
import { clustersFor, countActivities, createClusterIndex, readingOrder, type MapItem, type PointDescriptor } from '../../src/map/cluster';
import { boundsOf, groupByPosition, safeHref, sameMarkers, type BBox, type MarkerDescriptor } from '../../src/map/markers';

const WORLD: BBox = [-180, -90, 180, 90];

function marker(id: string, lat: number, lng: number, extra: Partial<MarkerDescriptor> = {}): MarkerDescriptor {
  return { id, lat, lng, title: `Activity ${id}`, href: `/activity/${id}`, ...extra };
}

/** Oldham Library and Gallery Oldham share a building: three activities, one point. */
const library = { lat: 53.5409, lng: -2.1183 };
const oldham: MarkerDescriptor[] = [
  marker('knit', library.lat, library.lng),
  marker('coffee', library.lat, library.lng),
  marker('stay-play', library.lat + 1e-9, library.lng), // float noise from a spreadsheet export
  marker('walk', 53.5445, -2.1069),
  marker('garden', 53.5312, -2.1354),
];
const manchester: MarkerDescriptor[] = [marker('choir', 53.4794, -2.2453), marker('job-club', 53.4839, -2.2446)];

/** A deterministic scatter of n markers over Greater Manchester, some venues hosting several activities. */
function scatter(n: number): MarkerDescriptor[] {
  const markers: MarkerDescriptor[] = [];
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 0; i < n; i++) {
    const venue = Math.floor(random() * (n / 3));
    markers.push(marker(`a${i}`, 53.3 + (venue % 997) / 997 * 0.5, -2.6 + Math.floor(venue / 997) / Math.max(1, n / 3 / 997) * 0.7));
  }
  return markers;
}

function points(items: readonly MapItem[]): PointDescriptor[] {
  return items.filter((item): item is PointDescriptor => item.kind === 'point');
}

describe('groupByPosition', () => {
  it('puts activities at one venue into one group, in the order given', () => {
    const groups = groupByPosition(oldham);
    expect(groups).toHaveLength(3);
    expect(groups[0]!.members.map((m) => m.id)).toEqual(['knit', 'coffee', 'stay-play']);
    expect(groups.map((g) => g.members.length)).toEqual([3, 1, 1]);
  });

  it('leaves out markers without a usable position instead of failing', () => {
    const groups = groupByPosition([marker('nan', Number.NaN, 0), marker('north', 95, 0), marker('west', 0, -200), marker('ok', 0, 0)]);
    expect(groups.map((g) => g.members[0]!.id)).toEqual(['ok']);
  });

  it('gives the bounds of all groups', () => {
    expect(boundsOf(groupByPosition([...oldham, ...manchester]))).toEqual([-2.2453, 53.4794, -2.1069, 53.5445]);
    expect(boundsOf([])).toBeNull();
  });
});

describe('clustersFor', () => {
  const index = createClusterIndex([...oldham, ...manchester]);

  it('counts every activity exactly once at every zoom level', () => {
    expect(index.size).toBe(7);
    for (let zoom = 0; zoom <= 20; zoom++) {
      expect(countActivities(clustersFor(index, WORLD, zoom)), `zoom ${zoom}`).toBe(7);
    }
  });

  it('clusters nearby venues when zoomed out and shows them apart when zoomed in', () => {
    const far = clustersFor(index, WORLD, 8);
    expect(far).toHaveLength(1);
    expect(far[0]).toMatchObject({ kind: 'cluster', count: 7 });
    const near = clustersFor(index, WORLD, 18);
    expect(near.every((item) => item.kind === 'point')).toBe(true);
    expect(near).toHaveLength(5);
  });

  it('never splits a venue: its activities stay one point with every member, even at the deepest zoom', () => {
    for (let zoom = 0; zoom <= 20; zoom++) {
      const venue = points(clustersFor(index, WORLD, zoom)).find((p) => p.members.some((m) => m.id === 'knit'));
      if (venue) {
        expect(venue.count).toBe(3);
        expect(venue.members.map((m) => m.id)).toEqual(['knit', 'coffee', 'stay-play']);
      }
    }
    const deepest = points(clustersFor(index, WORLD, 20));
    expect(deepest.find((p) => p.count === 3)).toMatchObject({ lat: library.lat, lng: library.lng });
  });

  it('gives each cluster the zoom at which it splits', () => {
    const [cluster] = clustersFor(index, WORLD, 8);
    if (cluster?.kind !== 'cluster') throw new Error('expected a cluster');
    expect(cluster.expansionZoom).toBeGreaterThan(8);
    expect(clustersFor(index, WORLD, cluster.expansionZoom).length).toBeGreaterThan(1);
  });

  it('returns only what lies inside the bounding box', () => {
    const aroundOldham: BBox = [-2.15, 53.52, -2.09, 53.56];
    const inOldham = clustersFor(index, aroundOldham, 18);
    expect(countActivities(inOldham)).toBe(5);
    expect(points(inOldham).flatMap((p) => p.members.map((m) => m.id)).sort()).toEqual(['coffee', 'garden', 'knit', 'stay-play', 'walk']);
    expect(clustersFor(index, [0, 0, 1, 1], 18)).toEqual([]);
  });

  it('handles an empty marker set', () => {
    const empty = createClusterIndex([]);
    expect(empty.size).toBe(0);
    expect(empty.bounds).toBeNull();
    expect(clustersFor(empty, WORLD, 10)).toEqual([]);
  });

  it('indexes tens of thousands of markers once and answers each view from the index', () => {
    const many = scatter(20_000);
    const big = createClusterIndex(many);
    expect(big.size).toBe(20_000);
    for (const zoom of [0, 9, 12, 15, 19]) {
      expect(countActivities(clustersFor(big, WORLD, zoom)), `zoom ${zoom}`).toBe(20_000);
    }
    // A city-block view at street zoom holds a small part of the set, all of it within the box.
    const box: BBox = [-2.35, 53.5, -2.3, 53.53];
    const view = clustersFor(big, box, 15);
    expect(countActivities(view)).toBeLessThan(20_000);
    for (const item of view) {
      expect(item.lng).toBeGreaterThanOrEqual(box[0]);
      expect(item.lat).toBeLessThanOrEqual(box[3]);
    }
    const inBox = many.filter((m) => m.lng >= box[0] && m.lng <= box[2] && m.lat >= box[1] && m.lat <= box[3]).length;
    expect(countActivities(clustersFor(big, box, 19))).toBe(inBox);
  });
});

describe('readingOrder', () => {
  const items = [
    { id: 'bottom', x: 10, y: 300 },
    { id: 'top-end', x: 400, y: 20 },
    { id: 'top-start', x: 30, y: 30 },
  ];
  it('reads rows top to bottom, each row in the reading direction', () => {
    expect(readingOrder(items, false).map((i) => i.id)).toEqual(['top-start', 'top-end', 'bottom']);
    expect(readingOrder(items, true).map((i) => i.id)).toEqual(['top-end', 'top-start', 'bottom']);
  });
});

describe('sameMarkers and safeHref', () => {
  it('sees equal contents in a rebuilt array, and any change', () => {
    const copy = oldham.map((m) => ({ ...m }));
    expect(sameMarkers(oldham, copy)).toBe(true);
    expect(sameMarkers(oldham, copy.slice(1))).toBe(false);
    expect(sameMarkers(oldham, copy.map((m, i) => (i === 2 ? { ...m, title: 'Renamed' } : m)))).toBe(false);
  });

  it('lets through only links that open a web page', () => {
    const base = 'https://app.example/';
    expect(safeHref('/activity/knit', base)).toBe('/activity/knit');
    expect(safeHref('https://example.org/x', base)).toBe('https://example.org/x');
    expect(safeHref('javascript:alert(1)', base)).toBeNull();
    expect(safeHref(' JavaScript:alert(1)', base)).toBeNull();
    expect(safeHref('data:text/html,<script>alert(1)</script>', base)).toBeNull();
  });
});
