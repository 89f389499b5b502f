import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers.ts';

/**
 * Contracts declared once (issue 11): every route's request and response schemas come from
 * `@ganbu/core` (`core/src/contracts/<module>.ts`), and every 2xx answer in the OpenAPI document has a
 * schema. Two halves that check each other: the static half reads every server source file that
 * registers a route, the running half reads the app's route table and its OpenAPI document, and every
 * route of the table must have been found by the static half.
 */

const SRC = join(import.meta.dirname, '../../src');
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
const REQUEST_PARTS = ['params', 'querystring', 'query', 'body', 'headers'] as const;

interface RouteSite {
  method: string;
  url: string;
  where: string;
  problems: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|cts)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
  });
}

const isZodModule = (spec: string) => spec === 'zod' || spec.startsWith('zod/');

/** A string the static half can read: a literal or a template without substitutions. */
function literal(node: ts.Node | undefined): string | null {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;
}

function propertyName(p: ts.ObjectLiteralElementLike): string | null {
  if (!p.name) return null;
  if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name))
    return p.name.text;
  return null;
}

/** Every route registration of one file, with what is wrong with its schemas; and what is wrong with the file. */
function scanFile(path: string): { sites: RouteSite[]; fileProblems: string[] } {
  const text = readFileSync(path, 'utf8');
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const file = relative(join(SRC, '..'), path);
  const fileProblems: string[] = [];
  const coreNames = new Set<string>();
  const coreNamespaces = new Set<string>();
  const sites: RouteSite[] = [];

  for (const stmt of sf.statements) {
    if (ts.isImportDeclaration(stmt) || ts.isExportDeclaration(stmt)) {
      const spec = literal(stmt.moduleSpecifier);
      if (spec && isZodModule(spec)) fileProblems.push(`${file} imports '${spec}'`);
      if (spec !== '@ganbu/core' || !ts.isImportDeclaration(stmt)) continue;
      const bindings = stmt.importClause?.namedBindings;
      if (stmt.importClause?.isTypeOnly || !bindings) continue;
      if (ts.isNamespaceImport(bindings)) coreNamespaces.add(bindings.name.text);
      else for (const b of bindings.elements) if (!b.isTypeOnly) coreNames.add(b.name.text);
    } else if (ts.isImportEqualsDeclaration(stmt)) {
      fileProblems.push(`${file} uses import = require`);
    }
  }

  const where = (node: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

  /** A schema taken as is from @ganbu/core: `Name` or `core.Name`, nothing built or derived here. */
  const fromCore = (node: ts.Expression): boolean => {
    if (ts.isIdentifier(node)) return coreNames.has(node.text);
    return (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      coreNamespaces.has(node.expression.text)
    );
  };

  function checkOptions(site: RouteSite, options: ts.Expression | undefined, handler?: ts.Expression) {
    const schema =
      options && ts.isObjectLiteralExpression(options)
        ? options.properties.find((p) => propertyName(p) === 'schema')
        : undefined;
    if (!options || !ts.isObjectLiteralExpression(options)) {
      site.problems.push('route options are not an object literal (the check cannot read them)');
      return;
    }
    if (options.properties.some((p) => ts.isSpreadAssignment(p)))
      site.problems.push('route options spread another object');
    if (!schema) {
      site.problems.push('no schema');
      return;
    }
    if (!ts.isPropertyAssignment(schema) || !ts.isObjectLiteralExpression(schema.initializer)) {
      site.problems.push('schema is not an object literal');
      return;
    }
    const declared = new Set<string>();
    for (const p of schema.initializer.properties) {
      const name = propertyName(p);
      if (name === null || !(ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p))) {
        site.problems.push(`schema has a ${ts.SyntaxKind[p.kind]} (only plain properties can be checked)`);
        continue;
      }
      declared.add(name);
      const checked = name === 'response' || (REQUEST_PARTS as readonly string[]).includes(name);
      if (ts.isShorthandPropertyAssignment(p)) {
        // `tags`, `summary` may be shared variables; a schema may not
        if (checked)
          site.problems.push(`${name} is a local variable, not a schema imported from @ganbu/core`);
        continue;
      }
      if ((REQUEST_PARTS as readonly string[]).includes(name)) {
        if (!fromCore(p.initializer)) site.problems.push(`${name} is not a schema imported from @ganbu/core`);
      } else if (name === 'response') {
        if (!ts.isObjectLiteralExpression(p.initializer)) {
          site.problems.push('response is not an object literal');
          continue;
        }
        for (const r of p.initializer.properties) {
          if (!ts.isPropertyAssignment(r) || !fromCore(r.initializer))
            site.problems.push(
              `response ${propertyName(r) ?? '?'} is not a schema imported from @ganbu/core`,
            );
        }
      }
    }
    if (/\/:[A-Za-z_]/.test(site.url) && !declared.has('params'))
      site.problems.push('path parameters, no params');
    // what the handler reads must be declared: `req.query`, `req.body`, `req.params`
    if (handler && (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))) {
      const first = handler.parameters[0]?.name;
      const body = handler.body.getText(sf);
      if (first && ts.isIdentifier(first)) {
        const reads = (part: string) => new RegExp(`\\b${first.text}\\.${part}\\b(?!\\s*\\()`).test(body);
        if (reads('query') && !declared.has('querystring') && !declared.has('query'))
          site.problems.push('reads the query string, no querystring');
        if (reads('body') && !declared.has('body')) site.problems.push('reads the body, no body');
        if (reads('params') && !declared.has('params')) site.problems.push('reads params, no params');
      }
    }
  }

  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (
        ts.isIdentifier(callee) &&
        callee.text === 'require' &&
        isZodModule(literal(node.arguments[0]) ?? '')
      )
        fileProblems.push(`${file} requires zod`);
      if (
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        isZodModule(literal(node.arguments[0]) ?? '')
      )
        fileProblems.push(`${file} imports zod dynamically`);
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        const url = literal(node.arguments[0]);
        if (ROUTE_METHODS.has(method) && url?.startsWith('/')) {
          const site: RouteSite = { method: method.toUpperCase(), url, where: where(node), problems: [] };
          const [, options, handler] = node.arguments;
          checkOptions(site, node.arguments.length >= 3 ? options : undefined, handler);
          sites.push(site);
        } else if (
          method === 'route' &&
          node.arguments[0] &&
          ts.isObjectLiteralExpression(node.arguments[0])
        ) {
          const opts = node.arguments[0];
          const get = (n: string) =>
            opts.properties.find(
              (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyName(p) === n,
            )?.initializer;
          const m = get('method');
          const methods = m && ts.isArrayLiteralExpression(m) ? m.elements.map(literal) : [literal(m)];
          const routeUrl = literal(get('url')) ?? literal(get('path'));
          for (const each of methods) {
            const site: RouteSite = {
              method: (each ?? '?').toUpperCase(),
              url: routeUrl ?? '?',
              where: where(node),
              problems: [],
            };
            checkOptions(site, opts, get('handler'));
            sites.push(site);
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { sites, fileProblems: sites.length ? fileProblems : [] };
}

const scanned = sourceFiles(SRC).map(scanFile);
const sites = scanned.flatMap((s) => s.sites);

interface Operation {
  parameters?: { in: string; name: string }[];
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: Record<string, unknown> }> }
  >;
}

