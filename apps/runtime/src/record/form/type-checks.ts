import { loadTypeCheck, type RecordTypeCheck, type ValidatorModule } from '@bankforge/data-model/browser';

/** Loads an ES module by URL; the browser's dynamic import, a fake in tests. */
export type ModuleImporter = (url: string) => Promise<unknown>;

// The server generates these modules per published entity: Vite must leave the URL to the browser.
export const importModule: ModuleImporter = (url) => import(/* @vite-ignore */ url);

/**
 * The type checks of each entity from the validator modules the server serves (ajv standalone
 * code: nothing is compiled in the browser). A module that fails to load leaves its entity
 * unchecked here; the server still checks every write.
 */
export async function loadTypeChecks(validators: Readonly<Record<string, string>>, load: ModuleImporter = importModule): Promise<Record<string, RecordTypeCheck>> {
  const entries = await Promise.all(
    Object.entries(validators).map(async ([entity, url]): Promise<[string, RecordTypeCheck] | null> => {
      try {
        return [entity, loadTypeCheck((await load(url)) as ValidatorModule)];
      } catch {
        return null;
      }
    }),
  );
  return Object.fromEntries(entries.filter((entry) => entry !== null));
}
