/** A manifest field name written as a title (`containerPort`, `targetPort`): one lowerCamel identifier. */
export const YAML_FIELD = /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*$/;

/** Keys only a manifest has: two of them among `key: value` lines make those lines a manifest. */
const MANIFEST_ONLY_KEYS = new Set([
  'apiVersion',
  'kind',
  'metadata',
  'spec',
  'selector',
  'matchLabels',
  'ports',
  'targetPort',
  'containerPort',
  'nodePort',
  'containers',
  'labels',
  'rules',
  'backend',
  'pathType',
  'podSelector',
  'policyTypes',
  'template',
  'replicas',
  'env',
  'valueFrom',
  'fieldRef',
  'fieldPath',
  'args',
  'livenessProbe',
  'readinessProbe',
  'httpGet',
]);
/** `type: LoadBalancer`, `selector:`, `- name: http`: a key, and at most one word of value. */
const YAML_LINE = /^\s*(?:-\s+)?([A-Za-z][\w.-]*):(?:\s+("[^"]*"|'[^']*'|\S+))?\s*$/;

/**
 * A piece of a manifest pasted as text, outside a code block ("type: LoadBalancer / selector: / app: nginx"), with
 * no `apiVersion:`/`kind:` to make it a manifest of its own (manifest-blocks.ts): nearly every line is a YAML key with
 * a one-word value, and two keys are ones only a manifest has. Such lines are not terms and their definitions.
 */
export function isYamlFragment(lines: readonly { text: string }[]): boolean {
  if (lines.length < 3) return false;
  let yaml = 0;
  const keys = new Set<string>();
  for (const { text } of lines) {
    const m = YAML_LINE.exec(text);
    if (!m) continue;
    yaml++;
    if (MANIFEST_ONLY_KEYS.has(m[1]!)) keys.add(m[1]!);
  }
  return yaml >= lines.length * 0.75 && keys.size >= 2;
}
