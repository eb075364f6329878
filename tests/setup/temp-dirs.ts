/**
 * Each test file's temporary folders (tests/helpers/paths.ts tempDir) go when the file's tests end:
 * a setup file runs in every test file, so its afterAll is each file's last step.
 */
import { afterAll } from "vitest";
import { removeTempDirs } from "../helpers/paths.js";

afterAll(removeTempDirs);
