/**
 * Address parsing is host-neutral and lives in src/hosts/shared/address.ts (the WPS adapter uses it
 * too); re-exported here for the modules and tests that import it from the Excel adapter.
 */
export * from "../shared/address";
