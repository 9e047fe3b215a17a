/**
 * The native decision model as DMN 1.5 XML: item definitions, input data, decisions with their
 * information and knowledge requirements, BKMs, decision services, imports, and every boxed
 * expression the model holds (DMN 1.5's boxed conditional, filter and iterators among them).
 * `importDmn` reads the result back to the same model.
 *
 * The model keeps no XML ids, so elements get readable ones (`decision_Loan_scoring`). Elements
 * that came from an imported model (`import` set) belong to that model's document: the main
 * document refers to them as `namespace#id`, and `exportDmn(model, { importName })` writes that
 * document with the same ids, for tools that need the imported models too. The model holds no
 * diagram positions, so no DMNDI is written.
 */
import type {
  BoxedExpression,
  BusinessKnowledgeModel,
  Decision,
  DecisionModel,
  DecisionService,
  DecisionTable,
  HitPolicy,
  InputData,
  ItemDefinition,
  TypedName,
} from '../model.js';
import { XmlWriter, type Attributes } from './xml-writer.js';
import { XmlError } from './xml.js';

export const DMN15_NAMESPACE = 'https://www.omg.org/spec/DMN/20230324/MODEL/';

export interface DmnExportOptions {
  /** The definitions' name; by default the artifact's title, else its key, else the import's name. */
  name?: string;
  /** Write the model this import brought in (its elements), not the main one. */
  importName?: string;
}

const HIT_POLICY_NAMES: Record<HitPolicy, string> = {
  U: 'UNIQUE',
  A: 'ANY',
  P: 'PRIORITY',
  F: 'FIRST',
  R: 'RULE ORDER',
  O: 'OUTPUT ORDER',
  C: 'COLLECT',
};

type ElementKind = 'inputData' | 'decision' | 'bkm' | 'service';
type DrgElement = InputData | Decision | BusinessKnowledgeModel | DecisionService;

/** Where a DRG element is written: its document (the import it came from) and id there. */
interface Placed {
  doc: string | undefined;
  id: string;
}

function keyOf(element: DrgElement): string {
  return element.import === undefined ? element.name : `${element.import}.${element.name}`;
}

/** The boxed expressions directly inside one. */
function children(e: BoxedExpression): BoxedExpression[] {
  switch (e.kind) {
    case 'context':
      return e.entries.map((entry) => entry.value);
    case 'relation':
      return e.rows.flat();
    case 'list':
      return e.items;
    case 'invocation':
      return e.bindings.flatMap((b) => (b.value === undefined ? [] : [b.value]));
    case 'functionDefinition':
      return [e.body];
    case 'conditional':
      return [e.if, e.then, e.else];
    case 'filter':
      return [e.in, e.match];
    case 'for':
      return [e.in, e.return];
    case 'some':
    case 'every':
      return [e.in, e.satisfies];
    default:
      return [];
  }
}

/** Rule ids in the model's tables: generated ids stay clear of them. */
function ruleIds(expression: BoxedExpression | undefined, out: Set<string>): void {
  if (expression === undefined) return;
  if (expression.kind === 'decisionTable')
    for (const rule of expression.rules) if (rule.id !== undefined) out.add(rule.id);
  for (const child of children(expression)) ruleIds(child, out);
}

class DmnExporter {
  private readonly placed = new Map<string, Placed>();
  private readonly namespaces = new Map<string | undefined, string>();
  private readonly importNames: readonly string[];

  constructor(private readonly model: DecisionModel) {
    this.importNames = (model.imports ?? []).map((i) => i.name);
    for (const imp of model.imports ?? []) this.namespaces.set(imp.name, imp.namespace);
    this.namespaces.set(undefined, model.namespace ?? `urn:bankforge:decision:${model.key ?? 'model'}`);
    const used = new Set<string>();
    for (const d of model.decisions) ruleIds(d.logic, used);
    for (const b of model.businessKnowledgeModels ?? []) ruleIds(b.body, used);
    const place = (kind: ElementKind, element: DrgElement) => {
      const base = `${kind}_${element.name.replace(/[^\p{L}\p{N}_.-]/gu, '_')}`;
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
      used.add(id);
      this.placed.set(keyOf(element), { doc: element.import, id });
    };
    for (const e of model.inputData ?? []) place('inputData', e);
    for (const e of model.decisions) place('decision', e);
    for (const e of model.businessKnowledgeModels ?? []) place('bkm', e);
    for (const e of model.decisionServices ?? []) place('service', e);
  }

