import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DaysTimeDuration, FeelContext, FeelDecimal, YearsMonthsDuration } from '../feel/values/feel-value.js';
import { parseTemporal } from '../dmn/feel-bridge.js';
import { parseXml } from '../dmn/xml/xml.js';
import { formatTckResults, runTckFolder } from './runner.js';
import { readTckValue, tckEquals, type TypeHint } from './values.js';
import { parseType } from '../feel/values/types.js';

const MODEL = `<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" namespace="urn:t" name="t">
  <inputData id="i_a" name="A"><variable name="A" typeRef="number"/></inputData>
  <inputData id="i_d" name="Day"><variable name="Day" typeRef="date"/></inputData>
  <decision id="d_twice" name="Twice"><variable name="Twice" typeRef="number"/>
    <informationRequirement><requiredInput href="#i_a"/></informationRequirement>
    <literalExpression><text>A * 2</text></literalExpression></decision>
  <decision id="d_next" name="Next"><variable name="Next" typeRef="date"/>
    <informationRequirement><requiredInput href="#i_d"/></informationRequirement>
    <literalExpression><text>Day + duration("P1D")</text></literalExpression></decision>
  <decision id="d_both" name="Both">
    <informationRequirement><requiredDecision href="#d_twice"/></informationRequirement>
    <literalExpression><text>{twice: Twice, list: [Twice, null]}</text></literalExpression></decision>
  <decision id="d_err" name="Err"><literalExpression><text>1 / 0</text></literalExpression></decision>
  <decisionService id="s" name="Service"><outputDecision href="#d_twice"/><inputData href="#i_a"/></decisionService>
</definitions>`;

const TESTS = `<tc:testCases xmlns:tc="http://www.omg.org/spec/DMN/20160719/testcase" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <tc:modelName>m.dmn</tc:modelName>
  <tc:testCase id="001">
    <tc:inputNode name="A"><tc:value xsi:type="xsd:decimal">2.5</tc:value></tc:inputNode>
    <tc:resultNode name="Twice"><tc:expected><tc:value xsi:type="xsd:decimal">5.000000000001</tc:value></tc:expected></tc:resultNode>
    <tc:resultNode name="Both"><tc:expected>
      <tc:component name="twice"><tc:value xsi:type="xsd:decimal">5</tc:value></tc:component>
      <tc:component name="list"><tc:list><tc:item><tc:value xsi:type="xsd:decimal">5</tc:value></tc:item><tc:item><tc:value xsi:nil="true"/></tc:item></tc:list></tc:component>
    </tc:expected></tc:resultNode>
  </tc:testCase>
  <!-- <tc:testCase id="commented"><tc:resultNode name="Twice"/></tc:testCase> -->
  <tc:testCase id="002">
    <tc:inputNode name="Day"><tc:value xsi:type="xsd:string">2024-02-28</tc:value></tc:inputNode>
    <tc:resultNode name="Next"><tc:expected><tc:value xsi:type="xsd:date">2024-02-29</tc:value></tc:expected></tc:resultNode>
  </tc:testCase>
  <tc:testCase id="003">
    <tc:resultNode name="Err" errorResult="true"><tc:expected><tc:value xsi:nil="true"/></tc:expected></tc:resultNode>
  </tc:testCase>
  <tc:testCase id="004" type="decisionService" invocableName="Service">
    <tc:inputNode name="A"><tc:value xsi:type="xsd:decimal">4</tc:value></tc:inputNode>
    <tc:resultNode name="Twice"><tc:expected><tc:value xsi:type="xsd:decimal">8</tc:value></tc:expected></tc:resultNode>
  </tc:testCase>
  <tc:testCase id="005">
    <tc:inputNode name="A"><tc:value xsi:type="xsd:decimal">1</tc:value></tc:inputNode>
    <tc:resultNode name="Twice"><tc:expected><tc:value xsi:type="xsd:decimal">3</tc:value></tc:expected></tc:resultNode>
  </tc:testCase>
</tc:testCases>`;

