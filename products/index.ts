/**
 * The product catalog. Adding a product is adding one file in this folder and one line below.
 */
import type { ProductSpec } from "../lib/inputs/catalog/schema";
import { alphabuilder } from "./alphabuilder";
import { bearo } from "./bearo";
import { chimpanion } from "./chimpanion";
import { driplo } from "./driplo";
import { genonaut } from "./genonaut";
import { plumberleads } from "./plumberleads";
import { primape } from "./primape";
import { vivr } from "./vivr";

export const catalog: ReadonlyArray<ProductSpec> = [bearo, alphabuilder, primape, chimpanion, genonaut, vivr, driplo, plumberleads];
