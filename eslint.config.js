import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));

/** Every workspace: its folder, its package name and the subpaths its package.json `exports` offers. */
const workspaces = ['packages', 'apps', 'examples']
  .flatMap((dir) =>
    existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((name) => join(dir, name)) : [],
  )
  .concat('bench', 'e2e')
  .filter((dir) => existsSync(join(root, dir, 'package.json')))
  .map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const exported = manifest.exports;
    const subpaths =
      exported && typeof exported === 'object' && Object.keys(exported).some((key) => key.startsWith('.'))
        ? Object.keys(exported)
        : ['.'];
    return { dir: join(root, dir), folder: dir, name: manifest.name, subpaths };
  });

const workspaceOf = (file) => workspaces.find((ws) => file === ws.dir || file.startsWith(ws.dir + sep));
const exportsSubpath = (ws, subpath) =>
  ws.subpaths.some((pattern) =>
    pattern.includes('*')
      ? new RegExp(
          `^${pattern
            .split('*')
            .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*')}$`,
        ).test(subpath)
      : pattern === subpath,
  );

const isAppFromPackage = (home, target) =>
  home.folder.startsWith(`packages${sep}`) && target.folder.startsWith(`apps${sep}`);

/**
 * Workspaces meet only through each other's public entry points: no relative path into another
 * workspace, no `@bankforge/<name>/<path>` that its package.json does not export (`/src/...`,
 * `/dist/...`), and a package under packages/ never depends on an app under apps/.
 */
const workspaceBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Import other workspaces only through the entry points their package.json exports' },
    schema: [],
    messages: {
      relative: "'{{source}}' reaches out of {{home}} into {{target}}{{suggestion}}.",
      deep: "'{{source}}' reaches inside {{name}}: import one of the entry points it exports ({{entries}}).",
      appFromPackage: "'{{source}}': a package under packages/ never imports an app ({{target}}).",
    },
  },
  create(context) {
    const home = workspaceOf(context.filename);
    if (!home) return {};
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      let target;
      if (source.startsWith('.')) {
        const path = resolve(dirname(context.filename), source);
        target = workspaceOf(path);
        if (target !== home) {
          const appFromPackage = target && isAppFromPackage(home, target);
          context.report({
            node,
            messageId: appFromPackage ? 'appFromPackage' : 'relative',
            data: {
              source,
              home: home.folder,
              target: target ? target.folder : relative(root, path) || '.',
              suggestion: target ? `: import '${target.name}' instead` : '',
            },
          });
          return;
        }
      } else {
        const match = /^(@bankforge\/[^/]+)(?:\/(.+))?$/.exec(source);
        target = match && workspaces.find((ws) => ws.name === match[1]);
        if (!target) return;
        if (match[2] !== undefined && !exportsSubpath(target, `./${match[2]}`)) {
          const entries = target.subpaths.map(
            (subpath) => `'${subpath === '.' ? target.name : `${target.name}/${subpath.slice(2)}`}'`,
          );
          context.report({
            node,
            messageId: 'deep',
            data: { source, name: target.name, entries: entries.join(', ') },
          });
          return;
        }
      }
      if (target && isAppFromPackage(home, target)) {
        context.report({ node, messageId: 'appFromPackage', data: { source, target: target.folder } });
      }
    };
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportType: (node) => {
        const literal = node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.source;
        if (literal?.type === 'Literal') check(literal, literal.value);
      },
      TSExternalModuleReference: (node) =>
        node.expression.type === 'Literal' && check(node.expression, node.expression.value),
    };
  },
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { bankforge: { rules: { 'workspace-boundaries': workspaceBoundaries } } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'bankforge/workspace-boundaries': 'error',
    },
  },
  {
    // The React code: the two browser apps, the shared frame and the form renderer.
    files: [
      'apps/designer/**/*.{ts,tsx}',
      'apps/runtime/**/*.{ts,tsx}',
      'packages/app-shell/**/*.{ts,tsx}',
      'packages/form-engine/src/react/**/*.{ts,tsx}',
    ],
    ...reactHooks.configs.flat.recommended,
  },
);