  namespaceOf(doc: string | undefined): string | undefined {
    return this.namespaces.get(doc);
  }

  /** The import that holds an item definition (the longest import name prefixing it), and its local name. */
  private itemDocument(name: string): { doc: string | undefined; local: string } {
    let doc: string | undefined;
    for (const imp of this.importNames)
      if (name.startsWith(`${imp}.`) && (doc === undefined || imp.length > doc.length)) doc = imp;
    return { doc, local: doc === undefined ? name : name.slice(doc.length + 1) };
  }

  /** The document's own imports: the model's imports one level under it, by their local names. */
  private importsOf(doc: string | undefined): { name: string; namespace: string }[] {
    return (this.model.imports ?? []).flatMap((imp) => {
      const local =
        doc === undefined
          ? imp.name
          : imp.name.startsWith(`${doc}.`)
            ? imp.name.slice(doc.length + 1)
            : undefined;
      return local === undefined || local === '' || local.includes('.')
        ? []
        : [{ name: local, namespace: imp.namespace }];
    });
  }

  /** A typeRef as the document writes it: an imported model's own types without its import name. */
  private typeRef(doc: string | undefined, typeRef: string | undefined): string | undefined {
    if (typeRef === undefined || doc === undefined) return typeRef;
    return typeRef.startsWith(`${doc}.`) ? typeRef.slice(doc.length + 1) : typeRef;
  }

  /** An href from a document to an element key; undefined when the model has no such element. */
  private href(doc: string | undefined, key: string): string | undefined {
    const target = this.placed.get(key);
    if (target === undefined) return undefined;
    if (target.doc === doc) return `#${target.id}`;
    const namespace = this.namespaceOf(target.doc);
    return namespace === undefined ? undefined : `${namespace}#${target.id}`;
  }

  write(doc: string | undefined, name: string, description: string | undefined): string {
    const w = new XmlWriter();
    const namespace = this.namespaceOf(doc) as string;
    w.element('definitions', [
      ['xmlns', DMN15_NAMESPACE],
      ['id', `definitions_${name.replace(/[^\p{L}\p{N}_.-]/gu, '_')}`],
      ['name', name],
      ['namespace', namespace],
    ]);
    if (description !== undefined) w.text('description', description);
    for (const imp of this.importsOf(doc))
      w.empty('import', [
        ['name', imp.name],
        ['namespace', imp.namespace],
        ['importType', DMN15_NAMESPACE],
      ]);
    for (const item of this.model.itemDefinitions ?? []) {
      const { doc: owner, local } = this.itemDocument(item.name);
      if (owner === doc) this.itemDefinition(w, doc, item, local);
    }
    const own = <T extends DrgElement>(elements: readonly T[] | undefined): T[] =>
      (elements ?? []).filter((e) => e.import === doc);
    for (const input of own(this.model.inputData)) {
      w.element('inputData', [
        ['id', this.placed.get(keyOf(input))!.id],
        ['name', input.name],
      ]);
      w.empty('variable', [
        ['name', input.name],
        ['typeRef', this.typeRef(doc, input.typeRef)],
      ]).close();
    }
    for (const decision of own(this.model.decisions)) this.decision(w, doc, decision);
    for (const bkm of own(this.model.businessKnowledgeModels)) this.bkm(w, doc, bkm);
    for (const service of own(this.model.decisionServices)) this.service(w, doc, service);
    return w.close().toString();
  }

  private itemDefinition(w: XmlWriter, doc: string | undefined, item: ItemDefinition, name: string): void {
    w.element('itemDefinition', [
      ['name', name],
      ['isCollection', item.isCollection === true ? 'true' : undefined],
    ]);
    this.itemBody(w, doc, item);
    w.close();
  }

  private itemBody(w: XmlWriter, doc: string | undefined, item: ItemDefinition): void {
    const typeRef = this.typeRef(doc, item.typeRef);
    if (typeRef !== undefined) w.text('typeRef', typeRef);
    if (item.allowedValues !== undefined) w.feel('allowedValues', item.allowedValues);
    for (const component of item.itemComponents ?? []) {
      w.element('itemComponent', [
        ['name', component.name],
        ['isCollection', component.isCollection === true ? 'true' : undefined],
      ]);
      this.itemBody(w, doc, component);
      w.close();
    }
  }

