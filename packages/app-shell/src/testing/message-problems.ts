/** The dotted paths of every message, so the two languages can be compared key for key. */
function paths(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? paths(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function valueAt(messages: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
}

/**
 * What is wrong with a namespace's messages: keys only one language has, and empty messages
 * (`[]` when every key exists in English and Chinese with some text).
 */
export function messageProblems(messages: { en: object; 'zh-CN': object }): string[] {
  const en = paths(messages.en);
  const zh = paths(messages['zh-CN']);
  return [
    ...en.filter((path) => !zh.includes(path)).map((path) => `missing in zh-CN: ${path}`),
    ...zh.filter((path) => !en.includes(path)).map((path) => `missing in en: ${path}`),
    ...(['en', 'zh-CN'] as const).flatMap((language) =>
      paths(messages[language])
        .filter((path) => valueAt(messages[language], path) === '')
        .map((path) => `empty in ${language}: ${path}`),
    ),
  ];
}
