// What other features may use from the users feature.
export { useOffices } from './api/get-offices';
export { officeName } from './utils/role-options';
