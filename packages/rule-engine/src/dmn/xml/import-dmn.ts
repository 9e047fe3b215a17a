/**
 * DMN XML (1.1 to 1.5) onto the native decision model. Namespace-aware: the DMN namespace may
 * be the default one or prefixed; QName typeRefs (DMN 1.1's `feel:number`, `tns:tLoan`) are
 * resolved against the in-scope namespaces. Models imported by the main one (`<import>`) are
 * matched by namespace among the documents given beside it, and their elements added under the
 * import's name; a model they import in turn is added under both names (`B.C.name`: model B
 * imported as `B` imports C as `C`), and B's FEEL reads it as `C.name`.
 */
import type {
  Aggregation,
  BoxedExpression,
  BusinessKnowledgeModel,
  Decision,
  DecisionModel,
  DecisionService,
  DecisionTable,
  HitPolicy,
  InputData,
  ItemDefinition,
  ModelImport,
  TypedName,
} from '../model.js';
import { attr, childElements, childText, parseXml, resolveQName, textOf, XmlError, type Element } from './xml.js';

export { XmlError };

/** DMN model namespaces: 1.1 (20151101), 1.2 (20180521), 1.3 (20191111), 1.4 (20211108), 1.5 (20230324). */
export function isDmnNamespace(namespace: string | null): boolean {
  return namespace !== null && /^https?:\/\/www\.omg\.org\/spec\/DMN\/\d{8}\/(MODEL\/?|dmn\.xsd)$/.test(namespace);
}

const HIT_POLICIES: Record<string, HitPolicy> = {
  UNIQUE: 'U',
  ANY: 'A',
  PRIORITY: 'P',
  FIRST: 'F',
  'RULE ORDER': 'R',
  'OUTPUT ORDER': 'O',
  COLLECT: 'C',
};

const AGGREGATIONS: Record<string, Aggregation> = { SUM: 'SUM', MIN: 'MIN', MAX: 'MAX', COUNT: 'COUNT' };

const EXPRESSION_ELEMENTS = new Set([
  'literalExpression',
  'decisionTable',
  'context',
  'relation',
  'list',
  'invocation',
  'functionDefinition',
  'conditional',
  'filter',
  'for',
  'every',
  'some',
]);

/** One parsed DMN document, before its references are resolved. */
export interface DmnDocument {
  readonly root: Element;
  readonly name: string;
  readonly namespace: string;
  readonly dmnNamespace: string;
  /** id → element name (DRG elements and item definitions). */
  readonly ids: ReadonlyMap<string, string>;
  readonly imports: readonly (ModelImport & { importType?: string })[];
  readonly itemDefinitionNames: ReadonlySet<string>;
}

export interface DmnImportResult {
  model: DecisionModel;
  /** The main model's name and namespace. */
  name: string;
  namespace: string;
  /** What the importer could not carry over (unsupported expressions, unresolved imports...). */
  warnings: string[];
}

/** Parses a DMN document (throws XmlError when it is not XML or not DMN). */
export function parseDmnDocument(xml: string, what = 'DMN model'): DmnDocument {
  const root = parseXml(xml, what);
  if (root.localName !== 'definitions' || !isDmnNamespace(root.namespaceURI)) {
    throw new XmlError(`${what} is not a DMN model: its root is {${root.namespaceURI ?? ''}}${root.localName ?? ''}.`);
  }
  const dmnNamespace = root.namespaceURI as string;
  const ids = new Map<string, string>();
  const itemDefinitionNames = new Set<string>();
  for (const child of childElements(root)) {
    if (child.namespaceURI !== dmnNamespace) continue;
    const id = attr(child, 'id');
    const name = attr(child, 'name');
    if (child.localName === 'itemDefinition' && name !== undefined) itemDefinitionNames.add(name);
    if (id !== undefined && name !== undefined) ids.set(id, name);
  }
  const imports = childElements(root, 'import')
    .filter((e) => e.namespaceURI === dmnNamespace)
    .map((e) => {
      const imp: ModelImport & { importType?: string } = { name: attr(e, 'name') ?? '', namespace: attr(e, 'namespace') ?? '' };
      const importType = attr(e, 'importType');
      if (importType !== undefined) imp.importType = importType;
      return imp;
    });
  return {
    root,
    name: attr(root, 'name') ?? '',
    namespace: attr(root, 'namespace') ?? '',
    dmnNamespace,
    ids,
    imports,
    itemDefinitionNames,
  };
}

