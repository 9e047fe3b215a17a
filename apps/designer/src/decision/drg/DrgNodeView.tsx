import { Handle, Position, type NodeProps } from '@xyflow/react';
import { NODE_SIZES, SOURCE_HANDLE, TARGET_HANDLE, type DrgCanvasNode, type DrgServiceNode } from './drg-canvas.js';

/** A name as the node writes it: a long camel-cased one (`CustomerRiskTolerance`) may wrap between its words. */
export function softBreaks(name: string): string {
  return name.replace(/(\p{Ll})(\p{Lu})/gu, '$1\u200B$2');
}

/** How far a knowledge model's corners are clipped (DMN's business knowledge model shape). */
const CLIP = 14;

/** The element's outline, drawn in SVG so that the clipped corners have a border too. */
function Outline({ kind }: { kind: DrgCanvasNode['data']['element']['kind'] }) {
  const { width: w, height: h } = NODE_SIZES[kind];
  const inset = 1;
  let shape;
  if (kind === 'inputData') shape = <rect x={inset} y={inset} width={w - 2 * inset} height={h - 2 * inset} rx={(h - 2 * inset) / 2} />;
  else if (kind === 'businessKnowledgeModel') {
    const points = [[CLIP, inset], [w - inset, inset], [w - inset, h - CLIP], [w - CLIP, h - inset], [inset, h - inset], [inset, CLIP]];
    shape = <polygon points={points.map((p) => p.join(',')).join(' ')} />;
  } else shape = <rect x={inset} y={inset} width={w - 2 * inset} height={h - 2 * inset} rx={3} />;
  return (
    <svg className="drg-node__outline" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true" focusable="false">
      {shape}
    </svg>
  );
}

/**
 * An element of the requirements graph: its DMN shape, its kind and name. What a screen reader
 * says is the node's own label (set by the canvas), so the text here is hidden from it.
 */
export function DrgNodeView({ data, selected }: NodeProps<DrgCanvasNode>) {
  const { element } = data;
  return (
    <div className={`drg-node drg-node--${element.kind}${selected ? ' drg-node--selected' : ''}`} title={element.name} aria-hidden="true">
      <Outline kind={element.kind} />
      {element.kind !== 'inputData' && <Handle id={TARGET_HANDLE} type="target" position={Position.Bottom} />}
      <span className="drg-node__kind">{data.kindName}</span>
      <span className="drg-node__name">{softBreaks(element.name)}</span>
      <Handle id={SOURCE_HANDLE} type="source" position={Position.Top} />
    </div>
  );
}

/** A decision service: a rounded box named at its top, the output decisions above its line, the encapsulated ones below. */
export function DrgServiceView({ data, width, height }: NodeProps<DrgServiceNode>) {
  const w = width ?? 0;
  const h = height ?? 0;
  return (
    <div className="drg-service" title={data.name} aria-hidden="true">
      <svg className="drg-node__outline" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true" focusable="false">
        <rect x={1} y={1} width={Math.max(0, w - 2)} height={Math.max(0, h - 2)} rx={14} />
        {data.divider !== undefined && <line x1={1} x2={w - 1} y1={data.divider} y2={data.divider} />}
      </svg>
      <span className="drg-service__name">
        {data.kindName}: {softBreaks(data.name)}
      </span>
    </div>
  );
}
