"""Demo data for `manage.py seed_demo`: data only, no code.

Every person, organization, address, e-mail address and phone number here is
fictional. E-mail addresses use the reserved example.jp domain and websites
point at https://example.jp/. Kana fields are hiragana only (ー, ・ and spaces
allowed), as the furigana validator requires; the legal form of an
organization (NPO法人, 株式会社, ...) is left out of its kana, as directories do,
so that sorting by kana sorts by the name itself.

Activity fields are referred to by their number in the NPO law (1-20),
districts by their name; both are seeded by organizations' migration 0002.
"""

from datetime import date

DEMO_PASSWORD = "kyodo-demo-2026"

# (name, kana, e-mail, phone), in display order.
DEPARTMENTS = (
    (
        "政策経営部 政策経営課",
        "せいさくけいえいぶ せいさくけいえいか",
        "seisaku-keiei@city.example.jp",
        "042-576-2101",
    ),
    (
        "生活環境部 まちの振興課",
        "せいかつかんきょうぶ まちのしんこうか",
        "machi-shinko@city.example.jp",
        "042-576-2102",
    ),
    (
        "健康福祉部 福祉総務課",
        "けんこうふくしぶ ふくしそうむか",
        "fukushi-somu@city.example.jp",
        "042-576-2103",
    ),
    (
        "健康福祉部 高齢者支援課",
        "けんこうふくしぶ こうれいしゃしえんか",
        "korei-shien@city.example.jp",
        "042-576-2104",
    ),
    (
        "健康福祉部 しょうがいしゃ支援課",
        "けんこうふくしぶ しょうがいしゃしえんか",
        "shogaisha-shien@city.example.jp",
        "042-576-2105",
    ),
    (
        "子ども家庭部 児童青少年課",
        "こどもかていぶ じどうせいしょうねんか",
        "jido-seishonen@city.example.jp",
        "042-576-2106",
    ),
    (
        "教育委員会 生涯学習課",
        "きょういくいいんかい しょうがいがくしゅうか",
        "shogai-gakushu@city.example.jp",
        "042-576-2107",
    ),
    (
        "都市整備部 まちづくり推進課",
        "としせいびぶ まちづくりすいしんか",
        "machizukuri@city.example.jp",
        "042-576-2108",
    ),
    (
        "生活環境部 環境政策課",
        "せいかつかんきょうぶ かんきょうせいさくか",
        "kankyo-seisaku@city.example.jp",
        "042-576-2109",
    ),
    (
        "行政管理部 防災安全課",
        "ぎょうせいかんりぶ ぼうさいあんぜんか",
        "bosai-anzen@city.example.jp",
        "042-576-2110",
    ),
)

# One account per role (two reviewers, for open review), then the representatives
# of the organizations that made the demo proposals (PROPOSALS). "flags" are the User fields that make the role;
# every flag not named is reset to False on each run. "department" names a row of
# DEPARTMENTS; "membership" is (organization name, Membership.Role value).
ACCOUNTS = (
    {
        "email": "admin@example.jp",
        "role_label": "管理者",
        "full_name": "佐藤 健一",
        "full_name_kana": "さとう けんいち",
        "flags": ("is_superuser", "is_staff"),
    },
    {
        "email": "office@example.jp",
        "role_label": "支援室スタッフ",
        "full_name": "高橋 由美",
        "full_name_kana": "たかはし ゆみ",
        "flags": ("is_support_staff",),
    },
    {
        "email": "staff@example.jp",
        # The collaboration promotion section (協働推進係) runs the free-proposal review for
        # every department: its staff are the city-wide coordinators (協働推進担当).
        "role_label": "市職員（まちの振興課 協働推進担当）",
        "full_name": "鈴木 大輔",
        "full_name_kana": "すずき だいすけ",
        "flags": ("is_city_staff", "is_collaboration_coordinator"),
        "department": "生活環境部 まちの振興課",
    },
    {
        "email": "reviewer@example.jp",
        "role_label": "審査委員",
        "full_name": "田中 恵子",
        "full_name_kana": "たなか けいこ",
        "flags": ("is_reviewer",),
    },
    {
        "email": "onishi@example.jp",
        "role_label": "審査委員（大学教員）",
        "full_name": "大西 礼子",
        "full_name_kana": "おおにし れいこ",
        "flags": ("is_reviewer",),
    },
    {
        "email": "member@example.jp",
        "role_label": "団体メンバー（代表者）",
        "full_name": "渡辺 直樹",
        "full_name_kana": "わたなべ なおき",
        "flags": (),
        "membership": ("NPO法人 くにたち子ども食堂ネット", "representative"),
    },
    {
        "email": "editor@example.jp",
        "role_label": "団体メンバー（編集者）",
        "full_name": "伊藤 さくら",
        "full_name_kana": "いとう さくら",
        "flags": (),
        "membership": ("NPO法人 くにたち子ども食堂ネット", "editor"),
    },
    {
        "email": "citizen@example.jp",
        "role_label": "市民",
        "full_name": "山本 翔太",
        "full_name_kana": "やまもと しょうた",
        "flags": (),
    },
    {
        "email": "kobayashi@example.jp",
        "role_label": "団体の代表者（緑と水の会）",
        "full_name": "小林 正夫",
        "full_name_kana": "こばやし まさお",
        "flags": (),
        "membership": ("NPO法人 くにたち緑と水の会", "representative"),
    },
    {
        "email": "kato@example.jp",
        "role_label": "団体の代表者（まちなか介護ネットワーク）",
        "full_name": "加藤 美智子",
        "full_name_kana": "かとう みちこ",
        "flags": (),
        "membership": ("NPO法人 国立まちなか介護ネットワーク", "representative"),
    },
    {
        "email": "hayashi@example.jp",
        "role_label": "団体の代表者（シニアITサポート）",
        "full_name": "林 茂",
        "full_name_kana": "はやし しげる",
        "flags": (),
        "membership": ("NPO法人 くにたちシニアITサポート", "representative"),
    },
    {
        "email": "inoue@example.jp",
        "role_label": "団体の代表者（多文化共生センター）",
        "full_name": "井上 真理",
        "full_name_kana": "いのうえ まり",
        "flags": (),
        "membership": ("NPO法人 くにたち多文化共生センター", "representative"),
    },
    {
        "email": "yamaguchi@example.jp",
        "role_label": "団体の代表者（あおやぎ防災ラボ）",
        "full_name": "山口 隆",
        "full_name_kana": "やまぐち たかし",
        "flags": (),
        "membership": ("NPO法人 多摩川あおやぎ防災ラボ", "representative"),
    },
    {
        "email": "korei@example.jp",
        "role_label": "市職員（高齢者支援課）",
        "full_name": "中村 陽子",
        "full_name_kana": "なかむら ようこ",
        "flags": ("is_city_staff",),
        "department": "健康福祉部 高齢者支援課",
    },
    {
        "email": "hasegawa@example.jp",
        "role_label": "団体の代表者（富士見台三丁目住宅自治会）",
        "full_name": "長谷川 勝",
        "full_name_kana": "はせがわ まさる",
        "flags": (),
        "membership": ("富士見台三丁目住宅自治会", "representative"),
    },
    {
        "email": "kawaguchi@example.jp",
        "role_label": "団体の代表者（くにたちエリアマネジメント）",
        "full_name": "川口 哲也",
        "full_name_kana": "かわぐち てつや",
        "flags": (),
        "membership": ("一般社団法人 くにたちエリアマネジメント", "representative"),
    },
    {
        "email": "ikeda@example.jp",
        "role_label": "団体の代表者（谷保田んぼの学校）",
        "full_name": "池田 修",
        "full_name_kana": "いけだ おさむ",
        "flags": (),
        "membership": ("谷保田んぼの学校", "representative"),
    },
)

# The account recorded as created_by for organizations not registered by a
# demo member, and as the reviewer of every OrganizationReview.
OFFICE_EMAIL = "office@example.jp"

# Organizations. Keys not given take these defaults.
ORGANIZATION_DEFAULTS = {
    "status": "verified",
    "is_public": True,
    "website": "",
    "created_by": OFFICE_EMAIL,
    "rejection_reason": "",
}

