/**
 * Manifests in a note judged as `kubectl apply --validate=strict` would: the grader's own pipeline (schema, CEL
 * rules of the Gateway API CRDs, field-name case, value ranges, unknown fields), each problem placed on the note's
 * line and column.
 */
import { MAX_MANIFEST_BYTES } from '../grader/validate.ts';
import { analyse } from '../grader/verdict.ts';
import { documents, manifestIdentity } from '../markdown/manifest-blocks.ts';
import type { FactsBase } from './facts-base.ts';
import type { NoteManifest } from './note-manifests.ts';
import type { NoteCheck } from './types.ts';

/** A document that shows a shape rather than a manifest: `...`, `<name>` or `{{ .Values }}` stand for what the reader fills in. */
const PLACEHOLDER = /^\s*(?:\.\.\.|…)\s*$|<[\w .-]+>|\{\{|\$\{?\w/m;

const SCHEMA_SOURCE = 'schema: Kubernetes OpenAPI (kubernetes-models 5.1.0)';
const CRD_SOURCE = 'CRD: Gateway API v1.6.1 standard channel (schema and CEL rules)';

export function checkManifest(base: FactsBase, m: NoteManifest, lines: readonly string[]): NoteCheck[] {
  const out: NoteCheck[] = [];
  let from = 0;
  for (const doc of documents(m.text)) {
    const at = m.text.indexOf(doc, from);
    from = at + doc.length;
    if (!doc.trim() || PLACEHOLDER.test(doc)) continue;
    const offset = m.text.slice(0, at).split('\n').length - 1;
    const { kind } = manifestIdentity(doc);
    const apiVersion = /^apiVersion:\s*["']?([\w./-]+)/m.exec(doc)?.[1] ?? '';
    const gateway = apiVersion.startsWith('gateway.networking.k8s.io/');
    for (const issue of analyse(doc, { maxBytes: MAX_MANIFEST_BYTES }).issues) {
      // An unknown kind is a custom resource the schemas do not cover, not a mistake; empty documents say nothing.
      if (issue.code === 'kind' || issue.code === 'empty' || issue.code === 'helm') continue;
      // A note shows a manifest's shape and often leaves the name out; the API server's name rule is not the lesson.
      if (issue.path === 'metadata.name' || issue.path === 'metadata') continue;
      const line = m.line + offset + (issue.loc?.line ?? 1) - 1;
      const column = (issue.loc?.column ?? 1) + m.indent;
      const said = lines[line - 1]?.trim() ?? '';
      if (issue.code === 'api-version') {
        const gone = base.apiVersions.removed.find((r) => r.kind === kind && r.apiVersion === apiVersion);
        // Gateway API versions come and go by channel; only a version Kubernetes removed is certainly wrong.
        if (!gone && gateway) continue;
        out.push({
          kind: gone ? 'outdated' : 'manifest',
          id: gone ? base.apiVersions.id : 'manifest.api-version',
          line,
          column,
          said,
          kubernetes: issue.text,
          about: base.apiVersions.about,
          source: gone ? 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/' : SCHEMA_SOURCE,
          blockLine: m.block,
        });
        continue;
      }
      out.push({
        kind: 'manifest',
        id: `manifest.${issue.code}`,
        line,
        column,
        said,
        kubernetes: issue.text,
        about: { en: `${kind ?? 'manifest'} manifest`, ko: `${kind ?? '매니페스트'} 매니페스트` },
        source: issue.code === 'yaml' ? 'https://yaml.org/spec/1.2.2/' : gateway ? CRD_SOURCE : SCHEMA_SOURCE,
        blockLine: m.block,
      });
    }
  }
  return out;
}
