"""Seed the guideline 「NPO等と国立市による協働推進の指針」 as data.

The six rules, the forms of collaboration and the guideline's text (as the
first version of each page) come from the guideline itself. Later revisions
are made in the admin, as new versions; this migration is never edited.
"""

from django.db import migrations

RULES = [
    (1, "equal-opportunity", "協働に参画できる機会を平等に有する。", "機会の平等",
     "協働の機会は、誰にでも開かれていなければなりません。事業の提示や提案の募集は公開し、"
     "締切と審査の基準を示して、確認を受けたどの団体も応募できるようにします。"),
    (2, "equal-footing", "互いの特性や自主性を尊重し、信頼し合い、対等な関係を保つ。", "対等な関係",
     "市とNPO等は上下の関係ではなく、対等な立場で協力します。協定書は双方が確認し、"
     "評価も双方が行います。"),
    (3, "shared-goals", "まちの課題や目標を常に共に確認し、共有する。", "課題と目標の共有",
     "何のために協働するのか、どの地域課題をどこまで解決するのかを、提案の段階から協定書、"
     "報告、評価まで共に確かめます。"),
    (4, "roles-responsibilities", "互いの特性に応じた役割と責任を明確にし、分担する。", "役割と責任の分担",
     "協定書の役割分担表で、企画・広報・運営・経費などの作業ごとに、団体と市の役割を明らかにします。"),
    (5, "disclosure", "協働のあらゆる段階において情報を公開し、また発信する。", "情報の公開と発信",
     "募集から審査、協定、報告、評価まで、どの段階の記録も公開します。審査の結果と評価も公表します。"),
    (6, "evaluation", "評価、見直しを行う。", "評価と見直し",
     "自己評価・相互評価・第三者評価を行い、事業を継続・拡充・見直し・終了のどれにするかを決めます。"),
]

# (code, name, lead, description, order, parent code)
FORMS = [
    ("call", "事業の提示", "city",
     "NPO等の専門的な知識と柔軟な発想を取り入れるため、市が協働の考えられる事業を積極的に提示します。", 10, None),
    ("proposal-intake", "事業提案の受け止め", "city",
     "NPO・市民・企業からの事業提案を受け止め、公開審査などを経て、市が行う事業の提示と同等の手続きにつなぎます。", 20, None),
    ("commission", "委託", "city",
     "効率性を追求する従来の委託契約ではなく、協働のルールにのっとり、暮らしのニーズに対応した新しい形の委託です。", 30, None),
    ("subsidy", "補助", "city",
     "団体の公益的な事業に対する補助です。透明性・平等性・妥当性を確保し、期間を定め、成果を公表します。", 40, None),
    ("cooperation", "事業協力", "city",
     "経費負担、人的支援、備品貸与、助言など様々な協働の取組を、協定書を活用して実施します。", 50, None),
    ("cooperation-cost", "経費負担", "city", "事業の経費の一部を負担します。", 51, "cooperation"),
    ("cooperation-staff", "人的支援", "city", "職員が事業の運営に加わります。", 52, "cooperation"),
    ("cooperation-equipment", "備品貸与", "city", "市の備品や施設を貸し出します。", 53, "cooperation"),
    ("cooperation-advice", "助言", "city", "専門的な知識や情報を提供し、助言します。", 54, "cooperation"),
    ("co-hosting", "共催", "joint", "市と団体がともに主催者となって事業を行います。", 60, None),
    ("endorsement", "後援", "city",
     "市の名義の使用を認めます（費用や人員の負担はありません）。基準を明らかにし、新しい団体であることを理由に断りません。", 70, None),
    ("executive-committee", "実行委員会", "joint", "市と団体などで新たな組織（実行委員会）をつくり、その組織が主催します。", 80, None),
    ("proposal", "事業の提案", "citizens",
     "まちの課題解決のために方策を検討し、具体的な事業の提案を行います。", 90, None),
    ("call-response", "行政からの事業提示の受け止め", "citizens", "市が提示した事業に応募し、協働の相手方となります。", 100, None),
    ("information", "情報の発信・共有", "citizens",
     "様々なメディアを活用し、NPO・市民・企業などが持つまちの情報の発信、共有を図ります。", 110, None),
]

