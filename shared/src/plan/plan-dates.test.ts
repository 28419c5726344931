import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { pastDateProblem, planDateOrNull, planDateProblem } from './plan-dates.js';
import { addAction, isOverdue, readActions } from './shared-plan.js';

describe('dates a plan holds', () => {
  it('takes real dates of this era, and says what is wrong with others', () => {
    expect(planDateProblem('2027-03-27')).toBeNull();
    expect(planDateProblem('1900-01-01')).toBeNull();
    expect(planDateProblem('0026-11-01')).toBe('Enter the year in full, such as 2027');
    expect(planDateProblem('2201-01-01')).toBe('Enter a date before the year 2201');
    expect(planDateProblem('2027-02-30')).toBe('Enter a real date');
    expect(planDateProblem('next week')).toBe('Enter a real date');
    expect(planDateOrNull('0026-11-01')).toBeNull();
    expect(planDateOrNull(20270327)).toBeNull();
  });

  it('takes a date something happened on only up to today', () => {
    expect(pastDateProblem('2026-12-01', '2026-12-01', 'diagnosed')).toBeNull();
    expect(pastDateProblem('2019-03-04', '2026-12-01', 'diagnosed')).toBeNull();
    expect(pastDateProblem('2026-12-02', '2026-12-01', 'diagnosed')).toBe(
      'The date diagnosed must be today or in the past',
    );
    expect(pastDateProblem('0019-03-04', '2026-12-01', 'diagnosed')).toBe(
      'Enter the year in full, such as 2027',
    );
  });

  it('reads a due date typed as a two-digit year as none, so it is overdue nowhere', () => {
    const doc = new Y.Doc();
    addAction(doc, { text: 'Ring the council', dueDate: '0026-11-01' }, 'nurse-1');
    const [action] = readActions(doc);
    expect(action!.dueDate).toBeNull();
    expect(isOverdue(action!, '2026-12-01')).toBe(false);
  });
});
