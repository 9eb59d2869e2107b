"""A post's Markdown as plain text, for summaries (feeds, search, e-mail): tags removed."""

import markdown as markdown_lib
import nh3
from django.utils.text import Truncator


def plain_text(body: str, limit: int | None = None) -> str:
    html = markdown_lib.markdown(body or "")
    text = " ".join(nh3.clean(html, tags=set()).split())
    # nh3 escapes what it keeps; a summary is plain text again.
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return Truncator(text).chars(limit) if limit else text
