import type { Plugin } from 'vite';

/**
 * Preact keeps one `innerHTML` path, for `dangerouslySetInnerHTML`. Holdfast never uses that
 * prop (eslint forbids it), so this build removes the path: setting the prop throws, and the
 * one clean-up that blanked the markup uses textContent. Defence in depth, and `web-ext lint`
 * then finds no unsafe assignment in the bundle. Fails the build if Preact's code changes
 * shape, so an upgrade cannot quietly bring the path back.
 */
export function preactWithoutInnerHtml(): Plugin {
  return {
    name: 'holdfast:preact-without-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.m?js$|[\\/]preact\.module\.js$/.test(id)) return null;
      const setHtml = /(\w+)\.innerHTML=(\w+)\.__html/g;
      const blank = /(\w+)\.innerHTML=""/g;
      if (!setHtml.test(code) || !blank.test(code)) {
        this.error(`Preact's innerHTML code path changed shape in ${id}: update build/preact-no-inner-html.ts`);
      }
      const out = code
        .replace(setHtml, '$1.textContent=(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Holdfast")})()')
        .replace(blank, '$1.textContent=""');
      return { code: out, map: null };
    },
  };
}
