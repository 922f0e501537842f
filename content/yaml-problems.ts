/** The YAML library's error codes (yaml's ErrorCode), plus `OTHER` for an error without one (a thrown limit). */
export const YAML_PROBLEMS = [
  'ALIAS_PROPS',
  'BAD_ALIAS',
  'BAD_DIRECTIVE',
  'BAD_DQ_ESCAPE',
  'BAD_INDENT',
  'BAD_PROP_ORDER',
  'BAD_SCALAR_START',
  'BLOCK_AS_IMPLICIT_KEY',
  'BLOCK_IN_FLOW',
  'DUPLICATE_KEY',
  'IMPOSSIBLE',
  'KEY_OVER_1024_CHARS',
  'MISSING_CHAR',
  'MULTILINE_IMPLICIT_KEY',
  'MULTIPLE_ANCHORS',
  'MULTIPLE_DOCS',
  'MULTIPLE_TAGS',
  'NON_STRING_KEY',
  'RESOURCE_EXHAUSTION',
  'TAB_AS_INDENT',
  'TAG_RESOLVE_FAILED',
  'UNEXPECTED_TOKEN',
  'BAD_COLLECTION_TYPE',
  'OTHER',
] as const;
export type YamlProblem = (typeof YAML_PROBLEMS)[number];

/** The YAML library's code for an error it threw; `OTHER` when it has none of ours. */
export function yamlProblem(e: unknown): YamlProblem {
  const code = (e as { code?: unknown } | null)?.code;
  return (YAML_PROBLEMS as readonly unknown[]).includes(code) ? (code as YamlProblem) : 'OTHER';
}

/**
 * The YAML library's problems in the learner's words. Here, not in core/i18n: the grader (content/grader) says them
 * inside its own verdicts, and content imports no app code; the Import screen and the CLI take them from here too.
 */
export const YAML_PROBLEM_WORDS: Record<YamlProblem, { en: string; ko: string }> = {
  ALIAS_PROPS: {
    en: 'an alias (*name) cannot carry an anchor or a tag',
    ko: '별칭(*이름)에는 앵커나 태그를 붙일 수 없습니다',
  },
  BAD_ALIAS: {
    en: 'an alias (*name) points to no anchor (&name)',
    ko: '별칭(*이름)이 가리키는 앵커(&이름)가 없습니다',
  },
  BAD_DIRECTIVE: {
    en: 'a % directive YAML does not know',
    ko: 'YAML이 모르는 % 지시문입니다',
  },
  BAD_DQ_ESCAPE: {
    en: 'a backslash escape YAML does not know inside a "double-quoted" value',
    ko: '큰따옴표 값 안에 YAML이 모르는 백슬래시 이스케이프가 있습니다',
  },
  BAD_INDENT: {
    en: 'the indentation is off: a line is indented unlike the lines at its level',
    ko: '들여쓰기가 맞지 않습니다. 같은 수준의 줄과 들여쓰기가 다릅니다',
  },
  BAD_PROP_ORDER: {
    en: 'an anchor or a tag is in the wrong place',
    ko: '앵커나 태그의 위치가 잘못되었습니다',
  },
  BAD_SCALAR_START: {
    en: 'a plain value cannot start with this character; put it in quotes',
    ko: '이 문자로 시작하는 값은 따옴표로 감싸야 합니다',
  },
  BLOCK_AS_IMPLICIT_KEY: {
    en: 'a list or mapping cannot be a key',
    ko: '목록이나 매핑은 키가 될 수 없습니다',
  },
  BLOCK_IN_FLOW: {
    en: 'an indented list or mapping cannot sit inside [ ] or { }',
    ko: '[ ]나 { } 안에는 들여쓴 목록이나 매핑을 쓸 수 없습니다',
  },
  DUPLICATE_KEY: {
    en: 'the same key appears twice (keys must be unique)',
    ko: '같은 키가 두 번 나옵니다 (키는 고유해야 합니다)',
  },
  IMPOSSIBLE: {
    en: 'the YAML parser reached a state it cannot handle',
    ko: 'YAML 파서가 처리할 수 없는 상태에 이르렀습니다',
  },
  KEY_OVER_1024_CHARS: {
    en: 'a key is longer than 1024 characters',
    ko: '키가 1024자보다 깁니다',
  },
  MISSING_CHAR: {
    en: 'a closing character is missing (a quote, ] or })',
    ko: '닫는 문자(따옴표, ], })가 빠졌습니다',
  },
  MULTILINE_IMPLICIT_KEY: {
    en: 'a key runs over more than one line (is a colon missing?)',
    ko: '키가 여러 줄에 걸쳐 있습니다 (콜론이 빠지지 않았나요?)',
  },
  MULTIPLE_ANCHORS: {
    en: 'a value has more than one anchor',
    ko: '한 값에 앵커가 둘 이상 있습니다',
  },
  MULTIPLE_DOCS: {
    en: 'more than one YAML document (---) where one is expected',
    ko: '문서가 하나여야 하는 곳에 YAML 문서(---)가 여러 개 있습니다',
  },
  MULTIPLE_TAGS: {
    en: 'a value has more than one tag',
    ko: '한 값에 태그가 둘 이상 있습니다',
  },
  NON_STRING_KEY: {
    en: 'a key is not a plain string',
    ko: '키가 문자열이 아닙니다',
  },
  RESOURCE_EXHAUSTION: {
    en: 'too many aliases or too deep nesting',
    ko: '별칭이 너무 많거나 중첩이 너무 깊습니다',
  },
  TAB_AS_INDENT: {
    en: 'a tab is used for indentation; indent with spaces',
    ko: '들여쓰기에 탭을 썼습니다. 공백으로 들여쓰세요',
  },
  TAG_RESOLVE_FAILED: {
    en: 'a !tag YAML cannot resolve',
    ko: 'YAML이 해석할 수 없는 !태그입니다',
  },
  UNEXPECTED_TOKEN: {
    en: 'an unexpected character here (a stray character, or a colon without a space after it)',
    ko: '예상하지 못한 문자가 있습니다 (엉뚱한 문자, 또는 뒤에 공백이 없는 콜론)',
  },
  BAD_COLLECTION_TYPE: {
    en: 'a list or mapping of the wrong kind for its tag',
    ko: '태그와 맞지 않는 종류의 목록이나 매핑입니다',
  },
  OTHER: {
    en: 'the YAML parser could not read it',
    ko: 'YAML 파서가 읽지 못했습니다',
  },
};
