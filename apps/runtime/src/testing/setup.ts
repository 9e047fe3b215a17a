import { configure } from '@testing-library/react';

// Two cores are shared by many test runs: give the page a few seconds before a `findBy` gives up.
configure({ asyncUtilTimeout: 3000 });
