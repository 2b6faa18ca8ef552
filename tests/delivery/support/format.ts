// A reading of `terraform fmt`'s layout rules (hclwrite): two-space indentation by bracket depth,
// and `=` aligned across a run of consecutive single-line attributes. There is no Terraform binary
// here, so this stands in for `terraform fmt -check`, which the infrastructure workflow also runs.

function withoutStrings(line: string): string {
  return line.replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

function bracketChange(code: string): number {
  let change = 0;
  for (const char of code) {
    if (char === '{' || char === '[' || char === '(') change += 1;
    if (char === '}' || char === ']' || char === ')') change -= 1;
  }
  return change;
}

function withoutComment(code: string): string {
  const hash = code.search(/\s#|^#|\s\/\//);
  return hash === -1 ? code : code.slice(0, hash);
}

export function formatProblems(text: string): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  // One indent level per line that opens brackets, however many it opens (hclwrite's stack).
  const indents: number[] = [];
  let chain: { line: number; equals: number; keyEnd: number }[] = [];

  const closeChain = () => {
    if (chain.length > 0) {
      const column = Math.max(...chain.map((entry) => entry.keyEnd)) + 1;
      for (const entry of chain) {
        if (entry.equals !== column)
          problems.push(
            `line ${entry.line}: "=" at column ${entry.equals}, fmt puts it at ${column}`,
          );
      }
    }
    chain = [];
  };

  lines.forEach((raw, index) => {
    const number = index + 1;
    if (/\s+$/.test(raw)) problems.push(`line ${number}: trailing whitespace`);
    if (raw.includes('\t')) problems.push(`line ${number}: tab character`);
    const code = withoutComment(withoutStrings(raw));
    const trimmed = raw.trim();
    if (trimmed === '') {
      closeChain();
      return;
    }
    const change = bracketChange(code);
    let opened = 0;
    if (change > 0) opened = change;
    let closed = change < 0 ? -change : 0;
    while (closed > 0 && indents.length > 0) {
      const top = indents[indents.length - 1] as number;
      if (closed >= top) {
        indents.pop();
        closed -= top;
      } else {
        indents[indents.length - 1] = top - closed;
        closed = 0;
      }
    }
    const expectedIndent = 2 * indents.length;
    if (opened > 0) indents.push(opened);
    const indent = raw.length - raw.trimStart().length;
    if (indent !== expectedIndent && !trimmed.startsWith('#')) {
      problems.push(`line ${number}: indented ${indent}, fmt indents ${expectedIndent}`);
    }
    const assignment = /^(\s*)([A-Za-z_][A-Za-z0-9_-]*|"[^"]*")(\s*)=(?!=)/.exec(code);
    if (assignment && change === 0) {
      const keyEnd = (assignment[1] ?? '').length + (assignment[2] ?? '').length;
      chain.push({ line: number, equals: keyEnd + (assignment[3] ?? '').length, keyEnd });
    } else {
      closeChain();
      if (assignment && (assignment[3] ?? '') !== ' ')
        problems.push(`line ${number}: one space before "=" on a multi-line value`);
    }
  });
  closeChain();
  if (!text.endsWith('\n') || text.endsWith('\n\n'))
    problems.push('file must end with exactly one newline');
  return problems;
}
