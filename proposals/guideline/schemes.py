"""A criterion set's scheme in words, for the call page (what it promises) and the results page."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kunitachi_kyodo.punctuation import join_list
from proposals.guideline import scoring


def describe_scheme(scheme: scoring.Scheme) -> list[str]:
    """How totals are computed, in sentences, from the scheme itself (call and results pages)."""
    sentences = []
    per_sheet = scheme.sheet_max
    if scheme.total_as == scoring.SUM:
        sentences.append(
            _(
                "各審査委員の採点を合計します（委員1人あたり%(max)s点満点、"
                "満点は採点した委員の人数倍）。"
            )
            % {"max": per_sheet}
        )
    else:
        sentences.append(
            _("各審査委員の採点（%(max)s点満点）の平均を合計点とします。") % {"max": per_sheet}
        )
    if scheme.converts_to_100:
        sentences.append(_("合計点は100点満点に換算して示し、順位と判定は換算後の点数で決めます。"))
    if scheme.aggregation == scoring.TRIMMED:
        sentences.append(
            _("提案ごとに、合計が最も高い委員と最も低い委員の採点を除きます（3人以上のとき）。")
        )
    if scheme.pass_line is not None:
        unit = (
            _("100点換算")
            if scheme.converts_to_100
            else pgettext("the raw total, as against 100点換算", "点数")
        )
        sentences.append(
            _("合格ラインは%(unit)sで%(line)s点です。表示された点数（四捨五入後）で判定します。")
            % {"unit": unit, "line": f"{scheme.pass_line:f}"}
        )
    else:
        sentences.append(_("合格ラインは設けていません。"))
    if scheme.veto is not None:
        spec = scheme.criterion(scheme.veto.criterion)
        sentences.append(
            _(
                "「%(name)s」に%(value)s点以下をつけた委員が過半数の提案は、"
                "合計点にかかわらず不採択相当とします。"
            )
            % {"name": spec.name, "value": scheme.veto.max_value}
        )
    if scheme.tie_break:
        names = [
            _("事業費の少ない方")
            if key == scoring.REQUESTED_AMOUNT
            else _("「%(name)s」の点数") % {"name": scheme.criterion(key).name}
            for key in scheme.tie_break
        ]
        sentences.append(
            _("合計点が同じときは、%(order)sの順に比べて上位を決めます。")
            % {"order": join_list(names)}
        )
    if scheme.conflict == scoring.OTHERS_MEAN:
        sentences.append(_("利害関係のある委員の欄は、ほかの委員の平均で埋めて集計します。"))
    else:
        sentences.append(_("利害関係のある委員は、その提案の集計から除きます。"))
    return sentences
