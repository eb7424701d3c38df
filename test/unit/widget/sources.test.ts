import { describe, expect, it } from 'vitest';
import { fetchText, summaryUrl } from '../../../widget/browser/data/sources';

const dataUrl = (text: string) => `data:application/json,${encodeURIComponent(text)}`;

describe('summaryUrl', () => {
  it('appends /api/v2/summary.json, keeping a path prefix', () => {
    expect(summaryUrl('https://status.example.com')).toBe('https://status.example.com/api/v2/summary.json');
    expect(summaryUrl('https://status.example.com//')).toBe('https://status.example.com/api/v2/summary.json');
    expect(summaryUrl('http://127.0.0.1:4100/status/abc')).toBe('http://127.0.0.1:4100/status/abc/api/v2/summary.json');
  });
});

describe('fetchText', () => {
  it('returns the text, unchecked (the card stage validates it)', async () => {
    await expect(fetchText(dataUrl('{"position":42,"extra":1}'))).resolves.toBe('{"position":42,"extra":1}');
  });
});
