"""Draw a random sample of bank items for a blind review, as Markdown a reviewer can read.

    python -m tests.reviews.draw_sample SEED COUNT > sample.md

Items are drawn from those a four-option quiz can use, with the seed given; the reviewer
sees each item as a student would (stem, options) and then the key, the rationale and the
reason given for each wrong option, and judges it against the five sources.
"""

from __future__ import annotations

import random
import sys

from quizgen import load_data
from quizgen.bank.build import build_bank


def main(seed: int, count: int) -> str:
    bank = build_bank(load_data(None))
    usable = sorted(bank.usable(4), key=lambda i: i.id)
    sample = random.Random(f"review:{seed}").sample(usable, count)
    lines = [f"# Review sample: seed {seed}, {count} of {len(usable)} four-option items", ""]
    for n, item in enumerate(sample, 1):
        options = item.options(4)
        order = sorted(options)  # alphabetical, so the key's place tells nothing
        lines += [f"## {n}. `{item.id}` ({item.kind})", "", item.stem, ""]
        lines += [f"{chr(65 + k)}. {text}" for k, text in enumerate(order)]
        lines += ["", f"**Key:** {chr(65 + order.index(item.key))}. {item.key}", ""]
        lines += [f"**Rationale:** {item.rationale}", ""]
        for d in item.distractors[:3]:
            lines.append(f"- Wrong: {d.text} -- {d.why}")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(main(int(sys.argv[1]), int(sys.argv[2])))