/** Builds the native model of one document; `prefix` set for an imported document. */
class Converter {
  constructor(
    private readonly doc: DmnDocument,
    /** Import name of this document inside the main model (undefined: the main model). */
    private readonly prefix: string | undefined,
    /**
     * Documents imported by this one, by namespace, each with the prefix its elements' keys take
     * in the whole model (`B` for an import of the main model, `B.C` for C imported by B).
     */
    private readonly imported: ReadonlyMap<string, { importName: string; doc: DmnDocument }>,
    private readonly warnings: string[],
  ) {}

  private dmn(parent: Element, localName?: string): Element[] {
    return childElements(parent, localName).filter((e) => e.namespaceURI === this.doc.dmnNamespace);
  }

  private key(name: string): string {
    return this.prefix === undefined ? name : `${this.prefix}.${name}`;
  }

  /** An href (`#id` or `namespace#id`) to the key of the element it names. */
  private href(element: Element | undefined): string | undefined {
    const href = element ? attr(element, 'href') : undefined;
    if (href === undefined) return undefined;
    const hash = href.indexOf('#');
    const namespace = hash < 0 ? '' : href.slice(0, hash);
    const id = hash < 0 ? href : href.slice(hash + 1);
    if (namespace === '' || namespace === this.doc.namespace) {
      const name = this.doc.ids.get(id);
      if (name === undefined) this.warnings.push(`${this.doc.name}: no element with id ${JSON.stringify(id)}.`);
      return name === undefined ? undefined : this.key(name);
    }
    const target = this.imported.get(namespace);
    const name = target?.doc.ids.get(id);
    if (!target || name === undefined) {
      this.warnings.push(`${this.doc.name}: cannot resolve the reference ${JSON.stringify(href)} (imported model missing?).`);
      return undefined;
    }
    return target.importName === '' ? name : `${target.importName}.${name}`;
  }

  /** A typeRef normalised: QName prefixes resolved, local item definitions qualified by the import. */
  typeRef(element: Element, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    let ref = value.trim();
    if (ref === '') return undefined;
    const { namespace, local } = resolveQName(element, ref);
    if (namespace !== null) {
      const target = this.imported.get(namespace);
      ref = target && target.importName !== '' ? `${target.importName}.${local}` : local;
    }
    if (this.prefix !== undefined && this.doc.itemDefinitionNames.has(ref)) return `${this.prefix}.${ref}`;
    return ref;
  }

  private variableTypeRef(element: Element): string | undefined {
    const variable = this.dmn(element, 'variable')[0];
    const fromVariable = variable ? this.typeRef(variable, attr(variable, 'typeRef')) : undefined;
    if (fromVariable !== undefined) return fromVariable;
    const expression = this.expressionElement(element);
    return expression ? this.typeRef(expression, attr(expression, 'typeRef')) : undefined;
  }

  private expressionElement(parent: Element): Element | undefined {
    return this.dmn(parent).find((e) => EXPRESSION_ELEMENTS.has(e.localName ?? ''));
  }

  itemDefinition(element: Element, topLevel: boolean): ItemDefinition {
    const rawName = attr(element, 'name') ?? '';
    const def: ItemDefinition = { name: topLevel ? this.key(rawName) : rawName };
    const typeRefElement = this.dmn(element, 'typeRef')[0];
    const typeRef = this.typeRef(element, typeRefElement ? textOf(typeRefElement) : attr(element, 'typeRef'));
    if (typeRef !== undefined) def.typeRef = typeRef;
    const allowed = childText(this.dmn(element, 'allowedValues')[0]) ?? childText(this.dmn(element, 'typeConstraint')[0]);
    if (allowed !== undefined && allowed.trim() !== '') def.allowedValues = allowed;
    if (attr(element, 'isCollection') === 'true') def.isCollection = true;
    const components = this.dmn(element, 'itemComponent');
    if (components.length > 0) def.itemComponents = components.map((c) => this.itemDefinition(c, false));
    return def;
  }

  private typed(target: { typeRef?: string }, element: Element, value: string | undefined): void {
    const typeRef = this.typeRef(element, value);
    if (typeRef !== undefined) target.typeRef = typeRef;
  }