describe('TCK runner', () => {
  it('runs a folder: prefixed test namespace, comments skipped, services, error results, failures reported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tck-'));
    mkdirSync(join(dir, 'case-1'));
    writeFileSync(join(dir, 'case-1', 'm.dmn'), MODEL);
    writeFileSync(join(dir, 'case-1', 'case-1-test-01.xml'), TESTS);
    const results = runTckFolder(dir);
    expect(results.folders.map((f) => f.folder)).toEqual(['case-1']);
    expect(results.folders[0]?.cases.map((c) => [c.id, c.passed])).toEqual([
      ['001', true],
      ['002', true],
      ['003', true],
      ['004', true],
      ['005', false],
    ]);
    const report = formatTckResults(results);
    expect(report).toContain('Twice: expected 3, got 2');
    expect(report.split('\n').at(-1)).toBe('4 passed, 1 failed');
  });
});

describe('TCK values', () => {
  const read = (xml: string, hint?: TypeHint) =>
    readTckValue(
      parseXml(
        `<expected xmlns="http://www.omg.org/spec/DMN/20160719/testcase" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">${xml}</expected>`,
      ),
      hint,
    );

  it('reads an untyped value by the declared type, down lists and contexts', () => {
    const named = new Map([['tItem', parseType('context<name: string, price: number, due: date>')!]]);
    const items = read(
      '<list><item><component name="name"><value>25</value></component><component name="price"><value>1.5</value></component><component name="due"><value>2024-01-31</value></component></item></list>',
      { type: parseType('list<tItem>')!, named },
    ) as FeelContext[];
    expect(items[0]?.get('name')).toBe('25');
    expect(items[0]?.get('price')).toEqual(new FeelDecimal('1.5'));
    expect(items[0]?.get('due')).toEqual(parseTemporal('date', '2024-01-31'));
    expect(read('<value>false</value>', { type: parseType('boolean')!, named })).toBe(false);
    // Without a declared type, an untyped value stays text.
    expect(read('<value>25</value>')).toBe('25');
  });

  it('reads typed values, nil, contexts and lists; strings literally', () => {
    expect(read('<value xsi:type="xsd:string"> "a" </value>')).toBe(' "a" ');
    expect(read('<value xsi:nil="true"/>')).toBeNull();
    expect(read('<value xsi:type="xsd:boolean">false</value>')).toBe(false);
    expect(read('<value xsi:type="xsd:duration">P1Y</value>')).toBeInstanceOf(YearsMonthsDuration);
    expect(read('<value xsi:type="xsd:duration">P1D</value>')).toBeInstanceOf(DaysTimeDuration);
    const ctx = read('<component name="a"><list><item><component name="b"><value xsi:type="xsd:decimal">1</value></component></item></list></component>');
    expect(ctx).toBeInstanceOf(FeelContext);
  });

  it('compares numbers within 1e-8, temporals semantically, structures exactly', () => {
    expect(tckEquals(new FeelDecimal('1'), new FeelDecimal('1.000000001'))).toBe(true);
    expect(tckEquals(new FeelDecimal('1'), new FeelDecimal('1.0001'))).toBe(false);
    expect(tckEquals(new DaysTimeDuration(new FeelDecimal(0)), new YearsMonthsDuration(0))).toBe(true);
    expect(tckEquals(parseTemporal('time', '10:00:00Z'), parseTemporal('time', '10:00:00+00:00'))).toBe(true);
    expect(tckEquals(['a'], ['a', 'b'])).toBe(false);
    expect(tckEquals(new FeelContext([['a', 'x']]), new FeelContext([['a', 'x'], ['b', null]]))).toBe(false);
    expect(tckEquals(null, 'x')).toBe(false);
  });
});

