import { describe, expect, it } from 'vitest';
import { knownSteps, stepRequest } from './steps';

describe('knownSteps', () => {
  it('keeps the server\'s steps in its order, and only those this page can take', () => {
    expect(knownSteps(['resolve', 'reinforce', 'hand-over'])).toEqual(['resolve', 'reinforce', 'hand-over']);
    expect(knownSteps(['acknowledge', 'teleport', 'decline'])).toEqual(['acknowledge', 'decline']);
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
