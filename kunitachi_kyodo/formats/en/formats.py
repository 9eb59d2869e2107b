# British order and a 24-hour clock: a Japanese city's English pages, not an American site's.
DATE_FORMAT = "j F Y"  # 3 December 2026
TIME_FORMAT = "H:i"  # 14:00
DATETIME_FORMAT = "j F Y, H:i"  # 3 December 2026, 14:00
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"  # 3 December
SHORT_DATE_FORMAT = "j M Y"  # 3 Dec 2026: 03/12 would be read as March by half the readers
SHORT_DATETIME_FORMAT = "j M Y, H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