ORGANIZATIONS = (
    # --- NPO法人 -------------------------------------------------------------
    {
        "kind": "npo",
        "name": "NPO法人 くにたち子ども食堂ネット",
        "name_kana": "くにたちこどもしょくどうねっと",
        "representative_name": "渡辺 直樹",
        "founded_on": date(2016, 4, 1),
        "member_count": 42,
        "purpose": (
            "子どもが一人でも安心して立ち寄れる食卓を地域につくり、孤食や生活の困りごとを抱える家庭を支えます。"
            "市内の子ども食堂どうしをつなぎ、食材や担い手を分かち合う仕組みを育てることを目的としています。"
        ),
        "activities": (
            "市内6か所の子ども食堂の連絡会を毎月開き、食材の寄付の受け付けと配分を行っています。"
            "富士見台と谷保の会場では毎週水曜日に夕食を提供し、年間のべ約3,000食を届けました。"
            "長期休みには学習支援と合わせた「夏休みランチ会」を開いています。"
        ),
        "fields": (13, 1, 19),
        "districts": ("富士見台", "谷保"),
        "address": "東京都国立市富士見台一丁目8番3号",
        "email": "kodomo-shokudo@example.jp",
        "phone": "042-575-3812",
        "website": "https://example.jp/kodomo-shokudo/",
        "created_by": "member@example.jp",
    },
    {
        "kind": "npo",
        "name": "NPO法人 くにたち緑と水の会",
        "name_kana": "くにたちみどりとみずのかい",
        "representative_name": "小林 正夫",
        "founded_on": date(2005, 6, 12),
        "member_count": 68,
        "purpose": (
            "ママ下湧水やハケの緑など、国立の南部に残る水と緑を次の世代に引き継ぐことを目的とします。"
            "市民による調査と保全活動を通じて、身近な自然への関心を広げます。"
        ),
        "activities": (
            "毎月第2日曜日に湧水周辺の清掃と外来植物の除去を行っています。"
            "年4回の水質調査の結果を報告書にまとめ、市と共有しています。"
            "小学生向けの自然観察会を春と秋に開いています。"
        ),
        "fields": (7, 2, 13),
        "districts": ("谷保", "泉", "青柳"),
        "address": "東京都国立市泉二丁目14番7号",
        "email": "midori-mizu@example.jp",
        "phone": "042-576-4420",
        "website": "https://example.jp/midori-mizu/",
    },
    {
        "kind": "npo",
        "name": "NPO法人 国立まちなか介護ネットワーク",
        "name_kana": "くにたちまちなかかいごねっとわーく",
        "representative_name": "加藤 美智子",
        "founded_on": date(2009, 10, 1),
        "member_count": 35,
        "purpose": (
            "介護をする家族が孤立しないよう、地域の中で相談し合える場とつながりをつくります。"
            "介護の専門職と市民が力を合わせ、住み慣れたまちで暮らし続けられる地域を目指します。"
        ),
        "activities": (
            "介護者のつどい「ひと息カフェ」を毎月2回、東と中の会場で開いています。"
            "認知症サポーター養成講座の講師を派遣し、これまでに約800人が受講しました。"
            "介護に関する相談窓口を週3日開設しています。"
        ),
        "fields": (1, 19),
        "districts": ("東", "中"),
        "address": "東京都国立市東二丁目21番5号",
        "email": "machinaka-kaigo@example.jp",
        "phone": "042-572-6631",
        "website": "https://example.jp/machinaka-kaigo/",
    },
    {
        "kind": "npo",
        "name": "NPO法人 多摩川あおやぎ防災ラボ",
        "name_kana": "たまがわあおやぎぼうさいらぼ",
        "representative_name": "山口 隆",
        "founded_on": date(2020, 3, 11),
        "member_count": 24,
        "purpose": (
            "多摩川沿いの地域で水害や地震に備える力を、住民自身の手で高めることを目的とします。"
            "令和元年の台風の経験を教訓に、避難の判断と助け合いの仕組みづくりを進めます。"
        ),
        "activities": (
            "自治会と協力して「わが家の避難計画」づくりのワークショップを開いています。"
            "ハザードマップを歩いて確かめる防災まち歩きを年3回実施しました。"
            "要配慮者の避難を支える見守り名簿づくりを支援しています。"
        ),
        "fields": (8, 9, 3),
        "districts": ("青柳", "石田"),
        "address": "東京都国立市青柳三丁目5番18号",
        "email": "aoyagi-bosai@example.jp",
        "phone": "042-580-2274",
    },
    {
        "kind": "npo",
        "name": "NPO法人 くにたち多文化共生センター",
        "name_kana": "くにたちたぶんかきょうせいせんたー",
        "representative_name": "井上 真理",
        "founded_on": date(2012, 7, 1),
        "member_count": 51,
        "purpose": (
            "国籍や言葉の違いをこえて、だれもが暮らしやすい多文化共生のまちをつくります。"
            "外国にルーツをもつ住民が地域の担い手として活躍できるよう支えます。"
        ),
        "activities": (
            "やさしい日本語による生活相談を週2回、北と東の会場で行っています。"
            "行政の案内や学校のお便りの翻訳を、8言語のボランティア通訳が手伝っています。"
            "毎年秋に多文化交流フェスティバルを開き、約1,200人が参加しました。"
        ),
        "fields": (11, 10, 2),
        "districts": ("東", "北"),
        "address": "東京都国立市北一丁目3番12号",
        "email": "tabunka@example.jp",
        "phone": "042-573-8105",
        "website": "https://example.jp/tabunka/",
    },
    {
        "kind": "npo",
        "name": "NPO法人 学びの森くにたち",
        "name_kana": "まなびのもりくにたち",
        "representative_name": "木村 浩二",
        "founded_on": date(2011, 4, 20),
        "member_count": 29,
        "purpose": (
            "家庭の事情にかかわらず、すべての子どもが学ぶ楽しさと居場所をもてる地域を目指します。"
            "大学生や退職した教員などの地域の人材を生かし、学びを支える活動を行います。"
        ),
        "activities": (
            "中学生を対象にした無料の学習会を週2回開き、毎年約40人が通っています。"
            "高校進学後も相談できるよう、卒業生との交流会を開いています。"
            "学習ボランティアの養成講座を年1回実施しています。"
        ),
        "fields": (2, 13, 17),
        "districts": ("中", "富士見台"),
        "address": "東京都国立市中二丁目9番4号",
        "email": "manabi-no-mori@example.jp",
        "phone": "042-577-1936",
        "website": "https://example.jp/manabi-no-mori/",
    },
    {
        "kind": "npo",
        "name": "NPO法人 くにたちシニアITサポート",
        "name_kana": "くにたちしにああいてぃーさぽーと",
        "representative_name": "林 茂",
        "founded_on": date(2014, 9, 1),
        "member_count": 33,
        "purpose": (
            "スマートフォンやパソコンの使い方で困っている高齢者を、同じ世代の仲間が支えます。"
            "情報の格差をなくし、だれもがデジタルの便利さを暮らしに生かせる地域を目指します。"
        ),
        "activities": (
            "公民館と地域の集会所で「スマホ相談会」を毎月開き、年間約500件の相談に応じています。"
            "オンライン手続きやキャッシュレス決済の体験講座を開いています。"
            "詐欺メールの見分け方など、安全に使うための学習会も行っています。"
        ),
        "fields": (14, 1, 18),
        "districts": ("中", "西"),
        "address": "東京都国立市西二丁目11番6号",
        "email": "senior-it@example.jp",
        "phone": "042-576-9043",
    },
    {
        "kind": "npo",
        "name": "NPO法人 はたらく場づくり国立",
        "name_kana": "はたらくばづくりくにたち",
        "representative_name": "斎藤 順子",
        "founded_on": date(2023, 2, 1),
        "member_count": 12,
        "purpose": (
            "障害のある人やひきこもりを経験した人が、地域の中で自分に合った働き方を見つけられるよう支えます。"
            "商店や企業と協力して、短い時間から始められる仕事の場を広げます。"
        ),
        "activities": (
            "市内の商店と協力し、週1日から働ける「おためし就労」の受け入れ先を開拓しています。"
            "就労に向けた相談会を月2回開いています。"
            "令和6年度は12人が地域の事業所で働き始めました。"
        ),
        "fields": (17, 1),
        "districts": ("北", "矢川"),
        "address": "東京都国立市北三丁目2番9号",
        "email": "hataraku-ba@example.jp",
        "phone": "042-505-7718",
        "status": "pending",
    },
    # --- 任意団体 -------------------------------------------------------------
    {
        "kind": "voluntary",
        "name": "大学通り花壇ボランティアの会",
        "name_kana": "だいがくどおりかだんぼらんてぃあのかい",
        "representative_name": "松本 和子",
        "founded_on": date(2003, 5, 1),
        "member_count": 47,
        "purpose": (
            "大学通りの緑地帯の花壇を市民の手で手入れし、四季の花で迎えるまちの顔をつくります。"
            "花の手入れを通じて、世代をこえた顔見知りの関係を広げます。"
        ),
        "activities": (
            "毎週土曜日の朝に花壇の水やりと草取りを行っています。"
            "春と秋の植え替えには近隣の小学校の児童も参加しています。"
            "花壇の里親制度をつくり、現在18区画を会員が受け持っています。"
        ),
        "fields": (3, 7),
        "districts": ("東", "中"),
        "address": "東京都国立市中一丁目17番2号",
        "email": "daigaku-kadan@example.jp",
        "phone": "090-4521-3367",
    },
    {
        "kind": "voluntary",
        "name": "矢川おやこ広場の会",
        "name_kana": "やがわおやこひろばのかい",
        "representative_name": "清水 彩",
        "founded_on": date(2015, 4, 10),
        "member_count": 16,
        "purpose": (
            "乳幼児を育てる親子が気軽に集まり、子育ての悩みを分かち合える場をつくります。"
            "父親や働く親も参加しやすい場づくりを大切にしています。"
        ),
        "activities": (
            "矢川の集会所で毎週火曜日と金曜日の午前に親子広場を開いています。"
            "月1回、土曜日に「パパと遊ぼう」の日を設けています。"
            "助産師や保育士を招いたミニ講座を年6回開いています。"
        ),
        "fields": (13, 12),
        "districts": ("矢川", "富士見台"),
        "address": "東京都国立市矢川三丁目4番1号",
        "email": "yagawa-oyako@example.jp",
        "phone": "080-6634-2190",
    },
    {
        "kind": "voluntary",
        "name": "日本語ひろば ことのは",
        "name_kana": "にほんごひろば ことのは",
        "representative_name": "森 千尋",
        "founded_on": date(2008, 10, 1),
        "member_count": 22,
        "purpose": (
            "国立市で暮らし、働き、学ぶ外国出身の人たちが日本語を学べる場を提供します。"
            "教室を、学ぶ人とボランティアがともに地域の仲間になる場にしたいと考えています。"
        ),
        "activities": (
            "北市民プラザで毎週木曜日の夜と日曜日の午前に日本語教室を開いています。"
            "これまでに30以上の国と地域の人が学びました。"
            "年2回、学習者がふるさとの料理や文化を紹介する交流会を開いています。"
        ),
        "fields": (11, 2),
        "districts": ("北", "東"),
        "address": "東京都国立市北二丁目6番15号",
        "email": "kotonoha@example.jp",
        "phone": "090-7312-5584",
        "website": "https://example.jp/kotonoha/",
    },
    {
        "kind": "voluntary",
        "name": "谷保田んぼの学校",
        "name_kana": "やほたんぼのがっこう",
        "representative_name": "池田 修",
        "founded_on": date(2010, 3, 1),
        "member_count": 38,
        "purpose": (
            "谷保に残る田んぼと用水を守り、都市の中の農の風景を次の世代に伝えます。"
            "子どもたちが米づくりを通じて、食と自然のつながりを学ぶ機会をつくります。"
        ),
        "activities": (
            "地元の農家から借りた田んぼで、親子が田植えから稲刈りまでを体験しています。"
            "収穫した米で秋に収穫祭を開き、地域の人にふるまっています。"
            "用水路の清掃に毎年参加しています。"
        ),
        "fields": (5, 13, 7),
        "districts": ("谷保", "泉"),
        "address": "東京都国立市谷保5123番地",
        "email": "yaho-tanbo@example.jp",
        "phone": "042-576-3350",
        "website": "https://example.jp/yaho-tanbo/",
    },
    {
        "kind": "voluntary",
        "name": "点訳・音訳グループ こだま",
        "name_kana": "てんやく・おんやくぐるーぷ こだま",
        "representative_name": "橋本 悦子",
        "founded_on": date(1998, 6, 1),
        "member_count": 19,
        "purpose": (
            "目の不自由な人が地域の情報を自分で読み、知ることができるよう、点訳と音訳で支えます。"
            "活字で届く情報の格差を少しでも小さくすることを目的とします。"
        ),
        "activities": (
            "市報や社会福祉協議会だよりを毎号音訳し、希望者に届けています。"
            "図書の点訳を依頼に応じて行っています。"
            "音訳ボランティア養成講座を隔年で開いています。"
        ),
        "fields": (1, 14),
        "districts": ("中",),
        "address": "東京都国立市中三丁目1番22号",
        "email": "kodama-onyaku@example.jp",
        "phone": "042-577-0628",
    },
    {
        "kind": "voluntary",
        "name": "くにたち郷土史を歩く会",
        "name_kana": "くにたちきょうどしをあるくかい",
        "representative_name": "石井 博",
        "founded_on": date(2006, 11, 3),
        "member_count": 27,
        "purpose": (
            "甲州街道沿いの旧村や用水の歴史など、国立の郷土史を調べ、歩いて伝えることを目的とします。"
            "まちの成り立ちを知ることで、地域への愛着を育てます。"
        ),
        "activities": (
            "毎月、史跡や古道をめぐるまち歩きを開き、市外からの参加者も案内しています。"
            "聞き取り調査をもとに、昭和の谷保村の暮らしをまとめた冊子を発行しました。"
            "郷土文化館の企画展に資料の調査で協力しています。"
        ),
        "fields": (6, 2, 4),
        "districts": ("谷保", "青柳", "石田"),
        "address": "東京都国立市谷保6421番地",
        "email": "kyodoshi-aruku@example.jp",
        "phone": "042-575-8849",
    },
    {
        "kind": "voluntary",
        "name": "くにたち地域通貨準備会",
        "name_kana": "くにたちちいきつうかじゅんびかい",
        "representative_name": "前田 陽介",
        "founded_on": date(2025, 9, 1),
        "member_count": 3,
        "purpose": (
            "地域通貨を使って、助け合いと地元のお店での買い物が循環するまちをつくりたいと考えています。"
        ),
        "activities": (
            "他市の地域通貨の事例を調べる勉強会を3回開きました。"
            "今後、商店会への説明会を計画しています。"
        ),
        "fields": (16, 3),
        "districts": ("中",),
        "address": "東京都国立市中一丁目4番8号",
        "email": "chiiki-tsuka@example.jp",
        "phone": "090-2287-6613",
        "status": "rejected",
        "rejection_reason": (
            "会則（規約）と会員名簿の添付がありませんでした。また、登録の要件である会員5名以上を満たしていません。"
            "会則と5名以上の会員名簿をそろえて、改めて登録を申請してください。"
            "準備の進め方については、くにたちNPO活動支援室でご相談をお受けします。"
        ),
    },
    # --- 自治会 ---------------------------------------------------------------
    {
        "kind": "neighborhood",
        "name": "富士見台三丁目住宅自治会",
        "name_kana": "ふじみだいさんちょうめじゅうたくじちかい",
        "representative_name": "長谷川 勝",
        "founded_on": date(1968, 4, 1),
        "member_count": 420,
        "purpose": (
            "住宅に暮らす世帯が互いに助け合い、安全で住みよい住環境を保つことを目的とします。"
            "高齢化が進む中で、見守りとつながりづくりに力を入れています。"
        ),
        "activities": (
            "毎年夏に納涼祭、秋に防災訓練を開いています。"
            "ひとり暮らしの高齢者の見守りを、棟ごとの班長が中心になって行っています。"
            "集会所で月2回の「ふらっとサロン」を開いています。"
        ),
        "fields": (3, 9, 8),
        "districts": ("富士見台",),
        "address": "東京都国立市富士見台三丁目1番1号",
        "email": "fujimidai3-jichikai@example.jp",
        "phone": "042-573-2215",
    },
    {
        "kind": "neighborhood",
        "name": "青柳二丁目自治会",
        "name_kana": "あおやぎにちょうめじちかい",
        "representative_name": "村上 敏夫",
        "founded_on": date(1975, 5, 1),
        "member_count": 310,
        "purpose": ("会員相互の親睦を深め、防犯・防災に強い地域をつくることを目的とします。"),
        "activities": (
            "夜間の防犯パトロールを月2回行っています。"
            "多摩川の増水に備え、避難所までの経路を確かめる訓練を毎年実施しています。"
            "防犯灯の点検と、ごみ集積所の管理を担っています。"
        ),
        "fields": (3, 9, 8),
        "districts": ("青柳",),
        "address": "東京都国立市青柳二丁目12番3号",
        "email": "aoyagi2-jichikai@example.jp",
        "phone": "042-580-1147",
    },
    {
        "kind": "neighborhood",
        "name": "東四丁目町内会",
        "name_kana": "ひがしよんちょうめちょうないかい",
        "representative_name": "近藤 和夫",
        "founded_on": date(1962, 10, 1),
        "member_count": 260,
        "purpose": (
            "住民の親睦と地域の安全を図り、住みよい町内をつくることを目的とします。"
            "子どもから高齢者まで顔の見える関係づくりを大切にしています。"
        ),
        "activities": (
            "毎年秋に町内運動会と餅つき大会を開いています。"
            "小学生の登下校の見守りを、会員が交代で行っています。"
            "町内の消火器の点検と防災倉庫の管理を行っています。"
        ),
        "fields": (3, 9, 13),
        "districts": ("東",),
        "address": "東京都国立市東四丁目7番10号",
        "email": "higashi4-chonaikai@example.jp",
        "phone": "042-574-3390",
    },
    {
        "kind": "neighborhood",
        "name": "泉けやき自治会",
        "name_kana": "いずみけやきじちかい",
        "representative_name": "坂本 裕子",
        "founded_on": date(1982, 4, 1),
        "member_count": 180,
        "purpose": ("けやき並木のある住宅地の環境を守り、住民どうしが助け合える地域をつくります。"),
        "activities": (
            "けやき並木の落ち葉清掃を秋に毎週行い、落ち葉は堆肥にして花壇に使っています。"
            "年1回、避難所運営の訓練を近隣の自治会と合同で行っています。"
            "防災用品の共同購入を取りまとめています。"
        ),
        "fields": (3, 7, 8),
        "districts": ("泉",),
        "address": "東京都国立市泉三丁目20番5号",
        "email": "izumi-keyaki@example.jp",
        "phone": "042-576-5531",
    },
    {
        "kind": "neighborhood",
        "name": "北一丁目さくら自治会",
        "name_kana": "きたいっちょうめさくらじちかい",
        "representative_name": "遠藤 健",
        "founded_on": date(1990, 4, 1),
        "member_count": 150,
        "purpose": ("会員の親睦を図り、子どもが安心して育つ安全なまちをつくることを目的とします。"),
        "activities": (
            "春に桜まつりを開き、地域の子ども会と共催しています。"
            "通学路の危険箇所を点検し、市に改善を要望しています。"
            "夏休みのラジオ体操を公園で行っています。"
        ),
        "fields": (3, 9, 13),
        "districts": ("北",),
        "address": "東京都国立市北一丁目15番2号",
        "email": "kita1-sakura@example.jp",
        "phone": "042-573-6682",
        "status": "pending",
    },
    # --- 商店会 ---------------------------------------------------------------
    {
        "kind": "shopping",
        "name": "谷保天神通り商店会",
        "name_kana": "やほてんじんどおりしょうてんかい",
        "representative_name": "青木 昭",
        "founded_on": date(1958, 1, 15),
        "member_count": 34,
        "purpose": (
            "谷保の門前のにぎわいを守り、地域の暮らしを支える商店街として発展することを目的とします。"
            "歴史ある街並みを生かし、訪れる人と住む人の交流の場をつくります。"
        ),
        "activities": (
            "梅の季節に「梅まつり商店会市」を開き、参道の来訪者を商店街に案内しています。"
            "商店会のマップを作成し、駅や公共施設で配布しています。"
            "高齢者向けの買い物の配達を、加盟店が共同で行っています。"
        ),
        "fields": (16, 4, 3),
        "districts": ("谷保",),
        "address": "東京都国立市谷保5280番地",
        "email": "yaho-tenjin-dori@example.jp",
        "phone": "042-576-7720",
        "website": "https://example.jp/yaho-tenjin-dori/",
    },
    {
        "kind": "shopping",
        "name": "富士見通りにぎわい商店会",
        "name_kana": "ふじみどおりにぎわいしょうてんかい",
        "representative_name": "藤田 恭子",
        "founded_on": date(1972, 6, 1),
        "member_count": 41,
        "purpose": (
            "富士山を望む通りの魅力を生かし、歩いて楽しい商店街をつくることを目的とします。"
            "個性ある小さな店が続けられる環境を、地域と一緒に育てます。"
        ),
        "activities": (
            "毎年11月に歩行者天国のイベント「富士見通りマルシェ」を開いています。"
            "空き店舗を活用したチャレンジショップを市内の若手起業家に貸し出しています。"
            "加盟店共通のポイントカードを運営しています。"
        ),
        "fields": (16, 3),
        "districts": ("中", "東"),
        "address": "東京都国立市中二丁目3番30号",
        "email": "fujimi-nigiwai@example.jp",
        "phone": "042-577-4412",
        "website": "https://example.jp/fujimi-nigiwai/",
    },
    {
        "kind": "shopping",
        "name": "矢川駅南口商店会",
        "name_kana": "やがわえきみなみぐちしょうてんかい",
        "representative_name": "岡田 功",
        "founded_on": date(1980, 9, 1),
        "member_count": 22,
        "purpose": ("駅前の商店が協力して、安全で買い物しやすい駅前をつくることを目的とします。"),
        "activities": (
            "街路灯の維持管理と、年末の防犯パトロールを行っています。"
            "夏に駅前広場で盆踊り大会を開き、近隣の自治会と協力して運営しています。"
        ),
        "fields": (16, 9),
        "districts": ("矢川",),
        "address": "東京都国立市矢川二丁目1番7号",
        "email": "yagawa-minamiguchi@example.jp",
        "phone": "042-575-0926",
    },
    {
        "kind": "shopping",
        "name": "くにたち北口商店会",
        "name_kana": "くにたちきたぐちしょうてんかい",
        "representative_name": "中島 良平",
        "founded_on": date(1986, 4, 1),
        "member_count": 28,
        "purpose": (
            "駅の北側の商店がつながり、住む人にも訪れる人にも親しまれる商店街をつくります。"
        ),
        "activities": (
            "飲食店を中心にした食べ歩きイベントを年2回開いています。"
            "外国からの来訪者向けに、やさしい日本語と英語の店舗案内を作りました。"
        ),
        "fields": (16, 4),
        "districts": ("北",),
        "address": "東京都国立市北一丁目9番11号",
        "email": "kitaguchi-shotenkai@example.jp",
        "phone": "042-573-1180",
    },
    # --- 老人クラブ -----------------------------------------------------------
    {
        "kind": "seniors",
        "name": "くにたち長寿クラブ 泉の会",
        "name_kana": "くにたちちょうじゅくらぶ いずみのかい",
        "representative_name": "小川 清",
        "founded_on": date(1978, 4, 1),
        "member_count": 64,
        "purpose": ("高齢者が健康で生きがいをもって暮らせるよう、仲間づくりと社会参加を進めます。"),
        "activities": (
            "毎週月曜日に健康体操、月1回に輪投げ大会を開いています。"
            "通学路の花壇の手入れや、小学校の昔遊び教室に協力しています。"
        ),
        "fields": (1, 6),
        "districts": ("泉",),
        "address": "東京都国立市泉一丁目6番3号",
        "email": "izumi-chojuclub@example.jp",
        "phone": "042-576-8807",
    },
    {
        "kind": "seniors",
        "name": "谷保ふれあい長寿会",
        "name_kana": "やほふれあいちょうじゅかい",
        "representative_name": "後藤 フミ",
        "founded_on": date(1971, 5, 1),
        "member_count": 88,
        "purpose": ("会員どうしの親睦と健康づくりを進め、地域の見守りの担い手として活動します。"),
        "activities": (
            "ひとり暮らしの会員を訪ねる友愛訪問を毎月行っています。"
            "地域の清掃活動と、谷保の祭礼の手伝いに参加しています。"
            "カラオケと囲碁の同好会を運営しています。"
        ),
        "fields": (1, 9),
        "districts": ("谷保", "石田"),
        "address": "東京都国立市谷保4870番地",
        "email": "yaho-fureai@example.jp",
        "phone": "042-575-2263",
    },
    {
        "kind": "seniors",
        "name": "西いきいきクラブ",
        "name_kana": "にしいきいきくらぶ",
        "representative_name": "西村 孝",
        "founded_on": date(1984, 4, 1),
        "member_count": 52,
        "purpose": (
            "いくつになっても学び、楽しみ、地域とつながる暮らしを目指します。"
            "悪質な訪問販売や特殊詐欺から会員を守る学び合いも大切にしています。"
        ),
        "activities": (
            "消費生活センターの職員を招いた消費者被害防止の学習会を年2回開いています。"
            "グラウンドゴルフの練習会を毎週行っています。"
            "会報を年4回発行しています。"
        ),
        "fields": (1, 6, 18),
        "districts": ("西",),
        "address": "東京都国立市西一丁目18番9号",
        "email": "nishi-ikiiki@example.jp",
        "phone": "042-576-1354",
    },
    # --- サークル -------------------------------------------------------------
    {
        "kind": "circle",
        "name": "くにたち市民合唱団 やまびこ",
        "name_kana": "くにたちしみんがっしょうだん やまびこ",
        "representative_name": "福田 直美",
        "founded_on": date(1994, 9, 1),
        "member_count": 45,
        "purpose": ("歌うことを通じて、年齢や経験をこえた市民の交流と文化の広がりをつくります。"),
        "activities": (
            "毎週土曜日の午後に芸術小ホールなどで練習しています。"
            "毎年12月に定期演奏会を開くほか、高齢者施設を訪ねてコンサートを行っています。"
        ),
        "fields": (6,),
        "districts": ("中", "西"),
        "address": "東京都国立市西二丁目3番14号",
        "email": "yamabiko-chorus@example.jp",
        "phone": "090-5570-1826",
        "website": "https://example.jp/yamabiko-chorus/",
    },
    {
        "kind": "circle",
        "name": "谷保フォトサークル 光と影",
        "name_kana": "やほふぉとさーくる ひかりとかげ",
        "representative_name": "太田 誠",
        "founded_on": date(2007, 4, 1),
        "member_count": 18,
        "purpose": ("写真を通じて、国立の四季と暮らしの記録を残し、まちの魅力を発信します。"),
        "activities": (
            "月1回の撮影会と合評会を開いています。"
            "毎年春に市内のギャラリーで写真展を開き、撮りためたまちの風景を展示しています。"
        ),
        "fields": (6, 4),
        "districts": ("谷保",),
        "address": "東京都国立市谷保7015番地",
        "email": "hikari-to-kage@example.jp",
        "phone": "080-3318-4472",
    },
    {
        "kind": "circle",
        "name": "くにたちウォーキングクラブ",
        "name_kana": "くにたちうぉーきんぐくらぶ",
        "representative_name": "原田 和也",
        "founded_on": date(2013, 5, 1),
        "member_count": 56,
        "purpose": ("歩くことを通じて健康を保ち、仲間と一緒に国立の自然と街並みを楽しみます。"),
        "activities": (
            "毎週日曜日の朝、多摩川の土手や城山公園を歩くコースで例会を開いています。"
            "初心者向けの正しい歩き方講座を、年2回開いています。"
        ),
        "fields": (6, 1),
        "districts": ("青柳", "泉"),
        "address": "東京都国立市青柳一丁目10番6号",
        "email": "kunitachi-walking@example.jp",
        "phone": "090-6648-2015",
    },
    {
        "kind": "circle",
        "name": "親子えほんの会 どんぐり",
        "name_kana": "おやこえほんのかい どんぐり",
        "representative_name": "中川 里美",
        "founded_on": date(2018, 6, 1),
        "member_count": 11,
        "purpose": ("絵本の読み聞かせを通じて、親子のふれあいと子どもの豊かな心を育みます。"),
        "activities": (
            "富士見台の地域図書室で、毎月第3水曜日に読み聞かせ会を開いています。"
            "保育園や児童館にも出向いて、手遊びと読み聞かせを行っています。"
        ),
        "fields": (13, 2),
        "districts": ("富士見台",),
        "address": "東京都国立市富士見台二丁目30番1号",
        "email": "donguri-ehon@example.jp",
        "phone": "080-9921-3054",
        "is_public": False,
    },
    # --- 企業 -----------------------------------------------------------------
    {
        "kind": "company",
        "name": "株式会社くにたちデザイン工房",
        "name_kana": "くにたちでざいんこうぼう",
        "representative_name": "上田 亮",
        "founded_on": date(2012, 1, 10),
        "member_count": 9,
        "purpose": (
            "デザインの力で、地域の団体やお店の情報が必要な人に届くよう支えます。"
            "本業の技術を生かした社会貢献として、市民活動の広報を支援しています。"
        ),
        "activities": (
            "市民団体向けに、チラシとウェブサイトづくりの無料相談会を年4回開いています。"
            "商店会の共同マップの制作に協力しました。"
            "職場体験として、市内の中学生を毎年受け入れています。"
        ),
        "fields": (16, 14, 3),
        "districts": ("中",),
        "address": "東京都国立市中一丁目11番20号",
        "email": "design-kobo@example.jp",
        "phone": "042-577-6090",
        "website": "https://example.jp/design-kobo/",
    },
    {
        "kind": "company",
        "name": "有限会社 谷保ファーム",
        "name_kana": "やほふぁーむ",
        "representative_name": "吉川 健太",
        "founded_on": date(2004, 4, 1),
        "member_count": 6,
        "purpose": (
            "市内の農地で野菜を育て、地域の食卓と学校給食に新鮮な地場野菜を届けます。"
            "農地を生かした体験の場を提供し、都市農業への理解を広げます。"
        ),
        "activities": (
            "市内の小中学校の給食に季節の野菜を納めています。"
            "市民農園の運営と、子ども向けの収穫体験を行っています。"
        ),
        "fields": (5, 7, 16),
        "districts": ("谷保", "石田"),
        "address": "東京都国立市石田1240番地",
        "email": "yaho-farm@example.jp",
        "phone": "042-580-3345",
        "is_public": False,
    },
    {
        "kind": "company",
        "name": "株式会社 国立ケアサービス",
        "name_kana": "くにたちけあさーびす",
        "representative_name": "宮崎 久美子",
        "founded_on": date(2019, 8, 1),
        "member_count": 48,
        "purpose": ("訪問介護の事業者として、地域の介護人材を育て、介護の仕事の魅力を伝えます。"),
        "activities": (
            "介護職員初任者研修を地域の求職者向けに開いています。"
            "地域包括支援センターと協力し、介護予防の出前講座を行っています。"
        ),
        "fields": (1, 17),
        "districts": ("東", "富士見台"),
        "address": "東京都国立市東一丁目16番8号",
        "email": "kunitachi-care@example.jp",
        "phone": "042-574-8821",
        "status": "pending",
    },
    # --- 教育機関 -------------------------------------------------------------
    {
        "kind": "educational",
        "name": "学校法人くにたち学園 地域連携室",
        "name_kana": "くにたちがくえん ちいきれんけいしつ",
        "representative_name": "野口 雅人",
        "founded_on": date(1952, 4, 1),
        "member_count": 14,
        "purpose": (
            "学校の教育資源を地域に開き、生徒が地域の課題に取り組む学びを進めます。"
            "地域の団体と生徒が出会う窓口の役割を担います。"
        ),
        "activities": (
            "高校生のボランティア活動を、市内の団体とつないでいます。"
            "夏休みに小学生向けの科学教室と音楽教室を開いています。"
            "体育館を地域の避難訓練の会場として提供しています。"
        ),
        "fields": (2, 13, 6),
        "districts": ("中",),
        "address": "東京都国立市中三丁目12番1号",
        "email": "gakuen-renkei@example.jp",
        "phone": "042-577-2001",
        "website": "https://example.jp/kunitachi-gakuen/",
    },
    {
        "kind": "educational",
        "name": "東京多摩地域大学 社会連携センター",
        "name_kana": "とうきょうたまちいきだいがく しゃかいれんけいせんたー",
        "representative_name": "杉山 恵美",
        "founded_on": date(2015, 4, 1),
        "member_count": 8,
        "purpose": (
            "大学の研究と学生の力を地域に生かし、市民や行政と協働してまちの課題に取り組みます。"
        ),
        "activities": (
            "ゼミと市民団体が共同で地域調査を行い、報告会を公開で開いています。"
            "市民向けの公開講座を年10回開いています。"
            "小中学生向けの科学実験教室を毎年夏に開いています。"
        ),
        "fields": (2, 15, 3),
        "districts": ("北", "中"),
        "address": "東京都国立市北二丁目20番3号",
        "email": "tama-univ-renkei@example.jp",
        "phone": "042-573-5500",
        "website": "https://example.jp/tama-univ/",
    },
    # --- その他 ---------------------------------------------------------------
    {
        "kind": "other",
        "name": "一般社団法人 くにたちエリアマネジメント",
        "name_kana": "くにたちえりあまねじめんと",
        "representative_name": "川口 哲也",
        "founded_on": date(2021, 7, 1),
        "member_count": 15,
        "purpose": (
            "駅周辺の公共空間を市民・商店・行政が一緒に使いこなし、歩いて楽しいまちをつくります。"
            "まちづくりに取り組む団体どうしの連絡と調整を担います。"
        ),
        "activities": (
            "駅前広場を使った社会実験として、ベンチとキッチンカーを置く催しを年4回開きました。"
            "商店会・自治会・大学が参加する連絡会議を隔月で開いています。"
        ),
        "fields": (3, 16, 19),
        "districts": ("中", "東", "西"),
        "address": "東京都国立市東一丁目4番2号",
        "email": "area-management@example.jp",
        "phone": "042-574-1122",
        "website": "https://example.jp/area-management/",
    },
)

