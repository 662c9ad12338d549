// The lint rule that keeps Leaflet and Dexie behind their wrappers must actually fire.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

async function lintAs(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint();
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('wrapped libraries', () => {
  it('refuses leaflet and dexie imports outside their wrappers', async () => {
    expect(await lintAs('src/browse/Sneaky.ts', "import L from 'leaflet';\nexport const x = L;\n")).toContain('no-restricted-imports');
    expect(await lintAs('src/favourites/state.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n")).toContain('no-restricted-imports');
  });
  it('allows them in the wrapper modules', async () => {
    expect(await lintAs('src/storage/db.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n")).not.toContain('no-restricted-imports');
    expect(await lintAs('src/map/leaflet.ts', "import L from 'leaflet';\nexport const x = L;\n")).not.toContain('no-restricted-imports');
  });
});

describe('user-visible text goes through i18next', () => {
  it('refuses words written straight into JSX and into read-aloud attributes', async () => {
    expect(await lintAs('src/browse/Sneaky.tsx', 'export const A = () => <p>Find activities</p>;\n')).toContain('i18n/no-literal-text');
    expect(await lintAs('src/browse/Sneaky.tsx', 'export const A = () => <button aria-label="Close" />;\n')).toContain('i18n/no-literal-text');
    expect(await lintAs('src/browse/Sneaky.tsx', "export const A = () => <input placeholder={'Search'} />;\n")).toContain('i18n/no-literal-text');
  });
  it('allows translated text and punctuation', async () => {
    const code = "import { t } from '../i18n';\nexport const A = () => <p>{t('browse.title')} · –</p>;\n";
    expect(await lintAs('src/browse/Fine.tsx', code)).not.toContain('i18n/no-literal-text');
  });
});