  private requirements(
    w: XmlWriter,
    doc: string | undefined,
    element: string,
    child: string,
    keys: readonly string[] | undefined,
  ): void {
    for (const key of keys ?? []) {
      const href = this.href(doc, key);
      if (href === undefined) continue;
      w.element(element)
        .empty(child, [['href', href]])
        .close();
    }
  }

  private decision(w: XmlWriter, doc: string | undefined, decision: Decision): void {
    w.element('decision', [
      ['id', this.placed.get(keyOf(decision))!.id],
      ['name', decision.name],
    ]);
    if (decision.question !== undefined) w.text('question', decision.question);
    w.empty('variable', [
      ['name', decision.name],
      ['typeRef', this.typeRef(doc, decision.typeRef)],
    ]);
    this.requirements(w, doc, 'informationRequirement', 'requiredDecision', decision.requirements?.decisions);
    this.requirements(w, doc, 'informationRequirement', 'requiredInput', decision.requirements?.inputs);
    this.requirements(w, doc, 'knowledgeRequirement', 'requiredKnowledge', decision.requirements?.knowledge);
    if (decision.logic !== undefined) this.expression(w, doc, decision.logic);
    w.close();
  }

  private bkm(w: XmlWriter, doc: string | undefined, bkm: BusinessKnowledgeModel): void {
    w.element('businessKnowledgeModel', [
      ['id', this.placed.get(keyOf(bkm))!.id],
      ['name', bkm.name],
    ]);
    w.empty('variable', [
      ['name', bkm.name],
      ['typeRef', this.typeRef(doc, bkm.typeRef)],
    ]);
    w.element('encapsulatedLogic');
    for (const p of bkm.parameters) this.typedName(w, doc, 'formalParameter', p);
    if (bkm.body !== undefined) this.expression(w, doc, bkm.body);
    w.close();
    this.requirements(w, doc, 'knowledgeRequirement', 'requiredKnowledge', bkm.requirements?.knowledge);
    w.close();
  }

  private service(w: XmlWriter, doc: string | undefined, service: DecisionService): void {
    w.element('decisionService', [
      ['id', this.placed.get(keyOf(service))!.id],
      ['name', service.name],
    ]);
    w.empty('variable', [
      ['name', service.name],
      ['typeRef', this.typeRef(doc, service.typeRef)],
    ]);
    const refs = (element: string, keys: readonly string[] | undefined) => {
      for (const key of keys ?? []) {
        const href = this.href(doc, key);
        if (href !== undefined) w.empty(element, [['href', href]]);
      }
    };
    refs('outputDecision', service.outputDecisions);
    refs('encapsulatedDecision', service.encapsulatedDecisions);
    refs('inputDecision', service.inputDecisions);
    refs('inputData', service.inputData);
    w.close();
  }

  private typedName(w: XmlWriter, doc: string | undefined, element: string, typed: TypedName): void {
    w.empty(element, [
      ['name', typed.name],
      ['typeRef', this.typeRef(doc, typed.typeRef)],
    ]);
  }

