import { describe, expect, it } from 'vitest';
import { ContractError, InvalidRequestError } from '../../../shared/client';
import type { PagePermissions } from '../../../shared/schemas';
import { makeClient } from './make-client';
import { json, text, type SentRequest } from './scripted-fetch';

const embedConfig = {
  page_id: 'p1',
  position: 'bottom-left' as const,
  incident_background_color: '#ff0000',
  incident_text_color: '#ffffff',
  maintenance_background_color: '#0000ff',
  maintenance_text_color: '#ffffff',
};

const pathOf = (request: SentRequest | undefined) => request?.url.pathname.replace('/v1', '');

describe('listPages', () => {
  it('GETs /pages and returns the parsed pages, unknown fields kept', async () => {
    const { client, fetch } = makeClient(() => json([{ id: 'p1', name: 'Acme', subdomain: 'acme', branding: 'premium' }]));
    const pages = await client.listPages();
    expect(pages).toEqual([{ id: 'p1', name: 'Acme', subdomain: 'acme', branding: 'premium' }]);
    expect(fetch.sent[0]?.method).toBe('GET');
    expect(fetch.sent[0]?.url.href).toBe('https://api.statuspage.test/v1/pages');
    expect(fetch.sent[0]?.body).toBeUndefined();
  });

  it('names the field when a page does not match', async () => {
    const { client } = makeClient(() =>
      json([
        { id: 'p1', name: 'Acme' },
        { id: 7, name: 'Bad' },
      ]),
    );
    const error = await client.listPages().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).field).toBe('[1].id');
    expect((error as ContractError).message).toBe('Unexpected response to GET /pages: [1].id: expected string');
  });

  it('refuses a 200 whose body is not JSON', async () => {
    const { client } = makeClient(() => text('<html>maintenance</html>', 200));
    await expect(client.listPages()).rejects.toThrow(/GET \/pages: the body is not JSON/);
  });
});

describe('listUsers', () => {
  const users = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: `u${from + i}`, email: `u${from + i}@example.com` }));

  it('follows ?page=N&per_page=100 until a short page', async () => {
    const { client, fetch } = makeClient((request) => {
      const page = Number(request.url.searchParams.get('page'));
      return json(page <= 2 ? users((page - 1) * 100, 100) : users(200, 37));
    });
    const all = await client.listUsers('org 1');
    expect(all).toHaveLength(237);
    expect(all.at(-1)?.id).toBe('u236');
    expect(fetch.sent.map((r) => r.url.search)).toEqual(['?page=1&per_page=100', '?page=2&per_page=100', '?page=3&per_page=100']);
    expect(pathOf(fetch.sent[0])).toBe('/organizations/org%201/users');
  });

  it('asks for one more page when the last one was exactly full', async () => {
    const { client, fetch } = makeClient((request) => json(request.url.searchParams.get('page') === '1' ? users(0, 100) : []));
    expect(await client.listUsers('org1')).toHaveLength(100);
    expect(fetch.sent).toHaveLength(2);
  });

  it('stops with a ContractError when the server ignores ?page and repeats itself', async () => {
    const { client, fetch } = makeClient(() => json(users(0, 100)));
    await expect(client.listUsers('org1')).rejects.toThrow(/page 2 repeats earlier users/);
    expect(fetch.sent).toHaveLength(2);
  });
});

