/**
 * Korean for the messages of the Gateway API CEL rules. The English message is the CRD's own, so a learner can
 * search for it; the Korean says the same rule. A message without an entry keeps the English text.
 */
const EXACT: Record<string, string> = {
  'Must have port for Service reference': 'Service를 가리키는 backendRef에는 port가 필요합니다',
  'RequestRedirect filter must not be used together with backendRefs':
    'RequestRedirect 필터는 backendRefs와 함께 쓸 수 없습니다 (리다이렉트가 곧 응답)',
  'May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both':
    '한 규칙에 RequestRedirect와 URLRewrite를 함께 쓸 수 없습니다',
  'tls mode must be Terminate for protocol HTTPS': 'HTTPS 리스너의 tls.mode는 Terminate여야 합니다',
  'tls mode must be set for protocol TLS': 'TLS 리스너에는 tls.mode가 필요합니다',
  "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']":
    'HTTP, TCP, UDP 리스너에는 tls를 지정할 수 없습니다',
  "hostname must not be specified for protocols ['TCP', 'UDP']":
    'TCP, UDP 리스너에는 hostname을 지정할 수 없습니다',
  'certificateRefs or options must be specified when mode is Terminate':
    'mode가 Terminate이면 certificateRefs 또는 options가 필요합니다',
  'Listener name must be unique within the Gateway': '리스너 이름은 Gateway 안에서 고유해야 합니다',
  'Combination of port, protocol and hostname must be unique for each listener':
    '리스너마다 port, protocol, hostname 조합이 달라야 합니다',
  'Port for TLS configuration must be unique within the Gateway':
    'TLS 설정의 포트는 Gateway 안에서 고유해야 합니다',
  'Hostnames cannot contain an IP': 'hostname에 IP 주소를 쓸 수 없습니다',
  'Hostnames must be valid based on RFC-1123': 'hostname은 RFC-1123 규칙에 맞아야 합니다',
  'Wildcards on hostnames must be the first label, and the rest of hostname must be valid based on RFC-1123':
    '와일드카드(*)는 hostname의 첫 레이블에만 올 수 있고, 나머지는 RFC-1123 규칙에 맞아야 합니다',
  'IPAddress values must be unique': 'IPAddress 값이 중복되었습니다',
  'Hostname values must be unique': 'Hostname 값이 중복되었습니다',
  'RequestHeaderModifier filter cannot be repeated': 'RequestHeaderModifier 필터는 한 번만 쓸 수 있습니다',
  'ResponseHeaderModifier filter cannot be repeated': 'ResponseHeaderModifier 필터는 한 번만 쓸 수 있습니다',
  'RequestRedirect filter cannot be repeated': 'RequestRedirect 필터는 한 번만 쓸 수 있습니다',
  'URLRewrite filter cannot be repeated': 'URLRewrite 필터는 한 번만 쓸 수 있습니다',
  'CORS filter cannot be repeated': 'CORS 필터는 한 번만 쓸 수 있습니다',
  'backendRequest timeout cannot be longer than request timeout':
    'backendRequest 타임아웃은 request 타임아웃보다 길 수 없습니다',
  "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']":
    'type이 Exact나 PathPrefix이면 value는 /로 시작하는 절대 경로여야 합니다',
  "replaceFullPath must be specified when type is set to 'ReplaceFullPath'":
    "type이 'ReplaceFullPath'이면 replaceFullPath가 필요합니다",
  "replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'":
    "type이 'ReplacePrefixMatch'이면 replacePrefixMatch가 필요합니다",
  "type must be 'ReplaceFullPath' when replaceFullPath is set":
    "replaceFullPath를 쓰면 type이 'ReplaceFullPath'여야 합니다",
  "type must be 'ReplacePrefixMatch' when replacePrefixMatch is set":
    "replacePrefixMatch를 쓰면 type이 'ReplacePrefixMatch'여야 합니다",
  "One or both of 'service' or 'method' must be specified": 'service와 method 중 하나 이상을 지정해야 합니다',
  'must specify either CACertificateRefs or WellKnownCACertificates':
    'caCertificateRefs와 wellKnownCACertificates 중 하나를 지정해야 합니다',
  'must not contain both CACertificateRefs and WellKnownCACertificates':
    'caCertificateRefs와 wellKnownCACertificates를 함께 쓸 수 없습니다',
  'numerator must be less than or equal to denominator': 'numerator는 denominator보다 클 수 없습니다',
  'Only one of percent or fraction may be specified in HTTPRequestMirrorFilter':
    'HTTPRequestMirrorFilter에는 percent와 fraction 중 하나만 쓸 수 있습니다',
};

const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^filter\.(\w+) must be nil if the filter\.type is not (\w+)$/,
    (m) => `${m[1]}는 필터 type이 ${m[2]}일 때만 쓸 수 있습니다`,
  ],
  [
    /^filter\.(\w+) must be specified for (\w+) filter\.type$/,
    (m) => `필터 type이 ${m[2]}이면 ${m[1]}가 필요합니다`,
  ],
  [
    /^(Within backendRefs, w|W)hen using (\w+) filter with path\.replacePrefixMatch, exactly one PathPrefix match must be specified$/,
    (m) => `${m[2]} 필터에서 path.replacePrefixMatch를 쓰면 PathPrefix match가 정확히 하나 있어야 합니다`,
  ],
  [
    /^sectionName must be specified when (\w+) includes 2 or more references to the same/,
    (m) => `${m[1]}가 같은 대상을 두 번 이상 가리키면 sectionName이 필요합니다`,
  ],
  [
    /^sectionName must be unique when (\w+) includes 2 or more references to the same/,
    (m) => `${m[1]}가 같은 대상을 두 번 이상 가리키면 sectionName이 서로 달라야 합니다`,
  ],
  [
    /^must not (contain|end with) '([^']+)' when type one of/,
    (m) =>
      `type이 Exact나 PathPrefix이면 '${m[2]}'${m[1] === 'contain' ? '를 포함할' : '로 끝날'} 수 없습니다`,
  ],
  [
    /^must only contain valid characters \(matching (.+)\) for types/,
    (m) => `경로에 허용되지 않는 문자가 있습니다 (${m[1]})`,
  ],
  [
    /^(\w+) must only contain valid characters \(matching (.+)\)$/,
    (m) => `${m[1]}에 허용되지 않는 문자가 있습니다 (${m[2]})`,
  ],
  [
    /^Hostname value must (?:be empty or )?(?:only )?contain only valid characters|^Hostname value must only contain valid characters/,
    () => 'Hostname 값에 허용되지 않는 문자가 있습니다',
  ],
  [/^(\w+) cannot contain '\*' alongside other/, (m) => `${m[1]}에는 '*'를 다른 값과 함께 쓸 수 없습니다`],
  [
    /^(Label|Annotation) keys must be in the form/,
    (m) =>
      `${m[1] === 'Label' ? '레이블' : '어노테이션'} 키 형식이 잘못되었습니다 (접두사/이름, 이름은 63자 이하)`,
  ],
];

export function koreanRuleMessage(en: string): string | null {
  const exact = EXACT[en];
  if (exact) return exact;
  for (const [re, f] of PATTERNS) {
    const m = re.exec(en);
    if (m) return f(m);
  }
  return null;
}
