"""The trimmed Bootstrap (scripts/trim-css) keeps every class the portal uses (issue 12).

Lighthouse counted ~213 KiB of unused render-blocking CSS in the full bootstrap.min.css; the
pages load a copy trimmed by PurgeCSS instead. A class a template, a form widget or a script
uses that the full Bootstrap defines must be in the trimmed copy (or in portal.css), so a new
class cannot be dropped silently: run scripts/trim-css when this test fails.
"""

import re
from pathlib import Path

import bootstrap
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
FULL = Path(bootstrap.__file__).parent / "static" / "bootstrap" / "css" / "bootstrap.min.css"
TRIMMED = ROOT / "static" / "css" / "bootstrap.trimmed.min.css"
PORTAL = ROOT / "static" / "css" / "portal.css"

TEMPLATE_TAG = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
# Classes built from a variable in a template: btn-{{ transition.style }} takes a Bootstrap
# variant from a workflow table; the others are the portal's (portal.css, or a hook).
BOOTSTRAP_VARIANTS = ("btn-",)
OWN_PREFIXES = {"progress-", "status-", "chart-bar--"}
APPS = ("kunitachi_kyodo", "organizations", "proposals", "support_office")


def css_classes(path: Path) -> set[str]:
    return set(SELECTOR_CLASS.findall(path.read_text()))


def selectors(path: Path) -> set[str]:
    """Every selector of the file's rules (inside @media too), one by one."""
    found = set()
    for group in re.findall(r"([^{}]+)\{", path.read_text()):
        if not group.lstrip().startswith("@"):
            found.update(part.strip() for part in group.split(","))
    return found


def used_classes() -> tuple[set[str], set[str]]:
    """(classes, prefixes): the class names the templates, widgets and scripts write, and the
    prefixes of those built from a variable (btn-{{ style }} → "btn-")."""
    values = []
    for template in (ROOT / "templates").rglob("*.html"):
        values += re.findall(r'class="([^"]*)"', template.read_text())
    for app in APPS:
        for module in (ROOT / app).rglob("*.py"):
            values += re.findall(r'"class": "([^"]*)"', module.read_text())
    for script in (ROOT / "static" / "js").rglob("*.js"):
        text = script.read_text()
        values += re.findall(r'className = "([^"]*)"', text)
        values += re.findall(r'classList\.(?:add|remove|toggle)\("([^"]*)"', text)
    classes, prefixes = set(), set()
    for value in values:
        for word in TEMPLATE_TAG.sub(" § ", value).split():
            if word.endswith("-") or "§" in word:
                continue
            classes.add(word)
        prefixes.update(re.findall(r"([\w-]+-)\{\{", value))
    return classes, prefixes


def test_the_pages_load_the_trimmed_bootstrap():
    base = (ROOT / "templates" / "base.html").read_text()
    assert "css/bootstrap.trimmed.min.css" in base
    assert "bootstrap/css/bootstrap.min.css" not in base
    assert TRIMMED.stat().st_size < FULL.stat().st_size / 3


def test_every_bootstrap_rule_the_portal_uses_is_kept():
    """A rule of the full Bootstrap all of whose classes the portal uses (.btn, .nav-link,
    .navbar-expand-md .navbar-nav) is in the trimmed copy; one that needs a class the portal
    never writes (.nav-tabs .nav-item) may go."""
    full, kept = css_classes(FULL), css_classes(TRIMMED) | css_classes(PORTAL)
    classes, prefixes = used_classes()
    assert len(classes & full) > 100, "the scan found too few Bootstrap classes"
    trimmed = selectors(TRIMMED)
    missing = sorted(
        selector
        for selector in selectors(FULL)
        if (needs := set(SELECTOR_CLASS.findall(selector)))
        and needs <= classes
        and "data-bs-theme" not in selector  # the pages have no dark theme
        and selector not in trimmed
    )
    assert not missing, f"scripts/trim-css dropped rules the portal uses: {missing}"
    unknown = sorted(c for c in classes & full if c not in kept)
    assert len(unknown) <= 5, f"classes the trimmed copy lacks entirely: {unknown}"
    # A class built from a variable: its prefix is either a Bootstrap variant, and all of
    # that prefix stay (scripts/trim-css safelists them), or the portal's own.
    unknown_prefixes = prefixes - set(BOOTSTRAP_VARIANTS) - OWN_PREFIXES
    assert not unknown_prefixes, (
        f"say whose these are (BOOTSTRAP_VARIANTS or OWN_PREFIXES): {unknown_prefixes}"
    )
    for prefix in BOOTSTRAP_VARIANTS:
        dropped = sorted(c for c in full if c.startswith(prefix) and c not in kept)
        assert not dropped, f"{prefix}{{{{ … }}}} may need {dropped}"
