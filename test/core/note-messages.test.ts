import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTE_MESSAGE_CODES, YAML_PROBLEMS } from '../../content/markdown/note-messages.ts';
import { parseNote } from '../../content/markdown/parse-note.ts';
import { YAML_PROBLEM_WORDS } from '../../content/yaml-problems.ts';
import en from '../../core/i18n/en.json' with { type: 'json' };
import ko from '../../core/i18n/ko.json' with { type: 'json' };
import { noteMessageText, ruleLabel, toNoteWarning, warningText } from '../../core/i18n/note-messages.ts';
import { KNOWN_RULES } from '../../core/import/rule-switches.ts';
import { kubedeck } from '../support/cli.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

const HANGUL = /[가-힣]/;
const table = (lang: 'ko' | 'en') => (lang === 'ko' ? ko : en) as Record<string, string>;

// Korean is a first-class language (issue #21, 9): no import warning, YAML problem or rule name is English only.
describe('import messages and rule names in ko and en', () => {
  it('every message code, YAML problem and rule has its words in both tables, Korean in Korean', () => {
    const keys = [...NOTE_MESSAGE_CODES.map((c) => `note.${c}`), ...KNOWN_RULES.map((r) => `rule.${r}`)];
    expect(keys.length).toBeGreaterThan(50);
    for (const k of keys) {
      expect(table('en')[k]?.trim(), k).toBeTruthy();
      expect(table('ko')[k], k).toMatch(HANGUL);
    }
    // The YAML library's problems are said by the grader too, so their words live in content/yaml-problems.ts.
    for (const c of YAML_PROBLEMS) {
      expect(YAML_PROBLEM_WORDS[c].en.trim(), c).toBeTruthy();
      expect(YAML_PROBLEM_WORDS[c].ko, c).toMatch(HANGUL);
    }
  });

  it('rule names read as words, and the identifier stays what the data says', () => {
    expect(ruleLabel('ko', 'sentence-cloze')).toBe('문장 빈칸');
    expect(ruleLabel('en', 'term-definition')).toBe('Term and definition');
    expect(ruleLabel('ko', 'manifest-apiversion')).toMatch(HANGUL);
    for (const r of KNOWN_RULES) expect(ruleLabel('en', r)).not.toBe(r);
    // A rule this build does not know (a newer database) shows as it is.
    expect(ruleLabel('ko', 'from-the-future')).toBe('from-the-future');
  });

  it('a note with bad front matter and an open fence: Korean words, the YAML problem in Korean, file and line kept', () => {
    // The YAML library finds the missing quote on the block's third line: the note's fourth.
    const n = parseNote(
      'bad.md',
      '---\ndeck: x\ntags: [a]\nlang: "ko\n---\nq :: a\n```bash\nkubectl get pods\n',
    );
    const warnings = n.warnings.map(toNoteWarning);
    expect(warnings.map((w) => [w.file, w.line, w.code])).toEqual([
      ['bad.md', 4, 'front-matter-yaml'],
      ['bad.md', 7, 'fence-unclosed'],
    ]);
    const yaml = warnings[0]!;
    // `message` stays English for logs and --json; the words come from the code.
    expect(yaml.message).toMatch(/^front matter is not valid YAML: /);
    const koYaml = warningText('ko', yaml);
    expect(koYaml).toBe('프런트 매터가 올바른 YAML이 아닙니다: 닫는 문자(따옴표, ], })가 빠졌습니다');
    expect(warningText('ko', warnings[1]!)).toBe(
      '코드 블록 ```이(가) 닫히지 않았습니다. 그 뒤의 줄은 일반 텍스트로 읽었습니다',
    );
    expect(noteMessageText('en', warnings[1]! as never)).toBe(
      'code fence ``` is never closed; read the lines after it as text',
    );
    const toml = parseNote('post.md', '+++\ntitle = "x\n+++\n').warnings.map(toNoteWarning)[0]!;
    expect([toml.line, toml.code]).toEqual([2, 'front-matter-toml']);
    // The sentence is Korean and says what to check; the library's own words follow in brackets.
    expect(warningText('ko', toml)).toMatch(
      /^프런트 매터가 올바른 TOML이 아닙니다\. 이 줄의 키와 값\(키 = 값\)을 확인하세요 \(\S.*\)$/,
    );
    expect(warningText('en', toml)).toMatch(/^front matter is not valid TOML: \S/);
    const open = parseNote('post.md', '+++\ntitle = "x"\n').warnings.map(toNoteWarning)[0]!;
    expect(warningText('ko', open)).toBe('프런트 매터가 +++로 열렸지만 닫히지 않았습니다');
    expect(warningText('en', open)).toBe('front matter opened with +++ but never closed');
    // A Kubernetes check warning (no code) still shows its own Korean text.
    expect(warningText('ko', { message: 'wrong', ko: { message: '틀린 내용' } })).toBe('틀린 내용');
  });

  it('the CLI prints them in the language asked for, each naming file:line; --json keeps code and English', () => {
    const dir = tmpDir();
    writeFiles(dir, { 'notes/dup.md': 'a :: b\n\na :: b\n\n```yaml\nkind: Pod\n' });
    const db = join(dir, 'k.sqlite');
    const koRun = kubedeck(['import', 'notes', '--dry-run', '--lang', 'ko', '--db', db], { cwd: dir });
    expect(koRun.code).toBe(0);
    expect(koRun.stderr).toContain('notes/dup.md:3: 중복 카드입니다 (1번째 줄과 같음). 첫 카드만 남겼습니다');
    expect(koRun.stderr).toContain('notes/dup.md:5: 코드 블록 ```이(가) 닫히지 않았습니다');
    const enRun = kubedeck(['import', 'notes', '--dry-run', '--lang', 'en', '--db', db], { cwd: dir });
    expect(enRun.stderr).toContain('notes/dup.md:3: duplicate card (same as line 1); kept the first');
    const json = kubedeck(['import', 'notes', '--dry-run', '--json', '--lang', 'ko', '--db', db], {
      cwd: dir,
    });
    expect((json.json() as { warnings: unknown[] }).warnings).toContainEqual({
      file: 'notes/dup.md',
      line: 3,
      message: 'duplicate card (same as line 1); kept the first',
      code: 'duplicate-card',
      params: { first: 1 },
    });
  });
});
