// The service worker replaces its saved feed only with a file that has a feed's shape: never with an error page, half a
// file or other JSON. The records are checked in the app, which falls back to its last good copy (src/feed/last-good.ts).
import { describe, expect, it } from 'vitest';
import { isAcceptableFeedResponse, isAcceptableFeedText } from '../../src/pwa/feed-acceptance';
import { minimalFeed } from './fixtures';

const good = () => JSON.stringify(minimalFeed());

describe('isAcceptableFeedText', () => {
  it('accepts a valid feed, and one with a broken record among good ones (the app skips that record)', () => {
    expect(isAcceptableFeedText(good())).toBe(true);
    const feed = minimalFeed();
    feed.activities.push({ ...feed.activities[0]!, id: 'broken', venue: 'no-such-venue' });
    expect(isAcceptableFeedText(JSON.stringify(feed))).toBe(true);
  });

  it('refuses text that is not JSON, is cut short, or is empty', () => {
    expect(isAcceptableFeedText('<!doctype html><title>502 Bad Gateway</title>')).toBe(false);
    expect(isAcceptableFeedText(good().slice(0, 500))).toBe(false);
    expect(isAcceptableFeedText('')).toBe(false);
  });

  it('refuses JSON that is not a feed of this format', () => {
    expect(isAcceptableFeedText('{"hello": "world"}')).toBe(false);
    expect(isAcceptableFeedText(JSON.stringify({ ...minimalFeed(), version: 2 }))).toBe(false);
    expect(isAcceptableFeedText('[]')).toBe(false);
  });

  it('leaves the records to the app: a feed whose every listing is broken has the shape, and so has one with none', () => {
    const broken = minimalFeed();
    broken.activities = broken.activities.map((activity) => ({ ...activity, organisation: 'nobody' }));
    expect(isAcceptableFeedText(JSON.stringify(broken))).toBe(true);
    expect(isAcceptableFeedText(JSON.stringify({ ...minimalFeed(), activities: [] }))).toBe(true);
    expect(isAcceptableFeedText(JSON.stringify({ ...minimalFeed(), activities: undefined }))).toBe(true);
  });

  it('refuses a feed without its area or with a list of activities that is not a list', () => {
    expect(isAcceptableFeedText(JSON.stringify({ ...minimalFeed(), area: undefined }))).toBe(false);
    expect(isAcceptableFeedText(JSON.stringify({ ...minimalFeed(), activities: { a: 1 } }))).toBe(false);
    expect(isAcceptableFeedText(`\uFEFF${good()}`)).toBe(true);
  });
});

describe('isAcceptableFeedResponse', () => {
  it('accepts a 200 with a good feed and leaves the body readable for the cache', async () => {
    const response = new Response(good(), { status: 200, headers: { 'Content-Type': 'application/json' } });
    await expect(isAcceptableFeedResponse(response)).resolves.toBe(true);
    await expect(response.text()).resolves.toBe(good());
  });

  it('refuses error answers even when their body is a feed', async () => {
    await expect(isAcceptableFeedResponse(new Response(good(), { status: 404 }))).resolves.toBe(false);
    await expect(isAcceptableFeedResponse(new Response(good(), { status: 500 }))).resolves.toBe(false);
    await expect(isAcceptableFeedResponse(new Response(null, { status: 204 }))).resolves.toBe(false);
  });

  it('refuses a 200 whose body is not a usable feed', async () => {
    await expect(isAcceptableFeedResponse(new Response('{"format": "activity-feed", ', { status: 200 }))).resolves.toBe(false);
  });
});
