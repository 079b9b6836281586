/**
 * The one rule for web addresses the notebook keeps or writes out: http, https, or a DOI, nothing
 * else. A `javascript:`, `data:` or `file:` address in a document's front matter, a page's canonical
 * link or the metadata form would otherwise travel into CSL-JSON, BibTeX, RIS and HTML exports,
 * where another program may follow it. Checked where an address enters and again where it leaves.
 */
export const MAX_URL_LENGTH = 4000;

const DOI = /^10\.\d{4,9}\/\S+$/u;
const DOI_SCHEME = /^doi:\s*/iu;
// C0 and C1 controls, DEL, and every kind of whitespace: none belongs inside an address.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u2060-\u206f\u3000\ufeff]/u;

/**
 * The address in canonical form (`doi:10.1000/x` becomes https://doi.org/10.1000/x), or null when
 * it is not an http(s) address or a DOI, carries a user name or password, or holds control
 * characters or spaces.
 */
export function webAddress(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  let value = raw.trim();
  if (!value || value.length > MAX_URL_LENGTH) return null;
  if (DOI_SCHEME.test(value)) {
    const doi = value.replace(DOI_SCHEME, '');
    if (!DOI.test(doi) || FORBIDDEN.test(doi)) return null;
    value = `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
  }
  if (FORBIDDEN.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || !url.hostname) return null;
  return url.href.length > MAX_URL_LENGTH ? null : url.href;
}

export const WEB_ADDRESS_RULE = 'a web address must start with http:// or https://, or be a DOI written as doi:10.…';
