from django import forms
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.forms import CharacterLimitsMixin
from organizations.models import Membership, Organization

from .models import Post


class PostForm(CharacterLimitsMixin, forms.ModelForm):
    class Meta:
        model = Post
        fields = ["organization", "category", "title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organization"]
        if self.instance.pk:
            del self.fields["organization"]  # a post stays with whoever wrote it
            return
        field.queryset = Organization.objects.filter(
            status=Organization.Status.VERIFIED,
            memberships__user=user,
            memberships__role__in=[Membership.Role.REPRESENTATIVE, Membership.Role.EDITOR],
        ).distinct()
        if user.is_support_staff or user.is_superuser:
            field.empty_label = _("支援室のお知らせとして投稿する")
            field.help_text = _("団体のお知らせにするときだけ選んでください。")
        else:
            field.required = True
            field.empty_label = None
            field.help_text = _("団体のお知らせは、支援室が確認してから公開します。")


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("差し戻す理由"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_("投稿した団体にお知らせします。"),
    )


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("メールアドレス"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