# Calls (事業の提示). Dates are days from the day seed_demo runs, so that one call
# is always open, one upcoming and one ended: "opens" at 9:00 and "closes" at
# 17:00 (Tokyo time), "published" at 9:00. A draft has no "published" day.
# "forms" are ProjectForm codes (seeded by proposals' migration 0002); the
# department names a row of DEPARTMENTS; "created_by" is a city staff account.
CALLS = (
    {
        "title": "高齢者の見守りネットワークづくり",
        "department": "健康福祉部 高齢者支援課",
        "status": "published",
        "published": -21,
        "opens": -14,
        "closes": 30,
        "requires_consultation": True,
        "forms": ("commission",),
        "budget_cap": 1_200_000,
        "background": (
            "市内の65歳以上の一人暮らしの方は、この10年で約1.5倍に増えました。"
            "民生委員や地域包括支援センターだけでは、日ごろの小さな変化に気づくことが難しくなっています。\n"
            "自治会・商店・配達事業者・NPOなど、地域で高齢の方と接する人たちがゆるやかにつながり、"
            "気になることを早めに共有できる仕組みが求められています。"
        ),
        "expected_outcome": (
            "見守りに協力する団体・事業所が、市内の各地区に広がること（目標：3年で60団体・事業所）。\n"
            "見守りの協力者向けの講座を年4回以上開き、気づいたことの連絡先と流れが地域に定着すること。"
        ),
        "eligibility": (
            "市内で高齢者の支援・地域福祉の活動を1年以上続けているNPO法人・任意団体・社会福祉法人など。"
            "複数の団体が共同で応募することもできます。"
        ),
        "exclusions": "営利を主な目的とする事業、特定の政治・宗教活動を目的とする事業は対象となりません。",
        "review_criteria": (
            "書類審査（一次審査）と公開プレゼンテーション（二次審査）により審査します。"
            "公開プレゼンテーションはどなたでも傍聴できます。"
        ),
        "contact": "健康福祉部 高齢者支援課 地域包括ケア係\n電話 042-576-2104　メール korei-shien@city.example.jp",
    },
    {
        "title": "子どもの居場所づくり",
        "department": "子ども家庭部 児童青少年課",
        "status": "published",
        "published": -3,
        "opens": 21,
        "closes": 60,
        "requires_consultation": False,
        "forms": ("subsidy", "cooperation-equipment"),
        "budget_cap": 800_000,
        "background": (
            "放課後や長期休みに、家でも学校でもない「ほっとできる場所」を必要としている子どもがいます。"
            "子ども食堂や学習支援の取組は市内で少しずつ増えていますが、北部・東部には通える場所がまだ少ない状況です。"
        ),
        "expected_outcome": (
            "居場所が少ない地区に、週1回以上開く子どもの居場所が新たに2か所以上できること。\n"
            "学校・児童館・民生委員と連絡を取り合い、支援が必要な子どもに居場所の情報が届くこと。"
        ),
        "eligibility": "市内で子ども・子育て支援の活動をしている団体（法人格の有無は問いません）。",
        "exclusions": "",
        "review_criteria": (
            "書類審査と公開プレゼンテーションにより審査します。"
            "地域の子どもの声を取り入れる工夫がある提案を評価します。"
        ),
        "contact": "子ども家庭部 児童青少年課 青少年係\n電話 042-576-2106　メール jido-seishonen@city.example.jp",
    },
    {
        "title": "多摩川河川敷の環境保全",
        "department": "生活環境部 環境政策課",
        "status": "closed",
        "published": -160,
        "opens": -150,
        "closes": -90,
        "requires_consultation": False,
        "forms": ("co-hosting", "cooperation-cost"),
        "budget_cap": 500_000,
        "background": (
            "多摩川の河川敷と府中用水の周辺には、市の貴重な自然が残っています。"
            "一方で、外来植物の繁茂やごみの不法投棄が続き、在来の草花や野鳥が見られる場所が減っています。"
        ),
        "expected_outcome": (
            "市民参加の清掃と外来植物の除去を年6回以上行い、参加者が延べ300人を超えること。\n"
            "河川敷の生きもの調査の結果を市と団体が共同で公表すること。"
        ),
        "eligibility": "市内で環境保全・自然観察の活動をしている団体。",
        "exclusions": "河川管理者の許可が必要な工作物の設置を伴う事業は対象となりません。",
        "review_criteria": "書類審査と公開プレゼンテーションにより審査しました。",
        "contact": "生活環境部 環境政策課 環境保全係\n電話 042-576-2109　メール kankyo-seisaku@city.example.jp",
    },
    {
        "title": "市民活動フェスタの共同開催",
        "department": "生活環境部 まちの振興課",
        "status": "draft",
        "published": None,
        "opens": 30,
        "closes": 75,
        "requires_consultation": True,
        "forms": ("executive-committee", "co-hosting"),
        "budget_cap": None,
        "background": (
            "市内で活動するNPO・市民活動団体の取組を、まだ知らない市民に知ってもらう機会が少ないという声があります。"
            "団体どうしが出会い、新しい協働が生まれる場も求められています。"
        ),
        "expected_outcome": (
            "30団体以上が出展し、来場者が1,000人を超えること。"
            "フェスタをきっかけに、団体への参加や団体どうしの共同の取組が生まれること。"
        ),
        "eligibility": "市内で活動するNPO法人・任意団体・自治会・商店会・企業など。",
        "exclusions": "物品の販売を主な目的とする出展は対象となりません。",
        "review_criteria": "実行委員会への参加の意向と、フェスタの企画・運営への提案内容をもとに選びます。",
        "contact": "生活環境部 まちの振興課 協働推進係\n電話 042-576-2102　メール machi-shinko@city.example.jp",
    },
)
CALLS_CREATED_BY = "staff@example.jp"

