"""What the LMS formats say alike: the key's own feedback, the tags of an item, and text on
one line for the row-per-field formats (Blackboard, Brightspace)."""

from __future__ import annotations

from collections import Counter

from quizgen.bank.item import Item
from quizgen.quiz import Quiz

# The key's own feedback: the rationale is the general feedback, which Moodle shows after
# every answer, so the key repeating it would show it twice to a student who is right.
RIGHT = "Right."
TAG_LENGTH = 50  # Moodle cuts a tag at 50 characters


def question_names(quiz: Quiz) -> dict[str, str]:
    """What a question bank lists each item of the quiz by: the start of its stem, with
    "(2)", "(3)" after the names that would otherwise repeat within the quiz."""
    names: dict[str, str] = {}
    seen: Counter[str] = Counter()
    for q in quiz.questions:
        name = q.item.short_stem()
        seen[name] += 1
        names[q.item.id] = name if seen[name] == 1 else f"{name} ({seen[name]})"
    return names


def moodle_tags(quiz: Quiz, item: Item) -> list[str]:
    """The item's category, MBLEx area and kind, by name where the name fits in a Moodle tag
    and by id where it would be cut."""
    tags = []
    for prefix, key, name in (
        ("category", item.category, quiz.category_labels.get(item.category, item.category)),
        ("area", item.area, quiz.area_names.get(item.area, item.area)),
        ("kind", item.kind, item.kind),
    ):
        tag = f"{prefix}:{name}"
        tags.append(tag if len(tag) <= TAG_LENGTH else f"{prefix}:{key}"[:TAG_LENGTH])
    return tags


def one_line(text: str) -> str:
    """Each run of white space as one space: the upload formats read a line break as the end
    of a field or a row."""
    return " ".join(text.split())
