"""Reads of the consultation log: the office's list, one record, the lead's export."""

from collections.abc import Iterator

from django.db.models import Prefetch, QuerySet

from .models import Consultation, FollowUp


def consultations_for(user) -> QuerySet[Consultation]:
    return Consultation.objects.visible_to(user).for_listing()


def consultation_with_history(user, pk: int) -> Consultation:
    return (
        Consultation.objects.visible_to(user)
        .for_listing()
        .prefetch_related(
            Prefetch("follow_ups", FollowUp.objects.select_related("recorded_by")),
            "status_changes__actor",
        )
        .get(pk=pk)
    )


EXPORT_HEADER = (
    "id",
    "相談日",
    "分類",
    "方法",
    "相談者の種別",
    "相談者",
    "登録団体",
    "連絡先",
    "件名",
    "相談の内容と対応",
    "フォローアップ",
    "状態",
    "対応した職員",
)


def export_rows(user) -> Iterator[list]:
    """Every consultation with its private part: the lead's CSV (the view checks the right)."""
    consultations = (
        Consultation.objects.visible_to(user)
        .for_listing()
        .prefetch_related("follow_ups")
        .order_by("consulted_on", "pk")
    )
    for c in consultations:
        yield [
            c.pk,
            c.consulted_on.isoformat(),
            c.get_category_display(),
            c.get_channel_display(),
            c.get_asker_kind_display(),
            c.asker_name,
            c.organization.name if c.organization else "",
            c.contact,
            c.summary,
            c.narrative,
            "\n".join(f"{f.done_on.isoformat()} {f.note}" for f in c.follow_ups.all()),
            c.get_status_display(),
            str(c.handled_by),
        ]
