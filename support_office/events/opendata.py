"""The office's public events as open data, in the national standard format 「イベント一覧」.

The columns are those of the 自治体標準オープンデータセット (推奨データセット) for events, in
its order and with its Japanese headers, so a site that reads every city's イベント一覧 reads
ours. Staff training, drafts and cancelled events are left out (`taking_place`).
"""

from django.conf import settings
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kunitachi_kyodo.opendata.registry import (
    Column,
    Dataset,
    Span,
    Type,
    as_date,
    public_url,
    publishes,
)

from .models import Event

T, N, D, U = Type.TEXT, Type.INTEGER, Type.DATE, Type.URL

# 都道府県コード (the first two digits of the 全国地方公共団体コード) → 都道府県名.
PREFECTURES = [
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
]


def prefecture_name(code: str) -> str:
    return PREFECTURES[int(code[:2]) - 1]


def _c(name, key, kind, description, example=""):
    return Column(name, key, kind, description, example)


# The standard's columns, in its order (REFERENCE.md: 推奨データセット「イベント一覧」).
COLUMNS = (
    _c(
        "都道府県コード又は市区町村コード",
        "code",
        T,
        gettext_lazy("全国地方公共団体コード（6桁）"),
        "132152",
    ),
    _c("NO", "no", N, gettext_lazy("このファイルでの通し番号"), "1"),
    _c("都道府県名", "prefecture", T, gettext_lazy("都道府県の名前"), "東京都"),
    _c("市区町村名", "city", T, gettext_lazy("市区町村の名前"), "国立市"),
    _c("イベント名", "title", T, gettext_lazy("イベントの名前"), gettext_lazy("NPO入門講座")),
    _c("イベント名_カナ", "title_kana", T, gettext_lazy("イベント名の読み（未記入）")),
    _c("イベント名_英語", "title_en", T, gettext_lazy("イベント名の英語表記（未記入）")),
    _c("開始日", "start_date", D, gettext_lazy("開催の初日"), "2026-10-03"),
    _c("終了日", "end_date", D, gettext_lazy("開催の最終日"), "2026-10-03"),
    _c("開始時間", "start_time", T, gettext_lazy("開始の時刻（日本時間、HH:MM）"), "14:00"),
    _c("終了時間", "end_time", T, gettext_lazy("終了の時刻（日本時間、HH:MM）"), "16:00"),
    _c("開始日時特記事項", "time_note", T, gettext_lazy("日時についての補足")),
    _c("説明", "description", T, gettext_lazy("イベントの内容（Markdown）")),
    _c("料金(基本)", "fee", T, gettext_lazy("参加費"), gettext_lazy("無料")),
    _c("料金(詳細)", "fee_detail", T, gettext_lazy("参加費の詳細")),
    _c("連絡先名称", "contact", T, gettext_lazy("問い合わせ先")),
    _c("連絡先電話番号", "phone", T, gettext_lazy("問い合わせ先の電話番号（問い合わせ先に含む）")),
    _c("連絡先内線番号", "extension", T, gettext_lazy("内線番号")),
    _c("主催者", "organizer", T, gettext_lazy("主催する組織"), gettext_lazy("NPO活動支援室")),
    _c("場所名称", "place", T, gettext_lazy("会場の名前（オンラインのみのときは「オンライン」）")),
    _c("住所", "address", T, gettext_lazy("会場の住所")),
    _c("方書", "address_note", T, gettext_lazy("建物名・部屋など（住所に含む）")),
    _c("緯度", "latitude", Type.DECIMAL, gettext_lazy("会場の緯度（未記入）")),
    _c("経度", "longitude", Type.DECIMAL, gettext_lazy("会場の経度（未記入）")),
    _c("アクセス方法", "access", T, gettext_lazy("会場への行き方（未記入）")),
    _c("駐車場情報", "parking", T, gettext_lazy("駐車場の有無（未記入）")),
    _c("定員", "capacity", N, gettext_lazy("定員（人）"), "30"),
    _c("参加申込終了日", "deadline_date", D, gettext_lazy("申込締切の日"), "2026-10-01"),
    _c("参加申込終了時間", "deadline_time", T, gettext_lazy("申込締切の時刻（HH:MM）"), "17:00"),
    _c("参加申込方法", "how_to_apply", T, gettext_lazy("申込の方法")),
    _c("URL", "url", U, gettext_lazy("ポータルのイベントのページ")),
    _c("備考", "note", T, gettext_lazy("種類と対象")),
)


def rows():
    code = settings.LOCAL_GOVERNMENT_CODE
    prefecture = prefecture_name(code)
    events = Event.objects.taking_place().order_by("starts_at", "pk")
    for number, event in enumerate(events.iterator(chunk_size=2000), start=1):
        starts, ends = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
        deadline = timezone.localtime(event.registration_deadline)
        place = event.place or (_("オンライン") if event.online_url else "")
        yield {
            "code": code,
            "no": number,
            "prefecture": prefecture,
            "city": settings.CITY_NAME,
            "title": event.title,
            "title_kana": "",
            "title_en": "",
            "start_date": starts.date(),
            "end_date": ends.date(),
            "start_time": starts.strftime("%H:%M"),
            "end_time": ends.strftime("%H:%M"),
            "time_note": _("オンラインでも参加できます。")
            if event.place and event.online_url
            else "",
            "description": event.description,
            "fee": event.fee,
            "fee_detail": "",
            "contact": event.contact,
            "phone": "",
            "extension": "",
            "organizer": _("NPO活動支援室"),
            "place": place,
            "address": event.address,
            "address_note": "",
            "latitude": None,
            "longitude": None,
            "access": "",
            "parking": "",
            "capacity": event.capacity,
            "deadline_date": deadline.date(),
            "deadline_time": deadline.strftime("%H:%M"),
            "how_to_apply": _("ポータルのイベントのページから申し込めます。"),
            "url": public_url(event.get_absolute_url()),
            "note": _("種類：%(kind)s　対象：%(audience)s")
            % {"kind": event.get_kind_display(), "audience": event.audience},
        }


def span() -> Span:
    dates = Event.objects.taking_place().aggregate(
        issued=Min("published_at"),
        modified=Max("updated_at"),
        start=Min("starts_at"),
        end=Max("ends_at"),
    )
    return Span(*(as_date(dates[key]) for key in ("issued", "modified", "start", "end")))


publishes(
    Dataset(
        slug="events",
        title=gettext_lazy("イベント一覧"),
        description=gettext_lazy(
            "NPO活動支援室が開く講座・交流会・相談会の一覧です。自治体標準オープンデータセット"
            "「イベント一覧」の項目と順序に沿っています。市職員向けの研修と中止したものは"
            "含みません。"
        ),
        keywords=(gettext_lazy("イベント"), gettext_lazy("講座"), gettext_lazy("NPO活動支援室")),
        unit=gettext_lazy("1行が1件のイベント"),
        columns=COLUMNS,
        rows=rows,
        span=span,
    )
)