  /** A boxed expression element to the native form (undefined for an unsupported one). */
  expression(element: Element | undefined, where: string): BoxedExpression | undefined {
    if (!element) return undefined;
    const typeRef = this.typeRef(element, attr(element, 'typeRef'));
    const withType = <T extends BoxedExpression>(e: T): T => {
      if (typeRef !== undefined) e.typeRef = typeRef;
      return e;
    };
    switch (element.localName) {
      case 'literalExpression':
        return withType({ kind: 'literalExpression', text: childText(element) ?? '' });
      case 'decisionTable':
        return withType(this.decisionTable(element, where));
      case 'context':
        return withType({
          kind: 'context',
          entries: this.dmn(element, 'contextEntry').map((entry) => {
            const variable = this.dmn(entry, 'variable')[0];
            const value = this.expression(this.expressionElement(entry), where) ?? { kind: 'literalExpression', text: '' };
            const out: { name?: string; typeRef?: string; value: BoxedExpression } = { value };
            if (variable) {
              out.name = attr(variable, 'name') ?? '';
              this.typed(out, variable, attr(variable, 'typeRef'));
            }
            return out;
          }),
        });
      case 'relation':
        return withType({
          kind: 'relation',
          columns: this.dmn(element, 'column').map((c) => this.typedName(c)),
          rows: this.dmn(element, 'row').map((row) =>
            this.dmn(row)
              .filter((e) => EXPRESSION_ELEMENTS.has(e.localName ?? ''))
              .map((cell) => this.expression(cell, where) ?? { kind: 'literalExpression', text: '' }),
          ),
        });
      case 'list':
        return withType({
          kind: 'list',
          items: this.dmn(element)
            .filter((e) => EXPRESSION_ELEMENTS.has(e.localName ?? ''))
            .map((item) => this.expression(item, where) ?? { kind: 'literalExpression', text: '' }),
        });
      case 'invocation': {
        const callee = this.expressionElement(element);
        const fn = callee && callee.localName === 'literalExpression' ? (childText(callee) ?? '') : '';
        if (fn === '') this.warnings.push(`${where}: an invocation without a function name.`);
        return withType({
          kind: 'invocation',
          function: fn,
          bindings: this.dmn(element, 'binding').map((b) => {
            const parameter = this.dmn(b, 'parameter')[0];
            const value = this.expression(this.expressionElement(b), where);
            return value ? { name: attr(parameter ?? b, 'name') ?? '', value } : { name: attr(parameter ?? b, 'name') ?? '' };
          }),
        });
      }
      case 'functionDefinition': {
        const kind = attr(element, 'kind') ?? 'FEEL';
        if (kind !== 'FEEL' && kind !== 'F') {
          const parameters = this.dmn(element, 'formalParameter').map((p) => attr(p, 'name') ?? '');
          const text = this.externalFunctionText(element, kind, parameters, where);
          return text === undefined ? undefined : withType({ kind: 'literalExpression', text });
        }
        return withType({
          kind: 'functionDefinition',
          parameters: this.dmn(element, 'formalParameter').map((p) => this.typedName(p)),
          body: this.expression(this.expressionElement(element), where) ?? { kind: 'literalExpression', text: '' },
        });
      }
      case 'conditional':
      case 'filter':
      case 'for':
      case 'every':
      case 'some':
        return this.boxedControl(element, where, typeRef);
      default:
        this.warnings.push(`${where}: unsupported expression <${element.localName ?? ''}>.`);
        return undefined;
    }
  }

