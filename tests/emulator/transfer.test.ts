import * as vm from 'node:vm';
import {
  argumentsToTransferable,
  isClientCallable,
  TransferError,
  toTransferable,
} from '../../emulator/bridge/transfer';

// Docs: https://developers.google.com/apps-script/guides/html/communication#parameters_and_return_values
describe('google.script.run transfer rules', () => {
  test('primitives, null, plain objects and arrays pass as deep copies', () => {
    const value = { a: 1, b: 'x', c: [true, null, { d: 2 }] };
    const copy = toTransferable(value);
    expect(copy).toEqual(value);
    expect(copy).not.toBe(value);
  });

  test.each([
    ['a Date', new Date(0)],
    ['a function', () => 1],
    ['a Map', new Map()],
    ['a class instance', new (class Thing {})()],
    ['a symbol', Symbol('s')],
    ['a bigint', BigInt(1)],
  ])('%s anywhere fails the call', (_label, bad) => {
    expect(() => toTransferable(bad)).toThrow(TransferError);
    expect(() => toTransferable({ nested: [1, { deep: bad }] })).toThrow(
      'Failed due to illegal value in property: deep',
    );
  });

  test('undefined inside an array becomes null; an undefined field is dropped', () => {
    expect(toTransferable([1, undefined, 3])).toEqual([1, null, 3]);
    expect(toTransferable({ a: undefined, b: 1 })).toEqual({ b: 1 });
  });

  test('a circular reference fails', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toTransferable(cyclic)).toThrow(TransferError);
  });

  test('a shared (non-circular) object is fine', () => {
    const shared = { x: 1 };
    expect(toTransferable([shared, shared])).toEqual([{ x: 1 }, { x: 1 }]);
  });

  test('arguments are checked by position', () => {
    expect(() => argumentsToTransferable(['ok', new Date()])).toThrow(
      'Failed due to illegal value in property: 1',
    );
  });

  test('functions ending in _ are private to the server', () => {
    expect(isClientCallable('getAboutInfo')).toBe(true);
    expect(isClientCallable('secret_')).toBe(false);
    expect(isClientCallable('constructor.prototype')).toBe(false);
  });
});

test('objects and arrays built in another realm (the script vm context) count as plain', () => {
  const fromScript = vm.runInNewContext('({ list: [1, { a: 2 }], when: null })');
  expect(toTransferable(fromScript)).toEqual({ list: [1, { a: 2 }], when: null });
  const dateFromScript = vm.runInNewContext('({ when: new Date(0) })');
  expect(() => toTransferable(dateFromScript)).toThrow('illegal value in property: when');
});
