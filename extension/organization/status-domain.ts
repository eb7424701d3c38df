import { type Page, statusPageUrl } from '../../shared/index';

/** A page's status domain as people know it ("status.acme.example"), to tell pages of the same name apart. */
export function statusDomain(page: Page): string {
  return statusPageUrl(page)?.replace(/^https:\/\//, '') ?? 'no status domain';
}