  /**
   * DMN 1.4+ boxed conditional, filter and iterators (10.2.1.8-10): each part (`<if>`, `<in>`,
   * `<return>`...) holds any boxed expression. A missing part is an empty literal (null), with a
   * warning.
   */
  private boxedControl(element: Element, where: string, typeRef: string | undefined): BoxedExpression {
    const part = (localName: string): BoxedExpression => {
      const holder = this.dmn(element, localName)[0];
      const inner = holder ? this.expression(this.expressionElement(holder), where) : undefined;
      if (inner === undefined) {
        this.warnings.push(`${where}: <${element.localName ?? ''}> has no <${localName}> expression; it is null.`);
        return { kind: 'literalExpression', text: '' };
      }
      return inner;
    };
    const variable = (attr(element, 'iteratorVariable') ?? '').trim();
    let out: BoxedExpression;
    switch (element.localName) {
      case 'conditional':
        out = { kind: 'conditional', if: part('if'), then: part('then'), else: part('else') };
        break;
      case 'filter':
        out = { kind: 'filter', in: part('in'), match: part('match') };
        break;
      case 'for':
        out = { kind: 'for', iteratorVariable: variable, in: part('in'), return: part('return') };
        break;
      default:
        out = { kind: element.localName === 'every' ? 'every' : 'some', iteratorVariable: variable, in: part('in'), satisfies: part('satisfies') };
    }
    if (element.localName !== 'conditional' && element.localName !== 'filter' && variable === '') {
      this.warnings.push(`${where}: <${element.localName ?? ''}> has no iteratorVariable.`);
    }
    if (typeRef !== undefined) out.typeRef = typeRef;
    return out;
  }

  /**
   * A Java or PMML function definition (DMN 1.5, 10.3.2.13.3) as the FEEL text of the same function,
   * `function(a, b) external {java: {class: "java.lang.Math", method signature: "max(int,int)"}}`:
   * it evaluates to a function whose invocations are null with a warning naming the method, as
   * this engine cannot call Java or PMML. Undefined (with a warning) for another kind.
   */
  private externalFunctionText(element: Element, kind: string, parameters: readonly string[], where: string): string | undefined {
    const key = kind === 'Java' || kind === 'J' ? 'java' : kind === 'PMML' || kind === 'P' ? 'pmml' : null;
    if (key === null) {
      this.warnings.push(`${where}: ${kind} function definitions are not supported; they evaluate to null.`);
      return undefined;
    }
    const body = this.expressionElement(element);
    const entries: string[] = [];
    if (body?.localName === 'context') {
      for (const entry of this.dmn(body, 'contextEntry')) {
        const variable = this.dmn(entry, 'variable')[0];
        const value = this.expressionElement(entry);
        const text = value?.localName === 'literalExpression' ? (childText(value) ?? '').trim() : '';
        if (variable && text !== '') entries.push(`${JSON.stringify(attr(variable, 'name') ?? '')}: ${text}`);
      }
    }
    this.warnings.push(`${where}: ${kind} functions cannot run in this engine; invoking one answers null with a warning naming it.`);
    return `function(${parameters.join(', ')}) external {${key}: {${entries.join(', ')}}}`;
  }

  private typedName(element: Element): TypedName {
    const out: TypedName = { name: attr(element, 'name') ?? '' };
    this.typed(out, element, attr(element, 'typeRef'));
    return out;
  }

