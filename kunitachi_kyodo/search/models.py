from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """One public object as the search finds it: written only by `services`, read by `selectors`.

    `text` is normalized (`normalize.normalize`). On PostgreSQL a trigram GIN index serves words
    of three characters or more, and a GIN index over the text's one- and two-character grams
    (`search_grams(text)`) serves shorter words (migration 0002); SQLite scans. No index on
    `updated_at`: the planner would walk it in order, filtering every row, hoping for 20
    matches soon, which for a rare word is a scan of the whole table.
    """

    kind = models.CharField(_("種類"), max_length=30)
    object_id = models.PositiveBigIntegerField(_("対象のID"))
    url = models.CharField(_("URL"), max_length=300)
    title = models.CharField(_("題名"), max_length=300)
    snippet = models.TextField(_("抜粋"), blank=True)
    text = models.TextField(_("検索用の本文"))
    updated_at = models.DateTimeField(_("更新日時"))

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("検索用の文書")
        verbose_name_plural = _("検索用の文書")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_document_per_object")
        ]

    def __str__(self) -> str:
        return self.title
