/** Moves keyboard focus to the canvas header of a node, column or tab (the canvas for null), once React has drawn it. */
export function focusTarget(id: string | null): void {
  setTimeout(() => {
    const target =
      id === null
        ? document.querySelector<HTMLElement>('.fd-canvas')
        : [...document.querySelectorAll<HTMLElement>('[data-target]')].find((element) => element.dataset.target === id);
    target?.focus();
  }, 0);
}