  private decisionTable(element: Element, where: string): DecisionTable {
    const policyText = (attr(element, 'hitPolicy') ?? 'UNIQUE').trim().toUpperCase();
    const hitPolicy = HIT_POLICIES[policyText];
    if (!hitPolicy) this.warnings.push(`${where}: unknown hit policy ${JSON.stringify(policyText)}; UNIQUE used.`);
    const table: DecisionTable = {
      kind: 'decisionTable',
      hitPolicy: hitPolicy ?? 'U',
      inputs: this.dmn(element, 'input').map((input) => {
        const expression = this.dmn(input, 'inputExpression')[0];
        const out: DecisionTable['inputs'][number] = { expression: childText(expression) ?? '' };
        const label = attr(input, 'label');
        if (label !== undefined) out.label = label;
        if (expression) this.typed(out, expression, attr(expression, 'typeRef'));
        const values = childText(this.dmn(input, 'inputValues')[0]);
        if (values !== undefined && values.trim() !== '') out.inputValues = values;
        return out;
      }),
      outputs: this.dmn(element, 'output').map((output) => {
        const out: DecisionTable['outputs'][number] = {};
        const name = attr(output, 'name');
        if (name !== undefined && name !== '') out.name = name;
        const label = attr(output, 'label');
        if (label !== undefined) out.label = label;
        this.typed(out, output, attr(output, 'typeRef'));
        const values = childText(this.dmn(output, 'outputValues')[0]);
        if (values !== undefined && values.trim() !== '') out.outputValues = values;
        const fallback = childText(this.dmn(output, 'defaultOutputEntry')[0]);
        if (fallback !== undefined && fallback.trim() !== '') out.defaultOutputEntry = fallback;
        return out;
      }),
      rules: this.dmn(element, 'rule').map((rule) => {
        const out: DecisionTable['rules'][number] = {
          inputEntries: this.dmn(rule, 'inputEntry').map((e) => childText(e) ?? '-'),
          outputEntries: this.dmn(rule, 'outputEntry').map((e) => childText(e) ?? ''),
        };
        const id = attr(rule, 'id');
        if (id !== undefined) out.id = id;
        const annotations = this.dmn(rule, 'annotationEntry').map((e) => childText(e) ?? '');
        if (annotations.length > 0) out.annotations = annotations;
        return out;
      }),
    };
    const aggregation = attr(element, 'aggregation');
    if (aggregation !== undefined) {
      const agg = AGGREGATIONS[aggregation.trim().toUpperCase()];
      if (agg) table.aggregation = agg;
      else this.warnings.push(`${where}: unknown aggregation ${JSON.stringify(aggregation)}.`);
    }
    const annotationNames = this.dmn(element, 'annotation').map((a) => attr(a, 'name') ?? '');
    if (annotationNames.length > 0) table.annotations = annotationNames;
    const outputLabel = attr(element, 'outputLabel');
    if (outputLabel !== undefined) table.outputLabel = outputLabel;
    if (table.outputs.length > 1) {
      table.outputs.forEach((o, i) => {
        if (o.name === undefined) {
          o.name = o.label ?? `output${i + 1}`;
          this.warnings.push(`${where}: output ${i + 1} has no name; ${JSON.stringify(o.name)} used.`);
        }
      });
    }
    return table;
  }

  private hrefs(parent: Element, localName: string): string[] {
    return this.dmn(parent, localName)
      .map((e) => this.href(e))
      .filter((k): k is string => k !== undefined);
  }

  convertInto(model: DecisionModel): void {
    const root = this.doc.root;
    const withImport = <T extends { import?: string }>(element: T): T => {
      if (this.prefix !== undefined) element.import = this.prefix;
      return element;
    };
    for (const e of this.dmn(root, 'itemDefinition')) (model.itemDefinitions ??= []).push(this.itemDefinition(e, true));
    for (const e of this.dmn(root, 'inputData')) {
      const input = withImport<InputData>({ name: attr(e, 'name') ?? '' });
      const typeRef = this.variableTypeRef(e);
      if (typeRef !== undefined) input.typeRef = typeRef;
      (model.inputData ??= []).push(input);
    }
    for (const e of this.dmn(root, 'decision')) {
      const name = attr(e, 'name') ?? '';
      const decision = withImport<Decision>({ name });
      const typeRef = this.variableTypeRef(e);
      if (typeRef !== undefined) decision.typeRef = typeRef;
      const question = childText(e, 'question');
      if (question !== undefined) decision.question = question;
      const decisions = this.dmn(e, 'informationRequirement').flatMap((r) => this.hrefs(r, 'requiredDecision'));
      const inputs = this.dmn(e, 'informationRequirement').flatMap((r) => this.hrefs(r, 'requiredInput'));
      const knowledge = this.dmn(e, 'knowledgeRequirement').flatMap((r) => this.hrefs(r, 'requiredKnowledge'));
      decision.requirements = { decisions, inputs, knowledge };
      const logic = this.expression(this.expressionElement(e), `decision ${name}`);
      if (logic) decision.logic = logic;
      model.decisions.push(decision);
    }
    for (const e of this.dmn(root, 'businessKnowledgeModel')) {
      const name = attr(e, 'name') ?? '';
      const logic = this.dmn(e, 'encapsulatedLogic')[0];
      const bkm = withImport<BusinessKnowledgeModel>({
        name,
        parameters: logic ? this.dmn(logic, 'formalParameter').map((p) => this.typedName(p)) : [],
      });
      const typeRef = this.variableTypeRef(e);
      if (typeRef !== undefined) bkm.typeRef = typeRef;
      if (logic) {
        const kind = attr(logic, 'kind') ?? 'FEEL';
        if (kind !== 'FEEL' && kind !== 'F') {
          // The BKM calls the external function with its own parameters: null, with a warning naming it.
          const parameters = bkm.parameters.map((p) => p.name);
          const fn = this.externalFunctionText(logic, kind, parameters, `BKM ${name}`);
          if (fn !== undefined) bkm.body = { kind: 'literalExpression', text: `(${fn})(${parameters.join(', ')})` };
        } else {
          const body = this.expression(this.expressionElement(logic), `BKM ${name}`);
          if (body) bkm.body = body;
        }
      }
      const knowledge = this.dmn(e, 'knowledgeRequirement').flatMap((r) => this.hrefs(r, 'requiredKnowledge'));
      if (knowledge.length > 0) bkm.requirements = { knowledge };
      (model.businessKnowledgeModels ??= []).push(bkm);
    }
    for (const e of this.dmn(root, 'decisionService')) {
      const service = withImport<DecisionService>({
        name: attr(e, 'name') ?? '',
        outputDecisions: this.hrefs(e, 'outputDecision'),
        encapsulatedDecisions: this.hrefs(e, 'encapsulatedDecision'),
        inputDecisions: this.hrefs(e, 'inputDecision'),
        inputData: this.hrefs(e, 'inputData'),
      });
      const typeRef = this.variableTypeRef(e);
      if (typeRef !== undefined) service.typeRef = typeRef;
      (model.decisionServices ??= []).push(service);
    }
  }
}

