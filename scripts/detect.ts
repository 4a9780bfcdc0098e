/**
 * `npm run detect -- <url> [saved-page.html]`: the PageSubject Holdfast's adapters read from
 * that address (and page, when given), as JSON. For debugging a page that is not recognised
 * and for bug reports: save the page from the browser (Ctrl+S, "Webpage, HTML only") and run
 * this on it. It runs the same adapter code as the content script, in happy-dom.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { PageSubject } from '../lib/model/page-subject';
import { adapterFor, detectSubject } from '../lib/sites/detect';
import { adapters } from '../lib/sites/registry';
import * as z from 'zod/mini';

const [urlArg, file] = process.argv.slice(2);
if (!urlArg || urlArg === '--help') {
  console.error('usage: npm run detect -- <url> [saved-page.html]');
  process.exit(urlArg ? 0 : 2);
}
let url: URL;
try {
  url = new URL(urlArg);
} catch {
  console.error(`not a URL: ${urlArg}`);
  process.exit(2);
}

const window = new Window({ url: url.href });
const html = file ? readFileSync(file, 'utf8') : '<!doctype html><html><head><title></title></head><body></body></html>';
window.document.write(html);
const doc = window.document as unknown as Document;

const subject = detectSubject(url, doc, adapters);
const valid = subject ? z.safeParse(PageSubject, subject).success : true;
console.log(JSON.stringify({ adapter: adapterFor(url, adapters).id, subject, valid }, null, 2));
await window.happyDOM.close();
if (!valid) process.exit(1);
