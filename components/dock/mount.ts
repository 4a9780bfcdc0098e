import css from './dock.css?inline';

/**
 * The dock's home: a custom element on <html> with a closed shadow root, so the page cannot
 * restyle or script into it and our styles never touch the page. (WXT's createShadowRootUi
 * fetches its CSS asynchronously; inlining keeps the first paint within the 50 ms budget.)
 */
export function mountShadowHost(): { host: HTMLElement; root: ShadowRoot; container: HTMLElement } {
  const host = document.createElement('holdfast-dock');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  root.append(style, container);
  document.documentElement.append(host);
  return { host, root, container };
}
