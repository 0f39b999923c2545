import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { createCompilePolicy, useCompiledExecution } from './compiled-execution.js';

describe('createCompilePolicy', () => {
  it('compiles a document from its second run on', () => {
    const shouldCompile = createCompilePolicy({ charactersPerMinute: 10_000 });
    const document = parse('{ a }');
    expect([shouldCompile(document), shouldCompile(document), shouldCompile(document)]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('stops compiling new documents once the minute has spent its budget, and starts again the next', () => {
    let clock = 0;
    const shouldCompile = createCompilePolicy({ charactersPerMinute: 25, now: () => clock });
    const first = parse('{ first: a }'); // 12 characters
    const second = parse('{ second: a }'); // 13
    const third = parse('{ third: a }'); // 12
    for (const document of [first, second, third]) shouldCompile(document);
    expect([shouldCompile(first), shouldCompile(second), shouldCompile(third)]).toEqual([true, true, false]);
    // Compiled once, a document stays compiled whatever the budget.
    expect(shouldCompile(first)).toBe(true);
    clock = 60_000;
    expect(shouldCompile(third)).toBe(true);
  });

  it('never compiles a document without a location, whose length it cannot count', () => {
    const shouldCompile = createCompilePolicy({ charactersPerMinute: 10_000 });
    const document = parse('{ a }', { noLocation: true });
    shouldCompile(document);
    expect(shouldCompile(document)).toBe(false);
  });
});

describe('useCompiledExecution', () => {
  it('runs a document compiled from its second request on, through yoga', async () => {
    const compiled: boolean[] = [];
    // graphql-jit's results carry their own serialiser; graphql-js's do not.
    const recordExecutor: Plugin = {
      onExecute: () => ({
        onExecuteDone: ({ result }) => {
          compiled.push(typeof (result as { stringify?: unknown }).stringify === 'function');
        },
      }),
    };
    const yoga = createYoga({
      schema: createSchema({
        typeDefs: 'type Query { hello: String! }',
        resolvers: { Query: { hello: () => 'bonjour' } },
      }),
      plugins: [useCompiledExecution({ charactersPerMinute: 10_000 }), recordExecutor],
    });
    const ask = async (query: string) => {
      const response = await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return response.json();
    };
    const answers = [await ask('{ hello }'), await ask('{ hello }'), await ask('{ other: hello }')];
    expect(answers.map((answer) => answer.data)).toEqual([
      { hello: 'bonjour' },
      { hello: 'bonjour' },
      { other: 'bonjour' },
    ]);
    expect(compiled).toEqual([false, true, false]);
  });
});
