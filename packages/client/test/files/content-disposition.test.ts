import { expect, test } from 'vitest';
import { fileNameFromContentDisposition } from '../../src/index.js';

test.each([
  ['attachment; filename="report.xlsx"', 'report.xlsx'],
  ['attachment; filename=report.xlsx', 'report.xlsx'],
  ['inline; FILENAME="a.png"', 'a.png'],
  ['attachment; filename="quo\\"ted;semi.txt"', 'quo"ted;semi.txt'],
  ["attachment; filename*=UTF-8''%E5%B7%A5%E5%8D%95%20%E5%AF%BC%E5%87%BA.xlsx", '工单 导出.xlsx'],
  ["attachment; filename*=utf-8'zh-CN'%E5%B7%A5%E5%8D%95.csv", '工单.csv'],
  ["attachment; filename*=ISO-8859-1'en'%A3%20rates.txt", '£ rates.txt'],
  // filename* wins whichever comes first; RFC 6266 section 4.3.
  [`attachment; filename="fallback.xlsx"; filename*=UTF-8''%E2%82%AC.xlsx`, '€.xlsx'],
  [`attachment; filename*=UTF-8''%E2%82%AC.xlsx; filename="fallback.xlsx"`, '€.xlsx'],
  // A broken filename* falls back to filename.
  [`attachment; filename*=UTF-8''%E2%82.xlsx; filename="fallback.xlsx"`, 'fallback.xlsx'],
  [`attachment; filename*=KOI8-R''%C1.txt; filename="fallback.txt"`, 'fallback.txt'],
  // A name is not a path.
  ['attachment; filename="../../etc/passwd"', 'passwd'],
  ['attachment; filename="C:\\\\temp\\\\x.txt"', 'x.txt'],
])('%s -> %s', (header, expected) => {
  expect(fileNameFromContentDisposition(header)).toBe(expected);
});

test.each([null, undefined, '', 'attachment', 'inline; size=10', 'attachment; filename=""'])('%o gives no name', (header) => {
  expect(fileNameFromContentDisposition(header)).toBeUndefined();
});
