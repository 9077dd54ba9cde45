/**
 * Text that came from indicator files or file names goes into Markdown as a code span: inside one,
 * GitHub renders no HTML and links no `@mention` (it still links `\@user` and `&#64;user`, so
 * escaping alone is not enough). The fence is longer than any backtick run inside; newlines become
 * spaces; in a table cell `|` is written `\|` (GFM reads that even inside a code span).
 */
export function codeSpan(text: string, opts: { inTable?: boolean; max?: number } = {}): string {
  if (text === '') return '` `';
  let t = text.replace(/\r\n|\r|\n/g, ' ');
  const max = opts.max ?? 300;
  if (t.length > max) t = `${t.slice(0, max - 1)}…`;
  if (opts.inTable) t = t.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
  let longest = 0;
  for (const run of t.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  // A span that starts or ends with a backtick (or a space) needs a space inside each fence.
  const pad = /^[` ]|[` ]$/.test(t) ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}