# Briefings (説明会) and questions (質問と回答) of calls, keyed on the call's title. A call
# that has briefings, or questions, already keeps them as they are. Briefing days are days
# from the day seed_demo runs, times Tokyo's (hour, minute). A question is asked by "asker"
# (an e-mail of ACCOUNTS) while the call is open; one with an "answer" is answered by
# "answered_by" (staff of the call's department), published as "public_text" when the
# department reworded it; one without waits for an answer.
CALL_MATERIALS = {
    "高齢者の見守りネットワークづくり": {
        "briefings": (
            {
                "day": 4,
                "starts": (14, 0),
                "ends": (15, 30),
                "place": "国立市役所 3階 第1・第2会議室",
                "online_url": "",
                "capacity": "先着40名（申込不要）",
                "note": (
                    "募集要項の説明のあと、個別の相談の時間を設けます。"
                    "募集要項は当日も配りますが、このページからもダウンロードできます。\n"
                    "車いすで来場される方は、事前にお知らせください。"
                ),
            },
            {
                "day": 11,
                "starts": (19, 0),
                "ends": (20, 30),
                "place": "くにたち市民協働センター（国立市富士見台1丁目）",
                "online_url": "https://meet.example.jp/kunitachi-mimamori",
                "capacity": "会場30名・オンライン50名（要申込）",
                "note": (
                    "平日の日中に参加できない方のための夜の回です。会場とオンラインの両方で開きます。"
                    "オンラインで参加される方は、前日までに高齢者支援課へメールでお申し込みください。"
                ),
            },
        ),
        "answered_by": "korei@example.jp",
        "questions": (
            {
                "asker": "member@example.jp",
                "text": (
                    "私たちの団体は、富士見台で子ども食堂を運営しているNPOです（代表の渡辺です）。"
                    "高齢者支援の活動はまだ半年ほどですが、応募できますか。"
                ),
                "public_text": (
                    "高齢者支援の活動を始めてから1年に満たない団体は、応募できますか。"
                ),
                "answer": (
                    "単独での応募には、高齢者の支援・地域福祉の活動を1年以上続けていることが必要です。"
                    "活動期間が1年に満たない団体も、条件を満たす団体と共同で応募することができます。"
                    "共同で応募する相手を探したい場合は、くにたちNPO活動支援室にご相談ください。"
                ),
            },
            {
                "asker": "citizen@example.jp",
                "text": "見守りの協力者向けの講座の講師謝礼は、事業費に含めてよいですか。",
                "public_text": "",
                "answer": (
                    "含めることができます。講師謝礼は、収支予算書の「謝金」の欄に、"
                    "1回あたりの金額と回数がわかるように記入してください。"
                ),
            },
            {
                "asker": "kato@example.jp",
                "text": "事前相談は、説明会に参加していなくても申し込めますか。",
                "public_text": "",
                "answer": (
                    "申し込めます。説明会への参加は応募の条件ではありません。"
                    "事前相談は、募集締切の2週間前までに高齢者支援課または支援室へお申し込みください。"
                ),
            },
            {
                "asker": "hayashi@example.jp",
                "text": (
                    "高齢の方向けのスマートフォン講座で、安否確認のアプリを一緒に設定する取組も、"
                    "この募集の対象になりますか。"
                ),
                "public_text": "",
                "answer": "",
            },
        ),
    },
}

