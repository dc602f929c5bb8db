// A small element builder: server data goes in as text or attributes, never as HTML.

export interface Spec { className?: string; testid?: string; text?: string; data?: Record<string, string> }

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, spec: Spec = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (spec.className) element.className = spec.className;
  if (spec.testid) element.dataset.testid = spec.testid;
  if (spec.text !== undefined) element.textContent = spec.text;
  for (const [key, value] of Object.entries(spec.data ?? {})) element.dataset[key] = value;
  element.append(...children);
  return element;
}

export function button(text: string, testid: string, onClick: () => void, className = 'action'): HTMLButtonElement {
  const element = el('button', { className, testid, text });
  element.type = 'button';
  element.addEventListener('click', onClick);
  return element;
}
