/** Placeholder: the data-model designer. */
export default function EntityDesigner() {
  return <main />;
}
