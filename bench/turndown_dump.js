// Markdown of HTML pages by turndown, the converter behind many crawlers and readers' "page as
// Markdown" output: `node bench/turndown_dump.js < page.html > page.md`.
// bench/quality_dumps.py runs it for `--store`; it needs Node.js and, in bench/node_modules,
// `npm install --prefix bench --no-save turndown@7.2.5 linkedom@0.18.15` (the versions the kept dumps were made with).
const { parseHTML } = require('linkedom');
const TurndownService = require('turndown');

const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const { document } = parseHTML(Buffer.concat(chunks).toString('utf8'));
  // A browser runs scripts and styles, it does not show them; turndown would print their code.
  for (const element of document.querySelectorAll('script, style, noscript')) element.remove();
  const body = document.body ? document.body.innerHTML : document.toString();
  process.stdout.write(new TurndownService().turndown(body));
});
