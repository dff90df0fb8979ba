/** Typing help for building the stack-reference contract out of component outputs. */
import * as pulumi from "@pulumi/pulumi";

/** A contract value where every field, at any depth, may still be an Output. */
export type Lifted<T> =
    pulumi.Input<T> | (T extends string | number | boolean ? never : T extends object ? { [K in keyof T]: Lifted<T[K]> } : never);
