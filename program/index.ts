/**
 * The entry Pulumi runs, bundled (Pulumi.yaml `main: bin/program/bundle.js`, scripts/bundle-program.ts): the engine calls the exported function with
 * no arguments. The program itself is program/main.ts. Not the package entry: the root index.ts is the library
 * (it has to be, see there), so importing the npm package never runs or loads the program.
 */
import { main } from "./main";

export = main;
