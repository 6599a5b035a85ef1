import { describe, expect, it } from 'vitest';
import { newOpeningDefaults } from '../../app/domain/opening-rules';
import { errorsOfStep, nextStep, OPENING_STEPS, stepMoveOf, stepOf, stepOfField, SUMMARY_STEP } from '../../app/domain/opening-steps';

describe('the steps of a new opening', () => {
  it('put every field of the form in exactly one step, the summary last and empty', () => {
    const fields = OPENING_STEPS.flatMap((step) => [...step.fields]);
    expect(new Set(fields).size).toBe(fields.length);
    expect(OPENING_STEPS[SUMMARY_STEP]!.fields).toEqual([]);
    expect(stepOfField('postcode')).toBe(1);
    expect(stepOfField('contactEmail')).toBe(3);
    expect(stepOfField('form')).toBe(0);
  });

  it('read the posted step and the pressed button, refusing what is not theirs', () => {
    expect(stepOf('3')).toBe(3);
    expect(stepOf('9')).toBe(0);
    expect(stepOf('x')).toBe(0);
    expect(stepMoveOf('next')).toEqual({ kind: 'next' });
    expect(stepMoveOf('goto-2')).toEqual({ kind: 'goto', step: 2 });
    expect(stepMoveOf('draft')).toEqual({ kind: 'save', publish: false });
    expect(stepMoveOf(null)).toEqual({ kind: 'save', publish: true });
  });

  const errors = { title: 'Skriv en titel.', postcode: 'Postnummeret findes ikke.', contactName: 'Skriv kontaktpersonens navn.' };

  it('stay on a step with problems and show only its own', () => {
    expect(nextStep(1, { kind: 'next' }, errors)).toEqual({ step: 1, errors: { postcode: 'Postnummeret findes ikke.' }, save: false });
    expect(errorsOfStep(errors, 2)).toEqual({});
  });

  it('move on when the step is fine, even while later steps are still empty', () => {
    expect(nextStep(2, { kind: 'next' }, errors)).toEqual({ step: 3, errors: {}, save: false });
    expect(nextStep(0, { kind: 'back' }, errors)).toEqual({ step: 0, errors: {}, save: false });
    expect(nextStep(SUMMARY_STEP, { kind: 'goto', step: 1 }, errors)).toEqual({ step: 1, errors: {}, save: false });
  });

  it('save only without problems; otherwise go to the first step that has one', () => {
    expect(nextStep(SUMMARY_STEP, { kind: 'save', publish: true }, errors)).toEqual({ step: 0, errors: { title: 'Skriv en titel.' }, save: false });
    expect(nextStep(SUMMARY_STEP, { kind: 'save', publish: true }, {})).toEqual({ step: SUMMARY_STEP, errors: {}, save: true });
  });
});

describe('a new opening is filled in from the company', () => {
  const company = { postcode: '8000', phone: '86 12 34 56', email: 'kontakt@bageri.test' };

  it('with the postcode and the person posting, with the company phone', () => {
    expect(newOpeningDefaults({ company, latestContact: null, poster: { name: 'Birgitte Holm', email: 'birgitte@bageri.test' } })).toEqual({
      postcode: '8000',
      contactName: 'Birgitte Holm',
      contactRole: '',
      contactPhone: '86 12 34 56',
      contactEmail: 'birgitte@bageri.test',
    });
  });

  it('with the contact person of its latest opening when there is one', () => {
    const latestContact = { contactName: 'Per Lund', contactRole: 'Lagerchef', contactPhone: '20 30 40 50', contactEmail: 'per@bageri.test' };
    expect(newOpeningDefaults({ company, latestContact, poster: null })).toEqual({ postcode: '8000', ...latestContact });
  });

  it('for a consultant (no poster) with the company e-mail', () => {
    expect(newOpeningDefaults({ company, latestContact: null, poster: null }).contactEmail).toBe('kontakt@bageri.test');
  });
});
