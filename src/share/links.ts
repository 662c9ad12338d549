// The addresses people share, print and scan: absolute, canonical and free of tracking parameters, so a link opens
// the same listing on any phone, even on a first visit.
const ID = /^[a-z0-9-]{1,80}$/;
/** More than anyone shortlists by hand; keeps a pasted or damaged link from asking for thousands of listings. */
export const MAX_SHORTLIST = 50;

export function activityUrl(origin: string, id: string): string {
  return `${origin}/activity/${encodeURIComponent(id)}`;
}

export function venueUrl(origin: string, id: string): string {
  return `${origin}/venue/${encodeURIComponent(id)}`;
}

/** One link for a list of activities: the ids in the query, in the order given (commas are left readable). */
export function shortlistUrl(origin: string, ids: readonly string[]): string {
  return `${origin}/shortlist?ids=${ids.filter((id) => ID.test(id)).slice(0, MAX_SHORTLIST).join(',')}`;
}

/** The activity ids of a shortlist link's query: only well-formed ids, each once, in order, at most MAX_SHORTLIST. */
export function idsFromSearch(search: string): string[] {
  const raw = new URLSearchParams(search).get('ids') ?? '';
  const ids = raw
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter((id) => ID.test(id));
  return [...new Set(ids)].slice(0, MAX_SHORTLIST);
}