describe('status embed config', () => {
  it('GETs the config of a page, the page id percent-encoded', async () => {
    const { client, fetch } = makeClient(() => json(embedConfig));
    expect(await client.getStatusEmbedConfig('p/1?x')).toEqual(embedConfig);
    expect(fetch.sent[0]?.url.pathname).toBe('/v1/pages/p%2F1%3Fx/status_embed_config');
  });

  it('PATCHes only the fields given, colours as #rrggbb', async () => {
    const { client, fetch } = makeClient(() => json({ ...embedConfig, incident_text_color: '#aabbcc' }));
    const result = await client.updateStatusEmbedConfig('p1', { incident_text_color: '#ABC' });
    expect(result.incident_text_color).toBe('#aabbcc');
    const [sent] = fetch.sent;
    expect(sent?.method).toBe('PATCH');
    expect(sent?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(sent?.body ?? '')).toEqual({ status_embed_config: { incident_text_color: '#aabbcc' } });
  });

  it('keeps the corner in the spelling it was given', async () => {
    const { client, fetch } = makeClient(() => json(embedConfig));
    await client.updateStatusEmbedConfig('p1', { position: 'top_right' });
    expect(JSON.parse(fetch.sent[0]?.body ?? '')).toEqual({ status_embed_config: { position: 'top_right' } });
  });

  it('PUTs a full replacement', async () => {
    const { client, fetch } = makeClient(() => json(embedConfig));
    const { page_id: _, ...config } = embedConfig;
    await client.replaceStatusEmbedConfig('p1', { ...config, maintenance_text_color: '#FFF' });
    expect(fetch.sent[0]?.method).toBe('PUT');
    expect(JSON.parse(fetch.sent[0]?.body ?? '')).toEqual({ status_embed_config: { ...config, maintenance_text_color: '#ffffff' } });
  });

  it('sends the same in form encoding', async () => {
    const { client, fetch } = makeClient(() => json(embedConfig), { encoding: 'form' });
    await client.updateStatusEmbedConfig('p1', { position: 'bottom-right', incident_background_color: '#00FF00' });
    expect(fetch.sent[0]?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(fetch.sent[0]?.body).toBe('status_embed_config[position]=bottom-right&status_embed_config[incident_background_color]=%2300ff00');
  });

  it('refuses bad values before any request, naming the field', async () => {
    const { client, fetch } = makeClient(() => json(embedConfig));
    const cases: Array<[() => Promise<unknown>, string]> = [
      [() => client.updateStatusEmbedConfig('p1', { incident_text_color: 'red' }), 'incident_text_color'],
      [() => client.updateStatusEmbedConfig('p1', { incident_text_color: 'url(x)' }), 'incident_text_color'],
      [() => client.updateStatusEmbedConfig('p1', { position: 'middle' as never }), 'position'],
      [() => client.updateStatusEmbedConfig('p1', { colour: '#fff' } as never), 'colour'],
      [() => client.updateStatusEmbedConfig('p1', {}), 'changes'],
      [() => client.replaceStatusEmbedConfig('p1', { position: 'bottom-left' } as never), 'incident_background_color'],
      [() => client.getStatusEmbedConfig(''), 'pageId'],
    ];
    for (const [call, field] of cases) {
      const error = await call().catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).field).toBe(field);
    }
    expect(fetch.sent).toHaveLength(0);
  });

  it('says what is wrong in words', async () => {
    const { client } = makeClient(() => json(embedConfig));
    await expect(client.updateStatusEmbedConfig('p1', { incident_text_color: 'red' })).rejects.toThrow(
      'Not sent: incident_text_color: must be a colour written #rgb or #rrggbb',
    );
  });
});

