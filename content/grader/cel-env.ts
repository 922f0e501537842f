/**
 * The CEL environment the API server gives x-kubernetes-validations rules, as far as the Gateway API CRDs use it:
 * the CEL standard library, the strings extension (split, substring, lowerAscii, ...) and the Kubernetes `isIP`.
 * Rules are compiled once and cached by their text.
 */

import { isIP as netIsIP } from 'node:net';
import { type CelEnv, CelScalar, celEnv, celFunc, isCelError, parse, plan } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';

/**
 * Kubernetes' isIP accepts IPv4 and IPv6 without a zone and refuses IPv4 with leading zeros, as Go's
 * netip.ParseAddr does; node's isIP agrees on everything but zones, which are refused here.
 */
function kubeIsIP(s: string): boolean {
  if (s.includes('%')) return false;
  return netIsIP(s) !== 0;
}

/**
 * `matches()` patterns, compiled once each. The CRDs' patterns are RE2 that JavaScript reads as written, except a
 * leading `(?i)`, which becomes the `i` flag. (The library's own engine builds an automaton per call.)
 */
const patterns = new Map<string, RegExp>();
const re2 = {
  compile(pattern: string) {
    let re = patterns.get(pattern);
    if (!re) {
      const m = /^(\^?)\(\?i\)/.exec(pattern);
      re = m ? new RegExp(m[1] + pattern.slice(m[0].length), 'iu') : new RegExp(pattern, 'u');
      patterns.set(pattern, re);
    }
    const compiled = re;
    return { test: (text: string) => compiled.test(text) };
  },
};

let env: CelEnv | null = null;
function celEnvironment(): CelEnv {
  env ??= celEnv({ funcs: [...strings, celFunc('isIP', [CelScalar.STRING], CelScalar.BOOL, kubeIsIP)], re2 });
  return env;
}

export type CompiledRule = (self: unknown) => { ok: true; value: unknown } | { ok: false; error: string };

const compiled = new Map<string, CompiledRule>();

export function compileRule(expr: string): CompiledRule {
  const hit = compiled.get(expr);
  if (hit) return hit;
  let fn: CompiledRule;
  try {
    const run = plan(celEnvironment(), parse(expr));
    fn = (self) => {
      try {
        const r = run({ self } as never);
        return isCelError(r) ? { ok: false, error: r.message } : { ok: true, value: r };
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      }
    };
  } catch (e) {
    const msg = (e as Error).message;
    fn = () => ({ ok: false, error: `cannot compile: ${msg}` });
  }
  compiled.set(expr, fn);
  return fn;
}

/** Rules that compare with the stored object (transition rules) cannot be judged on a new object. */
export const usesOldSelf = (expr: string): boolean => /\boldSelf\b/.test(expr);

/** CEL keywords a property name must be escaped from (`namespace` is `__namespace__` in a rule). */
const RESERVED = new Set([
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
]);

/** The name a schema property has inside CEL (Kubernetes' escaping rules). */
export function celPropertyName(name: string): string {
  if (RESERVED.has(name)) return `__${name}__`;
  return name
    .replace(/__/g, '__underscores__')
    .replace(/\./g, '__dot__')
    .replace(/-/g, '__dash__')
    .replace(/\//g, '__slash__');
}
