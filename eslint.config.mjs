// typescript-eslint's recommended rules with type information for the program, the scripts and the tests.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["node_modules/**", "policy/node_modules/**", "examples/**/node_modules/**", ".plan-cache/**", "coverage/**"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        files: ["**/*.ts"],
        rules: {
            // Unused bindings are mistakes, except deliberately ignored ones (`_x`).
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
            // Tests and provider payloads read untyped JSON; `any` there is explicit, not accidental.
            "@typescript-eslint/no-explicit-any": "off",
            "@typescript-eslint/no-non-null-assertion": "off",
            "no-constant-condition": ["error", { checkLoops: false }],
        },
    },
    {
        // Tests load modules after mocking them (jest.doMock + require).
        files: ["tests/**/*.ts"],
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
    {
        files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
        languageOptions: { globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly" } },
    },
);