describe('user permissions', () => {
  it('GETs and normalizes the list shape to {userId, pages}', async () => {
    const { client, fetch } = makeClient(() =>
      json({ user_id: 'u1', pages: [{ page_id: 'p1', page_configuration: false, incident_manager: true, maintenance_manager: true }] }),
    );
    expect(await client.getUserPermissions('org1', 'u1')).toEqual({
      userId: 'u1',
      pages: { p1: { page_configuration: false, incident_manager: true, maintenance_manager: true } },
    });
    expect(pathOf(fetch.sent[0])).toBe('/organizations/org1/permissions/u1');
  });

  it('normalizes the data-wrapped map shape, {} for a page without RBAC', async () => {
    const { client } = makeClient(() => json({ data: { user_id: 'u1', pages: { p1: { incident_manager: true }, p2: {} } } }));
    expect(await client.getUserPermissions('org1', 'u1')).toEqual({ userId: 'u1', pages: { p1: { incident_manager: true }, p2: {} } });
  });

  it('PUTs the complete mapping as JSON', async () => {
    const { client, fetch } = makeClient((request) => json(JSON.parse(request.body ?? '{}')));
    const pages = { p1: { page_configuration: true, incident_manager: false, maintenance_manager: false }, p2: {} };
    expect(await client.replaceUserPermissions('org1', 'u 1', pages)).toEqual({ userId: 'u 1', pages });
    expect(fetch.sent[0]?.method).toBe('PUT');
    expect(pathOf(fetch.sent[0])).toBe('/organizations/org1/permissions/u%201');
    expect(JSON.parse(fetch.sent[0]?.body ?? '')).toEqual({ pages });
  });

  it('PUTs the mapping in form encoding, a page without RBAC as pages[id]=', async () => {
    const { client, fetch } = makeClient(() => json({ user_id: 'u1', pages: [] }), { encoding: 'form' });
    await client.replaceUserPermissions('org1', 'u1', { p1: { incident_manager: true }, p2: {} });
    expect(fetch.sent[0]?.body).toBe('pages[p1][incident_manager]=true&pages[p2]=');
  });

  it('refuses a bad mapping before any request, naming the field', async () => {
    const { client, fetch } = makeClient(() => json({}));
    const error = await client.replaceUserPermissions('org1', 'u1', { p1: { incident_manager: 'yes' } } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toBe('p1.incident_manager');
    await expect(client.replaceUserPermissions('org1', 'u1', { p1: { admin: true } } as never)).rejects.toThrow(/p1: unknown field admin/);
    expect(fetch.sent).toHaveLength(0);
  });

  it('reads __proto__ / constructor page ids without touching a prototype or claiming their roles', async () => {
    const granted = '{"page_configuration":true,"incident_manager":true,"maintenance_manager":true}';
    const answers = [
      `{"user_id":"u1","pages":[{"page_id":"__proto__","incident_manager":true},{"page_id":"constructor","incident_manager":true},{"page_id":"p1"}]}`,
      `{"user_id":"u1","pages":{"__proto__":${granted},"constructor":${granted},"p1":{}}}`,
    ];
    for (const answer of answers) {
      const { client } = makeClient(() => new Response(answer, { headers: { 'Content-Type': 'application/json' } }));
      const { pages } = await client.getUserPermissions('org1', 'u1');
      expect(pages).toEqual({ p1: {} });
      expect(Object.getPrototypeOf(pages)).toBeNull();
      expect((pages as Record<string, unknown>).incident_manager).toBeUndefined();
      expect(pages.p1?.incident_manager).toBeUndefined();
    }
  });

  it('refuses __proto__, constructor and prototype as ids before any request, naming the field', async () => {
    const { client, fetch } = makeClient(() => json({ user_id: 'u1', pages: [] }));
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const pages = JSON.parse(`{"${key}":{"incident_manager":true},"p1":{}}`) as PagePermissions;
      const error = await client.replaceUserPermissions('org1', 'u1', pages).catch((e: unknown) => e);
      expect(error, key).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).field).toBe(key);
      expect((error as InvalidRequestError).message).toBe(`Not sent: ${key}: "${key}" cannot be a page id`);
    }
    const inPath: Array<[() => Promise<unknown>, string]> = [
      [() => client.getUserPermissions('org1', '__proto__'), 'userId'],
      [() => client.listUsers('constructor'), 'organizationId'],
      [() => client.getStatusEmbedConfig('prototype'), 'pageId'],
    ];
    for (const [call, field] of inPath) {
      const error = await call().catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).field).toBe(field);
    }
    expect(fetch.sent).toHaveLength(0);
  });

  it('names the field when the answer does not match', async () => {
    const { client } = makeClient(() => json({ user_id: 'u1', pages: 'all of them' }));
    await expect(client.getUserPermissions('org1', 'u1')).rejects.toBeInstanceOf(ContractError);
  });
});
