// Preloaded with `node --import`: writes every module URL the process loads, one a line, to KUBEDECK_LOADS_OUT
// when it exits. Tests use it to prove a command loads only the chunks it needs.
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const loaded = [];
registerHooks({
  load(url, context, nextLoad) {
    loaded.push(url);
    return nextLoad(url, context);
  },
});
process.on('exit', () => {
  if (process.env.KUBEDECK_LOADS_OUT)
    appendFileSync(process.env.KUBEDECK_LOADS_OUT, `${loaded.join('\n')}\n`);
});
