import { describe, expect, it } from 'vitest';
import { BadRequestError, ForbiddenError, NotFoundError, RateLimitedError, UnauthorizedError, UnprocessableEntityError } from '../../../shared/index';
import { normalizeApiBaseUrl, originPattern } from '../../../extension/connection/api-base-url';
import { checkCredentials } from '../../../extension/connection/credentials';
import { describeChange } from '../../../extension/permissions/describe-change';
import { describeError, fieldOfServerMessage, refusedValuesMessage } from '../../../extension/ui/error-text';

describe('describeError', () => {
  it('names the page or user, and asks for a key on 401', () => {
    expect(describeError(new UnauthorizedError())).toMatchObject({ needsKey: true, message: expect.stringContaining('(401)') });
    expect(describeError(new ForbiddenError(), { kind: 'page', name: 'Acme Cloud' })).toEqual({
      message: 'This API key has no access to the page "Acme Cloud" (403).',
      needsKey: false,
    });
    expect(describeError(new NotFoundError(), { kind: 'user', name: 'Ada Lovelace' }).message).toBe(
      'Statuspage could not find the user "Ada Lovelace" (404): it may have been deleted, or belong to another organization.',
    );
    const unprocessable = describeError(new UnprocessableEntityError({ serverMessage: 'position is bad' }).toJSON(), { kind: 'page', name: 'A' });
    expect(unprocessable).toEqual({
      message: 'Statuspage refused the values for the page "A" (422): position is bad.',
      needsKey: false,
      serverMessage: 'position is bad',
    });
  });

  it('ends every message as a sentence, so that "Your draft is kept." does not run into it', () => {
    expect(describeError(new ForbiddenError({ serverMessage: 'Not yours' }), { kind: 'page', name: 'A' }).message).toMatch(/\(403\)\. Not yours\.$/);
    expect(describeError(new UnprocessableEntityError({ serverMessage: 'Bad colour!' })).message).toMatch(/Bad colour!$/);
    expect(describeError(new Error('Something broke')).message).toBe('Something broke.');
  });
});

describe('refusedValuesMessage', () => {
  it('reads the values refused by a 422 or a 400 (the spec lists 400 for PUT permissions), nothing else', () => {
    expect(refusedValuesMessage(new UnprocessableEntityError({ serverMessage: 'bad colour' }).toJSON())).toBe('bad colour');
    expect(refusedValuesMessage(new BadRequestError({ serverMessage: 'pages is invalid' }).toJSON())).toBe('pages is invalid');
    expect(refusedValuesMessage(new RateLimitedError({ retryAt: new Date(), status: 429, serverMessage: 'slow' }).toJSON())).toBeUndefined();
    expect(refusedValuesMessage(undefined)).toBeUndefined();
    expect(describeError(new BadRequestError({ serverMessage: 'pages is invalid' }), { kind: 'user', name: 'Ada' })).toEqual({
      message: 'Statuspage refused the values for the user "Ada" (400): pages is invalid.',
      needsKey: false,
      serverMessage: 'pages is invalid',
    });
  });
});

describe('fieldOfServerMessage', () => {
  it('finds the field a 422 is about', () => {
    const sent = ['position', 'incident_text_color'] as const;
    expect(fieldOfServerMessage('incident_text_color must be a colour', sent)).toBe('incident_text_color');
    expect(fieldOfServerMessage('Incident text color is invalid', sent)).toBe('incident_text_color');
    expect(fieldOfServerMessage('something is wrong', sent)).toBeUndefined();
    expect(fieldOfServerMessage('something is wrong', ['position'])).toBe('position');
    expect(fieldOfServerMessage('pages.k3v9: page "Labs" has no role based access control', ['a1b2', 'k3v9'])).toBe('k3v9');
  });
});

describe('connection settings', () => {
  it('tidies an API base URL and refuses what it must not use', () => {
    expect(normalizeApiBaseUrl('')).toBe('https://api.statuspage.io/v1');
    expect(normalizeApiBaseUrl(' http://127.0.0.1:4100/v1/ ')).toBe('http://127.0.0.1:4100/v1');
    expect(() => normalizeApiBaseUrl('http://example.com/v1')).toThrow('https');
    expect(() => normalizeApiBaseUrl('https://user:pw@example.com/v1')).toThrow('user name');
    expect(() => normalizeApiBaseUrl('https://example.com/v1?api_key=x')).toThrow('query');
    expect(() => normalizeApiBaseUrl('api.statuspage.io')).toThrow('full URL');
    expect(originPattern('http://127.0.0.1:4100/v1')).toBe('http://127.0.0.1/*');
  });

  it('checks the key and organization ID before anything is sent', () => {
    expect(checkCredentials({ apiKey: 'sandbox-demo-key', organizationId: 'sbx0demo0org' })).toEqual({});
    expect(checkCredentials({ apiKey: '', organizationId: '' })).toEqual({
      apiKey: expect.stringContaining('API info'),
      organizationId: expect.stringContaining('API info'),
    });
    expect(checkCredentials({ apiKey: 'has a space in it', organizationId: 'org/../x' })).toMatchObject({
      apiKey: expect.stringContaining('no spaces'),
      organizationId: expect.stringContaining('letters and digits'),
    });
    // A short key is refused for its length, and the message says so.
    expect(checkCredentials({ apiKey: 'abc123', organizationId: 'sbx0demo0org' }).apiKey).toBe(
      'This key is 6 characters long: an API key has at least 8 (copy all of it from "API info")',
    );
    expect(checkCredentials({ apiKey: 'k'.repeat(201), organizationId: 'sbx0demo0org' }).apiKey).toContain('at most 200');
  });
});

describe('describeChange', () => {
  it('says what changed on a page in plain words', () => {
    const name = () => 'Acme Cloud';
    expect(describeChange({ pageId: 'p', kind: 'access-removed', rolesAdded: [], rolesRemoved: [] }, name)).toBe('Acme Cloud: access removed');
    expect(describeChange({ pageId: 'p', kind: 'access-granted', rolesAdded: ['incident_manager'], rolesRemoved: [] }, name)).toBe(
      'Acme Cloud: access given with Manage incidents',
    );
    expect(
      describeChange({ pageId: 'p', kind: 'roles-changed', rolesAdded: ['page_configuration'], rolesRemoved: ['maintenance_manager'] }, name),
    ).toBe('Acme Cloud: Configure page given, Manage maintenances taken away');
  });
});
