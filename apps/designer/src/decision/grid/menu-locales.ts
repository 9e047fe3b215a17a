/** The grid's context menu (namespace `decisionDesigner`, under `gridMenu`); its commands reuse the toolbars' words. */
export const gridMenuMessages = {
  en: {
    gridMenu: {
      label: 'Actions on rule {{rule}}',
      headerLabel: 'Actions on column {{column}}',
      help: 'Right-click a cell, or press Shift+F10 or the Menu key, for the rule and column actions.',
    },
  },
  'zh-CN': {
    gridMenu: {
      label: '规则 {{rule}} 的操作',
      headerLabel: '列 {{column}} 的操作',
      help: '右键单击单元格，或按 Shift+F10 或菜单键，可打开规则和列的操作。',
    },
  },
};