# Proposals (事業提案), keyed on their title. Each is created as a draft by its
# "proposer" (an e-mail of ACCOUNTS; "organization" names one of ORGANIZATIONS,
# None for a citizen proposing as an individual), then moved by "steps" in order:
# (action, actor e-mail) or (action, actor e-mail, comment) for a move of the
# workflow table, and ("message", author e-mail, body) for a message of the
# consultation thread. A proposal with a "call" (a title of CALLS) answers it;
# the others are free proposals. "department" names a row of DEPARTMENTS (a
# call's department when left out); "desired_form" is a ProjectForm code;
# "period" is ((month, day), (month, day)) in the next fiscal year;
# "requested_amount" is the 補助・委託希望額 (within the call's cap); "budget"
# lines are (kind, item, yen, note), income and expenses balanced. A proposal that exists already is left as
# it is: its history is not replayed.
PROPOSALS = (
    {
        "title": "北地区の放課後の居場所「きたのテーブル」",
        "proposer": "member@example.jp",
        "organization": "NPO法人 くにたち子ども食堂ネット",
        "call": "子どもの居場所づくり",
        "desired_form": "subsidy",
        "period": ((4, 1), (3, 31)),
        "publish_consent": False,
        "local_issue": (
            "北地区と東地区には、子ども食堂や学習支援など放課後に立ち寄れる場所が1か所しかありません。"
            "当法人の富士見台と谷保の会場には北部からバスで通う子どももいますが、小学生が一人で通うには遠く、"
            "保護者の帰りが遅い家庭の子どもの多くは夕方を一人で過ごしています。\n"
            "学校の先生や民生委員からも、北部に歩いて通える居場所がほしいという声が寄せられています。"
        ),
        "goal": (
            "北地区に、子どもが歩いて通える放課後の居場所を週2回開き、宿題・遊び・夕食の時間を一緒に過ごせる場をつくります。"
            "学校・児童館・民生委員と連絡を取り合い、支援が必要な子どもに居場所の情報が届く仕組みを整えます。"
        ),
        "indicators": (
            "開催回数 年間80回（週2回）\n"
            "参加する子ども のべ1,600人（1回あたり20人）\n"
            "登録ボランティア 25人以上\n"
            "子どもと保護者のアンケートで「安心して過ごせる」と答える人 80%以上\n"
            "学校・児童館・民生委員との連絡会 年4回"
        ),
        "content": (
            "会場：北市民プラザの調理室と集会室（予定）\n"
            "対象：市内の小学生・中学生（参加無料。保護者の参加も歓迎します）\n"
            "内容：毎週火曜日と金曜日の15時30分から19時まで。宿題の時間、遊びの時間、"
            "みんなで夕食を作って食べる時間を設けます。\n\n"
            "スケジュール\n"
            "4月 会場の調整、ボランティア説明会と衛生講習\n"
            "5月 開設。学校・児童館を通じてチラシを配布\n"
            "7月〜8月 夏休みの特別開催（週3回、昼食を提供）\n"
            "9月 子どもと保護者へのアンケート（1回目）\n"
            "12月 年末のおたのしみ会\n"
            "2月 アンケート（2回目）\n"
            "3月 1年間の報告会"
        ),
        "expected_effect": (
            "夕方を一人で過ごしていた子どもが、安心できる大人や仲間と出会えます。"
            "食事をともにすることで生活の困りごとに早く気づき、必要な支援につなぐことができます。"
            "北地区の住民がボランティアとして関わることで、子どもを地域で見守る顔見知りの関係が広がります。"
        ),
        "why_collaboration": (
            "居場所を必要とする子どもに情報を届けるには、学校・児童館・民生委員とのつながりが欠かせません。"
            "当法人は子ども食堂の運営と食材の調達の経験を生かし、市は会場の確保と関係機関との調整を担うことで、"
            "それぞれの強みを生かした居場所づくりができます。"
        ),
        "public_summary": (
            "北地区に、小中学生が歩いて通える放課後の居場所を週2回開きます。"
            "宿題や遊びの時間と、みんなで夕食を作って食べる時間を設け、学校や児童館と連携して必要な子どもに情報を届けます。"
        ),
        "role_shares": (
            (
                "企画",
                "年間の開催計画を立て、ボランティアを募集して研修を行います。",
                "児童館や学校の意見を集め、計画づくりに助言します。",
            ),
            (
                "会場",
                "会場の利用手続きと、調理室の衛生管理を行います。",
                "北市民プラザの調理室と集会室を定期的に使えるよう調整します。",
            ),
            (
                "広報",
                "チラシを作り、地域の掲示板やSNSで案内します。",
                "学校・児童館を通じてチラシを配り、市報とホームページに載せます。",
            ),
            (
                "評価",
                "参加者数を記録し、アンケートの結果を報告書にまとめます。",
                "連絡会で結果を共有し、翌年度の進め方をともに検討します。",
            ),
        ),
        "requested_amount": 760_000,
        "budget": (
            ("income", "市の補助金", 760_000, "募集の上限80万円の範囲で申請"),
            (
                "income",
                "寄付金・自己資金",
                180_000,
                "地域の商店・個人からの寄付 120,000円、会費 60,000円",
            ),
            ("expense", "食材費", 480_000, "1回6,000円×80回"),
            ("expense", "謝礼", 240_000, "調理の責任者 1回3,000円×80回"),
            ("expense", "消耗品費", 120_000, "調理器具・食器・文具"),
            (
                "expense",
                "印刷費・保険料",
                100_000,
                "チラシ3,000枚 60,000円、行事保険・ボランティア保険 40,000円",
            ),
        ),
        "steps": (),
    },
    {
        "title": "子ども食堂の食材を分かち合うフードパントリー",
        "proposer": "member@example.jp",
        "organization": "NPO法人 くにたち子ども食堂ネット",
        "call": None,
        "department": "健康福祉部 福祉総務課",
        "desired_form": "cooperation-cost",
        "period": ((6, 1), (3, 31)),
        "local_issue": (
            "物価の上昇が続き、市内の子ども食堂に寄せられる相談は2年で約1.4倍に増えました。"
            "一方で、寄付された食材は受け取った食堂だけで使われ、量に偏りが出ています。"
            "保管する場所がないため、一度に多くの寄付を受けられないこともあります。"
        ),
        "goal": (
            "市内6か所の子ども食堂が食材を分かち合う共同の保管庫を設け、月2回のフードパントリー（食品の無料配布）を開きます。"
            "配布の場を、生活の困りごとを相談できる窓口にもします。"
        ),
        "indicators": (
            "フードパントリーの開催 年間20回\n"
            "食品を受け取る世帯 のべ600世帯\n"
            "受け入れる寄付食材 年間6トン\n"
            "相談から市の窓口や支援機関につないだ件数 年間30件以上"
        ),
        "content": (
            "富士見台に共同の保管庫（倉庫）を借り、冷蔵・冷凍庫を置きます。"
            "寄付の受け付けと6か所の食堂への配分を連絡会で調整します。\n\n"
            "スケジュール\n"
            "6月 保管庫の開設、寄付の受け付け開始\n"
            "7月 フードパントリーの開始（第2・第4土曜日）\n"
            "10月 市内のスーパー・農家への寄付の呼びかけ\n"
            "3月 1年間の報告と、翌年度の計画づくり"
        ),
        "expected_effect": (
            "寄付食材の無駄がなくなり、どの食堂でも安定して食事を出せるようになります。"
            "配布の場で困りごとを早く聞き取り、必要な支援につなぐことができます。"
        ),
        "why_collaboration": (
            "支援が必要な家庭に配布の情報を届け、相談を市の窓口につなぐには、市との連携が欠かせません。"
            "当法人は食堂どうしのネットワークを生かして食材の受け入れと配布を担い、市は情報の周知と相談のつなぎ先を担います。"
        ),
        "public_summary": (
            "市内6か所の子ども食堂が寄付の食材を分かち合う共同の保管庫をつくり、月2回のフードパントリーを開きます。"
            "配布の場を、暮らしの困りごとを相談できる窓口にもします。"
        ),
        "role_shares": (
            (
                "運営",
                "保管庫の管理、寄付の受け付け、食堂への配分とフードパントリーの運営を行います。",
                "相談を受けた家庭を、福祉の窓口や支援機関に確実につなぎます。",
            ),
            (
                "広報",
                "寄付の呼びかけと配布日の案内を、チラシとSNSで行います。",
                "市報・ホームページと、児童扶養手当などの窓口で配布日を案内します。",
            ),
            (
                "経費",
                "寄付金と自己資金を集め、会計報告を行います。",
                "保管庫の賃借料と冷蔵・冷凍庫の購入費の一部を負担します。",
            ),
        ),
        "requested_amount": 600_000,
        "budget": (
            ("income", "市の経費負担", 600_000, "保管庫の賃借料と冷蔵・冷凍庫の購入費の一部"),
            (
                "income",
                "寄付金・自己資金",
                240_000,
                "企業・個人からの寄付 150,000円、会費 90,000円",
            ),
            ("expense", "保管庫の賃借料", 360_000, "月30,000円×12か月"),
            ("expense", "冷蔵・冷凍庫の購入", 180_000, "業務用2台"),
            ("expense", "運搬費", 144_000, "車両の借り上げと燃料 月12,000円×12か月"),
            (
                "expense",
                "消耗品費・保険料",
                156_000,
                "保存袋・衛生用品・チラシ 96,000円、賠償責任保険 60,000円",
            ),
        ),
        "steps": (
            ("submit", "member@example.jp"),
            ("screen", "staff@example.jp"),
            (
                "return",
                "staff@example.jp",
                "一次審査の結果、補っていただきたい点があります。"
                "①収支予算書の保管庫の賃借料について、見積りの根拠（物件の広さと相場）を書いてください。"
                "②社会福祉協議会が行っているフードドライブとの役割の違いと連携の方法を、協働の必要性の欄に書き加えてください。"
                "修正のうえ、再提出をお願いします。",
            ),
        ),
    },
    {
        "title": "坂と段差のバリアフリーマップづくり",
        "proposer": "citizen@example.jp",
        "organization": None,
        "call": None,
        "department": "都市整備部 まちづくり推進課",
        "desired_form": "cooperation-cost",
        "period": ((5, 1), (2, 28)),
        "local_issue": (
            "国立駅・谷保駅・矢川駅の周辺には、ハケの坂や歩道の段差など、車いすやベビーカーで通りにくい場所があります。"
            "私自身、子どもをベビーカーに乗せて遠回りを重ねた経験があり、同じ思いをしている人が多いと感じています。"
            "今ある案内は駅の中が中心で、駅から目的地までの道の情報がありません。"
        ),
        "goal": (
            "車いすやベビーカーを使う人、高齢の人と一緒にまちを歩いて調べ、3つの駅の周辺の坂・段差・休める場所を載せたマップをつくります。"
        ),
        "indicators": (
            "調査のまち歩き 6回、参加者 のべ90人\n"
            "マップに載せる地点 300か所以上\n"
            "紙のマップ 3,000部を配布、ウェブ版の閲覧 年間5,000回\n"
            "利用者アンケートで「外出しやすくなった」と答える人 70%以上"
        ),
        "content": (
            "車いすの利用者・子育て中の親・高齢の人に加わってもらい、駅ごとに2回ずつまち歩きで調べます。"
            "調べた結果は地図にまとめ、紙のマップとウェブ版で公開します。\n\n"
            "スケジュール\n"
            "5月 調査の参加者の募集\n"
            "6月〜9月 まち歩き調査（国立駅・谷保駅・矢川駅の周辺で各2回）\n"
            "10月〜12月 地図の作成、参加者との確認会\n"
            "1月 マップの完成、公共施設や駅での配布\n"
            "2月 報告会"
        ),
        "expected_effect": (
            "車いすやベビーカーを使う人が、通りやすい道を前もって知って出かけられるようになります。"
            "調べた段差などの情報が市の道路の改善の参考になり、まちのバリアフリー化が進みます。"
        ),
        "why_collaboration": (
            "歩道や公共施設の段差の情報、改善の予定は市が持っています。"
            "市民が実際に歩いて気づいたことと、市の情報を合わせることで、正確で役に立つマップになります。"
            "個人の提案のため、配布や周知に市の協力をいただきたいと考えています。"
        ),
        "public_summary": (
            "車いすやベビーカーを使う人と一緒にまちを歩き、国立駅・谷保駅・矢川駅の周辺の坂や段差、休める場所を調べて、"
            "紙とウェブのバリアフリーマップにまとめます。"
        ),
        "role_shares": (
            (
                "企画・調査",
                "調査の参加者を募り、まち歩きで坂や段差を調べて記録します。",
                "歩道の段差や改修の予定など、市が持つ情報を提供します。",
            ),
            (
                "広報・配布",
                "ウェブ版を公開し、SNSで案内します。",
                "紙のマップを市の施設と駅で配布し、市報で紹介します。",
            ),
            (
                "経費",
                "参加者の保険の手続きと、会計の記録を行います。",
                "マップの印刷費を負担します。",
            ),
        ),
        "requested_amount": 180_000,
        "budget": (
            ("income", "市の経費負担", 180_000, "マップの印刷費など"),
            ("income", "自己資金", 20_000, ""),
            ("expense", "印刷費", 120_000, "マップ3,000部"),
            ("expense", "謝礼", 40_000, "車いす利用者のアドバイザー 2人×4回×5,000円"),
            ("expense", "消耗品費", 30_000, "メジャー・記録用品"),
            ("expense", "保険料", 10_000, "まち歩きの行事保険"),
        ),
        "steps": (("submit", "citizen@example.jp"),),
    },
    {
        "title": "ママ下湧水の生きもの調査と水辺の観察会",
        "proposer": "kobayashi@example.jp",
        "organization": "NPO法人 くにたち緑と水の会",
        "call": None,
        "department": "生活環境部 環境政策課",
        "desired_form": "co-hosting",
        "period": ((4, 1), (3, 31)),
        "local_issue": (
            "ママ下湧水とその下流の用水には、ホトケドジョウやゲンジボタルなど、市内では限られた場所にしかいない生きものが暮らしています。"
            "しかし、湧水の量が減る時期が長くなり、外来のザリガニも増えています。"
            "生きものの状況を続けて調べた記録がなく、保全の手立てを考える手がかりが不足しています。"
        ),
        "goal": (
            "市民と専門家が一緒に湧水と用水の生きものを年4回調べ、結果を市と共同で公表します。"
            "子どもと親が水辺の生きものにふれる観察会を開き、湧水を守る担い手を育てます。"
        ),
        "indicators": (
            "生きもの調査 年4回（春・夏・秋・冬）、調査の参加者 のべ80人\n"
            "水辺の観察会 年6回、参加者 のべ400人\n"
            "調査報告書の発行 1回（市と共同で公表）\n"
            "観察会の参加者のうち、保全活動に参加したいと答える人 30%以上"
        ),
        "content": (
            "専門家の指導のもとで、湧水から下流の用水まで5地点で生きものと水温・水量を調べます。"
            "観察会では、たも網で生きものをすくって観察し、湧水が暮らしに果たしてきた役割を伝えます。\n\n"
            "スケジュール\n"
            "4月 調査の計画、調査員の研修\n"
            "5月 春の調査、観察会（1回目）\n"
            "7月〜8月 夏の調査、夏休みの観察会（3回）\n"
            "10月 秋の調査、観察会（5回目）\n"
            "1月 冬の調査\n"
            "3月 報告書の発行と報告会、観察会（6回目）"
        ),
        "expected_effect": (
            "湧水の生きものの記録が毎年積み重なり、保全の手立てを考える基礎になります。"
            "観察会に参加した子どもと親が湧水に関心をもち、清掃や調査に加わる人が増えます。"
        ),
        "why_collaboration": (
            "調査の結果を市の環境施策に生かすには、調査の方法と公表のしかたを市と一緒に決めることが大切です。"
            "当会の長年の保全活動の経験と、市の環境基本計画や水量の観測データを合わせることで、信頼できる記録になります。"
        ),
        "public_summary": (
            "ママ下湧水と用水の生きものを市民と専門家が年4回調べ、市と共同で結果を公表します。"
            "あわせて親子向けの水辺の観察会を年6回開きます。"
        ),
        "role_shares": (
            (
                "企画",
                "調査の計画を立て、専門家と調査員を手配します。",
                "環境基本計画との関係を整理し、調査地点の選定に助言します。",
            ),
            (
                "運営",
                "調査と観察会を運営し、参加者の安全に気を配ります。",
                "用水の管理者との調整と、観察会の共催の手続きを行います。",
            ),
            (
                "広報",
                "観察会の参加者を募集し、会報とSNSで結果を伝えます。",
                "市報・ホームページで観察会を案内し、小学校にチラシを配ります。",
            ),
            (
                "評価",
                "調査結果を報告書にまとめます。",
                "報告書を市と共同で公表し、環境施策の参考にします。",
            ),
        ),
        "requested_amount": 300_000,
        "budget": (
            ("income", "市の負担金", 300_000, "共催事業としての負担"),
            ("income", "参加費・自己資金", 200_000, "観察会 1人300円×400人、会費 80,000円"),
            ("expense", "調査の機材費", 230_000, "採水器・水温計・たも網・胴長・記録用品"),
            ("expense", "講師謝礼", 100_000, "専門家 5回×20,000円"),
            ("expense", "印刷費", 130_000, "調査報告書300部・観察会のチラシ"),
            ("expense", "保険料", 40_000, "行事保険"),
        ),
        "steps": (
            ("submit", "kobayashi@example.jp"),
            ("screen", "staff@example.jp"),
        ),
    },
    {
        "title": "商店と配達事業者がつなぐ「ゆるやか見守り」ネットワーク",
        "proposer": "kato@example.jp",
        "organization": "NPO法人 国立まちなか介護ネットワーク",
        "call": "高齢者の見守りネットワークづくり",
        "desired_form": "commission",
        "period": ((4, 1), (3, 31)),
        "local_issue": (
            "当法人の介護者のつどいでは、「近所の一人暮らしの方を最近見かけないが、どこに伝えればよいかわからない」という声をよく聞きます。"
            "毎日のように高齢の方と顔を合わせる商店や新聞・牛乳・お弁当の配達事業者は、小さな変化に最初に気づく立場にありますが、"
            "気づいたことを伝える先と流れが決まっていません。"
        ),
        "goal": (
            "商店・配達事業者・自治会がゆるやかにつながり、気づいたことを地域包括支援センターに早く伝えられる見守りのネットワークを、"
            "中地区と東地区から広げます。"
        ),
        "indicators": (
            "見守りに協力する団体・事業所 1年目20、3年で60\n"
            "見守り協力者の講座 年4回、受講者 のべ120人\n"
            "協力者から地域包括支援センターへの連絡 年間40件以上\n"
            "協力者アンケートで「連絡先がわかり安心した」と答える人 90%以上"
        ),
        "content": (
            "見守りのコーディネーターを置き、商店会・配達事業者・自治会を訪ねて協力を呼びかけます。"
            "協力する店や事業所には目印のステッカーを配り、気づいたことの連絡先と流れをまとめたカードを渡します。\n\n"
            "スケジュール\n"
            "4月〜5月 コーディネーターの配置、連絡の流れの取り決め\n"
            "6月 第1回の協力者講座、協力の呼びかけ開始\n"
            "9月 第2回講座、協力者の交流会\n"
            "12月 第3回講座\n"
            "2月 第4回講座\n"
            "3月 1年間の報告と、2年目に広げる地区の検討"
        ),
        "expected_effect": (
            "高齢の方の変化に早く気づき、支援につなぐまでの時間が短くなります。"
            "商店や事業者が見守りの担い手になることで、地域全体で高齢の方を支える意識が広がります。"
        ),
        "why_collaboration": (
            "気づいたことを確実に支援につなぐには、地域包括支援センターや市の高齢者支援課との連絡の流れを一緒に決める必要があります。"
            "当法人は介護者の支援で築いた地域のつながりを生かして協力者を広げ、市は連絡を受ける体制と個人情報の扱いのルールを担います。"
        ),
        "public_summary": (
            "商店や配達事業者、自治会がゆるやかにつながり、一人暮らしの高齢の方の変化に気づいたら地域包括支援センターに伝える見守りの仕組みを、"
            "中地区と東地区からつくります。"
        ),
        "role_shares": (
            (
                "企画",
                "協力の呼びかけ方と講座の内容を考えます。",
                "地域包括支援センターとの連絡の流れを一緒に決めます。",
            ),
            (
                "運営",
                "コーディネーターを置き、協力する店や事業所を訪ねて支えます。",
                "連絡を受けたときの対応を地域包括支援センターと整えます。",
            ),
            (
                "広報",
                "協力店のステッカーとリーフレットを作り、配ります。",
                "市報・ホームページで協力を呼びかけ、商店会に紹介します。",
            ),
        ),
        "requested_amount": 1_150_000,
        "budget": (
            ("income", "市の委託料", 1_150_000, "募集の上限120万円の範囲"),
            ("expense", "人件費", 624_000, "コーディネーター 週2日 1日6,000円×104日"),
            ("expense", "講師謝礼", 160_000, "協力者講座 4回×40,000円"),
            ("expense", "印刷費", 180_000, "協力店のステッカー・リーフレット・連絡カード"),
            ("expense", "会場費", 96_000, "講座・交流会の会場"),
            ("expense", "通信・交通費", 90_000, "訪問の交通費・電話代"),
        ),
        "steps": (
            ("consult", "kato@example.jp"),
            (
                "message",
                "kato@example.jp",
                "事前相談をお願いします。提案書の下書きを入力しました。"
                "見守りに協力していただく商店や配達事業者を、1年目にどのくらいまで広げる目標にすればよいか迷っています。"
                "また、気づいたことの連絡先を地域包括支援センターに一本化する案で考えていますが、市のお考えを伺えればと思います。",
            ),
            (
                "message",
                "office@example.jp",
                "ご相談ありがとうございます。くにたちNPO活動支援室の高橋です。"
                "募集の「期待する成果」は3年で60団体・事業所ですので、1年目は中地区と東地区で20程度を目標にされると、"
                "実現性の点でも説明しやすいと思います。"
                "連絡先の一本化については、高齢者支援課に確認のうえ、今週中にお返事します。"
                "支援室で打ち合わせの時間を取ることもできますので、ご都合をお知らせください。",
            ),
            (
                "message",
                "kato@example.jp",
                "ありがとうございます。1年目は20団体・事業所を目標に書き直します。"
                "打ち合わせは来週の火曜日か木曜日の午後にお願いできれば助かります。協力者講座の案も持参します。",
            ),
        ),
    },
    {
        "title": "スマホでつながる高齢者の見守りと安否確認",
        "proposer": "hayashi@example.jp",
        "organization": "NPO法人 くにたちシニアITサポート",
        "call": "高齢者の見守りネットワークづくり",
        "desired_form": "commission",
        "period": ((4, 1), (3, 31)),
        "local_issue": (
            "当法人のスマホ相談会には、「遠くに住む子どもと連絡を取りたい」「一人暮らしで何かあったときが心配」という相談が多く寄せられます。"
            "スマートフォンを持っていても、メッセージや写真を送る機能を使いこなせていない高齢の方が多く、"
            "家族や近所の人と日ごろの様子を伝え合う手段として生かされていません。"
        ),
        "goal": (
            "同じ世代のサポーターが教えるスマホ講座で、メッセージのやりとりを身につけてもらい、"
            "家族や近所の人と毎日ひとことを送り合う「あいさつの輪」をつくります。"
            "返事がないときは、見守りの協力者が声をかけに行く流れを整えます。"
        ),
        "indicators": (
            "スマホ講座 年間60回、受講者 のべ600人\n"
            "「あいさつの輪」に参加する高齢の方 100人\n"
            "シニアサポーター（講師・相談役）の養成 15人\n"
            "参加者アンケートで「安心して暮らせるようになった」と答える人 80%以上"
        ),
        "content": (
            "公民館と地域の集会所で、少人数（1回10人まで）のスマホ講座を開きます。"
            "スマートフォンを持っていない方には、講座の間だけ使える貸出用の端末を用意します。\n\n"
            "スケジュール\n"
            "4月 シニアサポーターの養成講座\n"
            "5月 スマホ講座の開始（毎週、市内5会場を巡回）\n"
            "7月 「あいさつの輪」の開始、家族向けの説明会\n"
            "10月 参加者アンケート（1回目）\n"
            "3月 参加者アンケート（2回目）と報告会"
        ),
        "expected_effect": (
            "高齢の方が家族や近所の人と日ごろからつながり、体調の変化などに早く気づけるようになります。"
            "スマホの使い方を身につけることで、オンラインの手続きや情報の受け取りもしやすくなります。"
        ),
        "why_collaboration": (
            "返事がないときに声をかけに行く見守りの協力者や、地域包括支援センターとの連携には、市の見守りの仕組みとの結びつきが欠かせません。"
            "当法人はスマホ講座の運営と参加者の連絡先の管理を担い、市は見守りの協力者や支援機関との連絡体制を担います。"
        ),
        "public_summary": (
            "同じ世代のサポーターが教えるスマホ講座で、高齢の方がメッセージのやりとりを身につけ、"
            "家族や近所の人と毎日ひとことを送り合う「あいさつの輪」をつくります。"
        ),
        "role_shares": (
            (
                "運営",
                "スマホ講座を開き、貸出用の端末と参加者の連絡先を管理します。",
                "講座の会場として公民館と地域の集会所を確保します。",
            ),
            (
                "見守りの連携",
                "返事がない参加者を見守りの協力者に知らせます。個人情報は本人の同意を得て当法人が管理します。",
                "地域包括支援センターとの連絡体制を整え、集計した結果の報告を受けます。",
            ),
            (
                "広報",
                "講座のチラシを作り、相談会で案内します。",
                "市報・ホームページと、地域包括支援センターの窓口で案内します。",
            ),
        ),
        "requested_amount": 1_020_000,
        "budget": (
            ("income", "市の委託料", 1_020_000, "募集の上限120万円の範囲"),
            ("expense", "講師謝礼", 360_000, "シニアサポーター 3人×60回×2,000円"),
            ("expense", "貸出用の端末", 240_000, "スマートフォン10台（通信費を含む）"),
            ("expense", "会場費", 120_000, "集会所の使用料"),
            ("expense", "印刷費", 150_000, "テキスト・チラシ"),
            (
                "expense",
                "消耗品費・保険料",
                150_000,
                "充電器・保護フィルム・文具 120,000円、行事保険 30,000円",
            ),
        ),
        "steps": (
            ("consult", "hayashi@example.jp"),
            (
                "message",
                "hayashi@example.jp",
                "事前相談をお願いします。スマホ講座と、家族や近所の人とメッセージで安否を確かめ合う仕組みを組み合わせた提案です。"
                "参加者の連絡先の扱いが、市の見守りの考え方に合っているかを確認したいと考えています。",
            ),
            (
                "message",
                "office@example.jp",
                "くにたちNPO活動支援室の高橋です。高齢者支援課にも確認しました。"
                "連絡先はご本人の同意を得たうえで団体が管理し、市には人数などの集計だけを報告する形であれば問題ないとのことです。"
                "役割分担の欄に、個人情報は団体が管理することを書き添えてください。締切までのご提出をお待ちしています。",
            ),
            ("submit", "hayashi@example.jp"),
        ),
    },
    {
        "title": "やさしい日本語と多言語で届ける防災情報",
        "proposer": "inoue@example.jp",
        "organization": "NPO法人 くにたち多文化共生センター",
        "call": None,
        "department": "行政管理部 防災安全課",
        "desired_form": "subsidy",
        "period": ((4, 1), (3, 31)),
        "local_issue": (
            "市内には約2,000人の外国籍の住民が暮らしていますが、当センターの生活相談では、"
            "避難所の場所や災害時の情報の受け取り方を知らないという声が多く聞かれます。"
            "市の防災の案内は日本語が中心で、外国にルーツをもつ住民に十分に届いていません。"
        ),
        "goal": (
            "市の防災の案内を、やさしい日本語と8つの言語で作り直し、外国にルーツをもつ住民が災害に備えられるようにします。"
            "防災訓練への参加を呼びかけ、地域の人と顔の見える関係をつくります。"
        ),
        "indicators": (
            "多言語の防災ガイドの作成 8言語、配布 2,000部\n"
            "やさしい日本語の防災講座 年4回、参加者 のべ120人\n"
            "地域の防災訓練に参加する外国にルーツをもつ住民 50人以上"
        ),
        "content": (
            "ボランティア通訳と一緒に、防災ガイドをやさしい日本語と8言語に訳します。"
            "でき上がったガイドを使い、生活相談の会場で防災講座を開きます。\n\n"
            "スケジュール\n"
            "4月〜6月 防災ガイドの翻訳\n"
            "7月 ガイドの完成と配布\n"
            "8月・11月・1月・3月 やさしい日本語の防災講座\n"
            "9月 総合防災訓練への参加の呼びかけ"
        ),
        "expected_effect": (
            "外国にルーツをもつ住民が、災害のときに必要な情報を受け取り、避難できるようになります。"
            "防災訓練を通じて地域の人とのつながりが生まれ、助け合いの輪が広がります。"
        ),
        "why_collaboration": (
            "防災の情報は正確であることが何より大切です。市の防災安全課が内容を確かめ、当センターが言葉と伝え方を担うことで、"
            "正確で伝わる防災ガイドをつくれます。"
        ),
        "public_summary": (
            "市の防災の案内を、やさしい日本語と8つの言語で作り直し、外国にルーツをもつ住民向けの防災講座を開きます。"
        ),
        "role_shares": (
            (
                "企画・翻訳",
                "ボランティア通訳と、ガイドの翻訳とやさしい日本語への書き換えを行います。",
                "ガイドの内容が正確かを確かめ、最新の避難所の情報を提供します。",
            ),
            (
                "広報",
                "生活相談や日本語教室で、ガイドと講座を案内します。",
                "市の窓口で転入された方にガイドを渡し、ホームページに載せます。",
            ),
        ),
        "requested_amount": 400_000,
        "budget": (
            ("income", "市の補助金", 400_000, ""),
            ("income", "自己資金", 50_000, "会費から"),
            ("expense", "翻訳謝礼", 240_000, "8言語×30,000円"),
            ("expense", "印刷費", 120_000, "防災ガイド2,000部"),
            ("expense", "講座の通訳謝礼・会場費", 60_000, "4回分"),
            ("expense", "消耗品費", 30_000, "講座の教材"),
        ),
        "steps": (
            ("submit", "inoue@example.jp"),
            (
                "withdraw",
                "inoue@example.jp",
                "東京都の助成事業に採択され、同じ内容を都の助成で行うことになったため、提案を取り下げます。"
                "防災安全課とは、ガイドの内容の確認で引き続き協力をお願いしたいと考えています。",
            ),
        ),
    },
    {
        "title": "多摩川沿いの「わが家の避難計画」づくり",
        "proposer": "yamaguchi@example.jp",
        "organization": "NPO法人 多摩川あおやぎ防災ラボ",
        "call": None,
        "department": "行政管理部 防災安全課",
        "desired_form": "commission",
        "period": ((5, 1), (3, 31)),
        "local_issue": (
            "令和元年の台風第19号では、多摩川の水位が上がり、青柳・石田地区の多くの住民が避難するかどうか迷いました。"
            "当法人の調べでは、この地区で自分の家の浸水の深さと避難先を知っている世帯は3割ほどにとどまります。"
            "ハザードマップは配られていても、一人ひとりの行動に結びついていません。"
        ),
        "goal": (
            "多摩川沿いの世帯が、自分の家の浸水の深さ・避難のタイミング・避難先を書き込んだ「わが家の避難計画」をつくれるよう、"
            "自治会ごとにワークショップを開きます。"
        ),
        "indicators": (
            "ワークショップ 年12回（自治会ごと）、参加 のべ360世帯\n"
            "避難計画をつくった世帯 300世帯\n"
            "避難先と浸水の深さを知っている世帯の割合 3割から6割へ（事業の前後のアンケート）\n"
            "要配慮者の避難を手伝う支援者の登録 40人"
        ),
        "content": (
            "ハザードマップを手に地区を歩いて確かめた後、避難計画のシートに家族で書き込むワークショップを開きます。"
            "要配慮者の避難を手伝う支援者を募り、見守り名簿づくりにつなげます。\n\n"
            "スケジュール\n"
            "5月 自治会への説明、事前アンケート\n"
            "6月〜7月 出水期前のワークショップ（6回）\n"
            "9月 総合防災訓練での避難計画の確かめ\n"
            "10月〜1月 ワークショップ（6回）\n"
            "2月 事後アンケート\n"
            "3月 報告会"
        ),
        "expected_effect": (
            "大雨のときに、住民一人ひとりが迷わず早めに避難できるようになります。"
            "要配慮者の避難を地域で手伝う仕組みができ、逃げ遅れを防ぐことにつながります。"
        ),
        "why_collaboration": (
            "避難の判断には、市が出す避難情報と避難所の開設の流れを正しく知ることが欠かせません。"
            "当法人は地域に根ざしたワークショップの運営を担い、市は避難情報の出し方の説明と避難所の情報を担うことで、"
            "住民が信頼できる避難計画になります。"
        ),
        "public_summary": (
            "多摩川沿いの青柳・石田地区で、自治会ごとにワークショップを開き、"
            "各世帯が浸水の深さと避難のタイミング・避難先を書き込んだ「わが家の避難計画」をつくります。"
        ),
        "role_shares": (
            (
                "企画",
                "ワークショップの内容と避難計画のシートを作ります。",
                "避難情報の出し方と避難所の開設の流れを資料にまとめます。",
            ),
            (
                "運営",
                "自治会と日程を調整し、ワークショップを進行します。",
                "防災安全課の職員がワークショップに参加し、質問に答えます。",
            ),
            (
                "広報",
                "自治会の回覧と掲示板で参加を呼びかけます。",
                "市報・防災メールで案内します。",
            ),
            (
                "評価",
                "事業の前後のアンケートを行い、結果をまとめます。",
                "結果を地域防災計画の見直しの参考にします。",
            ),
        ),
        "requested_amount": 720_000,
        "budget": (
            ("income", "市の委託料", 720_000, ""),
            ("income", "自己資金", 30_000, "会費から"),
            ("expense", "講師謝礼", 240_000, "ワークショップ 12回×20,000円"),
            ("expense", "印刷費", 250_000, "避難計画シート・地区の地図 5,000部"),
            (
                "expense",
                "会場費・交通費",
                142_000,
                "集会所の使用料 12回 72,000円、講師・スタッフの交通費 70,000円",
            ),
            (
                "expense",
                "消耗品費・保険料",
                118_000,
                "防災用品の見本・文具 90,000円、行事保険 28,000円",
            ),
        ),
        "steps": (
            ("submit", "yamaguchi@example.jp"),
            ("screen", "staff@example.jp"),
            ("to_open_review", "staff@example.jp"),
        ),
    },
    {
        "title": "湧水の水質調査の記録をだれでも使えるオープンデータに",
        "proposer": "kobayashi@example.jp",
        "organization": "NPO法人 くにたち緑と水の会",
        "call": None,
        "department": "生活環境部 環境政策課",
        "desired_form": "cooperation-advice",
        "period": ((7, 1), (3, 31)),
        "publish_consent": False,
        "local_issue": (
            "当会は20年にわたり、市内の湧水で年4回の水質調査を続けてきました。"
            "しかし記録は紙とばらばらの表計算ファイルに分かれ、学校の授業や研究者、市の担当者が使いにくい状態です。"
        ),
        "goal": (
            "これまでの水質調査の記録を整理し、だれでも自由に使えるオープンデータとして公開します。"
            "今後の調査の記録も、同じ形式で続けて公開できるようにします。"
        ),
        "indicators": (
            "公開する記録 20年分・約1,600件\n"
            "データの説明会 2回、参加者 のべ40人\n"
            "データを使った授業や研究 年3件以上"
        ),
        "content": (
            "会員が紙の記録を入力し、項目と単位をそろえます。市のオープンデータの形式に合わせて公開します。\n\n"
            "スケジュール\n"
            "7月〜10月 記録の入力と確認\n"
            "11月 公開の形式の決定\n"
            "1月 公開\n"
            "2月〜3月 学校・市民向けの説明会"
        ),
        "expected_effect": (
            "湧水の長い期間の変化をだれでも確かめられるようになり、学校の学習や研究、市の環境施策に生かされます。"
        ),
        "why_collaboration": (
            "市のオープンデータの形式とライセンスに合わせて公開することで、市のデータと一緒に使えるようになります。"
            "形式や公開の方法について、市の助言をいただきたいと考えています。"
        ),
        "public_summary": (
            "市民が20年続けてきた湧水の水質調査の記録を整理し、だれでも使えるオープンデータとして公開します。"
        ),
        "role_shares": (
            (
                "データの整理",
                "紙の記録の入力と、項目・単位の統一を行います。",
                "市のオープンデータの形式とライセンスについて助言します。",
            ),
            (
                "公開・広報",
                "データを公開し、説明会を開きます。",
                "市のオープンデータのページから案内します。",
            ),
        ),
        "requested_amount": 0,
        "budget": (
            ("income", "民間財団の助成金", 120_000, "申請中"),
            ("income", "自己資金", 60_000, "会費から"),
            ("expense", "謝礼", 90_000, "データ入力の協力者"),
            ("expense", "ウェブ公開の費用", 30_000, "サーバーとドメイン 1年分"),
            ("expense", "会場費", 20_000, "説明会 2回"),
            ("expense", "印刷費", 40_000, "説明会の資料"),
        ),
        "steps": (),
    },
    {
        "title": "団地の集会所を拠点にした「ふらっと見守りサロン」",
        "proposer": "hasegawa@example.jp",
        "organization": "富士見台三丁目住宅自治会",
        "call": "高齢者の見守りネットワークづくり",
        "desired_form": "commission",
        "period": ((4, 1), (3, 31)),
        "local_issue": (
            "富士見台三丁目の住宅では、住民の4割が65歳以上になり、ひとり暮らしの方は120世帯を超えました。"
            "棟ごとの班長による見守りは続けていますが、班長も高齢になり、気になる方に気づいても、どこに相談すればよいか迷う場面が増えています。"
        ),
        "goal": (
            "集会所の「ふらっとサロン」を週2回に増やし、ひとり暮らしの高齢の方が気軽に立ち寄り、顔を合わせる場にします。"
            "サロンで気づいた変化を、地域包括支援センターにすぐ伝えられる見守りの流れをつくります。"
        ),
        "indicators": (
            "サロンの開催 年間96回（週2回）\n"
            "サロンに来る高齢の方 のべ2,400人\n"
            "見守りの協力者（住民ボランティア） 30人以上\n"
            "地域包括支援センターへの連絡 年間24件以上"
        ),
        "content": (
            "会場：富士見台三丁目住宅 集会所\n"
            "毎週火曜日と金曜日の10時から15時まで、お茶とおしゃべりの場を開きます。"
            "月1回は地域包括支援センターの職員が来て、健康や介護の相談を受けます。\n\n"
            "スケジュール\n"
            "4月 見守り協力者の説明会と研修\n"
            "5月 週2回の開催を開始。全戸に案内を配布\n"
            "9月 敬老の集い（サロンの特別開催）\n"
            "11月 協力者の振り返りの会\n"
            "3月 1年間の報告会"
        ),
        "expected_effect": (
            "ひとり暮らしの方が週に2回は誰かと顔を合わせ、体調や暮らしの変化に早く気づけるようになります。"
            "班長だけに頼らない見守りの担い手が住宅の中に育ちます。"
        ),
        "why_collaboration": (
            "気づいた変化を支援につなぐには、地域包括支援センターと市の高齢者支援課との連絡の流れが欠かせません。"
            "自治会は住民のつながりと集会所を生かしてサロンを開き、市は専門職の派遣と連絡の受け手を担います。"
        ),
        "public_summary": (
            "富士見台三丁目住宅の集会所で、ひとり暮らしの高齢の方が立ち寄れるサロンを週2回開き、"
            "気づいた変化を地域包括支援センターにつなぐ見守りの流れを自治会と市でつくります。"
        ),
        "role_shares": (
            (
                "企画",
                "年間の開催計画を立て、見守り協力者を募ります。",
                "地域包括支援センターとの連絡の流れを一緒に決めます。",
            ),
            (
                "運営",
                "サロンを開き、来た方の様子を協力者で見守ります。",
                "月1回、地域包括支援センターの職員を派遣します。",
            ),
            (
                "広報",
                "全戸に案内を配り、掲示板で知らせます。",
                "市報とホームページでサロンを紹介します。",
            ),
            (
                "評価",
                "参加者数と連絡の件数を記録し、報告書にまとめます。",
                "報告をもとに、ほかの地区に広げる方法を一緒に考えます。",
            ),
        ),
        "requested_amount": 480_000,
        "budget": (
            ("income", "市の委託料", 480_000, "募集の上限120万円の範囲"),
            ("income", "自治会費からの支出", 60_000, "集会所の光熱費の一部"),
            ("expense", "お茶・茶菓子代", 192_000, "96回×2,000円"),
            ("expense", "協力者の研修費", 90_000, "講師謝礼 3回"),
            ("expense", "印刷費", 78_000, "全戸への案内・掲示物"),
            ("expense", "備品費", 180_000, "いす・テーブル・湯沸かしポット"),
        ),
        "steps": (
            ("consult", "hasegawa@example.jp"),
            (
                "message",
                "hasegawa@example.jp",
                "事前相談をお願いします。自治会で続けてきたサロンを広げ、見守りにつなげる提案です。"
                "自治会の会計で委託を受けられるかを確かめたいと考えています。",
            ),
            (
                "message",
                "office@example.jp",
                "くにたちNPO活動支援室の高橋です。自治会でも、規約と会計の体制が整っていれば委託を受けられます。"
                "規約と直近の会計報告を添えて提出してください。",
            ),
            ("submit", "hasegawa@example.jp"),
            ("screen", "staff@example.jp"),
            ("to_open_review", "staff@example.jp"),
            (
                "adopt",
                "staff@example.jp",
                "住民自身による見守りの担い手づくりと、専門職への確実なつなぎが評価されました。"
                "集会所という身近な場を生かす点で実現性も高いと判断しました。",
            ),
        ),
    },
    # The three proposals of the published open review (REVIEW_ROUNDS): they reach
    # open review here, and the round's published decisions adopt two of them.
    {
        "title": "外国にルーツをもつ子どもの放課後学習教室「ことばの木」",
        "proposer": "inoue@example.jp",
        "organization": "NPO法人 くにたち多文化共生センター",
        "call": None,
        "department": "教育委員会 生涯学習課",
        "desired_form": "subsidy",
        "period": ((4, 1), (3, 31)),
        "local_issue": (
            "市内の小中学校に通う外国にルーツをもつ子どもは、この5年で約1.6倍の約140人に増えました。"
            "当センターの生活相談には、「日常の会話はできるが、授業の内容がわからない」"
            "「宿題を家族が見てあげられない」という相談が毎月のように寄せられます。\n"
            "学校の日本語指導は週に数時間に限られ、放課後に学習を支える場は市内にありません。"
            "言葉の壁から、高校への進学をあきらめる子どももいます。"
        ),
        "goal": (
            "外国にルーツをもつ小中学生が、放課後に宿題や教科の学習を進められる教室を週2回開きます。"
            "学校・教育委員会と連絡を取り合い、子どもの学びと進路を切れ目なく支えます。"
        ),
        "indicators": (
            "開催回数 年間70回（週2回、長期休みを除く）\n"
            "登録する子ども 30人、参加 のべ1,050人\n"
            "学習サポーター（ボランティア）の養成 20人\n"
            "保護者向けの進路説明会 年2回（通訳つき）、参加 のべ40家族\n"
            "子どものアンケートで「授業がわかるようになった」と答える人 70%以上"
        ),
        "content": (
            "会場：北市民プラザの学習室と、東福祉館の集会室（予定）\n"
            "対象：市内に住む、外国にルーツをもつ小学3年生から中学3年生（参加無料）\n"
            "内容：毎週月曜日と木曜日の16時から18時まで。学習サポーター1人が2〜3人の子どもを受け持ち、"
            "宿題と教科の学習を、やさしい日本語で支えます。中学生には高校受験に向けた学習も行います。\n\n"
            "スケジュール\n"
            "4月 学習サポーターの養成講座（3回）、学校への案内\n"
            "5月 教室の開始\n"
            "7月 保護者向けの進路説明会（1回目、通訳つき）\n"
            "8月 夏休みの集中教室（5日間）\n"
            "11月 保護者向けの進路説明会（2回目）\n"
            "2月 子どもと保護者へのアンケート\n"
            "3月 1年間の報告会"
        ),
        "expected_effect": (
            "子どもが授業の内容を理解し、自信をもって学校生活を送れるようになります。"
            "進路の情報が保護者に届き、高校への進学をあきらめる子どもが減ります。"
            "地域の住民が学習サポーターとして関わることで、外国にルーツをもつ家庭と地域のつながりが生まれます。"
        ),
        "why_collaboration": (
            "支援が必要な子どもに教室の情報を届け、学校での様子を踏まえて学習を支えるには、学校と教育委員会の協力が欠かせません。"
            "当センターは多言語での相談とボランティアの養成の経験を生かして教室を運営し、"
            "市は学校との連絡の調整と会場の確保、進路説明会の資料づくりを担います。"
        ),
        "public_summary": (
            "外国にルーツをもつ小中学生が、放課後に宿題や教科の学習を進められる教室を週2回開きます。"
            "学習サポーターを養成し、学校と連携して子どもの学びと進路を支えます。"
        ),
        "role_shares": (
            (
                "企画",
                "年間の計画を立て、学習サポーターを募集して養成講座を開きます。",
                "学校の日本語指導の担当者の意見を集め、計画づくりに助言します。",
            ),
            (
                "運営",
                "教室を運営し、子どもごとの学習の記録をつけます。",
                "北市民プラザと東福祉館の部屋を定期的に使えるよう調整します。",
            ),
            (
                "学校との連携",
                "保護者の同意を得たうえで、子どもの学習の様子を学校と共有します。",
                "各校の日本語指導の担当者との連絡会を年3回開きます。",
            ),
            (
                "広報",
                "多言語のチラシを作り、生活相談や日本語教室で案内します。",
                "学校を通じて対象の家庭にチラシを配り、市報とホームページに載せます。",
            ),
        ),
        "requested_amount": 700_000,
        "budget": (
            ("income", "市の補助金", 700_000, ""),
            (
                "income",
                "助成金・自己資金",
                150_000,
                "民間財団の助成 100,000円、会費 50,000円",
            ),
            ("expense", "謝礼", 420_000, "学習コーディネーター 1回6,000円×70回"),
            ("expense", "教材費", 150_000, "ドリル・辞書・多言語の教材"),
            (
                "expense",
                "講師・通訳謝礼",
                170_000,
                "養成講座 3回×30,000円、進路説明会の通訳 2回×4言語×10,000円",
            ),
            (
                "expense",
                "印刷費・保険料",
                110_000,
                "多言語のチラシ 60,000円、ボランティア保険・行事保険 50,000円",
            ),
        ),
        "steps": (
            ("submit", "inoue@example.jp"),
            ("screen", "staff@example.jp"),
            ("to_open_review", "staff@example.jp"),
        ),
    },
    {
        "title": "大学通りと駅前に「まちなかベンチ」を置く社会実験",
        "proposer": "kawaguchi@example.jp",
        "organization": "一般社団法人 くにたちエリアマネジメント",
        "call": None,
        "department": "都市整備部 まちづくり推進課",
        "desired_form": "co-hosting",
        "period": ((5, 1), (3, 31)),
        "local_issue": (
            "国立駅から大学通りにかけては、歩いて買い物や通学をする人が多い一方で、座って休める場所がほとんどありません。"
            "当法人のアンケート（回答412人）では、高齢の方の6割が「途中で休める場所がないので、駅前まで歩くのをためらう」と答えました。\n"
            "駅前広場も通り過ぎるだけの場所になっており、まちの人が立ち止まり、顔を合わせる場面が生まれていません。"
        ),
        "goal": (
            "大学通りの歩道と駅前広場に、移動できるベンチを1年間置く社会実験を行い、歩く人の休憩や滞在がどう変わるかを調べます。"
            "結果をもとに、ベンチを常設する場所と、地域で管理する仕組みを市と一緒に決めます。"
        ),
        "indicators": (
            "置くベンチ 20基（大学通り12基、駅前広場8基）\n"
            "歩行者と滞在の調査 年4回（季節ごと）\n"
            "ベンチの見守りに協力する商店・住民 30人以上\n"
            "利用者アンケートで「まちを歩くのが楽しくなった」と答える人 70%以上\n"
            "常設するベンチの配置と管理の方法の案 1件"
        ),
        "content": (
            "地元の木材と商店会の協賛で作った移動式のベンチを、歩道の幅に余裕のある場所に置きます。"
            "ベンチごとに近くの商店や住民が「見守りさん」となり、朝夕の見回りと簡単な清掃を担います。\n\n"
            "スケジュール\n"
            "5月 設置場所の確認、道路と広場の使用の手続き\n"
            "6月 ベンチの製作（市民参加のワークショップ）\n"
            "7月 ベンチの設置、1回目の調査\n"
            "10月 2回目の調査、中間の意見交換会\n"
            "1月 3回目の調査\n"
            "3月 4回目の調査、報告会と常設の案のとりまとめ"
        ),
        "expected_effect": (
            "高齢の方や子ども連れの方が、途中で休みながら安心してまちを歩けるようになります。"
            "ベンチで立ち止まる人が増えることで、商店街のにぎわいと、まちの人どうしの顔見知りの関係が生まれます。"
            "社会実験の結果は、今後の道路や広場の整備に生かされます。"
        ),
        "why_collaboration": (
            "歩道と駅前広場にベンチを置くには、道路と広場を管理する市との調整と、安全を確かめる手続きが欠かせません。"
            "当法人は商店会・自治会・大学をつなぐ連絡会議を生かしてベンチの見守りと調査を担い、"
            "市は使用の手続きと安全の確認、結果を整備の計画に生かすことを担います。"
        ),
        "public_summary": (
            "大学通りの歩道と駅前広場に移動できるベンチを20基置く1年間の社会実験を、市と共催で行います。"
            "近くの商店や住民がベンチを見守り、歩く人の休憩や滞在の変化を調べて、常設の計画につなげます。"
        ),
        "role_shares": (
            (
                "企画",
                "社会実験の計画と、ベンチの設置場所の案を作ります。",
                "道路と広場の整備の計画との関係を整理し、設置場所の案に助言します。",
            ),
            (
                "運営",
                "ベンチの製作と設置、見守りさんの募集と連絡を行います。",
                "道路と駅前広場の使用の手続きを行い、安全の確認に立ち会います。",
            ),
            (
                "調査・評価",
                "歩行者と滞在の調査を行い、結果を報告書にまとめます。",
                "調査の方法を一緒に決め、結果を今後の整備の計画の参考にします。",
            ),
            (
                "広報",
                "商店会と連絡会議を通じて、社会実験の目的を伝えます。",
                "市報・ホームページで社会実験を案内し、意見を募ります。",
            ),
        ),
        "requested_amount": 500_000,
        "budget": (
            ("income", "市の負担金", 500_000, "共催事業としての負担"),
            (
                "income",
                "協賛金・自己資金",
                250_000,
                "商店会の協賛 180,000円、会費 70,000円",
            ),
            (
                "expense",
                "ベンチの製作費",
                360_000,
                "地元産の木材を使った移動式ベンチ 20基×18,000円",
            ),
            ("expense", "調査費", 150_000, "歩行者・滞在の調査 4回、調査員の謝礼"),
            ("expense", "印刷費", 90_000, "案内の表示・アンケート用紙・報告書"),
            (
                "expense",
                "保険料・消耗品費",
                150_000,
                "施設賠償責任保険 80,000円、補修用の部材・清掃用品 70,000円",
            ),
        ),
        "steps": (
            ("submit", "kawaguchi@example.jp"),
            ("screen", "staff@example.jp"),
            ("to_open_review", "staff@example.jp"),
        ),
    },
    {
        "title": "谷保の古民家を改修した「田んぼの学校」の活動拠点づくり",
        "proposer": "ikeda@example.jp",
        "organization": "谷保田んぼの学校",
        "call": None,
        "department": "生活環境部 まちの振興課",
        "desired_form": "subsidy",
        "period": ((4, 1), (3, 31)),
        "local_issue": (
            "谷保の田んぼは市内に残る数少ない水田で、当会は15年にわたり小学生と家族の米づくり体験を続けてきました。"
            "参加の希望は毎年定員の3倍を超えますが、農具を置く場所や雨の日に集まれる場所がなく、受け入れる人数を増やせません。\n"
            "田んぼの近くにある築80年の古民家は空き家になり、傷みが進んでいます。"
        ),
        "goal": (
            "田んぼの近くの古民家を借りて改修し、農具の保管・雨の日の学習・収穫した米の調理ができる活動拠点にします。"
            "米づくり体験の受け入れを年間のべ600人から1,200人に増やし、谷保の農の風景を伝える場にします。"
        ),
        "indicators": (
            "米づくり体験の参加者 のべ1,200人（現在の2倍）\n"
            "拠点を使った食と農の講座 年12回\n"
            "古民家の改修に参加するボランティア のべ150人\n"
            "拠点の公開日 年24回"
        ),
        "content": (
            "古民家の所有者から建物を借り、床と屋根の修繕、土間の台所と手洗い場の整備を行います。"
            "改修の一部は、参加する家族と一緒にワークショップの形で進めます。\n\n"
            "スケジュール\n"
            "4月〜7月 所有者との賃貸借の契約、改修の設計\n"
            "8月〜11月 改修工事と、改修のワークショップ\n"
            "12月 拠点の開所\n"
            "1月〜3月 食と農の講座、公開日の開始"
        ),
        "expected_effect": (
            "より多くの子どもと家族が米づくりを体験でき、谷保の田んぼと農の文化への関心が高まります。"
            "空き家になっていた古民家が、地域の人が集まる場として生かされます。"
        ),
        "why_collaboration": (
            "古民家の改修と活用には、農地と景観の保全を進める市の考え方と合わせることが大切です。"
            "当会は米づくり体験の運営と改修のボランティアの募集を担い、"
            "市には改修費の補助と、所有者との調整への協力をお願いしたいと考えています。"
        ),
        "public_summary": (
            "谷保の田んぼの近くにある古民家を借りて改修し、米づくり体験の農具の保管や雨の日の学習、"
            "収穫した米の調理ができる活動拠点をつくります。"
        ),
        "role_shares": (
            (
                "改修",
                "改修の設計と工事の発注、ボランティアによる改修のワークショップを行います。",
                "改修費の一部を補助し、景観の保全の観点から助言します。",
            ),
            (
                "運営",
                "拠点の管理と、米づくり体験・講座の運営を行います。",
                "学校や子ども会に米づくり体験を案内します。",
            ),
            (
                "広報",
                "会報とSNSで拠点の公開日を案内します。",
                "市報・ホームページで拠点を紹介します。",
            ),
        ),
        "requested_amount": 2_400_000,
        "budget": (
            ("income", "市の補助金", 2_400_000, "改修費の3分の2"),
            (
                "income",
                "寄付金・自己資金",
                1_250_000,
                "クラウドファンディング 900,000円、会費・参加費 350,000円",
            ),
            (
                "expense",
                "改修工事費",
                3_300_000,
                "屋根・床の修繕、台所と手洗い場の整備（概算の見積り）",
            ),
            ("expense", "設計費", 200_000, ""),
            ("expense", "備品費", 100_000, "農具の棚・作業台"),
            ("expense", "講座の講師謝礼", 50_000, "食と農の講座"),
        ),
        "steps": (
            ("submit", "ikeda@example.jp"),
            ("screen", "staff@example.jp"),
            ("to_open_review", "staff@example.jp"),
        ),
    },
)

