/** An error whose message is fit to show a learner as one line; `code` is stable for programs. */
export class KubedeckError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'KubedeckError';
  }
}
