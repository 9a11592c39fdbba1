/**
 * A service's `Link` header names its own paths (`</products?cursor=…>`); a client that asked
 * the gateway under another prefix (`/api/products`) must follow links under that one.
 */
export function linkForClient(link: string, upstreamPrefix: string, clientPrefix: string): string {
  return link.replaceAll(/<([^>]*)>/g, (whole, target: string) => {
    const rest = target.slice(upstreamPrefix.length);
    const under = target.startsWith(upstreamPrefix) && (rest === "" || /^[/?]/.test(rest));
    return under ? `<${clientPrefix}${rest}>` : whole;
  });
}