INTRODUCTION = """\
近年、NPOによる活動は幅広い分野で展開されており、行政や企業と並ぶ地域活動の担い手として、あるいは市民活動の一つの主体として多様な広がりを見せています。

阪神・淡路大震災をきっかけとしてボランティアに対する認識が深まり、NPOの社会的な位置づけの変化と共に、社会貢献の精神や自己実現の意欲が高まっています。

また、企業におけるCSR（Corporate Social Responsibility：企業の社会的責任）の概念に基づく取組やコミュニティビジネスの台頭は、営利のみを追求する従来の姿から脱却した新しい企業像を創りあげています。

国立市においては、平成13年7月に発足した「NPO等情報連絡会」でNPO活動の拠点づくりに関する課題が検討され、平成16年4月に「くにたちNPO活動支援室」（以下「支援室」という。）が開設されました。支援室では市民による自主的な運営が行われていますが、行政とNPO等が協働に対し、正しい共通認識をもって取り組むまでには至っておらず、支援室の方向性も明確にされていません。

こうした状況を改善するため、支援室は平成17年度に実施したNPO対象のアンケートに基づき、協働の指針づくりなどの要望を国立市に提出しました。これを受け、国立市では平成18年度からの第四期基本構想第1次基本計画で指針づくりを掲げ、最優先事項と位置づけて指針策定に着手しました。

そして、国立を活動の拠点とするNPOや支援室との意見交換の後、市民、NPO、支援室、企業、教育機関、行政の関係者で構成された「NPO等市民活動団体と国立市による協働推進検討会」が、様々な角度から調査、検証、議論を重ねて策定したものが、本書「NPO等と国立市による協働推進の指針」です。

今後は、この指針を活用しながら、時代に対応した国立にふさわしい「協働」に取り組んでいきます。
"""

ABOUT = """\
## 協働とは

「協働」とは、NPO、市民、企業、行政などが、暮らしやすいまちを共に目指して、相互の役割と責任のもと、お互いの特性をいかし、対等な立場で協力することです。

## なぜ協働するのか

複雑化する社会構造の中で多様化する市民ニーズに対し、行政が単独で公共サービスを提供することはもはや困難です。

NPO、市民、企業、行政それぞれが主体的に、地域性、専門性などの長所を発揮しながらまちの課題の解決に努め、国立市の基本構想で掲げる「人間を大切にするまち」を実現するために「協働」します。
"""

ACTORS = """\
この指針で取り上げる協働の主体は以下のとおりです。

NPO
: 営利を目的とせず、行政や企業とは別の自主的、自立的な組織として地域活動に取り組む団体。

市民
: 国立市で生活し、学び、働き、集うすべての個人。

企業
: 継続的に経済活動を営む団体又は個人。

国立市
: 市の各部署。

自治会、商店会、老人クラブ、サークルなどのいわゆる共益団体は、団体本来の目的にかかわらずときに地域活動の担い手となるため、協働の主体になり得ます。

このポータルでは、次の種類の団体が登録できます。
"""

RULES_PAGE = """\
すべての協働の主体は、以下に述べるルールに基づき、様々な形態の協働を推進していきます。

このポータルは、協働事業ごとに、六つのルールが守られているかを記録から確かめて公開します。
"""

FORMS_PAGE = """\
## 協働事業

- NPO、市民、企業による事業提案
- 行政による事業立案（既存事業の協働化と、新たな協働事業の創出）
- NPO、市民、企業と行政による合同の事業立案

## 協働の形態

協働の形態については、既存の事業を協働化するほかに、新しい協働事業の創造と掘り起こしも大切です。

事業提案制度、市民参加制度、公募型補助金制度など、新たな制度を構築して、多様な形の協働を創造します。
"""

