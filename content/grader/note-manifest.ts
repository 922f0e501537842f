/**
 * A manifest as a note wrote it, reduced to its YAML: notes keep manifests in a code fence, or pasted with the shell
 * that applied them (`cat << EOF | kubectl apply -f -` … `EOF`). A "recall this manifest" card's reference is such
 * a block; its checks are derived from the YAML alone.
 */
export function noteManifestYaml(text: string): string {
  return text
    .replace(/^\s*```ya?ml\n|\n```\s*$/g, '')
    .replace(/^[^\n]*<<-?\s*['"]?(\w+)['"]?[^\n]*\n([\s\S]*?)\n\1\s*$/, '$2');
}
