// Clustering over supercluster: index a marker set once, then ask for what one view shows on every move.
// Activities at the same point are indexed as one point, so a venue never splits and its popup can list them all.
import Supercluster from 'supercluster';
import { boundsOf, groupByPosition, type BBox, type MarkerDescriptor, type MarkerGroup } from './markers';

interface GroupProperties {
  /** Index into `ClusterIndex.groups`. */
  group: number;
  /** Activities at this point. */
  count: number;
}

interface ClusterProperties {
  /** Activities in the cluster (supercluster's own point_count counts points, i.e. venues). */
  count: number;
}

export interface ClusterIndex {
  readonly groups: readonly MarkerGroup[];
  /** Activities indexed (markers with a usable position). */
  readonly size: number;
  readonly bounds: BBox | null;
  readonly tree: Supercluster<GroupProperties, ClusterProperties>;
}

export interface ClusterDescriptor {
  kind: 'cluster';
  /** Stable for this index and zoom level. */
  id: string;
  lat: number;
  lng: number;
  /** Activities in the cluster. */
  count: number;
  /** The zoom level at which the cluster splits apart. */
  expansionZoom: number;
}

export interface PointDescriptor {
  kind: 'point';
  /** Stable for this index at every zoom level (it is the point's position key). */
  id: string;
  lat: number;
  lng: number;
  /** Activities at this point. */
  count: number;
  members: readonly MarkerDescriptor[];
}

export type MapItem = ClusterDescriptor | PointDescriptor;

/**
 * Radius in screen pixels: Leaflet's tiles are 256 px, so with extent 256 supercluster's radius is the on-screen one.
 * 60 px keeps the 44 px cluster badges from overlapping. Above maxZoom every venue stands alone.
 */
export const clusterOptions = { radius: 60, extent: 256, maxZoom: 17, minPoints: 2 } as const;

export function createClusterIndex(markers: readonly MarkerDescriptor[]): ClusterIndex {
  const groups = groupByPosition(markers);
  const tree = new Supercluster<GroupProperties, ClusterProperties>({
    ...clusterOptions,
    map: (properties) => ({ count: properties.count }),
    reduce: (accumulated, properties) => {
      accumulated.count += properties.count;
    },
  });
  tree.load(
    groups.map((group, index) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [group.lng, group.lat] },
      properties: { group: index, count: group.members.length },
    })),
  );
  let size = 0;
  for (const group of groups) size += group.members.length;
  return { groups, size, bounds: boundsOf(groups), tree };
}

/**
 * Where the map gets its clusters for a view: an index built on the page (`localClusterSource`), or the browse worker
 * for a region-wide feed (src/browse/remote.ts), which answers later; a later answer may be null when a newer view
 * was asked for meanwhile.
 */
export interface ClusterSource {
  /** Activities with a usable position. */
  readonly size: number;
  readonly bounds: BBox | null;
  itemsFor(bbox: BBox, zoom: number): MapItem[] | Promise<MapItem[] | null>;
}

export function localClusterSource(markers: readonly MarkerDescriptor[]): ClusterSource {
  const index = createClusterIndex(markers);
  return { size: index.size, bounds: index.bounds, itemsFor: (bbox, zoom) => clustersFor(index, bbox, zoom) };
}

/** Clusters and points inside `bbox` (`[west, south, east, north]`; west > east crosses the antimeridian) at `zoom`. */
export function clustersFor(index: ClusterIndex, bbox: BBox, zoom: number): MapItem[] {
  if (index.groups.length === 0) return [];
  const items: MapItem[] = [];
  for (const feature of index.tree.getClusters(bbox, Math.floor(zoom))) {
    const [lng = 0, lat = 0] = feature.geometry.coordinates;
    const properties = feature.properties;
    if ('cluster_id' in properties) {
      items.push({
        kind: 'cluster',
        id: `c${properties.cluster_id}`,
        lat,
        lng,
        count: properties.count,
        expansionZoom: index.tree.getClusterExpansionZoom(properties.cluster_id),
      });
    } else {
      const group = index.groups[properties.group];
      if (!group) continue;
      items.push({ kind: 'point', id: `p${group.key}`, lat: group.lat, lng: group.lng, count: group.members.length, members: group.members });
    }
  }
  return items;
}

/** Total activities in a set of items; with a bbox covering the world it equals `index.size`. */
export function countActivities(items: readonly MapItem[]): number {
  let total = 0;
  for (const item of items) total += item.count;
  return total;
}

/**
 * Keyboard (and screen-reader) order for items on screen: rows from top to bottom, and along each row in the
 * reading direction. Rows are bands `rowHeight` pixels tall, so markers at nearly the same height read as a line.
 */
export function readingOrder<T extends { x: number; y: number }>(items: readonly T[], isRtl: boolean, rowHeight = 48): T[] {
  const direction = isRtl ? -1 : 1;
  return [...items].sort((a, b) => Math.floor(a.y / rowHeight) - Math.floor(b.y / rowHeight) || direction * (a.x - b.x) || a.y - b.y);
}
