// @vitest-environment node
import { FIELD_TYPES, WIDGET_TYPES } from '@bankforge/form-engine';
import { describe, expect, it } from 'vitest';
import { CHOICE_WIDGETS, widgetsFor } from './widgets.js';

describe('widgetsFor', () => {
  it('offers at least one known widget for every field type', () => {
    for (const type of FIELD_TYPES) {
      expect(widgetsFor(type).length).toBeGreaterThan(0);
      for (const widget of widgetsFor(type)) expect(WIDGET_TYPES).toContain(widget);
    }
  });

  it('offers choice widgets for text, select types and references only', () => {
    const withChoices = FIELD_TYPES.filter((type) => widgetsFor(type).some((w) => CHOICE_WIDGETS.has(w)));
    expect(withChoices).toEqual(['text', 'singleSelect', 'multiSelect', 'reference']);
  });
});