  private expression(w: XmlWriter, doc: string | undefined, e: BoxedExpression): void {
    const typeRef: [string, string | undefined] = ['typeRef', this.typeRef(doc, e.typeRef)];
    switch (e.kind) {
      case 'literalExpression':
        w.feel('literalExpression', e.text, [typeRef]);
        return;
      case 'decisionTable':
        this.decisionTable(w, doc, e);
        return;
      case 'context':
        w.element('context', [typeRef]);
        for (const entry of e.entries) {
          w.element('contextEntry');
          if (entry.name !== undefined)
            w.empty('variable', [
              ['name', entry.name],
              ['typeRef', this.typeRef(doc, entry.typeRef)],
            ]);
          this.expression(w, doc, entry.value);
          w.close();
        }
        w.close();
        return;
      case 'relation':
        w.element('relation', [typeRef]);
        for (const column of e.columns) this.typedName(w, doc, 'column', column);
        for (const row of e.rows) {
          w.element('row');
          for (const cell of row) this.expression(w, doc, cell);
          w.close();
        }
        w.close();
        return;
      case 'list':
        w.element('list', [typeRef]);
        for (const item of e.items) this.expression(w, doc, item);
        w.close();
        return;
      case 'invocation':
        w.element('invocation', [typeRef]).feel('literalExpression', e.function);
        for (const binding of e.bindings) {
          w.element('binding').empty('parameter', [['name', binding.name]]);
          if (binding.value !== undefined) this.expression(w, doc, binding.value);
          w.close();
        }
        w.close();
        return;
      case 'functionDefinition':
        w.element('functionDefinition', [typeRef]);
        for (const p of e.parameters) this.typedName(w, doc, 'formalParameter', p);
        this.expression(w, doc, e.body);
        w.close();
        return;
      case 'conditional':
        this.boxed(
          w,
          doc,
          e.kind,
          [typeRef],
          [
            ['if', e.if],
            ['then', e.then],
            ['else', e.else],
          ],
        );
        return;
      case 'filter':
        this.boxed(
          w,
          doc,
          e.kind,
          [typeRef],
          [
            ['in', e.in],
            ['match', e.match],
          ],
        );
        return;
      case 'for':
        this.boxed(
          w,
          doc,
          e.kind,
          [typeRef, ['iteratorVariable', e.iteratorVariable]],
          [
            ['in', e.in],
            ['return', e.return],
          ],
        );
        return;
      case 'some':
      case 'every':
        this.boxed(
          w,
          doc,
          e.kind,
          [typeRef, ['iteratorVariable', e.iteratorVariable]],
          [
            ['in', e.in],
            ['satisfies', e.satisfies],
          ],
        );
        return;
      default: {
        // A kind added to the model must be written here: this stops the build until it is.
        const unwritten: never = e;
        throw new XmlError(`Cannot write ${JSON.stringify(unwritten)}.`);
      }
    }
  }

  /** A boxed conditional, filter or iterator: each part an element holding its expression. */
  private boxed(
    w: XmlWriter,
    doc: string | undefined,
    element: string,
    attributes: Attributes,
    parts: readonly (readonly [string, BoxedExpression])[],
  ): void {
    w.element(element, attributes);
    for (const [name, part] of parts) {
      w.element(name);
      this.expression(w, doc, part);
      w.close();
    }
    w.close();
  }

  private decisionTable(w: XmlWriter, doc: string | undefined, table: DecisionTable): void {
    w.element('decisionTable', [
      ['typeRef', this.typeRef(doc, table.typeRef)],
      ['hitPolicy', HIT_POLICY_NAMES[table.hitPolicy]],
      ['aggregation', table.aggregation],
      ['outputLabel', table.outputLabel],
    ]);
    for (const input of table.inputs) {
      w.element('input', [['label', input.label]]);
      w.feel('inputExpression', input.expression, [['typeRef', this.typeRef(doc, input.typeRef)]]);
      if (input.inputValues !== undefined) w.feel('inputValues', input.inputValues);
      w.close();
    }
    for (const output of table.outputs) {
      const attributes: [string, string | undefined][] = [
        ['name', output.name],
        ['label', output.label],
        ['typeRef', this.typeRef(doc, output.typeRef)],
      ];
      if (output.outputValues === undefined && output.defaultOutputEntry === undefined) {
        w.empty('output', attributes);
        continue;
      }
      w.element('output', attributes);
      if (output.outputValues !== undefined) w.feel('outputValues', output.outputValues);
      if (output.defaultOutputEntry !== undefined) w.feel('defaultOutputEntry', output.defaultOutputEntry);
      w.close();
    }
    for (const name of table.annotations ?? []) w.empty('annotation', [['name', name]]);
    for (const rule of table.rules) {
      w.element('rule', [['id', rule.id]]);
      for (const entry of rule.inputEntries) w.feel('inputEntry', entry);
      for (const entry of rule.outputEntries) w.feel('outputEntry', entry);
      for (const annotation of rule.annotations ?? []) w.feel('annotationEntry', annotation);
      w.close();
    }
    w.close();
  }
}

/**
 * Writes a decision model (an artifact, or a model `importDmn` read) as DMN 1.5 XML. Throws
 * XmlError when a text holds a character XML cannot carry, or `importName` names no import.
 */
export function exportDmn(
  model: DecisionModel & { description?: string },
  options: DmnExportOptions = {},
): string {
  const exporter = new DmnExporter(model);
  const doc = options.importName;
  if (doc !== undefined && exporter.namespaceOf(doc) === undefined)
    throw new XmlError(`The model has no import named ${JSON.stringify(doc)}.`);
  const name = options.name ?? (doc === undefined ? (model.title ?? model.key ?? 'decisions') : doc);
  return exporter.write(doc, name, doc === undefined ? model.description : undefined);
}
