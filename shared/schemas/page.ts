import * as z from 'zod/mini';

const optionalText = z.optional(z.nullable(z.string()));

/** A page from GET /pages. `url` is the company's website, not the status page. */
export const Page = z.looseObject({
  id: z.string(),
  name: z.string(),
  subdomain: optionalText,
  domain: optionalText,
  url: optionalText,
  page_description: optionalText,
  time_zone: optionalText,
  created_at: optionalText,
  updated_at: optionalText,
});
export type Page = z.infer<typeof Page>;
export const PageList = z.array(Page);

/** The public address of a page's status site: its custom domain, else `<subdomain>.statuspage.io`. */
export function statusPageUrl(page: Pick<Page, 'domain' | 'subdomain'>): string | undefined {
  if (page.domain) return `https://${page.domain}`;
  if (!page.subdomain) return undefined;
  return page.subdomain.includes('.') ? `https://${page.subdomain}` : `https://${page.subdomain}.statuspage.io`;
}
