/**
 * Tiny DOM helpers for the viewer. Text always goes in through textContent
 * (never innerHTML): every string here may come from an article.
 */
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; title?: string } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.title) element.title = props.title;
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`newsgraph viewer: missing #${id}`);
  return element as T;
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}
