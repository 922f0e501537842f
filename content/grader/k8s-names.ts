/** The name and address formats of Kubernetes' apimachinery validation (pkg/util/validation), as predicates. */
import { isIP } from 'node:net';

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** RFC 1123 label: lowercase letters, digits and '-', at most 63, alphanumeric at both ends. */
export const isDns1123Label = (s: string): boolean => s.length <= 63 && LABEL.test(s);
/** RFC 1035 label: as above but starting with a letter (Service names). */
export const isDns1035Label = (s: string): boolean => s.length <= 63 && LABEL_1035.test(s);
/** RFC 1123 subdomain: dot-separated labels, at most 253 characters. */
export const isDns1123Subdomain = (s: string): boolean =>
  s.length > 0 && s.length <= 253 && s.split('.').every((l) => LABEL.test(l));
/** A subdomain that may start with `*.` (Ingress hosts, TLS hosts). */
export const isWildcardDns1123Subdomain = (s: string): boolean =>
  s.startsWith('*.') ? isDns1123Subdomain(s.slice(2)) : isDns1123Subdomain(s);

/** Label and annotation keys: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters. */
export function isQualifiedName(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1]!;
  if (name.length > 63 || !QUALIFIED_NAME.test(name)) return false;
  return parts.length === 1 || isDns1123Subdomain(parts[0]!);
}

export const isLabelValue = (v: string): boolean => v.length <= 63 && LABEL_VALUE.test(v);

export type IpFamily = 'IPv4' | 'IPv6';
export function ipFamily(s: string): IpFamily | null {
  const v = isIP(s);
  return v === 4 ? 'IPv4' : v === 6 ? 'IPv6' : null;
}

/** A CIDR such as 10.0.0.0/16 or fd00::/64 (Kubernetes also refuses host bits set, as netip.ParsePrefix does not). */
export function isCidr(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const fam = ipFamily(s.slice(0, slash));
  const bits = s.slice(slash + 1);
  if (!fam || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (fam === 'IPv4' ? 32 : 128);
}
