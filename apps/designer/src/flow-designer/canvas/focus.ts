/**
 * Puts the keyboard focus on a node or edge of the canvas (React Flow draws them focusable, keyed by
 * `data-id`). React Flow draws a new element a render after the document has it, so this tries again
 * for a few frames. Returns a cancel for the effect that asked.
 */
export function focusCanvasElement(root: HTMLElement | null, kind: 'node' | 'edge', id: string): () => void {
  const selector = kind === 'node' ? '.react-flow__node' : '.react-flow__edge';
  let tries = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const attempt = () => {
    const element = [...(root?.querySelectorAll<HTMLElement | SVGElement>(selector) ?? [])].find((e) => e.dataset.id === id);
    if (element !== undefined) element.focus();
    else if (tries++ < 10) timer = setTimeout(attempt, 16);
  };
  attempt();
  return () => clearTimeout(timer);
}
