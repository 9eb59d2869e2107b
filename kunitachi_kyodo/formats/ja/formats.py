# Only what differs from Django's ja formats (the rest comes from django/conf/locale/ja).
DATE_FORMAT = "Y年n月j日"  # 2026年12月3日
TIME_FORMAT = "H:i"  # 09:30, as the city's notices write a time
DATETIME_FORMAT = "Y年n月j日 H:i"  # 2026年12月3日 14:00
YEAR_MONTH_FORMAT = "Y年n月"
MONTH_DAY_FORMAT = "n月j日"  # 12月3日
SHORT_DATE_FORMAT = "Y/m/d"  # 2026/12/03
SHORT_DATETIME_FORMAT = "Y/m/d H:i"
