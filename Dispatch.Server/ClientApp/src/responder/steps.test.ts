import { describe, expect, it } from 'vitest';
import { nextSteps, stepRequest } from './steps';

describe('nextSteps', () => {
  it('offers acknowledge first to a fresh assignment, with decline', () => {
    expect(nextSteps('Dispatched', 'Primary', false)).toEqual(['acknowledge', 'decline']);
  });

  it('moves forward one step at a time', () => {
    expect(nextSteps('Acknowledged', 'Primary', false)[0]).toBe('en-route');
    expect(nextSteps('EnRoute', 'Primary', false)[0]).toBe('on-scene');
  });

  it('lets only the primary resolve on scene; a reinforcement unit clears', () => {
    expect(nextSteps('OnScene', 'Primary', false)).toEqual(['resolve', 'reinforce', 'hand-over']);
    expect(nextSteps('OnScene', 'Reinforcement', false)).toEqual(['clear', 'reinforce']);
  });

  it('offers no decline on scene', () => {
    expect(nextSteps('OnScene', 'Primary', false)).not.toContain('decline');
  });

  it('offers nothing once finished or once the incident is closed', () => {
    expect(nextSteps('Cleared', 'Primary', false)).toEqual([]);
    expect(nextSteps('Declined', 'Primary', false)).toEqual([]);
    expect(nextSteps('EnRoute', 'Primary', true)).toEqual([]);
  });
});

describe('stepRequest', () => {
  it('posts plain steps to the assignment', () => {
    expect(stepRequest('en-route', 'a1', 'i1')).toEqual({ url: '/api/assignments/a1/en-route', body: {} });
  });

  it('carries the sentence in the field each route reads', () => {
    expect(stepRequest('decline', 'a1', 'i1', '车辆故障')).toEqual({ url: '/api/assignments/a1/decline', body: { reason: '车辆故障' } });
    expect(stepRequest('resolve', 'a1', 'i1', '已调解')).toEqual({ url: '/api/incidents/i1/resolve', body: { result: '已调解' } });
  });

  it('hands the case over to the organisation chosen, with the instructions typed', () => {
    expect(stepRequest('hand-over', 'a1', 'i1', '双方未达成一致，请司法所调解', 'SF-YUNFENG')).toEqual({
      url: '/api/incidents/i1/hand-over', body: { instructions: '双方未达成一致，请司法所调解', organisationCode: 'SF-YUNFENG' },
    });
  });
});
