/**
 * The layout `terraform fmt` produces, checked without the binary (it is not
 * installed here). Mirrors hclwrite's rules: an indent level per line that
 * opens brackets, `=` aligned within a run of consecutive one-line attributes
 * (a blank line, a comment line or a multi-line value ends the run), no
 * trailing whitespace, one newline at the end.
 */
export interface FormatProblem {
  readonly line: number;
  readonly message: string;
}

interface ScannedLine {
  /** Code with strings blanked and the trailing comment removed. */
  readonly code: string;
  readonly bracketChange: number;
  /** Column of the attribute's `=` when the line is a one-line attribute. */
  readonly assignAt?: number;
  /** The string literals of the line, quotes included. */
  readonly strings: readonly string[];
}

export function terraformFmtProblems(source: string): FormatProblem[] {
  const problems: FormatProblem[] = [];
  if (!source.endsWith("\n") || source.endsWith("\n\n")) {
    problems.push({
      line: source.split("\n").length,
      message: "file must end with exactly one newline",
    });
  }
  const lines = source.replace(/\n$/, "").split("\n");
  const indents: number[] = [];
  let chain: { line: number; text: string; assignAt: number }[] = [];
  const closeChain = () => {
    const width = Math.max(...chain.map((c) => c.text.slice(0, c.assignAt).trimEnd().length));
    for (const c of chain) {
      if (c.assignAt !== width + 1) {
        problems.push({
          line: c.line,
          message: `"=" at column ${c.assignAt + 1}, expected ${width + 2}`,
        });
      }
    }
    chain = [];
  };
  lines.forEach((text, index) => {
    const line = index + 1;
    if (/[ \t]+$/.test(text)) problems.push({ line, message: "trailing whitespace" });
    if (text.includes("\t")) problems.push({ line, message: "tab character" });
    const scanned = scanLine(text);
    for (const literal of scanned.strings) {
      // fmt unwraps "${x}" to x (and, in variable blocks, "string" to string).
      if (/^"\$\{.*\}"$/.test(literal) && endOfInterpolation(literal, 1) === literal.length - 2) {
        problems.push({ line, message: `interpolation-only string ${literal}` });
      }
    }
    if (/^\s*type\s*=\s*"(string|list|map)"\s*$/.test(text)) {
      problems.push({ line, message: "quoted type constraint" });
    }
    if (scanned.assignAt === undefined) {
      if (chain.length > 0) closeChain();
    } else {
      chain.push({ line, text, assignAt: scanned.assignAt });
      if (text[scanned.assignAt + 1] !== " " && scanned.assignAt + 1 < text.length) {
        problems.push({ line, message: 'one space expected after "="' });
      }
    }
    if (text.trim() === "") return;
    if (scanned.bracketChange < 0) popIndents(indents, -scanned.bracketChange);
    const expected = 2 * indents.length;
    const actual = text.length - text.trimStart().length;
    if (actual !== expected)
      problems.push({ line, message: `indented ${actual}, expected ${expected}` });
    if (scanned.bracketChange > 0) indents.push(scanned.bracketChange);
  });
  if (chain.length > 0) closeChain();
  return problems;
}

function popIndents(indents: number[], closed: number): void {
  let remaining = closed;
  while (remaining > 0 && indents.length > 0) {
    const top = indents.at(-1) as number;
    if (remaining >= top) {
      remaining -= top;
      indents.pop();
    } else {
      indents[indents.length - 1] = top - remaining;
      remaining = 0;
    }
  }
}

const opening = new Set(["{", "[", "("]);
const closing = new Set(["}", "]", ")"]);

/** Blanks strings (with their `${…}` parts), drops the comment, finds brackets and the attribute `=`. */
function scanLine(text: string): ScannedLine {
  let code = "";
  const strings: string[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === "#" || text.startsWith("//", i)) break;
    if (char === '"') {
      const end = endOfString(text, i);
      strings.push(text.slice(i, end + 1));
      code += `"${" ".repeat(Math.max(0, end - i - 1))}"`;
      i = end + 1;
      continue;
    }
    code += char;
    i += 1;
  }
  let bracketChange = 0;
  let assignAt: number | undefined;
  let firstEqualSeen = false;
  for (let j = 0; j < code.length; j += 1) {
    const char = code[j] as string;
    if (opening.has(char)) bracketChange += 1;
    else if (closing.has(char)) bracketChange -= 1;
    else if (
      char === "=" &&
      !firstEqualSeen &&
      isAssignment(code, j) &&
      code.slice(0, j).trim() !== ""
    ) {
      firstEqualSeen = true;
      assignAt = netBrackets(code.slice(j)) === 0 ? j : undefined;
    }
  }
  return { code, bracketChange, assignAt, strings };
}

/** `=` alone, not part of `==`, `!=`, `<=`, `>=` or `=>`. */
function isAssignment(code: string, at: number): boolean {
  return !"=!<>".includes(code[at - 1] ?? "") && !"=>".includes(code[at + 1] ?? "");
}

function netBrackets(code: string): number {
  let net = 0;
  for (const char of code) {
    if (opening.has(char)) net += 1;
    else if (closing.has(char)) net -= 1;
  }
  return net;
}

/** Index of the quote closing the string that opens at `start`, across `${ "nested" }` parts. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === "\\") i += 2;
    else if (char === '"') return i;
    else if (text.startsWith("${", i) || text.startsWith("%{", i)) {
      i = endOfInterpolation(text, i) + 1;
    } else i += 1;
  }
  throw new Error(`Unterminated string: ${text}`);
}

/** Index of the `}` closing the `${` (or `%{`) at `start`, across nested strings and braces. */
function endOfInterpolation(text: string, start: number): number {
  let depth = 0;
  for (let i = start + 2; i < text.length; i += 1) {
    if (text[i] === '"') i = endOfString(text, i);
    else if (text[i] === "{") depth += 1;
    else if (text[i] === "}") {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  throw new Error(`Unterminated interpolation: ${text}`);
}
