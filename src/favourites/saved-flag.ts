// A tiny flag in localStorage: 'this device has saved favourites'. The first screen reads only this, so a resident who
// has saved nothing (every first visit) never downloads the database code (Dexie: a fifth of the app's JavaScript).
export const SAVED_FLAG_KEY = 'tc.favourites.saved';

/** src/storage/db.ts's DATABASE_NAME, repeated so this module does not pull Dexie in (a unit test keeps them equal). */
export const DATABASE_NAME = 'thriving-communities';

/** true: something is saved; false: nothing is; null: not known (storage refused, or saved by a version before the flag). */
function readSavedFlag(): boolean | null {
  try {
    const value = localStorage.getItem(SAVED_FLAG_KEY);
    return value === null ? null : value === '1';
  } catch {
    return null;
  }
}

export function setHasSavedFavourites(hasSaved: boolean): void {
  try {
    localStorage.setItem(SAVED_FLAG_KEY, hasSaved ? '1' : '0');
  } catch {
    // Without storage the flag cannot be kept; favourites are then read from the database on every visit.
  }
}

/** Whether the database may hold favourites; false only when that is certain, so nothing saved is ever hidden. */
export async function mayHaveSavedFavourites(): Promise<boolean> {
  const flag = readSavedFlag();
  if (flag !== null) return flag;
  // No flag: a first visit, or favourites saved before the flag existed. Look for the database by name without
  // opening it (and without Dexie); where browsers cannot list databases, read it to be sure.
  try {
    if (typeof indexedDB.databases !== 'function') return true;
    const databases = await indexedDB.databases();
    if (databases.some((database) => database.name === DATABASE_NAME)) return true;
  } catch {
    return true;
  }
  setHasSavedFavourites(false);
  return false;
}
