/**
 * `npm run detect -- <url> [saved-page.html]`: the PageSubject Holdfast's adapters read from
 * that address (and page, when given), as JSON. For debugging a page that is not recognised
 * and for bug reports: save the page from the browser (Ctrl+S, "Webpage, HTML only") and run
 * this on it. It runs the same adapter code as the content script, in happy-dom.
 * `--as <product>` reads a company's own host as that product (Options → Sites → company
 * hosts of a known product), e.g. `npm run detect -- --as dynamics https://crm.corp.cn/Org/main.aspx?…`.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { PageSubject } from '../lib/model/page-subject';
import { adapterFor, detectSubject } from '../lib/sites/detect';
import { adapters } from '../lib/sites/registry';
import { COMPANY_HOST_PRODUCTS, COMPANY_HOST_STAND_INS, onCompanyHost, type CompanyHostProduct } from '../lib/sites/company-host';
import * as z from 'zod/mini';

const args = process.argv.slice(2);
let as: CompanyHostProduct | undefined;
if (args[0] === '--as') {
  const product = args[1] as CompanyHostProduct;
  if (!COMPANY_HOST_PRODUCTS.includes(product)) {
    console.error(`--as takes one of: ${COMPANY_HOST_PRODUCTS.join(', ')}`);
    process.exit(2);
  }
  as = product;
  args.splice(0, 2);
}
const [urlArg, file] = args;
if (!urlArg || urlArg === '--help') {
  console.error('usage: npm run detect -- [--as <product>] <url> [saved-page.html]');
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

// As the product's content script does: its own adapter first, then the company-host reading.
const own = as && adapters.find((a) => a.id === as);
const list = own && as ? [own, onCompanyHost(own, COMPANY_HOST_STAND_INS[as])] : adapters;
const subject = detectSubject(url, doc, list);
const valid = subject ? z.safeParse(PageSubject, subject).success : true;
console.log(JSON.stringify({ adapter: adapterFor(url, list).id, subject, valid }, null, 2));
await window.happyDOM.close();
if (!valid) process.exit(1);
