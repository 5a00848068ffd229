// The one aggregator: drizzle needs the whole schema object (relational queries, drizzle-kit).
export * from './audit-log';
export * from './login-failures';
export * from './memberships';
export * from './tenant-policy';
export * from './tenants';
export * from './users';
