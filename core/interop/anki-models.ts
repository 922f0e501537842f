import type { ReviewSettings } from '../review/settings.ts';

/**
 * The JSON the col row of a schema-11 collection holds. Keys follow Anki's legacy formats (rslib's
 * notetype/schema11.rs, decks/schema11.rs, deckconfig/schema11.rs): every key those readers require is written.
 */
// New ids when the fields changed (Context became a field of its own), so Anki never merges them with the old ones.
export const MODEL_IDS = { basic: 1733000000011, reversed: 1733000000012, cloze: 1733000000013 } as const;
export type ModelKind = keyof typeof MODEL_IDS;
export const MODEL_FIELDS: Record<ModelKind, string[]> = {
  basic: ['Front', 'Back', 'Context'],
  reversed: ['Front', 'Back', 'Context'],
  cloze: ['Text', 'Back Extra', 'Context'],
};
/** Kubedeck's options group: named, with its own id, so importing it into Anki never overwrites Anki's Default. */
export const DECK_CONFIG_ID = 1733000000100;
export const DECK_CONFIG_NAME = 'Kubedeck';

const CSS = `.card { font-family: "Noto Sans KR", arial, sans-serif; font-size: 20px; text-align: center; color: black; background-color: white; }
.kd-context { font-size: 14px; color: #666; margin-bottom: 8px; }
pre { text-align: left; }
.cloze { font-weight: bold; color: blue; }`;

const field = (name: string, ord: number) => ({
  name,
  ord,
  sticky: false,
  rtl: false,
  font: 'Arial',
  size: 20,
  media: [],
});
const template = (name: string, ord: number, qfmt: string, afmt: string) => ({
  name,
  ord,
  qfmt,
  afmt,
  bqfmt: '',
  bafmt: '',
  did: null,
  bfont: '',
  bsize: 0,
});
const ANSWER = (q: string, a: string) => `${q}\n\n<hr id=answer>\n\n${a}`;
// The context line (where the card comes from) heads the question of every card, a reversed one's too.
const CONTEXT = '{{#Context}}<div class="kd-context">{{Context}}</div>{{/Context}}';

export function ankiModels(modSecs: number): Record<string, unknown> {
  const common = (id: number, name: string, type: 0 | 1) => ({
    id,
    name,
    type,
    mod: modSecs,
    usn: 0,
    sortf: 0,
    did: null,
    css: CSS,
    latexPre:
      '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    latexsvg: false,
    tags: [],
    vers: [],
  });
  return {
    [MODEL_IDS.basic]: {
      ...common(MODEL_IDS.basic, 'Basic', 0),
      flds: MODEL_FIELDS.basic.map(field),
      tmpls: [template('Card 1', 0, `${CONTEXT}{{Front}}`, ANSWER('{{FrontSide}}', '{{Back}}'))],
      req: [[0, 'any', [0]]],
    },
    [MODEL_IDS.reversed]: {
      ...common(MODEL_IDS.reversed, 'Basic (and reversed card)', 0),
      flds: MODEL_FIELDS.reversed.map(field),
      tmpls: [
        template('Card 1', 0, `${CONTEXT}{{Front}}`, ANSWER('{{FrontSide}}', '{{Back}}')),
        template('Card 2', 1, `${CONTEXT}{{Back}}`, ANSWER('{{FrontSide}}', '{{Front}}')),
      ],
      req: [
        [0, 'any', [0]],
        [1, 'any', [1]],
      ],
    },
    [MODEL_IDS.cloze]: {
      ...common(MODEL_IDS.cloze, 'Cloze', 1),
      flds: MODEL_FIELDS.cloze.map(field),
      tmpls: [
        template('Cloze', 0, `${CONTEXT}{{cloze:Text}}`, `${CONTEXT}{{cloze:Text}}<br>\n{{Back Extra}}`),
      ],
      req: [[0, 'any', [0]]],
    },
  };
}

export function ankiDeck(id: number, name: string, modSecs: number) {
  return {
    id,
    name,
    mod: modSecs,
    usn: 0,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: '',
    dyn: 0,
    conf: id === 1 ? 1 : DECK_CONFIG_ID,
    extendNew: 0,
    extendRev: 0,
  };
}

const minutes = (steps: string[]) =>
  steps.map((s) => {
    const n = Number(s.slice(0, -1));
    return s.endsWith('d') ? n * 1440 : s.endsWith('h') ? n * 60 : n;
  });

/** The learner's Kubedeck settings as Anki deck options, so the decks study the same on the phone. */
export function ankiDeckConfig(s: ReviewSettings, modSecs: number) {
  const kubedeck = ankiOptionsGroup(s, DECK_CONFIG_ID, DECK_CONFIG_NAME, modSecs);
  return { 1: ankiOptionsGroup(s, 1, 'Default', modSecs), [DECK_CONFIG_ID]: kubedeck };
}

function ankiOptionsGroup(s: ReviewSettings, id: number, name: string, modSecs: number) {
  return {
    id,
    mod: modSecs,
    name,
    usn: 0,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: {
      bury: true,
      delays: minutes(s.learningSteps),
      initialFactor: 2500,
      ints: [1, 4, 0],
      order: 1,
      perDay: s.newPerDay,
    },
    rev: {
      bury: true,
      ease4: 1.3,
      ivlFct: 1,
      maxIvl: s.maximumInterval,
      perDay: s.reviewsPerDay,
      hardFactor: 1.2,
    },
    lapse: {
      delays: minutes(s.relearningSteps),
      leechAction: 1,
      leechFails: s.leechThreshold,
      minInt: 1,
      mult: 0,
    },
    desiredRetention: s.desiredRetention,
    ...(s.weights ? { fsrsWeights: s.weights } : {}),
  };
}

export function ankiConf(curModel: number, nextPos: number, rollover: number) {
  return {
    activeDecks: [1],
    curDeck: 1,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel,
    nextPos,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
    schedVer: 2,
    rollover,
  };
}
