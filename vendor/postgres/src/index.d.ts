// The types of the npm package, for this patched copy of its code (vendor/postgres/README.md).
import postgres from 'postgres';
export default postgres;
