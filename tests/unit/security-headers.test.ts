import { describe, expect, it } from 'vitest';
import { mustNotBeStored, PERMISSIONS_POLICY, strictTransportSecurity } from '../../app/auth/security-headers.server';

describe('mustNotBeStored', () => {
  it.each([
    '/invitation/abc123',
    '/ny-adgangskode/abc123',
    '/velkommen/abc123',
    '/Velkommen/abc123',
    '/virksomhed/bekraeft/abc123',
    '/login/mitid/svar?code=abc&state=def',
    '/virksomhed/opret/mitid',
    '/api/v1/openings',
    '/api/v1/openings/1b9d/close',
    '/api/v1/openapi.json',
    '/borger/../velkommen/abc123',
  ])('holds for %s', (url) => {
    expect(mustNotBeStored(url)).toBe(true);
  });

  it.each(['/', '/login', '/virksomhed/opret', '/jobs', '/assets/app.js', '/api/../jobs', 'http://localhost/velkommen/x'])('is left to the page for %s', (url) => {
    expect(mustNotBeStored(url)).toBe(false);
  });
});

describe('PERMISSIONS_POLICY', () => {
  it('denies the powers the portal never uses', () => {
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'interest-cohort', 'browsing-topics']) {
      expect(PERMISSIONS_POLICY).toContain(`${feature}=()`);
    }
    expect(PERMISSIONS_POLICY).toMatch(/^[a-z-]+=\(\)(, [a-z-]+=\(\))*$/);
  });
});

describe('strictTransportSecurity', () => {
  it('is sent over https only', () => {
    expect(strictTransportSecurity({ secure: true })).toBe('max-age=31536000; includeSubDomains');
    expect(strictTransportSecurity({ secure: false })).toBeNull();
  });
});