# Open review (公開審査): rounds keyed on their title, set up and moved by the review
# services. "{year}" in the title is the fiscal year's label (令和N年度), "fiscal_year"
# counted from the current one; "manager" is the city staff account that runs the
# round. "entries" are proposal titles in presentation order; "reviewers" are
# (e-mail, ReviewerAssignment.Kind value, public title). A session is announced and
# held "days" from the day seed_demo runs (or the next weekday), from "starts" to
# "ends" (Tokyo time); its minutes, if any, are published. A reviewer's "conflicts"
# keep them off a proposal; "sheets" are submitted score sheets, 0-5 per criterion
# of the default set (by name) with a comment (required for 0 and 1). "decisions"
# (proposal title -> (decision, reason)) take effect when the round is published.
# "status" is how far the round goes: ReviewRound.Status value. A round that exists
# is left as it is.
# Scores the demo's decisions made on the papers alone (書類審査による決定).
DOCUMENT_REVIEWER = "reviewer@example.jp"

REVIEWER_TITLES = {
    "reviewer@example.jp": "くにたち協働推進委員会 委員長（市民活動支援の実務家）",
    "onishi@example.jp": "東京多摩地域大学 社会学部 教授（地域社会学）",
}
REVIEW_ROUNDS = (
    {
        "title": "{year} 協働事業提案 公開審査（二次審査）",
        "stage": "open_review",
        "fiscal_year": 0,
        "manager": "staff@example.jp",
        "entries": (
            "大学通りと駅前に「まちなかベンチ」を置く社会実験",
            "谷保の古民家を改修した「田んぼの学校」の活動拠点づくり",
            "外国にルーツをもつ子どもの放課後学習教室「ことばの木」",
        ),
        "reviewers": (
            ("reviewer@example.jp", "external", REVIEWER_TITLES["reviewer@example.jp"]),
            ("onishi@example.jp", "external", REVIEWER_TITLES["onishi@example.jp"]),
        ),
        "sessions": (
            {
                "days": -24,
                "starts": "13:30",
                "ends": "16:30",
                "place": "くにたち市民協働センター 3階 第1会議室",
                "description": (
                    "一次審査を通過した3件の提案について、提案者による発表（各10分）と、"
                    "審査委員との質疑応答（各15分）を公開で行います。\n"
                    "どなたでも傍聴できます（申込不要・先着30人）。"
                    "手話通訳や要約筆記が必要な方は、1週間前までに生活環境部 まちの振興課 協働推進係"
                    "（電話 042-576-2102）へご連絡ください。"
                ),
                "minutes": (
                    "### 出席者\n\n"
                    "- 審査委員：田中 恵子（委員長）、大西 礼子\n"
                    "- 事務局：生活環境部 まちの振興課 協働推進係\n"
                    "- 傍聴者：21人\n\n"
                    "### 発表と質疑（発表順）\n\n"
                    "1. **大学通りと駅前に「まちなかベンチ」を置く社会実験**"
                    "（一般社団法人 くにたちエリアマネジメント）\n"
                    "   夜間の利用や苦情への対応について質問があり、提案者から、見守りさんと商店会の連絡網で対応し、"
                    "対応の手順は市と協定で定めるとの説明がありました。"
                    "大西委員は利害関係を申告し、この提案の質疑と採点に加わりませんでした。\n"
                    "2. **谷保の古民家を改修した「田んぼの学校」の活動拠点づくり**（谷保田んぼの学校）\n"
                    "   古民家の所有者との賃貸借の見通しと、改修工事費の積算の根拠について質問がありました。"
                    "提案者からは、所有者と協議を続けており、正式な見積りは設計の後に取るとの説明がありました。\n"
                    "3. **外国にルーツをもつ子どもの放課後学習教室「ことばの木」**"
                    "（NPO法人 くにたち多文化共生センター）\n"
                    "   学習サポーターの確保と、学校との情報の共有について質問があり、提案者から、"
                    "養成講座の受講の見込みと、保護者の同意を得て共有する方法の説明がありました。\n\n"
                    "### 今後の予定\n\n"
                    "委員の採点をもとに市が採否を決め、審査の結果と理由をこのポータルで公表します。"
                ),
            },
        ),
        "conflicts": (
            (
                "onishi@example.jp",
                "大学通りと駅前に「まちなかベンチ」を置く社会実験",
                "所属する大学の研究室が、この社会実験の歩行者と滞在の調査に協力することになっているため。",
            ),
        ),
        "sheets": (
            {
                "reviewer": "reviewer@example.jp",
                "proposal": "外国にルーツをもつ子どもの放課後学習教室「ことばの木」",
                "scores": {
                    "公益性": (
                        5,
                        "学びの支えを必要としている子どもがはっきりしており、市内にない場をつくる意義が大きい。",
                    ),
                    "協働の必要性・効果": (
                        5,
                        "学校との連携がなければ必要な子どもに情報が届かない事業で、役割分担も明確。",
                    ),
                    "実現性": (
                        4,
                        "会場と担い手の見通しは立っている。学習サポーターを20人確保できるかは見守りたい。",
                    ),
                    "先駆性・独自性": (4, ""),
                    "予算の妥当性": (4, ""),
                    "継続性・発展性": (
                        4,
                        "補助が終わった後の資金の見通しを、2年目までに示してほしい。",
                    ),
                },
                "overall_comment": (
                    "生活相談で積み重ねてきた家庭との信頼関係が、この事業の一番の強みだと感じました。"
                    "進路説明会に通訳をつける点も、保護者に情報を届けるうえで大切です。"
                    "学校との情報の共有は、保護者の同意の取り方を丁寧に決めてください。"
                ),
            },
            {
                "reviewer": "reviewer@example.jp",
                "proposal": "大学通りと駅前に「まちなかベンチ」を置く社会実験",
                "scores": {
                    "公益性": (
                        4,
                        "歩いて暮らせるまちづくりにつながり、高齢の方や子ども連れの方の利益が大きい。",
                    ),
                    "協働の必要性・効果": (4, ""),
                    "実現性": (
                        3,
                        "歩道の使用の許可と、夜間の利用や苦情への対応の手順がまだ具体的でない。",
                    ),
                    "先駆性・独自性": (
                        5,
                        "社会実験で確かめてから常設を決める進め方は市内で初めてで、評価できる。",
                    ),
                    "予算の妥当性": (3, ""),
                    "継続性・発展性": (
                        3,
                        "社会実験の後、ベンチの維持管理の費用をだれが負担するのかを早めに話し合ってほしい。",
                    ),
                },
                "overall_comment": (
                    "商店や住民がベンチを見守る仕組みは、管理を市任せにしない点でよい工夫です。"
                    "実施の前に、歩道の通行の妨げにならないかを関係機関と十分に確かめてください。"
                ),
            },
            {
                "reviewer": "reviewer@example.jp",
                "proposal": "谷保の古民家を改修した「田んぼの学校」の活動拠点づくり",
                "scores": {
                    "公益性": (
                        3,
                        "米づくり体験の意義は大きいが、拠点の整備が中心で、市民全体への利益が見えにくい。",
                    ),
                    "協働の必要性・効果": (
                        2,
                        "市の役割が改修費の補助にとどまり、協働で取り組む内容が少ない。",
                    ),
                    "実現性": (
                        1,
                        "古民家の所有者との賃貸借の契約がまだ結ばれておらず、期間内に改修を終えられる見通しが示されていない。",
                    ),
                    "先駆性・独自性": (3, ""),
                    "予算の妥当性": (
                        1,
                        "改修工事費が概算の見積りのままで、補助の大半が工事費に充てられている。正式な見積りが必要。",
                    ),
                    "継続性・発展性": (
                        2,
                        "改修した建物の維持管理の費用と、その負担の方法が示されていない。",
                    ),
                },
                "overall_comment": (
                    "長年の活動の実績と、谷保の農の風景を伝えたいという思いはよく伝わりました。"
                    "まずは所有者との調整を進めて改修の計画を固め、拠点を使ってどのような協働の事業を行うかを示していただけると、"
                    "評価しやすくなります。"
                ),
            },
            {
                "reviewer": "onishi@example.jp",
                "proposal": "外国にルーツをもつ子どもの放課後学習教室「ことばの木」",
                "scores": {
                    "公益性": (5, "進学の機会の格差を縮めるという点で、公益性は非常に高い。"),
                    "協働の必要性・効果": (4, ""),
                    "実現性": (4, ""),
                    "先駆性・独自性": (
                        5,
                        "やさしい日本語で教科の学習を支える方法は、ほかの自治体でも例が少なく先駆的。",
                    ),
                    "予算の妥当性": (
                        3,
                        "コーディネーターの謝礼が1回6,000円では担い手が続かないおそれがある。積算を見直す余地がある。",
                    ),
                    "継続性・発展性": (4, ""),
                },
                "overall_comment": (
                    "外国にルーツをもつ子どもの学習支援は全国的な課題であり、市と団体がそれぞれの強みを持ち寄る協働の形になっています。"
                    "子どもの声を聞く機会を、アンケートのほかにも設けるとよいと思います。"
                ),
            },
            {
                "reviewer": "onishi@example.jp",
                "proposal": "谷保の古民家を改修した「田んぼの学校」の活動拠点づくり",
                "scores": {
                    "公益性": (4, "都市に残る水田を次の世代に伝える取組として、公益性は高い。"),
                    "協働の必要性・効果": (2, ""),
                    "実現性": (2, "改修の設計と工事を半年で終える計画には無理がある。"),
                    "先駆性・独自性": (
                        4,
                        "空き家の古民家を農の学びの場に生かす発想には独自性がある。",
                    ),
                    "予算の妥当性": (
                        1,
                        "工事費の根拠が示されておらず、クラウドファンディングの目標額を集められる見通しも不明。",
                    ),
                    "継続性・発展性": (2, ""),
                },
                "overall_comment": (
                    "構想には魅力がありますが、現時点では拠点の整備の計画が固まっていません。"
                    "景観や古民家の保存に関するほかの補助制度や、民間の助成との組み合わせも含めて、資金の計画を練り直すことをお勧めします。"
                ),
            },
        ),
        "decisions": {
            "外国にルーツをもつ子どもの放課後学習教室「ことばの木」": (
                "adopt",
                "外国にルーツをもつ子どもの学びを放課後に支える場は市内になく、公益性と協働の必要性が高く評価されました。"
                "生活相談や日本語教室で築いてきた家庭とのつながりと、学校との連携の計画に無理がなく、実現性も高いと判断しました。"
                "委員の意見を踏まえ、学校と子どもの情報を共有する際のルールを、協定の段階で定めることを条件とします。",
            ),
            "大学通りと駅前に「まちなかベンチ」を置く社会実験": (
                "adopt",
                "座って休める場所を求める市民の声を社会実験で確かめる発想と、商店や住民がベンチを見守る仕組みが評価されました。"
                "結果を道路と広場の整備の計画に生かせる点で、協働の効果も大きいと判断しました。"
                "委員の意見を踏まえ、歩道の通行の妨げにならない設置場所を、実施の前に警察・道路管理者と確かめることを条件とします。",
            ),
            "谷保の古民家を改修した「田んぼの学校」の活動拠点づくり": (
                "not_adopt",
                "谷保の田んぼで長く続けてこられた米づくり体験の意義と、古民家を生かすという発想は、委員から高く評価されました。"
                "一方で、古民家の所有者との賃貸借の見通しが立っておらず、改修工事費の見積りも概算にとどまるため、"
                "実現性と予算の妥当性に課題があると判断しました。"
                "また、補助の大半が建物の改修に充てられ、協働で取り組む事業の内容が十分に示されていませんでした。\n"
                "所有者との調整と改修の計画が整った段階で、改めてご相談ください。"
                "まちの振興課では、農のある風景を生かす取組について、引き続き一緒に考えていきます。",
            ),
        },
        "status": "published",
    },
    {
        # The second intake of the year: one proposal has passed screening and waits
        # for the public session, announced ahead; scoring starts there.
        "title": "{year} 協働事業提案（第2回募集）公開審査（二次審査）",
        "stage": "open_review",
        "fiscal_year": 0,
        "manager": "staff@example.jp",
        "entries": ("多摩川沿いの「わが家の避難計画」づくり",),
        "reviewers": (
            ("reviewer@example.jp", "external", REVIEWER_TITLES["reviewer@example.jp"]),
            ("onishi@example.jp", "external", REVIEWER_TITLES["onishi@example.jp"]),
        ),
        "sessions": (
            {
                "days": 38,
                "starts": "14:00",
                "ends": "16:00",
                "place": "くにたち市民協働センター 3階 第1会議室",
                "description": (
                    "一次審査を通過した提案について、提案者による発表（10分）と、"
                    "審査委員との質疑応答（15分）を公開で行います。"
                    "一次審査中の提案が通過した場合は、あわせて発表します。\n"
                    "どなたでも傍聴できます（申込不要・先着30人）。"
                    "手話通訳や要約筆記が必要な方は、1週間前までに生活環境部 まちの振興課 協働推進係"
                    "（電話 042-576-2102）へご連絡ください。"
                ),
            },
        ),
        "status": "preparing",
    },
    {
        # The second intake's screening: the reviewers have a proposal to score.
        "title": "{year} 協働事業提案（第2回募集）一次審査（書類審査）",
        "stage": "screening",
        "fiscal_year": 0,
        "manager": "staff@example.jp",
        "entries": ("ママ下湧水の生きもの調査と水辺の観察会",),
        "reviewers": (
            ("reviewer@example.jp", "external", REVIEWER_TITLES["reviewer@example.jp"]),
            ("onishi@example.jp", "external", REVIEWER_TITLES["onishi@example.jp"]),
        ),
        "sessions": (),
        "status": "scoring",
    },
)

