/** The monitor query checker's entry point for its callers (the plan, SLO validation); it lives in ./queryCheck/. */
export * from "./queryCheck";
