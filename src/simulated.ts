/**
 * Package entry `adjust-margin-kit/simulated`: the simulated exchange (the demo's and the stories'
 * default data source) and what it is built from.
 * @packageDocumentation
 */
export * from './data/simulated';
