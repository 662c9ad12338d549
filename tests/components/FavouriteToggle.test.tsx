// The Save toggle: a real toggle button named after the activity, announced politely, and honest when the device cannot keep anything.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { checkFeed } from '../../src/feed/check';
import type { Feed } from '../../src/feed/schema';
import { at, FIXTURE_NOW, minimalFeed } from '../unit/fixtures';

const feed: Feed = checkFeed(minimalFeed(), { now: FIXTURE_NOW }).feed!;
const knit = at(feed.activities, 0);

/** A fresh app: English loaded, favourites state and database module not yet used. */
async function freshApp() {
  vi.resetModules();
  const i18n = await import('../../src/i18n');
  await i18n.initI18n();
  const { FavouriteToggle } = await import('../../src/favourites/FavouriteToggle');
  const { FavouritesLive } = await import('../../src/favourites/FavouritesLive');
  render(
    <>
      <FavouritesLive />
      <FavouriteToggle activity={knit} feed={feed} />
    </>,
  );
}

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
});
afterEach(async () => {
  cleanup();
  await (await import('../../src/storage/db')).closeDatabase();
  vi.unstubAllGlobals();
});

describe('FavouriteToggle', () => {
  it('is a toggle button named after the activity, whose pressed state follows each tap', async () => {
    await freshApp();
    const button = screen.getByRole('button', { name: 'Save Knit and Natter' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(button.textContent).toBe('Save');
    expect(button.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');

    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    expect(button.textContent).toBe('Saved');
    expect(screen.getByRole('button', { name: 'Save Knit and Natter' })).toBe(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved to your favourites'));

    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'));
    expect(button.textContent).toBe('Save');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Removed from your favourites'));
  });

  it('says that favourites cannot be kept on this device when IndexedDB is not there, and stays unpressed', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await freshApp();
    const button = screen.getByRole('button', { name: 'Save Knit and Natter' });
    fireEvent.click(button);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^We could not save this on your device: this browser is not letting the app keep anything here/);
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });
});