/** A JSON schema that says something: `{}` (z.any, z.unknown, z.custom without meta) does not. */
const SCHEMA_KEYWORDS = ['type', '$ref', 'anyOf', 'oneOf', 'allOf', 'enum', 'const', 'properties', 'items'];
const saysSomething = (schema: Record<string, unknown> | undefined) =>
  !!schema && SCHEMA_KEYWORDS.some((k) => k in schema);

/** What is missing from one operation's 2xx answers in the OpenAPI document. */
function responseProblems(op: Operation): string[] {
  const answers = Object.entries(op.responses ?? {}).filter(([code]) => /^2(\d\d|XX)$/i.test(code));
  if (answers.length === 0) return ['no 2xx response declared'];
  return answers.flatMap(([code, answer]) => {
    // a 204 has no body: declared (z.undefined()) it appears with no content
    if (code === '204') return answer.content ? [`${code} declares a body`] : [];
    const contents = Object.entries(answer.content ?? {});
    if (contents.length === 0) return [`${code} has no schema`];
    return contents
      .filter(([, c]) => !saysSomething(c.schema))
      .map(([type]) => `${code} ${type} has an empty schema`);
  });
}

const isApiRoute = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('route contracts (static): route files take every schema from @ganbu/core', () => {
  it('finds the route files', () => {
    expect(sites.length).toBeGreaterThan(50);
  });

  it('no route file imports zod', () => {
    expect(scanned.flatMap((s) => s.fileProblems)).toEqual([]);
  });

  it('every route declares params, query, body and responses with schemas imported from @ganbu/core', () => {
    const problems = sites.flatMap((s) => s.problems.map((p) => `${s.method} ${s.url} (${s.where}): ${p}`));
    expect(problems).toEqual([]);
  });
});

describe('route contracts (OpenAPI document)', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;
  let routes: { method: string; url: string }[];
  beforeAll(async () => {
    t = await createTestApp();
    paths = (t.app.swagger() as { paths: Record<string, Record<string, Operation>> }).paths;
    routes = t.app.routeTable.filter((r) => isApiRoute(r.url));
  });
  afterAll(() => t.close());

  it('every API route of the app was found by the static check', () => {
    const found = new Set(sites.map((s) => `${s.method} ${s.url}`));
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.map((r) => `${r.method} ${r.url}`).filter((r) => !found.has(r))).toEqual([]);
  });

  it('every API route is in the document', () => {
    const missing = routes.filter((r) => !paths[openApiPath(r.url)]?.[r.method.toLowerCase()]);
    expect(missing.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('every 2xx answer of every route has a schema (204: declared, no body)', () => {
    const problems = Object.entries(paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) =>
        responseProblems(op).map((p) => `${method.toUpperCase()} ${path}: ${p}`),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('every path parameter is declared', () => {
    const problems = Object.entries(paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) =>
        [...path.matchAll(/\{([^}]+)\}/g)]
          .filter(([, name]) => !op.parameters?.some((p) => p.in === 'path' && p.name === name))
          .map(([, name]) => `${method.toUpperCase()} ${path}: {${name}}`),
      ),
    );
    expect(problems).toEqual([]);
  });
});
