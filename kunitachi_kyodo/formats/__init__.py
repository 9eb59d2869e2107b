"""The portal's own date and time formats per language (FORMAT_MODULE_PATH).

Django's defaults write English dates the American way (Dec. 3, 2026, 2 p.m.) and Japanese
times without a leading zero; a city's pages want 3 December 2026, 14:00 and 2026年12月3日 14:00.
Templates name a format (`|date:"DATE_FORMAT"`), never spell one out.
"""