# Collaboration projects (協働事業), keyed on their title, reached through the services:
# "proposal" names an adopted proposal of PROPOSALS (or None for a project the city
# registers itself, with "origin", "partners", "form" and "kinds" ProjectForm codes and
# "years": fiscal years relative to the current one). The "department" and "partner"
# accounts act for each side. "agreement" fills the draft both sides then confirm;
# "indicators" are (kind, name, unit, target); "role_shares" are added to those the
# proposal carried. "moves" are actions of the project workflow, in order; a project
# that exists is left as it is.
PROJECTS = (
    {
        "title": "団地の集会所を拠点にした「ふらっと見守りサロン」",
        "proposal": "団地の集会所を拠点にした「ふらっと見守りサロン」",
        "department": "korei@example.jp",
        "partner": "hasegawa@example.jp",
        "money": {
            "city_share": 480_000,
            "partner_share": 60_000,
            "funding": "commission",
            "funding_reference": "国立市高齢者支援課委託第2027-08号",
            "funding_amount": 480_000,
        },
        "agreement": {
            "cost_sharing": (
                "甲は、サロンの運営と見守り協力者の研修に要する経費として、委託料480,000円を負担する。"
                "乙は、集会所の光熱費の一部（60,000円）を負担する。"
            ),
            "risk_and_liability": (
                "サロンの運営中の事故については、乙が加入する行事保険により対応する。"
                "保険で対応できない損害は、甲乙協議のうえ処理する。"
            ),
            "other_terms": (
                "乙は、見守りで知り得た個人の情報を、本人の同意なく第三者に提供しない。"
                "地域包括支援センターへの連絡は、この協定で定めた流れによるものとする。"
            ),
            "indicators": (
                ("activity", "サロンの開催回数", "回", 96),
                ("outcome", "サロンに来た高齢の方（延べ）", "人", 2400),
            ),
            "role_shares": (),
        },
        "moves": ("start", "begin_reporting"),
        "report": {
            "kind": "final",
            "values": (94, 2210),
            "narrative": (
                "5月から週2回、集会所でサロンを開きました。台風の日の2回を休み、年間94回開催しました。"
                "見守り協力者は32人になり、協力者が気づいた変化を地域包括支援センターに27件伝えました。"
            ),
            "public_summary": (
                "年間94回サロンを開き、延べ2,210人の高齢の方が立ち寄りました。"
                "見守り協力者32人が、気づいた変化27件を地域包括支援センターにつなぎました。"
            ),
            "expenditure": 528_000,
        },
        "evaluations": {
            "self_partner": {
                "rules": 4,
                "goals": ((5, ""), (3, "")),
                "overall_comment": "週2回の開催が定着し、協力者も増えた。参加者数は目標に少し届かなかった。",
            },
            "self_department": {
                "rules": 4,
                "goals": ((5, ""), (3, "")),
                "overall_comment": "自治会の主体的な運営により、専門職へのつなぎの流れができた。",
            },
            "mutual": {
                "shared_points": "顔を合わせる場が見守りの入口になることを、自治会と市が同じ実感で確かめられた。",
                "differences": "参加者の記録の取り方について、当初は自治会と市の考えが違った。",
                "improvements": "男性のひとり暮らしの方の参加が少ないため、来やすい企画を一緒に考える。",
            },
            "third_party": {
                "rules": 5,
                "goals": ((5, ""), (2, "冬の参加が減った。季節に応じた呼びかけの工夫が必要。")),
                "overall_comment": "住民による見守りと専門職をつなぐ、ほかの地区の手本となる協働である。",
            },
        },
        "direction": (
            "expand",
            "見守りの流れが定着し、ほかの団地の自治会からも要望があるため、翌年度は富士見台一丁目に広げる。",
        ),
        "complete": True,
    },
    {
        "title": "地域の縁側 多世代交流スペースの協働運営",
        "proposal": None,
        "origin": "existing",
        "summary": (
            "市が富士見台地域防災センターで続けてきた多世代交流スペース「地域の縁側」を、"
            "今年度から子ども食堂の運営に実績のある団体と協働で運営します。"
            "月2回の多世代食堂と、子どもから高齢の方までが集う交流会を開きます。"
        ),
        "partners": ("NPO法人 くにたち子ども食堂ネット",),
        "form": "cooperation",
        "kinds": ("cooperation-staff", "cooperation-equipment"),
        "years": (0, 1),
        "department": "staff@example.jp",
        "partner": "member@example.jp",
        "money": {
            "city_share": 300_000,
            "partner_share": 120_000,
            "funding": "",
            "funding_reference": "",
            "funding_amount": None,
        },
        "agreement": {
            "shared_goal": (
                "子どもから高齢の方までが気軽に集い、食事とおしゃべりを通して顔見知りになれる場を、"
                "地域の縁側として続けていく。"
            ),
            "cost_sharing": (
                "甲は会場と調理設備・備品を無償で貸与し、交流会の講師謝礼（300,000円）を負担する。"
                "乙は食材費（120,000円）を参加費と寄付で賄う。"
            ),
            "risk_and_liability": "食事の提供に伴う事故については、乙が加入する行事保険により対応する。",
            "other_terms": "",
            "indicators": (
                ("activity", "多世代食堂の開催回数", "回", 24),
                ("outcome", "参加者（延べ）", "人", 960),
            ),
            "role_shares": (
                (
                    "企画",
                    "食堂の献立と交流会の内容を考えます。",
                    "地域の行事と重ならないよう年間の日程を調整します。",
                ),
                (
                    "会場・備品",
                    "調理室の衛生管理と片付けを行います。",
                    "会場と調理設備・備品を貸し出し、修繕を行います。",
                ),
                (
                    "広報",
                    "SNSと地域の掲示板で案内します。",
                    "市報・ホームページで紹介し、学校と児童館にチラシを配ります。",
                ),
                (
                    "記録と評価",
                    "参加者数を記録し、報告書にまとめます。",
                    "報告をもとに、翌年度の運営の方法を一緒に見直します。",
                ),
            ),
        },
        "moves": ("start",),
        "interim_report_due_in_days": 45,
    },
)


