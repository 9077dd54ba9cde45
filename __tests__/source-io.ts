/**
 * Which action inputs the sources read and which outputs they set, found in the code itself (the
 * TypeScript compiler's checker over src/), not in a list that could drift from it.
 *
 * A read is a call of @actions/core's getInput, getBooleanInput or getMultilineInput, or an
 * `INPUT_*` environment variable named literally; a write is a call of setOutput. The name
 * argument is resolved through its type (`Inputs.Model` from the `as const` constants module is
 * the literal type 'model'; a loop over `[Inputs.Model, Inputs.Data]` is the union of both); when
 * it is a parameter of a local wrapper (`const get = (name: string) => core.getInput(name)`), every
 * call of that wrapper is resolved in turn. A name that cannot be resolved is reported, never
 * skipped, so a new way of reading an input fails the test until this learns it.
 */
import path from 'node:path';
import ts from 'typescript';

export interface Use {
  name: string;
  at: string; // file:line
}

export interface ActionIo {
  inputs: Use[];
  outputs: Use[];
  unresolved: string[];
}

const READS = new Set(['getInput', 'getBooleanInput', 'getMultilineInput']);
const WRITES = new Set(['setOutput']);

export function scanActionIo(root: string): ActionIo {
  const configFile = ts.readConfigFile(path.join(root, 'tsconfig.json'), (f) => ts.sys.readFile(f));
  const config = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const program = ts.createProgram(config.fileNames, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const sources = program
    .getSourceFiles()
    .filter((f) => !f.isDeclarationFile && path.relative(root, f.fileName).startsWith(`src${path.sep}`));

  const where = (node: ts.Node): string => {
    const file = node.getSourceFile();
    return `${path.relative(root, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  };
  const calls: ts.CallExpression[] = [];
  const result: ActionIo = { inputs: [], outputs: [], unresolved: [] };

  const symbolOf = (node: ts.Node): ts.Symbol | undefined => {
    const s = checker.getSymbolAtLocation(node);
    return s && s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
  };

  /** The string names an expression can have, or undefined when it cannot be told. */
  const namesOf = (expr: ts.Expression, depth = 0): string[] | undefined => {
    const type = checker.getTypeAtLocation(expr);
    const parts = type.isUnion() ? type.types : [type];
    if (parts.every((t) => t.isStringLiteral())) return parts.map((t) => (t as ts.StringLiteralType).value);
    if (depth > 5 || !ts.isIdentifier(expr)) return undefined;
    const decl = symbolOf(expr)?.valueDeclaration;
    if (!decl || !ts.isParameter(decl) || !ts.isFunctionLike(decl.parent)) return undefined;
    const fn = decl.parent;
    const index = fn.parameters.indexOf(decl);
    const fnName = ts.isFunctionDeclaration(fn) ? fn.name : ts.isVariableDeclaration(fn.parent) ? fn.parent.name : undefined;
    const fnSymbol = fnName && symbolOf(fnName);
    if (!fnSymbol) return undefined;
    const names: string[] = [];
    for (const call of calls) {
      if (symbolOf(call.expression) !== fnSymbol) continue;
      const arg = call.arguments[index];
      const found = arg && namesOf(arg, depth + 1);
      if (!found) return undefined;
      names.push(...found);
    }
    return names;
  };

  const coreFunction = (callee: ts.Expression, namespaces: Set<string>, named: Map<string, string>): string | undefined => {
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && namespaces.has(callee.expression.text))
      return callee.name.text;
    if (ts.isIdentifier(callee)) return named.get(callee.text);
    return undefined;
  };

  const found: { kind: 'input' | 'output'; arg: ts.Expression | undefined; node: ts.Node }[] = [];
  for (const file of sources) {
    const namespaces = new Set<string>();
    const named = new Map<string, string>();
    for (const statement of file.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      // @actions/core, or src/action/workflow.ts (the same functions, without its weight)
      const from = statement.moduleSpecifier.text;
      if (from !== '@actions/core' && !/(^|\/)workflow\.js$/.test(from)) continue;
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings))
        for (const e of bindings.elements) named.set(e.name.text, (e.propertyName ?? e.name).text);
    }
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        calls.push(node);
        const fn = coreFunction(node.expression, namespaces, named);
        if (fn && READS.has(fn)) found.push({ kind: 'input', arg: node.arguments[0], node });
        if (fn && WRITES.has(fn)) found.push({ kind: 'output', arg: node.arguments[0], node });
      }
      // process.env.INPUT_X / env['INPUT_X']: what core.getInput reads underneath
      const literalName = ts.isPropertyAccessExpression(node)
        ? node.name.text
        : ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)
          ? node.argumentExpression.text
          : undefined;
      if (literalName && /^INPUT_./.test(literalName)) result.inputs.push({ name: literalName.slice(6).toLowerCase(), at: where(node) });
      // outputs written around core.setOutput could not be found here: say so
      if (ts.isStringLiteralLike(node) && (node.text === 'GITHUB_OUTPUT' || node.text.includes('::set-output')))
        result.unresolved.push(`${where(node)}: writes outputs without core.setOutput (${JSON.stringify(node.text)})`);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  for (const f of found) {
    const names = f.arg && namesOf(f.arg);
    if (!names) {
      result.unresolved.push(`${where(f.node)}: cannot tell which ${f.kind} ${f.node.getText()} names`);
      continue;
    }
    for (const name of names) (f.kind === 'input' ? result.inputs : result.outputs).push({ name, at: where(f.node) });
  }
  return result;
}
