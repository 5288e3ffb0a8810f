// load -> request -> score -> aggregate on the fixture, with canned answers whose numbers were computed by hand.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSuite } from '../../../harness/suite-runtime.ts';
import type { Completion, Metric, ScoredSample } from '../../../harness/suite.ts';
import { suite, type SuperGpqaOptions } from '../../../suites/supergpqa/index.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/supergpqa');

// uuid -> [response, verdict under the official extractor]
const CANNED: Record<string, [string, string]> = {
  '3f0c6a1e9b2d4c57a8e1f0b2c3d4e5f6': ['For an ideal gas the internal energy depends only on temperature.\nAnswer: C', 'correct'],
  '7a9d2b4c6e8f0a1b3c5d7e9f1a2b3c4d': ['Efficiency is 1 - 300/600 = 0.5, so W = 600 J.\nanswer: j', 'incorrect'],
  b1c2d3e4f5a60718293a4b5c6d7e8f90: ['1024 = 146 * 7 + 2. The answer is (A).', 'correct'],
  c0ffee00112233445566778899aabbcc: ['Light reflected from both surfaces of the film interferes.\nI think the colours come from that.', 'incorrect'],
  d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9: ['Comparing inertia with viscosity, the answer is Reynolds number.', 'correct'],
  e1f2a3b4c5d6e7f8091a2b3c4d5e6f70: ['R = 10 * 10 / (10 + 10) = 5 ohm.\n\n**Answer: F**', 'correct'],
  f0e1d2c3b4a5968778695a4b3c2d1e0f: ['Not sure about this one.', 'miss'],
  '0a1b2c3d4e5f60718293a4b5c6d7e8f9': ['Egyptian farming depended on the annual flood.\nAnswer: $\\boxed{G}$', 'correct'],
  '1b2c3d4e5f60718293a4b5c6d7e8f90a': ['Marathon was fought in 490 BCE.\nAnswer: B', 'incorrect'],
  '2c3d4e5f60718293a4b5c6d7e8f90a1b': ['Voltage-gated sodium channels open first.\nAnswer: H\n\nI hope this helps.', 'incorrect'],
  '3d4e5f60718293a4b5c6d7e8f90a1b2c': ['The correct option is I.', 'correct'],
  '4e5f60718293a4b5c6d7e8f90a1b2c3d': ['', 'miss'],
};

function completion(content: string): Completion {
  return { content, reasoning: null, finish_reason: 'stop', truncated: false, truncated_in_thinking: false, usage: null };
}

async function run(options: SuperGpqaOptions): Promise<{ samples: ScoredSample[]; metrics: Metric[] }> {
  const files = { paths: { train: join(FIXTURES, 'questions.jsonl') }, origin: 'local' as const, revision: 'local', sha256: {} };
  const session = await suite.setup(options, { unsafeLocalExec: false, model: { name: 'm', id: 'm' }, judge: null, runDir: '' });
  const samples: ScoredSample[] = [];
  for await (const item of suite.load(files, options)) {
    const request = suite.request(item, options);
    expect(request.kind).toBe(options.prompt === 'five-shot' ? 'completion' : 'chat');
    const response = CANNED[suite.itemId(item)]?.[0] ?? 'unexpected item';
    const ctx = { judge: null, signal: new AbortController().signal, options, session: session.value };
    const score = await suite.score(item, completion(response), ctx);
    samples.push({ item_id: suite.itemId(item), sample_index: 0, score });
  }
  await session.close();
  return { samples, metrics: suite.aggregate(samples, { options, samplesPerItem: 1 }) };
}

function metric(metrics: Metric[], evaluation_name: string, metric_id: string): Metric {
  const found = metrics.find((m) => m.evaluation_name === evaluation_name && m.metric_id === metric_id);
  if (!found) throw new Error(`no metric ${evaluation_name} ${metric_id}`);
  return found;
}

