export { fakeApi, problem, sequence, type FakeHandler, type FakeResponse, type RecordedRequest } from './fake-api.js';
export { renderPage } from './render.js';
export { messageProblems } from './message-problems.js';
