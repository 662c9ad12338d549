// How far a venue is from the person (or the place they chose), as the crow flies.

export interface LatLng {
  lat: number;
  lng: number;
}

/** The mean radius of the Earth (IUGG), in km. */
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_MILE = 1.609344;
const TO_RADIANS = Math.PI / 180;

/** Great-circle distance in km (haversine): within a few metres of the true distance at a town's scale. */
export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * TO_RADIANS;
  const dLng = (b.lng - a.lng) * TO_RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * TO_RADIANS) * Math.cos(b.lat * TO_RADIANS) * Math.sin(dLng / 2) ** 2;
  // min() guards against rounding taking h just above 1 for points on opposite sides of the Earth.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** UK readers think in miles. */
export function kmToMiles(km: number): number {
  return km / KM_PER_MILE;
}
