import { describe, expect, it } from 'vitest';
import { gradeAgainstReference } from '../../content/grader/index.ts';
import { manifestYaml } from '../../renderer/screens/review-view.ts';

// A whole-manifest card is graded against the YAML of its answer: the note may have pasted it in a fence or with
// the shell that applied it, and the grader must get the manifest alone.
const yaml = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80';

describe('the manifest a whole-manifest card is graded against', () => {
  it('is the YAML without a fence or a heredoc around it', () => {
    expect(manifestYaml(yaml)).toBe(yaml);
    expect(manifestYaml(`\`\`\`yaml\n${yaml}\n\`\`\``)).toBe(yaml);
    expect(manifestYaml(`cat << EOF | kubectl apply -f -\n${yaml}\nEOF`)).toBe(yaml);
    expect(manifestYaml(`kubectl apply -f - <<'EOT'\n${yaml}\nEOT\n`)).toBe(yaml);
  });

  it('grades a right answer from a pasted heredoc as passed, which the raw answer could not be', () => {
    const pasted = `cat << EOF | kubectl apply -f -\n${yaml}\nEOF`;
    expect(gradeAgainstReference(manifestYaml(pasted), yaml, { lang: 'en' }).passed).toBe(true);
    expect(gradeAgainstReference(pasted, yaml, { lang: 'en' }).passed).toBe(false);
  });
});
