/**
 * The entry Pulumi runs (Pulumi.yaml `main: bin/index.js`, package.json `main`): the engine calls the exported
 * function with no arguments. The program itself is in program/ (program/main.ts).
 */
import { main } from "./program/main";

export = main;
