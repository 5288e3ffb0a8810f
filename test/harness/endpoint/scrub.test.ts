import { describe, expect, it } from 'vitest';
import { registerSecret, scrubSecrets } from '../../../harness/endpoint/scrub.ts';
import { apiKeyFor } from '../../../harness/config/load.ts';
import { withoutCredentials } from '../../../harness/run/run-dir.ts';

describe('scrubSecrets', () => {
  it('cuts out a key of any shape once it is known, e.g. echoed back in a 401 message', () => {
    const key = 'AIzaSyTESTKEYabc123def456';
    const message = `401 API key not valid: ${key}. Please pass a valid API key.`;
    expect(scrubSecrets(message)).toContain(key); // no pattern knows this shape
    apiKeyFor('PARITY_SCRUB_TEST_KEY', 'c.yaml: model', { PARITY_SCRUB_TEST_KEY: key });
    expect(scrubSecrets(message)).toBe('401 API key not valid: [redacted]. Please pass a valid API key.');
  });
  it('still masks key-shaped strings it was not told about', () => {
    expect(scrubSecrets('Incorrect API key provided: sk-proj-abcdef123456')).not.toMatch(/abcdef123456/);
    expect(scrubSecrets('Authorization: Bearer hf_abcdefghijkl')).not.toMatch(/hf_abcdefghijkl/);
  });
  it('ignores values too short to be keys', () => {
    registerSecret('abc');
    expect(scrubSecrets('abc abc')).toBe('abc abc');
  });
});

describe('withoutCredentials', () => {
  it('drops user:password from an endpoint URL kept in spec.json', () => {
    expect(withoutCredentials('http://user:s3cret@host:8000/v1')).toBe('http://host:8000/v1');
    expect(withoutCredentials('https://api.example.com/v1')).toBe('https://api.example.com/v1');
  });
});