# Five years of a city's record (令和3年度 to 令和7年度 proposals, their projects from 令和4年度
# to 令和8年度), generated from the lists below so that every list, filter and chart of the
# portal shows something. Each theme is (subject, organization, department, desired form,
# activity indicator (name, unit, target), outcome indicator (name, unit, target)); a year's
# proposals are its themes in one of the districts below. HISTORY_YEARS lists, per year
# (relative to the current fiscal year), the themes proposed and the states their projects
# reach: "not_adopted", or the project's state ("agreement", "active", "reporting",
# "evaluated", "closed"). The seed moves everything through the services on the days it
# would have happened (see seed_demo).
HISTORY_THEMES = (
    (
        "子どもの放課後の居場所と学習支援",
        "NPO法人 くにたち子ども食堂ネット",
        "子ども家庭部 児童青少年課",
        "subsidy",
        ("居場所の開催回数", "回", 80),
        ("参加した子ども（延べ）", "人", 1600),
    ),
    (
        "湧水と用水の生きもの調査",
        "NPO法人 くにたち緑と水の会",
        "生活環境部 環境政策課",
        "co-hosting",
        ("観察会の開催回数", "回", 12),
        ("観察会の参加者（延べ）", "人", 360),
    ),
    (
        "介護する家族のための相談カフェ",
        "NPO法人 国立まちなか介護ネットワーク",
        "健康福祉部 高齢者支援課",
        "commission",
        ("相談カフェの開催回数", "回", 24),
        ("相談を受けた家族（延べ）", "人", 300),
    ),
    (
        "高齢者のスマートフォン教室",
        "NPO法人 くにたちシニアITサポート",
        "健康福祉部 福祉総務課",
        "commission",
        ("教室の開催回数", "回", 40),
        ("受講した高齢の方（延べ）", "人", 480),
    ),
    (
        "外国にルーツのある家族の生活相談",
        "NPO法人 くにたち多文化共生センター",
        "政策経営部 政策経営課",
        "cooperation-advice",
        ("相談会の開催回数", "回", 24),
        ("相談の件数", "件", 200),
    ),
    (
        "多摩川の水害に備える地区防災訓練",
        "NPO法人 多摩川あおやぎ防災ラボ",
        "行政管理部 防災安全課",
        "executive-committee",
        ("訓練の開催回数", "回", 6),
        ("訓練の参加者（延べ）", "人", 900),
    ),
    (
        "団地の見守りと買い物の手助け",
        "富士見台三丁目住宅自治会",
        "健康福祉部 高齢者支援課",
        "cooperation-staff",
        ("見守り訪問の回数", "回", 150),
        ("手助けした世帯", "世帯", 60),
    ),
    (
        "駅前広場を使ったにぎわいマルシェ",
        "一般社団法人 くにたちエリアマネジメント",
        "生活環境部 まちの振興課",
        "cooperation-equipment",
        ("マルシェの開催回数", "回", 10),
        ("来場者（延べ）", "人", 12000),
    ),
    (
        "田んぼで学ぶ農業と食の体験",
        "谷保田んぼの学校",
        "教育委員会 生涯学習課",
        "co-hosting",
        ("体験会の開催回数", "回", 16),
        ("参加した親子（延べ）", "人", 640),
    ),
    (
        "まちの歴史を伝えるまち歩きマップ",
        "一般社団法人 くにたちエリアマネジメント",
        "都市整備部 まちづくり推進課",
        "information",
        ("まち歩きの開催回数", "回", 8),
        ("マップの配布部数", "部", 5000),
    ),
)
HISTORY_PLACES = ("青柳", "石田", "泉", "北", "中", "西", "東", "富士見台", "谷保", "矢川")
# (years before the current fiscal year, ((theme index, outcome), ...)). Proposals of a year
# become projects in the next one.
HISTORY_YEARS = (
    (
        5,
        (
            (0, "closed"),
            (1, "closed"),
            (2, "not_adopted"),
            (3, "closed"),
            (5, "closed"),
            (7, "not_adopted"),
        ),
    ),
    (
        4,
        (
            (2, "closed"),
            (4, "closed"),
            (6, "closed"),
            (8, "closed"),
            (9, "not_adopted"),
            (3, "not_adopted"),
            (0, "closed"),
        ),
    ),
    (
        3,
        (
            (1, "evaluated"),
            (3, "closed"),
            (5, "evaluated"),
            (7, "evaluated"),
            (9, "closed"),
            (6, "not_adopted"),
            (8, "evaluated"),
        ),
    ),
    (
        2,
        (
            (0, "reporting"),
            (2, "evaluated"),
            (4, "reporting"),
            (6, "evaluated"),
            (8, "reporting"),
            (1, "not_adopted"),
            (9, "reporting"),
        ),
    ),
    (
        1,
        (
            (1, "active"),
            (3, "active"),
            (5, "agreement"),
            (7, "active"),
            (9, "active"),
            (2, "not_adopted"),
            (4, "active"),
            (0, "not_adopted"),
            (6, "active"),
            (8, "agreement"),
        ),
    ),
)
# The rule scores (rules 1–6) evaluations give, in turn; never below 3 (a low score needs a comment).
HISTORY_RULE_SCORES = (
    (5, 4, 4, 3, 4, 4),
    (4, 4, 5, 4, 3, 4),
    (5, 5, 4, 4, 4, 3),
    (4, 3, 4, 4, 5, 4),
)
# What each indicator reached, in percent of its target, in turn.
HISTORY_ACHIEVEMENT = (112, 96, 104, 88, 125, 100, 73, 108)