/**
 * Imports a DMN model. `others` are the texts (or parsed documents) of models beside it, where
 * the models it imports are looked up by namespace.
 */
export function importDmn(xml: string | DmnDocument, others: readonly (string | DmnDocument)[] = []): DmnImportResult {
  const main = typeof xml === 'string' ? parseDmnDocument(xml) : xml;
  const warnings: string[] = [];
  const byNamespace = new Map<string, DmnDocument>();
  for (const other of others) {
    try {
      const doc = typeof other === 'string' ? parseDmnDocument(other, 'an imported DMN model') : other;
      if (doc !== main) byNamespace.set(doc.namespace, doc);
    } catch (error) {
      warnings.push(error instanceof Error ? error.message : String(error));
    }
  }
  // The main model too, so that a model importing it back is recognised as a cycle.
  if (!byNamespace.has(main.namespace)) byNamespace.set(main.namespace, main);
  const model: DecisionModel = { namespace: main.namespace, decisions: [] };
  const converted = new Set<string>();

  /**
   * The documents `doc` imports, by namespace, with the prefix of their elements' keys; each is
   * converted (after the models it imports in turn) the first time it is met under that prefix.
   */
  const importsOf = (doc: DmnDocument, prefix: string | undefined, path: readonly string[]): Map<string, { importName: string; doc: DmnDocument }> => {
    const imported = new Map<string, { importName: string; doc: DmnDocument }>();
    for (const imp of doc.imports) {
      if (imp.importType !== undefined && !isDmnNamespace(imp.importType)) {
        warnings.push(`Import ${JSON.stringify(imp.name)} of type ${imp.importType} is not a DMN model; ignored.`);
        continue;
      }
      const target = byNamespace.get(imp.namespace);
      if (!target) {
        warnings.push(`Imported model ${JSON.stringify(imp.namespace)} (${imp.name}) was not found beside ${prefix === undefined ? 'the main model' : JSON.stringify(doc.name)}.`);
        continue;
      }
      if (path.includes(target.namespace)) {
        warnings.push(`${doc.name} imports ${target.name}, which imports it back; the cycle is cut there.`);
        continue;
      }
      // An unnamed import merges the imported model's elements into the importer's namespace.
      const full = imp.name === '' ? (prefix ?? '') : prefix === undefined ? imp.name : `${prefix}.${imp.name}`;
      imported.set(imp.namespace, { importName: full, doc: target });
      const key = `${full}\u0000${target.namespace}`;
      if (converted.has(key)) continue;
      converted.add(key);
      if (full !== '') (model.imports ??= []).push({ name: full, namespace: imp.namespace });
      const nested = importsOf(target, full === '' ? undefined : full, [...path, target.namespace]);
      new Converter(target, full === '' ? undefined : full, nested, warnings).convertInto(model);
    }
    return imported;
  };

  const imported = importsOf(main, undefined, [main.namespace]);
  new Converter(main, undefined, imported, warnings).convertInto(model);
  return { model, name: main.name, namespace: main.namespace, warnings };
}
