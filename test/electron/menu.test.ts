import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../electron/menu.ts';

type Item = MenuItemConstructorOptions;
const find = (items: Item[], label: string): Item | undefined => {
  for (const i of items) {
    if (i.label === label) return i;
    const sub = Array.isArray(i.submenu) ? find(i.submenu as Item[], label) : undefined;
    if (sub) return sub;
  }
  return undefined;
};
const click = (i: Item | undefined) => {
  expect(i?.click).toBeTypeOf('function');
  (i!.click as unknown as () => void)();
};

describe('app menu', () => {
  it('speaks the UI language and wires File › Import, View screens and Help › Keyboard shortcuts', () => {
    const calls: string[] = [];
    const actions = {
      importFiles: () => calls.push('files'),
      importFolder: () => calls.push('folder'),
      go: (s: string) => calls.push(`go:${s}`),
      shortcuts: () => calls.push('shortcuts'),
    };
    const ko = menuTemplate(actions, false, 'ko');
    expect(ko.map((m) => m.label ?? m.role)).toEqual(['파일', 'editMenu', '보기', 'windowMenu', '도움말']);
    click(find(ko, '노트 가져오기…'));
    click(find(ko, '폴더 가져오기…'));
    click(find(ko, '설정'));
    click(find(ko, '단축키'));
    expect(calls).toEqual(['files', 'folder', 'go:settings', 'shortcuts']);
    const en = menuTemplate(actions, true, 'en');
    expect(en[0]!.role).toBe('appMenu');
    expect(find(en, 'Import notes…')!.accelerator).toBe('CmdOrCtrl+O');
    expect(find(en, 'Keyboard shortcuts')!.accelerator).toBe('F1');
  });
});
