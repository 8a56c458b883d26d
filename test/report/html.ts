/** Reading the rendered report back in unit tests, without a browser. */

const decode = (cell: string) =>
  cell.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The text of each body cell of table `id`, tags stripped and entities decoded. */
export function tableCells(html: string, id: string): string[][] {
  const start = html.indexOf(`<table id="${id}">`);
  if (start < 0) throw new Error(`no table #${id}`);
  const body = html.slice(html.indexOf('<tbody>', start), html.indexOf('</table>', start));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => decode(cell[1])));
}

/** The header texts of table `id`. */
export function tableHeaders(html: string, id: string): string[] {
  const start = html.indexOf(`<table id="${id}">`);
  if (start < 0) throw new Error(`no table #${id}`);
  const head = html.slice(html.indexOf('<thead>', start), html.indexOf('</thead>', start));
  return [...head.matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((cell) => decode(cell[1]));
}

/** The Results JSON the page embeds for its client script. */
export function embeddedJson(html: string) {
  const start = html.indexOf('id="ecsim-results">') + 'id="ecsim-results">'.length;
  return JSON.parse(html.slice(start, html.indexOf('</script>', start)));
}

/** The page's markup before its first script: the inlined client script names every chart id. */
export const markupOf = (html: string): string => html.slice(0, html.indexOf('<script'));
