// The public face of each package under packages/: every entry point its package.json
// `exports` names, with the names it exports and their kinds, read by the TypeScript compiler
// from the `source` files. The report is committed as packages/<name>/api-report.md.
//
//   npm run api-report                     rewrite every package's api-report.md
//   npm run api-report -- --check          compare instead of writing: exit 1 naming each
//                                          package whose exports differ from its report
//   npm run api-report -- <name>...        only these packages (either mode)
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const REPORT = 'api-report.md';

const args = process.argv.slice(2);
const check = args.includes('--check');
const only = args.filter((arg) => !arg.startsWith('--'));

/** Every package under packages/ with an `exports` map, and its entry points' source files. */
function packagesWithFaces() {
  const dir = join(root, 'packages');
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const manifestPath = join(dir, name, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (!manifest.exports) continue;
    const entries = [];
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      const source = typeof target === 'string' ? target : (target.source ?? target.types ?? target.default);
      if (!source || !/\.tsx?$/.test(source))
        throw new Error(`${manifest.name}: entry ${subpath} has no TypeScript source`);
      entries.push({
        subpath,
        specifier: subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`,
        file: join(dir, name, source),
      });
    }
    found.push({ name, packageName: manifest.name, dir: join(dir, name), entries });
  }
  return found;
}

/** The kinds of what an exported symbol stands for (a name may be a value and a type at once). */
function kindsOf(checker, exported, typeOnlyStars) {
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const typeOnly =
    checker.getTypeOnlyAliasDeclaration(exported) !== undefined ||
    (!(exported.flags & ts.SymbolFlags.Alias) && typeOnlyStars.has(exported.name));
  const kinds = [];
  const flags = symbol.flags;
  if (flags & ts.SymbolFlags.Class) kinds.push('class');
  if (flags & ts.SymbolFlags.Function) kinds.push('function');
  if (flags & ts.SymbolFlags.Enum) kinds.push(flags & ts.SymbolFlags.ConstEnum ? 'const enum' : 'enum');
  if (flags & ts.SymbolFlags.Variable) {
    const declaration = symbol.valueDeclaration;
    const list = declaration && ts.isVariableDeclaration(declaration) ? declaration.parent : undefined;
    kinds.push(
      list && ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const ? 'const' : 'let',
    );
  }
  if (flags & ts.SymbolFlags.Interface && !(flags & ts.SymbolFlags.Class)) kinds.push('interface');
  if (flags & ts.SymbolFlags.TypeAlias) kinds.push('type');
  if (
    flags & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule) &&
    !(flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Function | ts.SymbolFlags.Enum))
  )
    kinds.push('namespace');
  if (kinds.length === 0) kinds.push('unknown');
  let kind = kinds.join(' + ');
  const hasValue = kinds.some(
    (k) =>
      k === 'class' ||
      k === 'function' ||
      k.endsWith('enum') ||
      k === 'const' ||
      k === 'let' ||
      k === 'namespace',
  );
  if (typeOnly && hasValue) kind += ' (type only)';
  return kind;
}

function hasExportStar(sourceFile) {
  return sourceFile.statements.some(
    (statement) => ts.isExportDeclaration(statement) && !statement.exportClause,
  );
}

/** One program over every entry point: the base compiler options, with the DOM and JSX the React packages add. */
function createProgram(packages) {
  const configPath = join(root, 'tsconfig.base.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const { options } = ts.parseJsonConfigFileContent(
    {
      ...config.config,
      compilerOptions: {
        ...config.config.compilerOptions,
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        jsx: 'react-jsx',
      },
    },
    ts.sys,
    root,
    undefined,
    configPath,
  );
  return ts.createProgram(
    packages.flatMap((pkg) => pkg.entries.map((entry) => entry.file)),
    { ...options, noEmit: true },
  );
}

/**
 * The names an entry file brings in only through `export type * from`: the compiler resolves
 * those to the original declarations, so a class among them would otherwise look like a value.
 */
function typeOnlyStarNames(checker, sourceFile) {
  const typeOnly = new Set();
  const values = new Set();
  for (const statement of sourceFile.statements) {
    if (!ts.isExportDeclaration(statement) || statement.exportClause || !statement.moduleSpecifier) continue;
    const target = checker.getSymbolAtLocation(statement.moduleSpecifier);
    if (!target) continue;
    for (const symbol of checker.getExportsOfModule(target))
      (statement.isTypeOnly ? typeOnly : values).add(symbol.name);
  }
  for (const name of values) typeOnly.delete(name);
  return typeOnly;
}

/** A Markdown table with padded columns, as Prettier writes it (so `npm run format` leaves it be). */
function table(header, rows) {
  const widths = header.map((title, column) =>
    Math.max(3, title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

/** The report's text for one package. */
function report(pkg, program) {
  const checker = program.getTypeChecker();
  const lines = [
    `# ${pkg.packageName}: API report`,
    '',
    'The names each entry point exports and their kinds. Generated by `npm run api-report`;',
    '`npm test` fails when the exports and this file differ (`npm run api-report -- --check`).',
  ];
  for (const entry of pkg.entries) {
    const sourceFile = program.getSourceFile(entry.file);
    if (!sourceFile) throw new Error(`${pkg.packageName}: cannot read ${entry.file}`);
    const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
    const exports = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
    const typeOnlyStars = typeOnlyStarNames(checker, sourceFile);
    const rows = exports
      .map((symbol) => ({ name: symbol.name, kind: kindsOf(checker, symbol, typeOnlyStars) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    lines.push('', `## \`${entry.specifier}\``, '');
    lines.push(
      `${rows.length} exports, from \`${relative(pkg.dir, entry.file)}\`${hasExportStar(sourceFile) ? ' (which still uses `export *`)' : ''}.`,
      '',
    );
    lines.push(
      ...table(
        ['Name', 'Kind'],
        rows.map((row) => [`\`${row.name}\``, row.kind]),
      ),
    );
  }
  return lines.join('\n') + '\n';
}

/** The exports only in the committed report (-) and only in the code (+), one line each. */
function difference(committed, current) {
  const rowsOf = (text) => {
    const rows = [];
    let entry = '';
    for (const line of text.split('\n')) {
      const heading = /^## `(.+)`$/.exec(line);
      const row = /^\| `(.+?)` +\| (.+?) +\|$/.exec(line);
      if (heading) entry = heading[1];
      else if (row) rows.push(`${entry}: ${row[1]} (${row[2]})`);
    }
    return rows;
  };
  const before = new Set(rowsOf(committed));
  const after = new Set(rowsOf(current));
  return [
    ...[...before].filter((row) => !after.has(row)).map((row) => `  - ${row}`),
    ...[...after].filter((row) => !before.has(row)).map((row) => `  + ${row}`),
  ];
}

const packages = packagesWithFaces().filter(
  (pkg) => only.length === 0 || only.includes(pkg.name) || only.includes(pkg.packageName),
);
if (only.length > 0 && packages.length !== only.length) {
  console.error(`api-report: unknown package among ${only.join(', ')}`);
  process.exit(2);
}

const program = createProgram(packages);
let stale = 0;
for (const pkg of packages) {
  const path = join(pkg.dir, REPORT);
  const current = report(pkg, program);
  if (!check) {
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (committed !== current) writeFileSync(path, current);
    console.log(`api-report: ${relative(root, path)} ${committed === current ? 'unchanged' : 'written'}`);
    continue;
  }
  if (!existsSync(path)) {
    console.error(`api-report: ${pkg.packageName} has no ${REPORT}`);
    stale++;
    continue;
  }
  const committed = readFileSync(path, 'utf8');
  if (committed === current) continue;
  stale++;
  const changes = difference(committed, current);
  console.error(`api-report: the public face of ${pkg.packageName} differs from ${relative(root, path)}:`);
  console.error(
    changes.length > 0 ? changes.join('\n') : '  (no export changed; the report text differs: regenerate it)',
  );
}
if (check) {
  if (stale > 0) {
    console.error(
      `api-report: ${stale} package(s) out of date. If the change is meant, run \`npm run api-report\` and commit the reports.`,
    );
    process.exit(1);
  }
  console.log(`api-report: ${packages.length} package faces match their reports`);
}
