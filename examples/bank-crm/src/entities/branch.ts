import type { EntityDefinition } from '@bankforge/data-model';
import { option, text } from './labels.js';

export const REGION_OPTIONS = [
  option('north', 'North China', '华北'),
  option('northeast', 'Northeast China', '东北'),
  option('east', 'East China', '华东'),
  option('south', 'South China', '华南'),
  option('central', 'Central China', '华中'),
  option('southwest', 'Southwest China', '西南'),
  option('northwest', 'Northwest China', '西北'),
];

/** A branch (支行/分行) of the bank; customers are booked at one. */
export const branchEntity: EntityDefinition = {
  kind: 'entity',
  key: 'branch',
  title: 'Branch',
  version: 1,
  label: text('Branch', '网点'),
  pluralLabel: text('Branches', '网点'),
  description: 'A branch of the bank; every customer is booked at one.',
  titleTemplate: '{name} ({code})',
  fields: [
    {
      id: 'f_branch_code',
      key: 'code',
      type: 'text',
      label: text('Branch code', '网点编号'),
      required: true,
      unique: true,
      pattern: '^[A-Z]{2}[0-9]{3}$',
      maxLength: 5,
    },
    {
      id: 'f_branch_name',
      key: 'name',
      type: 'text',
      label: text('Name', '网点名称'),
      required: true,
      maxLength: 100,
    },
    {
      id: 'f_branch_city',
      key: 'city',
      type: 'text',
      label: text('City', '城市'),
      required: true,
      indexed: true,
      maxLength: 50,
    },
    {
      id: 'f_branch_region',
      key: 'region',
      type: 'singleSelect',
      label: text('Region', '区域'),
      required: true,
      indexed: true,
      options: REGION_OPTIONS,
    },
    {
      id: 'f_branch_latitude',
      key: 'latitude',
      type: 'decimal',
      label: text('Latitude', '纬度'),
      min: -90,
      max: 90,
      precision: 9,
      scale: 6,
    },
    {
      id: 'f_branch_longitude',
      key: 'longitude',
      type: 'decimal',
      label: text('Longitude', '经度'),
      min: -180,
      max: 180,
      precision: 9,
      scale: 6,
    },
  ],
};
