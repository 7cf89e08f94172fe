"""One-line doc comments from the spec's markdown documentation."""

import re

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# A period ending a sentence: followed by whitespace or the end, and not part of "e.g." / "i.e.".
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)\.(?=\s|$)")


def first_sentence(doc):
    """The first sentence of a markdown text, on one line, ending with a period ("" if none)."""
    text = _LINK.sub(r"\1", doc or "").strip()
    paragraph = text.split("\n\n")[0]
    paragraph = " ".join(paragraph.split()).lstrip("> ").strip()
    paragraph = re.sub(r"\s+([.,;:])", r"\1", paragraph)  # AWS writes "`false` ." and "`a` , `b`"
    match = _SENTENCE_END.search(paragraph)
    sentence = paragraph[: match.end()] if match else paragraph
    sentence = sentence.rstrip(" \\:;,-")  # a trailing backslash would continue the comment
    if sentence and sentence[-1] not in ".!?":
        sentence += "."
    return sentence


def member_doc(doc, required=False, replacement=""):
    """'Required. <sentence> Update requires replacement.' with the parts that apply."""
    parts = []
    if required:
        parts.append("Required.")
    sentence = first_sentence(doc)
    if sentence:
        parts.append(sentence)
    if replacement == "yes":
        parts.append("Update requires replacement.")
    elif replacement == "maybe":
        parts.append("Update may require replacement.")
    return " ".join(parts)
