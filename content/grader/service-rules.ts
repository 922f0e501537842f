/**
 * Service rules from the API server's Go validation (pkg/apis/core/validation ValidateService) that no schema
 * carries: ports required unless headless or ExternalName, cluster IPs, IP families, externalName, unique ports.
 */
import type { RuleViolation } from './cel-rules.ts';
import { ipFamily, isDns1123Label, isDns1123Subdomain } from './k8s-names.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

export function serviceSpecRules(spec: Obj, out: RuleViolation[]): void {
  const type = spec.type ?? 'ClusterIP';
  const clusterIP = typeof spec.clusterIP === 'string' ? spec.clusterIP : undefined;
  const clusterIPs = strings(spec.clusterIPs);
  const headless = clusterIP === 'None' || clusterIPs[0] === 'None';
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  const add = (path: RuleViolation['path'], en: string, ko: string) => out.push({ path, text: { en, ko } });

  if (type === 'ExternalName') {
    const name = spec.externalName;
    if (typeof name !== 'string' || name === '')
      add(
        ['spec'],
        'externalName: required when type is ExternalName',
        'externalName: type이 ExternalName이면 필수입니다',
      );
    else if (!isDns1123Subdomain(name.endsWith('.') ? name.slice(0, -1) : name))
      add(
        ['spec', 'externalName'],
        `externalName: "${name}" must be a DNS name (lowercase RFC 1123 subdomain such as db.example.com), not a URL or an IP address`,
        `externalName: "${name}"은(는) DNS 이름(db.example.com 같은 소문자 RFC 1123 서브도메인)이어야 합니다. URL이나 IP 주소는 안 됩니다`,
      );
    if (clusterIP !== undefined && clusterIP !== '')
      add(
        ['spec', 'clusterIP'],
        'clusterIP: must be empty for an ExternalName Service',
        'clusterIP: ExternalName Service에서는 비워 두어야 합니다',
      );
  } else if (ports.length === 0 && !headless) {
    add(
      ['spec'],
      'ports: required — a Service needs at least one port unless it is headless (clusterIP: None) or ExternalName',
      'ports: 필수입니다 — headless(clusterIP: None)나 ExternalName이 아닌 Service에는 포트가 하나 이상 있어야 합니다',
    );
  }

  if (clusterIP !== undefined && clusterIP !== '' && clusterIP !== 'None' && !ipFamily(clusterIP))
    add(
      ['spec', 'clusterIP'],
      `clusterIP: "${clusterIP}" must be a valid IP address, "None" (headless) or empty`,
      `clusterIP: "${clusterIP}"은(는) 올바른 IP 주소, "None"(headless) 또는 빈 값이어야 합니다`,
    );
  clusterIPs.forEach((ip, i) => {
    if (ip === 'None' && i === 0) return;
    if (!ipFamily(ip))
      add(
        ['spec', 'clusterIPs', i],
        `clusterIPs[${i}]: "${ip}" must be a valid IP address`,
        `clusterIPs[${i}]: "${ip}"은(는) 올바른 IP 주소여야 합니다`,
      );
  });
  if (clusterIP && clusterIPs.length > 0 && clusterIPs[0] !== clusterIP)
    add(
      ['spec', 'clusterIPs', 0],
      `clusterIPs[0]: must be the same as clusterIP ("${clusterIP}")`,
      `clusterIPs[0]: clusterIP("${clusterIP}")와 같아야 합니다`,
    );

  const families = strings(spec.ipFamilies);
  const policy = spec.ipFamilyPolicy;
  if (families.length > 2)
    add(
      ['spec', 'ipFamilies'],
      'ipFamilies: at most two families (one IPv4, one IPv6)',
      'ipFamilies: 최대 두 개(IPv4 하나, IPv6 하나)입니다',
    );
  if (families.length === 2 && families[0] === families[1])
    add(
      ['spec', 'ipFamilies', 1],
      `ipFamilies[1]: duplicate family ${families[1]}; dual-stack needs one IPv4 and one IPv6`,
      `ipFamilies[1]: ${families[1]}가 중복되었습니다. 듀얼 스택에는 IPv4와 IPv6가 하나씩 필요합니다`,
    );
  const dual = families.length === 2 || clusterIPs.filter((ip) => ip !== 'None').length === 2;
  if (policy === 'SingleStack' && dual)
    add(
      ['spec', 'ipFamilyPolicy'],
      'ipFamilyPolicy: SingleStack allows one IP family; use PreferDualStack or RequireDualStack for two',
      'ipFamilyPolicy: SingleStack은 IP 패밀리를 하나만 허용합니다. 두 개를 쓰려면 PreferDualStack이나 RequireDualStack을 쓰세요',
    );
  // Two families and no policy: the API server infers RequireDualStack rather than refusing.
  clusterIPs.forEach((ip, i) => {
    const fam = ipFamily(ip);
    const want = families[i];
    if (fam && want && fam !== want)
      add(
        ['spec', 'clusterIPs', i],
        `clusterIPs[${i}]: "${ip}" is ${fam} but ipFamilies[${i}] is ${want}; the order must match`,
        `clusterIPs[${i}]: "${ip}"은(는) ${fam}인데 ipFamilies[${i}]는 ${want}입니다. 순서가 같아야 합니다`,
      );
  });
  if (
    clusterIPs.length === 2 &&
    ipFamily(clusterIPs[0]!) &&
    ipFamily(clusterIPs[0]!) === ipFamily(clusterIPs[1]!)
  )
    add(
      ['spec', 'clusterIPs', 1],
      'clusterIPs: two addresses must be one IPv4 and one IPv6',
      'clusterIPs: 주소가 두 개면 IPv4 하나와 IPv6 하나여야 합니다',
    );

  const externallyAccessible =
    type === 'LoadBalancer' ||
    type === 'NodePort' ||
    (type === 'ClusterIP' && strings(spec.externalIPs).length > 0);
  if (spec.externalTrafficPolicy !== undefined && !externallyAccessible)
    add(
      ['spec', 'externalTrafficPolicy'],
      'externalTrafficPolicy: may only be set for externally-accessible Services (NodePort, LoadBalancer)',
      'externalTrafficPolicy: 외부에서 접근 가능한 Service(NodePort, LoadBalancer)에만 지정할 수 있습니다',
    );
  if (strings(spec.loadBalancerSourceRanges).length > 0 && type !== 'LoadBalancer')
    add(
      ['spec', 'loadBalancerSourceRanges'],
      'loadBalancerSourceRanges: may only be set when type is LoadBalancer',
      'loadBalancerSourceRanges: type이 LoadBalancer일 때만 지정할 수 있습니다',
    );
  if (spec.sessionAffinityConfig !== undefined && spec.sessionAffinity !== 'ClientIP')
    add(
      ['spec', 'sessionAffinityConfig'],
      'sessionAffinityConfig: may only be set when sessionAffinity is ClientIP',
      'sessionAffinityConfig: sessionAffinity가 ClientIP일 때만 지정할 수 있습니다',
    );

  const names = new Map<string, number>();
  const keys = new Map<string, number>();
  ports.forEach((p, i) => {
    if (!isObj(p)) return;
    if (typeof p.name === 'string' && p.name !== '') {
      if (!isDns1123Label(p.name))
        add(
          ['spec', 'ports', i, 'name'],
          `ports[${i}].name: "${p.name}" must be a DNS-1123 label (lowercase letters, digits and "-")`,
          `ports[${i}].name: "${p.name}"은(는) DNS-1123 레이블(소문자·숫자·"-")이어야 합니다`,
        );
      const first = names.get(p.name);
      if (first !== undefined)
        add(
          ['spec', 'ports', i, 'name'],
          `ports[${i}].name: "${p.name}" is already used by ports[${first}]`,
          `ports[${i}].name: "${p.name}"은(는) 이미 ports[${first}]에서 쓰였습니다`,
        );
      else names.set(p.name, i);
    }
    const key = `${String(p.port)}/${String(p.protocol ?? 'TCP')}`;
    const firstKey = keys.get(key);
    if (firstKey !== undefined)
      add(
        ['spec', 'ports', i],
        `ports[${i}]: port ${key} is already used by ports[${firstKey}] (each port and protocol at most once)`,
        `ports[${i}]: 포트 ${key}는 이미 ports[${firstKey}]에서 쓰였습니다 (포트와 프로토콜 조합은 한 번만)`,
      );
    else keys.set(key, i);
  });
}
