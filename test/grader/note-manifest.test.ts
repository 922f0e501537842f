import { describe, expect, it } from 'vitest';
import { gradeAgainstReference, noteManifestYaml } from '../../content/grader/index.ts';

// A whole-manifest card is graded against its note's block: the note may have pasted it in a fence or with the
// shell that applied it, and the grader must derive its checks from the manifest alone.
const yaml = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80';

describe('the manifest a whole-manifest card is graded against', () => {
  it('is the YAML without a fence or a heredoc around it', () => {
    expect(noteManifestYaml(yaml)).toBe(yaml);
    expect(noteManifestYaml(`\`\`\`yaml\n${yaml}\n\`\`\``)).toBe(yaml);
    expect(noteManifestYaml(`cat << EOF | kubectl apply -f -\n${yaml}\nEOF`)).toBe(yaml);
    expect(noteManifestYaml(`kubectl apply -f - <<'EOT'\n${yaml}\nEOT\n`)).toBe(yaml);
  });

  it('grades a right answer against a manifest pasted in a heredoc as passed, and a wrong one as failed', () => {
    const pasted = `cat << EOF | kubectl apply -f -\n${yaml}\nEOF`;
    expect(gradeAgainstReference(pasted, yaml, { lang: 'en' }).passed).toBe(true);
    expect(gradeAgainstReference(pasted, yaml.replace('port: 80', 'port: 81'), { lang: 'en' }).passed).toBe(
      false,
    );
  });
});
