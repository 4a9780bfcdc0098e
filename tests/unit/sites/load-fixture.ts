import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// (happy-dom replaces the global URL, so resolve with node:path)
export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/sites/');

export function readFixture(name: string): string {
  return readFileSync(FIXTURE_DIR + name, 'utf8');
}

/**
 * Parse HTML into a fresh document, as the browser would: Chromium turns
 * `<template shadowrootmode="open">` into an open shadow root while parsing a page; happy-dom
 * does not, so do it here (same result, nested templates included).
 */
export function parseHtml(html: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  attachDeclarativeShadowRoots(doc);
  return doc;
}

function attachDeclarativeShadowRoots(root: Document | ShadowRoot): void {
  for (const tpl of Array.from(root.querySelectorAll('template[shadowrootmode]'))) {
    const host = tpl.parentElement;
    if (!host || host.shadowRoot) continue;
    const mode = tpl.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    const sr = host.attachShadow({ mode });
    sr.appendChild((tpl as HTMLTemplateElement).content);
    tpl.remove();
    attachDeclarativeShadowRoots(sr);
  }
}

export function emptyDocument(): Document {
  return document.implementation.createHTMLDocument('');
}
