import { z } from 'zod';

export const IocType = z.enum([
  'ipv4',
  'ipv6',
  'domain',
  'url',
  'email',
  'md5',
  'sha1',
  'sha256',
  'sha512',
  'cve',
  'mitre_technique',
  'btc',
  'mac',
  'asn',
  'file_path',
  'registry_key',
  'ssdeep',
]);
export type IocType = z.infer<typeof IocType>;

/** Labels instead of filtering: an analyst decides whether a private or documentation IP matters. */
export const IpTag = z.enum(['private', 'loopback', 'link_local', 'multicast', 'reserved', 'documentation']);
export type IpTag = z.infer<typeof IpTag>;

/** `path` is set when the IOC came from a JSON field; start/end are UTF-16 offsets in that string. */
export const IocLocation = z.object({
  path: z.string().optional(),
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
});
export type IocLocation = z.infer<typeof IocLocation>;

export const Ioc = z.object({
  type: IocType,
  value: z.string(),
  tags: z.array(IpTag).optional(),
  /** ATT&CK technique name, for mitre_technique. */
  name: z.string().optional(),
  tactics: z.array(z.string()).optional(),
  locations: z.array(IocLocation),
});
export type Ioc = z.infer<typeof Ioc>;
