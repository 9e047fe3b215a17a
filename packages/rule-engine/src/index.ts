// Intentionally empty: this engine is built by its own issue. Nothing here pretends to work yet.
export {};
