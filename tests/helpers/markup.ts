/** Elements spec text could bring into rendered HTML, and attributes of any real tag that would run or link code. */
export function liveMarkup(html: string): string[] {
  const found = [...html.matchAll(/<(img|iframe|style|script|svg|object|embed|form|input|textarea)\b/gi)].map((m) => m[0]);
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) if (/\son\w+\s*=|javascript:/i.test(tag)) found.push(tag);
  return found;
}
