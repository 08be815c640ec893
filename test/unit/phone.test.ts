import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from '../../forms/phone';

describe('phone numbers as people write them', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['62812-3456-7890', '+6281234567890'],
    ['(0401) 312-345', '+62401312345'],
    ['0812.3456.789', '+628123456789'],
  ])('%s → %s', (raw, e164) => {
    expect(normalizePhone(raw)).toBe(e164);
  });

  it.each(['12345', 'abc', '+1 415 555 0100', '0812', '08123456789012345', '00812345678'])('refuses %s', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });

  it('writes a mobile number back the office way', () => {
    expect(formatPhone('+6281234567890')).toBe('0812-3456-7890');
  });
});
