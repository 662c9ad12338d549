// Every locale has exactly the keys of English (no missing, no extra, no empty), the plural forms its language
// needs, and the same placeholders; and every language the picker offers has its file.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { languages } from '../../src/i18n/languages';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** Strings loaded with some screens only, each merged under its own prefix (src/i18n/index.ts `loadStrings`). */
const NAMESPACES = ['referral', 'share'] as const;

/** A language's strings as the app ends up holding them: the main file, with each namespace's merged under its name. */
function load(code: string): Map<string, string> {
  const main = JSON.parse(readFileSync(`locales/${code}.json`, 'utf8')) as Tree;
  const merged: Tree = { ...main };
  for (const namespace of NAMESPACES) {
    expect(main[namespace], `locales/${code}.json must leave the ${namespace} strings to locales/${namespace}/`).toBeUndefined();
    merged[namespace] = JSON.parse(readFileSync(`locales/${namespace}/${code}.json`, 'utf8')) as Tree;
  }
  return flatten(merged);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*([\w.]+)[^}]*}}/g)].map((m) => m[1]!).sort();
}

const english = load('en');
/** Base keys that English writes with plural forms, and whether it has an explicit zero. */
const pluralBases = new Map<string, boolean>();
for (const key of english.keys()) {
  const match = PLURAL.exec(key);
  if (match) {
    const base = key.slice(0, match.index);
    pluralBases.set(base, (pluralBases.get(base) ?? false) || match[1] === 'zero');
  }
}
const singularKeys = [...english.keys()].filter((key) => !PLURAL.test(key) || !pluralBases.has(key.replace(PLURAL, '')));
const codes = readdirSync('locales')
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.replace(/\.json$/, ''));

describe('locale files', () => {
  it('exist for every language the picker offers, and only for those, with the referral and share strings beside them', () => {
    expect(codes.sort()).toEqual(languages.map((l) => l.code).sort());
    for (const namespace of NAMESPACES) {
      const namespaceCodes = readdirSync(`locales/${namespace}`).map((file) => file.replace(/\.json$/, ''));
      expect(namespaceCodes.sort()).toEqual(codes);
    }
  });

  for (const code of codes.filter((c) => c !== 'en')) {
    describe(code, () => {
      const messages = load(code);
      const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories as string[];

      it('has every key of English and no others', () => {
        const expected = new Set(singularKeys);
        for (const [base, hasZero] of pluralBases) {
          for (const category of categories) expected.add(`${base}_${category}`);
          if (hasZero) expected.add(`${base}_zero`);
        }
        const missing = [...expected].filter((key) => !messages.has(key));
        const extra = [...messages.keys()].filter((key) => !expected.has(key));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it('has no empty text', () => {
        expect([...messages].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
      });

      it('keeps the placeholders of English', () => {
        const wrong: string[] = [];
        for (const [key, text] of messages) {
          const base = key.replace(PLURAL, '');
          // A plural form is compared with the same form in English when English has it (an explicit zero), else with 'other'.
          const source = english.get(key) ?? english.get(`${base}_other`) ?? '';
          let expected = placeholders(source);
          // Arabic names zero, one and two in words ('نشاطان'), as CLDR does, so the number itself may be left out.
          if (code === 'ar' && /_(zero|one|two)$/.test(key)) expected = expected.filter((name) => placeholders(text).includes(name) || name !== 'count');
          if (JSON.stringify(placeholders(text)) !== JSON.stringify(expected)) wrong.push(`${key}: ${placeholders(text).join(',')} ≠ ${expected.join(',')}`);
        }
        expect(wrong).toEqual([]);
      });
    });
  }
});
