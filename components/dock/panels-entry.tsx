import { render } from 'preact';
import css from './panels.css?inline';
import { Panels } from './Panels';
import type { PanelsProps } from './state';

const styled = new WeakSet<ShadowRoot>();

/** Render the panels into the dock's shadow root (their styles go there once). */
export function renderPanels(root: ShadowRoot, container: HTMLElement, props: PanelsProps): void {
  if (!styled.has(root)) {
    const style = document.createElement('style');
    style.textContent = css;
    root.prepend(style);
    styled.add(root);
  }
  render(<Panels {...props} />, container);
}

export function unmountPanels(container: HTMLElement): void {
  render(null, container);
}
