"""The pieces of the hostile-input walk (tests/test_hostile_input.py): the values a prober
types, the forms a page offers, and what a good answer to them looks like."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# What people (and probes) type where the portal expects something else (issue 12).
HUGE = "x" * 100_000
HOSTILE_VALUES = [
    "",
    " ",
    HUGE,
    "あ" * 100_000,
    "\x00",
    "1\x002",
    "abc",
    "²",
    "１２３",  # full-width digits
    "١٢",  # Arabic-Indic digits
    "Ⅻ",
    "\u200f42\u200e",  # RTL and LTR marks around a number
    "\u202eevil",
    "\ufeff1",
    "😀",
    "-1",
    "0",
    "1.5",
    "1e309",
    "NaN",
    "-Infinity",
    "99999999999999999999999999",
    "0001-01-01",
    "0001-01-01T00:00",
    "1899-12-31",
    "2201-01-01T00:00",
    "9999-12-31T23:59",
    "2026-02-30",
    "2026-13-01",
    "令和8年4月1日",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%",
    "../../etc/passwd",
    "on",
    "true",
]

# Query parameters the portal's pages read besides their filter forms.
COMMON_PARAMS = ["page", "version", "call", "q", "sort", "year", "next", "lang", "format", "id"]

HIDDEN_TOKENS = {"csrfmiddlewaretoken"}


@dataclass
class Form:
    method: str
    action: str
    fields: dict[str, str] = field(default_factory=dict)  # name → value shown on the page
    options: dict[str, list[str]] = field(default_factory=dict)  # name → the values offered


class FormParser(HTMLParser):
    """The forms of a page with their fields and the values the page fills in."""

    def __init__(self, page_url: str):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            action = urljoin(self.page_url, a.get("action") or self.page_url)
            self._form = Form(method=(a.get("method") or "get").lower(), action=action)
            self.forms.append(self._form)
            return
        form = self._form
        if form is None or not a.get("name") or a["name"] in HIDDEN_TOKENS:
            return
        name = a["name"]
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset"):
                if a.get("value") is not None:
                    form.options.setdefault(name, []).append(a["value"])
                return
            if kind in ("checkbox", "radio"):
                form.options.setdefault(name, []).append(a.get("value") or "on")
                if "checked" in a:
                    form.fields[name] = a.get("value") or "on"
                else:
                    form.fields.setdefault(name, "")
                return
            if kind == "file":
                form.fields.setdefault(name, "")
                return
            form.fields[name] = a.get("value") or ""
        elif tag == "select":
            self._select = name
            form.fields.setdefault(name, "")
        elif tag == "option" and self._select:
            value = a.get("value") or ""
            form.options.setdefault(self._select, []).append(value)
            if "selected" in a:
                form.fields[self._select] = value
        elif tag == "textarea":
            self._textarea = name
            form.fields[name] = ""
        elif tag == "button" and a.get("value") is not None:
            form.options.setdefault(name, []).append(a["value"])

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def forms_of(html: str, page_url: str) -> list[Form]:
    parser = FormParser(page_url)
    parser.feed(html)
    return parser.forms


def path_of(url: str) -> str:
    return urlsplit(url).path


class ErrorParser(HTMLParser):
    """The text of every form error the page shows (crispy: .invalid-feedback; Django: .errorlist)."""

    CLASSES = {"invalid-feedback", "errorlist"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.errors: list[str] = []
        self._depth = 0  # > 0 inside an error element

    VOID = {"br", "hr", "img", "input", "wbr", "meta", "link", "source"}

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        if tag in self.VOID:
            return
        if self._depth:
            self._depth += 1
        elif classes & self.CLASSES:
            self._depth = 1
            self.errors.append("")

    def handle_endtag(self, tag):
        if self._depth:
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.errors[-1] += data


def form_errors(html: str) -> list[str]:
    parser = ErrorParser()
    parser.feed(html)
    return [" ".join(text.split()) for text in parser.errors]


# What a form error must not look like: a programmer's words instead of a message.
NOT_A_MESSAGE = ("Traceback", "Exception", "Error(", "object at 0x", "None", "%(", "{")


def bad_error_messages(html: str) -> list[str]:
    return [
        text
        for text in form_errors(html)
        if not text or any(marker in text for marker in NOT_A_MESSAGE)
    ]
