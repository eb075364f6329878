// What of a rendered docs-site page did not come from us: live elements, handlers, local files, or
// anything outside the page's one v-pre container (where Vue would interpolate `{{ }}`).
export function siteProblems(html: string, secrets: string[] = []): string[] {
  // (Markdown images are formatting descriptions may use: an <img> is fine, a handler on it is not.)
  const found = [...html.matchAll(/<(iframe|style|script|svg|object|embed|form)\b/gi)].map((m) => m[0]);
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) if (/\son\w+\s*=|javascript:/i.test(tag)) found.push(tag);
  for (const s of secrets) if (html.includes(s)) found.push(`the contents of a local file (${s.slice(0, 20)})`);
  if (!html.startsWith("<div v-pre")) found.push("the page does not start with the v-pre container");
  let depth = 0;
  const re = /<div\b|<\/div>/g;
  let end = -1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[0] === "</div>" ? -1 : 1;
    if (depth === 0) {
      end = m.index + m[0].length;
      break;
    }
  }
  if (end !== -1 && html.slice(end).trim() !== "") found.push(`content after the v-pre container: ${html.slice(end, end + 80)}`);
  return found;
}
