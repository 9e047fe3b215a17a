import type { EntityDefinition } from '@bankforge/data-model';
import { option, text } from './labels.js';

export const RELATIONSHIP_KIND_OPTIONS = [
  option('spouse', 'Spouse', '配偶'),
  option('parent', 'Parent', '父母'),
  option('child', 'Child', '子女'),
  option('family', 'Other family', '其他亲属'),
  option('shareholder', 'Shareholder of', '股东'),
  option('legal_representative', 'Legal representative of', '法定代表人'),
  option('employer', 'Employer of', '雇主'),
  option('guarantor', 'Guarantor for', '担保人'),
];

/**
 * A relation between two customers (family, a company and its people, a guarantor), read as
 * "from is <kind> to": the 360° page draws them as the customer's relationship graph.
 */
export const relationshipEntity: EntityDefinition = {
  kind: 'entity',
  key: 'relationship',
  title: 'Relationship',
  version: 1,
  label: text('Related party', '关联关系'),
  pluralLabel: text('Related parties', '关联关系'),
  description: 'Two customers and how they relate: family, company, guarantor.',
  fields: [
    {
      id: 'f_relationship_from',
      key: 'from_customer',
      type: 'reference',
      label: text('Customer', '客户'),
      required: true,
      indexed: true,
      reference: { entity: 'customer' },
    },
    {
      id: 'f_relationship_to',
      key: 'to_customer',
      type: 'reference',
      label: text('Related customer', '关联客户'),
      required: true,
      indexed: true,
      reference: { entity: 'customer' },
    },
    {
      id: 'f_relationship_kind',
      key: 'kind',
      type: 'singleSelect',
      label: text('Relation', '关系'),
      required: true,
      options: RELATIONSHIP_KIND_OPTIONS,
    },
    {
      id: 'f_relationship_note',
      key: 'note',
      type: 'text',
      label: text('Note', '备注'),
      maxLength: 200,
    },
  ],
};
