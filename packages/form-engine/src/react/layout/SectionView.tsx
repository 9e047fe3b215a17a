import type { EntityDefinition } from '@bankforge/data-model';
import type { FormSection } from '../../form/form-definition.js';
import { localized } from '../locale/messages.js';
import { useRenderer } from '../renderer/renderer-context.js';
import { NodeList } from './NodeView.js';

/** A titled block: a fieldset whose legend names the group of fields for assistive technology. */
export function SectionView({ node, entity }: { node: FormSection; entity: EntityDefinition }) {
  const { locale } = useRenderer();
  return (
    <fieldset className="bf-section" data-node={node.id}>
      <legend className="bf-section-title">{localized(node.title, locale)}</legend>
      <NodeList nodes={node.children} entity={entity} />
    </fieldset>
  );
}
