import { describe, expect, it } from 'vitest';
import { exportLanguage } from './report-request.js';

describe("an export's language", () => {
  it("is the first of the browser's languages the product speaks, English otherwise", () => {
    expect(exportLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(exportLanguage('zh-TW')).toBe('zh-CN');
    expect(exportLanguage('fr-FR, en-GB;q=0.8, zh;q=0.5')).toBe('en');
    expect(exportLanguage('fr')).toBe('en');
    expect(exportLanguage(undefined)).toBe('en');
  });
});
