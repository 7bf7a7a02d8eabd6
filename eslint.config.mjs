// @ts-check
/**
 * Lint for bugs, not style (formatting is not checked). Type-aware: the rules that matter most here need the
 * types, a promise nobody awaits or an Output in a template literal look like any other expression otherwise.
 */
import pulumi from "@pulumi/eslint-plugin";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["bin/**", "node_modules/**", "schema/**", "docs/**", "**/*.js", "**/*.mjs", "**/*.mts"] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@pulumi": pulumi },
    rules: {
      "@pulumi/no-output-in-template-literal": "error",
      "@pulumi/no-output-instance-in-template-literal": "error",
      // `any` reaches us only from JSON.parse, untyped test doubles and the SDK's own typings; tsc's strict mode
      // already refuses implicit any and our code narrows `unknown` instead. Following every `any` onward flags
      // hundreds of reads of parsed JSON in tests and the bench, none a bug.
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      // A redundant cast or `!` is harmless, and some document what a reader should know about the value.
      "@typescript-eslint/no-unnecessary-type-assertion": "off",
      // An async function without `await` is harmless: vitest, the Pulumi SDK and our CLIs take async callbacks
      // and some of them happen to be synchronous today.
      "@typescript-eslint/require-await": "off",
      // Unused bindings are dead code or a forgotten use; `_` marks one kept on purpose (a destructured rest).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      // The program bundle (scripts/bundle-program.ts) leaves out what of zod it never uses only behind a namespace
      // import; `import { z } from "zod"` keeps all of it, 64 locales included (test/program/bundle.test.ts).
      "no-restricted-syntax": [
        "error",
        { selector: "ImportDeclaration[source.value='zod'] > :matches(ImportSpecifier, ImportDefaultSpecifier)", message: 'Write `import * as z from "zod"`: a named or default import keeps all of zod in the program bundle (scripts/bundle-program.ts).' },
      ],
    },
  },
  {
    // Stand-ins for third-party products (Defguard, an OIDC issuer) print whatever JSON value they were sent,
    // as the real ones do.
    files: ["test/recipes/consumers/**"],
    rules: { "@typescript-eslint/no-base-to-string": "off" },
  },
);
