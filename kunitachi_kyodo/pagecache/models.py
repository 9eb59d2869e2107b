from django.db import models
from django.utils.translation import gettext_lazy as _


class DataVersion(models.Model):
    """The one row holding the data version on SQLite; PostgreSQL uses a sequence instead.

    Written only by `version.bump`, read only by `version.current`.
    """

    value = models.BigIntegerField(_("データの版"), default=0)

    class Meta:
        verbose_name = _("データの版")
        verbose_name_plural = _("データの版")

    def __str__(self) -> str:
        return str(self.value)