describe('TCK runner: now() and today()', () => {
  const CLOCK_MODEL = `<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" namespace="urn:c" name="c">
  <decision id="d_now" name="Now"><literalExpression><text>now()</text></literalExpression></decision>
  <decision id="d_today" name="Today"><literalExpression><text>today()</text></literalExpression></decision>
  <decision id="d_same" name="Same"><literalExpression><text>today() = date(now()) and now() instance of date and time</text></literalExpression></decision>
</definitions>`;
  const CLOCK_TESTS = `<testCases xmlns="http://www.omg.org/spec/DMN/20160719/testcase" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <modelName>c.dmn</modelName>
  <testCase id="001">
    <resultNode name="Now"><expected><value xsi:type="xsd:dateTime">2024-05-06T07:08:09Z</value></expected></resultNode>
    <resultNode name="Today"><expected><value xsi:type="xsd:date">2024-05-06</value></expected></resultNode>
  </testCase>
  <testCase id="002">
    <resultNode name="Same"><expected><value xsi:type="xsd:boolean">true</value></expected></resultNode>
  </testCase>
</testCases>`;

  it('passes the host clock, or the instant given, to every evaluation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tck-clock-'));
    writeFileSync(join(dir, 'c.dmn'), CLOCK_MODEL);
    writeFileSync(join(dir, 'c-test-01.xml'), CLOCK_TESTS);
    const fixed = runTckFolder(dir, { now: parseTemporal('dateTime', '2024-05-06T07:08:09Z') as never });
    expect(fixed.folders[0]?.cases.map((c) => [c.id, c.passed])).toEqual([
      ['001', true],
      ['002', true],
    ]);
    // Without an instant the runner reads the clock: the fixed expectations fail, the relation holds.
    const live = runTckFolder(dir);
    expect(live.folders[0]?.cases.map((c) => [c.id, c.passed])).toEqual([
      ['001', false],
      ['002', true],
    ]);
  });
});

describe('TCK runner: inputs of nested imports', () => {
  const NS = 'https://www.omg.org/spec/DMN/20230324/MODEL/';
  const inner = `<definitions xmlns="${NS}" namespace="urn:inner" name="Inner">
  <inputData id="i_name" name="Name"><variable name="Name" typeRef="string"/></inputData>
</definitions>`;
  const middle = `<definitions xmlns="${NS}" namespace="urn:middle" name="Middle">
  <import name="inner" namespace="urn:inner" importType="${NS}"/>
  <decision id="d_hi" name="Hi"><variable name="Hi" typeRef="string"/>
    <informationRequirement><requiredInput href="urn:inner#i_name"/></informationRequirement>
    <literalExpression><text>"Hi " + inner.Name</text></literalExpression></decision>
</definitions>`;
  const main = `<definitions xmlns="${NS}" namespace="urn:main" name="Main">
  <import name="middle" namespace="urn:middle" importType="${NS}"/>
  <decision id="d_out" name="Out"><variable name="Out" typeRef="string"/>
    <informationRequirement><requiredDecision href="urn:middle#d_hi"/></informationRequirement>
    <literalExpression><text>middle.Hi + "!"</text></literalExpression></decision>
</definitions>`;
  const tests = `<testCases xmlns="http://www.omg.org/spec/DMN/20160719/testcase" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <modelName>main.dmn</modelName>
  <testCase id="001">
    <inputNode name="Name" namespace="urn:inner"><value xsi:type="xsd:string" xmlns:xsd="http://www.w3.org/2001/XMLSchema">Ann</value></inputNode>
    <resultNode name="Out"><expected><value xsi:type="xsd:string" xmlns:xsd="http://www.w3.org/2001/XMLSchema">Hi Ann!</value></expected></resultNode>
    <resultNode name="Hi" namespace="urn:middle"><expected><value xsi:type="xsd:string" xmlns:xsd="http://www.w3.org/2001/XMLSchema">Hi Ann</value></expected></resultNode>
  </testCase>
</testCases>`;

  it('gives an inner model\'s input under the prefix its elements take', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tck-nested-'));
    writeFileSync(join(dir, 'inner.dmn'), inner);
    writeFileSync(join(dir, 'middle.dmn'), middle);
    writeFileSync(join(dir, 'main.dmn'), main);
    writeFileSync(join(dir, 'main-test-01.xml'), tests);
    const results = runTckFolder(dir);
    expect(formatTckResults(results).split('\n').at(-1)).toBe('1 passed, 0 failed');
  });
});
