// Reads GIFT text on stdin and prints what gift-pegjs (a Moodle GIFT grammar) makes of it.
import { readFileSync } from "node:fs";
import gift from "gift-pegjs";

const parsed = gift.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(parsed));
