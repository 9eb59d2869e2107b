"""The organizations' open dataset (団体一覧): verified organizations that chose to be listed.

Their public profile only, as the directory shows it; the e-mail address and phone number are
left to each organization's page (a file of every address would feed mailing lists).
"""

from django.db.models import Max, Min
from django.utils.translation import gettext_lazy as _

from kunitachi_kyodo.opendata.registry import (
    Column,
    Dataset,
    Span,
    Type,
    as_date,
    joined,
    public_url,
    publishes,
)

from .models import Organization

COLUMNS = (
    Column(_("団体ID"), "id", Type.INTEGER, _("ポータルでの団体の番号"), "12"),
    Column(_("団体名"), "name", Type.TEXT, _("団体の名称"), _("NPO法人 みどり子ども食堂ネット")),
    Column(
        _("団体名（ふりがな）"),
        "name_kana",
        Type.TEXT,
        _("団体名の読み"),
        _("みどりこどもしょくどうねっと"),
    ),
    Column(
        _("団体の種類"), "kind", Type.TEXT, _("NPO法人、任意団体、自治会、企業など"), _("NPO法人")
    ),
    Column(_("代表者名"), "representative", Type.TEXT, _("団体の代表者の氏名"), _("協働 太郎")),
    Column(_("設立年月日"), "founded_on", Type.DATE, _("団体が設立された日"), "2015-04-01"),
    Column(_("会員数"), "member_count", Type.INTEGER, _("団体が届け出た会員の人数"), "25"),
    Column(
        _("活動分野"),
        "fields",
        Type.TEXT,
        _("特定非営利活動促進法の別表の分野（複数は「、」で区切る）"),
        _("保健・医療・福祉、子どもの健全育成"),
    ),
    Column(
        _("主な活動地域"),
        "districts",
        Type.TEXT,
        _("市内の町名（複数は「、」で区切る。空欄は市内全域）"),
        _("中央、東"),
    ),
    Column(_("所在地"), "address", Type.TEXT, _("団体の所在地"), _("中央1-2-3")),
    Column(_("ウェブサイト"), "website", Type.URL, _("団体のウェブサイト"), "https://example.org/"),
    Column(
        _("活動目的"),
        "purpose",
        Type.TEXT,
        _("団体の目的"),
        _("地域の子どもに食事と居場所を届ける。"),
    ),
    Column(
        _("主な活動内容・実績"),
        "activities",
        Type.TEXT,
        _("これまでの活動"),
        _("市内3か所で子ども食堂を運営。"),
    ),
    Column(
        _("団体ページ"),
        "url",
        Type.URL,
        _("ポータルの団体ページ（連絡先はこちら）"),
        "https://kyodo.example.jp/organizations/12/",
    ),
    Column(
        _("更新日時"),
        "updated_at",
        Type.DATETIME,
        _("団体の情報が最後に更新された日時"),
        "2026-05-01T10:00:00+09:00",
    ),
)


def rows():
    organizations = (
        Organization.objects.public().prefetch_related("fields", "districts").order_by("pk")
    )
    for organization in organizations.iterator(chunk_size=2000):
        yield {
            "id": organization.pk,
            "name": organization.name,
            "name_kana": organization.name_kana,
            "kind": organization.get_kind_display(),
            "representative": organization.representative_name,
            "founded_on": organization.founded_on,
            "member_count": organization.member_count,
            "fields": joined(f.name for f in organization.fields.all()),
            "districts": joined(d.name for d in organization.districts.all()),
            "address": organization.address,
            "website": organization.website,
            "purpose": organization.purpose,
            "activities": organization.activities,
            "url": public_url(organization.get_absolute_url()),
            "updated_at": organization.updated_at,
        }


def span() -> Span:
    dates = Organization.objects.public().aggregate(first=Min("created_at"), last=Max("updated_at"))
    return Span(as_date(dates["first"]), as_date(dates["last"]))


publishes(
    Dataset(
        slug="organizations",
        title=_("協働の主体（団体）一覧"),
        description=_(
            "支援室が確認し、一覧への掲載を選んだ団体の公開情報です。連絡先のメールアドレスと"
            "電話番号は含めず、各団体のページに載せています。"
        ),
        keywords=(_("団体"), _("NPO"), _("協働")),
        unit=_("1行が1団体"),
        columns=COLUMNS,
        rows=rows,
        span=span,
    )
)
