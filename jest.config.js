/** @type {import('jest').Config} */
module.exports = {
    testEnvironment: "node",
    roots: ["<rootDir>/tests"],
    testMatch: ["**/*.test.ts"],
    // Evaluates each stack once (in plain node, ~6x faster than under jest) and shares the plans with every test.
    globalSetup: "<rootDir>/tests/globalSetup.ts",
    globalTeardown: "<rootDir>/tests/globalTeardown.ts",
    transform: { "^.+\\.ts$": "ts-jest" },
    testTimeout: 60000,
};
