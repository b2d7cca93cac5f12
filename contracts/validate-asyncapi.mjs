// Validates an AsyncAPI document with @asyncapi/parser, the validator behind `asyncapi validate`, and its default
// ruleset. Prints every diagnostic; exits 1 when there is an error or a warning (a clean document has neither).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate-asyncapi.mjs <asyncapi.yaml>');
  process.exit(2);
}
const source = resolve(file);
const { document, diagnostics } = await new Parser().parse(readFileSync(source, 'utf8'), { source });
const names = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' };
let failing = 0;
for (const d of diagnostics) {
  const severe = d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning;
  if (severe) failing++;
  const where = d.path && d.path.length ? d.path.join('.') : '(document)';
  const line = d.range ? `:${d.range.start.line + 1}` : '';
  console.log(`${names[d.severity] ?? d.severity} ${d.code} at ${where}${line}: ${d.message}`);
}
if (!document || failing > 0) {
  console.log(`${source}: ${failing} error(s) or warning(s)${document ? '' : ', the document could not be parsed'}`);
  process.exit(1);
}
console.log(`${source}: valid AsyncAPI ${document.version()}, ${document.channels().length} channels, `
  + `${document.components().messages().length} messages`);