describe('SuperGPQA end to end on the fixture (official extractor)', async () => {
  const options = suite.optionsSchema.parse({});
  const { samples, metrics } = await run(options);

  it('uses zero-shot and the official extractor by default', () => {
    expect(options).toEqual({ prompt: 'zero-shot', extractor: 'official' });
    expect(suite.defaults).toEqual({ samples: 1, generation: { temperature: 0, max_tokens: 4096 } });
  });

  it('classifies every sample as correct, incorrect or miss', () => {
    expect(Object.fromEntries(samples.map((s) => [s.item_id, s.score.verdict]))).toEqual(
      Object.fromEntries(Object.entries(CANNED).map(([uuid, [, verdict]]) => [uuid, verdict])),
    );
    expect(samples.find((s) => s.item_id === '7a9d2b4c6e8f0a1b3c5d7e9f1a2b3c4d')?.score.extracted).toBe('j');
    expect(samples.find((s) => s.item_id === 'd4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9')?.score.details).toEqual({ via: 'content' });
  });

  it('reports 6/12 correct as the headline, with binomial SE and normal 95% CI', () => {
    const headline = metrics.filter((m) => m.headline);
    expect(headline).toHaveLength(1);
    const m = metric(metrics, 'supergpqa', 'accuracy');
    expect(m.headline).toBe(true);
    expect(m.value).toBeCloseTo(50, 10);
    // sd of six 1s and six 0s (n - 1) / sqrt(12) = sqrt(1/44)
    expect(m.uncertainty?.standard_error?.value).toBeCloseTo(15.0755672, 6);
    expect(m.uncertainty?.confidence_interval?.lower).toBeCloseTo(20.4524, 3);
    expect(m.uncertainty?.confidence_interval?.upper).toBeCloseTo(79.5476, 3);
    expect(m.uncertainty?.num_samples).toBe(12);
  });

  it('breaks accuracy down by difficulty and discipline', () => {
    expect(metric(metrics, 'supergpqa/difficulty=easy', 'accuracy').value).toBeCloseTo(100, 10);
    expect(metric(metrics, 'supergpqa/difficulty=middle', 'accuracy').value).toBeCloseTo(25, 10);
    expect(metric(metrics, 'supergpqa/difficulty=hard', 'accuracy').value).toBeCloseTo(25, 10);
    expect(metric(metrics, 'supergpqa/discipline=Science', 'accuracy').value).toBeCloseTo(50, 10);
    expect(metric(metrics, 'supergpqa/discipline=Engineering', 'accuracy').value).toBeCloseTo(200 / 3, 10);
    expect(metric(metrics, 'supergpqa/discipline=History', 'accuracy').value).toBeCloseTo(50, 10);
    expect(metric(metrics, 'supergpqa/discipline=Medicine', 'accuracy').value).toBeCloseTo(50, 10);
    expect(metric(metrics, 'supergpqa/discipline=Law', 'accuracy').value).toBeCloseTo(0, 10);
    expect(metrics.filter((m) => !m.headline).every((m) => m.evaluation_name.startsWith('supergpqa'))).toBe(true);
  });

  it('macro-averages over subfields, fields and disciplines, and reports the miss rate', () => {
    // subfields: Thermodynamics 1/2, Number Theory 1, Optics 0, Fluid Mechanics 1, Circuits 1/2,
    // Ancient History 1/2, Physiology 0, Cardiology 1, Contract Law 0 -> 4.5 / 9
    expect(metric(metrics, 'supergpqa', 'accuracy_macro_subfield').value).toBeCloseTo(50, 10);
    // fields: Physics 1/3, Mathematics 1, Mechanical 1, Electrical 1/2, World History 1/2, Basic Med 0,
    // Clinical Med 1, Civil Law 0 -> (13/3) / 8
    expect(metric(metrics, 'supergpqa', 'accuracy_macro_field').value).toBeCloseTo(1300 / 24, 10);
    // disciplines: 1/2, 2/3, 1/2, 1/2, 0 -> (13/6) / 5
    expect(metric(metrics, 'supergpqa', 'accuracy_macro_discipline').value).toBeCloseTo(1300 / 30, 10);
    const miss = metric(metrics, 'supergpqa', 'miss_rate');
    expect(miss.value).toBeCloseTo(100 / 6, 10);
    expect(miss.lower_is_better).toBe(true);
  });

  it('records a faithful protocol', () => {
    const protocol = suite.protocol(options);
    expect(protocol.extractor).toBe('supergpqa.official-v1');
    expect(protocol.deviations).toEqual([]);
    expect(protocol.prompt_template_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('SuperGPQA with extractor: lenient', async () => {
  const options = suite.optionsSchema.parse({ extractor: 'lenient' });
  const { metrics } = await run(options);

  it('upper-cases "answer: j", so 7/12 are correct', () => {
    expect(metric(metrics, 'supergpqa', 'accuracy').value).toBeCloseTo(700 / 12, 10);
  });

  it('is named as a deviation', () => {
    expect(suite.protocol(options)).toMatchObject({ extractor: 'supergpqa.lenient-v1', deviations: ['extractor: lenient'] });
  });
});

describe('SuperGPQA options', () => {
  it('accepts five-shot and rejects unknown keys', async () => {
    expect(suite.optionsSchema.parse({ prompt: 'five-shot' })).toEqual({ prompt: 'five-shot', extractor: 'official' });
    expect(suite.optionsSchema.safeParse({ shots: 5 }).success).toBe(false);
    expect(suite.optionsSchema.safeParse({ prompt: 'three-shot' }).success).toBe(false);
    expect(suite.protocol(suite.optionsSchema.parse({ prompt: 'five-shot' })).prompt_template_hash).not.toBe(
      suite.protocol(suite.optionsSchema.parse({})).prompt_template_hash,
    );
  });

  it('plugs into the suite runtime: options validated, five-shot items prepared as completions', async () => {
    const definition = defineSuite(suite);
    expect(definition.configure({ shots: 5 }).ok).toBe(false);
    const configured = definition.configure({ prompt: 'five-shot' });
    if (!configured.ok) throw new Error(configured.error);
    const active = await configured.instance.start({ unsafeLocalExec: false, model: { name: 'm', id: 'm' }, judge: null, runDir: '' }, 1);
    const files = { paths: { train: join(FIXTURES, 'questions.jsonl') }, origin: 'local' as const, revision: 'local', sha256: {} };
    const verdicts: string[] = [];
    for await (const prepared of active.items(files)) {
      expect(prepared.request.kind).toBe('completion');
      const answer = prepared.simulate?.(true) ?? '';
      // a base model runs on into a new question; five-shot reads only the part before it
      const score = await prepared.score(completion(`${answer}\n\nQuestion: next\nAnswer: A`), { judge: null, signal: new AbortController().signal });
      verdicts.push(score.verdict);
      expect(score.extracted).toBe(prepared.reference);
    }
    await active.close();
    expect(verdicts).toEqual(Array.from({ length: 12 }, () => 'correct'));
  });

  it('simulates answers the official extractor scores as intended', async () => {
    const options = suite.optionsSchema.parse({});
    const files = { paths: { train: join(FIXTURES, 'questions.jsonl') }, origin: 'local' as const, revision: 'local', sha256: {} };
    const ctx = { judge: null, signal: new AbortController().signal, options, session: null };
    for await (const item of suite.load(files, options)) {
      for (const correct of [true, false]) {
        const text = suite.simulate?.(item, correct, options) ?? '';
        const score = await suite.score(item, completion(text), ctx);
        expect(score.verdict).toBe(correct ? 'correct' : 'incorrect');
      }
    }
  });
});
