/** Placeholder: the form designer. */
export default function FormDesigner() {
  return <main />;
}
