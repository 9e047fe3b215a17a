/** Placeholder: the list of artifacts with draft/published state arrives with the shell. */
export function ArtifactList() {
  return <main />;
}
