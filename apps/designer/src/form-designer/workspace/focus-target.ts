/** Moves keyboard focus to the canvas header of a node, column or tab, once React has drawn it. */
export function focusTarget(id: string | null): void {
  setTimeout(() => {
    const selector = id === null ? '.fd-canvas' : `[data-target="${CSS.escape(id)}"]`;
    document.querySelector<HTMLElement>(selector)?.focus();
  }, 0);
}
