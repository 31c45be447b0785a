// ESLint with typescript-eslint's type-aware rules: the ones that catch real bugs (promises left
// floating or passed where a callback's result is ignored, `any` leaking in from a boundary,
// switches that miss a member of a union), not matters of taste, which Prettier settles.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "data/", "dist/", "coverage/", "build/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      // The deprecated global escape() URL-encodes; a regex escape is escapeRegExp (src/text/).
      "no-restricted-globals": ["error", "escape", "unescape"],
      "@typescript-eslint/only-throw-error": "error",
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
      // An async method with no await is how a synchronous implementation meets an async
      // interface (LangChain's Embeddings, the answerer); flagging it would only add noise.
      "@typescript-eslint/require-await": "off",
      // The ingest path strips control characters on purpose.
      "no-control-regex": "off",
    },
  },
  {
    // Tests parse the CLI's and the fakes' JSON and assert on its fields: the assertion is the
    // check, so untyped member access there is not a leak from a boundary.
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-base-to-string": "off",
      "@typescript-eslint/restrict-template-expressions": "off",
    },
  },
  {
    // Plain JavaScript (the bin shim, build scripts, the graph worker) has no types to check.
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
