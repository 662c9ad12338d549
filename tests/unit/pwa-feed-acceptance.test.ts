// The service worker replaces its saved feed only with one the app could show: never with a broken publish.
import { describe, expect, it } from 'vitest';
import { isAcceptableFeedResponse, isAcceptableFeedText } from '../../src/pwa/feed-acceptance';
import { FIXTURE_NOW, minimalFeed } from './fixtures';

const good = () => JSON.stringify(minimalFeed());

describe('isAcceptableFeedText', () => {
  it('accepts a valid feed, and one with a broken record among good ones (the app skips that record)', () => {
    expect(isAcceptableFeedText(good(), FIXTURE_NOW)).toBe(true);
    const feed = minimalFeed();
    feed.activities.push({ ...feed.activities[0]!, id: 'broken', venue: 'no-such-venue' });
    expect(isAcceptableFeedText(JSON.stringify(feed), FIXTURE_NOW)).toBe(true);
  });

  it('refuses text that is not JSON, is cut short, or is empty', () => {
    expect(isAcceptableFeedText('<!doctype html><title>502 Bad Gateway</title>', FIXTURE_NOW)).toBe(false);
    expect(isAcceptableFeedText(good().slice(0, 500), FIXTURE_NOW)).toBe(false);
    expect(isAcceptableFeedText('', FIXTURE_NOW)).toBe(false);
  });

  it('refuses JSON that is not a feed of this format', () => {
    expect(isAcceptableFeedText('{"hello": "world"}', FIXTURE_NOW)).toBe(false);
    expect(isAcceptableFeedText(JSON.stringify({ ...minimalFeed(), version: 2 }), FIXTURE_NOW)).toBe(false);
    expect(isAcceptableFeedText('[]', FIXTURE_NOW)).toBe(false);
  });

  it('refuses a feed in which every listing is broken, but accepts one that simply has none', () => {
    const broken = minimalFeed();
    broken.activities = broken.activities.map((activity) => ({ ...activity, organisation: 'nobody' }));
    expect(isAcceptableFeedText(JSON.stringify(broken), FIXTURE_NOW)).toBe(false);
    expect(isAcceptableFeedText(JSON.stringify({ ...minimalFeed(), activities: [] }), FIXTURE_NOW)).toBe(true);
  });
});

describe('isAcceptableFeedResponse', () => {
  it('accepts a 200 with a good feed and leaves the body readable for the cache', async () => {
    const response = new Response(good(), { status: 200, headers: { 'Content-Type': 'application/json' } });
    await expect(isAcceptableFeedResponse(response, FIXTURE_NOW)).resolves.toBe(true);
    await expect(response.text()).resolves.toBe(good());
  });

  it('refuses error answers even when their body is a feed', async () => {
    await expect(isAcceptableFeedResponse(new Response(good(), { status: 404 }), FIXTURE_NOW)).resolves.toBe(false);
    await expect(isAcceptableFeedResponse(new Response(good(), { status: 500 }), FIXTURE_NOW)).resolves.toBe(false);
    await expect(isAcceptableFeedResponse(new Response(null, { status: 204 }), FIXTURE_NOW)).resolves.toBe(false);
  });

  it('refuses a 200 whose body is not a usable feed', async () => {
    await expect(isAcceptableFeedResponse(new Response('{"format": "activity-feed", ', { status: 200 }), FIXTURE_NOW)).resolves.toBe(false);
  });
});
