// The runtime app has not been built yet; it arrives with its own issue.
export {};
