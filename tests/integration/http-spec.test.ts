import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { serverAudits } from 'graphql-http';
import '../helpers/test-env.js';

/** GraphQL over HTTP, as the spec says: every audit of graphql-http against the running app. */
describe('GraphQL over HTTP audits', () => {
  const url = `${inject('appUrl')}/graphql`;
  for (const audit of serverAudits({ url })) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
    });
  }
});

describe('service endpoints', () => {
  it('reports health and readiness', async () => {
    const base = inject('appUrl');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
  });

  it('serves GraphiQL to a browser at /graphql', async () => {
    const response = await fetch(`${inject('appUrl')}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect((await response.text()).toLowerCase()).toContain('graphiql');
  });

  it('serves the page at /', async () => {
    const response = await fetch(inject('appUrl'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
  });
});
