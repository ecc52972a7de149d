export * from './journey';
export * from './goals';
export * from './report';
