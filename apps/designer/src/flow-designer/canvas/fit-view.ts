/**
 * How "zoom to fit" frames the flow: never so small that the steps' names cannot be read (a long
 * flow is then panned, or seen whole in the minimap), with a little room around it.
 */
export const FIT_VIEW = { minZoom: 0.6, padding: 0.1, duration: 200 } as const;
