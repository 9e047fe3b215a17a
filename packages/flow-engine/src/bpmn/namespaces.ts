/** The XML namespaces of BPMN 2.0 documents (model, diagram interchange) and BankForge's extension. */
export const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
export const BPMNDI_NS = 'http://www.omg.org/spec/BPMN/20100524/DI';
export const DC_NS = 'http://www.omg.org/spec/DD/20100524/DC';
export const DI_NS = 'http://www.omg.org/spec/DD/20100524/DI';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';
/** BankForge's extension: node settings BPMN has no place for (assignees, modes, effects), as JSON. */
export const BANKFORGE_NS = 'https://bankforge.dev/schema/bpmn/1.0';
/** The expression language BankForge writes conditions in. */
export const FEEL_LANGUAGE = 'https://www.omg.org/spec/DMN/20191111/FEEL/';
