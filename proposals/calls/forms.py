from django import forms
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.concurrency import LockVersionFormMixin
from kunitachi_kyodo.forms import AmountInput, CharacterLimitsMixin, DateTimeInRangeField
from kunitachi_kyodo.uploads import validate_upload
from organizations.models import Department
from proposals.calls.models import Call, CallBriefing, CallQuestion
from proposals.guideline.models import CriterionSet, ProjectForm

# The browser's datetime-local input sends and shows this format; the value is
# read in the current time zone (Asia/Tokyo).
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


def datetime_local():
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL)


class CallForm(CharacterLimitsMixin, LockVersionFormMixin, forms.ModelForm):
    attachment = forms.FileField(
        label=_("添付ファイルを追加"),
        required=False,
        help_text=_("募集要項・応募様式など。PDF・Word・Excel・画像、10 MBまで。"),
    )

    class Meta:
        model = Call
        fields = [
            "title",
            "department",
            "background",
            "expected_outcome",
            "forms",
            "budget_cap",
            "eligibility",
            "exclusions",
            "opens_at",
            "closes_at",
            "requires_consultation",
            "criterion_set",
            "review_criteria",
            "contact",
        ]
        widgets = {
            "background": forms.Textarea(attrs={"rows": 6}),
            "expected_outcome": forms.Textarea(attrs={"rows": 4}),
            "forms": forms.CheckboxSelectMultiple,
            "budget_cap": AmountInput(),
            "eligibility": forms.Textarea(attrs={"rows": 3}),
            "exclusions": forms.Textarea(attrs={"rows": 3}),
            "opens_at": datetime_local(),
            "closes_at": datetime_local(),
            "review_criteria": forms.Textarea(attrs={"rows": 4}),
            "contact": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"opens_at": DateTimeInRangeField, "closes_at": DateTimeInRangeField}
        error_messages = {
            "opens_at": {"invalid": _("募集開始の日時を正しく入力してください。")},
            "closes_at": {"invalid": _("募集締切の日時を正しく入力してください。")},
            "budget_cap": {"invalid": _("金額は半角数字（円）で入力してください。")},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("opens_at", "closes_at"):
            self.fields[name].input_formats = [DATETIME_LOCAL, "%Y-%m-%d %H:%M"]
        departments = Department.objects.filter(is_active=True)
        if not user.has_perm("organizations.act_citywide") and user.department_id:
            # A department's staff present calls for their own department only.
            departments = departments.filter(pk=user.department_id)
            self.fields["department"].empty_label = None
            if self.instance.pk is None:
                self.fields["department"].initial = user.department_id
        self.fields["department"].queryset = departments
        self.fields["forms"].queryset = ProjectForm.objects.filter(is_active=True).select_related(
            "parent"
        )
        # The call names the set its round will score with: the page shows it, the round uses it.
        criterion_set = self.fields["criterion_set"]
        criterion_set.required = True
        criterion_set.queryset = CriterionSet.objects.all()
        criterion_set.error_messages["required"] = _("審査に使う審査基準を選んでください。")
        if self.instance.pk is None or self.instance.criterion_set_id is None:
            default = CriterionSet.objects.default()
            criterion_set.initial = default.pk if default else None

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            validate_upload(upload)
        return upload


class BriefingForm(CharacterLimitsMixin, forms.ModelForm):
    online_url = forms.URLField(
        label=_("オンライン参加のURL"),
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
        help_text=_("オンラインでも参加できるときの参加用URL（https://…）。"),
        error_messages={"invalid": _("URLは https:// から始まる正しい形で入力してください。")},
    )

    class Meta:
        model = CallBriefing
        fields = ["starts_at", "ends_at", "place", "online_url", "capacity", "note"]
        widgets = {
            "starts_at": datetime_local(),
            "ends_at": datetime_local(),
            "note": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"starts_at": DateTimeInRangeField, "ends_at": DateTimeInRangeField}
        error_messages = {
            "starts_at": {"invalid": _("開始日時を正しく入力してください。")},
            "ends_at": {"invalid": _("終了日時を正しく入力してください。")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = [DATETIME_LOCAL, "%Y-%m-%d %H:%M"]


class QuestionForm(CharacterLimitsMixin, forms.ModelForm):
    class Meta:
        model = CallQuestion
        fields = ["text"]
        labels = {"text": _("質問")}
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "text": _(
                "回答とあわせて、このページで公開します（お名前は公開しません）。"
                "個人が特定される内容は書かないでください。"
            )
        }
        error_messages = {"text": {"required": _("質問を入力してください。")}}


class AnswerForm(CharacterLimitsMixin, forms.ModelForm):
    class Meta:
        model = CallQuestion
        fields = ["public_text", "answer"]
        widgets = {
            "public_text": forms.Textarea(attrs={"rows": 4}),
            "answer": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {"answer": _("質問とあわせて、募集のページで公開します。")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].required = True
        self.fields["answer"].error_messages["required"] = _("回答を入力してください。")


class HideForm(CharacterLimitsMixin, forms.Form):
    comment = forms.CharField(
        label=_("公開しない理由"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("質問した方にお知らせします。"),
        error_messages={"required": _("公開しない理由を入力してください。")},
    )
