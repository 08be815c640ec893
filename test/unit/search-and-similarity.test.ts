import { describe, expect, it } from 'vitest';
import { ftsQuery, looksLikeRegistrationNo, registrationQuery, searchQuery } from '../../db/search';
import { DUPLICATE_THRESHOLD, similarity } from '../../forms/similarity';

describe('FTS query from what the officer types', () => {
  it('requires every word, each as a prefix, in the problem, description and reporter', () => {
    expect(ftsQuery('izin usa')).toBe('{problem content reporter} : ("izin"* "usa"*)');
  });
  it('cannot be broken by FTS syntax or quotes', () => {
    expect(ftsQuery('"a" OR b*')).toBe('{problem content reporter} : ("a"* "OR"* "b"*)');
    expect(ftsQuery('  ,.;  ')).toBeNull();
    expect(ftsQuery('ab"cd')).toBe('{problem content reporter} : ("ab"* "cd"*)');
    expect(registrationQuery('ADU/"2026')).toBe('registration : "ADU 2026"*');
  });
  it('tells what may be a registration number, or its tail, from words', () => {
    expect(looksLikeRegistrationNo('ADU/2026/000123')).toBe(true);
    expect(looksLikeRegistrationNo('000123')).toBe(true);
    expect(looksLikeRegistrationNo('izin usaha')).toBe(false);
    expect(looksLikeRegistrationNo('izin 2026')).toBe(false);
    expect(searchQuery('izin')).toBe(ftsQuery('izin'));
    expect(searchQuery('2026/000501')).toBe('({problem content reporter} : ("2026"* "000501"*)) OR (registration : "2026 000501"*)');
  });
});

describe('text similarity for the duplicate hint', () => {
  it('is 1 for the same text however it is written and low for different texts', () => {
    expect(similarity('Lampu jalan MATI!', 'lampu jalan mati')).toBe(1);
    expect(similarity('Website perizinan tidak bisa dibuka sejak Senin, mohon diperbaiki.', 'Website perizinan tidak bisa dibuka sejak Senin. Mohon diperbaiki!')).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(similarity('Website perizinan tidak bisa dibuka', 'Jalan desa rusak berat dan berlubang')).toBeLessThan(0.2);
    expect(similarity('', 'apa saja')).toBe(0);
  });
});
