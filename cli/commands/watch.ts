import type { Lang } from '../../core/i18n/index.ts';
import { warningText } from '../../core/i18n/note-messages.ts';
import type { SyncEvent } from '../../core/interop/watch.ts';
import { KubedeckError } from '../../db/errors.ts';
import type { CommandImpl, Io } from '../command.ts';
import { displayPath } from './import.ts';

function printSync(io: Io, json: boolean, lang: Lang, e: SyncEvent) {
  if (json) {
    io.out(JSON.stringify(e));
    return;
  }
  const what = [...e.files, ...e.removed.map((f) => `${f} (deleted)`)].map(displayPath).join(', ');
  if (e.error) {
    io.err(`${e.at} ${what}: ${e.error}`);
    return;
  }
  const r = e.result!;
  for (const w of r.warnings) io.err(`${displayPath(w.file)}:${w.line}: ${warningText(lang, w)}`);
  const s = r.summary;
  io.out(
    `${e.at} ${what}: new ${s.new}, updated ${s.updated}, unchanged ${s.unchanged}, suspended ${s.suspended}${r.srScheduled ? `, SR schedules ${r.srScheduled}` : ''}`,
  );
}

export const watchCommand: CommandImpl = {
  async run({ positionals, values, core, io, json, lang }) {
    const c = core();
    if (values.list) {
      const { folders } = await c.call('watch/list', {});
      if (json) io.out(JSON.stringify({ folders }));
      else
        io.out(
          folders.length ? folders.join('\n') : '(no watched folders; add one: kubedeck watch <folder>)',
        );
      return 0;
    }
    if (typeof values.remove === 'string') {
      const { folders } = await c.call('watch/remove', { folder: values.remove });
      if (json) io.out(JSON.stringify({ folders }));
      else io.out(`no longer watching ${values.remove}; ${folders.length} folder(s) left`);
      return 0;
    }
    for (const f of positionals) await c.call('watch/add', { folder: f });
    const { folders } = await c.call('watch/list', {});
    if (folders.length === 0)
      throw new KubedeckError('usage', 'watch: name a folder (it is remembered for next time)', 2);
    const debounceMs = values['debounce-ms'] === undefined ? undefined : Number(values['debounce-ms']);
    const { FolderWatcher } = await import('../../core/interop/watch.ts');
    const watcher = new FolderWatcher(c.ctx, { debounceMs, onSync: (e) => printSync(io, json, lang, e) });
    await watcher.start(folders);
    if (!json) io.out(`watching ${folders.map(displayPath).join(', ')} (Ctrl-C stops)`);
    else io.out(JSON.stringify({ watching: folders }));
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        watcher.close().then(done, done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};
