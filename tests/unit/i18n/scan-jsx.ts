import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * A source scan for user-visible text written straight into JSX instead of going through i18n:
 * JSX text children and string literals in text-bearing props. Parsed with the TypeScript
 * compiler (not regexes) so comments, generics and `a < b` never look like markup.
 */

/** Props whose value a user reads (or a screen reader speaks). */
export const TEXT_PROPS = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description', 'aria-placeholder']);

/**
 * Text that reads the same in both languages: units, symbols, key names of shortcut hints
 * ("(Ctrl+Shift+S)", single letters), the product name. A candidate is allowed when, with these
 * tokens removed (as whole words), no letter is left.
 */
export const ALLOWED_TOKENS = [
  'm²', 'm³', 'kWp', 'kWh', 'MWh', 'kW', 'ha', 'km', 'm', '°', '×', '%', 'VND', 'CO₂', 'px', 'KB', 'MB',
  'Ctrl', 'Shift', 'Alt', 'Delete', 'Esc', 'Enter', 'Tab', 'Backspace', '3D', 'EcoPark Planner',
  ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
];

/** Props whose template literals are markup or geometry, never read: not scanned. */
const NON_TEXT_PROPS = new Set(['className', 'key', 'd', 'points', 'viewBox', 'transform', 'data-testid', 'id', 'style', 'href', 'src', 'htmlFor']);

/** One capital letter (a key such as "S", a compass point such as "N") is not a word to translate. */
const SINGLE_LETTER = /(?<![\p{L}\d])\p{Lu}(?![\p{L}\d])/gu;

/** An example URL (a placeholder such as https://…/{z}/{x}/{y}.png) is not prose. */
const URL_ONLY = /^\s*https?:\/\/\S*\s*$/;

export interface Offender {
  file: string;
  line: number;
  text: string;
}

const LETTER = /\p{L}/u;

/** True when `text` still holds a letter once the allowed tokens (as whole words) are removed. */
export function hasTranslatableText(text: string): boolean {
  if (URL_ONLY.test(text)) return false;
  let rest = text;
  for (const token of [...ALLOWED_TOKENS].sort((a, b) => b.length - a.length)) {
    const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    rest = rest.replace(new RegExp(`(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])`, 'gu'), ' ');
  }
  return LETTER.test(rest.replace(SINGLE_LETTER, ' '));
}

/** The literal text parts of a string-ish expression (string, template), or [] if none. */
function literalParts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  if (ts.isParenthesizedExpression(node)) return literalParts(node.expression);
  // `cond ? 'a' : 'b'` and `x ?? 'fallback'` carry visible text too.
  if (ts.isConditionalExpression(node)) return [...literalParts(node.whenTrue), ...literalParts(node.whenFalse)];
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.operatorToken.kind === ts.SyntaxKind.PlusToken)) {
    return [...literalParts(node.left), ...literalParts(node.right)];
  }
  return [];
}

/** Offenders of one TSX source text. */
export function scanSource(file: string, source: string): Offender[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Offender[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    found.push({ file, line: line + 1, text: text.replace(/\s+/g, ' ').trim() });
  };
  const reported = new Set<ts.Node>();
  const markTemplates = (node: ts.Node) => {
    if (ts.isTemplateExpression(node)) reported.add(node);
    ts.forEachChild(node, markTemplates);
  };
  const inNonTextProp = (node: ts.Node) => {
    for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
      if (ts.isJsxAttribute(p)) return NON_TEXT_PROPS.has(p.name.getText(sf));
      if (ts.isJsxElement(p) || ts.isJsxSelfClosingElement(p) || ts.isBlock(p)) return false;
    }
    return false;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (hasTranslatableText(node.text)) report(node, node.text);
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      // `{'Save'}` or `{`${n} plots`}` as a child.
      const parts = literalParts(node.expression);
      if (parts.some(hasTranslatableText)) {
        report(node, parts.join('…'));
        markTemplates(node);
      }
    } else if (ts.isTemplateExpression(node) && !inNonTextProp(node)) {
      // A value followed by words, anywhere in a component: `${n} MWh/yr`, `${count} plots`.
      const after = node.templateSpans.map((span) => span.literal.text).filter((text) => /^\s+\S/.test(text));
      if (after.some(hasTranslatableText) && !reported.has(node)) report(node, node.getText(sf).slice(0, 80));
    }
    if (ts.isJsxAttribute(node) && TEXT_PROPS.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      const parts = ts.isStringLiteral(init) ? [init.text] : ts.isJsxExpression(init) && init.expression ? literalParts(init.expression) : [];
      if (parts.some(hasTranslatableText)) {
        report(node, `${node.name.getText(sf)}=${parts.join('…')}`);
        markTemplates(node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Every .tsx file under `dir`, recursively. */
export function tsxFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsxFiles(path));
    else if (entry.name.endsWith('.tsx')) out.push(path);
  }
  return out.sort();
}

/** Scans a tree; file names relative to `root`. */
export function scanTree(root: string, dir: string): Offender[] {
  return tsxFiles(dir).flatMap((path) => scanSource(relative(root, path), readFileSync(path, 'utf8')));
}
