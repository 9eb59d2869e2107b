from django import forms
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.forms import CharacterLimitsMixin

MAX_QUERY = 100  # characters: several words, never a pasted page


class SearchForm(CharacterLimitsMixin, forms.Form):
    q = forms.CharField(
        label=_("検索する言葉"),
        max_length=MAX_QUERY,
        required=False,
        strip=True,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        help_text=_("複数の言葉は空白で区切ります（すべてを含むものを探します）。"),
    )
