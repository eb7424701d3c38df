import { describe, expect, it } from 'vitest';
import { contextFromManageUrl, startingContext } from '../../../extension/context/manage-url';

describe('contextFromManageUrl', () => {
  it("opens the Embed tab on a page's status-embed settings", () => {
    expect(contextFromManageUrl('https://manage.statuspage.io/pages/2vp47kp8vp10/status-embed')).toEqual({ tab: 'embed', pageId: '2vp47kp8vp10' });
    expect(contextFromManageUrl('https://manage.statuspage.io/pages/2vp47kp8vp10/status-embed/?x=1#y')).toEqual({
      tab: 'embed',
      pageId: '2vp47kp8vp10',
    });
  });

  it('selects the page, without choosing a tab, on any other page URL', () => {
    expect(contextFromManageUrl('https://manage.statuspage.io/pages/2vp47kp8vp10/incidents')).toEqual({ pageId: '2vp47kp8vp10' });
    expect(contextFromManageUrl('https://manage.statuspage.io/pages/2vp47kp8vp10')).toEqual({ pageId: '2vp47kp8vp10' });
  });

  it('opens Permissions on an organization or a team member', () => {
    expect(contextFromManageUrl('https://manage.statuspage.io/organizations/abcd1234/team')).toEqual({
      tab: 'permissions',
      organizationId: 'abcd1234',
    });
    expect(contextFromManageUrl('https://manage.statuspage.io/organizations/abcd1234/team/u1u2u3u4')).toEqual({
      tab: 'permissions',
      organizationId: 'abcd1234',
      userId: 'u1u2u3u4',
    });
    expect(contextFromManageUrl('https://manage.statuspage.io/organizations/abcd1234/users/u1u2u3u4/edit')?.userId).toBe('u1u2u3u4');
  });

  it('ignores every other URL', () => {
    for (const url of [
      undefined,
      '',
      'not a url',
      'http://manage.statuspage.io/pages/2vp47kp8vp10/status-embed',
      'https://manage.statuspage.io.evil.example/pages/2vp47kp8vp10',
      'https://example.com/pages/2vp47kp8vp10/status-embed',
      'https://manage.statuspage.io/',
      'https://manage.statuspage.io/pages/<script>/status-embed',
      'chrome://extensions/',
    ]) {
      expect(contextFromManageUrl(url)).toBeUndefined();
    }
  });
});

describe('startingContext', () => {
  const last = { tab: 'permissions' as const, pageId: 'lastpage', userId: 'lastuser' };
  it('falls back to the last used context', () => {
    expect(startingContext(undefined, last)).toEqual(last);
  });
  it('lets the URL override only what it names', () => {
    expect(startingContext({ pageId: 'urlpage1' }, last)).toEqual({
      tab: 'permissions',
      pageId: 'urlpage1',
      userId: 'lastuser',
      organizationId: undefined,
    });
    expect(startingContext({ tab: 'embed', pageId: 'urlpage1' }, last).tab).toBe('embed');
  });
});
