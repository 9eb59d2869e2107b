"""Forms of the surveys: the office's survey and question forms, the answer form built from
a survey's questions, and the choice of what is published."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.forms import CharacterLimitsMixin
from organizations.models import Organization

from .models import Answer, Question, Survey
from .selectors import SCALE_LABELS


class SurveyForm(CharacterLimitsMixin, forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["title", "description", "audience", "closes_on"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "audience": forms.RadioSelect,
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


class QuestionForm(CharacterLimitsMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("答え方"), choices=Question.Kind.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(label=_("質問"), max_length=400)
    required = forms.BooleanField(label=_("回答を必須にする"), required=False, initial=True)
    choices = forms.CharField(
        label=_("選択肢"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("「ひとつ選ぶ」「いくつでも選ぶ」のときに、1行に1つずつ書きます。"),
    )

    def clean_choices(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.cleaned_data["choices"].splitlines())


class _QuestionFields(forms.Form):
    """One field per question, named q<pk>; an organizations survey asks which organization."""

    def __init__(self, *args, questions, organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        if organizations:
            self.fields["organization"] = forms.ModelChoiceField(
                label=_("回答する団体"),
                queryset=Organization.objects.filter(pk__in=[o.pk for o in organizations]),
                empty_label=None if len(organizations) == 1 else "---------",
            )
        for number, question in enumerate(questions, start=1):
            self.fields[f"q{question.pk}"] = self._field(number, question)

    @staticmethod
    def _field(number: int, question: Question) -> forms.Field:
        label = _("問%(number)d %(text)s") % {"number": number, "text": question.text}
        common = {
            "label": label,
            "required": question.required,
            "error_messages": {
                "required": _("この質問に答えてください。"),
                "invalid_choice": _("選択肢から選んでください。"),
            },
        }
        if question.kind == Question.Kind.SINGLE:
            return forms.TypedChoiceField(
                choices=[(c.pk, c.label) for c in question.choices.all()],
                coerce=int,
                widget=forms.RadioSelect,
                **common,
            )
        if question.kind == Question.Kind.MULTIPLE:
            return forms.TypedMultipleChoiceField(
                choices=[(c.pk, c.label) for c in question.choices.all()],
                coerce=int,
                widget=forms.CheckboxSelectMultiple,
                **common,
            )
        if question.kind == Question.Kind.SCALE:
            return forms.TypedChoiceField(
                choices=[(value, label) for value, label in SCALE_LABELS.items()],
                coerce=int,
                widget=forms.RadioSelect,
                **common,
            )
        return forms.CharField(
            widget=forms.Textarea(attrs={"rows": 4}),
            max_length=2000,
            **common,
        )


class AnswerForm(CharacterLimitsMixin, _QuestionFields):
    """The answer form (the mixin comes first so the question fields get their limits said)."""

    def answers(self) -> dict[int, object]:
        """The cleaned answers keyed on the question's pk, as the service takes them."""
        return {
            int(name[1:]): value
            for name, value in self.cleaned_data.items()
            if name.startswith("q") and name[1:].isdigit()
        }


class PublicationForm(CharacterLimitsMixin, forms.Form):
    """Which questions' aggregates and which free-text answers the public will read."""

    published_questions = forms.TypedMultipleChoiceField(
        label=_("結果を公開する質問"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    selected_answers = forms.TypedMultipleChoiceField(
        label=_("結果に掲載する自由記述"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("個人や団体が特定される記述は選ばないでください。"),
    )
    results_summary = forms.CharField(
        label=_("結果のまとめ（公開）"),
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        questions = list(survey.questions.all())
        self.fields["published_questions"].choices = [
            (q.pk, _("問%(number)d %(text)s") % {"number": q.order, "text": q.text})
            for q in questions
        ]
        texts = (
            Answer.objects.filter(response__survey=survey, question__kind=Question.Kind.TEXT)
            .exclude(text="")
            .select_related("question")
            .order_by("question__order", "pk")
        )
        self.fields["selected_answers"].choices = [
            (a.pk, f"問{a.question.order}：{a.text}") for a in texts
        ]
        self.initial.setdefault(
            "published_questions", [q.pk for q in questions if q.result_is_published]
        )
        self.initial.setdefault("selected_answers", [a.pk for a in texts if a.text_is_selected])
        self.initial.setdefault("results_summary", survey.results_summary)