SUPPORT_OFFICE = """\
## 中間支援組織

協働を効果的に推進するためには、協働の主体をサポートし、以下の機能を有する中間支援組織が必要です。

- コーディネート機能（協働に関する情報を集約し、協働の主体やその他の団体をつなげる役割）
- 学習・交流・相談の場と機会の提供
- 地域の人材発掘・育成・活用
- 情報公開・発信
- 調査研究
- 個人や小規模団体の活動に対する支援

## くにたちNPO活動支援室の位置づけ

行政はくにたちNPO活動支援室を、国立市において、NPO、市民、企業、行政をつなぐ中核的な中間支援組織として位置づけ、その中間支援機能の充実のために、時限を設けて支援室に対する人的、財政的援助を進めます。
"""

ENVIRONMENT = """\
## 国立市の体制

活動範囲を広げるNPO等や多機能化する中間支援組織の実情に応じて協働を効果的に進めるため、行政におけるNPO担当の業務を強化し、NPO等や中間支援組織と行政とをつなぐ機能、及び行政内部の連携を推進します。

## 協働に対する意識づくり

行政職員や市民が協働を正しく理解し積極的に取り組むため、本指針を広く普及させ、職員研修や市民向け講座を開催します。

特に職員研修については、NPO団体での体験学習など新しい取組を実施していきます。

## 協働指針の運用マニュアルの作成

協働指針の運用マニュアル（手引き）を作成、共有することにより協働環境の周知を図ります。

---

時代に対応した国立にふさわしい「協働」を進めるため、必要に応じて指針の見直しを行います。
"""

# (slug, title, summary, data panel, body)
PAGES = [
    ("introduction", "はじめに", "指針ができた経緯", "", INTRODUCTION),
    ("about", "協働とは", "協働の意味と、なぜ協働するのか", "", ABOUT),
    ("actors", "協働の主体", "NPO・市民・企業・国立市、そして共益団体", "actors", ACTORS),
    ("rules", "協働のルール", "すべての協働が守る六つのルール", "rules", RULES_PAGE),
    ("forms", "協働事業と協働の形態", "事業の提示・提案から委託・補助・事業協力まで", "forms", FORMS_PAGE),
    ("support-office", "中間支援組織と支援室", "くにたちNPO活動支援室の六つの機能", "", SUPPORT_OFFICE),
    ("environment", "協働のための環境・体制づくり", "市の体制、意識づくり、運用マニュアル", "", ENVIRONMENT),
]


def seed(apps, schema_editor):
    Rule = apps.get_model("guideline", "CollaborationRule")
    Form = apps.get_model("guideline", "ProjectForm")
    Page = apps.get_model("guideline", "GuidelinePage")
    Revision = apps.get_model("guideline", "GuidelineRevision")
    for number, code, text, short_name, explanation in RULES:
        Rule.objects.update_or_create(
            number=number,
            defaults={"code": code, "text": text, "short_name": short_name, "explanation": explanation},
        )
    for code, name, lead, description, order, parent in FORMS:
        Form.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "lead": lead,
                "description": description,
                "order": order,
                "parent": Form.objects.get(code=parent) if parent else None,
            },
        )
    for order, (slug, title, summary, panel, body) in enumerate(PAGES, start=1):
        page, _ = Page.objects.update_or_create(
            slug=slug,
            defaults={"title": title, "summary": summary, "data_panel": panel, "order": order * 10},
        )
        Revision.objects.get_or_create(
            page=page,
            number=1,
            defaults={
                "body": body,
                "note": "指針の策定（初版）",
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("guideline", "GuidelinePage").objects.filter(slug__in=[p[0] for p in PAGES]).delete()
    Form = apps.get_model("guideline", "ProjectForm")
    Form.objects.filter(parent__isnull=False, code__in=[f[0] for f in FORMS]).delete()
    Form.objects.filter(code__in=[f[0] for f in FORMS]).delete()
    apps.get_model("guideline", "CollaborationRule").objects.filter(number__in=[r[0] for r in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("guideline", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
