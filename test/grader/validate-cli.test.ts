import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubedeck } from '../support/cli.ts';
import { tmpDir } from '../support/tmp.ts';

const ok = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports:
    - port: 80
`;
const typo = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: 80
      tragetPort: 8080
`;
const gateway = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
spec:
  gatewayClassName: nginx
  listeners:
    - name: tcp
      protocol: TCP
      port: 9000
      hostname: db.example.com
`;

describe('kubedeck validate', () => {
  const dir = tmpDir();
  writeFileSync(join(dir, 'ok.yaml'), ok);
  writeFileSync(join(dir, 'typo.yaml'), typo);
  mkdirSync(join(dir, 'more', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'more', 'deeper', 'gw.yml'), gateway);
  writeFileSync(join(dir, 'more', 'notes.txt'), 'not a manifest, not read');

  it('exit 0 when every file is valid, with a summary on stderr and nothing on stdout', () => {
    const r = kubedeck(['validate', join(dir, 'ok.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('1 file(s), 1 document(s): all valid');
  });

  it('exit 1 and one file:line:column: message line per problem, across a folder tree', () => {
    const r = kubedeck(['validate', dir]);
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual([
      `${join(dir, 'more', 'deeper', 'gw.yml')}:8:5: spec.listeners: hostname must not be specified for protocols ['TCP', 'UDP']`,
      `${join(dir, 'typo.yaml')}:8:7: spec.ports[0].tragetPort: unknown field "tragetPort" — did you mean targetPort?`,
    ]);
    expect(r.stderr).toContain('3 file(s), 3 document(s): 2 file(s) invalid');
  });

  it('--json gives files with valid and issues (line, column, path, code, message); Korean with --lang ko', () => {
    const r = kubedeck(['validate', '--json', '--lang', 'ko', join(dir, 'typo.yaml'), join(dir, 'ok.yaml')]);
    expect(r.code).toBe(1);
    expect(r.json()).toEqual({
      files: [
        {
          file: join(dir, 'typo.yaml'),
          valid: false,
          issues: [
            {
              line: 8,
              column: 7,
              path: 'spec.ports[0].tragetPort',
              code: 'unknown-field',
              message:
                'spec.ports[0].tragetPort: 알 수 없는 필드 "tragetPort" — targetPort을(를) 의도했나요?',
            },
          ],
        },
        { file: join(dir, 'ok.yaml'), valid: true, issues: [] },
      ],
    });
  });

  it('reads stdin for -, including flow-style YAML with trailing commas and a ... end marker', () => {
    const flow =
      '{ apiVersion: "v1", kind: "Service", metadata: { name: "web", }, spec: { ports: [ { port: 80, }, ], }, }\n...\n';
    const r = kubedeck(['validate', '-'], { input: flow });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('exit 2 when a file cannot be read, still reporting the others', () => {
    const r = kubedeck(['validate', join(dir, 'missing.yaml'), join(dir, 'typo.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'missing.yaml')}: cannot read: ENOENT`);
    expect(r.stdout).toContain('tragetPort');
  });

  it('exit 2 with a usage line when no file is given', () => {
    const r = kubedeck(['validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give one or more files');
  });

  it('validates many files in one process', () => {
    const many = tmpDir();
    for (let i = 0; i < 200; i++)
      writeFileSync(join(many, `svc-${i}.yaml`), ok.replace('name: web', `name: web-${i}`));
    writeFileSync(join(many, 'svc-bad.yaml'), ok.replace('port: 80', 'port: 80000'));
    const r = kubedeck(['validate', many]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      `${join(many, 'svc-bad.yaml')}:8:13: port: 80000 must be between 1 and 65535`,
    ]);
    expect(r.stderr).toContain('201 file(s), 201 document(s): 1 file(s) invalid');
  });
});
